// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"
#include "services/domain/patient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

//! The clinical summary as printable HTML (ReportPrinter paints it): the patient, each category
//! as a table with the documents every line came from, the flags, and when it was printed.
class ClinicalSummaryHtml
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalSummaryHtml)
public:
    static QString render(const Patient &patient, const ClinicalSummary &summary,
                          const QString &clinicName, const QDateTime &printedAt);
};
