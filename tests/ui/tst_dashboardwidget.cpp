// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The verification dashboard offscreen: key figures, charts, periods, activating rows, and the
// live behaviour: at most one read of the figures a second while shown, none while hidden.
#include "common/trainingenvironment.h"

#include "models/actionlistmodel.h"
#include "models/activityfiltermodel.h"
#include "models/modelroles.h"
#include "models/recentactivitymodel.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/appointmentrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "ui/dashboardwidget.h"

#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QPieSeries>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {
// Mid-afternoon UTC; today's attempts are minutes before it, so they stay on the same local
// day in any time zone the test might run in.
const QDateTime fixedNow = QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);
} // namespace

class TestDashboardWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keyFiguresForToday();
    void chartsShowTheBreakdown();
    void switchingPeriod();
    void emptyPeriod();
    void activatingRowEmitsPatient();
    void showFilter();
    void liveUpdatesAreCoalesced();
    void refreshShortcut();
    void hiddenDashboardReadsNothing();
    void hiddenAfterShowCatchesUpWithOneRead();
    void burstReadsAtMostOncePerSecond();
    void refreshShowsChangedMemberId();
    void changedMemberIdShowsWithoutRefresh();
    void inactiveIsItsOwnCategory();
    void actionListLeadsWithWhatNeedsAction();
    void activatingActionRowEmitsPatient();
    void actionListFollowsVerifications();
    void emptyActionListSaysSo();

private:
    qint64 addPatient(const QString &first, const QString &last);
    qint64 addCoverage(qint64 patientId, const QString &memberId);
    qint64 addAttempt(qint64 patientId, qint64 coverageId, VerificationStatus status,
                      VerificationError error, const QDateTime &requestedAt, int durationMs,
                      const QStringList &aaaCodes = {}, Verification *stored = nullptr);
    /*!
      Today: Jane verified (800 ms, 10 min ago), Omar rejected AAA 72 (1,200 ms, 20 min ago),
      Jane timed out (30,000 ms, 30 min ago). Three days ago Omar verified (500 ms); twenty days
      ago Jane's clearinghouse answered 5xx (2,000 ms).
     */
    bool seed();
    //! Shows the dashboard and waits for its figures and its recent activity.
    bool showAndWait(DashboardWidget &dashboard);
    //! Waits for the figures and the list after a change of period or a refresh.
    bool waitForReload(DashboardWidget &dashboard, const std::function<void()> &change);
    int auditCount(const QString &action);
    QString valueText(const QWidget &dashboard, const char *name) const;
    qint64 addAppointment(qint64 patientId, const QDate &day, const QTime &localTime,
                          AppointmentStatus status = AppointmentStatus::Scheduled);
    //! A payer's answer saved as the coverage's latest attempt.
    qint64 addAnswer(qint64 patientId, qint64 coverageId, VerificationStatus status,
                     VerificationError error, const QDateTime &requestedAt,
                     const std::optional<EligibilityResult> &result, const QString &message = {});
    static EligibilityResult planResult(EligibilityResult::Status status, const QDate &end);
    /*!
      The schedule of today (local day of fixedNow, a Tuesday, 8:00 in Los Angeles) and
      tomorrow, with one patient per kind of coverage trouble and the ones that need nothing.
      Fills m_expectedActions with who should be listed, in order.
     */
    bool seedSchedule();
    //! Waits for the dashboard's action list to be read again.
    bool waitForActions(DashboardWidget &dashboard, const std::function<void()> &change);
    static QStringList column(const QAbstractItemModel &model, int column);
    //! The payer / member texts of Omar's rows in the recent activity.
    QStringList omarPayerTexts(const DashboardWidget &dashboard) const;
    bool changeOmarsMemberId(const QString &memberId);

    std::unique_ptr<TrainingEnvironment> m_env;
    QDateTime m_now = fixedNow;
    qint64 m_jane = 0;
    qint64 m_janeCoverage = 0;
    qint64 m_omar = 0;
    qint64 m_omarCoverage = 0;
    QList<qint64> m_expectedActions;
    QHash<QString, qint64> m_ids; // schedule patients by first name
    QHash<QString, qint64> m_coverages;
};

void TestDashboardWidget::initTestCase()
{
    // Expected texts below are written for the C locale ("33.3%", "10.7 s").
    QLocale::setDefault(QLocale::c());
}

void TestDashboardWidget::init()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    options.user = QStringLiteral("frontdesk1");
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_now = fixedNow;
    m_env->service().setClock([this] { return m_now; });

    m_jane = addPatient(QStringLiteral("Jane"), QStringLiteral("Smith"));
    m_janeCoverage = addCoverage(m_jane, QStringLiteral("JS100200"));
    m_omar = addPatient(QStringLiteral("Omar"), QStringLiteral("Haddad"));
    m_omarCoverage = addCoverage(m_omar, QStringLiteral("OH300400"));
    QVERIFY(m_jane && m_janeCoverage && m_omar && m_omarCoverage);
}

void TestDashboardWidget::cleanup()
{
    m_env.reset();
}

qint64 TestDashboardWidget::addPatient(const QString &first, const QString &last)
{
    Patient patient;
    patient.firstName = first;
    patient.lastName = last;
    patient.dateOfBirth = QDate(1975, 11, 2);
    const auto saved = m_env->write([patient](const QString &connection) {
        return PatientRepository(connection).save(patient);
    });
    if (!saved)
        qWarning() << "patient not saved:" << saved.error();
    return saved ? saved->id : 0;
}

