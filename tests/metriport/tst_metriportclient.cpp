// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Metriport client against the sandbox's Metriport on loopback: every endpoint, refusals in
// words, retries, and the webhooks the sandbox signs, caught by a small receiver that checks
// the signature the way the hub does.
#include "services/common/webhooksignature.h"
#include "services/metriport/metriportclient.h"
#include "services/sandbox/sandboxserver.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

const QByteArray apiKey = QByteArrayLiteral("test-metriport-key");
const QByteArray webhookKey = QByteArrayLiteral("V1StGXR8_Z5jdHi6B-myT");

//! Receives webhooks: checks the signature over the raw body, answers the ping's pong.
class Receiver
{
public:
    struct Message
    {
        QJsonObject body;
        bool signatureValid = false;
        QByteArray userAgent;
    };

    Receiver()
    {
        server.route(QStringLiteral("/webhook"), [this](const QHttpServerRequest &request) {
            Message message;
            message.body = QJsonDocument::fromJson(request.body()).object();
            QByteArray signature;
            for (const auto &[name, value] : request.headers()) {
                if (name.compare("x-metriport-signature", Qt::CaseInsensitive) == 0)
                    signature = value;
                if (name.compare("user-agent", Qt::CaseInsensitive) == 0)
                    message.userAgent = value;
            }
            message.signatureValid = MetriportSignature::verify(webhookKey, request.body(), signature);
            messages.append(message);
            if (message.body.contains(QStringLiteral("ping")))
                return QHttpServerResponse(QJsonObject{
                    {QStringLiteral("pong"), message.body.value(QStringLiteral("ping"))}});
            return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
        });
        port = server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port)); }
    QList<Message> ofType(const QString &type) const
    {
        QList<Message> out;
        for (const Message &message : messages) {
            if (message.body.value(QStringLiteral("meta")).toObject().value(QStringLiteral("type")).toString() == type)
                out.append(message);
        }
        return out;
    }

    QHttpServer server;
    quint16 port = 0;
    QList<Message> messages;
};

SandboxMetriportDocument document(const QString &id, const QString &fileName,
                                  const QString &mimeType, const QByteArray &bytes)
{
    SandboxMetriportDocument doc;
    doc.meta.id = id;
    doc.meta.fileName = fileName;
    doc.meta.description = fileName;
    doc.meta.mimeType = mimeType;
    doc.meta.size = bytes.size();
    doc.meta.indexed = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
    doc.meta.typeCode = QStringLiteral("34133-9");
    doc.meta.typeDisplay = QStringLiteral("Summary of episode note");
    doc.bytes = bytes;
    return doc;
}

MetriportJson::Demographics jane()
{
    MetriportJson::Demographics d;
    d.firstName = QStringLiteral("Jane");
    d.lastName = QStringLiteral("Smith");
    d.dob = QDate(1996, 2, 10);
    d.genderAtBirth = QStringLiteral("F");
    MetriportJson::Address address;
    address.addressLine1 = QStringLiteral("123 DustyDepot Ave");
    address.city = QStringLiteral("Springfield");
    address.state = QStringLiteral("OR");
    address.zip = QStringLiteral("97477");
    d.address = {address};
    d.contact = {{QStringLiteral("5035550100"), {}}};
    return d;
}

} // namespace

class TestMetriportClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void facilityNpiCheckedBeforeSending();
    void createReturnsTheExistingPatient();
    void updateNeedsTheCurrentETag();
    void listFollowsPages();
    void matchFindsOrSaysNone();
    void refusalsAreSentences();
    void wrongKeyIsNamed();
    void patientCap();
    void busyAndServerErrorsAreRetried();
    void documentQuerySendsSignedWebhooks();
    void downloadUrlsExpire();
    void consolidatedDataArrivesByWebhook();
    void networkQueryOneWebhookPerSource();
    void failedWebhooksWaitForRetry();
    void demographicsOfALocalPatient();

private:
    MetriportCall *run(MetriportCall *call);
    QString createFacility();

    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<MetriportClient> m_client;
    QList<MetriportCall *> m_calls;
};

