// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The verification dashboard offscreen: key figures, charts, periods, activating rows, and the
// live behaviour: at most one read of the figures a second while shown, none while hidden.
#include "common/trainingenvironment.h"

#include "models/activityfiltermodel.h"
#include "models/recentactivitymodel.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "ui/dashboardwidget.h"

#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QPieSeries>

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

    std::unique_ptr<TrainingEnvironment> m_env;
    QDateTime m_now = fixedNow;
    qint64 m_jane = 0;
    qint64 m_janeCoverage = 0;
    qint64 m_omar = 0;
    qint64 m_omarCoverage = 0;
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
    QCOMPARE(pie->count(), 2); // verified 1, failed 2
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

QTEST_MAIN(TestDashboardWidget)
#include "tst_dashboardwidget.moc"
