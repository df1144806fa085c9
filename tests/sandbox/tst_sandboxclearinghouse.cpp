// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox clearinghouse: every documented member, its 271 read back field by field, and
// the HTTP behaviour (health, 400, 405, 413, 503, late answers, connection limits) and
// ClearinghouseJob against it.
#include "services/eligibility/clearinghousejob.h"
#include "services/sandbox/sandboxclearinghouse.h"
#include "services/sandbox/sandboxhost.h"
#include "services/x12/eligibilityresponse.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {
EligibilityRequest requestFor(const QString &memberId)
{
    EligibilityRequest r;
    r.controlNumber = 42;
    r.createdAt = QDateTime(QDate(2026, 11, 24), QTime(8, 30), Qt::UTC);
    r.submitterReference = QStringLiteral("7");
    r.payerId = QStringLiteral("INS001");
    r.payerName = QStringLiteral("BlueCross BlueShield");
    r.providerName = QStringLiteral("Springfield Family Clinic");
    r.providerNpi = QStringLiteral("1234567893");
    r.traceNumber = QStringLiteral("00000007-ABC123");
    r.memberId = memberId;
    r.subscriberFirstName = QStringLiteral("Jane");
    r.subscriberLastName = QStringLiteral("Smith");
    r.subscriberDateOfBirth = QDate(1996, 2, 10);
    r.subscriberGender = QStringLiteral("F");
    r.serviceDate = QDate(2026, 11, 24);
    return r;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    qint64 elapsedMs = 0;
};

HttpAnswer post(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/edi-x12"));
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = network.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(15000);
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(), clock.elapsed()};
    reply->deleteLater();
    return answer;
}

//! Sends raw bytes on a new connection; returns what came back until the server closed the
//! connection or `ms` passed, and whether it closed.
struct RawExchange
{
    QByteArray received;
    bool closed = false;
};

RawExchange exchange(const QUrl &base, const QByteArray &bytes, int ms = 5000)
{
    QTcpSocket socket;
    RawExchange result;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { result.received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { result.closed = true; });
    socket.connectToHost(QHostAddress::LocalHost, quint16(base.port()));
    if (!socket.waitForConnected(5000))
        return result;
    socket.write(bytes);
    // result.closed says whether the server closed the connection within `ms`.
    (void)QTest::qWaitFor([&] { return result.closed; }, ms);
    return result;
}
} // namespace

class TestSandboxClearinghouse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answersReadBackFieldByField_data();
    void answersReadBackFieldByField();
    void activePpoBenefits();
    void activeHmoBenefits();
    void dependentAndCoordinationOfBenefits();
    void inactiveAndRejections();
    void busyMemberAnswersOnTheThirdTry();
    void http();
    void httpLimitsAndMethods();
    void clearinghouseJob();
};

void TestSandboxClearinghouse::answersReadBackFieldByField_data()
{
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<EligibilityResult::Status>("status");
    for (const auto &[id, status] :
         std::initializer_list<std::pair<const char *, EligibilityResult::Status>>{
             {"ACT100001", EligibilityResult::Status::Active},
             {"ACT200002", EligibilityResult::Status::Active},
             {"DEP300003", EligibilityResult::Status::Active},
             {"COB400004", EligibilityResult::Status::Active},
             {"INA500005", EligibilityResult::Status::Inactive},
             {"BAD600006", EligibilityResult::Status::Rejected},
             {"NAM700007", EligibilityResult::Status::Rejected},
             {"NOF800008", EligibilityResult::Status::Rejected},
             {"BSY900009", EligibilityResult::Status::Rejected},
             {"SLOW00010", EligibilityResult::Status::Active},
             {"UNKNOWN99", EligibilityResult::Status::Rejected}}) {
        QTest::newRow(id) << QString::fromLatin1(id) << status;
    }
}

void TestSandboxClearinghouse::answersReadBackFieldByField()
{
    QFETCH(QString, memberId);
    QFETCH(EligibilityResult::Status, status);
    SandboxClearinghouse clearinghouse;
    const SandboxClearinghouse::Answer answer =
        clearinghouse.answer(EligibilityRequestBuilder::buildBytes(requestFor(memberId)));
    QCOMPARE(answer.httpStatus, 200);
    QCOMPARE(answer.results.size(), 1);
    QCOMPARE(answer.results.first().status, status);
    // What our writer produced, our parser reads back identically: every field.
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(answer.body);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    const EligibilityResult &got = parsed.results.first();
    const EligibilityResult &want = answer.results.first();
    QCOMPARE(got.traceNumber, want.traceNumber);
    QCOMPARE(got.payerName, want.payerName);
    QCOMPARE(got.payerId, want.payerId);
    QCOMPARE(got.subscriber, want.subscriber);
    QCOMPARE(got.dependent, want.dependent);
    QCOMPARE(got.planName, want.planName);
    QCOMPARE(got.groupNumber, want.groupNumber);
    QCOMPARE(got.dates, want.dates);
    QCOMPARE(got.benefits.size(), want.benefits.size());
    for (qsizetype i = 0; i < want.benefits.size(); ++i)
        QCOMPARE(got.benefits.at(i), want.benefits.at(i));
    QCOMPARE(got.rejections, want.rejections);
    QCOMPARE(got.otherPayers, want.otherPayers);
    QCOMPARE(got, want);
    // The envelope answers the request.
    QVERIFY(answer.body.contains("ST*271*"));
    QVERIFY(answer.body.contains("BHT*0022*11*7*"));
}

