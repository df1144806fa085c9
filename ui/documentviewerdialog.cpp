// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/documentviewerdialog.h"

#include "services/common/async.h"
#include "services/reports/reportprinter.h"

#include <QBuffer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfSearchModel>
#include <QPdfView>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

QVariant SafeTextBrowser::loadResource(int, const QUrl &)
{
    // Documents from other systems may point at images, style sheets or scripts anywhere:
    // nothing is ever fetched or read from disk.
    return {};
}

namespace {
enum Page { TextPage, PdfPage, ImagePage, MessagePage };

void paintPdf(QPdfDocument *pdf, QPagedPaintDevice *device)
{
    QPainter painter(device);
    for (int page = 0; page < pdf->pageCount(); ++page) {
        if (page > 0)
            device->newPage();
        const QRect target = painter.viewport();
        const QSizeF points = pdf->pagePointSize(page);
        QSize size = points.scaled(target.size(), Qt::KeepAspectRatio).toSize();
        const QImage image = pdf->render(page, size);
        painter.drawImage(QRect(target.topLeft(), size), image);
    }
}

void paintImage(const QImage &image, QPagedPaintDevice *device)
{
    QPainter painter(device);
    const QRect target = painter.viewport();
    const QSize size = image.size().scaled(target.size(), Qt::KeepAspectRatio);
    painter.drawImage(QRect(target.topLeft(), size), image);
}
} // namespace

