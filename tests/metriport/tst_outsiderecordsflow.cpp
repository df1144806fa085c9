// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The whole flow against the sandbox's Metriport, through our hub, as training runs it: link a
// patient (and see a second local chart matched to the same network patient refused), Get
// Outside Records, the signed webhooks through the hub to the desk's feed, the documents
// fetched and stored, the consolidated data, and the clinical summary; then the same without a
// hub, by polling alone; and a consolidated query the network refuses, said with nothing lost.
#include "common/trainingenvironment.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/metriportclient.h"
#include "services/metriport/metriportevents.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/liveeventrepository.h"
#include "services/store/outsiderecordrepository.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {
const QByteArray token = "flow-token";

//! The desk's side: the Metriport client, the fetcher, the services, and (with a hub) the feed.
struct Desk
{
    Desk(TrainingEnvironment &env, const QUrl &sandbox, const QByteArray &apiKey, const QUrl &feed)
    {
        MetriportClient::Config config;
        config.baseUrl = sandbox;
        config.apiKey = QString::fromUtf8(apiKey);
        config.timeoutMs = 5000;
        client = std::make_unique<MetriportClient>(&env.network(), config);
        fetcher = std::make_unique<DocumentFetcher>(&env.store(), client.get());
        fetcher->setParser(&MedicalRecordService::describe);
        OutsideRecordsService::Config records;
        records.facility.name = QStringLiteral("Springfield Family Clinic");
        records.facility.npi = QStringLiteral("1234567893");
        records.facility.address = {QStringLiteral("400 Main Street"), {}, QStringLiteral("Springfield"),
                                    QStringLiteral("OR"), QStringLiteral("97477"), QStringLiteral("USA")};
        records.pollIntervalMs = 300;
        outside = std::make_unique<OutsideRecordsService>(&env.store(), client.get(), fetcher.get(),
                                                          QStringLiteral("tester"), records);
        medical = std::make_unique<MedicalRecordService>(&env.store(), outside.get());
        if (feed.isValid()) {
            LiveFeed::Options options;
            options.url = feed;
            options.token = token;
            options.device = QStringLiteral("desk-flow");
            live = std::make_unique<LiveFeed>(&env.store(), options);
            MetriportEvents::connectToFeed(live.get(), outside.get(), &env.store());
            live->start();
        }
        outside->start();
    }
    ~Desk()
    {
        live.reset();
        medical.reset();
        outside.reset();
        fetcher.reset();
        client.reset();
    }

    std::unique_ptr<MetriportClient> client;
    std::unique_ptr<DocumentFetcher> fetcher;
    std::unique_ptr<OutsideRecordsService> outside;
    std::unique_ptr<MedicalRecordService> medical;
    std::unique_ptr<LiveFeed> live;
};

Patient patient(TrainingEnvironment &env, const QString &firstName)
{
    return env.read([id = env.patientId(firstName)](const QString &connection) {
        return PatientRepository(connection).find(id).valueOr({}).value_or(Patient{});
    });
}

QList<ClinicalDocument> documentsOf(TrainingEnvironment &env, qint64 patientId)
{
    return env.read([patientId](const QString &connection) {
        return OutsideRecordRepository(connection).documents(patientId).valueOr({});
    });
}

int storedCount(const QList<ClinicalDocument> &documents)
{
    return int(std::count_if(documents.cbegin(), documents.cend(),
                             [](const ClinicalDocument &d) { return d.isStored(); }));
}

bool hasCode(const QList<SummaryItem> &items, const QString &code)
{
    for (const SummaryItem &item : items) {
        if (item.entry.code.code == code)
            return true;
        for (const ClinicalCode &translation : item.entry.code.translations) {
            if (translation.code == code)
                return true;
        }
    }
    return false;
}
} // namespace

class TestOutsideRecordsFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void throughTheHub();
    void withoutAHubByPolling();
    void refusedConsolidatedQueryIsSaid();
};

