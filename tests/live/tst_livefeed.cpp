// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Desks and the hub, all real, on loopback: two training desks (each its own database, services
// and sandbox) follow one in-process clinichub. Network faults come from a TCP relay.
#include "common/feedtestclient.h"
#include "common/tcprelay.h"
#include "common/trainingenvironment.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/patients/clinicevents.h"
#include "services/store/appointmentrepository.h"
#include "services/store/liveeventrepository.h"
#include "services/store/patientrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {
const QByteArray token = "training-token";

struct Desk
{
    explicit Desk(const QUrl &feedUrl, const QString &device, LiveFeed::Options tweak = {})
    {
        tweak.url = feedUrl;
        tweak.token = token;
        tweak.device = device;
        tweak.backoffBaseMs = 50;
        tweak.backoffCapMs = 400;
        tweak.retryFailedEveryMs = std::min(tweak.retryFailedEveryMs, 300);
        feed = std::make_unique<LiveFeed>(&env.store(), tweak);
        ClinicEvents::connectToFeed(feed.get(), &env.appointments(), &env.patients());
        feed->start();
    }
    ~Desk() { feed.reset(); }

    bool waitConnected(int timeoutMs = 10000)
    {
        // Connected, and past the first handshake: a new desk starts from the hub's position
        // (its reset), so what is posted before that is not the desk's to see.
        const bool connected = QTest::qWaitFor(
            [this] {
                return feed->state() == LiveFeed::State::Connected
                       && !feed->cursor().epoch.isEmpty();
            },
            timeoutMs);
        if (!connected)
            qWarning() << "not connected:" << feed->state() << feed->lastError();
        return connected;
    }
    LiveCursor cursor()
    {
        return *env.read([](const QString &c) { return LiveEventRepository(c).cursor(); });
    }
    QList<LiveEventRecord> log()
    {
        QList<LiveEventRecord> records =
            *env.read([](const QString &c) { return LiveEventRepository(c).recent(1000000); });
        std::reverse(records.begin(), records.end());
        return records;
    }
    bool waitForSeq(qint64 seq, int timeoutMs = 20000)
    {
        return QTest::qWaitFor([&] { return feed->cursor().lastAppliedSeq >= seq; }, timeoutMs);
    }

    TrainingEnvironment env;
    std::unique_ptr<LiveFeed> feed;
};

//! 1..n, each once, in order: what every desk's log must hold.
bool contiguous(const QList<LiveEventRecord> &log, qint64 n, QString *why)
{
    if (log.size() != n) {
        QStringList missing;
        qint64 expected = 1;
        for (const LiveEventRecord &record : log) {
            for (; expected < record.event.seq && missing.size() < 10; ++expected)
                missing << QString::number(expected);
            expected = record.event.seq + 1;
        }
        *why = QStringLiteral("%1 events logged, expected %2 (missing %3; first %4)")
                   .arg(log.size())
                   .arg(n)
                   .arg(missing.join(QLatin1Char(',')))
                   .arg(log.isEmpty() ? 0 : log.constFirst().event.seq);
        return false;
    }
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).event.seq != i + 1) {
            *why = QStringLiteral("position %1 holds seq %2").arg(i).arg(log.at(i).event.seq);
            return false;
        }
    }
    return true;
}
} // namespace

class TestLiveFeed : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void scheduleChangeReachesTheOtherDesk();
    void newPatientAndVisitReachTheOtherDesk();
    void failedEventIsRetriedWhenItCanApply();
    void sameMrnOnAnotherPersonIsNotOverwritten();
    void webhooksAreLoggedAndAcknowledged();
    void hubRestartResumesWithoutLossOrDuplicates();
    void newEpochResetsTheDesk();
    void droppedConnectionsLoseNothing();
    void silentConnectionIsDetected();
    void duplicatesAndOverlappingReplaysChangeNothing();
    void backlogIsBoundedAndCaughtUp();

