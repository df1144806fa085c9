// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"
#include "services/metriport/chartreconciliation.h"
#include "services/domain/patient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

//! The clinical summary as printable HTML (ReportPrinter paints it): the patient, each category
//! as a table with the documents every line came from, the flags, and when it was printed.
//! Given the review against the chart, allergies, medications and problems get a Chart column
//! (in the chart, pending, not imported by whom) and the chart's own lines no outside record
//! mentions; without it the page says it was not compared.
class ClinicalSummaryHtml
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalSummaryHtml)
public:
    static QString render(const Patient &patient, const ClinicalSummary &summary,
                          const std::optional<QList<ReconcileRow>> &review,
                          const QString &clinicName, const QDateTime &printedAt);
};
