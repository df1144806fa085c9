// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/patientpage.h"

#include "models/appointmentmodel.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"
#include "models/verificationhistorymodel.h"
#include "services/common/async.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"
#include "ui/appointmentdialog.h"
#include "ui/cancelvisitdialog.h"
#include "services/access/accesscontrol.h"
#include "ui/coverageform.h"
#include "ui/registerpatientdialog.h"
#include "ui/reportactions.h"
#include "ui/statuspanel.h"
#include "ui/widgethelpers.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

PatientPage::PatientPage(const DeskEnvironment &environment, qint64 patientId, QWidget *parent)
    : QWidget(parent)
    , m_env(environment)
    , m_patientId(patientId)
    , m_header(new QLabel(this))
    , m_error(new QLabel(this))
    , m_demographics(new QLabel(this))
    , m_coverages(new CoverageModel(environment.eligibility, environment.patients, this))
    , m_form(new CoverageForm(environment.patients, this))
    , m_status(new StatusPanel(this))
    , m_history(new VerificationHistoryModel(environment.eligibility, this))
{
    EligibilityService *service = m_env.eligibility;
    m_status->setEligibilityService(service); // visit fees and the patient's visit today
    m_error->setObjectName(QStringLiteral("patientError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02323; font-weight: bold;"));
    m_error->hide();

    QFont headerFont = m_header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.5);
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    m_header->setObjectName(QStringLiteral("patientHeader"));
    m_demographics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *editButton = new QPushButton(tr("&Edit Patient…"), this);
    editButton->setObjectName(QStringLiteral("editPatientButton"));
    connect(editButton, &QPushButton::clicked, this, [this] {
        if (!isLoaded())
            return;
        RegisterPatientDialog dialog(m_env.patients, m_patient, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_patient = dialog.patient();
            showPatient();
            Q_EMIT patientChanged(m_patient);
        } else if (dialog.patientToOpen() != 0) {
            Q_EMIT otherPatientChosen(dialog.patientToOpen());
        }
    });

    // No mnemonic (the page has no letters left): Patients › Outside Records… (Ctrl+Shift+O).
    auto *recordsButton = new QPushButton(tr("Outside Records…"), this);
    recordsButton->setObjectName(QStringLiteral("outsideRecordsButton"));
    recordsButton->setToolTip(tr("The patient's records from other providers, through the "
                                 "health information network (Ctrl+Shift+O)"));
    recordsButton->setVisible(m_env.outsideRecords != nullptr);
    connect(recordsButton, &QPushButton::clicked, this,
            [this] { Q_EMIT outsideRecordsRequested(m_patientId); });

    auto *headerLayout = new QHBoxLayout;
    auto *nameLayout = new QVBoxLayout;
    nameLayout->addWidget(m_header);
    nameLayout->addWidget(m_demographics);
    headerLayout->addLayout(nameLayout, 1);
    headerLayout->addWidget(recordsButton, 0, Qt::AlignTop);
    headerLayout->addWidget(editButton, 0, Qt::AlignTop);

    // Left: coverages and the Verify Insurance form.
    m_coverageView =
        WidgetHelpers::makeTableView(m_coverages, QStringLiteral("coverageView"), this);
    m_coverageView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_coverageView->setAccessibleName(tr("Coverages"));
    // Primary, secondary and tertiary in view even on a short screen (the column scrolls).
    m_coverageView->setMinimumHeight(m_coverageView->horizontalHeader()->sizeHint().height() +
                                     4 * m_coverageView->verticalHeader()->defaultSectionSize());
    m_verifyAllButton = new QPushButton(tr("Verify A&ll Coverages"), this);
    m_verifyAllButton->setObjectName(QStringLiteral("verifyAllButton"));
    m_verifyAllButton->setToolTip(tr("Verify primary, secondary and tertiary insurance at once"));
    connect(m_verifyAllButton, &QPushButton::clicked, this, &PatientPage::verifyAllCoverages);
    auto *coverageBox = new QGroupBox(tr("Insurance"), this);
    auto *coverageLayout = new QVBoxLayout(coverageBox);
    coverageLayout->addWidget(m_coverageView, 1);
    coverageLayout->addWidget(m_verifyAllButton, 0, Qt::AlignRight);
    auto *formBox = new QGroupBox(tr("Verify Insurance"), this);
    formBox->setObjectName(QStringLiteral("verifyInsuranceBox"));
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_form);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(coverageBox, 1);
    leftLayout->addWidget(formBox);

    // The patient's upcoming visits. No mnemonics (the page has no letters left): Patients >
    // Book Visit… (Ctrl+B), Reschedule Visit… (Ctrl+R) and Cancel Visit… (Ctrl+Del) reach them.
    auto *visitBox = new QGroupBox(tr("Upcoming Visits"), this);
    visitBox->setObjectName(QStringLiteral("visitBox"));
    auto *visitLayout = new QVBoxLayout(visitBox);
    m_bookButton = new QPushButton(tr("Book Visit…"), this);
    m_bookButton->setObjectName(QStringLiteral("bookVisitButton"));
    m_bookButton->setToolTip(tr("Book a visit for this patient (Ctrl+B)"));
    m_rescheduleButton = new QPushButton(tr("Reschedule…"), this);
    m_rescheduleButton->setObjectName(QStringLiteral("rescheduleVisitButton"));
    m_rescheduleButton->setToolTip(tr("Change the selected visit's time, provider or notes (Ctrl+R)"));
    m_cancelVisitButton = new QPushButton(tr("Cancel Visit…"), this);
    m_cancelVisitButton->setObjectName(QStringLiteral("cancelVisitButton"));
    m_cancelVisitButton->setToolTip(tr("Cancel the selected visit (Ctrl+Del)"));
    if (m_env.appointments) {
        m_visits = new AppointmentModel(m_env.appointments, this);
        m_visitView = WidgetHelpers::makeTableView(m_visits, QStringLiteral("visitView"), this);
        m_visitView->setSelectionMode(QAbstractItemView::SingleSelection);
        m_visitView->setAccessibleName(tr("Upcoming visits"));
        m_visitView->horizontalHeader()->setStretchLastSection(true);
        m_visitView->setMinimumHeight(m_visitView->horizontalHeader()->sizeHint().height() +
                                      3 * m_visitView->verticalHeader()->defaultSectionSize());
        m_visitState = new QLabel(this);
        m_visitState->setObjectName(QStringLiteral("visitState"));
        m_visitState->setWordWrap(true);
        visitLayout->addWidget(m_visitState);
        visitLayout->addWidget(m_visitView, 1);
        connect(m_visitView, &QTableView::doubleClicked, this, &PatientPage::rescheduleVisit);
        connect(m_visitView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &PatientPage::updateButtons);
        connect(m_visits, &AppointmentModel::loaded, this, [this] {
            const QString error = m_visits->errorString();
            m_visitState->setText(!error.isEmpty()       ? error
                                  : m_visits->rowCount() ? QString()
                                                         : tr("No upcoming visits."));
            m_visitState->setStyleSheet(error.isEmpty() ? QString()
                                                        : QStringLiteral("color: #b02323;"));
            m_visitState->setVisible(!m_visitState->text().isEmpty());
            m_visitView->resizeColumnsToContents();
            if (m_visits->rowCount() > 0 && !m_visitView->currentIndex().isValid())
                m_visitView->setCurrentIndex(m_visits->index(0, 0));
            updateButtons();
        });
        connect(m_visits, &QAbstractItemModel::rowsInserted, this, &PatientPage::updateButtons);
        connect(m_visits, &QAbstractItemModel::rowsRemoved, this, &PatientPage::updateButtons);
        connect(m_bookButton, &QPushButton::clicked, this, &PatientPage::bookVisit);
        connect(m_rescheduleButton, &QPushButton::clicked, this, &PatientPage::rescheduleVisit);
        connect(m_cancelVisitButton, &QPushButton::clicked, this, &PatientPage::cancelVisit);
        // What to collect depends on today's visit type: follow bookings made meanwhile.
        auto visitChanged = [this](const Appointment &visit) {
            if (visit.patientId == m_patientId)
                m_status->refreshVisitToday();
        };
        connect(m_env.appointments, &AppointmentService::appointmentSaved, this, visitChanged);
        connect(m_env.appointments, &AppointmentService::appointmentCancelled, this, visitChanged);
        auto *visitButtons = new QHBoxLayout;
        visitButtons->addStretch(1);
        visitButtons->addWidget(m_bookButton);
        visitButtons->addWidget(m_rescheduleButton);
        visitButtons->addWidget(m_cancelVisitButton);
        visitLayout->addLayout(visitButtons);
        leftLayout->addWidget(visitBox, 1);
    } else {
        visitBox->hide();
    }

    // Right: the answer, the history, the report.
    auto *statusBox = new QGroupBox(tr("Eligibility"), this);
    auto *statusLayout = new QVBoxLayout(statusBox);
    // The answer can say more than a short screen holds (collect today, the bars, COB): it
    // scrolls inside its box instead of squeezing its lines until they are cut.
    auto *statusScroll = new QScrollArea(this);
    statusScroll->setObjectName(QStringLiteral("statusScroll"));
    statusScroll->setWidget(m_status);
    statusScroll->setWidgetResizable(true);
    statusScroll->setFrameShape(QFrame::NoFrame);
    statusScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    statusScroll->setFocusPolicy(Qt::NoFocus);
    statusLayout->addWidget(statusScroll, 1);
    // No mnemonic letters: File > Print Preview… (Ctrl+Shift+P), Print… (Ctrl+P) and Save as
    // PDF… (Ctrl+Shift+S) reach them from anywhere on the page.
    auto *previewButton = new QPushButton(tr("Print Preview…"), this);
    previewButton->setObjectName(QStringLiteral("previewButton"));
    previewButton->setToolTip(tr("Preview the verification report (Ctrl+Shift+P)"));
    auto *printButton = new QPushButton(tr("Print…"), this);
    printButton->setObjectName(QStringLiteral("printButton"));
    printButton->setToolTip(tr("Print the verification report (Ctrl+P)"));
    auto *pdfButton = new QPushButton(tr("Save as PDF…"), this);
    pdfButton->setObjectName(QStringLiteral("pdfButton"));
    pdfButton->setToolTip(tr("Save the verification report as a PDF file (Ctrl+Shift+S)"));
    connect(previewButton, &QPushButton::clicked, this, &PatientPage::printPreview);
    connect(printButton, &QPushButton::clicked, this, &PatientPage::printReport);
    connect(pdfButton, &QPushButton::clicked, this, &PatientPage::saveReportAsPdf);
    auto *reportLayout = new QHBoxLayout;
    reportLayout->addStretch(1);
    reportLayout->addWidget(previewButton);
    reportLayout->addWidget(printButton);
    reportLayout->addWidget(pdfButton);
    statusLayout->addLayout(reportLayout);

    m_historyView = WidgetHelpers::makeTableView(m_history, QStringLiteral("historyView"), this);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAccessibleName(tr("Verification history"));
    m_retryButton = new QPushButton(tr("&Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setToolTip(tr("Try the selected failed verification again"));
    m_againButton = new QPushButton(tr("Verify Aga&in"), this);
    m_againButton->setObjectName(QStringLiteral("verifyAgainButton"));
    m_againButton->setToolTip(tr("Ask the payer again even if verified in the last 24 hours"));
    connect(m_retryButton, &QPushButton::clicked, this, &PatientPage::retrySelectedAttempt);
    connect(m_againButton, &QPushButton::clicked, this, &PatientPage::verifyAgain);
    auto *historyBox = new QGroupBox(tr("Verification History"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_historyView, 1);
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addStretch(1);
    historyButtons->addWidget(m_againButton);
    historyButtons->addWidget(m_retryButton);
    historyLayout->addLayout(historyButtons);

    auto *rightSplitter = new QSplitter(Qt::Vertical, this);
    rightSplitter->addWidget(statusBox);
    rightSplitter->addWidget(historyBox);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 1);

    // On a short screen (1024×700) the left column scrolls rather than making the window
    // taller than the screen.
    auto *leftScroll = new QScrollArea(this);
    leftScroll->setObjectName(QStringLiteral("leftScroll"));
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Never narrower than the form: the splitter gives the answer side what is left.
    leftScroll->setMinimumWidth(left->minimumSizeHint().width() +
                                leftScroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    leftScroll->setFocusPolicy(Qt::NoFocus);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter = splitter;
    splitter->addWidget(leftScroll);
    splitter->addWidget(rightSplitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headerLayout);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_coverageView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PatientPage::onCoverageSelected);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PatientPage::updateButtons);
    connect(m_form, &CoverageForm::coverageSaved, this, &PatientPage::onCoverageSaved);
    connect(m_form, &CoverageForm::verifyRequested, this,
            [this](const Coverage &coverage, const QStringList &types) {
                VerifyOptions options;
                options.serviceTypes = types;
                VerificationJob *job = m_env.eligibility->verify(coverage.id, options);
                connect(job, &Job::finished, this, [this, job] {
                    // Nothing new was asked: say so, or the clerk wonders whether the click worked.
                    if (job->wasReused() && job->coverageId() == selectedCoverageId()) {
                        showLatest();
                        m_status->showReusedNote(job->verification());
                    } else if (job->error() == Job::Error::StorageError) {
                        setError(job->errorString());
                    }
                });
            });
    connect(m_form, &CoverageForm::saveFailed, this, [this] { updateButtons(); });
    connect(m_status, &StatusPanel::cancelRequested, this,
            [this](qint64 coverageId) { m_env.eligibility->cancelVerification(coverageId); });
    connect(m_status, &StatusPanel::addCoverageRequested, this,
            &PatientPage::addCoverageFromAnswer);
    connect(m_status, &StatusPanel::reorderCoveragesRequested, this,
            &PatientPage::reorderForPrimary);
    connect(m_status, &StatusPanel::saveToCoverageRequested, this, &PatientPage::saveGroupAndPlan);
    connect(service, &EligibilityService::verificationTryStarted, this,
            [this](const Verification &pending, int tryNumber, int maxTries) {
                if (pending.coverageId == selectedCoverageId())
                    m_status->showTry(tryNumber, maxTries);
            });
    connect(service, &EligibilityService::verificationStarted, this,
            &PatientPage::onVerificationStarted);
    connect(service, &EligibilityService::verificationFinished, this,
            &PatientPage::onVerificationFinished);
    connect(m_env.patients, &PatientService::patientSaved, this, [this](const Patient &patient) {
        if (patient.id == m_patientId) {
            m_patient = patient;
            showPatient();
        }
    });
    connect(m_coverages, &CoverageModel::loaded, this, [this] {
        if (!m_coverages->errorString().isEmpty())
            setError(m_coverages->errorString());
        m_coverageView->resizeColumnsToContents();
        fitCoverageColumns();
        if (m_selectAfterLoad != 0 && m_coverages->rowOfCoverage(m_selectAfterLoad) >= 0) {
            selectCoverage(std::exchange(m_selectAfterLoad, 0));
        } else if (selectedCoverageId() == 0 ||
                   m_coverages->rowOfCoverage(selectedCoverageId()) < 0) {
            if (m_coverages->rowCount() > 0) {
                m_coverageView->selectRow(0);
                m_coverageView->setCurrentIndex(m_coverages->index(0, 0));
            } else {
                m_form->newCoverage(m_patientId, CoverageOrder::Primary);
                m_status->showNothing();
            }
        } else {
            showLatest();
        }
        updateButtons();
    });
    connect(m_history, &VerificationHistoryModel::loaded, this, [this] {
        if (!m_history->errorString().isEmpty())
            setError(m_history->errorString());
        m_historyView->resizeColumnsToContents();
        updateButtons();
    });

    // Tab follows the page: the header, the coverages, the form, the answer, its actions, the
    // history. Tables are one stop each (arrows move inside them).
    QList<QWidget *> order{editButton, m_coverageView, m_verifyAllButton};
    order += m_form->tabStops();
    if (m_visitView)
        order += {m_visitView, m_bookButton, m_rescheduleButton, m_cancelVisitButton};
    order += m_status->tabStops();
    order += {m_status->benefitsView(), previewButton, printButton, pdfButton, m_historyView,
              m_againButton, m_retryButton};
    for (qsizetype i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order.at(i), order.at(i + 1));

    m_header->setText(tr("Opening the patient's record…"));
    Async::whenReady(m_env.patients->open(patientId), this,
                     [this](const StoreResult<Patient> &patient) {
                         if (!patient) {
                             m_header->setText(tr("The patient's record could not be opened"));
                             setError(patient.error());
                         } else {
                             m_patient = *patient;
                             showPatient();
                             // The coverages are read once opening the record is on record.
                             m_coverages->setPatient(m_patientId);
                             if (m_visits)
                                 m_visits->setPatient(m_patientId);
                         }
                         Q_EMIT loaded();
                     });
    updateButtons();
    showWhatTheRoleMayUse();
}

