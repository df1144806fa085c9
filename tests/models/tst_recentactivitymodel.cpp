// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's recent activity: one query for the period, live rows in place, nothing read
// while not live.
#include "common/trainingenvironment.h"

#include "models/modelroles.h"
#include "models/recentactivitymodel.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using Tester = QAbstractItemModelTester;
using namespace BenefitSummary;

namespace {
// Mid-afternoon UTC; the attempts "today" are minutes before it, so they stay on the same local
// day in any time zone the test might run in.
const QDateTime fixedNow = QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);

//! Lets every queued store task finish and the answers reach their receivers.
void settle(Store &store)
{
    store.drain();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}
} // namespace

class TestRecentActivityModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void rowsNewestFirstWithColumns();
    void rolesAndHeaders();
    void periodsAndEffectiveStatus();
    void cancelledAndRemovedCoverage();
    void finishedVerificationInsertsOneRow();
    void finishedVerificationUpdatesItsRow();
    void finishedVerificationOutsidePeriodIgnored();
    void keepsAtMostMaxRows();
    void liveUpdatesKeepTheSelection();
    void notLiveReadsNothingThenCatchesUp();
    void savedCoverageAndPatientRenameTheirRows();
    void inactiveAnswerHasItsOwnKey();

private:
    EligibilityService &service() { return m_env->service(); }
    //! Reads the period again and waits for it.
    bool reload(RecentActivityModel &model);
    qint64 addPatient(const QString &first, const QString &last);
    qint64 addCoverage(qint64 patientId, const QString &memberId);
    Verification save(Verification v);
    Verification attempt(qint64 patientId, qint64 coverageId, VerificationStatus status,
                         VerificationError error, const QDateTime &requestedAt, int durationMs,
                         const QString &message = {});
    //! Today: Jane verified 10 min ago and pending since 5 min, Omar rejected (AAA 72) 20 min
    //! ago; Omar verified 3 days ago.
    bool seed();
    static QStringList column(const QAbstractItemModel &model, int column);

    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_jane = 0;
    qint64 m_janeCoverage = 0;
    qint64 m_omar = 0;
    qint64 m_omarCoverage = 0;
};

void TestRecentActivityModel::init()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    options.user = QStringLiteral("frontdesk1");
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    EligibilitySettings settings = service().settings();
    settings.user = QStringLiteral("frontdesk1");
    settings.maxAgeDays = 2; // so the attempt of three days ago shows as expired
    service().setSettings(settings);
    service().setClock([] { return fixedNow; });

    m_jane = addPatient(QStringLiteral("Jane"), QStringLiteral("Smith"));
    m_janeCoverage = addCoverage(m_jane, QStringLiteral("JS100200"));
    m_omar = addPatient(QStringLiteral("Omar"), QStringLiteral("Haddad"));
    m_omarCoverage = addCoverage(m_omar, QStringLiteral("OH300400"));
    QVERIFY(m_jane && m_janeCoverage && m_omar && m_omarCoverage);
}

void TestRecentActivityModel::cleanup()
{
    m_env.reset();
}

bool TestRecentActivityModel::reload(RecentActivityModel &model)
{
    QSignalSpy loaded(&model, &RecentActivityModel::loaded);
    model.reload();
    return loaded.wait() && model.errorString().isEmpty();
}

qint64 TestRecentActivityModel::addPatient(const QString &first, const QString &last)
{
    Patient patient;
    patient.firstName = first;
    patient.lastName = last;
    patient.dateOfBirth = QDate(1980, 5, 17);
    patient.gender = Gender::Female;
    const auto saved = m_env->write([patient](const QString &connection) {
        return PatientRepository(connection).save(patient);
    });
    if (!saved)
        qWarning() << "patient not saved:" << saved.error();
    return saved ? saved->id : 0;
}

qint64 TestRecentActivityModel::addCoverage(qint64 patientId, const QString &memberId)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = QStringLiteral("INS001");
    coverage.payerName = QStringLiteral("BlueCross BlueShield");
    coverage.memberId = memberId;
    const auto saved = m_env->write([coverage](const QString &connection) {
        return CoverageRepository(connection).save(coverage);
    });
    if (!saved)
        qWarning() << "coverage not saved:" << saved.error();
    return saved ? saved->id : 0;
}

Verification TestRecentActivityModel::save(Verification v)
{
    const auto saved = m_env->write(
        [v](const QString &connection) { return VerificationRepository(connection).save(v); });
    if (!saved) {
        qWarning() << "verification not saved:" << saved.error();
        return v;
    }
    return saved.value();
}

