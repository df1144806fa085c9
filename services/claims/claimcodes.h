// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/*!
  The shapes of the codes on a professional claim. These check form, not meaning: a code of the
  right shape may still be one that does not exist or was retired (only the payor's code tables
  can tell). Each `…Problem` function returns an empty string when the value is well-formed,
  else a translated reason that completes "“X” is not a … code: <reason>", e.g. "the second
  character must be a digit (0–9)". Used by ClaimValidator, the claim form as the biller types,
  and the headless `claim submit`.
 */
namespace ClaimCodes {

/*!
  ICD-10-CM diagnosis: a letter, a digit, then one to five letters or digits (3–7 characters;
  "X" fills empty places before a seventh character). The dot is optional but, when present,
  follows the third character; case does not matter (icd10Stored() normalises). Every letter
  starts some chapter, U included (U07.1 COVID-19, U09.9 post-COVID condition).
 */
QString icd10Problem(const QString &code);
bool isIcd10(const QString &code);

enum class ProcedureKind {
    Invalid,
    Cpt,            //!< Category I: five digits (99213)
    CptCategoryII,  //!< four digits and F, performance measures (3074F)
    CptCategoryIII, //!< four digits and T, emerging technology (0042T)
    CptPla,         //!< four digits and U, proprietary laboratory analyses (0001U)
    CptMaaa,        //!< four digits and M, administrative MAAA codes (0002M)
    HcpcsLevelII,   //!< a letter and four digits (J1100); see hcpcsLetters()
};
/*!
  CPT or HCPCS Level II, upper case, exactly as it will be sent (normalizedProcedureCode() is
  what a form applies to typed text).
 */
ProcedureKind procedureKind(const QString &code);
QString procedureCodeProblem(const QString &code);
bool isProcedureCode(const QString &code);
//! The letters HCPCS Level II codes start with: A–V except F, I, N and O.
QString hcpcsLetters();
//! Trimmed, upper case, inner spaces removed: what a form stores from typed text.
QString normalizedProcedureCode(const QString &text);

//! Most modifiers a service line can carry (SV101-3 to SV101-6).
inline constexpr int MaxModifiers = 4;
//! One modifier: exactly two upper-case letters or digits (25, 59, RT, GA).
QString modifierProblem(const QString &modifier);
//! A line's modifiers: each well-formed, at most MaxModifiers, none twice.
QString modifiersProblem(const QStringList &modifiers);
QString normalizedModifier(const QString &text);

/*!
  NPI: ten digits, the first 1 or 2, the last a Luhn check digit over "80840" and the first
  nine (the NPI standard's card-issuer prefix).
 */
QString npiProblem(const QString &npi);
bool isNpi(const QString &npi);

/*!
  Place of service: two digits. The CMS list changes now and then, so a code missing from our
  table is not refused; placeOfServiceName() is empty for it and the validator warns.
 */
QString placeOfServiceProblem(const QString &code);
bool isKnownPlaceOfService(const QString &code);
//! Translated name of a known code ("Office" for 11); empty when unknown.
QString placeOfServiceName(const QString &code);
//! The known codes in order, for a picker.
QStringList knownPlacesOfService();

} // namespace ClaimCodes