qint64 TestDashboardWidget::addCoverage(qint64 patientId, const QString &memberId)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = QStringLiteral("INS002");
    coverage.payerName = QStringLiteral("Aetna Health");
    coverage.memberId = memberId;
    const auto saved = m_env->write([coverage](const QString &connection) {
        return CoverageRepository(connection).save(coverage);
    });
    if (!saved)
        qWarning() << "coverage not saved:" << saved.error();
    return saved ? saved->id : 0;
}

qint64 TestDashboardWidget::addAttempt(qint64 patientId, qint64 coverageId,
                                       VerificationStatus status, VerificationError error,
                                       const QDateTime &requestedAt, int durationMs,
                                       const QStringList &aaaCodes, Verification *stored)
{
    Verification v;
    v.patientId = patientId;
    v.coverageId = coverageId;
    v.status = status;
    v.error = error;
    v.aaaCodes = aaaCodes;
    v.requestedAt = requestedAt;
    v.completedAt = requestedAt.addMSecs(durationMs);
    v.durationMs = durationMs;
    v.attempts = 1;
    v.user = QStringLiteral("frontdesk1");
    v.serviceTypes = QStringLiteral("30");
    v.serviceDate = requestedAt.toLocalTime().date();
    if (status == VerificationStatus::Failed)
        v.errorMessage = QStringLiteral("Something went wrong.");
    const auto saved = m_env->write(
        [v](const QString &connection) { return VerificationRepository(connection).save(v); });
    if (!saved) {
        qWarning() << "verification not saved:" << saved.error();
        return 0;
    }
    if (stored)
        *stored = saved.value();
    return saved->id;
}

bool TestDashboardWidget::showAndWait(DashboardWidget &dashboard)
{
    QSignalSpy updated(&dashboard, &DashboardWidget::statisticsUpdated);
    QSignalSpy loaded(dashboard.recentActivityModel(), &RecentActivityModel::loaded);
    dashboard.show();
    return (updated.size() > 0 || updated.wait()) && (loaded.size() > 0 || loaded.wait()) &&
           dashboard.errorString().isEmpty();
}

bool TestDashboardWidget::waitForReload(DashboardWidget &dashboard,
                                        const std::function<void()> &change)
{
    QSignalSpy updated(&dashboard, &DashboardWidget::statisticsUpdated);
    QSignalSpy loaded(dashboard.recentActivityModel(), &RecentActivityModel::loaded);
    change();
    return (updated.size() > 0 || updated.wait()) && (loaded.size() > 0 || loaded.wait()) &&
           dashboard.errorString().isEmpty();
}

int TestDashboardWidget::auditCount(const QString &action)
{
    int count = 0;
    for (const AuditEntry &entry : m_env->auditEntries())
        count += entry.action == action ? 1 : 0;
    return count;
}
bool TestDashboardWidget::seed()
{
    using S = VerificationStatus;
    using E = VerificationError;
    return addAttempt(m_jane, m_janeCoverage, S::Verified, E::None, fixedNow.addSecs(-600), 800) &&
           addAttempt(m_omar, m_omarCoverage, S::Failed, E::Rejected, fixedNow.addSecs(-1200), 1200,
                      {QStringLiteral("72")}) &&
           addAttempt(m_jane, m_janeCoverage, S::Failed, E::Timeout, fixedNow.addSecs(-1800),
                      30000) &&
           addAttempt(m_omar, m_omarCoverage, S::Verified, E::None, fixedNow.addDays(-3), 500) &&
           addAttempt(m_jane, m_janeCoverage, S::Failed, E::ServerError, fixedNow.addDays(-20),
                      2000);
}

QString TestDashboardWidget::valueText(const QWidget &dashboard, const char *name) const
{
    const auto *label = dashboard.findChild<QLabel *>(QLatin1String(name));
    if (!label) {
        qWarning() << "no label" << name;
        return QStringLiteral("<missing>");
    }
    return label->text();
}

void TestDashboardWidget::keyFiguresForToday()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QCOMPARE(dashboard.period(), StatsPeriod::Today);
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3"));
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("33.3%"));
    QCOMPARE(valueText(dashboard, "failureRateValue"), QStringLiteral("66.7%"));
    // (800 + 1,200 + 30,000) / 3; nearest rank of 3 values for p95 is the slowest.
    QCOMPARE(valueText(dashboard, "averageResponseValue"), QStringLiteral("10.7 s"));
    QCOMPARE(valueText(dashboard, "p95ResponseValue"), QStringLiteral("30.0 s"));
    QCOMPARE(dashboard.stats().total, 3);
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 3);
    QCOMPARE(dashboard.statisticsReads(), 1);
    // The figures are what the service computes from the data.
    const auto stats = TestSupport::await(m_env->service().statistics(StatsPeriod::Today));
    QVERIFY(stats.ok());
    QCOMPARE(dashboard.stats().total, stats->total);
    QCOMPARE(dashboard.stats().p95Ms, stats->p95Ms);
}