DocumentViewerDialog::DocumentViewerDialog(MedicalRecordService *records, qint64 documentId,
                                           const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_records(records)
    , m_documentId(documentId)
    , m_status(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_textPage(new QWidget(this))
    , m_outline(new QListWidget(this))
    , m_text(new SafeTextBrowser(this))
    , m_pdf(new QPdfDocument(this))
    , m_pdfView(new QPdfView(this))
    , m_imageArea(new QScrollArea(this))
    , m_imageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("documentViewer"));
    setWindowTitle(tr("Document — %1").arg(title));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    resize(1000, 760);
    m_status->setObjectName(QStringLiteral("viewerStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Opening…"));

    // Text documents: the outline and the text.
    m_outline->setObjectName(QStringLiteral("sectionOutline"));
    m_outline->setAccessibleName(tr("Sections"));
    m_outline->setToolTip(tr("Untick a section to hide it; Alt+Up and Alt+Down move it"));
    m_text->setObjectName(QStringLiteral("documentText"));
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_text->setAccessibleName(tr("Document text"));
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // Only our own "expand:N" links do anything; the document's own links are inert.
        const QString link = url.toString();
        if (link.startsWith(QLatin1String("expand:"))) {
            m_options.expanded.insert(link.mid(7).toInt());
            render();
            m_text->scrollToAnchor(QStringLiteral("section-") + link.mid(7));
        }
    });
    connect(m_outline, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_outline->count())
            m_text->scrollToAnchor(QStringLiteral("section-%1").arg(
                m_outline->item(row)->data(Qt::UserRole).toInt()));
    });
    connect(m_outline, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int index = item->data(Qt::UserRole).toInt();
        if (item->checkState() == Qt::Checked)
            m_options.hidden.remove(index);
        else
            m_options.hidden.insert(index);
        saveSectionPreferences();
        render();
    });
    auto *up = new QPushButton(tr("Move &Up"), this);
    up->setObjectName(QStringLiteral("sectionUpButton"));
    auto *down = new QPushButton(tr("Move &Down"), this);
    down->setObjectName(QStringLiteral("sectionDownButton"));
    connect(up, &QPushButton::clicked, this, &DocumentViewerDialog::moveSectionUp);
    connect(down, &QPushButton::clicked, this, &DocumentViewerDialog::moveSectionDown);
    new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_outline, [this] { moveSectionUp(); });
    new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_outline, [this] { moveSectionDown(); });
    m_attachmentButton = new QPushButton(tr("Open &Attachment"), this);
    m_attachmentButton->setObjectName(QStringLiteral("openAttachmentButton"));
    m_attachmentButton->hide();
    connect(m_attachmentButton, &QPushButton::clicked, this, &DocumentViewerDialog::openAttachment);
    auto *outlineBox = new QWidget(this);
    auto *outlineLayout = new QVBoxLayout(outlineBox);
    outlineLayout->setContentsMargins(0, 0, 0, 0);
    outlineLayout->addWidget(new QLabel(tr("Sections:"), this));
    outlineLayout->addWidget(m_outline, 1);
    auto *moveButtons = new QHBoxLayout;
    moveButtons->addWidget(up);
    moveButtons->addWidget(down);
    outlineLayout->addLayout(moveButtons);
    outlineLayout->addWidget(m_attachmentButton);
    auto *splitter = new QSplitter(Qt::Horizontal, m_textPage);
    splitter->addWidget(outlineBox);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(1, 4);
    auto *textLayout = new QVBoxLayout(m_textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(splitter);

    // PDFs and images.
    m_pdfView->setObjectName(QStringLiteral("pdfView"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_imageLabel->setObjectName(QStringLiteral("imageView"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_imageLabel);
    m_imageArea->setAlignment(Qt::AlignCenter);
    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("viewerMessage"));
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    m_stack->addWidget(m_textPage);
    m_stack->addWidget(m_pdfView);
    m_stack->addWidget(m_imageArea);
    m_stack->addWidget(message);

    // Find bar.
    m_findBar = new QWidget(this);
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(QStringLiteral("findField"));
    m_findField->setPlaceholderText(tr("Find in document"));
    m_findField->setAccessibleName(tr("Find"));
    m_findStatus = new QLabel(m_findBar);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    auto *findLabel = new QLabel(tr("&Find:"), m_findBar);
    findLabel->setBuddy(m_findField);
    findLayout->addWidget(findLabel);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(m_findStatus);
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    m_findBar->hide();

    // Buttons (Ctrl+F, F3, Ctrl+P, Ctrl+Shift+E, Ctrl++ and Ctrl+- work everywhere here).
    auto *zoomInButton = new QPushButton(tr("Zoom &In"), this);
    zoomInButton->setObjectName(QStringLiteral("zoomInButton"));
    auto *zoomOutButton = new QPushButton(tr("Zoom Ou&t"), this);
    zoomOutButton->setObjectName(QStringLiteral("zoomOutButton"));
    auto *printButton = new QPushButton(tr("&Print…"), this);
    printButton->setObjectName(QStringLiteral("viewerPrintButton"));
    auto *exportButton = new QPushButton(tr("&Export PDF…"), this);
    exportButton->setObjectName(QStringLiteral("viewerExportButton"));
    auto *closeButton = new QPushButton(tr("&Close"), this);
    closeButton->setObjectName(QStringLiteral("viewerCloseButton"));
    connect(zoomInButton, &QPushButton::clicked, this, &DocumentViewerDialog::zoomIn);
    connect(zoomOutButton, &QPushButton::clicked, this, &DocumentViewerDialog::zoomOut);
    connect(printButton, &QPushButton::clicked, this, &DocumentViewerDialog::print);
    connect(exportButton, &QPushButton::clicked, this, &DocumentViewerDialog::exportPdf);
    connect(closeButton, &QPushButton::clicked, this, &QDialog::close);
    new QShortcut(QKeySequence::Find, this, [this] { showFind(); });
    new QShortcut(QKeySequence::FindNext, this, [this] { findNext(false); });
    new QShortcut(QKeySequence::FindPrevious, this, [this] { findNext(true); });
    new QShortcut(QKeySequence::Print, this, [this] { print(); });
    new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, [this] { exportPdf(); });
    new QShortcut(QKeySequence::ZoomIn, this, [this] { zoomIn(); });
    new QShortcut(QKeySequence::ZoomOut, this, [this] { zoomOut(); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(zoomOutButton);
    buttons->addWidget(zoomInButton);
    buttons->addStretch(1);
    buttons->addWidget(printButton);
    buttons->addWidget(exportButton);
    buttons->addWidget(closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_findBar);
    layout->addLayout(buttons);

    if (!m_records) {
        m_status->setText(tr("Outside records are not available on this desk."));
        return;
    }
    Async::whenReady(m_records->open(documentId), this,
                     [this](const OpenedDocument &document) { showDocument(document); });
}

DocumentViewerDialog::~DocumentViewerDialog()
{
    // The PDF reads from the buffer: close the document first.
    m_pdf->close();
}

void DocumentViewerDialog::showDocument(const OpenedDocument &document)
{
    m_document = document;
    m_loaded = true;
    auto *message = m_stack->findChild<QLabel *>(QStringLiteral("viewerMessage"));
    if (!document.ok()) {
        m_status->setText(document.error);
        message->setText(document.error);
        m_stack->setCurrentIndex(MessagePage);
        Q_EMIT loaded();
        return;
    }
    switch (document.format) {
    case OpenedDocument::Format::Ccda:
    case OpenedDocument::Format::Fhir:
        showClinical();
        break;
    case OpenedDocument::Format::Pdf:
        showPdf(document.document.content);
        break;
    case OpenedDocument::Format::Image:
        showImage(document.document.content);
        break;
    case OpenedDocument::Format::Text:
        m_text->setPlainText(QString::fromUtf8(document.document.content));
        m_outline->parentWidget()->hide();
        m_stack->setCurrentIndex(TextPage);
        m_status->setText(tr("Plain text, %n bytes.", nullptr, int(document.document.content.size())));
        break;
    case OpenedDocument::Format::Other:
        message->setText(tr("This kind of file (%1) cannot be shown here; Export PDF is not "
                            "available for it either.")
                             .arg(document.document.mimeType));
        m_stack->setCurrentIndex(MessagePage);
        m_status->clear();
        break;
    }
    Q_EMIT loaded();
}

void DocumentViewerDialog::showClinical()
{
    const ClinicalReadResult &read = m_document.read;
    if (!read.ok()) {
        // The reader refused the whole document (malformed, a DTD…): say why, and show what
        // the bytes say as plain text when they are text.
        m_status->setText(tr("This document could not be read: %1").arg(read.error.message));
        m_text->setPlainText(QString::fromUtf8(m_document.document.content.left(2 * 1024 * 1024)));
        m_outline->parentWidget()->hide();
        m_stack->setCurrentIndex(TextPage);
        return;
    }
    const ClinicalRecord &record = read.record;
    QStringList facts;
    facts.append(m_document.format == OpenedDocument::Format::Ccda ? tr("C-CDA document")
                                                                  : tr("FHIR data"));
    facts.append(tr("%n sections", nullptr, int(record.sections.size())));
    facts.append(tr("%n coded entries", nullptr, int(record.entries().size())));
    if (record.unreadableCount() > 0)
        facts.append(tr("%n could not be read (shown in red)", nullptr, record.unreadableCount()));
    m_status->setText(facts.join(QStringLiteral(" · ")));
    loadSectionPreferences();
    const bool pdfAttachment = std::any_of(record.attachments.cbegin(), record.attachments.cend(),
                                           [](const ClinicalAttachment &a) {
                                               return !a.data.isEmpty()
                                                      && (a.mediaType.contains(QLatin1String("pdf"))
                                                          || a.data.startsWith("%PDF"));
                                           });
    m_attachmentButton->setVisible(pdfAttachment);
    rebuildOutline();
    render();
    m_stack->setCurrentIndex(TextPage);
    // A document that is only an attachment (nonXMLBody PDF) opens on it.
    if (pdfAttachment && record.sections.isEmpty())
        openAttachment();
}

void DocumentViewerDialog::render()
{
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setHtml(ClinicalRecordHtml::render(m_document.read.record, m_options));
    m_text->verticalScrollBar()->setValue(scroll);
}

QString DocumentViewerDialog::sectionKey(int index) const
{
    const ClinicalSection &section = m_document.read.record.sections.at(index);
    if (!section.code.code.isEmpty())
        return section.code.code;
    return section.title.isEmpty() ? clinicalKindKey(section.kind) : section.title;
}

void DocumentViewerDialog::loadSectionPreferences()
{
    // The clerk's preferred order and hidden sections, by section code (ONC (b)(1)).
    const QSettings settings;
    const QStringList preferred = settings.value(QStringLiteral("viewer/sectionOrder")).toStringList();
    const QStringList hidden = settings.value(QStringLiteral("viewer/hiddenSections")).toStringList();
    const int count = int(m_document.read.record.sections.size());
    QList<int> order;
    for (const QString &key : preferred) {
        for (int i = 0; i < count; ++i) {
            if (!order.contains(i) && sectionKey(i) == key)
                order.append(i);
        }
    }
    for (int i = 0; i < count; ++i) {
        if (!order.contains(i))
            order.append(i);
        if (hidden.contains(sectionKey(i)))
            m_options.hidden.insert(i);
    }
    m_options.order = order;
}

void DocumentViewerDialog::saveSectionPreferences()
{
    QSettings settings;
    QStringList order = settings.value(QStringLiteral("viewer/sectionOrder")).toStringList();
    QStringList keys;
    for (int index : std::as_const(m_options.order))
        keys.append(sectionKey(index));
    // This document's sections in their new order, then the ones other documents had.
    for (const QString &key : std::as_const(order)) {
        if (!keys.contains(key))
            keys.append(key);
    }
    settings.setValue(QStringLiteral("viewer/sectionOrder"), keys);
    QStringList hidden = settings.value(QStringLiteral("viewer/hiddenSections")).toStringList();
    for (int i = 0; i < m_document.read.record.sections.size(); ++i) {
        const QString key = sectionKey(i);
        hidden.removeAll(key);
        if (m_options.hidden.contains(i))
            hidden.append(key);
    }
    settings.setValue(QStringLiteral("viewer/hiddenSections"), hidden);
}

void DocumentViewerDialog::rebuildOutline()
{
    const QSignalBlocker block(m_outline);
    const int current = m_outline->currentRow();
    m_outline->clear();
    const QList<ClinicalSection> &sections = m_document.read.record.sections;
    for (int index : std::as_const(m_options.order)) {
        const ClinicalSection &section = sections.at(index);
        QString text = section.title.isEmpty() ? clinicalKindTitle(section.kind) : section.title;
        const int entries = int(section.entries.size());
        if (entries > 0)
            text += QStringLiteral(" (%1)").arg(entries);
        auto *item = new QListWidgetItem(text, m_outline);
        item->setData(Qt::UserRole, index);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_options.hidden.contains(index) ? Qt::Unchecked : Qt::Checked);
    }
    if (current >= 0)
        m_outline->setCurrentRow(qMin(current, m_outline->count() - 1));
}

void DocumentViewerDialog::moveSectionUp()
{
    const int row = m_outline->currentRow();
    if (row <= 0)
        return;
    m_options.order.swapItemsAt(row, row - 1);
    rebuildOutline();
    m_outline->setCurrentRow(row - 1);
    saveSectionPreferences();
    render();
}

void DocumentViewerDialog::moveSectionDown()
{
    const int row = m_outline->currentRow();
    if (row < 0 || row + 1 >= m_options.order.size())
        return;
    m_options.order.swapItemsAt(row, row + 1);
    rebuildOutline();
    m_outline->setCurrentRow(row + 1);
    saveSectionPreferences();
    render();
}

void DocumentViewerDialog::showPdf(const QByteArray &bytes)
{
    m_pdfBuffer = new QBuffer(this);
    m_pdfBuffer->setData(bytes);
    m_pdfBuffer->open(QIODevice::ReadOnly);
    m_pdf->load(m_pdfBuffer);
    if (m_pdf->status() == QPdfDocument::Status::Error) {
        m_status->setText(tr("This PDF could not be opened."));
        auto *message = m_stack->findChild<QLabel *>(QStringLiteral("viewerMessage"));
        message->setText(m_status->text());
        m_stack->setCurrentIndex(MessagePage);
        return;
    }
    m_status->setText(tr("PDF, %n pages.", nullptr, m_pdf->pageCount()));
    m_stack->setCurrentIndex(PdfPage);
}

void DocumentViewerDialog::showImage(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    // A hostile image cannot ask for gigabytes.
    reader.setAllocationLimit(256);
    m_image = reader.read();
    if (m_image.isNull()) {
        m_status->setText(tr("This image could not be read: %1").arg(reader.errorString()));
        return;
    }
    m_status->setText(tr("Image, %1 × %2 pixels.").arg(m_image.width()).arg(m_image.height()));
    m_zoom = 1.0;
    applyZoom();
    m_stack->setCurrentIndex(ImagePage);
}

void DocumentViewerDialog::applyZoom()
{
    if (m_stack->currentIndex() == PdfPage || m_document.format == OpenedDocument::Format::Pdf) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(m_zoom);
        return;
    }
    if (!m_image.isNull()) {
        const QSize size = (QSizeF(m_image.size()) * m_zoom).toSize();
        m_imageLabel->setPixmap(QPixmap::fromImage(
            m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        m_imageLabel->resize(size);
        return;
    }
    QFont font = m_text->font();
    font.setPointSizeF(qBound(6.0, 10.0 * m_zoom, 40.0));
    m_text->document()->setDefaultFont(font);
}

void DocumentViewerDialog::zoomIn()
{
    m_zoom = qMin(m_zoom * 1.25, 8.0);
    applyZoom();
}

void DocumentViewerDialog::zoomOut()
{
    m_zoom = qMax(m_zoom / 1.25, 0.125);
    applyZoom();
}

QString DocumentViewerDialog::shownText() const
{
    return m_text->toPlainText();
}

void DocumentViewerDialog::showFind()
{
    m_findBar->show();
    m_findField->setFocus();
    m_findField->selectAll();
}

bool DocumentViewerDialog::findNext(bool backwards)
{
    const QString needle = m_findField->text();
    if (needle.isEmpty()) {
        showFind();
        return false;
    }
    bool found = false;
    if (m_stack->currentIndex() == PdfPage) {
        QPdfSearchModel search;
        search.setDocument(m_pdf);
        search.setSearchString(needle);
        // The model searches as it is asked for rows.
        found = search.rowCount({}) > 0;
        if (found) {
            const QPdfLink link = search.resultAtIndex(0);
            m_pdfView->pageNavigator()->jump(link.page(), link.location(), 0);
        }
    } else {
        QTextDocument::FindFlags flags;
        if (backwards)
            flags |= QTextDocument::FindBackward;
        found = m_text->find(needle, flags);
        if (!found) {
            // Wrap around once.
            QTextCursor cursor = m_text->textCursor();
            cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
            m_text->setTextCursor(cursor);
            found = m_text->find(needle, flags);
        }
    }
    m_findStatus->setText(found ? QString() : tr("Not found"));
    return found;
}

void DocumentViewerDialog::print()
{
    if (!m_document.ok())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Document"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_stack->currentIndex() == PdfPage)
        paintPdf(m_pdf, &printer);
    else if (m_stack->currentIndex() == ImagePage)
        paintImage(m_image, &printer);
    else
        ReportPrinter::paint(m_text->toHtml(), &printer, {windowTitle(), false, {}, false});
}

void DocumentViewerDialog::exportPdf()
{
    if (!m_document.ok() || m_document.format == OpenedDocument::Format::Other)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"),
                                                      tr("outside-document-%1.pdf").arg(m_documentId),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    bool saved = true;
    QString error;
    if (m_document.format == OpenedDocument::Format::Pdf) {
        // A PDF is exported as it came.
        QFile file(path);
        saved = file.open(QIODevice::WriteOnly) && file.write(m_document.document.content) >= 0;
        error = file.errorString();
    } else if (m_stack->currentIndex() == ImagePage) {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        paintImage(m_image, &writer);
    } else {
        saved = ReportPrinter::savePdf(m_text->toHtml(), path, {windowTitle(), false, {}, false}, &error);
    }
    if (!saved) {
        QMessageBox::warning(this, tr("Export PDF"), error);
        return;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner); // it holds PHI
    m_status->setText(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
}

void DocumentViewerDialog::openAttachment()
{
    for (const ClinicalAttachment &attachment : m_document.read.record.attachments) {
        if (!attachment.data.isEmpty()
            && (attachment.mediaType.contains(QLatin1String("pdf")) || attachment.data.startsWith("%PDF"))) {
            showPdf(attachment.data);
            return;
        }
    }
}