void TestMetriportClient::init()
{
    m_receiver = std::make_unique<Receiver>();
    QVERIFY(m_receiver->port != 0);
    SandboxServer::Options options;
    options.metriport.apiKey = apiKey;
    options.metriport.webhookKey = webhookKey;
    options.metriport.webhookUrl = m_receiver->url();
    options.metriport.patientCap = 4;
    options.metriport.documentQueryDelayMs = 50;
    options.metriport.conversionDelayMs = 50;
    options.metriport.consolidatedDelayMs = 50;
    options.metriport.networkQueryDelayMs = 50;
    options.metriport.downloadUrlTtlMs = 400;
    m_sandbox = std::make_unique<SandboxServer>(options);
    QVERIFY(m_sandbox->listen());
    m_sandbox->metriport()->setDocumentSource([](const QString &firstName) {
        QList<SandboxMetriportDocument> documents;
        if (firstName.compare(QLatin1String("jane"), Qt::CaseInsensitive) == 0) {
            documents.append(document(QStringLiteral("doc-1"), QStringLiteral("jane-ccd.xml"),
                                      QStringLiteral("application/xml"),
                                      QByteArrayLiteral("<ClinicalDocument/>")));
            documents.append(document(QStringLiteral("doc-2"), QStringLiteral("jane-lab.pdf"),
                                      QStringLiteral("application/pdf"),
                                      QByteArrayLiteral("%PDF-1.4 test\n%%EOF")));
        }
        return documents;
    });
    m_sandbox->metriport()->setConverter(
        [](const QByteArray &ccda, const QString &patientId, QString *error)
            -> std::optional<QByteArray> {
            if (!ccda.contains("ClinicalDocument")) {
                *error = QStringLiteral("not a C-CDA");
                return std::nullopt;
            }
            const QJsonObject condition{{QStringLiteral("resourceType"), QStringLiteral("Condition")},
                                        {QStringLiteral("id"), QStringLiteral("c1")},
                                        {QStringLiteral("subject"),
                                         QJsonObject{{QStringLiteral("reference"),
                                                      QStringLiteral("Patient/") + patientId}}}};
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                   {QStringLiteral("type"), QStringLiteral("batch")},
                                   {QStringLiteral("entry"),
                                    QJsonArray{QJsonObject{{QStringLiteral("resource"), condition}}}}})
                .toJson(QJsonDocument::Compact);
        });
    MetriportClient::Config config;
    config.baseUrl = m_sandbox->baseUrl();
    config.apiKey = QString::fromUtf8(apiKey);
    config.timeoutMs = 5000;
    config.policy.baseDelay = RetryPolicy::Ms(20);
    config.policy.maxDelay = RetryPolicy::Ms(1500);
    m_client = std::make_unique<MetriportClient>(&m_network, config);
}

void TestMetriportClient::cleanup()
{
    qDeleteAll(m_calls);
    m_calls.clear();
    m_client.reset();
    m_sandbox.reset();
    m_receiver.reset();
}

MetriportCall *TestMetriportClient::run(MetriportCall *call)
{
    call->setAutoDelete(false);
    m_calls.append(call);
    QSignalSpy done(call, &Job::finished);
    call->start();
    if (done.isEmpty())
        done.wait(15000);
    if (done.isEmpty())
        qWarning("call did not finish");
    return call;
}

QString TestMetriportClient::createFacility()
{
    MetriportJson::Facility facility;
    facility.name = QStringLiteral("Springfield Family Clinic");
    facility.npi = QStringLiteral("1234567893");
    facility.address.addressLine1 = QStringLiteral("1 Main St");
    facility.address.city = QStringLiteral("Springfield");
    facility.address.state = QStringLiteral("OR");
    facility.address.zip = QStringLiteral("97477");
    MetriportCall *call = run(m_client->createFacility(facility));
    if (call->error() != Job::Error::NoError)
        return {};
    return call->object().value(QStringLiteral("id")).toString();
}