Verification TestRecentActivityModel::attempt(qint64 patientId, qint64 coverageId,
                                              VerificationStatus status, VerificationError error,
                                              const QDateTime &requestedAt, int durationMs,
                                              const QString &message)
{
    Verification v;
    v.patientId = patientId;
    v.coverageId = coverageId;
    v.status = status;
    v.error = error;
    v.errorMessage = message;
    v.requestedAt = requestedAt;
    if (status != VerificationStatus::Pending)
        v.completedAt = requestedAt.addMSecs(durationMs);
    v.durationMs = durationMs;
    v.attempts = status == VerificationStatus::Pending ? 0 : 1;
    v.user = QStringLiteral("frontdesk1");
    v.serviceTypes = QStringLiteral("30");
    v.serviceDate = requestedAt.toLocalTime().date();
    if (error == VerificationError::Rejected)
        v.aaaCodes = QStringList{QStringLiteral("72")};
    return save(v);
}

bool TestRecentActivityModel::seed()
{
    return attempt(m_jane, m_janeCoverage, VerificationStatus::Verified, VerificationError::None,
                   fixedNow.addSecs(-10 * 60), 850)
               .id &&
           attempt(m_omar, m_omarCoverage, VerificationStatus::Failed, VerificationError::Rejected,
                   fixedNow.addSecs(-20 * 60), 1200,
                   QStringLiteral("The member ID is invalid.\nCheck the card."))
               .id &&
           attempt(m_jane, m_janeCoverage, VerificationStatus::Pending, VerificationError::None,
                   fixedNow.addSecs(-5 * 60), 0)
               .id &&
           attempt(m_omar, m_omarCoverage, VerificationStatus::Verified, VerificationError::None,
                   fixedNow.addDays(-3), 640)
               .id;
}

QStringList TestRecentActivityModel::column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

void TestRecentActivityModel::rowsNewestFirstWithColumns()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));

    QCOMPARE(model.period(), StatsPeriod::Today);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RecentActivityModel::ColumnCount));
    QCOMPARE(column(model, RecentActivityModel::PatientColumn),
             (QStringList{"Smith, Jane", "Smith, Jane", "Haddad, Omar"}));
    QCOMPARE(column(model, RecentActivityModel::StatusColumn),
             (QStringList{verdictText(Verdict::Pending), verdictText(Verdict::Active),
                          QStringLiteral("REJECTED — AAA 72")}));
    QCOMPARE(column(model, RecentActivityModel::DurationColumn),
             (QStringList{QString(), QStringLiteral("850 ms"),
                          QLocale().toString(1200) + QStringLiteral(" ms")}));
    QCOMPARE(column(model, RecentActivityModel::PayerColumn),
             (QStringList{"BlueCross BlueShield / JS100200", "BlueCross BlueShield / JS100200",
                          "BlueCross BlueShield / OH300400"}));
    QCOMPARE(column(model, RecentActivityModel::UserColumn),
             (QStringList{"frontdesk1", "frontdesk1", "frontdesk1"}));
    // Only the first line of the message; the rest is in the tooltip.
    QCOMPARE(column(model, RecentActivityModel::ReasonColumn),
             (QStringList{QString(), QString(), "The member ID is invalid."}));
    const QModelIndex reason = model.index(2, RecentActivityModel::ReasonColumn);
    QCOMPARE(reason.data(Qt::ToolTipRole).toString(),
             QStringLiteral("The member ID is invalid.\nCheck the card."));
    QCOMPARE(model.index(0, RecentActivityModel::TimeColumn).data().toString(),
             formatDateTime(fixedNow.addSecs(-5 * 60)));
    QCOMPARE(model.index(1, RecentActivityModel::StatusColumn)
                 .data(Qt::ForegroundRole)
                 .value<QBrush>()
                 .color(),
             verdictColor(Verdict::Active));
}

