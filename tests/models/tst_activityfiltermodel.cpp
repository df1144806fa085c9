// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's filter over the recent activity: by status and by typed text, sorted by
// value, and following live rows of the source.
#include "common/trainingenvironment.h"

#include "models/activityfiltermodel.h"
#include "models/modelroles.h"
#include "models/recentactivitymodel.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Tester = QAbstractItemModelTester;

namespace {
const QDateTime fixedNow = QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);

void settle(Store &store)
{
    store.drain();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}
} // namespace

class TestActivityFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void filters_data();
    void filters();
    void sortsByValue();
    void liveInsertsThatMatchAppear();

private:
    qint64 addPatient(const QString &first, const QString &last);
    qint64 addCoverage(qint64 patientId, const QString &payerId, const QString &payerName,
                       const QString &memberId);
    Verification attempt(qint64 patientId, qint64 coverageId, VerificationStatus status,
                         VerificationError error, int minutesAgo, int durationMs);
    //! Reads the source and waits for it.
    bool load();

    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<RecentActivityModel> m_source;
    std::unique_ptr<ActivityFilterModel> m_filter;
    qint64 m_jane = 0;
    qint64 m_janeCoverage = 0;
    qint64 m_omar = 0;
    qint64 m_omarCoverage = 0;
    qint64 m_zoe = 0;
    qint64 m_zoeCoverage = 0;
};

void TestActivityFilterModel::init()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_env->service().setClock([] { return fixedNow; });

    m_jane = addPatient(QStringLiteral("Jane"), QStringLiteral("Smith"));
    m_janeCoverage =
        addCoverage(m_jane, QStringLiteral("INS001"), QStringLiteral("BlueCross BlueShield"),
                    QStringLiteral("JS100200"));
    m_omar = addPatient(QStringLiteral("Omar"), QStringLiteral("Haddad"));
    m_omarCoverage = addCoverage(m_omar, QStringLiteral("INS002"), QStringLiteral("Aetna Health"),
                                 QStringLiteral("OH300400"));
    m_zoe = addPatient(QStringLiteral("Zoë"), QStringLiteral("Núñez"));
    m_zoeCoverage = addCoverage(m_zoe, QStringLiteral("INS003"),
                                QStringLiteral("United Healthcare"), QStringLiteral("ZN500600"));
    QVERIFY(m_jane && m_janeCoverage && m_omar && m_omarCoverage && m_zoe && m_zoeCoverage);

    using S = VerificationStatus;
    using E = VerificationError;
    // Newest first: Zoë needs review (850 ms), Omar rejected (1,200 ms), Jane verified
    // (95 ms), Jane cancelled (40 ms), Omar verified (12,000 ms).
    QVERIFY(attempt(m_zoe, m_zoeCoverage, S::ManualReview, E::None, 5, 850).id);
    QVERIFY(attempt(m_omar, m_omarCoverage, S::Failed, E::Rejected, 10, 1200).id);
    QVERIFY(attempt(m_jane, m_janeCoverage, S::Verified, E::None, 15, 95).id);
    QVERIFY(attempt(m_jane, m_janeCoverage, S::Failed, E::Cancelled, 20, 40).id);
    QVERIFY(attempt(m_omar, m_omarCoverage, S::Verified, E::None, 25, 12000).id);

    m_source = std::make_unique<RecentActivityModel>(&m_env->service());
    m_filter = std::make_unique<ActivityFilterModel>();
    m_filter->setSourceModel(m_source.get());
}

void TestActivityFilterModel::cleanup()
{
    m_filter.reset();
    m_source.reset();
    m_env.reset();
}

qint64 TestActivityFilterModel::addPatient(const QString &first, const QString &last)
{
    Patient patient;
    patient.firstName = first;
    patient.lastName = last;
    patient.dateOfBirth = QDate(1982, 7, 3);
    patient.gender = Gender::Female;
    const auto saved = m_env->write([patient](const QString &connection) {
        return PatientRepository(connection).save(patient);
    });
    return saved ? saved->id : 0;
}

qint64 TestActivityFilterModel::addCoverage(qint64 patientId, const QString &payerId,
                                            const QString &payerName, const QString &memberId)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = payerId;
    coverage.payerName = payerName;
    coverage.memberId = memberId;
    const auto saved = m_env->write([coverage](const QString &connection) {
        return CoverageRepository(connection).save(coverage);
    });
    return saved ? saved->id : 0;
}

