// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The real clinicdesk binary, headless, in training mode with its own data folder.
#include "common/deskkey.h"
#include "common/deskprocess.h"
#include "common/keyringsession.h"
#include "common/testsupport.h"
#include "services/access/databasekey.h"
#include "services/access/keychain.h"
#include "services/store/appointmentrepository.h"
#include "services/store/database.h"
#include "services/store/databaseencryption.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"
#include "services/store/verificationrepository.h"
#include "services/x12/eligibilityresponse.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
using Run = DeskRun;

QString pdfText(const QString &path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    pdftotext.waitForFinished(20000);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}
} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verifyOnePatientWithPdf();
    void verifyDayWithDaySheet();
    void ambiguousOrUnknownPatient();
    void badArguments();
    void spanishWithLang();
    void conformance();
    void generateLargeData();
    void dataFilesAreOwnerOnly();
    void auditVerifyNamesTheBrokenRow();
    void plaintextDatabaseIsEncryptedOnStart();
    void clinicDatabaseNeedsThePassphrase();
    void clinicDeskKeepsItsKeyInTheKeychain();
    void windowStartsAndShowsItsData();
};

void TestHeadless::verifyOnePatientWithPdf()
{
    QTemporaryDir home;
    const QString pdf = home.filePath(QStringLiteral("jane.pdf"));
    const Run run = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                   QStringLiteral("Jane"), QStringLiteral("--pdf"), pdf,
                                   QStringLiteral("--user"), QStringLiteral("frontdesk1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // primary, secondary, "Report saved"
    QVERIFY2(lines.at(0).startsWith(
                 QStringLiteral("Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE "
                                "Gold PPO 1500, office copay $25.00")),
             qPrintable(run.out));
    QVERIFY2(lines.at(1).contains(QStringLiteral("ACT200102 (Secondary): ACTIVE")),
             qPrintable(run.out));
    QVERIFY(QFile::exists(pdf));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("ACT100001")) &&
                 text.contains(QStringLiteral("frontdesk1")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("TRAINING")));

    // Again within 24 hours: reused, not asked again.
    const Run again = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Jane")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("reused")), qPrintable(again.out));
}

void TestHeadless::verifyDayWithDaySheet()
{
    QTemporaryDir home;
    const QString pdf = home.filePath(QStringLiteral("day.pdf"));
    const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    const Run run = runDesk(home, {QStringLiteral("verify-day"), QStringLiteral("--date"), tomorrow,
                                   QStringLiteral("--pdf"), pdf});
    // Tomorrow's schedule holds members the payer rejects: the exit status says so.
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(
        QStringLiteral("Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE")));
    QVERIFY(run.out.contains(
        QStringLiteral("Garcia, Maria | Aetna Health BAD600006 (Primary): REJECTED — AAA 72")));
    QVERIFY(run.out.contains(
        QStringLiteral("Brown, Kyla | United Healthcare COB400004 (Primary): NEEDS REVIEW")));
    QVERIFY(run.out.contains(
        QStringLiteral("Davis, Emily | United Healthcare ERR500011 (Primary): COULD NOT VERIFY")));
    // The summary counts as the batch dialog does: rejected and unanswered apart, inactive
    // never among the active.
    const QRegularExpression summary(QStringLiteral(
        "(\\d+) active, (\\d+) inactive, (\\d+) need review, (\\d+) rejected, (\\d+) could not "
        "verify, (\\d+) not verified"));
    const QRegularExpressionMatch counts = summary.match(run.out);
    QVERIFY2(counts.hasMatch(), qPrintable(run.out));
    QVERIFY(counts.captured(1).toInt() >= 1); // Jane
    QVERIFY(counts.captured(3).toInt() >= 1); // Kyla
    QVERIFY(counts.captured(4).toInt() >= 1); // Maria
    QVERIFY(counts.captured(5).toInt() >= 1); // Emily
    QVERIFY(QFile::exists(pdf));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("Day Sheet")) &&
                 text.contains(QStringLiteral("Garcia, Maria")),
             qPrintable(text));
}

