// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QPagedPaintDevice;
class QTextDocument;

/*!
  Paints report HTML page by page onto any paged device (QPrinter for printing and print
  preview, QPdfWriter for PDF files), with "Page N of M" footers and, in training mode, a
  TRAINING watermark on every page. Print, preview and Save as PDF all call paint().
 */
class ReportPrinter
{
public:
    struct Options
    {
        QString title;          // PDF metadata, footer left
        bool watermark = false; // TRAINING across every page
        QString watermarkText;  // defaults to the translated "TRAINING"
        bool landscape = false; // wide tables (the day sheet)
    };

    //! Lays out `html` for the device's page and paints every page. Returns the page count.
    static int paint(const QString &html, QPagedPaintDevice *device, const Options &options);
    //! Writes a PDF (US Letter, 15 mm margins). Returns false and sets `error` on failure.
    static bool savePdf(const QString &html, const QString &filePath, const Options &options,
                        QString *error = nullptr);
};
