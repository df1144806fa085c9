// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QCoreApplication>
#include <QString>

/*!
  Clinical entries in words for the screens and the printed summary: what, the details that
  matter for its kind, when, and its status, with "could not be read", "no known…" and
  "not given / ruled out" said plainly rather than shown as if they were ordinary entries.
 */
class ClinicalText
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalText)
public:
    //! The entry's name: the code's label, else its words; "No known allergies" etc.
    static QString what(const ClinicalEntry &entry);
    //! Reactions and severity; dose, route, frequency; value, unit, range, interpretation…
    static QString details(const ClinicalEntry &entry);
    //! The entry's date(s) at the precision given, in the local format ("3/4/26 – 6/1/26").
    static QString when(const ClinicalEntry &entry);
    static QString status(const ClinicalEntry &entry);
    //! An ISO date of any precision ("2019", "2019-03", "2019-03-04T10:30:00-05:00") shown
    //! in the local format at that precision.
    static QString date(const QString &iso);
};
