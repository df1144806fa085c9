// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/networklink.h"
#include "services/metriport/chartreconciliation.h"
#include "services/domain/patient.h"
#include "ui/deskenvironment.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class ClinicalSummaryModel;
class OutsideDocumentModel;
class QLabel;
class QPushButton;
class QTableView;
class QTreeView;

/*!
  A patient's outside medical history: the link to the Metriport network and where it stands,
  Get Outside Records, the documents as they arrive (title, type, date, source, status) and a
  clinical summary merged across them — allergies, active medications and problems,
  immunizations, recent results and vital signs — each line naming the documents it came from.
  Sections whose text and entries disagree are listed under the summary. Opening a document
  shows it in the viewer; Print Summary prints or saves the summary; Reconcile into the Chart
  takes allergies, medications and problems into the clinic's own lists, one decision at a time.
 */
class MedicalHistoryPage : public QWidget
{
    Q_OBJECT
public:
    MedicalHistoryPage(const DeskEnvironment &environment, qint64 patientId,
                       QWidget *parent = nullptr);

    qint64 patientId() const { return m_patientId; }
    QString title() const;
    const Patient &patient() const { return m_patient; }
    OutsideDocumentModel *documentModel() const { return m_documents; }
    ClinicalSummaryModel *summaryModel() const { return m_summary; }
    std::optional<NetworkLink> link() const { return m_link; }

public Q_SLOTS:
    void linkToNetwork();
    void getOutsideRecords();
    void verifyLink();
    void openSelectedDocument();
    void retrySelectedDocument();
    void printSummary();
    void saveSummaryAsPdf();
    //! Opens Reconcile into the Chart over the summary shown.
    void reconcile();

Q_SIGNALS:
    void loaded();
    //! The viewer should open this document.
    void openDocumentRequested(qint64 documentId, const QString &title);

private:
    void readLink();
    void showLink();
    void showMessage(const QString &text, bool error);
    void updateButtons();
    void showFlags();
    void countPending();
    QString summaryHtml() const;

    DeskEnvironment m_env;
    qint64 m_patientId;
    Patient m_patient;
    std::optional<NetworkLink> m_link;
    QString m_syncDetail;
    QLabel *m_heading;
    QLabel *m_networkState;
    QLabel *m_message;
    QLabel *m_flags;
    QPushButton *m_linkButton;
    QPushButton *m_getButton;
    QPushButton *m_verifyButton;
    QPushButton *m_openButton;
    QPushButton *m_retryButton;
    QPushButton *m_printButton;
    QPushButton *m_reconcileButton;
    QLabel *m_pending;
    quint64 m_pendingGeneration = 0;
    std::optional<QList<ReconcileRow>> m_review; // the summary against the chart, for printing
    //! Documents stored one after another re-read the summary once (each read parses them all).
    QTimer m_summaryReload;
    OutsideDocumentModel *m_documents;
    ClinicalSummaryModel *m_summary;
    QTableView *m_documentView;
    QTreeView *m_summaryView;
};
