// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/medicalhistorypage.h"

#include "models/clinicalsummaryhtml.h"
#include "models/clinicalsummarymodel.h"
#include "models/outsidedocumentmodel.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/metriport/chartservice.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportprinter.h"
#include "ui/reconciledialog.h"
#include "ui/widgethelpers.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

MedicalHistoryPage::MedicalHistoryPage(const DeskEnvironment &environment, qint64 patientId,
                                       QWidget *parent)
    : QWidget(parent)
    , m_env(environment)
    , m_patientId(patientId)
    , m_heading(new QLabel(this))
    , m_networkState(new QLabel(this))
    , m_message(new QLabel(this))
    , m_flags(new QLabel(this))
    , m_documents(new OutsideDocumentModel(environment.outsideRecords, this))
    , m_summary(new ClinicalSummaryModel(environment.medicalRecords, this))
{
    setObjectName(QStringLiteral("medicalHistoryPage"));
    m_heading->setObjectName(QStringLiteral("medicalHistoryHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_networkState->setObjectName(QStringLiteral("networkState"));
    m_networkState->setWordWrap(true);
    m_networkState->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("networkMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    // Mnemonics: L, G, V, P (print), O (open), R (retry) — unique on the page.
    m_linkButton = new QPushButton(tr("&Link to Network"), this);
    m_linkButton->setObjectName(QStringLiteral("linkNetworkButton"));
    m_linkButton->setToolTip(tr("Find or create this patient in the Metriport network"));
    m_getButton = new QPushButton(tr("&Get Outside Records"), this);
    m_getButton->setObjectName(QStringLiteral("getOutsideRecordsButton"));
    m_getButton->setToolTip(tr("Ask the network for this patient's documents (Ctrl+Shift+G)"));
    m_verifyButton = new QPushButton(tr("Mark Link Verifie&d"), this);
    m_verifyButton->setObjectName(QStringLiteral("verifyLinkButton"));
    m_verifyButton->setToolTip(tr("Confirm that the network's patient is this person"));
    m_printButton = new QPushButton(tr("Print S&ummary…"), this);
    m_printButton->setObjectName(QStringLiteral("printSummaryButton"));
    m_printButton->setToolTip(tr("Print the clinical summary"));
    auto *pdfButton = new QPushButton(tr("Save Summary as PDF…"), this);
    m_reconcileButton = new QPushButton(tr("Reconcile into &Chart…"), this);
    m_reconcileButton->setObjectName(QStringLiteral("reconcileButton"));
    m_reconcileButton->setToolTip(tr("Review the outside allergies, medications and problems "
                                     "against the chart and choose what to import"));
    connect(m_reconcileButton, &QPushButton::clicked, this, &MedicalHistoryPage::reconcile);
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingImports"));
    m_pending->hide();
    pdfButton->setObjectName(QStringLiteral("summaryPdfButton"));
    connect(m_linkButton, &QPushButton::clicked, this, &MedicalHistoryPage::linkToNetwork);
    connect(m_getButton, &QPushButton::clicked, this, &MedicalHistoryPage::getOutsideRecords);
    connect(m_verifyButton, &QPushButton::clicked, this, &MedicalHistoryPage::verifyLink);
    connect(m_printButton, &QPushButton::clicked, this, &MedicalHistoryPage::printSummary);
    connect(pdfButton, &QPushButton::clicked, this, &MedicalHistoryPage::saveSummaryAsPdf);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_linkButton);
    actions->addWidget(m_getButton);
    actions->addWidget(m_verifyButton);
    actions->addStretch(1);
    actions->addWidget(m_printButton);
    actions->addWidget(pdfButton);
    actions->addWidget(m_reconcileButton);
    actions->addWidget(m_pending);

    // Documents.
    auto *documentBox = new QGroupBox(tr("Documents"), this);
    m_documentView = WidgetHelpers::makeTableView(m_documents, QStringLiteral("outsideDocumentView"), this);
    m_documentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentView->setAccessibleName(tr("Outside documents"));
    m_documentView->horizontalHeader()->setStretchLastSection(true);
    m_openButton = new QPushButton(tr("&Open"), this);
    m_openButton->setObjectName(QStringLiteral("openDocumentButton"));
    m_openButton->setToolTip(tr("Show the selected document (Enter)"));
    m_retryButton = new QPushButton(tr("&Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retryDocumentButton"));
    m_retryButton->setToolTip(tr("Fetch the selected failed document again"));
    connect(m_openButton, &QPushButton::clicked, this, &MedicalHistoryPage::openSelectedDocument);
    connect(m_retryButton, &QPushButton::clicked, this, &MedicalHistoryPage::retrySelectedDocument);
    connect(m_documentView, &QTableView::activated, this, &MedicalHistoryPage::openSelectedDocument);
    auto *documentLayout = new QVBoxLayout(documentBox);
    documentLayout->addWidget(m_documentView, 1);
    auto *documentButtons = new QHBoxLayout;
    documentButtons->addStretch(1);
    documentButtons->addWidget(m_retryButton);
    documentButtons->addWidget(m_openButton);
    documentLayout->addLayout(documentButtons);

    // Summary.
    auto *summaryBox = new QGroupBox(tr("Clinical Summary"), this);
    m_summaryView = new QTreeView(this);
    m_summaryView->setObjectName(QStringLiteral("clinicalSummaryView"));
    m_summaryView->setModel(m_summary);
    m_summaryView->setAccessibleName(tr("Clinical summary"));
    m_summaryView->setAlternatingRowColors(true);
    m_summaryView->setUniformRowHeights(true);
    m_summaryView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summaryView->header()->setStretchLastSection(true);
    m_flags->setObjectName(QStringLiteral("summaryFlags"));
    m_flags->setWordWrap(true);
    m_flags->setTextFormat(Qt::PlainText);
    m_flags->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_flags->hide();
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summaryView, 1);
    summaryLayout->addWidget(m_flags);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(documentBox);
    splitter->addWidget(summaryBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_networkState);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_documentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MedicalHistoryPage::updateButtons);
    connect(m_documents, &OutsideDocumentModel::loaded, this, [this] {
        m_documentView->resizeColumnsToContents();
        // A long title must not push the date and status out of sight.
        const int titleCap = m_documentView->viewport()->width() * 2 / 5;
        if (m_documentView->columnWidth(OutsideDocumentModel::TitleColumn) > titleCap)
            m_documentView->setColumnWidth(OutsideDocumentModel::TitleColumn, titleCap);
        if (m_documents->rowCount() > 0 && !m_documentView->currentIndex().isValid())
            m_documentView->setCurrentIndex(m_documents->index(0, 0));
        // New documents stored: the summary follows, once for documents stored together.
        m_summaryReload.start();
        updateButtons();
    });
    connect(m_summary, &ClinicalSummaryModel::loaded, this, [this] {
        m_summaryView->expandAll();
        // Every column in view: the long names and details are capped (their tooltips and the
        // documents have the rest).
        const int cap = m_summaryView->viewport()->width() * 3 / 10;
        for (int column = 0; column < ClinicalSummaryModel::SourcesColumn; ++column) {
            m_summaryView->resizeColumnToContents(column);
            if (m_summaryView->columnWidth(column) > cap)
                m_summaryView->setColumnWidth(column, cap);
        }
        showFlags();
        countPending();
        updateButtons();
    });

    if (m_env.outsideRecords) {
        connect(m_env.outsideRecords, &OutsideRecordsService::linkFinished, this,
                [this](qint64 patientId, const NetworkLink &link, const QString &message,
                       const QString &error) {
                    if (patientId != m_patientId)
                        return;
                    if (!error.isEmpty()) {
                        showMessage(error, true);
                    } else {
                        m_link = link;
                        showMessage(message, false);
                    }
                    showLink();
                });
        connect(m_env.outsideRecords, &OutsideRecordsService::consolidatedQueryFailed, this,
                [this](qint64 patientId, const QString &error) {
                    if (patientId == m_patientId)
                        showMessage(error, true);
                });
        connect(m_env.outsideRecords, &OutsideRecordsService::syncStatusChanged, this,
                [this](qint64 patientId, NetworkSyncStatus status, const QString &detail) {
                    if (patientId != m_patientId)
                        return;
                    if (m_link)
                        m_link->status = status;
                    m_syncDetail = detail;
                    if (status == NetworkSyncStatus::Failed)
                        showMessage(detail, true);
                    showLink();
                });
    }

    auto future = m_env.patients->open(m_patientId);
    Async::whenReady(future, this, [this](const StoreResult<Patient> &patient) {
        if (!patient) {
            showMessage(patient.error(), true);
            return;
        }
        m_patient = *patient;
        m_heading->setText(tr("Outside Records — %1, born %2")
                               .arg(m_patient.fullName(),
                                    DateFormats::format(m_patient.dateOfBirth)));
        Q_EMIT loaded();
        updateButtons();
    });
    m_summaryReload.setSingleShot(true);
    m_summaryReload.setInterval(400);
    connect(&m_summaryReload, &QTimer::timeout, m_summary, &ClinicalSummaryModel::reload);
    m_documents->setPatient(m_patientId);
    m_summary->setPatient(m_patientId);
    readLink();
    updateButtons();
}