private:
    void startHub(quint16 port = 0, const QString &database = {});
    int postWebhooks(int count, const QString &prefix);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HubHost> m_hub;
    QNetworkAccessManager m_network;
};

void TestLiveFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    startHub();
}

void TestLiveFeed::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

void TestLiveFeed::startHub(quint16 port, const QString &database)
{
    HubConfig config = HubHost::trainingConfig(
        database.isEmpty() ? m_dir->filePath(QStringLiteral("hub.sqlite")) : database, token);
    if (m_hub)
        config.metriportWebhookKey = m_hub->config().metriportWebhookKey;
    config.port = port;
    m_hub.reset();
    m_hub = std::make_unique<HubHost>(config);
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
}

int TestLiveFeed::postWebhooks(int count, const QString &prefix)
{
    QUrl url = m_hub->baseUrl();
    url.setPath(QStringLiteral("/webhooks/metriport"));
    int accepted = 0;
    for (int i = 0; i < count; ++i) {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("meta"),
                                       QJsonObject{{QStringLiteral("messageId"),
                                                    prefix + QString::number(i)},
                                                   {QStringLiteral("type"),
                                                    QStringLiteral("medical.document-conversion")}}},
                                      {QStringLiteral("n"), i}})
                .toJson(QJsonDocument::Compact);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("x-metriport-signature",
                             MetriportSignature::sign(m_hub->config().metriportWebhookKey, body));
        QNetworkReply *reply = m_network.post(request, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
        accepted += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
    }
    return accepted;
}

void TestLiveFeed::scheduleChangeReachesTheOtherDesk()
{
    Desk a(m_hub->feedUrl(), QStringLiteral("desk-a"));
    Desk b(m_hub->feedUrl(), QStringLiteral("desk-b"));
    QVERIFY(a.env.isReady() && b.env.isReady());
    QVERIFY(a.waitConnected());
    QVERIFY(b.waitConnected());

    // The same demo visit on both desks, known by its uid.
    const QList<Appointment> today = *a.env.read([](const QString &c) {
        return AppointmentRepository(c).forDay(QDate::currentDate());
    });
    QVERIFY(!today.isEmpty());
    const Appointment visit = today.constFirst();
    QVERIFY(!visit.uid.isEmpty());
    const std::optional<Appointment> before = *b.env.read(
        [uid = visit.uid](const QString &c) { return AppointmentRepository(c).findByUid(uid); });
    QVERIFY(before.has_value());
    QCOMPARE(before->start, visit.start);

    QSignalSpy elsewhere(&b.env.appointments(), &AppointmentService::appointmentChangedElsewhere);
    const QDateTime moved = visit.start.addSecs(45 * 60);
    const StoreResult<Appointment> saved =
        TestSupport::await(a.env.appointments().reschedule(visit.id, moved, 20));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));

    QVERIFY(QTest::qWaitFor([&] { return !elsewhere.isEmpty(); }, 5000));
    const Appointment seen = elsewhere.constFirst().at(0).value<Appointment>();
    QCOMPARE(elsewhere.constFirst().at(1).toString(), QStringLiteral("desk-a"));
    QCOMPARE(seen.uid, visit.uid);
    QCOMPARE(seen.start, moved);
    QCOMPARE(seen.durationMinutes, 20);
    QVERIFY(seen.id != 0);

    // Desk A logged its own echo as ignored and emptied its outbox.
    QVERIFY(a.waitForSeq(1));
    const QList<LiveEventRecord> aLog = a.log();
    QCOMPARE(aLog.size(), 1);
    QCOMPARE(aLog.constFirst().status, LiveEventStatus::Ignored);
    QCOMPARE(aLog.constFirst().event.eventType, QStringLiteral("appointment.updated"));
    QVERIFY(QTest::qWaitFor([&] {
        return a.env.read([](const QString &c) { return LiveEventRepository(c).outbox(10); })->isEmpty();
    }, 5000));
    const QList<LiveEventRecord> bLog = b.log();
    QCOMPARE(bLog.size(), 1);
    QCOMPARE(bLog.constFirst().status, LiveEventStatus::Applied);

    // Cancelling on B comes back to A.
    QSignalSpy cancelledOnA(&a.env.appointments(), &AppointmentService::appointmentChangedElsewhere);
    QVERIFY(TestSupport::await(b.env.appointments().cancel(seen.id, QStringLiteral("sick"))).ok());
    QVERIFY(QTest::qWaitFor([&] { return !cancelledOnA.isEmpty(); }, 5000));
    const Appointment cancelled = cancelledOnA.constFirst().at(0).value<Appointment>();
    QVERIFY(cancelled.isCancelled());
    QCOMPARE(cancelled.cancelReason, QStringLiteral("sick"));
}