void TestDashboardWidget::chartsShowTheBreakdown()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    auto *stack = dashboard.findChild<QStackedWidget *>(QStringLiteral("chartStack"));
    QVERIFY(stack);
    QVERIFY(stack->currentWidget()->objectName() != QLatin1String("emptyStateLabel"));

    auto *statusView = dashboard.findChild<QChartView *>(QStringLiteral("statusChart"));
    QVERIFY(statusView);
    QCOMPARE(statusView->chart()->series().size(), 1);
    auto *pie = qobject_cast<QPieSeries *>(statusView->chart()->series().constFirst());
    QVERIFY(pie);
    // ACTIVE 1, and the two failures named apart: Omar's REJECTED, Jane's COULD NOT VERIFY.
    QCOMPARE(pie->count(), 3);
    QCOMPARE(pie->sum(), 3.0);

    auto *reasonsView = dashboard.findChild<QChartView *>(QStringLiteral("reasonsChart"));
    QVERIFY(reasonsView);
    auto *bars = qobject_cast<QHorizontalBarSeries *>(reasonsView->chart()->series().constFirst());
    QVERIFY(bars);
    QCOMPARE(bars->barSets().size(), 1);
    QBarSet *set = bars->barSets().constFirst();
    QCOMPARE(set->count(), 2); // AAA 72 and the timeout, one each
    QCOMPARE(set->at(0), 1.0);
    QCOMPARE(set->at(1), 1.0);
}

void TestDashboardWidget::switchingPeriod()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    auto *combo = dashboard.findChild<QComboBox *>(QStringLiteral("periodCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), QStringLiteral("Today"));

    // From the keyboard: the next entry is Last 7 Days.
    QVERIFY(waitForReload(dashboard, [&] { QTest::keyClick(combo, Qt::Key_Down); }));
    QCOMPARE(combo->currentText(), QStringLiteral("Last 7 Days"));
    QCOMPARE(dashboard.period(), StatsPeriod::Last7Days);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("4"));
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("50.0%"));
    QCOMPARE(valueText(dashboard, "failureRateValue"), QStringLiteral("50.0%"));
    QCOMPARE(valueText(dashboard, "averageResponseValue"), QStringLiteral("8.1 s"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 4);

    QVERIFY(waitForReload(dashboard, [&] { dashboard.setPeriod(StatsPeriod::Last30Days); }));
    QCOMPARE(combo->currentIndex(), 2);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("5"));
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("40.0%"));
    QCOMPARE(valueText(dashboard, "failureRateValue"), QStringLiteral("60.0%"));
    QCOMPARE(valueText(dashboard, "averageResponseValue"), QStringLiteral("6.9 s"));
    QCOMPARE(valueText(dashboard, "p95ResponseValue"), QStringLiteral("30.0 s"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 5);

    QVERIFY(waitForReload(dashboard, [&] { combo->setCurrentIndex(0); }));
    QCOMPARE(dashboard.period(), StatsPeriod::Today);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3"));
}

void TestDashboardWidget::emptyPeriod()
{
    QVERIFY(seed());
    m_now = fixedNow.addDays(2); // nothing today; the 7-day window still holds attempts
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    auto *stack = dashboard.findChild<QStackedWidget *>(QStringLiteral("chartStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyStateLabel"));
    auto *empty = qobject_cast<QLabel *>(stack->currentWidget());
    QVERIFY(empty);
    QCOMPARE(empty->text(), QStringLiteral("No verifications in this period"));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("0"));
    const QString dash = QStringLiteral("\u2014");
    QCOMPARE(valueText(dashboard, "successRateValue"), dash);
    QCOMPARE(valueText(dashboard, "failureRateValue"), dash);
    QCOMPARE(valueText(dashboard, "averageResponseValue"), dash);
    QCOMPARE(valueText(dashboard, "p95ResponseValue"), dash);
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 0);

    // From March 6: today's three of March 10 and Omar's of March 7.
    QVERIFY(waitForReload(dashboard, [&] { dashboard.setPeriod(StatsPeriod::Last7Days); }));
    QVERIFY(stack->currentWidget()->objectName() != QLatin1String("emptyStateLabel"));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("4"));
}

void TestDashboardWidget::activatingRowEmitsPatient()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    dashboard.resize(1200, 800);
    QVERIFY(showAndWait(dashboard));
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    auto *table = dashboard.findChild<QTableView *>(QStringLiteral("recentActivityTable"));
    QVERIFY(table);
    // The table shows the recent activity through the status filter.
    QCOMPARE(table->model(), dashboard.activityFilter());
    QCOMPARE(dashboard.activityFilter()->sourceModel(), dashboard.recentActivityModel());
    QSignalSpy activated(&dashboard, &DashboardWidget::patientActivated);

    // Row 1 is Omar's rejection (20 minutes ago).
    const QModelIndex omar = table->model()->index(1, RecentActivityModel::PatientColumn);
    QCOMPARE(omar.data().toString(), QStringLiteral("Haddad, Omar"));
    table->scrollTo(omar);
    const QPoint center = table->visualRect(omar).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), m_omar);

    // Enter on the selected row does the same.
    const QModelIndex jane = table->model()->index(0, RecentActivityModel::TimeColumn);
    table->setFocus();
    table->setCurrentIndex(jane);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toLongLong(), m_jane);
}

void TestDashboardWidget::showFilter()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    auto *show = dashboard.findChild<QComboBox *>(QStringLiteral("activityShowCombo"));
    auto *table = dashboard.findChild<QTableView *>(QStringLiteral("recentActivityTable"));
    QVERIFY(show && table);
    QCOMPARE(table->model()->rowCount(), 3);
    show->setCurrentIndex(show->findText(QStringLiteral("Failed")));
    QCOMPARE(table->model()->rowCount(), 2);
    show->setCurrentIndex(show->findText(QStringLiteral("Verified")));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, RecentActivityModel::PatientColumn).data().toString(),
             QStringLiteral("Smith, Jane"));
    show->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 3); // filtering reads nothing
    QCOMPARE(dashboard.statisticsReads(), 1);
}

