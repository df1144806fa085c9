// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox payor over real HTTP on 127.0.0.1: adjudication (paid with CO-45 and PR-1/2/3,
// pended then decided and announced by a signed webhook, denied CO-27/31/197/50, partially
// paid CO-97), routing and validation errors, Idempotency-Key (replay, 422, 409), the fault
// switches (503 share, lost replies, slow replies), mappings, claim updates, replacement and
// void, and the bounds of what it keeps.
#include "services/domain/payorjson.h"
#include "services/common/webhooksignature.h"
#include "services/sandbox/idempotencystore.h"
#include "services/sandbox/sandboxhost.h"
#include "services/sandbox/sandboxpayor.h"
#include "services/sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QFile>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {
const QByteArray apiKey = QByteArrayLiteral("test-payor-key");
const QByteArray payorSecret = QByteArrayLiteral("whsec_") + QByteArray(32, 'k').toBase64();

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray replayed; // Idempotent-Replayed
};

//! What a payor client sends: a claim with its lines, for `memberId` on `dateOfService`.
struct LineSpec
{
    const char *code;
    qint64 chargeCents;
    int units = 1;
};

Claim makeClaim(const QString &memberId, const QList<LineSpec> &lines,
                const QStringList &diagnoses = {QStringLiteral("J20.9")},
                const QString &insuranceId = QStringLiteral("INS001"))
{
    static int serial = 0;
    Claim claim;
    claim.claimNumber = QStringLiteral("CD-%1").arg(++serial, 6, 10, QLatin1Char('0'));
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1996, 2, 10);
    claim.patientGender = Gender::Female;
    claim.insuranceId = insuranceId;
    claim.memberId = memberId;
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = claim.billingProvider;
    claim.dateOfService = QDate::currentDate();
    for (const QString &code : diagnoses)
        claim.diagnoses.append({icd10Stored(code), QString()});
    for (const LineSpec &spec : lines) {
        ServiceLine line;
        line.procedureCode = QLatin1String(spec.code);
        line.units = spec.units;
        line.chargeCents = spec.chargeCents;
        line.diagnosisPointers = {1};
        claim.lines.append(line);
    }
    return claim;
}

QByteArray bodyOf(const Claim &claim, const QString &providerId = QStringLiteral("PRV-1"))
{
    return QJsonDocument(PayorJson::routeClaimBody(claim, {providerId, QStringLiteral("Clinic")}))
        .toJson(QJsonDocument::Compact);
}

//! A hub stand-in that records the payor webhooks it receives and answers 200.
class Receiver : public QTcpServer
{
public:
    struct Received
    {
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    Receiver() { listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    QList<Received> received;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Received request;
                qsizetype length = 0;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon <= 0)
                        continue;
                    const QByteArray name = lines[i].left(colon).trimmed().toLower();
                    request.headers.insert(name, lines[i].mid(colon + 1).trimmed());
                    if (name == "content-length")
                        length = lines[i].mid(colon + 1).trimmed().toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                received.append(request);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 11\r\n\r\n{\"ok\":true}");
            }
        });
    }
};

class Payor
{
public:
    explicit Payor(SandboxServer::Options options = defaults())
        : server(options)
    {
        ok = server.listen();
    }

    static SandboxServer::Options defaults()
    {
        SandboxServer::Options options;
        options.payorApiKey = apiKey;
        options.payorDecisionDelayMs = 20;
        return options;
    }

    QUrl url(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url = server.baseUrl();
        url.setPath(path);
        url.setQuery(query);
        return url;
    }

    HttpAnswer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    QList<QPair<QByteArray, QByteArray>> headers = {{"X-API-Key", apiKey}},
                    const QUrlQuery &query = {})
    {
        QNetworkRequest request(url(path, query));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = network.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(15000);
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.error = reply->error();
        answer.replayed = reply->rawHeader("Idempotent-Replayed");
        reply->deleteLater();
        return answer;
    }

    HttpAnswer submit(const QByteArray &body, const QByteArray &key)
    {
        return send("POST", QStringLiteral("/api/route-claim/"), body,
                    {{"X-API-Key", apiKey}, {"Idempotency-Key", key}});
    }
    HttpAnswer submit(const Claim &claim)
    {
        return submit(bodyOf(claim), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    }
    QJsonObject claim(const QString &claimId)
    {
        return send("GET", QStringLiteral("/api/claims/%1/").arg(claimId)).json;
    }
    QJsonObject stats() { return send("GET", QStringLiteral("/sandbox/payor/stats")).json; }
    HttpAnswer setFaults(const QJsonObject &faults)
    {
        return send("POST", QStringLiteral("/sandbox/payor/faults"),
                    QJsonDocument(faults).toJson(QJsonDocument::Compact), {});
    }

    SandboxServer server;
    QNetworkAccessManager network;
    bool ok = false;
};

//! The payor's status object read back with the lead's parser (so both ends agree).
PayorJson::ClaimStatusReport report(const QJsonObject &json)
{
    QString error;
    const auto parsed = PayorJson::parseStatus(json, &error);
    if (!parsed)
        qWarning() << "unreadable status:" << error << json;
    return parsed.value_or(PayorJson::ClaimStatusReport{});
}

//! "CO-45:200.00 PR-1:700.00" for a remittance line: what the test tables compare.
QString adjustmentsText(const RemittanceLine &line)
{
    QStringList parts;
    for (const RemittanceAdjustment &a : line.adjustments)
        parts << QStringLiteral("%1-%2:%3")
                     .arg(a.group, a.reason)
                     .arg(double(a.amountCents) / 100, 0, 'f', 2);
    return parts.join(QLatin1Char(' '));
}
} // namespace