void TestLiveFeed::newPatientAndVisitReachTheOtherDesk()
{
    Desk a(m_hub->feedUrl(), QStringLiteral("desk-a"));
    Desk b(m_hub->feedUrl(), QStringLiteral("desk-b"));
    QVERIFY(a.waitConnected() && b.waitConnected());
    Patient patient;
    patient.firstName = QStringLiteral("Iris");
    patient.lastName = QStringLiteral("Okonkwo");
    patient.dateOfBirth = QDate(1984, 3, 9);
    patient.gender = Gender::Female;
    const StoreResult<Patient> registered = TestSupport::await(a.env.patients().registerPatient(patient));
    QVERIFY2(registered.ok(), qPrintable(registered.error()));
    Appointment visit;
    visit.patientId = registered->id;
    visit.start = QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)).toUTC();
    visit.provider = QStringLiteral("Dr. Lee");
    visit.visitType = QStringLiteral("Office visit");
    const StoreResult<Appointment> booked = TestSupport::await(a.env.appointments().add(visit));
    QVERIFY2(booked.ok(), qPrintable(booked.error()));

    QVERIFY(b.waitForSeq(2));
    const std::optional<Patient> onB = *b.env.read([mrn = registered->mrn](const QString &c) {
        return PatientRepository(c).findByMrn(mrn);
    });
    QVERIFY(onB.has_value());
    QCOMPARE(onB->lastName, QStringLiteral("Okonkwo"));
    QCOMPARE(onB->dateOfBirth, QDate(1984, 3, 9));
    const std::optional<Appointment> visitOnB = *b.env.read(
        [uid = booked->uid](const QString &c) { return AppointmentRepository(c).findByUid(uid); });
    QVERIFY(visitOnB.has_value());
    QCOMPARE(visitOnB->patientId, onB->id);
    QCOMPARE(visitOnB->provider, QStringLiteral("Dr. Lee"));
}

void TestLiveFeed::failedEventIsRetriedWhenItCanApply()
{
    Desk b(m_hub->feedUrl(), QStringLiteral("desk-b"));
    QVERIFY(b.waitConnected());
    // Another desk whose patient event comes after its visit's.
    QWebSocket other;
    other.open(m_hub->feedUrl());
    QVERIFY(QTest::qWaitFor([&] { return other.state() == QAbstractSocket::ConnectedState; }, 5000));
    other.sendTextMessage(QString::fromUtf8(FeedProtocol::encode(
        FeedProtocol::Hello{QStringLiteral("desk-x"), QString::fromUtf8(token), QString(), 0})));
    Appointment visit;
    visit.uid = QStringLiteral("visit-from-x");
    visit.start = QDateTime(QDate::currentDate().addDays(2), QTime(11, 0)).toUTC();
    visit.provider = QStringLiteral("Dr. Ruiz");
    other.sendTextMessage(QString::fromUtf8(FeedProtocol::encode(FeedProtocol::Publish{
        QStringLiteral("p1"), QStringLiteral("appointment.created"),
        ClinicEvents::appointmentPayload(visit, QStringLiteral("MRN777777"))})));
    QVERIFY(b.waitForSeq(1));
    QList<LiveEventRecord> log = b.log();
    QCOMPARE(log.constFirst().status, LiveEventStatus::Failed);
    QVERIFY(log.constFirst().error.contains(QLatin1String("MRN777777")));

    Patient patient;
    patient.mrn = QStringLiteral("MRN777777");
    patient.firstName = QStringLiteral("Tomas");
    patient.lastName = QStringLiteral("Vega");
    patient.dateOfBirth = QDate(1990, 1, 2);
    other.sendTextMessage(QString::fromUtf8(FeedProtocol::encode(FeedProtocol::Publish{
        QStringLiteral("p2"), QStringLiteral("patient.updated"), ClinicEvents::patientPayload(patient)})));
    // The automatic retry applies the visit once the patient is there.
    QVERIFY(QTest::qWaitFor([&] {
        log = b.log();
        return log.size() == 2 && log.constFirst().status == LiveEventStatus::Applied;
    }, 10000));
    QCOMPARE(log.constFirst().attempts, 2);
    QCOMPARE(log.constLast().status, LiveEventStatus::Applied);
    QVERIFY(b.env.read([](const QString &c) {
                 return AppointmentRepository(c).findByUid(QStringLiteral("visit-from-x"));
             })->has_value());
}

