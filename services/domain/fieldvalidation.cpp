// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/fieldvalidation.h"

#include "services/domain/dateformats.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace FieldValidation {
namespace {
// lupdate reads the context from here; the strings are looked up under it at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FieldValidation)
};

int digitCount(const QString &value)
{
    return int(std::count_if(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); }));
}
} // namespace

QString personName(const QString &value, bool required)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return required ? Tr::tr("Required.") : QString();
    if (v.size() > 60)
        return Tr::tr("Use at most 60 characters.");
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}][\\p{L}\\p{M} .'\\-]*$"));
    if (!allowed.match(v).hasMatch())
        return Tr::tr("Use letters, spaces, apostrophes and hyphens only.");
    return {};
}

QString dateOfBirth(const QDate &value, const QDate &today)
{
    if (!value.isValid())
        return Tr::tr("Enter the date of birth.");
    if (value > today)
        return Tr::tr("The date of birth cannot be in the future.");
    if (value < today.addYears(-130))
        return Tr::tr("The date of birth is more than 130 years ago.");
    return {};
}

QString state(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Za-z]{2}$"));
    if (!twoLetters.match(v).hasMatch())
        return Tr::tr("Use the two-letter state code, e.g. OR.");
    return {};
}

QString zip(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral("^\\d{5}(-?\\d{4})?$"));
    if (!pattern.match(v).hasMatch())
        return Tr::tr("Use 5 digits, or 9 as 12345-6789.");
    return {};
}

QString phone(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    static const QRegularExpression allowed(QStringLiteral("^[0-9 ()+.\\-]+$"));
    if (!allowed.match(v).hasMatch() || digitCount(v) != 10)
        return Tr::tr("Enter 10 digits, e.g. 541-555-0100.");
    return {};
}

QString email(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!pattern.match(v).hasMatch())
        return Tr::tr("Enter an address like name@example.org.");
    return {};
}

QDate parseDate(const QString &text)
{
    return DateFormats::parse(text);
}

QString normalizedMemberId(const QString &value)
{
    QString v = value.trimmed().toUpper();
    v.remove(QLatin1Char(' '));
    return v;
}

QString memberId(const QString &value)
{
    const QString v = normalizedMemberId(value);
    if (v.isEmpty())
        return Tr::tr("Enter the member ID from the insurance card.");
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9][A-Z0-9\\-]{1,29}$"));
    if (!pattern.match(v).hasMatch())
        return Tr::tr("A member ID has 2 to 30 letters and digits.");
    return {};
}

QString groupNumber(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9\\-]{1,30}$"));
    if (!pattern.match(v).hasMatch())
        return Tr::tr("A group number has up to 30 letters, digits and dashes.");
    return {};
}

bool isValidNpi(const QString &value)
{
    static const QRegularExpression tenDigits(QStringLiteral("^\\d{10}$"));
    if (!tenDigits.match(value).hasMatch())
        return false;
    // Luhn over "80840" + the first nine digits gives the tenth.
    const QString digits = QStringLiteral("80840") + value.left(9);
    int sum = 0;
    bool doubleIt = true;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    const int check = (10 - sum % 10) % 10;
    return check == value.at(9).digitValue();
}

QString npi(const QString &value)
{
    if (value.trimmed().isEmpty())
        return Tr::tr("Enter the 10-digit NPI.");
    if (!isValidNpi(value.trimmed()))
        return Tr::tr("This is not a valid NPI (10 digits with a check digit).");
    return {};
}
} // namespace FieldValidation