void TestDashboardWidget::liveUpdatesAreCoalesced()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3"));
    const int reads = dashboard.statisticsReads();
    QSignalSpy resets(dashboard.recentActivityModel(), &QAbstractItemModel::modelReset);
    QSignalSpy updated(&dashboard, &DashboardWidget::statisticsUpdated);

    Verification first;
    Verification second;
    QVERIFY(addAttempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                       VerificationError::None, fixedNow.addSecs(-2), 400, {}, &first));
    QVERIFY(addAttempt(m_jane, m_janeCoverage, VerificationStatus::Failed,
                       VerificationError::Rejected, fixedNow.addSecs(-1), 600,
                       {QStringLiteral("72")}, &second));
    Q_EMIT m_env->service().verificationFinished(first);
    Q_EMIT m_env->service().verificationFinished(second);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3")); // not yet

    // The table follows row by row; the figures after the coalescing delay, in one read.
    QTRY_COMPARE(dashboard.recentActivityModel()->rowCount(), 5);
    QCOMPARE(resets.count(), 0);
    QVERIFY(updated.wait(5000));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("5"));
    QCOMPARE(dashboard.statisticsReads(), reads + 1);
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("40.0%"));
    QCOMPARE(dashboard.stats().topReasons.constFirst().key, QStringLiteral("aaa:72"));
    QCOMPARE(dashboard.stats().topReasons.constFirst().count, 2);
    QCOMPARE(resets.count(), 0);
}

void TestDashboardWidget::refreshShortcut()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QCOMPARE(dashboard.refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(showAndWait(dashboard));
    dashboard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dashboard));

    // Written by another desk: no signal here, only a refresh shows it.
    QVERIFY(addAttempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                       VerificationError::None, fixedNow.addSecs(-1), 400));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3"));
    QVERIFY(waitForReload(dashboard, [&] { QTest::keyClick(&dashboard, Qt::Key_F5); }));
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("4"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 4);
}

void TestDashboardWidget::hiddenDashboardReadsNothing()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QSignalSpy updated(&dashboard, &DashboardWidget::statisticsUpdated);
    QSignalSpy loaded(dashboard.recentActivityModel(), &RecentActivityModel::loaded);
    // Never shown: changing the period and finished verifications read nothing.
    dashboard.setPeriod(StatsPeriod::Last7Days);
    for (int i = 0; i < 3; ++i) {
        Verification v;
        QVERIFY(addAttempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                           VerificationError::None, fixedNow.addSecs(-10 + i), 300, {}, &v));
        Q_EMIT m_env->service().verificationFinished(v);
    }
    // Longer than the live interval: a read would have started by now.
    QVERIFY(!updated.wait(2 * DashboardWidget::liveRefreshIntervalMs));
    m_env->store().drain();
    QCoreApplication::processEvents();
    QCOMPARE(dashboard.statisticsReads(), 0);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 0);
    QCOMPARE(auditCount(QStringLiteral("verification.activity")), 0);

    // Shown: one read of each brings the figures of the chosen period.
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(dashboard.statisticsReads(), 1);
    QCOMPARE(dashboard.period(), StatsPeriod::Last7Days);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("7"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 7);
    QCOMPARE(auditCount(QStringLiteral("verification.activity")), 1);
}

void TestDashboardWidget::hiddenAfterShowCatchesUpWithOneRead()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(dashboard.statisticsReads(), 1);
    QCOMPARE(auditCount(QStringLiteral("verification.activity")), 1);

    dashboard.hide();
    QSignalSpy updated(&dashboard, &DashboardWidget::statisticsUpdated);
    QSignalSpy inserted(dashboard.recentActivityModel(), &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 4; ++i) {
        Verification v;
        QVERIFY(addAttempt(m_jane, m_janeCoverage, VerificationStatus::Verified,
                           VerificationError::None, fixedNow.addSecs(-10 + i), 200 + i, {}, &v));
        Q_EMIT m_env->service().verificationFinished(v);
    }
    QVERIFY(!updated.wait(2 * DashboardWidget::liveRefreshIntervalMs));
    m_env->store().drain();
    QCoreApplication::processEvents();
    QCOMPARE(dashboard.statisticsReads(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("3"));

    // Shown again: one read of the figures and one of the list catch up.
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(dashboard.statisticsReads(), 2);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("7"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 7);
    m_env->store().drain();
    QCoreApplication::processEvents();
    QCOMPARE(auditCount(QStringLiteral("verification.activity")), 2);
    QCOMPARE(dashboard.statisticsReads(), 2);

    // Hidden and shown with nothing new in between: nothing read.
    dashboard.hide();
    dashboard.show();
    QCOMPARE(dashboard.statisticsReads(), 2);
    QVERIFY(!dashboard.recentActivityModel()->isLoading());
}

