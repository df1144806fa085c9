// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reportactions.h"

#include "services/common/async.h"
#include "services/reports/reportservice.h"
#include "services/reports/verificationreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QScreen>
#include <QStandardPaths>

namespace ReportActions {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReportActions)
};

void setUpPrinter(QPrinter &printer, const ReportPrinter::Options &options)
{
    printer.setDocName(options.title);
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::Letter),
                    options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                    QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
}

QString htmlOf(const VerificationReportData &data)
{
    return ReportHtml::verificationReport(data);
}

QString htmlOf(const DaySheetData &data)
{
    return ReportHtml::daySheet(data);
}

QString fileNameOf(const VerificationReportData &data)
{
    return QStringLiteral("verification-%1-%2.pdf")
        .arg(data.patient.lastName.toLower(),
             data.printedAt.toLocalTime().date().toString(Qt::ISODate));
}

QString fileNameOf(const DaySheetData &data)
{
    return QStringLiteral("day-sheet-%1.pdf").arg(data.day.toString(Qt::ISODate));
}

//! Runs `then` once `record` says the output is in the audit trail; else tells the clerk.
void afterRecorded(QFuture<StoreResult<qint64>> record, QWidget *parent, std::function<void()> then)
{
    QPointer<QWidget> guard(parent);
    Async::whenReady(record, parent, [guard, then](const StoreResult<qint64> &recorded) {
        if (!guard)
            return;
        if (!recorded) {
            showError(Tr::tr("Report Not Printed"), recorded.error(), guard);
            return;
        }
        then();
    });
}

template<typename Data>
void previewReport(ReportService *reports, const Data &data, QWidget *parent)
{
    afterRecorded(reports->recordOutput(ReportService::Output::Preview, data), parent,
                  [reports, data, parent] {
                      const QString html = htmlOf(data);
                      const ReportPrinter::Options options = ReportService::printOptions(data);
                      QPrinter printer(QPrinter::HighResolution);
                      setUpPrinter(printer, options);
                      QPrintPreviewDialog dialog(&printer, parent);
                      dialog.setWindowTitle(Tr::tr("Print Preview — %1").arg(options.title));
                      QObject::connect(
                          &dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                          [&](QPrinter *target) { ReportPrinter::paint(html, target, options); });
                      // A page tall, but never taller or wider than the screen it opens on
                      // (1024×700 desks): the preview fits the page to what it has.
                      const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
                      const QRect room = screen ? screen->availableGeometry() : QRect(0, 0, 900, 1000);
                      dialog.resize(qMin(900, room.width() * 9 / 10),
                                    qMin(1000, room.height() * 9 / 10));
                      // The preview prints by itself on accept: record it once it has.
                      if (dialog.exec() == QDialog::Accepted)
                          afterRecorded(reports->recordOutput(ReportService::Output::Print, data),
                                        parent, [] {});
                  });
}

template<typename Data> void printReport(ReportService *reports, const Data &data, QWidget *parent)
{
    const ReportPrinter::Options options = ReportService::printOptions(data);
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    setUpPrinter(*printer, options);
    QPrintDialog dialog(printer.get(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString html = htmlOf(data);
    afterRecorded(reports->recordOutput(ReportService::Output::Print, data), parent,
                  [printer, html, options] { ReportPrinter::paint(html, printer.get(), options); });
}

template<typename Data> void saveReport(ReportService *reports, const Data &data, QWidget *parent)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(parent, Tr::tr("Save Report as PDF"),
                                                      QDir(folder).filePath(fileNameOf(data)),
                                                      Tr::tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QPointer<QWidget> guard(parent);
    Async::whenReady(reports->exportPdf(data, path), parent,
                     [guard](const StoreResult<QString> &saved) {
                         if (guard && !saved)
                             showError(Tr::tr("Report Not Saved"), saved.error(), guard);
                     });
}
} // namespace

void preview(ReportService *reports, const VerificationReportData &data, QWidget *parent)
{
    previewReport(reports, data, parent);
}

void preview(ReportService *reports, const DaySheetData &data, QWidget *parent)
{
    previewReport(reports, data, parent);
}

void print(ReportService *reports, const VerificationReportData &data, QWidget *parent)
{
    printReport(reports, data, parent);
}

void print(ReportService *reports, const DaySheetData &data, QWidget *parent)
{
    printReport(reports, data, parent);
}

void saveAsPdf(ReportService *reports, const VerificationReportData &data, QWidget *parent)
{
    saveReport(reports, data, parent);
}

void saveAsPdf(ReportService *reports, const DaySheetData &data, QWidget *parent)
{
    saveReport(reports, data, parent);
}

void showError(const QString &title, const QString &error, QWidget *parent)
{
    QMessageBox::warning(parent, title, error);
}
} // namespace ReportActions