void PatientPage::showWhatTheRoleMayUse()
{
    const auto allows = [this](Permission permission) {
        return !m_env.access || m_env.access->can(permission);
    };
    // A biller reads the coverages and past answers; asking the payor again, editing the
    // patient and booking visits are other roles' work.
    const bool verify = allows(Permission::EligibilityRun);
    findChild<QPushButton *>(QStringLiteral("editPatientButton"))
        ->setVisible(allows(Permission::PatientsEdit));
    findChild<QGroupBox *>(QStringLiteral("verifyInsuranceBox"))
        ->setVisible(verify || allows(Permission::PatientsEdit));
    for (QPushButton *button : {m_verifyAllButton, m_againButton, m_retryButton})
        button->setVisible(verify);
    if (!allows(Permission::Schedule)) {
        for (QPushButton *button : {m_bookButton, m_rescheduleButton, m_cancelVisitButton})
            button->hide();
    }
}

QString PatientPage::errorString() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void PatientPage::fitCoverageColumns()
{
    // The coverages arrive after the first layout: give their columns room once, as the page
    // would have laid itself out had they been there from the start.
    if (m_coveragesFitted || m_coverages->rowCount() == 0)
        return;
    m_coveragesFitted = true;
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    // "Last Verified" fills in after a verification: leave room for a date and time.
    QHeaderView *header = m_coverageView->horizontalHeader();
    const int lastVerified =
        m_coverageView->fontMetrics().horizontalAdvance(
            BenefitSummary::formatDateTime(QDateTime(QDate(2026, 12, 31), QTime(12, 59)))) +
        16;
    const int extra = qMax(0, lastVerified - header->sectionSize(CoverageModel::VerifiedColumn));
    // The group box's and the layout's margins around the table.
    const int needed = header->length() + extra + 2 * m_coverageView->frameWidth() + 24;
    if (total > 0 && sizes.value(0) < needed && needed < total * 3 / 5)
        m_splitter->setSizes({needed, total - needed});
}