void TestRecentActivityModel::rolesAndHeaders()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 3);

    const QModelIndex omarRow = model.index(2, RecentActivityModel::PatientColumn);
    QCOMPARE(omarRow.data(ModelRoles::PatientIdRole).toLongLong(), m_omar);
    QCOMPARE(omarRow.data(ModelRoles::CoverageIdRole).toLongLong(), m_omarCoverage);
    QCOMPARE(omarRow.data(ModelRoles::StatusKeyRole).toString(), QStringLiteral("failed"));
    const qint64 id = omarRow.data(ModelRoles::IdRole).toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(model.verificationAt(2).id, id);
    QCOMPARE(model.verificationAt(2).aaaCodes, QStringList{QStringLiteral("72")});
    QCOMPARE(model.verificationAt(99).id, qint64(0));

    QCOMPARE(model.headerData(RecentActivityModel::TimeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Time"));
    QCOMPARE(model.headerData(RecentActivityModel::PayerColumn, Qt::Horizontal).toString(),
             QStringLiteral("Payer / Member"));
    QCOMPARE(model.headerData(RecentActivityModel::ReasonColumn, Qt::Horizontal).toString(),
             QStringLiteral("Reason"));
    QVERIFY(!model.headerData(RecentActivityModel::ColumnCount, Qt::Horizontal).isValid());
}

void TestRecentActivityModel::periodsAndEffectiveStatus()
{
    QVERIFY(seed());
    QVERIFY(attempt(m_jane, m_janeCoverage, VerificationStatus::Failed, VerificationError::Timeout,
                    fixedNow.addDays(-20), 30000, QStringLiteral("No answer."))
                .id);
    QVERIFY(attempt(m_jane, m_janeCoverage, VerificationStatus::Verified, VerificationError::None,
                    fixedNow.addDays(-45), 700)
                .id);
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    QSignalSpy loaded(&model, &RecentActivityModel::loaded);
    model.setPeriod(StatsPeriod::Last7Days);
    QCOMPARE(model.period(), StatsPeriod::Last7Days);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 4);
    // Three days old with maxAgeDays 2: the effective status, not the stored one.
    QCOMPARE(model.index(3, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Expired));
    QCOMPARE(model.verificationAt(3).status, VerificationStatus::Expired);

    model.setPeriod(StatsPeriod::Last30Days);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4, RecentActivityModel::ReasonColumn).data().toString(),
             QStringLiteral("No answer."));

    model.setPeriod(StatsPeriod::Today);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(resets.count(), 3); // choosing a period is a reload, not a live event
}

void TestRecentActivityModel::cancelledAndRemovedCoverage()
{
    QVERIFY(attempt(m_jane, m_janeCoverage, VerificationStatus::Failed,
                    VerificationError::Cancelled, fixedNow.addSecs(-60), 300,
                    QStringLiteral("Cancelled."))
                .id);
    const qint64 gone = addCoverage(m_omar, QStringLiteral("OLD999"));
    QVERIFY(gone);
    QVERIFY(attempt(m_omar, gone, VerificationStatus::Verified, VerificationError::None,
                    fixedNow.addSecs(-120), 500)
                .id);
    const auto removed = m_env->write(
        [gone](const QString &connection) { return CoverageRepository(connection).remove(gone); });
    QVERIFY2(removed.ok() && *removed, qPrintable(removed.error()));

    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, RecentActivityModel::StatusColumn).data().toString(),
             QStringLiteral("CANCELLED"));
    QCOMPARE(model.index(0, RecentActivityModel::StatusColumn)
                 .data(ModelRoles::StatusKeyRole)
                 .toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(model.index(1, RecentActivityModel::PayerColumn).data().toString(),
             QStringLiteral("Coverage removed"));
    QCOMPARE(model.index(1, RecentActivityModel::PatientColumn).data().toString(),
             QStringLiteral("Haddad, Omar"));
}

void TestRecentActivityModel::finishedVerificationInsertsOneRow()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    const Verification finished = attempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                                          VerificationError::None, fixedNow.addSecs(-1), 450);
    QVERIFY(finished.id);
    Q_EMIT service().verificationFinished(finished);
    // The attempt is read with its names on a worker, then inserted.
    QVERIFY(inserted.wait());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, 0).data(ModelRoles::IdRole).toLongLong(), finished.id);
    QCOMPARE(model.index(0, RecentActivityModel::PatientColumn).data().toString(),
             QStringLiteral("Haddad, Omar"));
    QCOMPARE(model.index(0, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Active));

    // The same event again changes the row, never adds a second one.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Q_EMIT service().verificationFinished(finished);
    QVERIFY(changed.wait());
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 4);

    // An attempt that was never stored has no row to show.
    Verification unsaved;
    unsaved.patientId = m_jane;
    unsaved.status = VerificationStatus::Failed;
    unsaved.error = VerificationError::Cancelled;
    unsaved.requestedAt = fixedNow;
    Q_EMIT service().verificationFinished(unsaved);
    settle(m_env->store());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(resets.count(), 0);
}