void TestSandboxClearinghouse::activePpoBenefits()
{
    SandboxClearinghouse clearinghouse;
    const EligibilityResult r =
        clearinghouse.resultsFor(requestFor(QStringLiteral("ACT100001")), 1).first();
    QCOMPARE(r.status, EligibilityResult::Status::Active);
    QCOMPARE(r.copayCents(QStringLiteral("98"), QStringLiteral("Y")), std::optional<qint64>(2500));
    QCOMPARE(r.copayCents(QStringLiteral("98"), QStringLiteral("N")), std::optional<qint64>(5000));
    auto amount = [&](const char *code, const char *level, const char *period) -> qint64 {
        for (const BenefitInfo &b : r.benefits) {
            if (b.code == QLatin1String(code) && b.coverageLevel == QLatin1String(level) &&
                b.timePeriod == QLatin1String(period))
                return b.amountCents.value_or(-1);
        }
        return -2;
    };
    QCOMPARE(amount("C", "IND", "23"), 150000);
    QCOMPARE(amount("C", "IND", "29"), 70000);
    QCOMPARE(amount("C", "FAM", "23"), 300000);
    QCOMPARE(amount("G", "IND", "23"), 500000);
    QCOMPARE(amount("G", "IND", "29"), 320000);
    const auto coinsurance = r.benefitsWithCode(QStringLiteral("A"));
    QCOMPARE(coinsurance.size(), 1);
    QCOMPARE(coinsurance.first().percent, std::optional<double>(0.2));
}

void TestSandboxClearinghouse::activeHmoBenefits()
{
    SandboxClearinghouse clearinghouse;
    const EligibilityResult r =
        clearinghouse.resultsFor(requestFor(QStringLiteral("ACT200002")), 1).first();
    const auto copays = r.benefitsWithCode(QStringLiteral("B"));
    QCOMPARE(copays.size(), 4);
    QCOMPARE(copays.at(0).amountCents, std::optional<qint64>(1500));
    QCOMPARE(copays.at(1).amountCents, std::optional<qint64>(4000));
    QCOMPARE(r.copayCents(QStringLiteral("86")), std::optional<qint64>(15000));
    QCOMPARE(r.copayCents(QStringLiteral("UC")), std::optional<qint64>(5000));
    QVERIFY(r.requiresPriorAuthorization(QStringLiteral("62")));
    QVERIFY(!r.requiresPriorAuthorization(QStringLiteral("98")));
}

void TestSandboxClearinghouse::dependentAndCoordinationOfBenefits()
{
    SandboxClearinghouse clearinghouse;
    EligibilityRequest child = requestFor(QStringLiteral("DEP300003"));
    child.patientIsDependent = true;
    child.subscriberFirstName = QStringLiteral("Chris");
    child.dependentFirstName = QStringLiteral("Lily");
    child.dependentLastName = QStringLiteral("Smith");
    child.dependentDateOfBirth = QDate(2016, 5, 14);
    child.dependentRelationship = QStringLiteral("19");
    const EligibilityResult dep = clearinghouse.resultsFor(child, 1).first();
    QVERIFY(dep.dependent.has_value());
    QCOMPARE(dep.dependent->firstName, QStringLiteral("LILY"));
    QCOMPARE(dep.dependent->dateOfBirth, QDate(2016, 5, 14));
    QCOMPARE(dep.subscriber.firstName, QStringLiteral("CHRIS"));

    const EligibilityResult cob =
        clearinghouse.resultsFor(requestFor(QStringLiteral("COB400004")), 1).first();
    QCOMPARE(cob.status, EligibilityResult::Status::Active);
    QCOMPARE(cob.otherPayers.size(), 1);
    QCOMPARE(cob.otherPayers.first().name, QStringLiteral("MEDICARE PART B"));
}

