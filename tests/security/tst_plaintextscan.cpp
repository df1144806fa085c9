// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// No PHI in plaintext on disk. 100 distinctive identifiers (names, member IDs, visit notes) go in
// through the services a desk runs, on a store encrypted with a desk's key file, with real 270/271
// exchanges against the sandbox (whose raw X12 is kept), and through signed webhooks into a hub
// whose event log is encrypted with the same kind of key. After everything is closed, no file
// under the desk's or the hub's folder holds any of them, in UTF-8 or UTF-16. The same run
// without a key finds them: the scan is able to fail.
#include "common/trainingenvironment.h"
#include "services/access/databasekey.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubhost.h"
#include "services/store/databaseencryption.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Person
{
    QString first;
    QString last;
    QString memberId;
    QString note;
};

//! 25 people × (first name, last name, member ID, visit note) = 100 identifiers, none of which
//! occurs by chance in a schema, an X12 envelope or a library.
QList<Person> people()
{
    QList<Person> list;
    for (int i = 0; i < 25; ++i) {
        const QString tag = QString(QChar(u'A' + i / 5)) + QChar(u'a' + i % 5) + QChar(u'q');
        list.append({QStringLiteral("Zorvath") + tag, QStringLiteral("Quenbyrd") + tag,
                     QStringLiteral("ZQM%1").arg(730000 + i * 37, 9, 10, QLatin1Char('0')),
                     QStringLiteral("Bring the Kestrelwood referral %1").arg(tag)});
    }
    return list;
}

QStringList identifiers(const QList<Person> &list)
{
    QStringList all;
    for (const Person &p : list)
        all << p.first << p.last << p.memberId << p.note;
    return all;
}

//! Every file under `root` holding one of `needles` (UTF-8 or UTF-16LE), as "file: needle".
QStringList findInFiles(const QString &root, const QStringList &needles)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << path + QStringLiteral(": unreadable");
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const QString &needle : needles) {
            const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()),
                                   needle.size() * 2);
            if (bytes.contains(needle.toUtf8()) || bytes.contains(utf16))
                found << QFileInfo(path).fileName() + QStringLiteral(": ") + needle;
        }
    }
    return found;
}

bool postPayorWebhook(QNetworkAccessManager &network, const HubHost &hub, const QByteArray &id,
                      const QByteArray &body)
{
    QUrl url = hub.baseUrl();
    url.setPath(QStringLiteral("/webhooks/payor"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    request.setRawHeader("webhook-id", id);
    request.setRawHeader("webhook-timestamp", QByteArray::number(now));
    request.setRawHeader("webhook-signature",
                         StandardWebhooks::sign(hub.config().payorKeys.value(0), id, now, body));
    QNetworkReply *reply = network.post(request, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status == 200;
}
} // namespace

class TestPlaintextScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noSeededIdentifierIsOnDisk_data();
    void noSeededIdentifierIsOnDisk();

private:
    //! Puts every person through the desk's services and the hub; false (with a message) when
    //! a step failed.
    void seed(const QString &root, const QByteArray &keyHex, const QList<Person> &list);
};

void TestPlaintextScan::seed(const QString &root, const QByteArray &keyHex,
                             const QList<Person> &list)
{
    QVERIFY(QDir().mkpath(root + QStringLiteral("/desk")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/hub")));
    TrainingEnvironment::Options options;
    options.keyHex = keyHex;
    options.directory = root + QStringLiteral("/desk");
    options.seed = false;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));

    HubHost hub(HubHost::trainingConfig(root + QStringLiteral("/hub/hub.sqlite"),
                                        QByteArrayLiteral("scan-token"), keyHex));
    QString hubError;
    QVERIFY2(hub.start(&hubError), qPrintable(hubError));
    QNetworkAccessManager network;

    const QDateTime firstVisit(QDate(2026, 12, 7), QTime(16, 0), Qt::UTC);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Person &person = list.at(i);
        Patient patient;
        patient.firstName = person.first;
        patient.lastName = person.last;
        patient.dateOfBirth = QDate(1970, 1, 1).addDays(i * 400);
        patient.gender = i % 2 ? Gender::Male : Gender::Female;
        const StoreResult<Patient> registered =
            TestSupport::await(env.patients().registerPatient(patient));
        QVERIFY2(registered, qPrintable(registered.error()));

        Coverage coverage;
        coverage.patientId = registered->id;
        coverage.payerId = QStringLiteral("INS001");
        coverage.memberId = person.memberId;
        const StoreResult<Coverage> covered =
            TestSupport::await(env.patients().saveCoverage(coverage));
        QVERIFY2(covered, qPrintable(covered.error()));

        Appointment visit;
        visit.patientId = registered->id;
        visit.start = firstVisit.addSecs(i * 900);
        visit.provider = QStringLiteral("Dr. Lee");
        visit.visitType = QStringLiteral("Office visit");
        visit.notes = person.note;
        const StoreResult<Appointment> booked = TestSupport::await(env.appointments().add(visit));
        QVERIFY2(booked, qPrintable(booked.error()));

        // Every fifth person is verified: the 270 and 271 (names, member ID) are kept raw.
        if (i % 5 == 0) {
            VerifyOptions verify;
            verify.force = true;
            const Verification verification = env.verifyAndWait(covered->id, verify);
            QVERIFY(verification.id > 0);
        }
        // The payor tells the hub about this person's claim, by name and member ID.
        const QByteArray body =
            QStringLiteral(R"({"type":"claim_status_update","timestamp":"2026-12-01T10:00:00Z",)"
                           R"("data":{"claim_id":"%1","previous_status":"submitted",)"
                           R"("new_status":"denied","message":"%2 %3 not eligible","amount":80}})")
                .arg(person.memberId, person.first, person.last)
                .toUtf8();
        QVERIFY(postPayorWebhook(network, hub, "msg_" + person.memberId.toLatin1(), body));
    }
    hub.stop();
}