void TestRecentActivityModel::finishedVerificationUpdatesItsRow()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    Verification pending = model.verificationAt(0);
    QCOMPARE(pending.status, VerificationStatus::Pending);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    pending.status = VerificationStatus::Failed;
    pending.error = VerificationError::Timeout;
    pending.errorMessage = QStringLiteral("The clearinghouse did not answer in time.");
    pending.durationMs = 30000;
    pending.completedAt = fixedNow;
    pending = save(pending);
    Q_EMIT service().verificationFinished(pending);
    QVERIFY(changed.wait());
    settle(m_env->store());

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 0);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), RecentActivityModel::ColumnCount - 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::CouldNotVerify));
    QCOMPARE(model.index(0, RecentActivityModel::ReasonColumn).data().toString(),
             QStringLiteral("The clearinghouse did not answer in time."));
}

void TestRecentActivityModel::finishedVerificationOutsidePeriodIgnored()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    const Verification old = attempt(m_jane, m_janeCoverage, VerificationStatus::Failed,
                                     VerificationError::ServerError, fixedNow.addDays(-2), 900);
    QVERIFY(old.id);
    Q_EMIT service().verificationFinished(old);
    settle(m_env->store()); // read, and left out: it is older than today
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 3);

    // In a longer period the same event belongs, below the newer rows.
    QSignalSpy loaded(&model, &RecentActivityModel::loaded);
    model.setPeriod(StatsPeriod::Last7Days);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 5); // reload picked it up from the database
    const Verification older = attempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                                       VerificationError::None, fixedNow.addDays(-1), 300);
    resets.clear();
    Q_EMIT service().verificationFinished(older);
    QVERIFY(inserted.wait());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(model.verificationAt(3).id, older.id);
    QCOMPARE(resets.count(), 0);
}

void TestRecentActivityModel::keepsAtMostMaxRows()
{
    const int total = RecentActivityModel::MaxRows + 3;
    for (int i = 0; i < total; ++i) {
        QVERIFY(attempt(m_jane, m_janeCoverage, VerificationStatus::Verified,
                        VerificationError::None, fixedNow.addSecs(-600 - i), 100 + i)
                    .id);
    }
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), int(RecentActivityModel::MaxRows));
    QCOMPARE(model.verificationAt(0).durationMs, 100); // the newest

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const Verification latest = attempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                                        VerificationError::None, fixedNow, 77);
    Q_EMIT service().verificationFinished(latest);
    QVERIFY(inserted.wait());
    QCOMPARE(model.rowCount(), int(RecentActivityModel::MaxRows));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), RecentActivityModel::MaxRows - 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.verificationAt(0).id, latest.id);
}

void TestRecentActivityModel::liveUpdatesKeepTheSelection()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 3);
    // The clerk selected Omar's rejection (row 2).
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(2, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 selectedId = model.verificationAt(2).id;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A new attempt goes on top; the selection moves down with its row.
    const Verification fresh = attempt(m_jane, m_janeCoverage, VerificationStatus::Verified,
                                       VerificationError::None, fixedNow.addSecs(-1), 300);
    Q_EMIT service().verificationFinished(fresh);
    QVERIFY(inserted.wait());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().data(ModelRoles::IdRole).toLongLong(),
             selectedId);
    QCOMPARE(selection.currentIndex().row(), 3);

    // Jane's pending attempt (now row 1) finishes: that row changes, the selection stays.
    Verification pending = model.verificationAt(1);
    QCOMPARE(pending.status, VerificationStatus::Pending);
    pending.status = VerificationStatus::Verified;
    pending.completedAt = fixedNow;
    pending.durationMs = 300000;
    pending.attempts = 1;
    pending = save(pending);
    Q_EMIT service().verificationFinished(pending);
    QVERIFY(changed.wait());
    settle(m_env->store());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Active));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(selection.isRowSelected(3, {}));
    QCOMPARE(model.verificationAt(3).id, selectedId);
}