void TestMetriportClient::facilityNpiCheckedBeforeSending()
{
    MetriportJson::Facility bad;
    bad.name = QStringLiteral("Docs Example");
    bad.npi = QStringLiteral("1234567891"); // the docs' sample, which fails the check digit
    MetriportCall *refused = run(m_client->createFacility(bad));
    QCOMPARE(refused->error(), Job::Error::InvalidRequest);
    QVERIFY(refused->errorString().contains(QLatin1String("1234567891")));
    QCOMPARE(refused->tries(), 0);

    const QString id = createFacility();
    QVERIFY(!id.isEmpty());
    MetriportCall *read = run(m_client->facility(id));
    QCOMPARE(read->error(), Job::Error::NoError);
    const auto facility = MetriportJson::facilityFromJson(read->object(), nullptr);
    QVERIFY(facility);
    QCOMPARE(facility->npi, QStringLiteral("1234567893"));
    QVERIFY(!facility->oid.isEmpty());
    MetriportCall *list = run(m_client->facilities());
    QCOMPARE(list->object().value(QStringLiteral("facilities")).toArray().size(), 1);
    MetriportCall *missing = run(m_client->facility(QStringLiteral("nope")));
    QCOMPARE(missing->error(), Job::Error::Rejected);
    QCOMPARE(missing->httpStatus(), 404);
}

void TestMetriportClient::createReturnsTheExistingPatient()
{
    const QString facilityId = createFacility();
    MetriportCall *first = run(m_client->createPatient(facilityId, jane(), QStringLiteral("MRN1")));
    QCOMPARE(first->error(), Job::Error::NoError);
    QCOMPARE(first->httpStatus(), 201);
    const auto created = MetriportJson::patientFromJson(first->object(), nullptr);
    QVERIFY(created);
    QCOMPARE(created->externalId, QStringLiteral("MRN1"));

    // Same person, typed differently: Metriport answers 201 with the existing patient.
    MetriportJson::Demographics again = jane();
    again.firstName = QStringLiteral("JANE");
    again.address.first().addressLine1 = QStringLiteral("123 Dustydepot Ave.");
    MetriportCall *second = run(m_client->createPatient(facilityId, again, QStringLiteral("MRN9")));
    QCOMPARE(second->httpStatus(), 201);
    const auto existing = MetriportJson::patientFromJson(second->object(), nullptr);
    QVERIFY(existing);
    QCOMPARE(existing->id, created->id);
    QCOMPARE(existing->externalId, QStringLiteral("MRN1"));

    // A twin (same DOB, another first name) is somebody else. (Metriport's mean lets a near
    // name through when everything else is equal: "Joan" would score 0.969 against "Jane".)
    MetriportJson::Demographics twin = jane();
    twin.firstName = QStringLiteral("Mary");
    MetriportCall *third = run(m_client->createPatient(facilityId, twin, QStringLiteral("MRN2")));
    QCOMPARE(third->error(), Job::Error::NoError);
    QVERIFY(third->object().value(QStringLiteral("id")).toString() != created->id);

    MetriportCall *read = run(m_client->patient(created->id));
    QCOMPARE(read->object().value(QStringLiteral("firstName")).toString(), QStringLiteral("Jane"));
}

void TestMetriportClient::updateNeedsTheCurrentETag()
{
    const QString facilityId = createFacility();
    MetriportCall *created = run(m_client->createPatient(facilityId, jane(), {}));
    const auto patient = MetriportJson::patientFromJson(created->object(), nullptr);
    QVERIFY(patient);
    MetriportJson::Demographics changed = jane();
    changed.lastName = QStringLiteral("Smith-Jones");
    MetriportCall *updated = run(
        m_client->updatePatient(patient->id, facilityId, changed, {}, patient->eTag));
    QCOMPARE(updated->error(), Job::Error::NoError);
    QCOMPARE(updated->object().value(QStringLiteral("lastName")).toString(),
             QStringLiteral("Smith-Jones"));
    QVERIFY(updated->object().value(QStringLiteral("eTag")).toString() != patient->eTag);

    MetriportCall *stale = run(
        m_client->updatePatient(patient->id, facilityId, jane(), {}, patient->eTag));
    QCOMPARE(stale->error(), Job::Error::Rejected);
    QCOMPARE(stale->httpStatus(), 412);
    QVERIFY2(stale->errorString().contains(QLatin1String("changed in the network")),
             qPrintable(stale->errorString()));
    QCOMPARE(stale->tries(), 1); // a refusal is never tried again

    MetriportCall *removed = run(m_client->deletePatient(patient->id, facilityId));
    QCOMPARE(removed->error(), Job::Error::NoError);
    QCOMPARE(removed->httpStatus(), 204);
    QCOMPARE(run(m_client->patient(patient->id))->httpStatus(), 404);
}