void TestLiveFeed::sameMrnOnAnotherPersonIsNotOverwritten()
{
    Desk b(m_hub->feedUrl(), QStringLiteral("desk-b"));
    QVERIFY(b.waitConnected());
    const QList<Patient> patients =
        *b.env.read([](const QString &c) { return PatientRepository(c).all(); });
    QVERIFY(!patients.isEmpty());
    const Patient local = patients.constFirst();
    QVERIFY(!local.mrn.isEmpty());
    // Another desk numbered a different person with the same MRN.
    Patient stranger;
    stranger.mrn = local.mrn;
    stranger.firstName = QStringLiteral("Other");
    stranger.lastName = QStringLiteral("Person");
    stranger.dateOfBirth = local.dateOfBirth.addYears(-7);
    FeedTestClient other(m_hub->feedUrl());
    QVERIFY(other.hello(QStringLiteral("desk-x"), QString::fromUtf8(token), QString(), 0));
    other.send(FeedProtocol::Publish{QStringLiteral("p"), QStringLiteral("patient.updated"),
                                     ClinicEvents::patientPayload(stranger)});
    QVERIFY(b.waitForSeq(1));
    QCOMPARE(b.log().constFirst().status, LiveEventStatus::Failed);
    QVERIFY(b.log().constFirst().error.contains(local.mrn));
    const std::optional<Patient> after = *b.env.read(
        [mrn = local.mrn](const QString &c) { return PatientRepository(c).findByMrn(mrn); });
    QCOMPARE(after->lastName, local.lastName);
    QCOMPARE(after->dateOfBirth, local.dateOfBirth);
}

void TestLiveFeed::webhooksAreLoggedAndAcknowledged()
{
    Desk a(m_hub->feedUrl(), QStringLiteral("desk-a"));
    QVERIFY(a.waitConnected());
    QCOMPARE(postWebhooks(25, QStringLiteral("w-")), 25);
    QVERIFY(a.waitForSeq(25));
    QString why;
    QVERIFY2(contiguous(a.log(), 25, &why), qPrintable(why));
    // No service uses document conversions yet: logged as ignored, never lost.
    QCOMPARE(a.log().constFirst().status, LiveEventStatus::Ignored);
    QCOMPARE(a.cursor().lastAppliedSeq, 25);
    QCOMPARE(a.cursor().epoch, a.feed->cursor().epoch);
    const StoreResult<LiveEventCounts> counts = TestSupport::await(a.feed->counts());
    QCOMPARE(counts->received, 25);
    QCOMPARE(counts->perType.value(0).first, QStringLiteral("medical.document-conversion"));
}