void PatientPage::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void PatientPage::focusFirstField()
{
    if (m_coverages->rowCount() > 0)
        m_coverageView->setFocus();
    else
        m_form->focusMemberId();
}

QString PatientPage::title() const
{
    return isLoaded() ? m_patient.displayName() : tr("Patient");
}

void PatientPage::showPatient()
{
    using namespace BenefitSummary;
    m_header->setText(m_patient.displayName());
    QStringList parts;
    parts << tr("DOB %1").arg(formatDate(m_patient.dateOfBirth))
          << tr("Sex %1").arg(genderCode(m_patient.gender))
          // Our MRNs carry their own prefix (MRN000013): say "MRN" once.
          << (m_patient.mrn.startsWith(QLatin1String("MRN")) ? m_patient.mrn
                                                              : tr("MRN %1").arg(m_patient.mrn));
    if (!m_patient.phone.isEmpty())
        parts << m_patient.phone;
    if (!m_patient.address.line1.isEmpty())
        parts << QStringLiteral("%1, %2, %3 %4")
                     .arg(m_patient.address.line1, m_patient.address.city, m_patient.address.state,
                          m_patient.address.zip);
    m_demographics->setText(parts.join(QStringLiteral(" · ")));
}

qint64 PatientPage::selectedCoverageId() const
{
    const QModelIndex current = m_coverageView->currentIndex();
    return current.isValid() ? current.data(ModelRoles::CoverageIdRole).toLongLong() : 0;
}