void TestHeadless::ambiguousOrUnknownPatient()
{
    QTemporaryDir home;
    const Run ambiguous = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Smith")});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY2(ambiguous.err.contains(QStringLiteral("matches")), qPrintable(ambiguous.err));
    QVERIFY(ambiguous.err.contains(QStringLiteral("Smith, Jane")));
    const Run unknown = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Nobody")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("No patient matches")));
}

void TestHeadless::badArguments()
{
    QTemporaryDir home;
    QCOMPARE(runDesk(home, {QStringLiteral("verify-day"), QStringLiteral("--date"),
                            QStringLiteral("24/11/2026")})
                 .exitCode,
             2);
    QCOMPARE(runDesk(home, {QStringLiteral("verify")}).exitCode, 2);
    QCOMPARE(runDesk(home, {QStringLiteral("frobnicate")}).exitCode, 2);
}

void TestHeadless::spanishWithLang()
{
    QTemporaryDir home;
    const Run run =
        runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                       QStringLiteral("Chris"), QStringLiteral("--lang"), QStringLiteral("es")});
    QCOMPARE(run.exitCode, 0);
    // Translated verdict and words, US money formats kept.
    QVERIFY2(run.out.contains(QStringLiteral("ACTIVA")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("$15.00")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("ACTIVE")));
}

