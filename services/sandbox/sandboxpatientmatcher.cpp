// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxpatientmatcher.h"

#include "services/common/jarowinkler.h"

#include <QRegularExpression>

namespace SandboxPatientMatcher {

namespace {

QString normal(const QString &text)
{
    return text.simplified().toLower();
}

// "John,Jonathan" or "Mary Ann": Metriport compares the first token only.
QString firstToken(const QString &name)
{
    const QString simple = normal(name);
    const qsizetype end = simple.indexOf(QRegularExpression(QStringLiteral("[ ,]")));
    return end < 0 ? simple : simple.left(end);
}

QString digits(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.isDigit())
            out.append(c);
    }
    if (out.size() == 11 && out.startsWith(QLatin1Char('1')))
        out.remove(0, 1);
    return out;
}

} // namespace

double similarity(const MetriportJson::Demographics &a, const MetriportJson::Demographics &b)
{
    if (a.dob != b.dob || a.genderAtBirth != b.genderAtBirth)
        return -1;
    QList<double> scores{jaroWinkler(firstToken(a.firstName), firstToken(b.firstName)),
                         jaroWinkler(firstToken(a.lastName), firstToken(b.lastName))};
    if (!a.address.isEmpty() && !b.address.isEmpty()) {
        const MetriportJson::Address &x = a.address.first();
        const MetriportJson::Address &y = b.address.first();
        scores.append(jaroWinkler(normal(x.addressLine1), normal(y.addressLine1)));
        if (!x.addressLine2.trimmed().isEmpty() && !y.addressLine2.trimmed().isEmpty())
            scores.append(jaroWinkler(normal(x.addressLine2), normal(y.addressLine2)));
        scores.append(jaroWinkler(normal(x.city), normal(y.city)));
        scores.append(jaroWinkler(normal(x.state), normal(y.state)));
        scores.append(jaroWinkler(digits(x.zip).left(5), digits(y.zip).left(5)));
    }
    if (!a.contact.isEmpty() && !b.contact.isEmpty()) {
        const MetriportJson::Contact &x = a.contact.first();
        const MetriportJson::Contact &y = b.contact.first();
        if (!x.phone.isEmpty() && !y.phone.isEmpty())
            scores.append(jaroWinkler(digits(x.phone), digits(y.phone)));
        if (!x.email.isEmpty() && !y.email.isEmpty())
            scores.append(jaroWinkler(normal(x.email), normal(y.email)));
    }
    double sum = 0;
    for (double score : scores)
        sum += score;
    return sum / scores.size();
}

bool matches(const MetriportJson::Demographics &a, const MetriportJson::Demographics &b)
{
    return similarity(a, b) >= threshold;
}

} // namespace SandboxPatientMatcher