class TestSandboxPayor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paidAtOnce_data();
    void paidAtOnce();
    void pendedThenDecidedAndAnnounced();
    void pendedDecisions_data();
    void pendedDecisions();
    void coverageDenials_data();
    void coverageDenials();
    void unknownInsuranceIs404();
    void invalidClaimIs400WithFieldErrors();
    void apiKeyIsRequired();
    void idempotencyKeyIsRequired();
    void sameKeySamePayloadIsReplayed();
    void sameKeyOtherPayloadIs422();
    void sameKeyInFlightIs409();
    void shareOf503sIsSeededAndProcessesNothing();
    void lostReplyIsRecordedAndReplayed();
    void faultSwitchesRefuseBadValues();
    void mappingsCrud();
    void claimUpdatesSinceATime();
    void replacementAndVoid();
    void idempotencyStoreExpiresAndIsBounded();
    void claimsAreBounded();
    void claimsOutliveARestartWhenKept();
    void hostSetsFaultsOnItsThread();
};

void TestSandboxPayor::paidAtOnce_data()
{
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<QList<LineSpec>>("lines");
    QTest::addColumn<qint64>("paidCents");
    QTest::addColumn<qint64>("patientCents");
    QTest::addColumn<QStringList>("adjustments"); // per line

    // Gold PPO: $700 deductible left, 20 % coinsurance, $25 office copay. Line 1: allowed
    // $800, $700 to the deductible, 20 % of $100, then the copay; line 2: allowed $80, 20 %.
    QTest::newRow("PPO: deductible, coinsurance, copay")
        << QStringLiteral("ACT100001") << QList<LineSpec>{{"99214", 100000}, {"93000", 10000}}
        << qint64(5500 + 6400) << qint64(70000 + 2000 + 2500 + 1600)
        << QStringList{QStringLiteral("CO-45:200.00 PR-1:700.00 PR-2:20.00 PR-3:25.00"),
                       QStringLiteral("CO-45:20.00 PR-2:16.00")};
    // A small visit goes to the deductible whole.
    QTest::newRow("PPO: all deductible")
        << QStringLiteral("ACT100211") << QList<LineSpec>{{"99213", 15000}} << qint64(0)
        << qint64(12000) << QStringList{QStringLiteral("CO-45:30.00 PR-1:120.00")};
    // HMO: a $15 primary-care copay only.
    QTest::newRow("HMO: copay") << QStringLiteral("ACT200002") << QList<LineSpec>{{"99213", 20000}}
                                << qint64(14500) << qint64(1500)
                                << QStringList{QStringLiteral("CO-45:40.00 PR-3:15.00")};
    // The copay falls on the first E/M line, not on the first line.
    QTest::newRow("copay on the E/M line")
        << QStringLiteral("COB400004") << QList<LineSpec>{{"81002", 5000}, {"99212", 10000}}
        << qint64(4000 + 6000) << qint64(2000)
        << QStringList{QStringLiteral("CO-45:10.00"), QStringLiteral("CO-45:20.00 PR-3:20.00")};
    // The family deductible ($2,400 left) and 10 % coinsurance of the dependent's plan.
    QTest::newRow("family deductible")
        << QStringLiteral("DEP300003") << QList<LineSpec>{{"99204", 200000}} << qint64(0)
        << qint64(160000) << QStringList{QStringLiteral("CO-45:400.00 PR-1:1600.00")};
}

void TestSandboxPayor::paidAtOnce()
{
    QFETCH(QString, memberId);
    QFETCH(QList<LineSpec>, lines);
    QFETCH(qint64, paidCents);
    QFETCH(qint64, patientCents);
    QFETCH(QStringList, adjustments);

    Payor payor;
    QVERIFY(payor.ok);
    const Claim claim = makeClaim(memberId, lines);
    const HttpAnswer answer = payor.submit(claim);
    QCOMPARE(answer.status, 201);
    const PayorJson::ClaimStatusReport status = report(answer.json);
    QVERIFY(
        QRegularExpression(QStringLiteral("^PCL-\\d{15}-\\d{6}$")).match(status.payerClaimId).hasMatch());
    QCOMPARE(status.statusText, QStringLiteral("paid"));
    QVERIFY(status.autoApproved);
    QVERIFY(status.coverageValidated);
    QVERIFY(!status.coverageMessage.isEmpty());
    QCOMPARE(status.claimNumber, claim.claimNumber);
    QCOMPARE(status.billedCents.value_or(-1), claim.totalChargeCents());
    QCOMPARE(status.approvedCents, paidCents);
    QCOMPARE(status.patientResponsibilityCents, patientCents);
    QVERIFY(status.updatedAt.isValid());
    QCOMPARE(status.expectedPaymentDate, QDateTime::currentDateTimeUtc().date().addDays(14));

    QVERIFY(status.remittance);
    const Remittance &remittance = *status.remittance;
    QString why;
    QVERIFY2(remittance.balances(&why), qPrintable(why));
    QCOMPARE(remittance.paidCents, paidCents);
    QCOMPARE(remittance.patientAdjustmentsCents(), patientCents);
    QCOMPARE(remittance.payerClaimId, status.payerClaimId);
    QCOMPARE(remittance.claimNumber, claim.claimNumber);
    QCOMPARE(remittance.lines.size(), lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(remittance.lines.at(i).billedCents, lines.at(i).chargeCents);
        QCOMPARE(remittance.lines.at(i).allowedCents, lines.at(i).chargeCents * 8 / 10);
        QCOMPARE(adjustmentsText(remittance.lines.at(i)), adjustments.at(i));
    }
    // GET answers the same.
    QCOMPARE(payor.claim(status.payerClaimId), answer.json);
}