void TestOutsideRecordsFlow::throughTheHub()
{
    QTemporaryDir dir;
    HubHost hub(HubHost::trainingConfig(dir.filePath(QStringLiteral("hub.sqlite")), token));
    QString error;
    QVERIFY2(hub.start(&error), qPrintable(error));
    SandboxServer::Options options;
    options.hubUrl = hub.baseUrl();
    options.metriportWebhookKey = hub.config().metriportWebhookKey;
    options.metriport.documentQueryDelayMs = 300;
    options.metriport.conversionDelayMs = 200;
    options.metriport.consolidatedDelayMs = 200;
    SandboxHost sandbox(options);
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    Desk desk(env, sandbox.baseUrl(), sandbox.metriportApiKey(), hub.feedUrl());
    QVERIFY(QTest::qWaitFor([&] { return desk.live->state() == LiveFeed::State::Connected; }, 10000));

    const Patient jane = patient(env, QStringLiteral("Jane"));
    QVERIFY(jane.id > 0);
    QSignalSpy linked(desk.outside.get(), &OutsideRecordsService::linkFinished);
    desk.outside->linkPatient(jane);
    QVERIFY(linked.wait(15000));
    QCOMPARE(linked.last().at(3).toString(), QString());
    const NetworkLink link = linked.last().at(1).value<NetworkLink>();
    QVERIFY(!link.metriportPatientId.isEmpty());
    QVERIFY(!link.matchedExisting);

    // A second local chart for the same person: the network answers with Jane, and the link
    // is refused as a duplicate to resolve, naming Jane's record.
    Patient copy = jane;
    copy.id = 0;
    copy.mrn.clear();
    copy.firstName = QStringLiteral("JANE");
    const Patient saved = TestSupport::await(env.patients().registerPatient(copy)).valueOr({});
    QVERIFY(saved.id > 0);
    desk.outside->linkPatient(saved);
    QVERIFY(linked.wait(15000));
    const QString refused = linked.last().at(3).toString();
    QVERIFY2(refused.contains(QString::number(jane.id)), qPrintable(refused));

    // Get Outside Records: six documents and the consolidated data arrive through the hub.
    QSignalSpy status(desk.outside.get(), &OutsideRecordsService::syncStatusChanged);
    desk.outside->getOutsideRecords(jane);
    QVERIFY(QTest::qWaitFor([&] { return storedCount(documentsOf(env, jane.id)) >= 7; }, 30000));
    const QList<ClinicalDocument> documents = documentsOf(env, jane.id);
    QCOMPARE(documents.size(), 7);
    int pdfs = 0, images = 0, consolidated = 0;
    for (const ClinicalDocument &document : documents) {
        QVERIFY2(document.isStored(), qPrintable(document.lastError));
        QCOMPARE(document.sha256.size(), 64);
        const QJsonObject parsed = QJsonDocument::fromJson(document.parsed.toUtf8()).object();
        if (document.mimeType == QLatin1String("application/pdf"))
            ++pdfs;
        if (document.mimeType.startsWith(QLatin1String("image/")))
            ++images;
        if (document.kind == ClinicalDocumentKind::Consolidated) {
            ++consolidated;
            QCOMPARE(parsed.value(QStringLiteral("format")).toString(), QStringLiteral("fhir"));
            QVERIFY(parsed.value(QStringLiteral("problem")).toInt() > 0);
        }
        if (document.fileName.endsWith(QLatin1String(".xml"))) {
            QCOMPARE(parsed.value(QStringLiteral("format")).toString(), QStringLiteral("ccda"));
            QVERIFY(parsed.value(QStringLiteral("medication")).toInt() > 0);
        }
    }
    QCOMPARE(pdfs, 3);
    QCOMPARE(images, 2);
    QCOMPARE(consolidated, 1);

    // The announcements came as webhooks through the hub and were applied by the feed.
    const QList<LiveEventRecord> events = env.read([](const QString &connection) {
        return LiveEventRepository(connection).recent(1000).valueOr({});
    });
    QStringList applied;
    for (const LiveEventRecord &record : events) {
        if (record.status == LiveEventStatus::Applied)
            applied.append(record.event.eventType);
    }
    QVERIFY2(applied.contains(QStringLiteral("medical.document-download")), qPrintable(applied.join(u',')));
    QVERIFY(applied.contains(QStringLiteral("medical.consolidated-data")));

    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto link = env.read([id = jane.id](const QString &connection) {
                return OutsideRecordRepository(connection).link(id).valueOr({});
            });
            return link && link->status == NetworkSyncStatus::Completed;
        },
        15000));

    // The summary: Jane's depression, her medications, each line with its sources.
    const auto summary = TestSupport::await(desk.medical->summary(jane.id, QDate::currentDate()));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));
    QVERIFY(summary->documents >= 2);
    QVERIFY(hasCode(summary->problems, QStringLiteral("370143000")));
    QVERIFY(!summary->medications.isEmpty());
    QVERIFY(!summary->allergies.isEmpty() || !summary->noKnownAllergies.isEmpty());
    // The C-CDA and its FHIR conversion say the same problem: one line, two sources.
    for (const SummaryItem &item : summary->problems) {
        if (item.entry.code.code == QLatin1String("370143000"))
            QCOMPARE(item.sources.size(), 2);
    }

    // Opening a document reads it and audits the view.
    qint64 ccdaId = 0;
    for (const ClinicalDocument &document : documents) {
        if (document.fileName.endsWith(QLatin1String(".xml")))
            ccdaId = document.id;
    }
    const OpenedDocument opened = TestSupport::await(desk.medical->open(ccdaId));
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QCOMPARE(opened.format, OpenedDocument::Format::Ccda);
    QVERIFY(opened.read.ok());
    QVERIFY(opened.read.record.count(ClinicalKind::Problem) > 0);
    bool audited = false;
    for (const AuditEntry &entry : env.auditEntries())
        audited = audited || (entry.action == QLatin1String("document.view") && entry.entityId == ccdaId);
    QVERIFY(audited);
}

