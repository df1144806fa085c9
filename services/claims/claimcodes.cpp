// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimcodes.h"

#include "services/domain/claim.h"
#include "services/domain/fieldvalidation.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <iterator>

namespace ClaimCodes {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ClaimCodes)
};

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiUpper(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

struct PlaceOfService
{
    const char *code;
    const char *name;
};

// The codes a clinic's professional claims use, from the CMS place-of-service code set.
constexpr PlaceOfService placesOfService[] = {
    {"01", QT_TRANSLATE_NOOP("ClaimCodes", "Pharmacy")},
    {"02", QT_TRANSLATE_NOOP("ClaimCodes", "Telehealth provided other than in the patient's home")},
    {"03", QT_TRANSLATE_NOOP("ClaimCodes", "School")},
    {"04", QT_TRANSLATE_NOOP("ClaimCodes", "Homeless shelter")},
    {"09", QT_TRANSLATE_NOOP("ClaimCodes", "Prison or correctional facility")},
    {"10", QT_TRANSLATE_NOOP("ClaimCodes", "Telehealth provided in the patient's home")},
    {"11", QT_TRANSLATE_NOOP("ClaimCodes", "Office")},
    {"12", QT_TRANSLATE_NOOP("ClaimCodes", "Home")},
    {"13", QT_TRANSLATE_NOOP("ClaimCodes", "Assisted living facility")},
    {"14", QT_TRANSLATE_NOOP("ClaimCodes", "Group home")},
    {"15", QT_TRANSLATE_NOOP("ClaimCodes", "Mobile unit")},
    {"17", QT_TRANSLATE_NOOP("ClaimCodes", "Walk-in retail health clinic")},
    {"18", QT_TRANSLATE_NOOP("ClaimCodes", "Place of employment or worksite")},
    {"19", QT_TRANSLATE_NOOP("ClaimCodes", "Off-campus outpatient hospital")},
    {"20", QT_TRANSLATE_NOOP("ClaimCodes", "Urgent care facility")},
    {"21", QT_TRANSLATE_NOOP("ClaimCodes", "Inpatient hospital")},
    {"22", QT_TRANSLATE_NOOP("ClaimCodes", "On-campus outpatient hospital")},
    {"23", QT_TRANSLATE_NOOP("ClaimCodes", "Emergency room, hospital")},
    {"24", QT_TRANSLATE_NOOP("ClaimCodes", "Ambulatory surgical center")},
    {"25", QT_TRANSLATE_NOOP("ClaimCodes", "Birthing center")},
    {"31", QT_TRANSLATE_NOOP("ClaimCodes", "Skilled nursing facility")},
    {"32", QT_TRANSLATE_NOOP("ClaimCodes", "Nursing facility")},
    {"33", QT_TRANSLATE_NOOP("ClaimCodes", "Custodial care facility")},
    {"34", QT_TRANSLATE_NOOP("ClaimCodes", "Hospice")},
    {"41", QT_TRANSLATE_NOOP("ClaimCodes", "Ambulance, land")},
    {"42", QT_TRANSLATE_NOOP("ClaimCodes", "Ambulance, air or water")},
    {"49", QT_TRANSLATE_NOOP("ClaimCodes", "Independent clinic")},
    {"50", QT_TRANSLATE_NOOP("ClaimCodes", "Federally qualified health center")},
    {"53", QT_TRANSLATE_NOOP("ClaimCodes", "Community mental health center")},
    {"57", QT_TRANSLATE_NOOP("ClaimCodes", "Non-residential substance abuse treatment facility")},
    {"60", QT_TRANSLATE_NOOP("ClaimCodes", "Mass immunization center")},
    {"65", QT_TRANSLATE_NOOP("ClaimCodes", "End-stage renal disease treatment facility")},
    {"71", QT_TRANSLATE_NOOP("ClaimCodes", "Public health clinic")},
    {"72", QT_TRANSLATE_NOOP("ClaimCodes", "Rural health clinic")},
    {"81", QT_TRANSLATE_NOOP("ClaimCodes", "Independent laboratory")},
    {"99", QT_TRANSLATE_NOOP("ClaimCodes", "Other place of service")},
};

const PlaceOfService *findPlaceOfService(const QString &code)
{
    const auto it =
        std::find_if(std::begin(placesOfService), std::end(placesOfService),
                     [&](const PlaceOfService &p) { return code == QLatin1String(p.code); });
    return it == std::end(placesOfService) ? nullptr : it;
}
} // namespace

QString icd10Problem(const QString &code)
{
    const QString text = code.trimmed().toUpper();
    if (text.isEmpty())
        return Tr::tr("it is empty; enter a code such as J20.9");
    for (const QChar c : text) {
        if (!isAsciiDigit(c) && !isAsciiUpper(c) && c != QLatin1Char('.'))
            //: %1 is the character that is not allowed
            return Tr::tr("“%1” is not allowed; use letters, digits and a dot").arg(c);
    }
    if (text.count(QLatin1Char('.')) > 1)
        return Tr::tr("it has more than one dot");
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot != -1 && dot != 3)
        return Tr::tr("the dot goes after the third character, as in J20.9");
    const QString stored = icd10Stored(text);
    if (stored.size() < 3 || stored.size() > 7)
        return Tr::tr("it has %n characters; ICD-10-CM codes have 3 to 7", nullptr,
                      int(stored.size()));
    if (!isAsciiUpper(stored.at(0)))
        return Tr::tr("the first character must be a letter");
    if (!isAsciiDigit(stored.at(1)))
        return Tr::tr("the second character must be a digit (0–9)");
    return {};
}

bool isIcd10(const QString &code)
{
    return icd10Problem(code).isEmpty();
}

