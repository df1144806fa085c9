// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reports/reportprinter.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <cmath>

int ReportPrinter::paint(const QString &html, QPagedPaintDevice *device, const Options &options)
{
    QPainter painter;
    if (!painter.begin(device))
        return 0;
    // Lay the document out in device pixels (as QTextDocument::print does), so fonts given in
    // points come out the same size on a 300 dpi PDF and on a printer.
    const QPageLayout layout = device->pageLayout();
    const int dpi = device->logicalDpiY();
    const QRect paintRect = layout.paintRectPixels(dpi);
    const QSizeF pageSize(paintRect.width(), paintRect.height());
    const double pt = dpi / 72.0;
    const double footerHeight = 28.0 * pt;

    QTextDocument document;
    document.documentLayout()->setPaintDevice(device);
    document.setDocumentMargin(0);
    // No shaping: ligatures (fi, fl) would make the PDF's text unsearchable ("Veriﬁcation").
    QFont font(QStringLiteral("DejaVu Sans"), 10);
    font.setStyleStrategy(QFont::PreferNoShaping);
    document.setDefaultFont(font);
    document.setHtml(html);
    document.setPageSize(QSizeF(pageSize.width(), pageSize.height() - footerHeight));
    const int pageCount = qMax(1, document.pageCount());
    const double bodyHeight = pageSize.height() - footerHeight;
    const QString watermark = options.watermarkText.isEmpty()
                                  ? QCoreApplication::translate("Report", "TRAINING")
                                  : options.watermarkText;

    for (int page = 0; page < pageCount; ++page) {
        if (page > 0)
            device->newPage();
        painter.save();

        if (options.watermark) {
            painter.save();
            painter.translate(pageSize.width() / 2, pageSize.height() / 2);
            painter.rotate(-35);
            QFont font(QStringLiteral("DejaVu Sans"), 72, QFont::Bold);
            painter.setFont(font);
            painter.setPen(QColor(200, 0, 0, 40));
            const QRectF box(-pageSize.width(), -60 * pt, 2 * pageSize.width(), 120 * pt);
            painter.drawText(box, Qt::AlignCenter, watermark);
            painter.restore();
        }

        painter.save();
        painter.setClipRect(QRectF(0, 0, pageSize.width(), bodyHeight));
        painter.translate(0, -page * bodyHeight);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * bodyHeight, pageSize.width(), bodyHeight);
        context.palette.setColor(QPalette::Text, Qt::black);
        document.documentLayout()->draw(&painter, context);
        painter.restore();

        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        painter.setPen(QColor(90, 90, 90));
        const QRectF footer(0, pageSize.height() - footerHeight + 8 * pt, pageSize.width(),
                            footerHeight - 8 * pt);
        painter.drawLine(QPointF(0, footer.top() - 4 * pt),
                         QPointF(pageSize.width(), footer.top() - 4 * pt));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, options.title);
        painter.drawText(
            footer, Qt::AlignRight | Qt::AlignTop,
            QCoreApplication::translate("Report", "Page %1 of %2").arg(page + 1).arg(pageCount));
        painter.restore();
    }
    painter.end();
    return pageCount;
}

bool ReportPrinter::savePdf(const QString &html, const QString &filePath, const Options &options,
                            QString *error)
{
    QPdfWriter writer(filePath);
    writer.setResolution(300);
    writer.setTitle(options.title);
    writer.setCreator(QStringLiteral("ClinicDesk"));
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::Letter),
                    options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                    QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    const int pages = paint(html, &writer, options);
    if (pages == 0 || !QFileInfo(filePath).isFile() || QFileInfo(filePath).size() == 0) {
        if (error) {
            *error = QCoreApplication::translate("Report", "Could not write the PDF to %1.")
                         .arg(filePath);
        }
        return false;
    }
    return true;
}
