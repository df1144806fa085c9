// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window as each role sees it: what a role may not use is not offered; a biller who opens a
// patient's medical history is asked for Emergency Access (a reason, recorded) first.
#include "common/trainingenvironment.h"
#include "services/access/accesscontrol.h"
#include "services/access/userservice.h"
#include "services/common/audittrailservice.h"
#include "services/metriport/chartservice.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/metriportclient.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/store/breakglassrepository.h"
#include "ui/emergencyaccessdialog.h"
#include "ui/mainwindow.h"
#include "ui/medicalhistorypage.h"
#include "ui/patientpage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

Q_DECLARE_METATYPE(Role)

namespace {
//! Whether the window offers an action with this text (visible in a menu of the menu bar).
bool offers(MainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (!menu->menu() || !menu->isVisible())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action->isVisible();
        }
    }
    return false;
}

//! Runs `step` on the Emergency Access dialog once it is the active modal window.
void onEmergencyDialog(std::function<void(EmergencyAccessDialog *)> step)
{
    QTimer::singleShot(0, qApp, [step = std::move(step)] {
        EmergencyAccessDialog *dialog = nullptr;
        QTest::qWaitFor([&dialog] {
            dialog = qobject_cast<EmergencyAccessDialog *>(QApplication::activeModalWidget());
            return dialog != nullptr;
        }, 5000);
        if (dialog)
            step(dialog);
    });
}

void clickOpen(EmergencyAccessDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    buttons->button(QDialogButtonBox::Ok)->click();
}
} // namespace

class TestRoleMenus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void menusFollowTheRole_data();
    void menusFollowTheRole();
    void billerOpensRecordsOnlyThroughEmergencyAccess();
    void clinicalOpensRecordsDirectly();

private:
    DeskEnvironment desk(AccessControl *access);

    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<MetriportClient> m_metriport;
    std::unique_ptr<DocumentFetcher> m_fetcher;
    std::unique_ptr<OutsideRecordsService> m_outsideRecords;
    std::unique_ptr<MedicalRecordService> m_medicalRecords;
    std::unique_ptr<ChartService> m_chart;
    std::unique_ptr<AuditTrailService> m_auditTrail;
    std::unique_ptr<UserService> m_users;
};

void TestRoleMenus::initTestCase()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_metriport = std::make_unique<MetriportClient>(
        &m_env->network(), MetriportClient::Config{m_env->sandboxBaseUrl(),
                                                     QString::fromUtf8(m_env->sandbox().metriportApiKey())});
    m_fetcher = std::make_unique<DocumentFetcher>(&m_env->store(), m_metriport.get());
    m_outsideRecords = std::make_unique<OutsideRecordsService>(
        &m_env->store(), m_metriport.get(), m_fetcher.get(), QStringLiteral("tester"), OutsideRecordsService::Config{});
    m_medicalRecords = std::make_unique<MedicalRecordService>(&m_env->store(), m_outsideRecords.get());
    m_chart = std::make_unique<ChartService>(&m_env->store(), QStringLiteral("tester"));
    m_users = std::make_unique<UserService>(&m_env->store());
}

DeskEnvironment TestRoleMenus::desk(AccessControl *access)
{
    m_outsideRecords->setAccessControl(access);
    m_medicalRecords->setAccessControl(access);
    m_chart->setAccessControl(access);
    DeskEnvironment e;
    e.patients = &m_env->patients();
    e.appointments = &m_env->appointments();
    e.eligibility = &m_env->service();
    e.reports = &m_env->reports();
    e.claims = &m_env->claims();
    e.claimPreparer = &m_env->claimPreparer();
    e.claimDashboard = &m_env->claimDashboard();
    e.claimFiles = &m_env->claimFiles();
    e.outsideRecords = m_outsideRecords.get();
    e.medicalRecords = m_medicalRecords.get();
    e.chart = m_chart.get();
    e.access = access;
    m_auditTrail = std::make_unique<AuditTrailService>(&m_env->store());
    m_auditTrail->setAccessControl(access);
    e.auditTrail = m_auditTrail.get();
    e.users = m_users.get();
    e.session = access->session();
    e.user = e.session.userName;
    return e;
}

void TestRoleMenus::menusFollowTheRole_data()
{
    QTest::addColumn<Role>("role");
    for (Role role : Access::roles())
        QTest::newRow(qPrintable(roleCode(role))) << role;
}