QString hcpcsLetters()
{
    return QStringLiteral("ABCDEGHJKLMPQRSTUV");
}

ProcedureKind procedureKind(const QString &code)
{
    if (code.size() != 5)
        return ProcedureKind::Invalid;
    const QStringView first4 = QStringView(code).left(4);
    const QChar last = code.at(4);
    if (allDigits(first4)) {
        if (isAsciiDigit(last))
            return ProcedureKind::Cpt;
        switch (last.unicode()) {
        case 'F':
            return ProcedureKind::CptCategoryII;
        case 'T':
            return ProcedureKind::CptCategoryIII;
        case 'U':
            return ProcedureKind::CptPla;
        case 'M':
            return ProcedureKind::CptMaaa;
        default:
            return ProcedureKind::Invalid;
        }
    }
    if (hcpcsLetters().contains(code.at(0)) && allDigits(QStringView(code).mid(1)))
        return ProcedureKind::HcpcsLevelII;
    return ProcedureKind::Invalid;
}

QString procedureCodeProblem(const QString &code)
{
    if (code.isEmpty())
        return Tr::tr("it is empty; enter a code such as 99213 or J1100");
    if (procedureKind(code) != ProcedureKind::Invalid)
        return {};
    if (code.contains(QLatin1Char(' ')))
        return Tr::tr("it contains spaces; a code is five letters or digits without spaces");
    if (code != code.toUpper() && procedureKind(code.toUpper()) != ProcedureKind::Invalid)
        return Tr::tr("write its letter in upper case: %1").arg(code.toUpper());
    if (code.size() != 5)
        return Tr::tr("it has %n characters; CPT and HCPCS codes have 5", nullptr,
                      int(code.size()));
    const QStringView first4 = QStringView(code).left(4);
    if (allDigits(first4) && isAsciiUpper(code.at(4)))
        return Tr::tr("a CPT code that ends in a letter ends in F, T, U or M");
    if (isAsciiUpper(code.at(0)) && allDigits(QStringView(code).mid(1)))
        //: %1 is a letter; HCPCS Level II codes start with A–V except F, I, N and O
        return Tr::tr("no HCPCS Level II code starts with %1 (they start with A–V, except F, "
                      "I, N and O; did you mean a digit?)")
            .arg(code.at(0));
    return Tr::tr("expected five digits (99213), four digits and F, T, U or M (3074F, 0042T), or "
                  "a letter and four digits (J1100)");
}

bool isProcedureCode(const QString &code)
{
    return procedureKind(code) != ProcedureKind::Invalid;
}

QString normalizedProcedureCode(const QString &text)
{
    QString code = text.trimmed().toUpper();
    code.remove(QLatin1Char(' '));
    return code;
}

QString modifierProblem(const QString &modifier)
{
    if (modifier.isEmpty())
        return Tr::tr("a modifier is empty");
    const bool twoAlnum =
        modifier.size() == 2 && std::all_of(modifier.begin(), modifier.end(), [](QChar c) {
            return isAsciiDigit(c) || isAsciiUpper(c) ||
                   (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
        });
    if (!twoAlnum)
        return Tr::tr("“%1” is not a modifier: modifiers are two letters or digits (25, RT)")
            .arg(modifier);
    if (modifier != modifier.toUpper())
        return Tr::tr("write modifier “%1” in upper case: %2").arg(modifier, modifier.toUpper());
    return {};
}

QString modifiersProblem(const QStringList &modifiers)
{
    if (modifiers.size() > MaxModifiers)
        return Tr::tr("a line takes at most %1 modifiers; this one has %2")
            .arg(MaxModifiers)
            .arg(modifiers.size());
    QSet<QString> seen;
    for (const QString &modifier : modifiers) {
        if (QString problem = modifierProblem(modifier); !problem.isEmpty())
            return problem;
        if (seen.contains(modifier))
            return Tr::tr("modifier %1 is given twice").arg(modifier);
        seen.insert(modifier);
    }
    return {};
}

QString normalizedModifier(const QString &text)
{
    return text.trimmed().toUpper();
}

QString npiProblem(const QString &npi)
{
    if (npi.isEmpty())
        return Tr::tr("it is empty; an NPI has 10 digits");
    if (!allDigits(npi))
        return Tr::tr("an NPI has digits only");
    if (npi.size() != 10)
        return Tr::tr("it has %n digits; an NPI has 10", nullptr, int(npi.size()));
    if (npi.at(0) != QLatin1Char('1') && npi.at(0) != QLatin1Char('2'))
        return Tr::tr("an NPI starts with 1 or 2");
    // One Luhn implementation for the whole desk (the clinic's own NPI in Settings uses it too).
    if (!FieldValidation::isValidNpi(npi))
        return Tr::tr("its check digit (the last) does not match the other nine; a digit is "
                      "probably mistyped");
    return {};
}

bool isNpi(const QString &npi)
{
    return npiProblem(npi).isEmpty();
}

QString placeOfServiceProblem(const QString &code)
{
    if (code.size() != 2 || !allDigits(code))
        return Tr::tr("a place of service is two digits, such as 11 (office)");
    return {};
}

bool isKnownPlaceOfService(const QString &code)
{
    return findPlaceOfService(code) != nullptr;
}

QString placeOfServiceName(const QString &code)
{
    const PlaceOfService *place = findPlaceOfService(code);
    return place ? Tr::tr(place->name) : QString();
}

QStringList knownPlacesOfService()
{
    QStringList codes;
    for (const PlaceOfService &place : placesOfService)
        codes.append(QLatin1String(place.code));
    return codes;
}

} // namespace ClaimCodes