void TestPlaintextScan::noSeededIdentifierIsOnDisk_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("encrypted") << true;
    QTest::newRow("plaintext control") << false;
}

void TestPlaintextScan::noSeededIdentifierIsOnDisk()
{
    QFETCH(bool, encrypted);
    QTemporaryDir root;
    QByteArray keyHex;
    if (encrypted) {
        const DatabaseKey::Result key =
            DatabaseKey::loadOrCreateKeyFile(root.filePath(QStringLiteral("database.key")));
        QVERIFY2(key.ok(), qPrintable(key.error));
        keyHex = key.keyHex;
    }
    const QList<Person> list = encrypted ? people() : people().mid(0, 5);
    seed(root.path(), keyHex, list);
    if (QTest::currentTestFailed())
        return;
    const QStringList needles = identifiers(list);
    QCOMPARE(needles.size(), encrypted ? 100 : 20);
    QCOMPARE(QSet<QString>(needles.cbegin(), needles.cend()).size(), needles.size());

    const QStringList found = findInFiles(root.path(), needles);
    if (encrypted) {
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QCOMPARE(DatabaseEncryption::stateOf(root.filePath(QStringLiteral("desk/test.sqlite"))),
                 DatabaseEncryption::FileState::Encrypted);
        QCOMPARE(DatabaseEncryption::stateOf(root.filePath(QStringLiteral("hub/hub.sqlite"))),
                 DatabaseEncryption::FileState::Encrypted);
    } else {
        // Without a key every kind of identifier is found, in the desk's file and the hub's.
        for (const QString &needle : {list.at(0).first, list.at(0).memberId, list.at(0).note}) {
            QVERIFY2(found.contains(QStringLiteral("test.sqlite: ") + needle)
                         || found.contains(QStringLiteral("test.sqlite-wal: ") + needle),
                     qPrintable(needle + QLatin1Char('\n') + found.join(QLatin1Char('\n'))));
        }
        QVERIFY2(found.filter(QStringLiteral("hub.sqlite")).size() > 0,
                 qPrintable(found.join(QLatin1Char('\n'))));
    }
}

QTEST_GUILESS_MAIN(TestPlaintextScan)
#include "tst_plaintextscan.moc"
