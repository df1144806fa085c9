// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/passwordpolicy.h"

#include <QFile>
#include <QSet>

namespace {
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> words;
        QFile file(QStringLiteral(":/passwords/common-passwords.txt"));
        if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                if (!line.isEmpty() && !line.startsWith(u'#'))
                    words.insert(line.toLower());
            }
        }
        return words;
    }();
    return list;
}

//! The password without digits and symbols around it: "Password123!" → "password".
QString core(const QString &lower)
{
    qsizetype begin = 0;
    qsizetype end = lower.size();
    while (begin < end && !lower.at(begin).isLetter())
        ++begin;
    while (end > begin && !lower.at(end - 1).isLetter())
        --end;
    return lower.mid(begin, end - begin);
}

//! "aaaaaaaa", "12345678", "abcdefgh", "87654321": each character one step from the last.
bool isRunOrRepeat(const QString &text)
{
    if (text.size() < 2)
        return true;
    const int step = text.at(1).unicode() - text.at(0).unicode();
    if (step < -1 || step > 1)
        return false;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (text.at(i).unicode() - text.at(i - 1).unicode() != step)
            return false;
    }
    return true;
}
} // namespace

bool PasswordPolicy::isCommon(const QString &password)
{
    const QString lower = password.toLower();
    if (commonPasswords().contains(lower))
        return true;
    const QString inner = core(lower);
    return inner.size() >= 4 && commonPasswords().contains(inner);
}

QString PasswordPolicy::check(const QString &password, const QString &userName)
{
    const qsizetype length = password.toUcs4().size(); // characters, not UTF-16 units
    if (length < minLength)
        return tr("The password must have at least %1 characters.").arg(minLength);
    if (length > maxLength)
        return tr("The password can have at most %1 characters.").arg(maxLength);
    if (isRunOrRepeat(password))
        return tr("The password is one character repeated or a plain sequence: choose another.");
    if (isCommon(password))
        return tr("This password is among the most common and breached ones: choose another. A "
                  "few unrelated words make a strong one that is easy to remember.");
    const QString lower = password.toLower();
    const QString name = userName.trimmed().toLower();
    if (name.size() >= 3 && lower.contains(name))
        return tr("The password must not contain the user name.");
    if (lower.contains(QLatin1String("clinicdesk")))
        return tr("The password must not contain the application's name.");
    return {};
}
