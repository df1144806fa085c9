// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

/*!
  The one date format of each language, for typing dates and for showing them everywhere
  (forms, tables, reports, the day sheet): month first in US English (11/24/2026), day first in
  Spanish and other day-first languages (24/11/2026), always with two-digit day and month and a
  four-digit year. Chosen here only, so a date typed is the date shown.
 */
namespace DateFormats {
//! The locale dates are shown in: the default one, but US English when it is C/POSIX.
QLocale displayLocale();
//! True when the locale writes the day before the month.
bool isDayFirst(const QLocale &locale = displayLocale());
//! "MM/dd/yyyy" or "dd/MM/yyyy" (with the locale's separator), a QDate/QDateEdit format.
QString dateFormat(const QLocale &locale = displayLocale());
//! What a form shows in an empty date field: "MM/DD/YYYY" or, translated, "DD/MM/AAAA".
QString placeholder(const QLocale &locale = displayLocale());
//! The date in the locale's format; empty for an invalid date.
QString format(const QDate &date, const QLocale &locale = displayLocale());
/*!
  A typed date in the locale's order: 1 or 2 digits for day and month, a four-digit year,
  any of / - . as separator, or 8 digits without one (MMDDYYYY or DDMMYYYY); also
  YYYY-MM-DD in any language. Null when it is not a date.
 */
QDate parse(const QString &text, const QLocale &locale = displayLocale());
} // namespace DateFormats