void TestDashboardWidget::burstReadsAtMostOncePerSecond()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    const int readsBefore = dashboard.statisticsReads();

    // A batch finishing: 40 attempts over about two seconds.
    const int burst = 40;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < burst; ++i) {
        Verification v;
        const bool failed = i % 4 == 0;
        QVERIFY(addAttempt(m_omar, m_omarCoverage,
                           failed ? VerificationStatus::Failed : VerificationStatus::Verified,
                           failed ? VerificationError::Rejected : VerificationError::None,
                           fixedNow.addSecs(-100 + i), 100 + i,
                           failed ? QStringList{QStringLiteral("72")} : QStringList{}, &v));
        Q_EMIT m_env->service().verificationFinished(v);
        QTest::qWait(50);
    }
    // Until the figures show the whole burst.
    QTRY_COMPARE_WITH_TIMEOUT(dashboard.stats().total, 3 + burst, 10000);
    const qint64 ms = elapsed.elapsed();
    const int reads = dashboard.statisticsReads() - readsBefore;
    QVERIFY(reads >= 1);
    QVERIFY2(reads <= ms / 1000 + 1,
             qPrintable(QStringLiteral("%1 reads in %2 ms").arg(reads).arg(ms)));
    QVERIFY(reads < burst);

    // The figures are the data's.
    const auto stats = TestSupport::await(m_env->service().statistics(StatsPeriod::Today));
    QVERIFY(stats.ok());
    QCOMPARE(dashboard.stats().total, stats->total);
    QCOMPARE(valueText(dashboard, "verificationsValue"), QString::number(3 + burst));
    // 1 verified before, 30 now; 43 in all.
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("72.1%"));
    QCOMPARE(dashboard.recentActivityModel()->rowCount(), 3 + burst);
}

QStringList TestDashboardWidget::omarPayerTexts(const DashboardWidget &dashboard) const
{
    QStringList texts;
    const QAbstractItemModel *model = dashboard.recentActivityModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, RecentActivityModel::PayerColumn);
        if (index.data(ModelRoles::PatientIdRole).toLongLong() == m_omar)
            texts << index.data().toString();
    }
    return texts;
}

bool TestDashboardWidget::changeOmarsMemberId(const QString &memberId)
{
    // As the clerk does on the patient page: through PatientService, which says it was saved.
    const auto coverages = TestSupport::await(m_env->patients().coverages(m_omar));
    if (!coverages || coverages->size() != 1)
        return false;
    Coverage changed = coverages->constFirst();
    changed.memberId = memberId;
    QSignalSpy saved(&m_env->patients(), &PatientService::coverageSaved);
    return TestSupport::await(m_env->patients().saveCoverage(changed)).ok() &&
           (saved.size() > 0 || saved.wait());
}

void TestDashboardWidget::refreshShowsChangedMemberId()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service(), &m_env->patients());
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(omarPayerTexts(dashboard), QStringList{QStringLiteral("Aetna Health / OH300400")});

    QVERIFY(changeOmarsMemberId(QStringLiteral("XYZ100001")));
    QVERIFY(waitForReload(dashboard, [&] { dashboard.refreshAction()->trigger(); }));
    QCOMPARE(omarPayerTexts(dashboard), QStringList{QStringLiteral("Aetna Health / XYZ100001")});
    QVERIFY(changeOmarsMemberId(QStringLiteral("ACT100001")));
    QVERIFY(waitForReload(dashboard, [&] { dashboard.refreshAction()->trigger(); }));
    QCOMPARE(omarPayerTexts(dashboard), QStringList{QStringLiteral("Aetna Health / ACT100001")});
}

void TestDashboardWidget::changedMemberIdShowsWithoutRefresh()
{
    QVERIFY(seed());
    DashboardWidget dashboard(&m_env->service(), &m_env->patients());
    QVERIFY(showAndWait(dashboard));
    QCOMPARE(omarPayerTexts(dashboard), QStringList{QStringLiteral("Aetna Health / OH300400")});
    QSignalSpy resets(dashboard.recentActivityModel(), &QAbstractItemModel::modelReset);
    QSignalSpy loaded(dashboard.recentActivityModel(), &RecentActivityModel::loaded);

    // The clerk leaves the dashboard for the patient page, corrects the member ID there and
    // comes back: no verification ran, so nothing made the dashboard read again.
    dashboard.hide();
    QVERIFY(changeOmarsMemberId(QStringLiteral("XYZ100001")));
    QVERIFY(changeOmarsMemberId(QStringLiteral("ACT100001")));
    dashboard.show();
    QCOMPARE(omarPayerTexts(dashboard), QStringList{QStringLiteral("Aetna Health / ACT100001")});
    // Renamed in place: no reset (the selection stays) and no read of the list.
    QCOMPARE(resets.size(), 0);
    QCOMPARE(loaded.size(), 0);
    // Jane's rows are not Omar's coverage and stay as they were.
    const QAbstractItemModel *model = dashboard.recentActivityModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, RecentActivityModel::PayerColumn);
        if (index.data(ModelRoles::PatientIdRole).toLongLong() == m_jane)
            QCOMPARE(index.data().toString(), QStringLiteral("Aetna Health / JS100200"));
    }
}

qint64 TestDashboardWidget::addAppointment(qint64 patientId, const QDate &day,
                                           const QTime &localTime, AppointmentStatus status)
{
    Appointment appointment;
    appointment.patientId = patientId;
    appointment.start = QDateTime(day, localTime, Qt::LocalTime).toUTC();
    appointment.durationMinutes = 20;
    appointment.provider = QStringLiteral("Dr. Patel");
    appointment.visitType = QStringLiteral("Office visit");
    appointment.status = status;
    if (status == AppointmentStatus::Cancelled)
        appointment.cancelReason = QStringLiteral("Called to cancel");
    const auto saved = m_env->write([appointment](const QString &connection) {
        return AppointmentRepository(connection).save(appointment);
    });
    if (!saved)
        qWarning() << "appointment not saved:" << saved.error();
    return saved ? saved->id : 0;
}