void PatientPage::selectCoverage(qint64 coverageId)
{
    const int row = m_coverages->rowOfCoverage(coverageId);
    if (row < 0)
        return;
    m_coverageView->setCurrentIndex(m_coverages->index(row, 0));
    m_coverageView->selectRow(row);
}

void PatientPage::onCoverageSelected()
{
    const int row = m_coverageView->currentIndex().row();
    if (row < 0)
        return;
    m_addingFromAnswer = false;
    m_form->setCoverage(m_coverages->coverageAt(row));
    m_history->setCoverage(m_coverages->coverageAt(row).id);
    m_historyView->resizeColumnsToContents();
    showLatest();
    updateButtons();
}

void PatientPage::showLatest()
{
    const int row = m_coverageView->currentIndex().row();
    if (row < 0) {
        m_status->showNothing();
        return;
    }
    const Coverage coverage = m_coverages->coverageAt(row);
    if (m_coverages->isPending(row)) {
        m_status->showPending(coverage);
        m_form->setBusy(true);
        return;
    }
    m_form->setBusy(false);
    const auto latest = m_coverages->latestAt(row);
    if (latest)
        m_status->showVerification(coverage, *latest, latest->status,
                                   m_coverages->lastVerifiedAt(row));
    else
        m_status->showNothing();
    if (latest && latest->result) {
        for (const RelatedEntity &payer : latest->result->otherPayers) {
            if (payer.entityCode != QLatin1String("PRP"))
                continue;
            const int other = rowOfPayer(payer);
            const bool primary =
                other >= 0 && m_coverages->coverageAt(other).order == CoverageOrder::Primary;
            m_status->setReorderAvailable(
                other >= 0 && !primary,
                primary ? tr("%1 is the primary coverage already.").arg(payer.name)
                        : tr("Add the coverage with %1 first (Add Coverage…).").arg(payer.name));
            break;
        }
    }
}

