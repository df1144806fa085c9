// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

/*!
  Rules for the registration and insurance forms. Each returns an empty string when the value
  is acceptable, else a translated message naming what is wrong. Used by the forms, the
  headless commands and tests alike.
 */
namespace FieldValidation {
QString personName(const QString &value, bool required);
QString dateOfBirth(const QDate &value, const QDate &today);
QString state(const QString &value); // two letters, optional
QString zip(const QString &value);   // 12345 or 12345-6789, optional
QString phone(const QString &value); // 10 digits (punctuation allowed), optional
QString email(const QString &value); // optional
//! Member IDs: 2-30 letters and digits (payers print some with dashes; we ignore spaces).
QString memberId(const QString &value);
QString groupNumber(const QString &value); // optional, 1-30 letters, digits, dashes
//! NPI: 10 digits with a valid Luhn check digit (prefix 80840).
QString npi(const QString &value);
bool isValidNpi(const QString &value);
//! Parses a typed date in the language's order (DateFormats::parse); null when invalid.
QDate parseDate(const QString &text);
//! Member ID as sent to the payer: trimmed, inner spaces removed, upper case.
QString normalizedMemberId(const QString &value);
} // namespace FieldValidation