qint64 TestDashboardWidget::addAnswer(qint64 patientId, qint64 coverageId,
                                      VerificationStatus status, VerificationError error,
                                      const QDateTime &requestedAt,
                                      const std::optional<EligibilityResult> &result,
                                      const QString &message)
{
    Verification v;
    v.patientId = patientId;
    v.coverageId = coverageId;
    v.status = status;
    v.error = error;
    v.errorMessage = message;
    v.result = result;
    if (error == VerificationError::Rejected)
        v.aaaCodes = {QStringLiteral("72")};
    v.requestedAt = requestedAt;
    v.completedAt = requestedAt.addMSecs(700);
    v.durationMs = 700;
    v.attempts = 1;
    v.user = QStringLiteral("frontdesk1");
    v.serviceTypes = QStringLiteral("30");
    v.serviceDate = requestedAt.toLocalTime().date();
    const auto saved = m_env->write(
        [v](const QString &connection) { return VerificationRepository(connection).save(v); });
    if (!saved)
        qWarning() << "verification not saved:" << saved.error();
    return saved ? saved->id : 0;
}

EligibilityResult TestDashboardWidget::planResult(EligibilityResult::Status status,
                                                  const QDate &end)
{
    EligibilityResult result;
    result.traceNumber = QStringLiteral("TRN-1");
    result.payerName = QStringLiteral("Aetna Health");
    result.payerId = QStringLiteral("INS002");
    result.planName = QStringLiteral("Open Access");
    result.status = status;
    result.dates = {{QStringLiteral("346"), QDate(2025, 1, 1), QDate(2025, 1, 1)},
                    {QStringLiteral("347"), end, end}};
    return result;
}

bool TestDashboardWidget::seedSchedule()
{
    using S = VerificationStatus;
    using E = VerificationError;
    using R = EligibilityResult::Status;
    const QDate today = fixedNow.toLocalTime().date();
    const QDate tomorrow = today.addDays(1);
    const auto patient = [this](const char *first, const char *last, const char *member) {
        const qint64 id = addPatient(QLatin1String(first), QLatin1String(last));
        const qint64 coverage = id ? addCoverage(id, QLatin1String(member)) : 0;
        m_ids.insert(QLatin1String(first), id);
        m_coverages.insert(QLatin1String(first), coverage);
        return id && coverage;
    };
    if (!patient("Rita", "Reyes", "BAD600006") || !patient("Ivan", "Ibarra", "INA500005") ||
        !patient("Alma", "Aziz", "ACT100001") || !patient("Nora", "Nash", "NOF800008") ||
        !patient("Cal", "Cole", "ACT200002") || !patient("Wes", "Wood", "ACT300003") ||
        !patient("Sam", "Soto", "ACT400004") || !patient("Ed", "Eng", "ACT500005"))
        return false;
    const QDate planEnd(2026, 12, 31);
    // Rita: rejected an hour ago. Ivan: inactive since January. Alma: active an hour ago, in
    // order. Nora: never verified. Cal: never verified, but the visit was cancelled. Wes: never
    // verified, but not until next week. Sam: active three days ago, past the 24-hour reuse
    // window. Ed: active 40 days ago, past the 30 days an answer lasts.
    const bool answers =
        addAnswer(m_ids["Rita"], m_coverages["Rita"], S::Failed, E::Rejected,
                  fixedNow.addSecs(-3600), std::nullopt,
                  QStringLiteral("Invalid member ID (AAA 72).\nCheck the card.")) &&
        addAnswer(m_ids["Ivan"], m_coverages["Ivan"], S::Verified, E::None, fixedNow.addSecs(-7200),
                  planResult(R::Inactive, QDate(2026, 1, 31))) &&
        addAnswer(m_ids["Alma"], m_coverages["Alma"], S::Verified, E::None, fixedNow.addSecs(-3600),
                  planResult(R::Active, planEnd)) &&
        addAnswer(m_ids["Sam"], m_coverages["Sam"], S::Verified, E::None, fixedNow.addDays(-3),
                  planResult(R::Active, planEnd)) &&
        addAnswer(m_ids["Ed"], m_coverages["Ed"], S::Verified, E::None, fixedNow.addDays(-40),
                  planResult(R::Active, planEnd));
    if (!answers)
        return false;
    const bool visits =
        addAppointment(m_ids["Alma"], today, QTime(9, 0)) &&
        addAppointment(m_ids["Cal"], today, QTime(10, 0), AppointmentStatus::Cancelled) &&
        addAppointment(m_ids["Nora"], today, QTime(11, 0)) &&
        addAppointment(m_ids["Rita"], today, QTime(13, 30)) &&
        addAppointment(m_ids["Ed"], tomorrow, QTime(8, 30)) &&
        addAppointment(m_ids["Ivan"], tomorrow, QTime(9, 0)) &&
        addAppointment(m_ids["Rita"], tomorrow, QTime(12, 0)) && // listed once, at her first
        addAppointment(m_ids["Sam"], tomorrow, QTime(15, 0)) &&
        addAppointment(m_ids["Wes"], today.addDays(7), QTime(9, 0)) &&
        addAppointment(m_ids["Alma"], today.addDays(7), QTime(10, 0));
    m_expectedActions = {m_ids["Nora"], m_ids["Rita"], m_ids["Ed"], m_ids["Ivan"], m_ids["Sam"]};
    return visits;
}

bool TestDashboardWidget::waitForActions(DashboardWidget &dashboard,
                                         const std::function<void()> &change)
{
    QSignalSpy loaded(dashboard.actionListModel(), &ActionListModel::loaded);
    change();
    return (loaded.size() > 0 || loaded.wait()) &&
           dashboard.actionListModel()->errorString().isEmpty();
}

