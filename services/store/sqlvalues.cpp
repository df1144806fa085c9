// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlvalues.h"

namespace {
const QString timestampFormat = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'");
const QString dateFormat = QStringLiteral("yyyy-MM-dd");
} // namespace

namespace SqlValues {
QVariant fromText(const QString &text)
{
    return text.isNull() ? QVariant(QLatin1String("")) : QVariant(text);
}

QVariant fromTimestamp(const QDateTime &timestamp)
{
    if (!timestamp.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return timestamp.toUTC().toString(timestampFormat);
}

QDateTime toTimestamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime timestamp = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return timestamp.isValid() ? timestamp.toUTC() : QDateTime();
}

QVariant fromDate(const QDate &date)
{
    if (!date.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return date.toString(dateFormat);
}

QDate toDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDate::fromString(value.toString(), dateFormat);
}

QVariant fromId(qint64 id)
{
    if (id == 0)
        return QVariant(QMetaType::fromType<qint64>());
    return id;
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

QString prefixUpperBound(const QString &prefix)
{
    QList<uint> codePoints = prefix.toUcs4();
    while (!codePoints.isEmpty()) {
        uint &last = codePoints.last();
        if (last < 0x10FFFF) {
            ++last;
            if (last >= 0xD800 && last <= 0xDFFF) // no surrogates in valid text
                last = 0xE000;
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()),
                                     codePoints.size());
        }
        codePoints.removeLast(); // U+10FFFF cannot grow: bump the character before it
    }
    return QString(); // everything matches the empty prefix; callers do not search for it
}

QString asciiLower(const QString &text)
{
    QString lower = text;
    for (QChar &c : lower) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return lower;
}
} // namespace SqlValues