void TestSandboxPayor::pendedThenDecidedAndAnnounced()
{
    Receiver hub;
    SandboxServer::Options options = Payor::defaults();
    options.hubUrl = hub.url();
    options.payorWebhookSecret = payorSecret;
    options.payorDecisionDelayMs = 150;
    Payor payor(options);
    QVERIFY(payor.ok);

    const Claim claim = makeClaim(QStringLiteral("ACT100001"), {{"99215", 250000}});
    const HttpAnswer answer = payor.submit(claim);
    QCOMPARE(answer.status, 201);
    const PayorJson::ClaimStatusReport pended = report(answer.json);
    QCOMPARE(pended.statusText, QStringLiteral("pended"));
    QVERIFY(!pended.autoApproved);
    QVERIFY(pended.coverageValidated);
    QVERIFY(!pended.remittance);
    QCOMPARE(pended.approvedCents, 0);
    // Still pended right after the answer.
    QCOMPARE(payor.claim(pended.payerClaimId).value(QLatin1String("status")).toString(),
             QStringLiteral("pended"));
    QVERIFY(hub.received.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(hub.received.size(), 1, 10000);
    const Receiver::Received &webhook = hub.received.constFirst();
    const auto key = StandardWebhooks::decodeSecret(payorSecret);
    QVERIFY(key);
    const StandardWebhooks::Headers headers{webhook.headers.value("webhook-id"),
                                            webhook.headers.value("webhook-timestamp"),
                                            webhook.headers.value("webhook-signature")};
    QCOMPARE(
        StandardWebhooks::verify({*key}, headers, webhook.body, QDateTime::currentDateTimeUtc()),
        StandardWebhooks::Failure::None);
    // A tampered body does not verify: the check above means something.
    QCOMPARE(StandardWebhooks::verify({*key}, headers, webhook.body + ' ',
                                      QDateTime::currentDateTimeUtc()),
             StandardWebhooks::Failure::NoMatch);

    const QJsonObject body = QJsonDocument::fromJson(webhook.body).object();
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("claim_status_update"));
    const QJsonObject data = body.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("previous_status")).toString(), QStringLiteral("pended"));
    QCOMPARE(data.value(QLatin1String("new_status")).toString(), QStringLiteral("paid"));
    const PayorJson::ClaimStatusReport paid = report(data);
    QCOMPARE(paid.payerClaimId, pended.payerClaimId);
    QCOMPARE(paid.status, ClaimStatus::Paid);
    QCOMPARE(paid.billedCents.value_or(0), 250000);
    // Allowed $2,000: $700 deductible, 20 % of $1,300, the $25 copay.
    QCOMPARE(paid.patientResponsibilityCents, 70000 + 26000 + 2500);
    QCOMPARE(paid.approvedCents, 200000 - 98500);
    QVERIFY(paid.remittance);
    QVERIFY(paid.remittance->balances());
    QVERIFY(paid.updatedAt >= pended.updatedAt);

    // And GET says the same as the webhook.
    QJsonObject fetched = payor.claim(pended.payerClaimId);
    QCOMPARE(fetched.value(QLatin1String("status")).toString(), QStringLiteral("paid"));
    QCOMPARE(fetched.value(QLatin1String("remittance")), data.value(QLatin1String("remittance")));
}

void TestSandboxPayor::pendedDecisions_data()
{
    QTest::addColumn<QList<LineSpec>>("lines");
    QTest::addColumn<QStringList>("diagnoses");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("adjustments");

    QTest::newRow("prior authorization")
        << QList<LineSpec>{{"99214", 30000}, {"70553", 250000}}
        << QStringList{QStringLiteral("R51.9")} << QStringLiteral("denied")
        << QStringList{QStringLiteral("CO-197:300.00"), QStringLiteral("CO-197:2500.00")};
    QTest::newRow("therapy beyond 12 units")
        << QList<LineSpec>{{"97110", 260000, 13}} << QStringList{QStringLiteral("M54.50")}
        << QStringLiteral("denied") << QStringList{QStringLiteral("CO-197:2600.00")};
    QTest::newRow("not medically necessary")
        << QList<LineSpec>{{"99215", 200000}, {"93000", 20000}}
        << QStringList{QStringLiteral("J06.9")} << QStringLiteral("denied")
        << QStringList{QStringLiteral("CO-50:2000.00"), QStringLiteral("CO-50:200.00")};
    QTest::newRow("bundled venipuncture")
        << QList<LineSpec>{{"99215", 240000}, {"36415", 3000}}
        << QStringList{QStringLiteral("E11.9")} << QStringLiteral("partially_paid")
        << QStringList{QStringLiteral("CO-45:480.00 PR-1:700.00 PR-2:244.00 PR-3:25.00"),
                       QStringLiteral("CO-97:30.00")};
    QTest::newRow("12 units of therapy need none")
        << QList<LineSpec>{{"97110", 240000, 12}} << QStringList{QStringLiteral("M54.50")}
        << QStringLiteral("paid")
        << QStringList{QStringLiteral("CO-45:480.00 PR-1:700.00 PR-2:244.00")};
}

void TestSandboxPayor::pendedDecisions()
{
    QFETCH(QList<LineSpec>, lines);
    QFETCH(QStringList, diagnoses);
    QFETCH(QString, status);
    QFETCH(QStringList, adjustments);

    Payor payor;
    QVERIFY(payor.ok);
    const HttpAnswer answer =
        payor.submit(makeClaim(QStringLiteral("ACT100001"), lines, diagnoses));
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.json.value(QLatin1String("status")).toString(), QStringLiteral("pended"));
    const QString claimId = answer.json.value(QLatin1String("claim_id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(payor.claim(claimId).value(QLatin1String("status")).toString(),
                              status, 5000);
    const PayorJson::ClaimStatusReport decided = report(payor.claim(claimId));
    QVERIFY(decided.remittance);
    QVERIFY(decided.remittance->balances());
    QCOMPARE(decided.remittance->lines.size(), adjustments.size());
    for (int i = 0; i < adjustments.size(); ++i)
        QCOMPARE(adjustmentsText(decided.remittance->lines.at(i)), adjustments.at(i));
    QCOMPARE(decided.remittance->statusCode,
             status == QLatin1String("denied") ? QStringLiteral("4") : QStringLiteral("1"));
    QCOMPARE(decided.approvedCents, decided.remittance->paidCents);
    QCOMPARE(decided.approvedCents > 0, status != QLatin1String("denied"));
    QVERIFY(!decided.message.isEmpty());
}

void TestSandboxPayor::coverageDenials_data()
{
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<qint64>("charge");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("coverageValidated");

    QTest::newRow("inactive") << QStringLiteral("INA500005") << qint64(15000)
                              << QStringLiteral("27") << false;
    // Coverage is checked before the size: a large claim is not pended for nothing.
    QTest::newRow("inactive, large")
        << QStringLiteral("INA500099") << qint64(300000) << QStringLiteral("27") << false;
    QTest::newRow("unknown member")
        << QStringLiteral("NOF800008") << qint64(15000) << QStringLiteral("31") << false;
}

