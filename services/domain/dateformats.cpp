// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/dateformats.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace DateFormats {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DateFormats)
};

QChar separatorOf(const QLocale &locale)
{
    for (const QChar c : locale.dateFormat(QLocale::ShortFormat)) {
        if (!c.isLetter() && !c.isSpace())
            return c;
    }
    return QLatin1Char('/');
}
} // namespace

QLocale displayLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : locale;
}

bool isDayFirst(const QLocale &locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype day = format.indexOf(QLatin1Char('d'));
    const qsizetype month = format.indexOf(QLatin1Char('M'));
    return day >= 0 && month >= 0 && day < month;
}

QString dateFormat(const QLocale &locale)
{
    const QChar separator = separatorOf(locale);
    return isDayFirst(locale) ? QStringLiteral("dd%1MM%1yyyy").arg(separator)
                              : QStringLiteral("MM%1dd%1yyyy").arg(separator);
}

QString placeholder(const QLocale &locale)
{
    QString text = isDayFirst(locale) ? Tr::tr("DD/MM/YYYY") : Tr::tr("MM/DD/YYYY");
    return text.replace(QLatin1Char('/'), separatorOf(locale));
}

QString format(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, dateFormat(locale)) : QString();
}

QDate parse(const QString &text, const QLocale &locale)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    static const QRegularExpression digits(QStringLiteral("^(\\d{2})(\\d{2})(\\d{4})$"));
    const QString typed = text.trimmed();
    if (const auto m = iso.match(typed); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    QRegularExpressionMatch m = separated.match(typed);
    if (!m.hasMatch())
        m = digits.match(typed);
    if (!m.hasMatch())
        return {};
    const int first = m.captured(1).toInt();
    const int second = m.captured(2).toInt();
    const int year = m.captured(3).toInt();
    return isDayFirst(locale) ? QDate(year, second, first) : QDate(year, first, second);
}
} // namespace DateFormats