void TestHeadless::conformance()
{
    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral("samples/x12"));
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(home.filePath(QStringLiteral("samples/x12/") + name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("good.270"),
          "ISA*00*          *00*          *ZZ*CLINICDESK     *ZZ*CLEARINGHOUSE  "
          "*261124*0830*^*00501*000000001*0*T*:~"
          "GS*HS*CLINICDESK*CLEARINGHOUSE*20261124*0830*1*X*005010X279A1~ST*270*0001*005010X279A1~"
          "BHT*0022*13*1*20261124*0830~HL*1**20*1~NM1*PR*2*BCBS*****PI*INS001~HL*2*1*21*1~"
          "NM1*1P*2*CLINIC*****XX*1234567893~HL*3*2*22*0~TRN*1*1*9CLINICDSK~NM1*IL*1*SMITH*JANE****"
          "MI*ACT100001~"
          "DMG*D8*19960210*F~DTP*291*D8*20261124~EQ*30~SE*13*0001~GE*1*1~IEA*1*000000001~");
    write(QStringLiteral("truncated.271"), "ISA*00*          *00*    ");
    write(QStringLiteral("README.md"), "not X12");
    // The clinical half: a C-CDA section with an allergy, a well-formed document with nothing
    // to show (a failure), a FHIR bundle with a condition.
    auto writeIn = [&](const QString &folder, const QString &name, const QByteArray &bytes) {
        QDir(home.path()).mkpath(QStringLiteral("samples/") + folder);
        QFile f(home.filePath(QStringLiteral("samples/%1/%2").arg(folder, name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    writeIn(QStringLiteral("ccda"), QStringLiteral("allergy.xml"),
            "<section xmlns=\"urn:hl7-org:v3\"><code code=\"48765-2\" codeSystem=\"2.16.840.1.113883.6.1\"/>"
            "<title>Allergies</title><text>Penicillin: hives</text></section>");
    writeIn(QStringLiteral("ccda"), QStringLiteral("empty.xml"),
            "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><structuredBody/></component>"
            "</ClinicalDocument>");
    writeIn(QStringLiteral("fhir"), QStringLiteral("bundle.json"),
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"code\":{\"coding\":[{\"system\":"
            "\"http://snomed.info/sct\",\"code\":\"38341003\",\"display\":\"Hypertension\"}]}}}]}");
    const Run run =
        runDesk(home, {QStringLiteral("conformance"), home.filePath(QStringLiteral("samples"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);
    QVERIFY2(lines.at(0).contains(QStringLiteral("good.270")), qPrintable(run.out));
    QVERIFY(lines.at(1).contains(QStringLiteral("truncated.271")));
    QCOMPARE(lines.at(2), QStringLiteral("2 passed, 0 failed"));
    QVERIFY2(lines.at(3).startsWith(QLatin1String("ok    ccda/allergy.xml")), qPrintable(run.out));
    QVERIFY2(lines.at(4).startsWith(QLatin1String("FAIL  ccda/empty.xml")), qPrintable(run.out));
    QVERIFY2(lines.at(5).startsWith(QLatin1String("ok    fhir/bundle.json")), qPrintable(run.out));
    QVERIFY(lines.at(5).contains(QLatin1String("problem 1")));
    QCOMPARE(lines.last(), QStringLiteral("4 passed, 1 failed (X12, C-CDA and FHIR)"));
}

void TestHeadless::generateLargeData()
{
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("big"));
    const Run run = runDesk(home, {QStringLiteral("generate"), QStringLiteral("--data-dir"), dir,
                                   QStringLiteral("--patients"), QStringLiteral("400"),
                                   QStringLiteral("--verifications"), QStringLiteral("600"),
                                   QStringLiteral("--days"), QStringLiteral("5")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString path = QDir(dir).filePath(QStringLiteral("clinicdesk-training.sqlite"));
    QVERIFY(QFileInfo::exists(path));
    // A second run refuses to write over it.
    QCOMPARE(runDesk(home, {QStringLiteral("generate"), QStringLiteral("--data-dir"), dir,
                            QStringLiteral("--patients"), QStringLiteral("5")})
                 .exitCode,
             1);
    QCOMPARE(runDesk(home, {QStringLiteral("generate"), QStringLiteral("--patients"),
                            QStringLiteral("5")})
                 .exitCode,
             2);

    // What was generated, read the way the app reads (on a store worker).
    Store store(Store::Options{path, 1, QStringLiteral("generated"), TestSupport::trainingDeskKey(dir)});
    QVERIFY(TestSupport::await(store.open()).ok);
    struct Counts
    {
        int patients = -1;
        int verifications = 0;
        int readable271 = 0;
        int with270 = 0;
        int appointmentsToday = -1;
        int statuses = 0;
    };
    const Counts counts = TestSupport::await(store.read([](const QString &connection) {
        Counts c;
        c.patients = PatientRepository(connection).count().valueOr(-1);
        const auto all = VerificationRepository(connection)
                             .between(QDateTime::currentDateTimeUtc().addDays(-10),
                                      QDateTime::currentDateTimeUtc().addSecs(60), true);
        QSet<VerificationStatus> statuses;
        for (const Verification &v : all.valueOr({})) {
            ++c.verifications;
            statuses.insert(v.status);
            c.with270 += v.request.startsWith("ISA*") && v.request.contains("ST*270") ? 1 : 0;
            if (!v.response.isEmpty()) {
                const auto parsed = EligibilityResponseParser::parse(v.response);
                c.readable271 += parsed.ok() && parsed.results.size() == 1 &&
                                         parsed.results.first().traceNumber == v.traceNumber
                                     ? 1
                                     : 0;
            }
        }
        c.statuses = int(statuses.size());
        c.appointmentsToday =
            int(AppointmentRepository(connection).forDay(QDate::currentDate()).valueOr({}).size());
        return c;
    }));
    QCOMPARE(counts.patients, 400);
    QCOMPARE(counts.verifications, 600);
    QCOMPARE(counts.with270, 600);
    // Timeouts and outages have no 271; every answer there is reads back as the one asked.
    QVERIFY2(counts.readable271 >= 550, qPrintable(QString::number(counts.readable271)));
    QVERIFY(counts.statuses >= 3); // verified, needs review, failed at least
    QCOMPARE(counts.appointmentsToday, 150);

    // The desk starts on it.
    const Run shown = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                     QStringLiteral("1"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(shown.exitCode == 0 || shown.exitCode == 1, qPrintable(shown.out + shown.err));
    QVERIFY2(shown.out.contains(QStringLiteral(" | ")), qPrintable(shown.out + shown.err));
}

void TestHeadless::dataFilesAreOwnerOnly()
{
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("data-open"));
    QVERIFY(QDir().mkpath(dir));
    // An older version left them readable by everyone: tightened on the next start.
    QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup));
    const QString pdf = home.filePath(QStringLiteral("jane.pdf"));
    const Run run = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                   QStringLiteral("Jane"), QStringLiteral("--data-dir"), dir,
                                   QStringLiteral("--pdf"), pdf});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QCOMPARE(QFileInfo(dir).permissions() &
                 ~QFileDevice::Permissions(QFileDevice::ReadUser | QFileDevice::WriteUser |
                                           QFileDevice::ExeUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QDir data(dir);
    const QStringList files = data.entryList(QDir::Files);
    QVERIFY(files.contains(QStringLiteral("clinicdesk-training.sqlite")));
    for (const QString &name : files) {
        const auto permissions =
            QFileInfo(data.filePath(name)).permissions() &
            ~QFileDevice::Permissions(QFileDevice::ReadUser | QFileDevice::WriteUser);
        QVERIFY2(permissions == ownerOnly, qPrintable(name));
    }
    // The exported report holds PHI too.
    QCOMPARE(QFileInfo(pdf).permissions() &
                 ~QFileDevice::Permissions(QFileDevice::ReadUser | QFileDevice::WriteUser),
             ownerOnly);
}

// `clinicdesk audit verify` on the data folder of a desk that worked: the chain holds (exit 0,
// the head printed); after a row is edited by hand past the triggers it fails naming the row.
void TestHeadless::auditVerifyNamesTheBrokenRow()
{
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("data"));
    const Run worked = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                      QStringLiteral("Jane"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(worked.exitCode == 0, qPrintable(worked.out + worked.err));
    const Run sound = runDesk(home, {QStringLiteral("audit"), QStringLiteral("verify"),
                                     QStringLiteral("--data-dir"), dir});
    QVERIFY2(sound.exitCode == 0, qPrintable(sound.out + sound.err));
    const QRegularExpression holds(QStringLiteral("holds: (\\d+) rows"));
    const QRegularExpressionMatch rows = holds.match(sound.out);
    QVERIFY2(rows.hasMatch(), qPrintable(sound.out));
    QVERIFY(rows.captured(1).toInt() >= 2);
    QVERIFY2(QRegularExpression(QStringLiteral("hash: [0-9a-f]{64}")).match(sound.out).hasMatch(),
             qPrintable(sound.out));

    {
        Store store(Store::Options{QDir(dir).filePath(QStringLiteral("clinicdesk-training.sqlite")),
                                   1, QStringLiteral("tamper"), TestSupport::trainingDeskKey(dir)});
        QVERIFY(TestSupport::await(store.open()).ok);
        const QString error = TestSupport::await(store.write([](const QString &connection) {
            QSqlQuery query(Database::connection(connection));
            if (!query.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")) ||
                !query.exec(QStringLiteral("UPDATE audit_log SET user_name = 'mallory' WHERE id = 2")))
                return query.lastError().text();
            return QString();
        }));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const Run broken = runDesk(home, {QStringLiteral("audit"), QStringLiteral("verify"),
                                      QStringLiteral("--data-dir"), dir});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.out.contains(QStringLiteral("is broken. Row 2 was changed after it was written")),
             qPrintable(broken.out));

    const Run nowhere = runDesk(home, {QStringLiteral("audit"), QStringLiteral("verify"),
                                       QStringLiteral("--data-dir"),
                                       home.filePath(QStringLiteral("empty"))});
    QCOMPARE(nowhere.exitCode, 3);
    QVERIFY2(nowhere.err.contains(QStringLiteral("There is no ClinicDesk database")),
             qPrintable(nowhere.err));
}

void TestHeadless::plaintextDatabaseIsEncryptedOnStart()
{
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("upgraded"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(QStringLiteral("clinicdesk-training.sqlite"));
    const QString surname = QStringLiteral("Varga-Oldfile");
    {
        // As an earlier ClinicDesk left it: plaintext, with a patient.
        Store store(Store::Options{path, 1, QStringLiteral("earlier")});
        QVERIFY(TestSupport::await(store.open()).ok);
        const bool saved = TestSupport::await(store.write([surname](const QString &connection) {
            Patient patient;
            patient.firstName = QStringLiteral("Philomena");
            patient.lastName = surname;
            patient.dateOfBirth = QDate(1961, 3, 4);
            return bool(PatientRepository(connection).save(patient));
        }));
        QVERIFY(saved);
    }
    QCOMPARE(DatabaseEncryption::stateOf(path), DatabaseEncryption::FileState::Plaintext);

    const Run run = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                   QStringLiteral("Philomena"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY2((run.out + run.err).contains(surname), qPrintable(run.out + run.err)); // found her

    QCOMPARE(DatabaseEncryption::stateOf(path), DatabaseEncryption::FileState::Encrypted);
    QVERIFY(!QFileInfo::exists(DatabaseEncryption::backupPath(path)));
    const QByteArray key = TestSupport::trainingDeskKey(dir);
    QCOMPARE(key.size(), 64);
    for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::Files)) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(surname.toUtf8()), qPrintable(info.fileName()));
    }
    // Still hers, read with the key; the audit trail verifies through the key too.
    Store store(Store::Options{path, 1, QStringLiteral("upgraded"), key});
    QVERIFY(TestSupport::await(store.open()).ok);
    const auto found = TestSupport::await(store.read([](const QString &connection) {
        return PatientRepository(connection).all();
    }));
    QVERIFY(found);
    QVERIFY(std::any_of(found->cbegin(), found->cend(),
                        [&](const Patient &p) { return p.lastName == surname; }));
    const Run audit = runDesk(home, {QStringLiteral("audit"), QStringLiteral("verify"),
                                     QStringLiteral("--data-dir"), dir});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
    // Without the key file the desk does not start, and says why.
    QVERIFY(QFile::rename(QDir(dir).filePath(QStringLiteral("database.key")),
                          QDir(dir).filePath(QStringLiteral("database.key.moved"))));
    const Run keyless = runDesk(home, {QStringLiteral("audit"), QStringLiteral("verify"),
                                       QStringLiteral("--data-dir"), dir});
    QCOMPARE(keyless.exitCode, 3);
    QVERIFY2(keyless.err.contains(QStringLiteral("database.key")), qPrintable(keyless.err));
    const Run window = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                      QStringLiteral("Philomena"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(window.exitCode, 1);
    QVERIFY2(window.err.contains(QStringLiteral("database.key")), qPrintable(window.err));
    // No new key was made in its place: putting the file back is all it takes.
    QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("database.key"))));
}

void TestHeadless::clinicDatabaseNeedsThePassphrase()
{
    // A clinic's desk (a clearinghouse configured): its key is wrapped by the clinic's
    // passphrase, which headless commands read from CLINICDESK_DB_PASSPHRASE.
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("clinic"));
    const auto run = [&](const QString &passphrase) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("CLINICDESK_DB_PASSPHRASE"));
        if (!passphrase.isEmpty())
            env.insert(QStringLiteral("CLINICDESK_DB_PASSPHRASE"), passphrase);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CLINICDESK_BINARY),
                      {QStringLiteral("verify"), QStringLiteral("--patient"),
                       QStringLiteral("Nobody"), QStringLiteral("--data-dir"), dir,
                       QStringLiteral("--clearinghouse-url"), QStringLiteral("http://127.0.0.1:9/x12")});
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    const QString database = QDir(dir).filePath(QStringLiteral("clinicdesk.sqlite"));
    const QString keyFile = QDir(dir).filePath(QStringLiteral("database-key.json"));

    const auto [noneCode, noneErr] = run({});
    QCOMPARE(noneCode, 1);
    QVERIFY2(noneErr.contains(QStringLiteral("CLINICDESK_DB_PASSPHRASE")), qPrintable(noneErr));
    QVERIFY(!QFileInfo::exists(keyFile));

    const QString passphrase = QStringLiteral("tuesday lilac harbor 42");
    const auto [firstCode, firstErr] = run(passphrase);
    QVERIFY2(firstErr.contains(QStringLiteral("Nobody")), qPrintable(firstErr)); // it searched
    QVERIFY(QFileInfo::exists(keyFile));
    QCOMPARE(DatabaseEncryption::stateOf(database), DatabaseEncryption::FileState::Encrypted);

    QFile file(database);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();
    const auto [wrongCode, wrongErr] = run(QStringLiteral("tuesday lilac harbor 43"));
    QCOMPARE(wrongCode, 1);
    QVERIFY2(wrongErr.contains(QStringLiteral("passphrase is wrong")), qPrintable(wrongErr));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
    QVERIFY2(run(passphrase).second.contains(QStringLiteral("Nobody")), "the right one still opens it");
}

