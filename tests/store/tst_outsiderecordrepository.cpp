// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/patientrepository.h"
#include "store/testdatabase.h"

#include <QCryptographicHash>

namespace {
qint64 addPatient(const QString &connection, const QString &first)
{
    Patient patient;
    patient.firstName = first;
    patient.lastName = QStringLiteral("Brown");
    patient.dateOfBirth = QDate(1927, 5, 23);
    patient.gender = Gender::Female;
    const auto saved = PatientRepository(connection).save(patient);
    return saved ? saved->id : 0;
}

ClinicalDocument announced(qint64 patientId, const QString &sourceId)
{
    ClinicalDocument document;
    document.patientId = patientId;
    document.sourceId = sourceId;
    document.fileName = sourceId + QStringLiteral(".xml");
    document.title = QStringLiteral("Summary of care");
    document.mimeType = QStringLiteral("application/xml");
    document.documentDate = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
    document.source = QStringLiteral("Metriport");
    return document;
}
} // namespace

class TestOutsideRecordRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkIsOnePerPatientAndPerNetworkId();
    void syncStatusAndVerification();
    void sameAnnouncementTwiceIsOneRow();
    void storedWithHashAndNotAnnouncedAgain();
    void failuresAreKeptAndRetried();
    void consolidatedUrlRenewedUntilStored();
};

void TestOutsideRecordRepository::linkIsOnePerPatientAndPerNetworkId()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    const qint64 other = addPatient(db.connection(), QStringLiteral("Kay"));
    OutsideRecordRepository repository(db.connection());
    QVERIFY(!STORE_VALUE(repository.link(kyla)).has_value());
    NetworkLink link;
    link.patientId = kyla;
    link.metriportPatientId = QStringLiteral("mp-1");
    link.facilityId = QStringLiteral("fac-1");
    link.matchedExisting = true;
    const NetworkLink saved = STORE_VALUE(repository.saveLink(link));
    QVERIFY(saved.linkedAt.isValid());
    const auto read = STORE_VALUE(repository.linkByMetriportId(QStringLiteral("mp-1")));
    QVERIFY(read);
    QCOMPARE(read->patientId, kyla);
    QVERIFY(read->matchedExisting);
    QCOMPARE(read->status, NetworkSyncStatus::Pending);

    // The same network patient for another local patient is refused, naming the first.
    NetworkLink twice = link;
    twice.patientId = other;
    const auto refused = repository.saveLink(twice);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().contains(QString::number(kyla)));
    // Saving again for the same patient updates it.
    link.eTag = QStringLiteral("2");
    QVERIFY_STORE_OK(repository.saveLink(link));
    QCOMPARE(STORE_VALUE(repository.link(kyla))->eTag, QStringLiteral("2"));
}

void TestOutsideRecordRepository::syncStatusAndVerification()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    OutsideRecordRepository repository(db.connection());
    NetworkLink link;
    link.patientId = kyla;
    link.metriportPatientId = QStringLiteral("mp-1");
    link.facilityId = QStringLiteral("fac-1");
    QVERIFY_STORE_OK(repository.saveLink(link));
    QVERIFY(STORE_VALUE(repository.setSyncStatus(kyla, NetworkSyncStatus::InProgress,
                                                 QStringLiteral("searching"), QStringLiteral("req-9"))));
    const auto inProgress = STORE_VALUE(repository.linksInProgress());
    QCOMPARE(inProgress.size(), 1);
    QCOMPARE(inProgress.first().queryRequestId, QStringLiteral("req-9"));
    QVERIFY(inProgress.first().queryStartedAt.isValid());
    QVERIFY(STORE_VALUE(repository.verifyLink(kyla, QStringLiteral("clerk1"))));
    const auto verified = STORE_VALUE(repository.link(kyla));
    QVERIFY(verified->isVerified());
    QCOMPARE(verified->verifiedBy, QStringLiteral("clerk1"));
    QVERIFY(!STORE_VALUE(repository.setSyncStatus(99999, NetworkSyncStatus::Failed, {})));
}

