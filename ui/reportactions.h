// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/reports/reportdata.h"

#include <QString>

class QWidget;
class ReportService;

/*!
  Print Preview, Print and Save as PDF for the reports; all paint through ReportPrinter. Each
  one is recorded in the audit trail by the ReportService before the report leaves the
  screen; when the record cannot be written the clerk is told and nothing is printed or saved.
  The data is read by the caller (ReportService::verificationReport() / daySheet()).
 */
namespace ReportActions {
void preview(ReportService *reports, const VerificationReportData &data, QWidget *parent);
void preview(ReportService *reports, const DaySheetData &data, QWidget *parent);
void print(ReportService *reports, const VerificationReportData &data, QWidget *parent);
void print(ReportService *reports, const DaySheetData &data, QWidget *parent);
//! Asks for a file name (suggesting one) and exports the PDF.
void saveAsPdf(ReportService *reports, const VerificationReportData &data, QWidget *parent);
void saveAsPdf(ReportService *reports, const DaySheetData &data, QWidget *parent);
//! Tells the clerk a report could not be read or recorded.
void showError(const QString &title, const QString &error, QWidget *parent);
} // namespace ReportActions