Verification TestActivityFilterModel::attempt(qint64 patientId, qint64 coverageId,
                                              VerificationStatus status, VerificationError error,
                                              int minutesAgo, int durationMs)
{
    Verification v;
    v.patientId = patientId;
    v.coverageId = coverageId;
    v.status = status;
    v.error = error;
    v.requestedAt = fixedNow.addSecs(-60 * minutesAgo);
    v.completedAt = v.requestedAt.addMSecs(durationMs);
    v.durationMs = durationMs;
    v.attempts = 1;
    v.user = QStringLiteral("frontdesk1");
    v.serviceTypes = QStringLiteral("30");
    v.serviceDate = v.requestedAt.toLocalTime().date();
    if (error == VerificationError::Rejected)
        v.aaaCodes = QStringList{QStringLiteral("72")};
    const auto saved = m_env->write(
        [v](const QString &connection) { return VerificationRepository(connection).save(v); });
    return saved ? saved.value() : v;
}

bool TestActivityFilterModel::load()
{
    QSignalSpy loaded(m_source.get(), &RecentActivityModel::loaded);
    m_source->reload();
    return loaded.wait() && m_source->errorString().isEmpty();
}

void TestActivityFilterModel::filters_data()
{
    QTest::addColumn<QStringList>("statusKeys");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("patients");

    const QString zoe = QStringLiteral("Núñez, Zoë");
    const QString omar = QStringLiteral("Haddad, Omar");
    const QString jane = QStringLiteral("Smith, Jane");
    QTest::newRow("everything") << QStringList{} << QString()
                                << QStringList{zoe, omar, jane, jane, omar};
    QTest::newRow("failed") << QStringList{"failed"} << QString() << QStringList{omar};
    QTest::newRow("needs review") << QStringList{"manual_review"} << QString() << QStringList{zoe};
    QTest::newRow("verified") << QStringList{"verified"} << QString() << QStringList{jane, omar};
    QTest::newRow("cancelled") << QStringList{"cancelled"} << QString() << QStringList{jane};
    QTest::newRow("failed or cancelled")
        << QStringList{"failed", "cancelled"} << QString() << QStringList{omar, jane};
    QTest::newRow("expired: none") << QStringList{"expired"} << QString() << QStringList{};
    QTest::newRow("patient name") << QStringList{} << QStringLiteral("hadd")
                                  << QStringList{omar, omar};
    QTest::newRow("case ignored") << QStringList{} << QStringLiteral("SMITH")
                                  << QStringList{jane, jane};
    QTest::newRow("accents ignored")
        << QStringList{} << QStringLiteral("NUNEZ") << QStringList{zoe};
    QTest::newRow("payer") << QStringList{} << QStringLiteral("aetna") << QStringList{omar, omar};
    QTest::newRow("member id") << QStringList{} << QStringLiteral("js1002")
                               << QStringList{jane, jane};
    QTest::newRow("status and text")
        << QStringList{"verified"} << QStringLiteral("haddad") << QStringList{omar};
    QTest::newRow("nothing matches") << QStringList{} << QStringLiteral("nobody") << QStringList{};
}

void TestActivityFilterModel::filters()
{
    QFETCH(QStringList, statusKeys);
    QFETCH(QString, text);
    QFETCH(QStringList, patients);
    Tester sourceTester(m_source.get(), Tester::FailureReportingMode::QtTest);
    Tester tester(m_filter.get(), Tester::FailureReportingMode::QtTest);
    QVERIFY(load());
    QCOMPARE(m_filter->rowCount(), 5);

    const QSet<QString> keys(statusKeys.cbegin(), statusKeys.cend());
    m_filter->setStatusKeys(keys);
    m_filter->setText(text);
    QCOMPARE(m_filter->statusKeys(), keys);
    QCOMPARE(m_filter->text(), text);
    QCOMPARE(column(*m_filter, RecentActivityModel::PatientColumn), patients);
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (!keys.isEmpty())
            QVERIFY(keys.contains(index.data(ModelRoles::StatusKeyRole).toString()));
        // Rows map back to the attempt they show.
        QCOMPARE(index.data(ModelRoles::IdRole).toLongLong(),
                 m_source->verificationAt(m_filter->mapToSource(index).row()).id);
    }

    // Clearing the filters shows everything again; the source never changed.
    m_filter->setStatusKeys({});
    m_filter->setText({});
    QCOMPARE(m_filter->rowCount(), 5);
    QCOMPARE(m_source->rowCount(), 5);
}