void TestLiveFeed::hubRestartResumesWithoutLossOrDuplicates()
{
    Desk a(m_hub->feedUrl(), QStringLiteral("desk-a"));
    QVERIFY(a.waitConnected());
    QCOMPARE(postWebhooks(10, QStringLiteral("before-")), 10);
    QVERIFY(a.waitForSeq(10));
    const quint16 port = quint16(m_hub->baseUrl().port());
    const QString epoch = a.cursor().epoch;
    m_hub->stop();
    QVERIFY(QTest::qWaitFor([&] { return a.feed->state() != LiveFeed::State::Connected; }, 5000));
    QVERIFY(a.feed->offlineSince().isValid());
    startHub(port);
    QVERIFY(a.waitConnected());
    QCOMPARE(postWebhooks(10, QStringLiteral("after-")), 10);
    QVERIFY(a.waitForSeq(20));
    QString why;
    QVERIFY2(contiguous(a.log(), 20, &why), qPrintable(why));
    QCOMPARE(a.cursor().epoch, epoch); // the same log: resumed, not reset
}

void TestLiveFeed::newEpochResetsTheDesk()
{
    Desk a(m_hub->feedUrl(), QStringLiteral("desk-a"));
    QVERIFY(a.waitConnected());
    QCOMPARE(postWebhooks(5, QStringLiteral("old-")), 5);
    QVERIFY(a.waitForSeq(5));
    const QString oldEpoch = a.cursor().epoch;
    QSignalSpy resets(a.feed.get(), &LiveFeed::resetReceived);
    const quint16 port = quint16(m_hub->baseUrl().port());
    m_hub->stop();
    // The hub's database is replaced: a new epoch, with events the desk never saw.
    startHub(port, m_dir->filePath(QStringLiteral("replaced.sqlite")));
    QCOMPARE(postWebhooks(3, QStringLiteral("new-")), 3);
    QVERIFY(QTest::qWaitFor([&] { return !resets.isEmpty(); }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return a.cursor().epoch != oldEpoch; }, 5000));
    // From the hub's position at the handshake on: whatever came after it is applied.
    QVERIFY(a.waitForSeq(3));
    const QString newEpoch = a.cursor().epoch;
    QCOMPARE(a.cursor().lastAppliedSeq, 3);
    QCOMPARE(postWebhooks(2, QStringLiteral("later-")), 2);
    QVERIFY(a.waitForSeq(5));
    QCOMPARE(a.cursor().epoch, newEpoch);
}

void TestLiveFeed::droppedConnectionsLoseNothing()
{
    TcpRelay relay(quint16(m_hub->baseUrl().port()));
    QUrl url = m_hub->feedUrl();
    url.setPort(relay.port());
    Desk a(url, QStringLiteral("desk-a"));
    QVERIFY(a.waitConnected());
    int posted = 0;
    for (int round = 0; round < 20; ++round) {
        posted += postWebhooks(10, QStringLiteral("r%1-").arg(round));
        relay.dropAll();
        QTest::qWait(20);
    }
    QCOMPARE(posted, 200);
    QVERIFY(a.waitForSeq(200, 30000));
    QString why;
    QVERIFY2(contiguous(a.log(), 200, &why), qPrintable(why));
}

void TestLiveFeed::silentConnectionIsDetected()
{
    TcpRelay relay(quint16(m_hub->baseUrl().port()));
    QUrl url = m_hub->feedUrl();
    url.setPort(relay.port());
    LiveFeed::Options options;
    options.pingIntervalMs = 300;
    options.silenceLimitMs = 1200;
    Desk a(url, QStringLiteral("desk-a"), options);
    QVERIFY(a.waitConnected());
    relay.setSilent(true); // no FIN: only the silence tells
    QElapsedTimer clock;
    clock.start();
    QVERIFY(QTest::qWaitFor([&] { return a.feed->state() != LiveFeed::State::Connected; }, 5000));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    relay.setSilent(false);
    QVERIFY(a.waitConnected());
    QCOMPARE(postWebhooks(3, QStringLiteral("s-")), 3);
    QVERIFY(a.waitForSeq(3));
}