void TestOutsideRecordRepository::sameAnnouncementTwiceIsOneRow()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    OutsideRecordRepository repository(db.connection());
    const auto first = STORE_VALUE(repository.announce({announced(kyla, QStringLiteral("doc-1")),
                                                        announced(kyla, QStringLiteral("doc-2"))}));
    QCOMPARE(first.size(), 2);
    const auto again = STORE_VALUE(repository.announce({announced(kyla, QStringLiteral("doc-1"))}));
    QCOMPARE(again, QList<qint64>{first.first()});
    QCOMPARE(STORE_VALUE(repository.documents(kyla)).size(), 2);
    QCOMPARE(STORE_VALUE(repository.due(QDateTime::currentDateTimeUtc(), 10)).size(), 2);
}

void TestOutsideRecordRepository::storedWithHashAndNotAnnouncedAgain()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    OutsideRecordRepository repository(db.connection());
    const qint64 id = STORE_VALUE(repository.announce({announced(kyla, QStringLiteral("doc-1"))})).first();
    const QByteArray bytes = QByteArrayLiteral("<ClinicalDocument/>");
    QVERIFY(STORE_VALUE(repository.store(id, bytes, QStringLiteral("{\"format\":\"ccda\"}"))));
    const auto stored = STORE_VALUE(repository.document(id, true));
    QVERIFY(stored);
    QVERIFY(stored->isStored());
    QCOMPARE(stored->content, bytes);
    QCOMPARE(stored->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(stored->size, bytes.size());
    QVERIFY(STORE_VALUE(repository.document(id, false))->content.isEmpty());
    // Announced again after it was stored: nothing to fetch, nothing changed.
    QVERIFY(STORE_VALUE(repository.announce({announced(kyla, QStringLiteral("doc-1"))})).isEmpty());
    QCOMPARE(STORE_VALUE(repository.storedWithContent(kyla)).size(), 1);
    QVERIFY(STORE_VALUE(repository.due(QDateTime::currentDateTimeUtc(), 10)).isEmpty());
}

void TestOutsideRecordRepository::failuresAreKeptAndRetried()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    OutsideRecordRepository repository(db.connection());
    const qint64 id = STORE_VALUE(repository.announce({announced(kyla, QStringLiteral("doc-1"))})).first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(STORE_VALUE(repository.fail(id, QStringLiteral("Metriport did not answer"), now.addSecs(30))));
    auto document = STORE_VALUE(repository.document(id, false));
    QCOMPARE(document->status, ClinicalDocumentStatus::Failed);
    QCOMPARE(document->attempts, 1);
    QCOMPARE(document->lastError, QStringLiteral("Metriport did not answer"));
    QVERIFY(STORE_VALUE(repository.due(now, 10)).isEmpty());
    QCOMPARE(STORE_VALUE(repository.due(now.addSecs(31), 10)).size(), 1);
    // Out of automatic attempts: only by hand.
    QVERIFY(STORE_VALUE(repository.fail(id, QStringLiteral("again"), {})));
    QVERIFY(STORE_VALUE(repository.due(now.addDays(1), 10)).isEmpty());
    QVERIFY(STORE_VALUE(repository.retry(id)));
    QCOMPARE(STORE_VALUE(repository.due(now, 10)).size(), 1);
}

void TestOutsideRecordRepository::consolidatedUrlRenewedUntilStored()
{
    TestDatabase db;
    QVERIFY(db.open());
    const qint64 kyla = addPatient(db.connection(), QStringLiteral("Kyla"));
    OutsideRecordRepository repository(db.connection());
    ClinicalDocument bundle = announced(kyla, QStringLiteral("consolidated:req-1"));
    bundle.kind = ClinicalDocumentKind::Consolidated;
    bundle.downloadUrl = QStringLiteral("http://127.0.0.1:1/old");
    bundle.urlExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    const qint64 id = STORE_VALUE(repository.announce({bundle})).first();
    bundle.downloadUrl = QStringLiteral("http://127.0.0.1:1/new");
    bundle.urlExpiresAt = QDateTime::currentDateTimeUtc().addSecs(170);
    QCOMPARE(STORE_VALUE(repository.announce({bundle})).first(), id);
    const auto renewed = STORE_VALUE(repository.document(id, false));
    QCOMPARE(renewed->downloadUrl, QStringLiteral("http://127.0.0.1:1/new"));
    QCOMPARE(renewed->kind, ClinicalDocumentKind::Consolidated);
}

CLINICDESK_STORE_TEST_MAIN(TestOutsideRecordRepository)
#include "tst_outsiderecordrepository.moc"