void TestSandboxPayor::coverageDenials()
{
    QFETCH(QString, memberId);
    QFETCH(qint64, charge);
    QFETCH(QString, reason);
    QFETCH(bool, coverageValidated);

    Payor payor;
    QVERIFY(payor.ok);
    const HttpAnswer answer =
        payor.submit(makeClaim(memberId, {{"99213", charge}, {"81002", 2000}}));
    QCOMPARE(answer.status, 201);
    const PayorJson::ClaimStatusReport status = report(answer.json);
    QCOMPARE(status.statusText, QStringLiteral("denied"));
    QCOMPARE(status.coverageValidated, coverageValidated);
    QCOMPARE(status.approvedCents, 0);
    QCOMPARE(status.patientResponsibilityCents, 0);
    QVERIFY(status.remittance);
    QVERIFY(status.remittance->balances());
    QCOMPARE(status.remittance->paidCents, 0);
    for (const RemittanceLine &line : status.remittance->lines) {
        QCOMPARE(line.adjustments.size(), 1);
        QCOMPARE(line.adjustments.constFirst().group, QStringLiteral("CO"));
        QCOMPARE(line.adjustments.constFirst().reason, reason);
        QCOMPARE(line.adjustments.constFirst().amountCents, line.billedCents);
    }
}

void TestSandboxPayor::unknownInsuranceIs404()
{
    Payor payor;
    QVERIFY(payor.ok);
    const HttpAnswer answer =
        payor.submit(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}},
                               {QStringLiteral("J20.9")}, QStringLiteral("INS999")));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.json.value(QLatin1String("error")).toString(),
             QStringLiteral("No payor mapping found for insurance_id INS999"));
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 0);
}

void TestSandboxPayor::invalidClaimIs400WithFieldErrors()
{
    Payor payor;
    QVERIFY(payor.ok);
    Claim claim = makeClaim(QStringLiteral("ACT100001"), {{"ABC", 15000}, {"99213", 0}}, {});
    QJsonObject body = PayorJson::routeClaimBody(claim, {QStringLiteral("PRV-1"), {}});
    QJsonObject data = body.value(QLatin1String("claim_data")).toObject();
    data.insert(QStringLiteral("date_of_service"), QStringLiteral("yesterday"));
    data.remove(QStringLiteral("member_id"));
    QJsonArray lines = data.value(QLatin1String("lines")).toArray();
    QJsonObject third = lines.at(1).toObject();
    third.insert(QStringLiteral("charge"), QStringLiteral("a lot"));
    third.insert(QStringLiteral("units"), 0);
    lines.append(third);
    data.insert(QStringLiteral("lines"), lines);
    body.insert(QStringLiteral("claim_data"), data);

    const HttpAnswer answer = payor.submit(QJsonDocument(body).toJson(), "invalid-1");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(QLatin1String("error")).toString(), QStringLiteral("Invalid claim"));
    const QJsonObject errors = answer.json.value(QLatin1String("field_errors")).toObject();
    for (const char *field : {"claim_data.lines[0].procedure_code", "claim_data.lines[1].charge",
                              "claim_data.lines[2].charge", "claim_data.lines[2].units",
                              "claim_data.diagnoses", "claim_data.date_of_service",
                              "claim_data.member_id", "claim_data.lines[0].diagnosis_pointers"}) {
        QVERIFY2(!errors.value(QLatin1String(field)).toString().isEmpty(), field);
    }
    QCOMPARE(errors.value(QLatin1String("claim_data.lines[2].charge")).toString(),
             QStringLiteral("not an amount"));
    QVERIFY(!errors.contains(QLatin1String("claim_data.lines[1].procedure_code")));
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 0);

    // Not JSON at all, or no claim_data.
    QCOMPARE(payor.submit("{not json", "invalid-2").status, 400);
    const HttpAnswer bare = payor.submit(R"({"insurance_id":"INS001"})", "invalid-3");
    QCOMPARE(bare.status, 400);
    QVERIFY(bare.json.value(QLatin1String("field_errors"))
                .toObject()
                .contains(QLatin1String("claim_data")));
}

void TestSandboxPayor::apiKeyIsRequired()
{
    Payor payor;
    QVERIFY(payor.ok);
    const QByteArray body = bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}));
    for (const QList<QPair<QByteArray, QByteArray>> &headers :
         {QList<QPair<QByteArray, QByteArray>>{{"Idempotency-Key", "k1"}},
          QList<QPair<QByteArray, QByteArray>>{{"Idempotency-Key", "k1"},
                                               {"X-API-Key", "wrong"}}}) {
        const HttpAnswer answer =
            payor.send("POST", QStringLiteral("/api/route-claim/"), body, headers);
        QCOMPARE(answer.status, 401);
        QVERIFY(!answer.json.value(QLatin1String("error")).toString().isEmpty());
    }
    QCOMPARE(payor.send("GET", QStringLiteral("/api/claims/PCL-000001/"), {}, {}).status, 401);
    QCOMPARE(payor.send("GET", QStringLiteral("/api/mappings/insurance-payor/"), {}, {}).status,
             401);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 0);
    // With the key it goes through (so the 401s were about the key).
    QCOMPARE(payor.submit(body, "k1").status, 201);
}

void TestSandboxPayor::idempotencyKeyIsRequired()
{
    Payor payor;
    QVERIFY(payor.ok);
    const QByteArray body = bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}));
    const HttpAnswer missing =
        payor.send("POST", QStringLiteral("/api/route-claim/"), body, {{"X-API-Key", apiKey}});
    QCOMPARE(missing.status, 400);
    QVERIFY(missing.json.value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("Idempotency-Key")));
    QCOMPARE(payor.submit(body, QByteArray(256, 'k')).status, 400);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 0);
    QCOMPARE(payor.submit(body, QByteArray(255, 'k')).status, 201);
}