QStringList TestDashboardWidget::column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

void TestDashboardWidget::inactiveIsItsOwnCategory()
{
    QVERIFY(seed());
    // Jane's payer answered five minutes ago that her coverage has ended.
    QVERIFY(addAnswer(m_jane, m_janeCoverage, VerificationStatus::Verified, VerificationError::None,
                      fixedNow.addSecs(-300),
                      planResult(EligibilityResult::Status::Inactive, QDate(2026, 1, 31))));
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(showAndWait(dashboard));
    // Today: Jane active, Jane inactive, Omar rejected, Jane timed out.
    QCOMPARE(valueText(dashboard, "verificationsValue"), QStringLiteral("4"));
    QCOMPARE(valueText(dashboard, "successRateValue"), QStringLiteral("25.0%"));
    QCOMPARE(valueText(dashboard, "inactiveRateValue"), QStringLiteral("25.0%"));
    QCOMPARE(valueText(dashboard, "failureRateValue"), QStringLiteral("50.0%"));
    QCOMPARE(dashboard.stats().succeeded, 1);
    QCOMPARE(dashboard.stats().inactive, 1);
    QCOMPARE(dashboard.stats().failed, 2);

    // The breakdown has an INACTIVE slice of its own beside ACTIVE, and names failures as
    // every other screen does.
    auto *statusView = dashboard.findChild<QChartView *>(QStringLiteral("statusChart"));
    QVERIFY(statusView);
    auto *pie = qobject_cast<QPieSeries *>(statusView->chart()->series().constFirst());
    QVERIFY(pie);
    QMap<QString, double> slices;
    for (const QPieSlice *slice : pie->slices())
        slices.insert(slice->label(), slice->value());
    using namespace BenefitSummary;
    const QMap<QString, double> expected{
        {verdictText(Verdict::Active) + QStringLiteral(" (1)"), 1.0},
        {verdictText(Verdict::Inactive) + QStringLiteral(" (1)"), 1.0},
        {verdictText(Verdict::Rejected) + QStringLiteral(" (1)"), 1.0}, // Omar
        {verdictText(Verdict::CouldNotVerify) + QStringLiteral(" (1)"), 1.0}}; // the timeout
    QCOMPARE(slices, expected);

    // Recent activity: "Verified" shows the active answer only; "Inactive" the inactive one.
    auto *show = dashboard.findChild<QComboBox *>(QStringLiteral("activityShowCombo"));
    auto *table = dashboard.findChild<QTableView *>(QStringLiteral("recentActivityTable"));
    QVERIFY(show && table);
    show->setCurrentIndex(show->findText(QStringLiteral("Verified")));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Active));
    show->setCurrentIndex(show->findText(QStringLiteral("Inactive")));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Inactive));
}

void TestDashboardWidget::actionListLeadsWithWhatNeedsAction()
{
    QVERIFY(seedSchedule());
    DashboardWidget dashboard(&m_env->service());
    QAbstractItemModelTester tester(dashboard.actionListModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForActions(dashboard, [&] { dashboard.show(); }));
    auto *table = dashboard.findChild<QTableView *>(QStringLiteral("actionTable"));
    auto *stack = dashboard.findChild<QStackedWidget *>(QStringLiteral("actionStack"));
    QVERIFY(table && stack);
    QCOMPARE(stack->currentWidget(), table);
    QCOMPARE(table->model(), dashboard.actionListModel());
    const QAbstractItemModel &model = *table->model();

    QList<qint64> patients;
    for (int row = 0; row < model.rowCount(); ++row)
        patients << model.index(row, 0).data(ModelRoles::PatientIdRole).toLongLong();
    QCOMPARE(patients, m_expectedActions);
    QCOMPARE(column(model, ActionListModel::PatientColumn),
             (QStringList{"Nash, Nora", "Reyes, Rita", "Eng, Ed", "Ibarra, Ivan", "Soto, Sam"}));
    using BenefitSummary::formatDate;
    using BenefitSummary::formatTime;
    QCOMPARE(column(model, ActionListModel::WhenColumn),
             (QStringList{QStringLiteral("Today ") + formatTime(QTime(11, 0)),
                          QStringLiteral("Today ") + formatTime(QTime(13, 30)),
                          QStringLiteral("Tomorrow ") + formatTime(QTime(8, 30)),
                          QStringLiteral("Tomorrow ") + formatTime(QTime(9, 0)),
                          QStringLiteral("Tomorrow ") + formatTime(QTime(15, 0))}));
    QCOMPARE(column(model, ActionListModel::StatusColumn),
             (QStringList{"NOT VERIFIED", "REJECTED", "EXPIRED", "INACTIVE", "NOT VERIFIED"}));
    QCOMPARE(column(model, ActionListModel::ProblemColumn),
             (QStringList{QStringLiteral("Never verified"),
                          QStringLiteral("The payer rejected the request: Invalid member ID "
                                         "(AAA 72)."),
                          QStringLiteral("Last verified on %1, too long ago; verify again")
                              .arg(formatDate(fixedNow.addDays(-40).toLocalTime().date())),
                          QStringLiteral("The payer says this coverage ended on %1; ask for "
                                         "current insurance")
                              .arg(formatDate(QDate(2026, 1, 31))),
                          QStringLiteral("Last verified on %1; verify again before the visit")
                              .arg(formatDate(fixedNow.addDays(-3).toLocalTime().date()))}));
    QCOMPARE(column(model, ActionListModel::CoverageColumn).at(1),
             QStringLiteral("Aetna Health / BAD600006"));
    QCOMPARE(model.index(1, ActionListModel::StatusColumn).data(ModelRoles::StatusKeyRole),
             QVariant(QStringLiteral("rejected")));
    QCOMPARE(model.index(1, ActionListModel::ProblemColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Invalid member ID (AAA 72).\nCheck the card."));
    auto *heading = dashboard.findChild<QLabel *>(QStringLiteral("actionsHeading"));
    QVERIFY(heading);
    QCOMPARE(heading->text(), QStringLiteral("&Needs Action Today (5)"));
    QCOMPARE(heading->buddy(), table);
    // The read is audited: it names patients.
    QCOMPARE(auditCount(QStringLiteral("schedule.actions")), 1);
}

void TestDashboardWidget::activatingActionRowEmitsPatient()
{
    QVERIFY(seedSchedule());
    DashboardWidget dashboard(&m_env->service());
    dashboard.resize(1024, 700);
    QVERIFY(waitForActions(dashboard, [&] { dashboard.show(); }));
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    auto *table = dashboard.findChild<QTableView *>(QStringLiteral("actionTable"));
    QVERIFY(table);
    QSignalSpy activated(&dashboard, &DashboardWidget::patientActivated);

    // Double-click Rita's row (the second).
    const QModelIndex rita = table->model()->index(1, ActionListModel::PatientColumn);
    table->scrollTo(rita);
    const QPoint center = table->visualRect(rita).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), m_ids["Rita"]);

    // Enter on Ivan's row, reached with the arrow keys from the first.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 3);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toLongLong(), m_ids["Ivan"]);
}