void TestSandboxClearinghouse::inactiveAndRejections()
{
    SandboxClearinghouse clearinghouse;
    const EligibilityResult inactive =
        clearinghouse.resultsFor(requestFor(QStringLiteral("INA500005")), 1).first();
    QCOMPARE(inactive.status, EligibilityResult::Status::Inactive);
    QCOMPARE(inactive.coverageEnd(), QDate(2026, 6, 30));
    for (const auto &[member, code] :
         {std::pair{"BAD600006", "72"}, std::pair{"NAM700007", "73"}, std::pair{"NOF800008", "75"},
          std::pair{"XYZ123456", "75"}}) {
        const EligibilityResult r =
            clearinghouse.resultsFor(requestFor(QLatin1String(member)), 1).first();
        QCOMPARE(r.status, EligibilityResult::Status::Rejected);
        QCOMPARE(r.rejections.size(), 1);
        QCOMPARE(r.rejections.first().code, QLatin1String(code));
        QCOMPARE(r.rejections.first().loop, QStringLiteral("2100C"));
        QVERIFY(!r.rejections.first().reason().isEmpty());
        QVERIFY(!r.rejections.first().whatToFix().isEmpty());
        QVERIFY(!r.rejections.first().isTransient());
    }
}

void TestSandboxClearinghouse::busyMemberAnswersOnTheThirdTry()
{
    SandboxClearinghouse clearinghouse;
    const QByteArray request =
        EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("BSY900009")));
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const auto answer = clearinghouse.answer(request);
        const EligibilityResult &r = answer.results.first();
        if (attempt % 3 == 0) {
            QCOMPARE(r.status, EligibilityResult::Status::Active);
        } else {
            QCOMPARE(r.status, EligibilityResult::Status::Rejected);
            QCOMPARE(r.rejections.first().code, QStringLiteral("42"));
            QVERIFY(r.rejections.first().isTransient());
        }
    }
}

void TestSandboxClearinghouse::http()
{
    SandboxServer::Options options;
    // The late answer comes after the request timeout: a pending answer is never cut.
    options.slowDelayMs = 1500;
    options.requestTimeoutMs = 1000;
    SandboxHost host(options);
    QString error;
    QVERIFY2(host.start(&error), qPrintable(error));
    QCOMPARE(host.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QNetworkAccessManager network;

    QUrl health = host.baseUrl();
    health.setPath(QStringLiteral("/health"));
    QNetworkReply *reply = network.get(QNetworkRequest(health));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(QJsonDocument::fromJson(reply->readAll())
                 .object()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("ok"));
    reply->deleteLater();

    const HttpAnswer ok =
        post(network, host.clearinghouseUrl(),
             EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("ACT100001"))));
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.body.startsWith("ISA*"));

    const HttpAnswer garbage =
        post(network, host.clearinghouseUrl(), QByteArrayLiteral("hello, not X12"));
    QCOMPARE(garbage.status, 400);
    QVERIFY(garbage.body.contains("Not a valid 270"));

    const HttpAnswer huge =
        post(network, host.clearinghouseUrl(), QByteArray(2 * 1024 * 1024, 'A'));
    QCOMPARE(huge.status, 413);

    const HttpAnswer unavailable =
        post(network, host.clearinghouseUrl(),
             EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("ERR500011"))));
    QCOMPARE(unavailable.status, 503);

    const HttpAnswer slow =
        post(network, host.clearinghouseUrl(),
             EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("SLOW00010"))));
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 1400, qPrintable(QString::number(slow.elapsedMs)));

    // A client that gives up before a late answer does not take the server down.
    QNetworkRequest late(host.clearinghouseUrl());
    late.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/edi-x12"));
    QNetworkReply *abandoned = network.post(
        late, EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("SLOW00011"))));
    QTest::qWait(100);
    abandoned->abort();
    abandoned->deleteLater();
    QTest::qWait(1600);
    const HttpAnswer after =
        post(network, host.clearinghouseUrl(),
             EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("ACT100001"))));
    QCOMPARE(after.status, 200);
}