QString MedicalHistoryPage::title() const
{
    return m_patient.id ? tr("Records: %1").arg(m_patient.displayName()) : tr("Outside Records");
}

void MedicalHistoryPage::readLink()
{
    if (!m_env.outsideRecords)
        return;
    Async::whenReady(m_env.outsideRecords->link(m_patientId), this,
                     [this](const StoreResult<std::optional<NetworkLink>> &found) {
                         if (!found)
                             showMessage(found.error(), true);
                         else
                             m_link = *found;
                         showLink();
                     });
}

void MedicalHistoryPage::showLink()
{
    if (!m_env.outsideRecords) {
        m_networkState->setText(tr("Outside records are not available on this desk."));
    } else if (!m_link) {
        m_networkState->setText(tr("Not linked to the network yet. Link the patient, or press Get "
                                   "Outside Records to link and ask in one step."));
    } else {
        QString state = m_link->isVerified()
            ? tr("Linked to the network (verified by %1).").arg(m_link->verifiedBy)
            : m_link->matchedExisting
                ? tr("Linked to a patient the network already had — not verified by a person yet.")
                : tr("Linked to the network — not verified by a person yet.");
        state += u' ' + networkSyncStatusText(m_link->status);
        const QString detail = m_syncDetail.isEmpty() ? m_link->detail : m_syncDetail;
        if (!detail.isEmpty() && m_link->status != NetworkSyncStatus::Failed)
            state += QStringLiteral(": ") + detail;
        m_networkState->setText(state);
    }
    updateButtons();
}

void MedicalHistoryPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b02323;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void MedicalHistoryPage::showFlags()
{
    const ClinicalSummary &summary = m_summary->summary();
    QStringList lines;
    for (const SummaryFlag &flag : summary.flags)
        lines.append(tr("%1, section “%2”: %3").arg(flag.source.title, flag.section, flag.problem));
    if (summary.unreadable > 0)
        lines.append(tr("%n entries could not be read; open the documents to see them.", nullptr,
                        summary.unreadable));
    if (!m_summary->errorString().isEmpty())
        lines.prepend(m_summary->errorString());
    m_flags->setText(lines.join(QLatin1Char('\n')));
    m_flags->setVisible(!lines.isEmpty());
}

void MedicalHistoryPage::updateButtons()
{
    const bool available = m_env.outsideRecords && m_patient.id != 0;
    const bool searching = m_link && m_link->status == NetworkSyncStatus::InProgress;
    m_linkButton->setEnabled(available && !m_link);
    m_getButton->setEnabled(available && !searching);
    m_verifyButton->setEnabled(available && m_link && !m_link->isVerified());
    const QModelIndex current = m_documentView->currentIndex();
    m_openButton->setEnabled(current.isValid()
                             && current.data(OutsideDocumentModel::StoredRole).toBool());
    m_retryButton->setEnabled(current.isValid()
                              && current.data(OutsideDocumentModel::FailedRole).toBool());
    const bool hasSummary = !m_summary->summary().isEmpty();
    m_printButton->setEnabled(hasSummary);
    m_reconcileButton->setEnabled(m_env.chart && m_patient.id != 0 && hasSummary);
}