void TestActivityFilterModel::sortsByValue()
{
    Tester tester(m_filter.get(), Tester::FailureReportingMode::QtTest);
    QVERIFY(load());
    // Durations sort as numbers ("12,000 ms" after "850 ms"), times as times.
    m_filter->sort(RecentActivityModel::DurationColumn, Qt::AscendingOrder);
    QStringList durations;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        durations << QString::number(m_filter->index(row, RecentActivityModel::DurationColumn)
                                         .data(ModelRoles::SortRole)
                                         .toInt());
    QCOMPARE(durations, (QStringList{"40", "95", "850", "1200", "12000"}));
    m_filter->sort(RecentActivityModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(
        column(*m_filter, RecentActivityModel::PatientColumn),
        (QStringList{"Núñez, Zoë", "Haddad, Omar", "Smith, Jane", "Smith, Jane", "Haddad, Omar"}));
}

void TestActivityFilterModel::liveInsertsThatMatchAppear()
{
    Tester sourceTester(m_source.get(), Tester::FailureReportingMode::QtTest);
    Tester tester(m_filter.get(), Tester::FailureReportingMode::QtTest);
    QVERIFY(load());
    m_filter->setStatusKeys({QStringLiteral("failed")});
    QCOMPARE(m_filter->rowCount(), 1);
    QSignalSpy sourceInserted(m_source.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy inserted(m_filter.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(m_filter.get(), &QAbstractItemModel::modelReset);

    // A failure arrives: it shows in the filtered list, on top.
    const Verification failed = attempt(m_jane, m_janeCoverage, VerificationStatus::Failed,
                                        VerificationError::Rejected, 1, 700);
    QVERIFY(failed.id);
    Q_EMIT m_env->service().verificationFinished(failed);
    QVERIFY(sourceInserted.wait());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_filter->rowCount(), 2);
    QCOMPARE(m_filter->index(0, 0).data(ModelRoles::IdRole).toLongLong(), failed.id);

    // A success does not match: the source grows, the filtered list does not.
    const Verification verified = attempt(m_zoe, m_zoeCoverage, VerificationStatus::Verified,
                                          VerificationError::None, 0, 300);
    Q_EMIT m_env->service().verificationFinished(verified);
    QVERIFY(sourceInserted.wait());
    settle(m_env->store());
    QCOMPARE(m_source->rowCount(), 7);
    QCOMPARE(m_filter->rowCount(), 2);
    QCOMPARE(inserted.size(), 1);

    // With a text filter too, only rows matching both come in.
    m_filter->setText(QStringLiteral("haddad"));
    QCOMPARE(m_filter->rowCount(), 1);
    const Verification omarFailed = attempt(m_omar, m_omarCoverage, VerificationStatus::Failed,
                                            VerificationError::Timeout, 0, 30000);
    Q_EMIT m_env->service().verificationFinished(omarFailed);
    QVERIFY(sourceInserted.wait());
    QCOMPARE(m_filter->rowCount(), 2);
    QCOMPARE(m_filter->index(0, 0).data(ModelRoles::IdRole).toLongLong(), omarFailed.id);

    // A row already listed that changes to a matching status comes in too.
    m_filter->setText({});
    const int before = m_filter->rowCount();
    Verification later = attempt(m_omar, m_omarCoverage, VerificationStatus::Verified,
                                 VerificationError::None, 2, 400);
    Q_EMIT m_env->service().verificationFinished(later);
    QVERIFY(sourceInserted.wait());
    QCOMPARE(m_filter->rowCount(), before);
    QSignalSpy sourceChanged(m_source.get(), &QAbstractItemModel::dataChanged);
    const int sourceRows = m_source->rowCount();
    const int insertsBefore = int(inserted.size());
    // Corrected by the clearinghouse: the stored attempt is now a failure.
    later.status = VerificationStatus::Failed;
    later.error = VerificationError::ServerError;
    const auto corrected = m_env->write([later](const QString &connection) {
        return VerificationRepository(connection).save(later);
    });
    QVERIFY2(corrected.ok(), qPrintable(corrected.error()));
    Q_EMIT m_env->service().verificationFinished(*corrected);
    QVERIFY(sourceChanged.wait());
    QCOMPARE(m_source->rowCount(), sourceRows);
    QCOMPARE(m_filter->rowCount(), before + 1);
    QCOMPARE(inserted.size(), insertsBefore + 1);
    QCOMPARE(resets.size(), 0);
}

QTEST_GUILESS_MAIN(TestActivityFilterModel)
#include "tst_activityfiltermodel.moc"