void TestMetriportClient::listFollowsPages()
{
    const QString facilityId = createFacility();
    const QStringList names{QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cy"),
                            QStringLiteral("Di")};
    for (int i = 0; i < names.size(); ++i) {
        MetriportJson::Demographics d = jane();
        d.firstName = names[i];
        d.dob = QDate(1980, 1, 1 + i);
        QCOMPARE(run(m_client->createPatient(facilityId, d, {}))->error(), Job::Error::NoError);
    }
    QStringList seen;
    QUrl next;
    int pages = 0;
    do {
        MetriportCall *page = run(m_client->listPatients(facilityId, {}, 3, next));
        QCOMPARE(page->error(), Job::Error::NoError);
        const QJsonObject body = page->object();
        for (const QJsonValue &value : body.value(QStringLiteral("patients")).toArray())
            seen.append(value.toObject().value(QStringLiteral("firstName")).toString());
        next = QUrl(body.value(QStringLiteral("meta")).toObject().value(QStringLiteral("nextPage")).toString());
        ++pages;
    } while (next.isValid() && !next.isEmpty() && pages < 5);
    QCOMPARE(pages, 2);
    QCOMPARE(seen, names);

    MetriportCall *filtered = run(m_client->listPatients(facilityId, QStringLiteral("bob"), 50));
    QCOMPARE(filtered->object().value(QStringLiteral("patients")).toArray().size(), 1);

    // A next page on another host is not followed with our key.
    MetriportCall *elsewhere =
        run(m_client->listPatients(facilityId, {}, 3, QUrl(QStringLiteral("http://example.invalid/p"))));
    QCOMPARE(elsewhere->error(), Job::Error::InvalidRequest);
}

void TestMetriportClient::matchFindsOrSaysNone()
{
    const QString facilityId = createFacility();
    MetriportCall *created = run(m_client->createPatient(facilityId, jane(), {}));
    MetriportCall *found = run(m_client->matchPatient(jane()));
    QCOMPARE(found->error(), Job::Error::NoError);
    QCOMPARE(found->object().value(QStringLiteral("id")), created->object().value(QStringLiteral("id")));
    MetriportJson::Demographics other = jane();
    other.dob = QDate(1996, 2, 11);
    MetriportCall *none = run(m_client->matchPatient(other));
    QCOMPARE(none->error(), Job::Error::Rejected);
    QCOMPARE(none->httpStatus(), 404);
}

void TestMetriportClient::refusalsAreSentences()
{
    const QString facilityId = createFacility();
    MetriportJson::Demographics placeholder = jane();
    placeholder.address.first().zip = QStringLiteral("12345");
    MetriportCall *refused = run(m_client->createPatient(facilityId, placeholder, {}));
    QCOMPARE(refused->error(), Job::Error::Rejected);
    QCOMPARE(refused->httpStatus(), 400);
    QVERIFY2(refused->errorString().startsWith(QLatin1String("Metriport refused to create the patient: ")),
             qPrintable(refused->errorString()));
    QVERIFY(refused->errorString().contains(QLatin1String("12345")));
    MetriportCall *noFacility = run(m_client->createPatient(QStringLiteral("nowhere"), jane(), {}));
    QCOMPARE(noFacility->httpStatus(), 404);
    QVERIFY(noFacility->errorString().contains(QLatin1String("Facility not found")));
}

void TestMetriportClient::wrongKeyIsNamed()
{
    MetriportClient::Config config = m_client->config();
    config.apiKey = QStringLiteral("wrong");
    m_client->setConfig(config);
    MetriportCall *call = run(m_client->facilities());
    QCOMPARE(call->error(), Job::Error::Rejected);
    QCOMPARE(call->httpStatus(), 401);
    QVERIFY(call->errorString().contains(QLatin1String("API key")));
}