int PatientPage::rowOfPayer(const RelatedEntity &payer) const
{
    for (int row = 0; row < m_coverages->rowCount(); ++row) {
        const Coverage c = m_coverages->coverageAt(row);
        if (!c.active)
            continue;
        if ((!payer.id.isEmpty() && c.payerId.compare(payer.id, Qt::CaseInsensitive) == 0) ||
            (!payer.name.isEmpty() && c.payerName.compare(payer.name, Qt::CaseInsensitive) == 0))
            return row;
    }
    return -1;
}

void PatientPage::addCoverageFromAnswer(const RelatedEntity &otherPayer)
{
    if (!isLoaded())
        return;
    const CoverageOrder order =
        otherPayer.entityCode == QLatin1String("SEP")   ? CoverageOrder::Secondary
        : otherPayer.entityCode == QLatin1String("TTP") ? CoverageOrder::Tertiary
                                                        : CoverageOrder::Primary;
    // The coverage list keeps its selection; the form now holds the new coverage.
    m_addingFromAnswer = true;
    m_form->newCoverageWithPayer(m_patientId, order, Payer{otherPayer.id, otherPayer.name},
                                 otherPayer.policyNumber);
    m_form->focusMemberId();
}

void PatientPage::reorderForPrimary(const RelatedEntity &otherPayer)
{
    const int row = rowOfPayer(otherPayer);
    if (row < 0)
        return;
    // The list is read again in its new order: stay on the coverage whose answer is shown.
    m_selectAfterLoad = selectedCoverageId();
    Async::whenReady(
        m_env.patients->reorderCoverages(m_patientId, {m_coverages->coverageAt(row).id}), this,
        [this](const StoreResult<QList<Coverage>> &result) {
            if (!result)
                setError(result.error());
        });
}