void TestSandboxPayor::sameKeySamePayloadIsReplayed()
{
    Payor payor;
    QVERIFY(payor.ok);
    const Claim claim = makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}});
    const HttpAnswer first = payor.submit(bodyOf(claim), "key-1");
    QCOMPARE(first.status, 201);
    QVERIFY(first.replayed.isEmpty());
    QTest::qWait(5); // a fresh answer would carry a later updated_at
    // The same claim serialized with other whitespace is the same request.
    const QByteArray indented =
        QJsonDocument(
            PayorJson::routeClaimBody(claim, {QStringLiteral("PRV-1"), QStringLiteral("Clinic")}))
            .toJson(QJsonDocument::Indented);
    const HttpAnswer second = payor.submit(indented, "key-1");
    QCOMPARE(second.status, 201);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.replayed, QByteArrayLiteral("true"));
    // Errors are replayed too: the first answer to a key is its answer.
    const QByteArray unknown =
        bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}, {QStringLiteral("J20.9")},
                         QStringLiteral("INS777")));
    QCOMPARE(payor.submit(unknown, "key-2").status, 404);
    const HttpAnswer added = payor.send("POST", QStringLiteral("/api/mappings/insurance-payor/"),
                                        R"({"insurance_id":"INS777","payor_name":"Acme Health"})");
    QCOMPARE(added.status, 201);
    const HttpAnswer again = payor.submit(unknown, "key-2");
    QCOMPARE(again.status, 404);
    QCOMPARE(again.replayed, QByteArrayLiteral("true"));

    const QJsonObject stats = payor.stats();
    QCOMPARE(stats.value(QLatin1String("claims")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("replays")).toInt(), 2);
    QCOMPARE(stats.value(QLatin1String("requests")).toInt(), 4);
    QCOMPARE(stats.value(QLatin1String("duplicates")).toInt(), 0);
    // The same claim under a new key is a second claim, and counted as a duplicate.
    QCOMPARE(payor.submit(bodyOf(claim), "key-3").status, 201);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 2);
    QCOMPARE(payor.stats().value(QLatin1String("duplicates")).toInt(), 1);
}

void TestSandboxPayor::sameKeyOtherPayloadIs422()
{
    Payor payor;
    QVERIFY(payor.ok);
    QCOMPARE(
        payor.submit(bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}})), "key-1")
            .status,
        201);
    const HttpAnswer other =
        payor.submit(bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 16000}})), "key-1");
    QCOMPARE(other.status, 422);
    QVERIFY(!other.json.value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 1);
}

void TestSandboxPayor::sameKeyInFlightIs409()
{
    Payor payor;
    QVERIFY(payor.ok);
    QCOMPARE(payor.setFaults({{QStringLiteral("delay_ms"), 400}}).status, 200);
    const QByteArray body = bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}));

    QNetworkRequest request(payor.url(QStringLiteral("/api/route-claim/")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-API-Key", apiKey);
    request.setRawHeader("Idempotency-Key", "slow-key");
    QNetworkReply *slow = payor.network.post(request, body);
    QTest::qWait(100); // the first request has arrived and is being worked on

    QElapsedTimer clock;
    clock.start();
    const HttpAnswer during = payor.submit(body, "slow-key");
    QCOMPARE(during.status, 409);
    QVERIFY(clock.elapsed() < 300); // answered at once, not after the slow one
    QVERIFY(!slow->isFinished());

    QSignalSpy done(slow, &QNetworkReply::finished);
    QVERIFY(slow->isFinished() || done.wait(5000));
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const QByteArray first = slow->readAll();
    slow->deleteLater();

    QCOMPARE(payor.setFaults({{QStringLiteral("delay_ms"), 0}}).status, 200);
    const HttpAnswer after = payor.submit(body, "slow-key");
    QCOMPARE(after.status, 201);
    QCOMPARE(after.body, first);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 1);
}

void TestSandboxPayor::shareOf503sIsSeededAndProcessesNothing()
{
    // Each claim is retried with its key until accepted; the 503s are the same for the same
    // seed, and none of them made a claim.
    auto run = [](quint32 seed, QList<int> *statuses) {
        Payor payor;
        if (!payor.ok)
            return -1;
        payor.setFaults(
            {{QStringLiteral("unavailable_share"), 0.3}, {QStringLiteral("seed"), double(seed)}});
        for (int i = 0; i < 30; ++i) {
            const QByteArray body =
                bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000 + i}}));
            const QByteArray key = "claim-" + QByteArray::number(i);
            for (int attempt = 0; attempt < 20; ++attempt) {
                const HttpAnswer answer = payor.submit(body, key);
                statuses->append(answer.status);
                if (answer.status != 503)
                    break;
            }
        }
        return payor.stats().value(QLatin1String("claims")).toInt();
    };
    QList<int> first;
    QList<int> second;
    QList<int> other;
    QCOMPARE(run(11, &first), 30);
    QCOMPARE(run(11, &second), 30);
    QCOMPARE(run(12, &other), 30);
    QCOMPARE(first, second);
    QVERIFY(first != other);
    const qsizetype unavailable = first.count(503);
    QCOMPARE(first.count(201), 30);
    QCOMPARE(first.size(), 30 + unavailable);
    // About 30 % of the tries (here 30 claims took 30 + n tries, n/(30+n) ≈ 0.3).
    QVERIFY2(unavailable >= 4 && unavailable <= 30, qPrintable(QString::number(unavailable)));

    Payor all;
    QVERIFY(all.ok);
    all.setFaults({{QStringLiteral("unavailable_share"), 1}});
    const HttpAnswer refused =
        all.submit(bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}})), "k");
    QCOMPARE(refused.status, 503);
    QCOMPARE(all.stats().value(QLatin1String("idempotency_keys")).toInt(), 0);
}

