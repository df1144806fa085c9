// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/patient.h"

QString genderCode(Gender gender)
{
    switch (gender) {
    case Gender::Female:
        return QStringLiteral("F");
    case Gender::Male:
        return QStringLiteral("M");
    case Gender::Unknown:
        break;
    }
    return QStringLiteral("U");
}

Gender genderFromCode(const QString &code)
{
    const QString c = code.trimmed().left(1).toUpper();
    if (c == QLatin1String("F"))
        return Gender::Female;
    if (c == QLatin1String("M"))
        return Gender::Male;
    return Gender::Unknown;
}

QString Patient::displayName() const
{
    QString name = lastName + QStringLiteral(", ") + firstName;
    if (!middleName.isEmpty())
        name += QLatin1Char(' ') + middleName.left(1);
    return name;
}

QString Patient::fullName() const
{
    return firstName + QLatin1Char(' ') + lastName;
}

QString nameKey(const QString &name)
{
    const QString decomposed = name.trimmed().normalized(QString::NormalizationForm_D);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            key.append(c);
    }
    return key.normalized(QString::NormalizationForm_C).toCaseFolded();
}