void TestRoleMenus::menusFollowTheRole()
{
    QFETCH(Role, role);
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("menus"), QStringLiteral("Menus"), role});
    MainWindow window(desk(&access));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.claimsPage() != nullptr, Access::allows(role, Permission::ClaimsRead));
    QCOMPARE(offers(window, QStringLiteral("Verify &Schedule…")),
             Access::allows(role, Permission::EligibilityRun));
    QCOMPARE(offers(window, QStringLiteral("&Settings…")), Access::allows(role, Permission::Settings));
    QCOMPARE(offers(window, QStringLiteral("Database &Check…")),
             Access::allows(role, Permission::Settings));
    QCOMPARE(offers(window, QStringLiteral("&Book Visit…")), Access::allows(role, Permission::Schedule));
    QCOMPARE(offers(window, QStringLiteral("&Audit Log…")), Access::allows(role, Permission::AuditRead));
    QCOMPARE(offers(window, QStringLiteral("&Register Patient…")),
             Access::allows(role, Permission::PatientsEdit));
    QCOMPARE(offers(window, QStringLiteral("&Users…")), Access::allows(role, Permission::Users));
    // Everyone's own password, and the lock for walking away.
    QVERIFY(offers(window, QStringLiteral("Change My Pass&word…")));
    QVERIFY(offers(window, QStringLiteral("&Lock Screen")));
    // The front desk page's buttons say the same.
    const auto button = [&window](const QString &text) {
        for (QAbstractButton *b : window.findChildren<QAbstractButton *>()) {
            if (b->text() == text)
                return b->isVisibleTo(&window);
        }
        return false;
    };
    QCOMPARE(button(QStringLiteral("&Register Patient…")), Access::allows(role, Permission::PatientsEdit));
    QCOMPARE(button(QStringLiteral("Verify &Schedule…")), Access::allows(role, Permission::EligibilityRun));
    QCOMPARE(button(QStringLiteral("Print &Day Sheet…")), Access::allows(role, Permission::Reports));
    QCOMPARE(button(QStringLiteral("Book Visit…")), Access::allows(role, Permission::Schedule));
    // A patient's page: the same rules.
    PatientPage *patient = window.openPatient(m_env->patientId(QStringLiteral("Maria")));
    QVERIFY(patient);
    const auto onPage = [patient](const char *name) {
        auto *widget = patient->findChild<QWidget *>(QLatin1String(name));
        return widget && widget->isVisibleTo(patient);
    };
    QCOMPARE(onPage("editPatientButton"), Access::allows(role, Permission::PatientsEdit));
    QCOMPARE(onPage("verifyAllButton"), Access::allows(role, Permission::EligibilityRun));
    QCOMPARE(onPage("bookVisitButton"), Access::allows(role, Permission::Schedule));
    QVERIFY(onPage("coverageView"));
    // Everyone can find a patient, and reach outside records (through Emergency Access if need be).
    QVERIFY(offers(window, QStringLiteral("&Find Patient")));
    QVERIFY(offers(window, QStringLiteral("&Outside Records…")));
}

void TestRoleMenus::billerOpensRecordsOnlyThroughEmergencyAccess()
{
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("biller-ui"), QStringLiteral("Bea Biller"), Role::Biller});
    MainWindow window(desk(&access));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const qint64 maria = m_env->patientId(QStringLiteral("Maria"));
    QVERIFY(maria > 0);

    // Cancelled: no tab, no grant.
    onEmergencyDialog([](EmergencyAccessDialog *dialog) { dialog->reject(); });
    QVERIFY(!window.openMedicalHistory(maria));
    QVERIFY(!access.can(Permission::MedicalHistory, maria));

    // A reason too short is refused in the dialog, which stays open; a real one opens the tab.
    bool refusedShown = false;
    onEmergencyDialog([&refusedShown](EmergencyAccessDialog *dialog) {
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("reason"))->setPlainText(QStringLiteral("urgent"));
        clickOpen(dialog);
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
        QTest::qWaitFor([error] { return error->isVisible(); }, 5000);
        refusedShown = error->isVisible() && dialog->isVisible();
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("reason"))
            ->setPlainText(QStringLiteral("Patient fainted at the desk; the nurse needs her allergies"));
        clickOpen(dialog);
    });
    MedicalHistoryPage *page = window.openMedicalHistory(maria);
    QVERIFY(refusedShown);
    QVERIFY(page);
    QVERIFY(access.can(Permission::MedicalHistory, maria));
    const auto grants = m_env->read([](const QString &connection) {
        return BreakGlassRepository(connection).active(QStringLiteral("biller-ui"),
                                                       QDateTime::currentDateTimeUtc());
    });
    QVERIFY(grants);
    QCOMPARE(grants->size(), 1);
    QVERIFY(grants->first().reason.contains(QStringLiteral("fainted")));
    // Asked once: the tab is there, and opening again goes straight to it.
    QCOMPARE(window.openMedicalHistory(maria), page);
}

void TestRoleMenus::clinicalOpensRecordsDirectly()
{
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("nurse-ui"), QStringLiteral("Nina Nurse"), Role::Clinical});
    MainWindow window(desk(&access));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    bool asked = false;
    onEmergencyDialog([&asked](EmergencyAccessDialog *dialog) {
        asked = true;
        dialog->reject();
    });
    QVERIFY(window.openMedicalHistory(m_env->patientId(QStringLiteral("Maria"))));
    QTest::qWait(50);
    QVERIFY(!asked);
}

QTEST_MAIN(TestRoleMenus)
#include "tst_rolemenus.moc"
