// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reportactions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace ReportActions {
namespace {
void setUpPrinter(QPrinter &printer, const ReportPrinter::Options &options)
{
    printer.setDocName(options.title);
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::Letter),
                    options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                    QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
}
} // namespace

bool preview(const QString &html, const ReportPrinter::Options &options, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    setUpPrinter(printer, options);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(
        QCoreApplication::translate("ReportActions", "Print Preview — %1").arg(options.title));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&](QPrinter *target) { ReportPrinter::paint(html, target, options); });
    dialog.resize(900, 1000);
    return dialog.exec() == QDialog::Accepted;
}

bool print(const QString &html, const ReportPrinter::Options &options, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    setUpPrinter(printer, options);
    QPrintDialog dialog(&printer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return ReportPrinter::paint(html, &printer, options) > 0;
}

QString saveAsPdf(const QString &html, const ReportPrinter::Options &options,
                  const QString &suggestedFileName, QWidget *parent)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("ReportActions", "Save Report as PDF"),
        QDir(folder).filePath(suggestedFileName),
        QCoreApplication::translate("ReportActions", "PDF documents (*.pdf)"));
    if (path.isEmpty())
        return {};
    QString error;
    if (!ReportPrinter::savePdf(html, path, options, &error)) {
        QMessageBox::warning(
            parent, QCoreApplication::translate("ReportActions", "Report Not Saved"), error);
        return {};
    }
    return path;
}
} // namespace ReportActions