void TestSandboxClearinghouse::httpLimitsAndMethods()
{
    SandboxServer::Options options;
    options.requestTimeoutMs = 500;
    SandboxHost host(options);
    QString error;
    QVERIFY2(host.start(&error), qPrintable(error));
    const QUrl base = host.baseUrl();

    // 413 as soon as the head announces too much: the body is never sent here.
    RawExchange tooLarge = exchange(base, "POST /clearinghouse/x12/270 HTTP/1.1\r\nHost: t\r\n"
                                          "Content-Type: application/edi-x12\r\n"
                                          "Content-Length: 2097152\r\n\r\n");
    QVERIFY2(tooLarge.received.startsWith("HTTP/1.1 413 "), tooLarge.received.constData());
    QVERIFY(tooLarge.closed);

    // A path with another method: 405 and what is allowed; an unknown path: 404.
    RawExchange wrongMethod = exchange(
        base, "GET /clearinghouse/x12/270 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QVERIFY2(wrongMethod.received.startsWith("HTTP/1.1 405 "), wrongMethod.received.constData());
    QVERIFY(wrongMethod.received.contains("\r\nAllow: POST\r\n"));
    RawExchange postHealth = exchange(base, "POST /health HTTP/1.1\r\nHost: t\r\n"
                                            "Content-Length: 0\r\nConnection: close\r\n\r\n");
    QVERIFY2(postHealth.received.startsWith("HTTP/1.1 405 "), postHealth.received.constData());
    QVERIFY(postHealth.received.contains("\r\nAllow: GET\r\n"));
    RawExchange unknown =
        exchange(base, "GET /payor/claims HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QVERIFY2(unknown.received.startsWith("HTTP/1.1 404 "), unknown.received.constData());

    // HTTP/1.0 gets its answer, then the connection closes.
    RawExchange old = exchange(base, "GET /health HTTP/1.0\r\n\r\n");
    QVERIFY2(old.received.startsWith("HTTP/1.1 200 "), old.received.constData());
    QVERIFY(old.received.contains("\"ok\""));
    QVERIFY(old.closed);

    // Chunked bodies are refused; so is a request that never finishes arriving.
    RawExchange chunked = exchange(base, "POST /clearinghouse/x12/270 HTTP/1.1\r\nHost: t\r\n"
                                         "Transfer-Encoding: chunked\r\n\r\n3\r\nISA\r\n");
    QVERIFY2(chunked.received.startsWith("HTTP/1.1 411 "), chunked.received.constData());
    RawExchange unfinished = exchange(base, "POST /clearinghouse/x12/270 HTTP/1.1\r\nHost: t\r\n"
                                            "Content-Length: 100\r\n\r\nISA*00");
    QVERIFY2(unfinished.received.startsWith("HTTP/1.1 408 "), unfinished.received.constData());
    QVERIFY(unfinished.closed);

    // The server goes on answering real requests.
    QNetworkAccessManager network;
    const HttpAnswer ok =
        post(network, host.clearinghouseUrl(),
             EligibilityRequestBuilder::buildBytes(requestFor(QStringLiteral("ACT100001"))));
    QCOMPARE(ok.status, 200);
}

void TestSandboxClearinghouse::clearinghouseJob()
{
    SandboxServer::Options options;
    options.slowDelayMs = 3000;
    SandboxHost host(options);
    QString error;
    QVERIFY2(host.start(&error), qPrintable(error));
    QNetworkAccessManager network;
    struct Result
    {
        Job::Error error;
        int status;
        QByteArray response;
        QString message;
    };
    auto run = [&](const QUrl &url, const QByteArray &request, int timeoutMs) {
        ClearinghouseJob job(&network, url, request, timeoutMs);
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        finished.wait(15000);
        return Result{job.error(), job.httpStatus(), job.response(), job.errorString()};
    };
    auto request = [](const char *member) {
        return EligibilityRequestBuilder::buildBytes(requestFor(QLatin1String(member)));
    };

    Result r = run(host.clearinghouseUrl(), request("ACT100001"), 10000);
    QCOMPARE(r.error, Job::Error::NoError);
    QCOMPARE(r.status, 200);
    QVERIFY(r.response.startsWith("ISA*"));
    QVERIFY(r.message.isEmpty());

    r = run(host.clearinghouseUrl(), request("ERR500011"), 10000);
    QCOMPARE(r.error, Job::Error::ServerError);
    QCOMPARE(r.status, 503);
    QVERIFY2(r.message.contains(QStringLiteral("unavailable (HTTP 503)")), qPrintable(r.message));

    r = run(host.clearinghouseUrl(), "hello, not X12", 10000);
    QCOMPARE(r.error, Job::Error::HttpError);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.message.contains(QStringLiteral("refused the request (HTTP 400)")),
             qPrintable(r.message));

    r = run(host.clearinghouseUrl(), request("SLOW00010"), 500);
    QCOMPARE(r.error, Job::Error::Timeout);
    QVERIFY2(r.message.contains(QStringLiteral("did not answer within 1 second")),
             qPrintable(r.message));

    QUrl wrongPath = host.baseUrl();
    wrongPath.setPath(QStringLiteral("/health"));
    r = run(wrongPath, request("ACT100001"), 10000);
    QCOMPARE(r.error, Job::Error::HttpError);
    QCOMPARE(r.status, 405);

    r = run(QUrl(QStringLiteral("clearinghouse.example")), request("ACT100001"), 10000);
    QCOMPARE(r.error, Job::Error::InvalidRequest);
    QVERIFY(r.message.contains(QStringLiteral("clearinghouse address")));
}

QTEST_GUILESS_MAIN(TestSandboxClearinghouse)
#include "tst_sandboxclearinghouse.moc"