void TestMetriportClient::patientCap()
{
    const QString facilityId = createFacility();
    for (int i = 0; i < 4; ++i) {
        MetriportJson::Demographics d = jane();
        d.dob = QDate(1970 + i, 5, 5);
        QCOMPARE(run(m_client->createPatient(facilityId, d, {}))->error(), Job::Error::NoError);
    }
    MetriportJson::Demographics fifth = jane();
    fifth.dob = QDate(1990, 5, 5);
    MetriportCall *refused = run(m_client->createPatient(facilityId, fifth, {}));
    QCOMPARE(refused->httpStatus(), 400);
    QVERIFY2(refused->errorString().contains(QLatin1String("Cannot create more than 4 patients")),
             qPrintable(refused->errorString()));
    // The cap does not stop a create that matches someone already there.
    MetriportJson::Demographics again = jane();
    again.dob = QDate(1970, 5, 5);
    QCOMPARE(run(m_client->createPatient(facilityId, again, {}))->error(), Job::Error::NoError);
}

void TestMetriportClient::busyAndServerErrorsAreRetried()
{
    QNetworkAccessManager network;
    auto setFaults = [&](int busy, int errors) {
        QNetworkRequest request(m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("/sandbox/metriport/faults"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(
            request, QJsonDocument(QJsonObject{{QStringLiteral("busyCount"), busy},
                                               {QStringLiteral("serverErrorCount"), errors}})
                         .toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        reply->deleteLater();
    };
    setFaults(1, 1);
    MetriportCall *call = run(m_client->facilities());
    QCOMPARE(call->error(), Job::Error::NoError);
    QCOMPARE(call->tries(), 3); // 429 (after its Retry-After of 1 s), 503, then the answer

    MetriportClient::Config once = m_client->config();
    once.policy.maxTries = 1;
    m_client->setConfig(once);
    setFaults(1, 0);
    MetriportCall *busy = run(m_client->facilities());
    QCOMPARE(busy->error(), Job::Error::Busy);
    QVERIFY2(busy->errorString().contains(QLatin1String("limiting")), qPrintable(busy->errorString()));
    setFaults(0, 1);
    MetriportCall *down = run(m_client->facilities());
    QCOMPARE(down->error(), Job::Error::ServerError);
}

void TestMetriportClient::documentQuerySendsSignedWebhooks()
{
    const QString facilityId = createFacility();
    MetriportCall *created = run(m_client->createPatient(facilityId, jane(), QStringLiteral("MRN1")));
    const QString patientId = created->object().value(QStringLiteral("id")).toString();
    const QJsonObject metadata{{QStringLiteral("desk"), QStringLiteral("front-1")}};
    MetriportCall *started = run(m_client->startDocumentQuery(patientId, facilityId, metadata));
    QCOMPARE(started->error(), Job::Error::NoError);
    const auto progress = MetriportJson::documentQueryStatusFromJson(started->object());
    QCOMPARE(progress.download.status, QStringLiteral("processing"));
    QVERIFY(!progress.requestId.isEmpty());
    // A second start while it runs returns the same query.
    MetriportCall *repeat = run(m_client->startDocumentQuery(patientId, facilityId));
    QCOMPARE(MetriportJson::documentQueryStatusFromJson(repeat->object()).requestId, progress.requestId);

    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.document-conversion")).size(), 1, 5000);
    const auto downloads = m_receiver->ofType(QStringLiteral("medical.document-download"));
    QCOMPARE(downloads.size(), 1);
    const Receiver::Message &download = downloads.first();
    QVERIFY(download.signatureValid);
    QCOMPARE(download.userAgent, QByteArrayLiteral("Metriport API"));
    const QJsonObject meta = download.body.value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("requestId")).toString(), progress.requestId);
    QCOMPARE(meta.value(QStringLiteral("data")).toObject(), metadata);
    const QJsonObject patient = download.body.value(QStringLiteral("patients")).toArray().first().toObject();
    QCOMPARE(patient.value(QStringLiteral("patientId")).toString(), patientId);
    QCOMPARE(patient.value(QStringLiteral("externalId")).toString(), QStringLiteral("MRN1"));
    const QJsonArray documents = patient.value(QStringLiteral("documents")).toArray();
    QCOMPARE(documents.size(), 2);
    const auto first = MetriportJson::documentFromWebhook(documents.first().toObject(), nullptr);
    QVERIFY(first);
    QCOMPARE(first->fileName, QStringLiteral("jane-ccd.xml"));
    QCOMPARE(first->typeCode, QStringLiteral("34133-9"));

    MetriportCall *status = run(m_client->documentQueryStatus(patientId));
    const auto done = MetriportJson::documentQueryStatusFromJson(status->object());
    QCOMPARE(done.download.status, QStringLiteral("completed"));
    QCOMPARE(done.download.total, 2);
    QCOMPARE(done.convert.status, QStringLiteral("completed"));

    MetriportCall *list = run(m_client->listDocuments(patientId));
    const QJsonArray references = list->object().value(QStringLiteral("documents")).toArray();
    QCOMPARE(references.size(), 2);
    const auto listed = MetriportJson::documentFromReference(references.at(1).toObject(), nullptr);
    QVERIFY(listed);
    QCOMPARE(listed->fileName, QStringLiteral("jane-lab.pdf"));
    QCOMPARE(listed->mimeType, QStringLiteral("application/pdf"));

    // A second query finds nothing new: the webhook announces no documents.
    QCOMPARE(run(m_client->startDocumentQuery(patientId, facilityId))->error(), Job::Error::NoError);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.document-download")).size(), 2, 5000);
    QCOMPARE(m_receiver->ofType(QStringLiteral("medical.document-download")).last().body
                 .value(QStringLiteral("patients")).toArray().first().toObject()
                 .value(QStringLiteral("documents")).toArray().size(), 0);
}

void TestMetriportClient::downloadUrlsExpire()
{
    const QString facilityId = createFacility();
    const QString patientId = run(m_client->createPatient(facilityId, jane(), {}))
                                  ->object().value(QStringLiteral("id")).toString();
    run(m_client->startDocumentQuery(patientId, facilityId));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.document-download")).size(), 1, 5000);
    MetriportCall *address = run(m_client->documentDownloadUrl(QStringLiteral("jane-lab.pdf")));
    QCOMPARE(address->error(), Job::Error::NoError);
    const QUrl url(address->object().value(QStringLiteral("url")).toString());
    QVERIFY(url.isValid());
    MetriportCall *bytes = run(m_client->download(url, QStringLiteral("download the document")));
    QCOMPARE(bytes->error(), Job::Error::NoError);
    QCOMPARE(bytes->body(), QByteArrayLiteral("%PDF-1.4 test\n%%EOF"));
    QTest::qWait(500); // past the test's 400 ms lifetime
    MetriportCall *late = run(m_client->download(url, QStringLiteral("download the document")));
    QCOMPARE(late->error(), Job::Error::Rejected);
    QCOMPARE(late->httpStatus(), 403);
    QCOMPARE(run(m_client->documentDownloadUrl(QStringLiteral("missing.xml")))->httpStatus(), 404);
}

void TestMetriportClient::consolidatedDataArrivesByWebhook()
{
    const QString facilityId = createFacility();
    const QString patientId = run(m_client->createPatient(facilityId, jane(), {}))
                                  ->object().value(QStringLiteral("id")).toString();
    run(m_client->startDocumentQuery(patientId, facilityId));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.document-conversion")).size(), 1, 5000);

    MetriportCall *started = run(m_client->startConsolidatedQuery(patientId, QStringLiteral("json")));
    QCOMPARE(started->error(), Job::Error::NoError);
    const auto query = MetriportJson::consolidatedQueryFromJson(started->object(), nullptr);
    QVERIFY(query);
    QCOMPARE(query->status, QStringLiteral("processing"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.consolidated-data")).size(), 1, 5000);
    const QJsonObject message = m_receiver->ofType(QStringLiteral("medical.consolidated-data")).first().body;
    QCOMPARE(message.value(QStringLiteral("meta")).toObject().value(QStringLiteral("requestId")).toString(),
             query->requestId);
    const QJsonObject attachment = message.value(QStringLiteral("patients")).toArray().first().toObject()
                                       .value(QStringLiteral("bundle")).toObject()
                                       .value(QStringLiteral("entry")).toArray().first().toObject()
                                       .value(QStringLiteral("resource")).toObject()
                                       .value(QStringLiteral("content")).toArray().first().toObject()
                                       .value(QStringLiteral("attachment")).toObject();
    QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/json"));
    MetriportCall *bundle = run(m_client->download(QUrl(attachment.value(QStringLiteral("url")).toString()),
                                                  QStringLiteral("download the consolidated data")));
    QCOMPARE(bundle->error(), Job::Error::NoError);
    const QJsonObject searchset = QJsonDocument::fromJson(bundle->body()).object();
    QCOMPARE(searchset.value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    QCOMPARE(searchset.value(QStringLiteral("entry")).toArray().size(), 1);

    MetriportCall *status = run(m_client->consolidatedQueryStatus(patientId, query->requestId));
    QCOMPARE(status->object().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

    // The medical record summary exists once a pdf query has run.
    QCOMPARE(run(m_client->medicalRecordUrl(patientId, QStringLiteral("pdf")))->httpStatus(), 404);
    run(m_client->startConsolidatedQuery(patientId, QStringLiteral("pdf")));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.consolidated-data")).size(), 2, 5000);
    MetriportCall *summary = run(m_client->medicalRecordUrl(patientId, QStringLiteral("pdf")));
    QCOMPARE(summary->error(), Job::Error::NoError);
    MetriportCall *pdf = run(m_client->download(QUrl(summary->object().value(QStringLiteral("url")).toString()),
                                               QStringLiteral("download the summary")));
    QVERIFY(pdf->body().startsWith("%PDF"));
}

void TestMetriportClient::networkQueryOneWebhookPerSource()
{
    const QString facilityId = createFacility();
    const QString patientId = run(m_client->createPatient(facilityId, jane(), {}))
                                  ->object().value(QStringLiteral("id")).toString();
    QCOMPARE(run(m_client->startNetworkQuery(patientId, {}))->error(), Job::Error::InvalidRequest);
    MetriportCall *started = run(m_client->startNetworkQuery(
        patientId, {QStringLiteral("hie"), QStringLiteral("pharmacy")}));
    QCOMPARE(started->error(), Job::Error::NoError);
    const auto status = MetriportJson::networkQueryStatusFromJson(started->object(), nullptr);
    QVERIFY(status);
    QCOMPARE(status->sources.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("network-query.pharmacy")).size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("network-query.hie")).size(), 1, 5000);
    const QJsonObject pharmacy = m_receiver->ofType(QStringLiteral("network-query.pharmacy")).first().body
                                     .value(QStringLiteral("payload")).toObject();
    QCOMPARE(pharmacy.value(QStringLiteral("source")).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("surescripts"));
    QVERIFY(pharmacy.value(QStringLiteral("consolidatedDataUrl")).toString().startsWith(QLatin1String("http://127.0.0.1")));
    MetriportCall *done = run(m_client->networkQueryStatus(status->requestId));
    const auto finished = MetriportJson::networkQueryStatusFromJson(done->object(), nullptr);
    QVERIFY(finished);
    QCOMPARE(finished->status, QStringLiteral("completed"));
    // The HIE brought the persona's documents.
    QCOMPARE(run(m_client->listDocuments(patientId))->object().value(QStringLiteral("documents")).toArray().size(), 2);
    MetriportCall *unknown = run(m_client->startNetworkQuery(patientId, {QStringLiteral("laboratory")}));
    QCOMPARE(unknown->httpStatus(), 400);
}

void TestMetriportClient::failedWebhooksWaitForRetry()
{
    // Setting the URL pings it; the receiver pongs.
    MetriportCall *set = run(m_client->updateSettings(m_receiver->url().toString()));
    QCOMPARE(set->error(), Job::Error::NoError);
    QCOMPARE(set->object().value(QStringLiteral("webhookKey")).toString(), QString::fromUtf8(webhookKey));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("ping")).size(), 1, 5000);
    QVERIFY(m_receiver->ofType(QStringLiteral("ping")).first().signatureValid);

    // A URL where nobody listens: the ping fails, and so does the next message.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    const QString dead = QStringLiteral("http://127.0.0.1:%1/webhook").arg(deadPort);
    run(m_client->updateSettings(dead));
    const QString facilityId = createFacility();
    const QString patientId = run(m_client->createPatient(facilityId, jane(), {}))
                                  ->object().value(QStringLiteral("id")).toString();
    run(m_client->startDocumentQuery(patientId, facilityId, {{QStringLiteral("k"), QStringLiteral("v")}}));
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->metriport()->stats().value(QStringLiteral("webhooksFailed")).toInt() >= 3, 5000);
    QTest::qWait(100);
    MetriportCall *status = run(m_client->webhookStatus());
    const auto webhook = MetriportJson::webhookStatusFromJson(status->object());
    QVERIFY(!webhook.enabled);
    QCOMPARE(webhook.failed, 2); // the download and the conversion (the ping is no message)
    QCOMPARE(m_receiver->ofType(QStringLiteral("medical.document-download")).size(), 0);

    // Back to the receiver, then the retry: same messageId, no meta.data.
    run(m_client->updateSettings(m_receiver->url().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("ping")).size(), 2, 5000);
    QCOMPARE(run(m_client->retryWebhooks())->error(), Job::Error::NoError);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->ofType(QStringLiteral("medical.document-conversion")).size(), 1, 5000);
    const auto retried = m_receiver->ofType(QStringLiteral("medical.document-download"));
    QCOMPARE(retried.size(), 1);
    QVERIFY(retried.first().signatureValid);
    QVERIFY(!retried.first().body.value(QStringLiteral("meta")).toObject().contains(QStringLiteral("data")));
    MetriportCall *after = run(m_client->webhookStatus());
    const auto healthy = MetriportJson::webhookStatusFromJson(after->object());
    QVERIFY(healthy.enabled);
    QCOMPARE(healthy.failed, 0);
    MetriportCall *requests = run(m_client->webhookRequests());
    QVERIFY(requests->object().value(QStringLiteral("requests")).toArray().size() >= 5);
}

