// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "models/modelroles.h"
#include "models/patientsearchmodel.h"
#include "models/schedulemodel.h"
#include "services/claims/claimservice.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/access/accesscontrol.h"
#include "services/access/databasekey.h"
#include "services/access/secretservice.h"
#include "services/live/livefeed.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"
#include "services/sandbox/sampleevents.h"
#include "services/store/databasemaintenance.h"
#include "ui/appointmentdialog.h"
#include "ui/batchverifydialog.h"
#include "ui/claimdetaildialog.h"
#include "ui/claimformdialog.h"
#include "ui/claimspage.h"
#include "ui/cancelvisitdialog.h"
#include "ui/dashboardwidget.h"
#include "ui/documentviewerdialog.h"
#include "ui/auditlogdialog.h"
#include "ui/changepassphrasedialog.h"
#include "ui/emergencyaccessdialog.h"
#include "ui/eventlogdialog.h"
#include "ui/livestatuslabel.h"
#include "ui/medicalhistorypage.h"
#include "ui/notificationbanner.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"
#include "ui/reportactions.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/userformdialog.h"
#include "ui/usersdialog.h"
#include "ui/widgethelpers.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

//! Enter on a table row activates it (double-click does too).
class ActivateOnEnter : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            auto *view = qobject_cast<QTableView *>(watched);
            if (view && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                view->currentIndex().isValid()) {
                Q_EMIT view->activated(view->currentIndex());
                return true;
            }
        }
        return false;
    }
};
} // namespace