void TestSandboxPayor::lostReplyIsRecordedAndReplayed()
{
    Payor payor;
    QVERIFY(payor.ok);
    payor.setFaults({{QStringLiteral("lost_reply_share"), 1}});
    const QByteArray body = bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}));

    // On a raw connection: the payor closes it without a byte of answer.
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
    socket.connectToHost(QHostAddress::LocalHost, payor.server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /api/route-claim/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nX-API-Key: " +
                 apiKey + "\r\nIdempotency-Key: lost-1\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_VERIFY_WITH_TIMEOUT(closed, 5000);
    QCOMPARE(received, QByteArray());
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 1);

    // Through QNetworkAccessManager the client sees an error and no status.
    const HttpAnswer viaClient = payor.submit(body, "lost-1");
    QVERIFY(viaClient.error != QNetworkReply::NoError);
    QCOMPARE(viaClient.status, 0);

    // The retry with the same key, once replies get through, gets the first response.
    payor.setFaults({{QStringLiteral("lost_reply_share"), 0}});
    const HttpAnswer retry = payor.submit(body, "lost-1");
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.replayed, QByteArrayLiteral("true"));
    const QString claimId = retry.json.value(QLatin1String("claim_id")).toString();
    QVERIFY2(claimId.startsWith(QLatin1String("PCL-")) && claimId.endsWith(QLatin1String("-000001")),
             qPrintable(claimId));
    QCOMPARE(payor.claim(claimId).value(QLatin1String("claim_id")).toString(), claimId);
    const QJsonObject stats = payor.stats();
    QCOMPARE(stats.value(QLatin1String("claims")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("held")).toInt(), 1);
    QVERIFY(stats.value(QLatin1String("lost_replies")).toInt() >= 2);
}

void TestSandboxPayor::faultSwitchesRefuseBadValues()
{
    Payor payor;
    QVERIFY(payor.ok);
    for (const QJsonObject &bad :
         {QJsonObject{{QStringLiteral("unavailable_share"), 1.5}},
          QJsonObject{{QStringLiteral("lost_reply_share"), QStringLiteral("half")}},
          QJsonObject{{QStringLiteral("delay_ms"), -1}}, QJsonObject{{QStringLiteral("seed"), 1.5}},
          QJsonObject{{QStringLiteral("surprise"), 1}}}) {
        QCOMPARE(payor.setFaults(bad).status, 400);
    }
    const HttpAnswer set = payor.setFaults(
        {{QStringLiteral("in_flight_share"), 0.25}, {QStringLiteral("delay_ms"), 10}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QLatin1String("in_flight_share")).toDouble(), 0.25);
    QCOMPARE(set.json.value(QLatin1String("delay_ms")).toInt(), 10);
    QCOMPARE(payor.server.payorRoutes()->faults().inFlightShare, 0.25);
    // Fields not given keep their value.
    QCOMPARE(payor.setFaults({{QStringLiteral("seed"), 5}})
                 .json.value(QLatin1String("in_flight_share"))
                 .toDouble(),
             0.25);

    // The injected 409 processes nothing, and the key stays free.
    payor.setFaults({{QStringLiteral("in_flight_share"), 1}, {QStringLiteral("delay_ms"), 0}});
    const QByteArray body = bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}));
    QCOMPARE(payor.submit(body, "k").status, 409);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 0);
    payor.setFaults({{QStringLiteral("in_flight_share"), 0}});
    const HttpAnswer accepted = payor.submit(body, "k");
    QCOMPARE(accepted.status, 201);
    QVERIFY(accepted.replayed.isEmpty());
}

void TestSandboxPayor::mappingsCrud()
{
    Payor payor;
    QVERIFY(payor.ok);
    const QString list = QStringLiteral("/api/mappings/insurance-payor/");
    HttpAnswer all = payor.send("GET", list);
    QCOMPARE(all.status, 200);
    QJsonArray mappings = QJsonDocument::fromJson(all.body).array();
    QMap<QString, QString> names;
    for (const QJsonValue &m : mappings) {
        names.insert(m.toObject().value(QLatin1String("insurance_id")).toString(),
                     m.toObject().value(QLatin1String("payor_name")).toString());
    }
    // The defaults, which are also the payer IDs of the training patients' coverages.
    const QMap<QString, QString> defaults{
        {QStringLiteral("INS001"), QStringLiteral("BlueCross BlueShield")},
        {QStringLiteral("INS002"), QStringLiteral("Aetna Health")},
        {QStringLiteral("INS003"), QStringLiteral("United Healthcare")},
        {QStringLiteral("HI12345"), QStringLiteral("Health Insurance Premium")}};
    QCOMPARE(names, defaults);

    const HttpAnswer one = payor.send("GET", list + QStringLiteral("HI12345/"));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(QLatin1String("payor_name")).toString(),
             QStringLiteral("Health Insurance Premium"));

    const HttpAnswer created =
        payor.send("POST", list, R"({"insurance_id":"INS777","payor_name":"Acme Health"})");
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QLatin1String("insurance_id")).toString(),
             QStringLiteral("INS777"));
    const HttpAnswer renamed =
        payor.send("POST", list, R"({"insurance_id":"INS777","payor_name":"Acme Health Plus"})");
    QCOMPARE(renamed.status, 200);
    QCOMPARE(payor.send("GET", list + QStringLiteral("INS777/"))
                 .json.value(QLatin1String("payor_name"))
                 .toString(),
             QStringLiteral("Acme Health Plus"));
    // A claim for it routes now.
    const Claim claim = makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}},
                                  {QStringLiteral("J20.9")}, QStringLiteral("INS777"));
    QCOMPARE(payor.submit(claim).status, 201);

    QCOMPARE(payor.send("DELETE", list + QStringLiteral("INS777/")).status, 204);
    const HttpAnswer gone = payor.send("GET", list + QStringLiteral("INS777/"));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json.value(QLatin1String("error")).toString(),
             QStringLiteral("No payor mapping found for insurance_id INS777"));
    QCOMPARE(payor.send("DELETE", list + QStringLiteral("INS777/")).status, 404);
    QCOMPARE(payor.submit(claim).status, 404);
    QCOMPARE(QJsonDocument::fromJson(payor.send("GET", list).body).array().size(), 4);

    QCOMPARE(payor.send("POST", list, R"({"insurance_id":"bad id","payor_name":"X"})").status, 400);
    QCOMPARE(payor.send("POST", list, R"({"insurance_id":"INS8"})").status, 400);
    QCOMPARE(payor.send("POST", list, "[]").status, 400);
    QCOMPARE(payor.send("PUT", list).status, 405);
}