void MedicalHistoryPage::countPending()
{
    m_review.reset(); // until the new review is in, the printout says it was not compared
    if (!m_env.chart || m_summary->summary().isEmpty()) {
        m_pending->hide();
        return;
    }
    const quint64 generation = ++m_pendingGeneration;
    Async::whenReady(m_env.chart->review(m_patientId, m_summary->summary()), this,
                     [this, generation](const StoreResult<QList<ReconcileRow>> &rows) {
                         if (generation != m_pendingGeneration)
                             return;
                         m_review.reset();
                         if (rows)
                             m_review = *rows;
                         const int pending = rows ? ChartReconciliation::pendingCount(*rows) : 0;
                         m_pending->setText(
                             tr("%n outside statements to review", nullptr, pending));
                         m_pending->setVisible(pending > 0);
                     });
}

void MedicalHistoryPage::reconcile()
{
    if (!m_env.chart || m_patient.id == 0 || m_summary->summary().isEmpty())
        return;
    auto *dialog = new ReconcileDialog(m_env.chart, m_patientId, m_patient.fullName(),
                                       m_summary->summary(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReconcileDialog::applyFinished, this, [this](const QString &error) {
        if (error.isEmpty())
            countPending();
    });
    dialog->open();
}

void MedicalHistoryPage::linkToNetwork()
{
    if (!m_env.outsideRecords || m_patient.id == 0)
        return;
    showMessage(tr("Looking for %1 in the network…").arg(m_patient.fullName()), false);
    m_env.outsideRecords->linkPatient(m_patient);
}

void MedicalHistoryPage::getOutsideRecords()
{
    if (!m_env.outsideRecords || m_patient.id == 0)
        return;
    showMessage(tr("Asking the network for %1's records; documents appear here as they "
                   "arrive.").arg(m_patient.fullName()),
                false);
    m_env.outsideRecords->getOutsideRecords(m_patient);
}

void MedicalHistoryPage::verifyLink()
{
    if (!m_env.outsideRecords || !m_link)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Mark Link Verified"),
        tr("Confirm that the network's patient is %1, born %2? The link will be marked as "
           "verified by you.")
            .arg(m_patient.fullName(), DateFormats::format(m_patient.dateOfBirth)));
    if (answer == QMessageBox::Yes)
        m_env.outsideRecords->verifyLink(m_patientId);
}

void MedicalHistoryPage::openSelectedDocument()
{
    const QModelIndex current = m_documentView->currentIndex();
    if (!current.isValid() || !current.data(OutsideDocumentModel::StoredRole).toBool())
        return;
    const ClinicalDocument document = m_documents->documentAt(current.row());
    Q_EMIT openDocumentRequested(document.id,
                                 document.title.isEmpty() ? document.fileName : document.title);
}

void MedicalHistoryPage::retrySelectedDocument()
{
    const QModelIndex current = m_documentView->currentIndex();
    if (!current.isValid() || !m_env.outsideRecords)
        return;
    m_env.outsideRecords->retryDocument(current.data(OutsideDocumentModel::DocumentIdRole).toLongLong());
}

QString MedicalHistoryPage::summaryHtml() const
{
    return ClinicalSummaryHtml::render(m_patient, m_summary->summary(), m_review, m_env.clinic.name,
                                       QDateTime::currentDateTimeUtc());
}

void MedicalHistoryPage::printSummary()
{
    if (m_summary->summary().isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Summary"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    ReportPrinter::Options options;
    options.title = tr("Outside Records Summary");
    options.watermark = m_env.training;
    ReportPrinter::paint(summaryHtml(), &printer, options);
    if (m_env.outsideRecords)
        m_env.outsideRecords->recordUse(QStringLiteral("summary.print"), m_patientId);
}

void MedicalHistoryPage::saveSummaryAsPdf()
{
    if (m_summary->summary().isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Summary as PDF"),
        tr("outside-records-%1.pdf").arg(m_patient.mrn.isEmpty() ? QString::number(m_patientId)
                                                                  : m_patient.mrn),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    ReportPrinter::Options options;
    options.title = tr("Outside Records Summary");
    options.watermark = m_env.training;
    QString error;
    if (!ReportPrinter::savePdf(summaryHtml(), path, options, &error)) {
        QMessageBox::warning(this, tr("Save Summary as PDF"), error);
        return;
    }
    // It holds PHI: readable by its owner only.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    if (m_env.outsideRecords)
        m_env.outsideRecords->recordUse(QStringLiteral("summary.export"), m_patientId);
    showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
}