MainWindow::MainWindow(const DeskEnvironment &environment, QWidget *parent)
    : QMainWindow(parent)
    , m_env(environment)
    , m_tabs(new QTabWidget(this))
    , m_searchModel(new PatientSearchModel(environment.patients, this))
    , m_scheduleModel(new ScheduleModel(environment.eligibility, environment.patients, this))
{
    // The platform adds " — ClinicDesk" (the display name) to a title that does not end with
    // it: end with it, so the name is said once.
    setWindowTitle(m_env.training ? tr("Training — ClinicDesk") : tr("ClinicDesk"));
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createFrontDesk(), tr("Front Desk"));
    m_dashboard = new DashboardWidget(m_env.eligibility, m_env.patients, this);
    connect(static_cast<DashboardWidget *>(m_dashboard), &DashboardWidget::patientActivated, this,
            &MainWindow::openPatient);
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    int fixedTabs = 2;
    if (m_env.claims && m_env.claimDashboard && allows(Permission::ClaimsRead)) {
        ClaimsPageServices services;
        services.claims = m_env.claims;
        services.dashboard = m_env.claimDashboard;
        services.submitter = m_env.claimSubmitter;
        services.sync = m_env.claimSync;
        services.files = m_env.claimFiles;
        m_claimsPage = new ClaimsPage(services, this);
        connect(m_claimsPage, &ClaimsPage::openClaimRequested, this, &MainWindow::openClaim);
        connect(m_claimsPage, &ClaimsPage::newClaimRequested, this, &MainWindow::newClaim);
        connect(m_claimsPage, &ClaimsPage::announced, this,
                [this](const QString &message) { statusBar()->showMessage(message, 10000); });
        Async::whenReady(m_env.claims->mappings(), this,
                         [this](const StoreResult<QList<PayorMapping>> &mappings) {
                             if (!mappings)
                                 return;
                             QList<std::pair<QString, QString>> payers;
                             for (const PayorMapping &m : *mappings)
                                 payers.append({m.insuranceId, m.payorName});
                             m_claimsPage->setPayers(payers);
                         });
        m_tabs->addTab(m_claimsPage, tr("Claims"));
        ++fixedTabs;
    }
    for (int fixed = 0; fixed < fixedTabs; ++fixed)
        m_tabs->tabBar()->setTabButton(fixed, QTabBar::RightSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        // Front desk, dashboard and claims stay; patient and outside-records tabs close.
        if (qobject_cast<PatientPage *>(m_tabs->widget(index))
            || qobject_cast<MedicalHistoryPage *>(m_tabs->widget(index))) {
            QWidget *page = m_tabs->widget(index);
            m_tabs->removeTab(index);
            page->deleteLater();
        }
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (m_env.training) {
        auto *banner = new QLabel(tr("TRAINING MODE — simulated payers and demo patients. Nothing "
                                     "here reaches a real payer."),
                                  central);
        banner->setObjectName(QStringLiteral("trainingBanner"));
        banner->setAlignment(Qt::AlignCenter);
        banner->setStyleSheet(QStringLiteral("QLabel { background-color: #c0392b; color: white; "
                                             "font-weight: bold; padding: 6px; }"));
        banner->setAccessibleName(tr("Training mode"));
        layout->addWidget(banner);
    }
    m_notifications = new NotificationBanner(central);
    layout->addWidget(m_notifications);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    createMenus();

    statusBar()->showMessage(tr("Signed in as %1 · %2").arg(m_env.user, m_env.clinic.name));
    if (m_env.session.isValid()) {
        // Who works here now, always in sight: the next person must not work in their name.
        auto *who = new QLabel(tr("%1 · %2").arg(m_env.session.userName,
                                                 roleTitle(m_env.session.role)),
                               this);
        who->setObjectName(QStringLiteral("signedInLabel"));
        statusBar()->addPermanentWidget(who);
    }
    auto *liveStatus = new LiveStatusLabel(m_env.live, this);
    connect(liveStatus, &LiveStatusLabel::activated, this, &MainWindow::showEventLog);
    statusBar()->addPermanentWidget(liveStatus);
    followOtherDesks();
    resize(1280, 800);
    runSearch();
    setScheduleDay(QDate::currentDate());
    m_search->setFocus(); // the clerk starts by typing a name
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createFrontDesk()
{
    auto *page = new QWidget(this);
    auto *enterFilter = new ActivateOnEnter(page);

    // Patient search.
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search by name, date of birth, MRN or member ID"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Patient search"));
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150); // as you type, without a query per keystroke
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter opens the only match, or moves to the list; wait for the search if it runs.
        auto act = [this] {
            if (m_searchModel->rowCount() == 1)
                openPatient(m_searchModel->patientAt(0).id);
            else if (m_searchModel->rowCount() > 0)
                m_results->setFocus();
            else if (m_searchModel->foundNobody())
                // Queued: not from inside the model's answer, and the dialog is modal.
                QMetaObject::invokeMethod(
                    this, [this] { registerFromSearch(m_searchModel->searchText()); },
                    Qt::QueuedConnection);
        };
        if (m_searchTimer->isActive() || m_searchModel->searchText() != m_search->text()) {
            m_searchTimer->stop();
            runSearch();
        }
        if (!m_searchModel->isSearching()) {
            act();
            return;
        }
        auto *once = new QObject(this);
        connect(m_searchModel, &PatientSearchModel::searchFinished, once, [once, act] {
            once->deleteLater();
            act();
        });
    });
    m_results = WidgetHelpers::makeTableView(m_searchModel, QStringLiteral("searchResults"), page);
    // Says "the database is busy" instead of an empty list that would read as "nobody found".
    m_searchState = new QLabel(page);
    m_searchState->setObjectName(QStringLiteral("searchState"));
    m_searchState->setWordWrap(true);
    m_searchState->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_searchState->hide();
    connect(m_searchModel, &PatientSearchModel::searchFinished, this, [this] {
        m_results->resizeColumnsToContents();
        showSearchState();
    });
    connect(m_searchModel, &PatientSearchModel::errorChanged, this, &MainWindow::showSearchState);
    // Nobody found: offer to register what was typed (Enter in the search field does too).
    m_noMatch = new QWidget(page);
    m_noMatchLabel = new QLabel(m_noMatch);
    m_noMatchLabel->setObjectName(QStringLiteral("noMatchLabel"));
    m_registerTyped = new QPushButton(m_noMatch);
    m_registerTyped->setObjectName(QStringLiteral("registerFromSearch"));
    connect(m_registerTyped, &QPushButton::clicked, this,
            [this] { registerFromSearch(m_searchModel->searchText()); });
    auto *noMatchRow = new QHBoxLayout(m_noMatch);
    noMatchRow->setContentsMargins(0, 0, 0, 0);
    noMatchRow->addWidget(m_noMatchLabel);
    noMatchRow->addWidget(m_registerTyped);
    noMatchRow->addStretch(1);
    m_noMatch->hide();
    m_results->setAccessibleName(tr("Patients found"));
    m_results->installEventFilter(enterFilter);
    connect(m_results, &QTableView::activated, this, [this](const QModelIndex &index) {
        openPatient(index.data(ModelRoles::PatientIdRole).toLongLong());
    });
    auto *registerButton = new QPushButton(tr("&Register Patient…"), page);
    connect(registerButton, &QPushButton::clicked, this, &MainWindow::registerPatient);
    // What a role may not use is not offered (the shortcuts behind it are guarded too).
    registerButton->setVisible(allows(Permission::PatientsEdit));
    m_registerTyped->setVisible(allows(Permission::PatientsEdit));
    auto *searchLabel = new QLabel(tr("Fi&nd patient:"), page);
    searchLabel->setBuddy(m_search);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(registerButton);
    auto *searchBox = new QGroupBox(tr("Patients"), page);
    auto *searchLayout = new QVBoxLayout(searchBox);
    searchLayout->addLayout(searchRow);
    searchLayout->addWidget(m_searchState);
    searchLayout->addWidget(m_noMatch);
    searchLayout->addWidget(m_results, 1);
    // Tab follows the page: search, Register Patient…, the Register "…"… offer, the results.
    QWidget::setTabOrder(m_search, registerButton);
    QWidget::setTabOrder(registerButton, m_registerTyped);
    QWidget::setTabOrder(m_registerTyped, m_results);

    // Schedule.
    m_dayChoice = new QComboBox(page);
    m_dayChoice->setObjectName(QStringLiteral("dayChoice"));
    m_dayChoice->addItem(tr("Today"), 0);
    m_dayChoice->addItem(tr("Tomorrow"), 1);
    m_dayChoice->addItem(tr("Other Day"), -1);
    m_dayEdit = new QDateEdit(QDate::currentDate(), page);
    m_dayEdit->setCalendarPopup(true);
    m_dayEdit->setDisplayFormat(QStringLiteral("ddd ") + DateFormats::dateFormat());
    {
        // Wide enough for the longest weekday of the language with its year ("mié. 31/12/2026"):
        // the size hint measures one date only, and the year's last digit went under the arrow.
        int widest = 0;
        const QDate monday(2026, 12, 28);
        for (int day = 0; day < 7; ++day)
            widest = qMax(widest, m_dayEdit->fontMetrics().horizontalAdvance(
                                      m_dayEdit->locale().toString(monday.addDays(day),
                                                                   m_dayEdit->displayFormat())));
        m_dayEdit->setMinimumWidth(widest + 48);
    }
    connect(m_dayChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int offset = m_dayChoice->itemData(index).toInt();
        if (offset >= 0)
            m_dayEdit->setDate(QDate::currentDate().addDays(offset));
        else
            m_dayEdit->setFocus();
    });
    connect(m_dayEdit, &QDateEdit::dateChanged, this, &MainWindow::setScheduleDay);
    auto *dayLabel = new QLabel(tr("S&chedule for:"), page);
    dayLabel->setBuddy(m_dayChoice);
    auto *verifyButton = new QPushButton(tr("Verify &Schedule…"), page);
    verifyButton->setToolTip(
        tr("Verify the insurance of every appointment (or the selected ones)"));
    connect(verifyButton, &QPushButton::clicked, this, &MainWindow::verifySchedule);
    auto *daySheetButton = new QPushButton(tr("Print &Day Sheet…"), page);
    connect(daySheetButton, &QPushButton::clicked, this, &MainWindow::printDaySheet);
    verifyButton->setVisible(allows(Permission::EligibilityRun));
    daySheetButton->setVisible(allows(Permission::Reports));
    auto *dayRow = new QHBoxLayout;
    dayRow->addWidget(dayLabel);
    dayRow->addWidget(m_dayChoice);
    dayRow->addWidget(m_dayEdit);
    dayRow->addStretch(1);
    dayRow->addWidget(verifyButton);
    dayRow->addWidget(daySheetButton);
    // Visits: no mnemonics (as on the patient page); Patients > Book Visit… (Ctrl+B),
    // Reschedule Visit… (Ctrl+R) and Cancel Visit… (Ctrl+Del).
    auto *bookButton = new QPushButton(tr("Book Visit…"), page);
    bookButton->setObjectName(QStringLiteral("scheduleBookButton"));
    bookButton->setToolTip(tr("Book a visit on this day for the selected patient (Ctrl+B)"));
    connect(bookButton, &QPushButton::clicked, this, &MainWindow::bookVisit);
    m_scheduleRescheduleButton = new QPushButton(tr("Reschedule…"), page);
    m_scheduleRescheduleButton->setObjectName(QStringLiteral("scheduleRescheduleButton"));
    m_scheduleRescheduleButton->setToolTip(tr("Change the selected visit (Ctrl+R)"));
    connect(m_scheduleRescheduleButton, &QPushButton::clicked, this, &MainWindow::rescheduleVisit);
    m_scheduleCancelButton = new QPushButton(tr("Cancel Visit…"), page);
    m_scheduleCancelButton->setObjectName(QStringLiteral("scheduleCancelButton"));
    m_scheduleCancelButton->setToolTip(tr("Cancel the selected visit (Ctrl+Del)"));
    connect(m_scheduleCancelButton, &QPushButton::clicked, this, &MainWindow::cancelVisit);
    auto *visitRow = new QHBoxLayout;
    visitRow->addStretch(1);
    visitRow->addWidget(bookButton);
    visitRow->addWidget(m_scheduleRescheduleButton);
    visitRow->addWidget(m_scheduleCancelButton);
    if (!m_env.appointments || !allows(Permission::Schedule)) {
        bookButton->hide();
        m_scheduleRescheduleButton->hide();
        m_scheduleCancelButton->hide();
    }
    m_schedule =
        WidgetHelpers::makeTableView(m_scheduleModel, QStringLiteral("scheduleView"), page);
    m_schedule->setAccessibleName(tr("Schedule"));
    m_scheduleState = new QLabel(page);
    m_scheduleState->setObjectName(QStringLiteral("scheduleState"));
    m_scheduleState->setWordWrap(true);
    m_scheduleState->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_scheduleState->hide();
    connect(m_scheduleModel, &ScheduleModel::loaded, this, [this] {
        m_scheduleState->setText(m_scheduleModel->errorString());
        m_scheduleState->setVisible(!m_scheduleModel->errorString().isEmpty());
        m_schedule->resizeColumnsToContents();
    });
    m_schedule->installEventFilter(enterFilter);
    connect(m_schedule, &QTableView::activated, this, [this](const QModelIndex &index) {
        openPatient(index.data(ModelRoles::PatientIdRole).toLongLong());
    });
    auto *scheduleBox = new QGroupBox(tr("Schedule"), page);
    auto *scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addLayout(dayRow);
    scheduleLayout->addWidget(m_scheduleState);
    scheduleLayout->addWidget(m_schedule, 1);
    scheduleLayout->addLayout(visitRow);
    auto updateVisitButtons = [this] {
        const bool chosen = selectedScheduleRow() >= 0;
        m_scheduleRescheduleButton->setEnabled(chosen);
        m_scheduleCancelButton->setEnabled(chosen);
    };
    connect(m_schedule->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            updateVisitButtons);
    connect(m_scheduleModel, &QAbstractItemModel::modelReset, this, updateVisitButtons);
    connect(m_scheduleModel, &QAbstractItemModel::rowsRemoved, this, updateVisitButtons);
    updateVisitButtons();
    if (m_env.appointments) {
        // A visit booked, moved or cancelled anywhere (this desk's dialogs, a patient's tab)
        // shows on the schedule at once.
        connect(m_env.appointments, &AppointmentService::appointmentSaved, m_scheduleModel,
                &ScheduleModel::reload);
        connect(m_env.appointments, &AppointmentService::appointmentCancelled, m_scheduleModel,
                &ScheduleModel::reload);
    }

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(searchBox, 2);
    layout->addWidget(scheduleBox, 3);
    return page;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *registerAction =
        file->addAction(tr("&Register Patient…"), this, &MainWindow::registerPatient);
    registerAction->setShortcut(QKeySequence::New);
    registerAction->setVisible(allows(Permission::PatientsEdit));
    file->addSeparator();
    // Print what the current tab shows: the patient's verification report, or the day sheet.
    m_previewAction = file->addAction(tr("Print Pre&view…"), this, &MainWindow::previewCurrent);
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_printAction = file->addAction(tr("&Print…"), this, &MainWindow::printCurrent);
    m_printAction->setShortcut(QKeySequence::Print);
    m_pdfAction = file->addAction(tr("Save as P&DF…"), this, &MainWindow::saveCurrentAsPdf);
    m_pdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    // QKeySequence::Preferences has no binding on Linux: Ctrl+, as the README promises.
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QAction *check = file->addAction(tr("Database &Check…"), this, &MainWindow::checkDatabase);
    QAction *passphrase = file->addAction(tr("Change Database Pass&phrase…"), this, [this] {
        ChangePassphraseDialog dialog(m_env.changeDatabasePassphrase,
                                      DatabaseKey::minimumPassphraseLength, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("The database passphrase was changed."), 10000);
    });
    QAction *users = file->addAction(tr("&Users…"), this, &MainWindow::manageUsers);
    // The clinic's settings and the database's upkeep are the administrator's.
    settings->setVisible(allows(Permission::Settings));
    check->setVisible(allows(Permission::Settings));
    passphrase->setVisible(allows(Permission::Settings) && bool(m_env.changeDatabasePassphrase));
    users->setVisible(m_env.users && allows(Permission::Users));
    file->addSeparator();
    // Everyone's own: a password to change, and the screen to lock before walking away.
    QAction *password = file->addAction(tr("Change My Pass&word…"), this, [this] {
        if (!m_env.users || !m_env.session.isValid())
            return;
        UserFormDialog dialog(m_env.users, m_env.session,
                              UserFormDialog::Mode::ChangeOwnPassword, {}, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Your password was changed."), 10000);
    });
    password->setVisible(m_env.users && m_env.session.isValid());
    QAction *lock = file->addAction(tr("&Lock Screen"), this, &MainWindow::lockRequested);
    lock->setObjectName(QStringLiteral("lockScreenAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lock->setVisible(m_env.session.isValid());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    // QKeySequence::Quit depends on the platform theme (none offscreen or on bare X): bind it.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *patients = menuBar()->addMenu(tr("&Patients"));
    QAction *find = patients->addAction(tr("&Find Patient"), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *closeTab = patients->addAction(tr("&Close Patient"), this, [this] {
        if (qobject_cast<PatientPage *>(m_tabs->currentWidget()))
            Q_EMIT m_tabs->tabCloseRequested(m_tabs->currentIndex());
    });
    closeTab->setShortcut(QKeySequence::Close);
    if (m_env.outsideRecords) {
        QAction *records = patients->addAction(tr("&Outside Records…"), this, [this] {
            if (const PatientPage *page = currentPatientPage())
                openMedicalHistory(page->patientId());
            else if (m_results->currentIndex().isValid())
                openMedicalHistory(m_results->currentIndex().data(ModelRoles::PatientIdRole).toLongLong());
        });
        records->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    }
    if (m_env.appointments) {
        patients->addSeparator();
        QAction *book = patients->addAction(tr("&Book Visit…"), this, &MainWindow::bookVisit);
        book->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
        QAction *reschedule =
            patients->addAction(tr("&Reschedule Visit…"), this, &MainWindow::rescheduleVisit);
        reschedule->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
        QAction *cancel =
            patients->addAction(tr("Cancel &Visit…"), this, &MainWindow::cancelVisit);
        cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
        for (QAction *action : {book, reschedule, cancel})
            action->setVisible(allows(Permission::Schedule));
    }

    QMenu *verify = menuBar()->addMenu(tr("&Verify"));
    QAction *verifySchedule =
        verify->addAction(tr("Verify &Schedule…"), this, &MainWindow::verifySchedule);
    verifySchedule->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    verifySchedule->setVisible(allows(Permission::EligibilityRun));
    QAction *refresh = verify->addAction(tr("&Refresh"), this, [this] {
        if (m_tabs->currentWidget() == m_dashboard) {
            static_cast<DashboardWidget *>(m_dashboard)->refresh();
            return;
        }
        m_scheduleModel->reload();
        runSearch();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    // One F5 in the window: the dashboard's own would make the key ambiguous.
    static_cast<DashboardWidget *>(m_dashboard)->refreshAction()->setShortcut({});

    createClaimsMenu();

    QMenu *view = menuBar()->addMenu(tr("Vie&w"));
    QAction *frontDesk =
        view->addAction(tr("&Front Desk"), this, [this] { m_tabs->setCurrentIndex(0); });
    frontDesk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *dashboard = view->addAction(tr("&Dashboard"), this, &MainWindow::showDashboard);
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    if (m_claimsPage) {
        QAction *claims = view->addAction(tr("C&laims"), this, &MainWindow::showClaims);
        claims->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    }
    view->addSeparator();
    QAction *eventLog = view->addAction(tr("&Event Log…"), this, &MainWindow::showEventLog);
    eventLog->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    eventLog->setEnabled(m_env.live != nullptr);
    QAction *auditLog = view->addAction(tr("&Audit Log…"), this, [this] {
        AuditLogDialog dialog(m_env.auditTrail, this);
        dialog.exec();
    });
    auditLog->setVisible(m_env.auditTrail && allows(Permission::AuditRead));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    if (m_env.sampleEvents) {
        help->addAction(tr("Send Sample &Events (Training)"), m_env.sampleEvents,
                        &SampleEvents::send);
        connect(m_env.sampleEvents, &SampleEvents::sent, this, [this](int count) {
            statusBar()->showMessage(
                tr("The sandbox is sending %n sample events to the hub.", nullptr, count), 8000);
        });
        connect(m_env.sampleEvents, &SampleEvents::failed, this, [this](const QString &error) {
            QMessageBox::warning(this, tr("Sample Events Not Sent"), error);
        });
        help->addSeparator();
    }
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts…"), this, &MainWindow::showKeyboardShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About ClinicDesk"), this, [this] {
        QMessageBox::about(
            this, tr("About ClinicDesk"),
            tr("<b>ClinicDesk</b> %1<br/>Insurance verification for the clinic front desk.<br/>"
               "Licensed under the GNU GPL version 3 or later.")
                .arg(QApplication::applicationVersion()));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updatePrintActions);
    updatePrintActions();
}

void MainWindow::createClaimsMenu()
{
    if (!m_claimsPage)
        return;
    // No Alt letter: a patient's page uses every letter "Claims" has (and "Reclamaciones"
    // too); the menu opens from F10 and the arrows, and each action has its shortcut.
    QMenu *claims = menuBar()->addMenu(tr("Claims"));
    const auto add = [this, claims](QAction *action) {
        // The page's actions, window-wide from the menu: they bring the dashboard forward.
        action->setShortcutContext(Qt::WindowShortcut);
        claims->addAction(action);
        connect(action, &QAction::triggered, this, &MainWindow::showClaims);
    };
    add(m_claimsPage->newClaimAction());
    QAction *fromVisit =
        claims->addAction(tr("New Claim from &Visit…"), this, &MainWindow::newClaimFromVisit);
    fromVisit->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    add(m_claimsPage->openAction());
    claims->addSeparator();
    add(m_claimsPage->retryAction());
    add(m_claimsPage->syncAction());
    claims->addSeparator();
    add(m_claimsPage->importRemittanceAction());
    add(m_claimsPage->export837Action());
    add(m_claimsPage->exportCsvAction());
}

void MainWindow::showClaims()
{
    if (m_claimsPage)
        m_tabs->setCurrentWidget(m_claimsPage);
}

ClaimDetailDialog *MainWindow::openClaim(qint64 claimId)
{
    if (!m_env.claims || claimId <= 0)
        return nullptr;
    if (QPointer<ClaimDetailDialog> open = m_claimDialogs.value(claimId)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new ClaimDetailDialog(m_env.claims, m_env.claimSubmitter,
                                         {m_env.providerId, m_env.providerName}, claimId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClaimDetailDialog::editRequested, this, &MainWindow::editClaim);
    m_claimDialogs.insert(claimId, dialog);
    dialog->show();
    return dialog;
}

void MainWindow::editClaim(const Claim &draft)
{
    if (!m_env.claims || !m_env.claimPreparer)
        return;
    auto *form = new ClaimFormDialog(m_env.claims, m_env.claimPreparer, m_env.patients,
                                     {m_env.providerId, m_env.providerName},
                                     m_env.timelyFilingDays, m_env.user, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &ClaimFormDialog::claimQueued, this, [this](const Claim &claim) {
        statusBar()->showMessage(
            tr("Claim %1 for %2 is queued for the payor.").arg(claim.claimNumber, claim.patientName),
            10000);
        showClaims();
    });
    connect(form, &ClaimFormDialog::claimSaved, this, [this](const Claim &claim) {
        statusBar()->showMessage(tr("Draft claim %1 saved.").arg(claim.claimNumber), 10000);
    });
    if (draft.id != 0 || draft.replacesClaimId != 0 || !draft.lines.isEmpty())
        form->editClaim(draft);
    else if (draft.appointmentId != 0)
        form->startForVisit(draft.appointmentId);
    else if (draft.patientId != 0)
        form->startForPatient(draft.patientId);
    form->show();
}

void MainWindow::newClaim()
{
    Claim draft;
    draft.patientId = currentPatientId();
    editClaim(draft);
}

void MainWindow::newClaimFromVisit()
{
    const int row = selectedScheduleRow();
    if (row < 0) {
        m_tabs->setCurrentIndex(0);
        QMessageBox::information(this, tr("New Claim from Visit"),
                                 tr("Select the visit in the day's schedule first."));
        m_schedule->setFocus();
        return;
    }
    Claim draft;
    draft.appointmentId = m_scheduleModel->entryAt(row).appointment.id;
    editClaim(draft);
}

qint64 MainWindow::currentPatientId() const
{
    if (const PatientPage *page = currentPatientPage())
        return page->patientId();
    if (m_tabs->currentIndex() == 0) {
        const QModelIndex current = m_results->currentIndex();
        if (current.isValid())
            return current.data(ModelRoles::IdRole).toLongLong();
    }
    return 0;
}

PatientPage *MainWindow::currentPatientPage() const
{
    return qobject_cast<PatientPage *>(m_tabs->currentWidget());
}

void MainWindow::updatePrintActions()
{
    // The dashboard has no printed form; the front desk prints the day sheet.
    const bool printable = m_tabs->currentWidget() != m_dashboard;
    for (QAction *action : {m_previewAction, m_printAction, m_pdfAction})
        action->setEnabled(printable);
    const bool patient = currentPatientPage() != nullptr;
    m_previewAction->setStatusTip(patient ? tr("Preview the patient's verification report")
                                          : tr("Preview the day sheet of the schedule's day"));
}

void MainWindow::previewCurrent()
{
    if (PatientPage *page = currentPatientPage())
        page->printPreview();
    else if (m_tabs->currentIndex() == 0)
        printDaySheet();
}

void MainWindow::printCurrent()
{
    if (PatientPage *page = currentPatientPage()) {
        page->printReport();
    } else if (m_tabs->currentIndex() == 0) {
        withDaySheet([this](const DaySheetData &data) {
            ReportActions::print(m_env.reports, data, this);
        });
    }
}

void MainWindow::saveCurrentAsPdf()
{
    if (PatientPage *page = currentPatientPage())
        page->saveReportAsPdf();
    else if (m_tabs->currentIndex() == 0)
        saveDaySheetAsPdf();
}

void MainWindow::showKeyboardShortcuts()
{
    ShortcutsDialog dialog(this, this);
    dialog.exec();
}

void MainWindow::runSearch()
{
    m_searchModel->setSearchText(m_search->text());
}

void MainWindow::showSearchState()
{
    const QString error = m_searchModel->errorString();
    m_searchState->setText(error);
    m_searchState->setVisible(!error.isEmpty());
    const bool nobody = m_searchModel->foundNobody();
    if (nobody) {
        const QString typed = m_searchModel->searchText().simplified();
        // A long text is cut in the button (the dialog gets all of it).
        const QString shown = typed.size() > 40 ? typed.left(39) + QStringLiteral("…") : typed;
        m_noMatchLabel->setText(tr("No patient matches “%1”.").arg(shown));
        //: %1 is what the clerk typed into the search ("Lopez, Maria")
        m_registerTyped->setText(tr("Register “%1”…").arg(shown));
    }
    m_noMatch->setVisible(nobody);
}

void MainWindow::setScheduleDay(const QDate &day)
{
    m_scheduleModel->setDay(day);
    const qint64 offset = QDate::currentDate().daysTo(day);
    const int choice = offset == 0 ? 0 : offset == 1 ? 1 : 2;
    if (m_dayChoice->currentIndex() != choice) {
        const QSignalBlocker block(m_dayChoice);
        m_dayChoice->setCurrentIndex(choice);
    }
}

PatientPage *MainWindow::openPatient(qint64 patientId)
{
    if (patientId <= 0)
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<PatientPage *>(m_tabs->widget(i));
            page && page->patientId() == patientId) {
            m_tabs->setCurrentIndex(i);
            return page;
        }
    }
    auto *page = new PatientPage(m_env, patientId, m_tabs);
    connect(page, &PatientPage::outsideRecordsRequested, this, &MainWindow::openMedicalHistory);
    // The search list and the schedule follow edits by themselves (PatientService signals).
    connect(page, &PatientPage::patientChanged, this, [this, page](const Patient &patient) {
        m_tabs->setTabText(m_tabs->indexOf(page), patient.displayName());
    });
    connect(page, &PatientPage::loaded, this,
            [this, page] { m_tabs->setTabText(m_tabs->indexOf(page), page->title()); });
    connect(page, &PatientPage::otherPatientChosen, this, &MainWindow::openPatient);
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setCurrentIndex(index);
    page->focusFirstField();
    return page;
}

MedicalHistoryPage *MainWindow::openMedicalHistory(qint64 patientId)
{
    if (patientId <= 0 || !m_env.outsideRecords)
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<MedicalHistoryPage *>(m_tabs->widget(i));
            page && page->patientId() == patientId) {
            m_tabs->setCurrentIndex(i);
            return page;
        }
    }
    if (!allows(Permission::MedicalHistory) && !m_env.access->can(Permission::MedicalHistory, patientId)) {
        QString name = tr("this patient");
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (auto *patient = qobject_cast<PatientPage *>(m_tabs->widget(i));
                patient && patient->patientId() == patientId)
                name = m_tabs->tabText(i);
        }
        EmergencyAccessDialog emergency(m_env.access, patientId, name, this);
        if (emergency.exec() != QDialog::Accepted)
            return nullptr;
        statusBar()->showMessage(
            tr("Emergency access to %1's records until %2; it is recorded for the administrator.")
                .arg(name, QLocale().toString(emergency.grant().expiresAt.toLocalTime().time(),
                                              QLocale::ShortFormat)),
            15000);
    }
    auto *page = new MedicalHistoryPage(m_env, patientId, m_tabs);
    connect(page, &MedicalHistoryPage::loaded, this,
            [this, page] { m_tabs->setTabText(m_tabs->indexOf(page), page->title()); });
    connect(page, &MedicalHistoryPage::openDocumentRequested, this, &MainWindow::openOutsideDocument);
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setCurrentIndex(index);
    return page;
}