void TestLiveFeed::duplicatesAndOverlappingReplaysChangeNothing()
{
    // A faulty hub: it sends every event twice and replays overlapping ranges.
    QWebSocketServer faulty(QStringLiteral("faulty"), QWebSocketServer::NonSecureMode);
    QVERIFY(faulty.listen(QHostAddress::LocalHost, 0));
    const QString epoch = QStringLiteral("faulty-epoch");
    auto event = [epoch](qint64 seq) {
        return QString::fromUtf8(FeedProtocol::encodeEvent(
            seq, epoch, QStringLiteral("payor"), QStringLiteral("claim_created"),
            QDateTime::currentDateTimeUtc(), QByteArray(R"({"n":)") + QByteArray::number(seq) + "}"));
    };
    QObject::connect(&faulty, &QWebSocketServer::newConnection, &faulty, [&faulty, event, epoch] {
        QWebSocket *socket = faulty.nextPendingConnection();
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                         [socket, event, epoch](const QString &text) {
                             if (!text.contains(QLatin1String("\"hello\"")))
                                 return;
                             socket->sendTextMessage(QString::fromUtf8(
                                 FeedProtocol::encode(FeedProtocol::Reset{epoch, 0})));
                             for (qint64 seq = 1; seq <= 10; ++seq) {
                                 socket->sendTextMessage(event(seq));
                                 socket->sendTextMessage(event(seq));
                             }
                             for (qint64 seq = 4; seq <= 12; ++seq)
                                 socket->sendTextMessage(event(seq));
                         });
    });
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(faulty.serverPort());
    Desk a(url, QStringLiteral("desk-a"));
    QVERIFY(a.waitForSeq(12, 15000));
    QTest::qWait(200);
    QString why;
    QVERIFY2(contiguous(a.log(), 12, &why), qPrintable(why));
}

void TestLiveFeed::backlogIsBoundedAndCaughtUp()
{
    // A hub that answers every hello with everything after the cursor in one burst, faster than
    // any desk applies it.
    QWebSocketServer burst(QStringLiteral("burst"), QWebSocketServer::NonSecureMode);
    QVERIFY(burst.listen(QHostAddress::LocalHost, 0));
    const QString epoch = QStringLiteral("burst-epoch");
    constexpr qint64 total = 600;
    int connections = 0;
    QObject::connect(&burst, &QWebSocketServer::newConnection, &burst, [&] {
        QWebSocket *socket = burst.nextPendingConnection();
        ++connections;
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [socket, epoch](const QString &text) {
            const FeedProtocol::Decoded decoded = FeedProtocol::decode(text.toUtf8());
            const auto *hello = decoded.message ? std::get_if<FeedProtocol::Hello>(&*decoded.message) : nullptr;
            if (!hello)
                return;
            qint64 from = hello->lastSeq;
            if (hello->epoch != epoch) {
                socket->sendTextMessage(QString::fromUtf8(FeedProtocol::encode(FeedProtocol::Reset{epoch, 0})));
                from = 0;
            }
            for (qint64 seq = from + 1; seq <= total; ++seq) {
                socket->sendTextMessage(QString::fromUtf8(FeedProtocol::encodeEvent(
                    seq, epoch, QStringLiteral("payor"), QStringLiteral("claim_created"),
                    QDateTime::currentDateTimeUtc(), QByteArray(R"({"n":)") + QByteArray::number(seq) + "}")));
            }
        });
    });
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(burst.serverPort());
    LiveFeed::Options options;
    options.maxQueuedEvents = 50;
    options.batchSize = 20;
    Desk a(url, QStringLiteral("desk-a"), options);
    QVERIFY(a.waitForSeq(total, 30000));
    QString why;
    QVERIFY2(contiguous(a.log(), total, &why), qPrintable(why));
    QVERIFY2(connections > 1, "the desk never let go of a backlog");
}

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