void TestOutsideRecordsFlow::withoutAHubByPolling()
{
    SandboxServer::Options options;
    options.metriport.documentQueryDelayMs = 300;
    options.metriport.conversionDelayMs = 200;
    SandboxHost sandbox(options); // no hub: every webhook fails, and nobody waits for one
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    Desk desk(env, sandbox.baseUrl(), sandbox.metriportApiKey(), {});

    const Patient kyla = patient(env, QStringLiteral("Kyla"));
    QVERIFY(kyla.id > 0);
    desk.outside->getOutsideRecords(kyla);
    QVERIFY(QTest::qWaitFor([&] { return storedCount(documentsOf(env, kyla.id)) >= 6; }, 30000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto link = env.read([id = kyla.id](const QString &connection) {
                return OutsideRecordRepository(connection).link(id).valueOr({});
            });
            return link && link->status == NetworkSyncStatus::Completed;
        },
        15000));
    const auto summary = TestSupport::await(desk.medical->summary(kyla.id, QDate::currentDate()));
    QVERIFY(summary.ok());
    QVERIFY(hasCode(summary->problems, QStringLiteral("38341003"))); // hypertension
    QVERIFY(hasCode(summary->problems, QStringLiteral("44054006"))); // type 2 diabetes
}

// A late medical.document-conversion for a patient the network has since deleted: the
// consolidated query is refused (404), and the refusal is said, with the documents kept.
void TestOutsideRecordsFlow::refusedConsolidatedQueryIsSaid()
{
    SandboxServer::Options options;
    options.metriport.documentQueryDelayMs = 200;
    options.metriport.conversionDelayMs = 100;
    SandboxHost sandbox(options);
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    Desk desk(env, sandbox.baseUrl(), sandbox.metriportApiKey(), {});

    const Patient jane = patient(env, QStringLiteral("Jane"));
    QVERIFY(jane.id > 0);
    desk.outside->getOutsideRecords(jane);
    auto linkOf = [&] {
        return env.read([id = jane.id](const QString &connection) {
            return OutsideRecordRepository(connection).link(id).valueOr({});
        });
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto link = linkOf();
            return link && link->status == NetworkSyncStatus::Completed;
        },
        30000));
    // Every persona document in (a C-CDA, three PDFs, two images), so that the count below
    // cannot move for any reason but a loss.
    QVERIFY(QTest::qWaitFor([&] { return storedCount(documentsOf(env, jane.id)) >= 6; }, 30000));
    const int stored = storedCount(documentsOf(env, jane.id));

    const auto link = linkOf();
    MetriportCall *removal = desk.client->deletePatient(link->metriportPatientId, link->facilityId);
    QSignalSpy removed(removal, &Job::finished);
    removal->start();
    QVERIFY(removed.wait(10000));
    QCOMPARE(removal->error(), Job::Error::NoError);

    QSignalSpy refused(desk.outside.get(), &OutsideRecordsService::consolidatedQueryFailed);
    QSignalSpy statuses(desk.outside.get(), &OutsideRecordsService::syncStatusChanged);
    desk.outside->onConversionFinished(jane.id);
    QVERIFY(refused.wait(10000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toLongLong(), jane.id);
    const QString said = refused.at(0).at(1).toString();
    QVERIFY2(said.contains(QLatin1String("could not be asked for")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("not found"), Qt::CaseInsensitive), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("documents are kept")), qPrintable(said));
    // Nothing lost: the documents are still stored, and the link is not marked failed.
    QCOMPARE(storedCount(documentsOf(env, jane.id)), stored);
    QCOMPARE(linkOf()->status, NetworkSyncStatus::Completed);
    QTest::qWait(200);
    QCOMPARE(refused.size(), 1); // said once
}

int main(int argc, char *argv[])
{
    // The personas' PDFs are printed with QPrinter: fonts need a QGuiApplication.
    QGuiApplication app(argc, argv);
    TestOutsideRecordsFlow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outsiderecordsflow.moc"
