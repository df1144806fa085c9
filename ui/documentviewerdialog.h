// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/clinicalrecordhtml.h"
#include "services/metriport/medicalrecordservice.h"

#include <QDialog>
#include <QTextBrowser>

class QBuffer;
class QLabel;
class QLineEdit;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QScrollArea;
class QStackedWidget;

//! A QTextBrowser that never loads anything: no images, no style sheets, no links followed.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int type, const QUrl &name) override;
};

/*!
  One outside document, opened from the patient's outside records (opening it is audited):

  - a C-CDA or FHIR document as text: its header, each section's narrative (the reader's safe
    subset) and a table of its coded entries, with an outline to jump to a section, hide it or
    move it (the order and the hidden sections are remembered by section code); long sections
    start collapsed;
  - a PDF in QPdfView (pages, zoom), an image with zoom, plain text as text.

  Find (Ctrl+F, F3), Print… (Ctrl+P) and Export PDF… (Ctrl+Shift+E) work on every kind.
 */
class DocumentViewerDialog : public QDialog
{
    Q_OBJECT
public:
    DocumentViewerDialog(MedicalRecordService *records, qint64 documentId, const QString &title,
                         QWidget *parent = nullptr);
    ~DocumentViewerDialog() override;

    bool isLoaded() const { return m_loaded; }
    const OpenedDocument &document() const { return m_document; }
    SafeTextBrowser *textView() const { return m_text; }
    QListWidget *outline() const { return m_outline; }
    QPdfDocument *pdf() const { return m_pdf; }
    //! The text shown, for find and tests.
    QString shownText() const;

public Q_SLOTS:
    void showFind();
    bool findNext(bool backwards = false);
    void print();
    void exportPdf();
    void zoomIn();
    void zoomOut();
    void moveSectionUp();
    void moveSectionDown();
    void openAttachment();

Q_SIGNALS:
    void loaded();

private:
    void showDocument(const OpenedDocument &document);
    void showClinical();
    void showPdf(const QByteArray &bytes);
    void showImage(const QByteArray &bytes);
    void render();
    void rebuildOutline();
    void saveSectionPreferences();
    void loadSectionPreferences();
    QString sectionKey(int index) const;
    void applyZoom();

    MedicalRecordService *m_records;
    qint64 m_documentId;
    OpenedDocument m_document;
    bool m_loaded = false;
    ClinicalRecordHtml::Options m_options;
    double m_zoom = 1.0;
    QImage m_image;

    QLabel *m_status;
    QStackedWidget *m_stack;
    QWidget *m_textPage;
    QListWidget *m_outline;
    SafeTextBrowser *m_text;
    QPushButton *m_attachmentButton;
    QPdfDocument *m_pdf;
    QPdfView *m_pdfView;
    QBuffer *m_pdfBuffer = nullptr;
    QScrollArea *m_imageArea;
    QLabel *m_imageLabel;
    QWidget *m_findBar;
    QLineEdit *m_findField;
    QLabel *m_findStatus;
};
