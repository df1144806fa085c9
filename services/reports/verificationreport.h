// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/reports/reportdata.h"

#include <QString>

//! Renders the printed verification report and the day sheet as HTML for QTextDocument.
//! No widgets: print preview, printing and PDF export all start from this HTML.
namespace ReportHtml {
QString verificationReport(const VerificationReportData &data);
QString daySheet(const DaySheetData &data);
//! Title used for the window, the PDF metadata and the default file name.
QString verificationReportTitle(const VerificationReportData &data);
QString daySheetTitle(const DaySheetData &data);
} // namespace ReportHtml
