// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/reports/reportprinter.h"

#include <QString>

class QWidget;

//! Print Preview, Print and Save as PDF for report HTML; all paint through ReportPrinter.
namespace ReportActions {
//! Returns true when the user printed from the preview.
bool preview(const QString &html, const ReportPrinter::Options &options, QWidget *parent);
bool print(const QString &html, const ReportPrinter::Options &options, QWidget *parent);
//! Asks for a file name; returns the path written, or empty when cancelled or failed.
QString saveAsPdf(const QString &html, const ReportPrinter::Options &options,
                  const QString &suggestedFileName, QWidget *parent);
} // namespace ReportActions