bool MainWindow::allows(Permission permission) const
{
    return !m_env.access || m_env.access->can(permission);
}

void MainWindow::openOutsideDocument(qint64 documentId, const QString &title)
{
    auto *viewer = new DocumentViewerDialog(m_env.medicalRecords, documentId, title, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void MainWindow::registerPatient()
{
    openRegistration({});
}

void MainWindow::registerFromSearch(const QString &text)
{
    openRegistration(RegisterPatientDialog::draftFromSearch(text));
}

void MainWindow::openRegistration(const Patient &draft)
{
    if (!allows(Permission::PatientsEdit))
        return;
    // The service stores the patient and records patient.create in the audit trail.
    RegisterPatientDialog dialog(m_env.patients, draft, this);
    if (dialog.exec() != QDialog::Accepted) {
        openPatient(dialog.patientToOpen()); // a duplicate the clerk chose instead (0: none)
        return;
    }
    runSearch();
    openPatient(dialog.patient().id);
}

void MainWindow::verifySchedule()
{
    if (!allows(Permission::EligibilityRun))
        return;
    QList<int> rows;
    const QModelIndexList selected = m_schedule->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << index.row();
    // One selected row is usually just the cursor: verify the whole day then.
    if (rows.size() <= 1)
        rows.clear();
    const QList<qint64> coverageIds = m_scheduleModel->coverageIds(rows);
    if (coverageIds.isEmpty()) {
        QMessageBox::information(this, tr("Verify Schedule"),
                                 tr("No appointments with insurance on this day."));
        return;
    }
    VerifyOptions options;
    options.serviceDate = m_scheduleModel->day();
    const QString day = BenefitSummary::formatDate(m_scheduleModel->day());
    const int appointments = rows.isEmpty() ? m_scheduleModel->rowCount() : int(rows.size());
    // Two sources so that English reads right without a catalogue; each has its %n forms.
    QString scope;
    if (!rows.isEmpty())
        scope = tr("%n selected appointments on %1", nullptr, appointments).arg(day);
    else if (appointments == 1)
        scope = tr("%n appointment on %1", nullptr, appointments).arg(day);
    else
        scope = tr("%n appointments on %1", nullptr, appointments).arg(day);
    const QString title = rows.isEmpty() ? tr("Verify Schedule — %1").arg(day)
                                         : tr("Verify Selected Appointments — %1").arg(day);
    // The dialog says what it will verify and waits for Start.
    auto *dialog = new BatchVerifyDialog(m_env.eligibility,
                                         m_env.eligibility->verifyCoverages(coverageIds, options),
                                         title, scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BatchVerifyDialog::patientActivated, this, &MainWindow::openPatient);
    dialog->show();
}

void MainWindow::withDaySheet(const std::function<void(const DaySheetData &)> &use)
{
    Async::whenReady(m_env.reports->daySheet(m_scheduleModel->day()), this,
                     [this, use](const StoreResult<DaySheetData> &data) {
                         if (!data) {
                             ReportActions::showError(tr("Day Sheet Not Available"), data.error(),
                                                      this);
                             return;
                         }
                         use(*data);
                     });
}

void MainWindow::printDaySheet()
{
    withDaySheet(
        [this](const DaySheetData &data) { ReportActions::preview(m_env.reports, data, this); });
}

void MainWindow::saveDaySheetAsPdf()
{
    withDaySheet(
        [this](const DaySheetData &data) { ReportActions::saveAsPdf(m_env.reports, data, this); });
}

void MainWindow::checkDatabase()
{
    DatabaseCheckJob *job = m_env.maintenance->check();
    auto *progress = new QProgressDialog(tr("Checking the database…"), tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("Database Check"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    connect(job, &DatabaseCheckJob::progressChanged, progress, [progress](int done, int total) {
        progress->setMaximum(qMax(1, total));
        progress->setValue(done);
    });
    connect(progress, &QProgressDialog::canceled, job, &Job::cancel);
    connect(job, &Job::finished, this, [this, progress](Job *finished) {
        progress->close();
        if (finished->wasCancelled())
            return;
        if (finished->error() == Job::Error::NoError) {
            QMessageBox::information(this, tr("Database Check"),
                                     tr("The database is sound: SQLite found no damage."));
        } else {
            QMessageBox::warning(this, tr("Database Check"), finished->errorString());
        }
    });
    progress->show();
    job->start();
}

void MainWindow::manageUsers()
{
    if (!m_env.users || !allows(Permission::Users))
        return;
    UsersDialog dialog(m_env.users, m_env.session, this);
    dialog.exec();
}

void MainWindow::editSettings()
{
    if (!allows(Permission::Settings))
        return;
    // The dialog opens once the payor mappings (a few rows) and the desk's keys (kept in the
    // encrypted database) are read.
    auto withSecrets = [this](const QList<PayorMapping> &mappings) {
        if (!m_env.secrets) {
            openSettings(mappings, std::nullopt);
            return;
        }
        Async::whenReady(m_env.secrets->load(), this,
                         [this, mappings](const StoreResult<SecretService::Secrets> &secrets) {
                             if (!secrets) {
                                 QMessageBox::warning(this, tr("Settings"), secrets.error());
                                 return;
                             }
                             openSettings(mappings, *secrets);
                         });
    };
    if (!m_env.claims) {
        withSecrets({});
        return;
    }
    Async::whenReady(m_env.claims->mappings(), this,
                     [withSecrets](const StoreResult<QList<PayorMapping>> &mappings) {
                         withSecrets(mappings ? *mappings : QList<PayorMapping>());
                     });
}

void MainWindow::openSettings(const QList<PayorMapping> &mappings,
                              const std::optional<SecretService::Secrets> &secrets)
{
    QSettings store;
    DeskSettings current = DeskSettings::load(store);
    if (secrets)
        current.setSecrets(*secrets);
    SettingsDialog dialog(current, this);
    if (m_env.claims) {
        dialog.setPayorAccess(m_env.network, {m_env.trainingPayorUrl, m_env.trainingPayorKey,
                                              m_env.providerId});
        dialog.setMappings(mappings);
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The file gets everything but the keys; they go to the encrypted database.
    dialog.settings().save(store);
    if (m_env.claims) {
        for (const QString &removed : dialog.removedMappings())
            m_env.claims->removeMapping(removed);
        for (const PayorMapping &mapping : dialog.mappings()) {
            if (!mappings.contains(mapping))
                m_env.claims->saveMapping(mapping);
        }
    }
    if (!m_env.secrets) {
        QMessageBox::information(this, tr("Settings Saved"),
                                 tr("The new settings take effect the next time ClinicDesk "
                                    "starts."));
        return;
    }
    Async::whenReady(m_env.secrets->save(m_env.session, dialog.settings().secrets()), this,
                     [this](const StoreResult<bool> &saved) {
                         if (!saved) {
                             QMessageBox::warning(
                                 this, tr("Keys Not Saved"),
                                 tr("The settings were saved, but not the keys and tokens: %1")
                                     .arg(saved.error()));
                             return;
                         }
                         QMessageBox::information(this, tr("Settings Saved"),
                                                  tr("The new settings take effect the next "
                                                     "time ClinicDesk starts."));
                     });
}

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_dashboard);
}

int MainWindow::selectedScheduleRow() const
{
    const QModelIndex current = m_schedule->currentIndex();
    if (current.isValid() && m_schedule->selectionModel()->isRowSelected(current.row()))
        return current.row();
    const QModelIndexList rows = m_schedule->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void MainWindow::bookVisit()
{
    if (!m_env.appointments || !allows(Permission::Schedule))
        return;
    if (PatientPage *page = currentPatientPage()) {
        page->bookVisit();
        return;
    }
    if (m_tabs->currentIndex() != 0)
        return;
    Patient patient;
    const int scheduleRow = selectedScheduleRow();
    if (scheduleRow >= 0 && (m_schedule->hasFocus() || !m_results->currentIndex().isValid()))
        patient = m_scheduleModel->entryAt(scheduleRow).patient;
    else if (m_results->currentIndex().isValid())
        patient = m_searchModel->patientAt(m_results->currentIndex().row());
    if (patient.id == 0) {
        QMessageBox::information(this, tr("Book Visit"),
                                 tr("Find the patient first: choose them in the patient list "
                                    "or on the schedule, then book the visit."));
        m_search->setFocus();
        return;
    }
    Appointment proposal;
    proposal.patientId = patient.id;
    // On another day than today the clerk is booking ahead: start at the morning's first slot.
    if (m_scheduleModel->day() != QDate::currentDate())
        proposal.start = QDateTime(m_scheduleModel->day(), QTime(9, 0)).toUTC();
    AppointmentDialog dialog(m_env.appointments, patient, proposal, this);
    dialog.exec();
}

void MainWindow::rescheduleVisit()
{
    if (!m_env.appointments || !allows(Permission::Schedule))
        return;
    if (PatientPage *page = currentPatientPage()) {
        page->rescheduleVisit();
        return;
    }
    const int row = selectedScheduleRow();
    if (m_tabs->currentIndex() != 0 || row < 0)
        return;
    const ScheduleEntry entry = m_scheduleModel->entryAt(row);
    AppointmentDialog dialog(m_env.appointments, entry.patient, entry.appointment, this);
    dialog.exec();
}

void MainWindow::cancelVisit()
{
    if (!m_env.appointments || !allows(Permission::Schedule))
        return;
    if (PatientPage *page = currentPatientPage()) {
        page->cancelVisit();
        return;
    }
    const int row = selectedScheduleRow();
    if (m_tabs->currentIndex() != 0 || row < 0)
        return;
    const ScheduleEntry entry = m_scheduleModel->entryAt(row);
    CancelVisitDialog dialog(m_env.appointments, entry.appointment, entry.patient.fullName(), this);
    dialog.exec();
}

void MainWindow::showEventLog()
{
    if (!m_env.live)
        return;
    if (!m_eventLog) {
        m_eventLog = new EventLogDialog(m_env.live, this);
        m_eventLog->setModal(false);
    }
    m_eventLog->show();
    m_eventLog->raise();
    m_eventLog->activateWindow();
}

void MainWindow::followOtherDesks()
{
    // The models refresh themselves from the services' signals; here the clerk is told.
    connect(m_env.appointments, &AppointmentService::appointmentChangedElsewhere, this,
            [this](const Appointment &appointment, const QString &device) {
                const QDateTime start = appointment.start.toLocalTime();
                const QString when = DateFormats::format(start.date()) + QLatin1Char(' ')
                                     + DateFormats::displayLocale().toString(start.time(),
                                                                             QLocale::ShortFormat);
                const QString message =
                    appointment.isCancelled()
                        ? tr("Another desk (%1) cancelled a visit with %2 at %3.")
                              .arg(device, appointment.provider, when)
                        : tr("Another desk (%1) booked or changed a visit with %2 at %3.")
                              .arg(device, appointment.provider, when);
                announce(message);
            });
    connect(m_env.patients, &PatientService::patientChangedElsewhere, this,
            [this](const Patient &patient, const QString &device) {
                announce(tr("Another desk (%1) updated the record of %2.")
                             .arg(device, patient.displayName()));
            });
}

void MainWindow::announce(const QString &message)
{
    m_notifications->notify(message);
    statusBar()->showMessage(message, 10000);
    // The tray says only that something changed: it may show over other programs.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(tr("ClinicDesk"), tr("Another desk changed the schedule or a patient."),
                            QSystemTrayIcon::Information, 5000);
    }
}