void TestMetriportClient::demographicsOfALocalPatient()
{
    Patient local;
    local.firstName = QStringLiteral(" Kyla ");
    local.lastName = QStringLiteral("Fields");
    local.dateOfBirth = QDate(1927, 5, 23);
    local.gender = Gender::Female;
    local.address = {QStringLiteral("5 Elm St"), {}, QStringLiteral("Portland"), QStringLiteral("me"),
                     QStringLiteral("04101-1234")};
    local.phone = QStringLiteral("+1 (207) 555-0199");
    const MetriportJson::Demographics d = MetriportJson::demographicsOf(local);
    QCOMPARE(d.firstName, QStringLiteral("Kyla"));
    QCOMPARE(d.genderAtBirth, QStringLiteral("F"));
    QCOMPARE(d.address.first().state, QStringLiteral("ME"));
    QCOMPARE(d.address.first().zip, QStringLiteral("04101"));
    QCOMPARE(d.contact.first().phone, QStringLiteral("2075550199"));
    QVERIFY(MetriportJson::demographicsProblems(d, QDate(2026, 12, 1)).isEmpty());

    Patient noAddress = local;
    noAddress.address = {};
    const QStringList problems =
        MetriportJson::demographicsProblems(MetriportJson::demographicsOf(noAddress), QDate(2026, 12, 1));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QLatin1String("address")));
    Patient placeholder = local;
    placeholder.address.zip = QStringLiteral("99999");
    QVERIFY(MetriportJson::demographicsProblems(MetriportJson::demographicsOf(placeholder), QDate(2026, 12, 1))
                .first().contains(QLatin1String("99999")));
}

QTEST_GUILESS_MAIN(TestMetriportClient)
#include "tst_metriportclient.moc"