void TestSandboxPayor::claimUpdatesSinceATime()
{
    SandboxServer::Options options = Payor::defaults();
    options.payorDecisionDelayMs = 300; // still pended when the second sync asks
    Payor payor(options);
    QVERIFY(payor.ok);
    const QString path = QStringLiteral("/api/provider/claim-updates/");
    auto updates = [&](const QString &provider, const QString &since) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("provider_id"), provider);
        if (!since.isEmpty())
            query.addQueryItem(QStringLiteral("last_sync_time"), since);
        return payor.send("GET", path, {}, {{"X-API-Key", apiKey}}, query);
    };
    auto ids = [](const HttpAnswer &answer) {
        QStringList list;
        for (const QJsonValue &u : answer.json.value(QLatin1String("updates")).toArray())
            list << u.toObject().value(QLatin1String("claim_id")).toString();
        return list;
    };

    const QString a = payor
                          .submit(bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}),
                                         QStringLiteral("PRV-1")),
                                  "a")
                          .json.value(QLatin1String("claim_id"))
                          .toString();
    QTest::qWait(5); // "at or after": the sync must come later than the claim's last change
    const HttpAnswer firstSync = updates(QStringLiteral("PRV-1"), {});
    QCOMPARE(firstSync.status, 200);
    QCOMPARE(ids(firstSync), QStringList{a});
    const QString syncTime = firstSync.json.value(QLatin1String("sync_time")).toString();
    QVERIFY(QDateTime::fromString(syncTime, Qt::ISODateWithMs).isValid());

    QTest::qWait(5);
    // A pended claim of PRV-1, then decided; a claim of PRV-2.
    const QString b =
        payor
            .submit(bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99215", 250000}}),
                           QStringLiteral("PRV-1")),
                    "b")
            .json.value(QLatin1String("claim_id"))
            .toString();
    payor.submit(
        bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}), QStringLiteral("PRV-2")),
        "c");
    const HttpAnswer since = updates(QStringLiteral("PRV-1"), syncTime);
    QCOMPARE(ids(since), QStringList{b});
    QCOMPARE(since.json.value(QLatin1String("updates"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("pended"));
    const QString secondSync = since.json.value(QLatin1String("sync_time")).toString();

    QTRY_COMPARE_WITH_TIMEOUT(payor.claim(b).value(QLatin1String("status")).toString(),
                              QStringLiteral("paid"), 5000);
    const HttpAnswer decided = updates(QStringLiteral("PRV-1"), secondSync);
    QCOMPARE(ids(decided), QStringList{b});
    QCOMPARE(decided.json.value(QLatin1String("updates"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("paid"));
    QCOMPARE(ids(updates(QStringLiteral("PRV-2"), {})).size(), 1);
    QCOMPARE(ids(updates(QStringLiteral("PRV-3"), {})).size(), 0);

    QCOMPARE(updates(QStringLiteral("PRV-1"), QStringLiteral("last tuesday")).status, 400);
    QCOMPARE(updates(QString(), {}).status, 400);
}

void TestSandboxPayor::replacementAndVoid()
{
    SandboxServer::Options options = Payor::defaults();
    options.payorDecisionDelayMs = 300; // time to correct a pended claim before its decision
    Payor payor(options);
    QVERIFY(payor.ok);
    Claim claim = makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}});
    const QString original = payor.submit(claim).json.value(QLatin1String("claim_id")).toString();
    QVERIFY(!original.isEmpty());

    // Frequency 7: a new claim, adjudicated anew; the original is corrected.
    Claim replacement = claim;
    replacement.frequency = ClaimFrequency::Replacement;
    replacement.payerClaimId = original;
    replacement.lines[0].chargeCents = 18000;
    const HttpAnswer replaced = payor.submit(replacement);
    QCOMPARE(replaced.status, 201);
    const QString second = replaced.json.value(QLatin1String("claim_id")).toString();
    QVERIFY(second != original);
    QCOMPARE(replaced.json.value(QLatin1String("status")).toString(), QStringLiteral("paid"));
    QCOMPARE(replaced.json.value(QLatin1String("amount")).toDouble(), 180.0);
    QCOMPARE(payor.claim(original).value(QLatin1String("status")).toString(),
             QStringLiteral("corrected"));
    // Only once.
    QCOMPARE(payor.submit(replacement).status, 400);

    // Frequency 8: the claim is voided.
    Claim voiding = replacement;
    voiding.frequency = ClaimFrequency::Void;
    voiding.payerClaimId = second;
    const HttpAnswer voided = payor.submit(voiding);
    QCOMPARE(voided.status, 201);
    QCOMPARE(voided.json.value(QLatin1String("claim_id")).toString(), second);
    QCOMPARE(voided.json.value(QLatin1String("status")).toString(), QStringLiteral("voided"));
    QCOMPARE(payor.claim(second).value(QLatin1String("status")).toString(),
             QStringLiteral("voided"));
    QCOMPARE(payor.submit(voiding).status, 400);
    QCOMPARE(payor.stats().value(QLatin1String("claims")).toInt(), 2);

    // An original the payor never saw.
    voiding.payerClaimId = QStringLiteral("PCL-999999");
    const HttpAnswer unknown = payor.submit(voiding);
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json.value(QLatin1String("field_errors"))
                .toObject()
                .contains(QLatin1String("claim_data.original_claim_id")));

    // A pended claim corrected before its decision is not decided afterwards.
    const QString pended = payor.submit(makeClaim(QStringLiteral("ACT100001"), {{"99215", 250000}}))
                               .json.value(QLatin1String("claim_id"))
                               .toString();
    Claim fix = makeClaim(QStringLiteral("ACT100001"), {{"99215", 240000}});
    fix.frequency = ClaimFrequency::Replacement;
    fix.payerClaimId = pended;
    const QString fixed = payor.submit(fix).json.value(QLatin1String("claim_id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(payor.claim(fixed).value(QLatin1String("status")).toString(),
                              QStringLiteral("paid"), 5000);
    QCOMPARE(payor.claim(pended).value(QLatin1String("status")).toString(),
             QStringLiteral("corrected"));
}