void TestHeadless::clinicDeskKeepsItsKeyInTheKeychain()
{
    // Where the session has a keychain (here a real GNOME Keyring on a private bus), the key the
    // passphrase unwrapped is kept there, and the next start opens the database without it.
    TestSupport::KeyringSession keyring;
    QVERIFY2(keyring.isStarted(), qPrintable(keyring.error()));
    const auto restore = qScopeGuard([] {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("CLINICDESK_KEYCHAIN", "off");
    });
    const QString notReady = keyring.useInThisProcess();
    QVERIFY2(notReady.isEmpty(), qPrintable(notReady));

    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("clinic"));
    const auto run = [&](const QString &passphrase, bool withKeychain) {
        QProcess process;
        QProcessEnvironment env = keyring.environment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("CLINICDESK_DB_PASSPHRASE"));
        if (!passphrase.isEmpty())
            env.insert(QStringLiteral("CLINICDESK_DB_PASSPHRASE"), passphrase);
        if (!withKeychain)
            env.insert(QStringLiteral("CLINICDESK_KEYCHAIN"), QStringLiteral("off"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CLINICDESK_BINARY),
                      {QStringLiteral("verify"), QStringLiteral("--patient"),
                       QStringLiteral("Nobody"), QStringLiteral("--data-dir"), dir,
                       QStringLiteral("--clearinghouse-url"), QStringLiteral("http://127.0.0.1:9/x12")});
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    const QString database = QDir(dir).filePath(QStringLiteral("clinicdesk.sqlite"));
    const QString entry = QStringLiteral("database-key:") + QFileInfo(database).absoluteFilePath();
    const QString passphrase = QStringLiteral("orchard lantern quietly 7");

    const auto [firstCode, firstErr] = run(passphrase, true);
    QVERIFY2(firstErr.contains(QStringLiteral("Nobody")), qPrintable(firstErr)); // it searched
    const Keychain::Result kept = Keychain::read(entry);
    QVERIFY2(kept.ok(), qPrintable(kept.error));
    const DatabaseKey::Result unwrapped =
        DatabaseKey::unwrap(QDir(dir).filePath(QStringLiteral("database-key.json")), passphrase);
    QVERIFY(unwrapped.ok());
    QCOMPARE(kept.value, unwrapped.keyHex); // the database's own key, not another

    // No passphrase: the keychain opens it. Without the keychain, the passphrase is needed.
    const auto [keptCode, keptErr] = run({}, true);
    QVERIFY2(keptErr.contains(QStringLiteral("Nobody")), qPrintable(keptErr));
    const auto [offCode, offErr] = run({}, false);
    QCOMPARE(offCode, 1);
    QVERIFY2(offErr.contains(QStringLiteral("CLINICDESK_DB_PASSPHRASE")), qPrintable(offErr));

    // A key in the keychain that does not open this database: refused, removed, nothing changed.
    QFile file(database);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();
    QVERIFY(Keychain::write(entry, DatabaseKey::generate()).ok());
    const auto [staleCode, staleErr] = run({}, true);
    QCOMPARE(staleCode, 1);
    QVERIFY2(staleErr.contains(QStringLiteral("removed from the keychain")), qPrintable(staleErr));
    QCOMPARE(Keychain::read(entry).status, Keychain::Status::NotFound);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
    file.close();

    // The passphrase puts the right key back.
    QVERIFY(run(passphrase, true).second.contains(QStringLiteral("Nobody")));
    QCOMPARE(Keychain::read(entry).value, unwrapped.keyHex);
}

void TestHeadless::windowStartsAndShowsItsData()
{
    // The window (offscreen here) comes up, then fills its lists from the store's workers.
    QTemporaryDir home;
    const Run run =
        runDesk(home, {QStringLiteral("--quit-after-show"), QStringLiteral("--data-dir"),
                       home.filePath(QStringLiteral("d")), QStringLiteral("--user"),
                       QStringLiteral("frontdesk1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const int shown = run.out.indexOf(QStringLiteral("main window shown after"));
    const int filled = run.out.indexOf(QStringLiteral("first patients and schedule shown after"));
    QVERIFY2(shown >= 0 && filled > shown, qPrintable(run.out));
    QVERIFY2(!run.err.contains(QStringLiteral("SQL on the main thread")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