void TestRecentActivityModel::notLiveReadsNothingThenCatchesUp()
{
    QVERIFY(seed());
    RecentActivityModel model(&service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isLive());
    model.setLive(false);
    QVERIFY(!model.isLive());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loaded(&model, &RecentActivityModel::loaded);

    const Verification finished = attempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                                          VerificationError::None, fixedNow.addSecs(-1), 450);
    Q_EMIT service().verificationFinished(finished);
    settle(m_env->store());
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isLoading());

    // Live again: one read of the period brings what was missed.
    model.setLive(true);
    QVERIFY(model.isLoading());
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.verificationAt(0).id, finished.id);
    QCOMPARE(resets.size(), 1);

    // Live with nothing missed reads nothing.
    model.setLive(false);
    model.setLive(true);
    QVERIFY(!model.isLoading());
}

void TestRecentActivityModel::savedCoverageAndPatientRenameTheirRows()
{
    QVERIFY(seed());
    RecentActivityModel model(&service(), &m_env->patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(reload(model));
    QCOMPARE(column(model, RecentActivityModel::PayerColumn),
             (QStringList{"BlueCross BlueShield / JS100200", "BlueCross BlueShield / JS100200",
                          "BlueCross BlueShield / OH300400"}));
    // Off screen: a changed coverage must still not leave the old member ID behind.
    model.setLive(false);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy loaded(&model, &RecentActivityModel::loaded);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const auto coverages = TestSupport::await(m_env->patients().coverages(m_jane));
    QVERIFY(coverages.ok() && coverages->size() == 1);
    Coverage coverage = coverages->constFirst();
    coverage.memberId = QStringLiteral("ACT100001");
    QSignalSpy coverageSaved(&m_env->patients(), &PatientService::coverageSaved);
    QVERIFY(TestSupport::await(m_env->patients().saveCoverage(coverage)).ok());
    QVERIFY(coverageSaved.size() > 0 || coverageSaved.wait());
    QCOMPARE(column(model, RecentActivityModel::PayerColumn),
             (QStringList{"BlueCross BlueShield / ACT100001", "BlueCross BlueShield / ACT100001",
                          "BlueCross BlueShield / OH300400"}));
    QCOMPARE(changed.size(), 2); // Jane's two rows, the payer column only
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        QCOMPARE(signal.at(0).toModelIndex().column(), int(RecentActivityModel::PayerColumn));
        QCOMPARE(signal.at(1).toModelIndex().column(), int(RecentActivityModel::PayerColumn));
    }

    // A corrected name shows the same way.
    const auto opened = TestSupport::await(m_env->patients().open(m_omar));
    QVERIFY(opened.ok());
    Patient omar = *opened;
    omar.lastName = QStringLiteral("Haddad-Nasser");
    QSignalSpy patientSaved(&m_env->patients(), &PatientService::patientSaved);
    QVERIFY(TestSupport::await(m_env->patients().updatePatient(omar)).ok());
    QVERIFY(patientSaved.size() > 0 || patientSaved.wait());
    QCOMPARE(model.index(2, RecentActivityModel::PatientColumn).data().toString(),
             QStringLiteral("Haddad-Nasser, Omar"));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(loaded.size(), 0); // nothing read for it

    // What a read gives is the same.
    QVERIFY(reload(model));
    QCOMPARE(column(model, RecentActivityModel::PayerColumn).constFirst(),
             QStringLiteral("BlueCross BlueShield / ACT100001"));
    QCOMPARE(model.index(2, RecentActivityModel::PatientColumn).data().toString(),
             QStringLiteral("Haddad-Nasser, Omar"));
}

void TestRecentActivityModel::inactiveAnswerHasItsOwnKey()
{
    Verification v = attempt(m_jane, m_janeCoverage, VerificationStatus::Verified,
                             VerificationError::None, fixedNow.addSecs(-60), 500);
    EligibilityResult result;
    result.status = EligibilityResult::Status::Inactive;
    v.result = result;
    QVERIFY(save(v).id);
    QVERIFY(attempt(m_omar, m_omarCoverage, VerificationStatus::Verified, VerificationError::None,
                    fixedNow.addSecs(-120), 500)
                .id);
    RecentActivityModel model(&service());
    QVERIFY(reload(model));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(ModelRoles::StatusKeyRole).toString(),
             QStringLiteral("inactive"));
    QCOMPARE(model.index(0, RecentActivityModel::StatusColumn).data().toString(),
             verdictText(Verdict::Inactive));
    QCOMPARE(model.index(1, 0).data(ModelRoles::StatusKeyRole).toString(),
             QStringLiteral("verified"));
}

QTEST_GUILESS_MAIN(TestRecentActivityModel)
#include "tst_recentactivitymodel.moc"