void PatientPage::saveGroupAndPlan(qint64 coverageId, const QString &groupNumber,
                                   const QString &planName)
{
    Async::whenReady(m_env.patients->saveGroupAndPlan(coverageId, groupNumber, planName), this,
                     [this](const StoreResult<Coverage> &result) {
                         if (!result)
                             setError(result.error());
                     });
}

void PatientPage::onCoverageSaved(const Coverage &coverage)
{
    // Added as primary from an answer that names another primary payer: the others move down,
    // or the patient would have two primary coverages.
    if (std::exchange(m_addingFromAnswer, false) && coverage.order == CoverageOrder::Primary)
        Async::whenReady(m_env.patients->reorderCoverages(m_patientId, {coverage.id}), this,
                         [this](const StoreResult<QList<Coverage>> &result) {
                             if (!result)
                                 setError(result.error());
                         });
    // The coverage list reloads itself (PatientService::coverageSaved); select this one then.
    m_selectAfterLoad = coverage.id;
    if (m_coverages->rowOfCoverage(coverage.id) >= 0 && !m_coverages->isLoading())
        selectCoverage(coverage.id);
}

void PatientPage::onVerificationStarted(const Verification &pending)
{
    if (pending.coverageId == selectedCoverageId())
        showLatest();
}

void PatientPage::onVerificationFinished(const Verification &verification)
{
    if (verification.patientId != m_patientId)
        return;
    m_coverageView->resizeColumnsToContents(); // "Last Verified" just got a value
    if (verification.coverageId == selectedCoverageId()) {
        showLatest();
        // The answer may correct the plan name: keep the form in step with the store.
        m_historyView->resizeColumnsToContents();
        // A failed attempt can be retried at once: it becomes the history's current row.
        const int row = m_history->rowOf(verification.id);
        if (verification.isRetryable() && verification.error != VerificationError::Cancelled &&
            row >= 0)
            m_historyView->setCurrentIndex(m_history->index(row, 0));
    }
    updateButtons();
}