void TestSandboxPayor::idempotencyStoreExpiresAndIsBounded()
{
    using Outcome = IdempotencyStore::Outcome;
    IdempotencyStore store(3, IdempotencyStore::dayMs);
    QCOMPARE(store.begin("a", "h1", 0).outcome, Outcome::Started);
    QCOMPARE(store.begin("a", "h1", 10).outcome, Outcome::InFlight);
    QCOMPARE(store.begin("a", "h2", 10).outcome, Outcome::Mismatch);
    store.finish("a", "h1", {500, "boom"}, 20);
    const auto replay = store.begin("a", "h1", 30);
    QCOMPARE(replay.outcome, Outcome::Replay);
    QCOMPARE(replay.response.status, 500); // even a 5xx is the answer
    QCOMPARE(replay.response.body, QByteArrayLiteral("boom"));
    // Kept a day, not longer.
    QCOMPARE(store.begin("a", "h1", IdempotencyStore::dayMs - 1).outcome, Outcome::Replay);
    QCOMPARE(store.begin("a", "h2", IdempotencyStore::dayMs).outcome, Outcome::Started);
    store.abandon("a");
    QCOMPARE(store.size(), 0);
    // At most three: the oldest goes first.
    for (const char *key : {"k1", "k2", "k3", "k4"}) {
        store.begin(key, "h", IdempotencyStore::dayMs);
        store.finish(key, "h", {201, key}, IdempotencyStore::dayMs);
    }
    QCOMPARE(store.size(), 3);
    QCOMPARE(store.begin("k1", "other", IdempotencyStore::dayMs).outcome, Outcome::Started);
    QCOMPARE(store.begin("k4", "other", IdempotencyStore::dayMs).outcome, Outcome::Mismatch);
}

void TestSandboxPayor::claimsAreBounded()
{
    SandboxPayor::Options options;
    options.maxClaims = 2;
    SandboxPayor payor(options);
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const PayorReply reply = payor.routeClaim(PayorJson::routeClaimBody(
            makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}), {}));
        QCOMPARE(reply.status, 201);
        ids << reply.body.toObject().value(QLatin1String("claim_id")).toString();
    }
    QCOMPARE(payor.claimsReceived(), 3);
    QCOMPARE(payor.claimsHeld(), 2);
    QCOMPARE(payor.claimStatus(ids.at(0)).status, 404);
    QCOMPARE(payor.claimStatus(ids.at(2)).status, 200);
}

void TestSandboxPayor::claimsOutliveARestartWhenKept()
{
    QTemporaryDir folder;
    SandboxPayor::Options options;
    options.statePath = folder.filePath(QStringLiteral("payor.json"));
    options.decisionDelayMs = 60000; // not decided before the restart
    QString paidId;
    QString pendedId;
    {
        SandboxPayor payor(options);
        paidId = payor.routeClaim(PayorJson::routeClaimBody(
                                      makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}), {}))
                     .body.toObject().value(QLatin1String("claim_id")).toString();
        const PayorReply pended = payor.routeClaim(PayorJson::routeClaimBody(
            makeClaim(QStringLiteral("ACT100001"), {{"99215", 250000}}), {}));
        QCOMPARE(pended.body.toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("pended"));
        pendedId = pended.body.toObject().value(QLatin1String("claim_id")).toString();
        QVERIFY(payor.addMapping({{QStringLiteral("insurance_id"), QStringLiteral("INS777")},
                                  {QStringLiteral("payor_name"), QStringLiteral("Cigna")}})
                    .status < 300);
    } // closing saves what the timer had not written yet
    QVERIFY(QFile::exists(options.statePath));
    QCOMPARE(QFileInfo(options.statePath).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());

    // The next run knows both claims and the mapping, and decides the pended one.
    options.decisionDelayMs = 50;
    SandboxPayor again(options);
    QList<PayorJson::ClaimStatusReport> decided;
    connect(&again, &SandboxPayor::claimStatusChanged, this,
            [&decided](const PayorJson::ClaimStatusReport &report) { decided.append(report); });
    const PayorReply paid = again.claimStatus(paidId);
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.body.toObject().value(QLatin1String("status")).toString(), QStringLiteral("paid"));
    QCOMPARE(again.claimStatus(pendedId).status, 200);
    QCOMPARE(again.mapping(QStringLiteral("INS777")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(decided.size(), 1, 5000);
    const PayorJson::ClaimStatusReport report = decided.first();
    QCOMPARE(report.payerClaimId, pendedId);
    QCOMPARE(report.previousStatus, QStringLiteral("pended"));
    // New claims get ids of their own, never one the last run gave.
    const QString fresh = again.routeClaim(PayorJson::routeClaimBody(
                                               makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}}), {}))
                              .body.toObject().value(QLatin1String("claim_id")).toString();
    QVERIFY(fresh != paidId && fresh != pendedId);

    // A damaged file is no payor at all, not a crash.
    QFile damaged(options.statePath);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{\"version\": 1, \"claims\": [{\"claim_data\": 7}]");
    damaged.close();
    SandboxPayor fresh2(options);
    QCOMPARE(fresh2.claimsHeld(), 0);
    QCOMPARE(fresh2.mapping(QStringLiteral("INS001")).status, 200);
}

void TestSandboxPayor::hostSetsFaultsOnItsThread()
{
    SandboxServer::Options options = Payor::defaults();
    SandboxHost host(options);
    QVERIFY(host.start());
    QCOMPARE(host.payorApiKey(), apiKey);
    QNetworkAccessManager network;
    auto submit = [&](const QByteArray &key) {
        QUrl url = host.baseUrl();
        url.setPath(QStringLiteral("/api/route-claim/"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("X-API-Key", apiKey);
        request.setRawHeader("Idempotency-Key", key);
        QNetworkReply *reply = network.post(
            request, bodyOf(makeClaim(QStringLiteral("ACT100001"), {{"99213", 15000}})));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    };
    PayorFaults faults;
    faults.unavailableShare = 1;
    host.setPayorFaults(faults);
    QCOMPARE(submit("k"), 503);
    host.setPayorFaults(PayorFaults{});
    QCOMPARE(submit("k"), 201);
}

QTEST_GUILESS_MAIN(TestSandboxPayor)
#include "tst_sandboxpayor.moc"