void TestDashboardWidget::actionListFollowsVerifications()
{
    QVERIFY(seedSchedule());
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(waitForActions(dashboard, [&] { dashboard.show(); }));
    ActionListModel *model = dashboard.actionListModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 5);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

    // Nora's coverage is verified active now: her row goes, the others stay, no reset.
    Verification v;
    v.id = addAnswer(m_ids["Nora"], m_coverages["Nora"], VerificationStatus::Verified,
                     VerificationError::None, fixedNow.addSecs(-1),
                     planResult(EligibilityResult::Status::Active, QDate(2026, 12, 31)));
    QVERIFY(v.id);
    v.patientId = m_ids["Nora"];
    v.coverageId = m_coverages["Nora"];
    QVERIFY(waitForActions(dashboard, [&] { Q_EMIT m_env->service().verificationFinished(v); }));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(column(*model, ActionListModel::PatientColumn),
             (QStringList{"Reyes, Rita", "Eng, Ed", "Ibarra, Ivan", "Soto, Sam"}));

    // Another desk cancels Rita's visit today: she moves to her visit tomorrow on Refresh.
    const auto today = TestSupport::await(m_env->store().read([](const QString &connection) {
        return AppointmentRepository(connection).forDay(fixedNow.toLocalTime().date());
    }));
    QVERIFY(today.ok());
    qint64 ritaToday = 0;
    for (const Appointment &a : *today)
        ritaToday = a.patientId == m_ids["Rita"] ? a.id : ritaToday;
    QVERIFY(ritaToday);
    QVERIFY(m_env
                ->write([ritaToday](const QString &connection) {
                    return AppointmentRepository(connection).cancel(ritaToday, {}, fixedNow);
                })
                .ok());
    QVERIFY(waitForActions(dashboard, [&] { dashboard.refresh(); }));
    QCOMPARE(column(*model, ActionListModel::PatientColumn),
             (QStringList{"Eng, Ed", "Ibarra, Ivan", "Reyes, Rita", "Soto, Sam"}));
    QCOMPARE(model->index(2, ActionListModel::WhenColumn).data().toString(),
             QStringLiteral("Tomorrow ") + BenefitSummary::formatTime(QTime(12, 0)));
    QCOMPARE(resets.size(), 0);
}

void TestDashboardWidget::emptyActionListSaysSo()
{
    // Only visits that need nothing: Alma is verified, Wes comes next week, Cal cancelled.
    QVERIFY(seedSchedule());
    const QDate today = fixedNow.toLocalTime().date();
    const auto visits = TestSupport::await(m_env->store().read([today](const QString &c) {
        QList<Appointment> all;
        for (const QDate &day : {today, today.addDays(1)})
            all += AppointmentRepository(c).forDay(day).valueOr({});
        return all;
    }));
    for (const Appointment &a : visits) {
        if (a.patientId != m_ids["Alma"] && !a.isCancelled()) {
            QVERIFY(m_env
                        ->write([id = a.id](const QString &connection) {
                            return AppointmentRepository(connection).cancel(id, {}, fixedNow);
                        })
                        .ok());
        }
    }
    DashboardWidget dashboard(&m_env->service());
    QVERIFY(waitForActions(dashboard, [&] { dashboard.show(); }));
    QCOMPARE(dashboard.actionListModel()->rowCount(), 0);
    auto *stack = dashboard.findChild<QStackedWidget *>(QStringLiteral("actionStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("actionsEmptyLabel"));
    auto *empty = qobject_cast<QLabel *>(stack->currentWidget());
    QVERIFY(empty);
    QCOMPARE(empty->text(), QStringLiteral("Nothing needs action today"));
    auto *heading = dashboard.findChild<QLabel *>(QStringLiteral("actionsHeading"));
    QCOMPARE(heading->text(), QStringLiteral("&Needs Action Today"));
}

QTEST_MAIN(TestDashboardWidget)
#include "tst_dashboardwidget.moc"