void PatientPage::updateButtons()
{
    const QModelIndex current = m_historyView->currentIndex();
    const Verification attempt =
        current.isValid() ? m_history->verificationAt(current.row()) : Verification{};
    m_retryButton->setEnabled(current.isValid() && attempt.isRetryable());
    m_againButton->setEnabled(selectedCoverageId() != 0);
    m_verifyAllButton->setEnabled(m_coverages->rowCount() > 0);
    const bool visitChosen = selectedVisit().id != 0;
    m_bookButton->setEnabled(m_visits && isLoaded());
    m_rescheduleButton->setEnabled(visitChosen);
    m_cancelVisitButton->setEnabled(visitChosen);
}

Appointment PatientPage::selectedVisit() const
{
    if (!m_visitView || !m_visitView->currentIndex().isValid())
        return {};
    return m_visits->appointmentAt(m_visitView->currentIndex().row());
}

void PatientPage::bookVisit()
{
    if (!m_visits || !isLoaded())
        return;
    AppointmentDialog dialog(m_env.appointments, m_patient, {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The list follows the service; put the keyboard on the new visit.
    const int row = m_visits->rowOfAppointment(dialog.appointment().id);
    if (row >= 0)
        m_visitView->setCurrentIndex(m_visits->index(row, 0));
}

void PatientPage::rescheduleVisit()
{
    const Appointment visit = selectedVisit();
    if (visit.id == 0 || visit.isCancelled())
        return;
    AppointmentDialog dialog(m_env.appointments, m_patient, visit, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int row = m_visits->rowOfAppointment(visit.id);
    if (row >= 0)
        m_visitView->setCurrentIndex(m_visits->index(row, 0));
}

void PatientPage::cancelVisit()
{
    const Appointment visit = selectedVisit();
    if (visit.id == 0 || visit.isCancelled())
        return;
    CancelVisitDialog dialog(m_env.appointments, visit, m_patient.fullName(), this);
    dialog.exec();
}

void PatientPage::verifyAllCoverages()
{
    BatchVerification *batch = m_env.eligibility->verifyPatient(m_patientId);
    connect(batch, &Job::finished, this, [this, batch] {
        if (batch->error() == Job::Error::StorageError)
            setError(batch->errorString());
    });
    batch->start();
}

void PatientPage::retrySelectedAttempt()
{
    const QModelIndex current = m_historyView->currentIndex();
    if (!current.isValid())
        return;
    const Verification attempt = m_history->verificationAt(current.row());
    if (attempt.isRetryable())
        m_env.eligibility->retry(attempt.id);
}

void PatientPage::verifyAgain()
{
    const qint64 coverageId = selectedCoverageId();
    if (coverageId == 0)
        return;
    VerifyOptions options;
    options.force = true;
    options.serviceTypes = m_form->serviceTypes();
    m_env.eligibility->verify(coverageId, options);
}

void PatientPage::withReportData(std::function<void(const VerificationReportData &)> use)
{
    Async::whenReady(m_env.reports->verificationReport(m_patientId), this,
                     [this, use](const StoreResult<VerificationReportData> &data) {
                         if (!data) {
                             ReportActions::showError(tr("Report Not Available"), data.error(),
                                                      this);
                             return;
                         }
                         use(*data);
                     });
}

void PatientPage::printPreview()
{
    withReportData([this](const VerificationReportData &data) {
        ReportActions::preview(m_env.reports, data, this);
    });
}

void PatientPage::printReport()
{
    withReportData([this](const VerificationReportData &data) {
        ReportActions::print(m_env.reports, data, this);
    });
}

void PatientPage::saveReportAsPdf()
{
    withReportData([this](const VerificationReportData &data) {
        ReportActions::saveAsPdf(m_env.reports, data, this);
    });
}
