// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The live feed as the clerk sees it: the status bar's connection word, the event log with its
// Retry, and another desk's change landing on the open schedule with the selection kept.
#include "common/feedtestclient.h"
#include "common/trainingenvironment.h"
#include "models/liveeventmodel.h"
#include "models/schedulemodel.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/patients/clinicevents.h"
#include "services/store/appointmentrepository.h"
#include "ui/deskenvironment.h"
#include "ui/eventlogdialog.h"
#include "ui/livestatuslabel.h"
#include "ui/mainwindow.h"
#include "ui/notificationbanner.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace {
const QByteArray token = "widget-token";

std::unique_ptr<LiveFeed> feedFor(TrainingEnvironment &env, const QUrl &url, const QString &device)
{
    LiveFeed::Options options;
    options.url = url;
    options.token = token;
    options.device = device;
    options.backoffBaseMs = 50;
    options.backoffCapMs = 300;
    options.retryFailedEveryMs = 600000; // by hand in these tests
    auto feed = std::make_unique<LiveFeed>(&env.store(), options);
    ClinicEvents::connectToFeed(feed.get(), &env.appointments(), &env.patients());
    feed->start();
    return feed;
}

bool ready(LiveFeed *feed)
{
    return QTest::qWaitFor([feed] {
        return feed->state() == LiveFeed::State::Connected && !feed->cursor().epoch.isEmpty();
    }, 10000);
}
} // namespace

class TestLiveWidgets : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void statusLabelFollowsTheConnection();
    void eventLogShowsFailuresAndRetries();
    void otherDesksChangeLandsOnTheScheduleKeepingTheSelection();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HubHost> m_hub;
};

void TestLiveWidgets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<HubHost>(
        HubHost::trainingConfig(m_dir->filePath(QStringLiteral("hub.sqlite")), token));
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
}

void TestLiveWidgets::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

void TestLiveWidgets::statusLabelFollowsTheConnection()
{
    QCOMPARE(LiveStatusLabel::describe(nullptr), QStringLiteral("Live updates: not set up"));
    TrainingEnvironment env;
    std::unique_ptr<LiveFeed> feed = feedFor(env, m_hub->feedUrl(), QStringLiteral("desk-a"));
    LiveStatusLabel label(feed.get());
    QVERIFY(ready(feed.get()));
    QTRY_COMPARE(label.text(), QStringLiteral("Live: connected"));

    const HubConfig config = [&] {
        HubConfig c = m_hub->config();
        c.port = quint16(m_hub->baseUrl().port());
        return c;
    }();
    m_hub->stop();
    QTRY_VERIFY(label.text().startsWith(QLatin1String("Live: offline since")));
    // It says when it tries again, and counts down.
    QTRY_VERIFY(label.text().contains(QLatin1String("reconnecting in")));
    m_hub = std::make_unique<HubHost>(config);
    QVERIFY(m_hub->start());
    QTRY_COMPARE_WITH_TIMEOUT(label.text(), QStringLiteral("Live: connected"), 10000);
}

void TestLiveWidgets::eventLogShowsFailuresAndRetries()
{
    TrainingEnvironment env;
    std::unique_ptr<LiveFeed> feed = feedFor(env, m_hub->feedUrl(), QStringLiteral("desk-a"));
    QVERIFY(ready(feed.get()));
    EventLogDialog dialog(feed.get());
    QAbstractItemModelTester tester(dialog.model());
    dialog.show();

    // Another desk announces a visit for a patient this desk does not have yet.
    FeedTestClient other(m_hub->feedUrl());
    QVERIFY(other.hello(QStringLiteral("desk-x"), QString::fromUtf8(token), QString(), 0));
    Appointment visit;
    visit.uid = QStringLiteral("v-x");
    visit.start = QDateTime(QDate::currentDate().addDays(3), QTime(10, 0)).toUTC();
    visit.provider = QStringLiteral("Dr. Ruiz");
    other.send(FeedProtocol::Publish{QStringLiteral("1"), QStringLiteral("appointment.created"),
                                     ClinicEvents::appointmentPayload(visit, QStringLiteral("MRN555555"))});
    QTRY_COMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(dialog.model()->recordAt(0).status, LiveEventStatus::Failed);
    QCOMPARE(dialog.model()->index(0, LiveEventModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(dialog.model()->index(0, LiveEventModel::SourceColumn).data().toString(),
             QStringLiteral("Another desk (desk-x)"));
    QTRY_VERIFY(dialog.totalsLabel()->text().contains(QLatin1String("failed 1")));
    QVERIFY(!dialog.retryButton()->isEnabled()); // nothing selected
    dialog.table()->selectRow(0);
    QVERIFY(dialog.retryButton()->isEnabled());

    // The patient arrives; Retry applies the visit.
    Patient patient;
    patient.mrn = QStringLiteral("MRN555555");
    patient.firstName = QStringLiteral("Ana");
    patient.lastName = QStringLiteral("Ruiz");
    patient.dateOfBirth = QDate(1970, 7, 7);
    other.send(FeedProtocol::Publish{QStringLiteral("2"), QStringLiteral("patient.updated"),
                                     ClinicEvents::patientPayload(patient)});
    QTRY_COMPARE(dialog.model()->rowCount(), 2);
    // The newest row went on top; the failed visit is now the second row, still selected.
    QCOMPARE(dialog.table()->selectionModel()->selectedRows().value(0).row(), 1);
    QTest::mouseClick(dialog.retryButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.model()->recordAt(1).status, LiveEventStatus::Applied);
    QCOMPARE(dialog.model()->recordAt(1).attempts, 2);
    QTRY_VERIFY(dialog.totalsLabel()->text().contains(QStringLiteral("applied 2 · failed 0")));
    QVERIFY(!dialog.retryButton()->isEnabled());
}

void TestLiveWidgets::otherDesksChangeLandsOnTheScheduleKeepingTheSelection()
{
    TrainingEnvironment here;
    TrainingEnvironment there;
    std::unique_ptr<LiveFeed> feedHere = feedFor(here, m_hub->feedUrl(), QStringLiteral("desk-here"));
    std::unique_ptr<LiveFeed> feedThere = feedFor(there, m_hub->feedUrl(), QStringLiteral("desk-there"));
    QVERIFY(ready(feedHere.get()) && ready(feedThere.get()));

    DeskEnvironment e;
    e.patients = &here.patients();
    e.appointments = &here.appointments();
    e.eligibility = &here.service();
    e.reports = &here.reports();
    e.live = feedHere.get();
    e.user = QStringLiteral("tester");
    MainWindow window(e);
    window.show();
    ScheduleModel *schedule = window.scheduleModel();
    QAbstractItemModelTester tester(schedule);
    QTRY_VERIFY(schedule->rowCount() >= 5);
    const int rows = schedule->rowCount();
    // The clerk has the fourth visit selected.
    window.scheduleView()->selectRow(3);
    const qint64 selectedId = schedule->entryAt(3).appointment.id;

    // At the other desk the first visit of the day is cancelled.
    const QString firstUid = schedule->entryAt(0).appointment.uid;
    const auto theirs = *there.read([firstUid](const QString &c) {
        return AppointmentRepository(c).findByUid(firstUid);
    });
    QVERIFY(theirs.has_value());
    QVERIFY(TestSupport::await(there.appointments().cancel(theirs->id, QStringLiteral("Patient cancelled"))).ok());

    QTRY_COMPARE(schedule->rowCount(), rows - 1);
    const QModelIndexList selected = window.scheduleView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(schedule->entryAt(selected.first().row()).appointment.id, selectedId);
    auto *banner = window.findChild<NotificationBanner *>();
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->message().contains(QLatin1String("desk-there")), qPrintable(banner->message()));
    auto *status = window.findChild<LiveStatusLabel *>();
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Live: connected"));
}

QTEST_MAIN(TestLiveWidgets)
#include "tst_livewidgets.moc"
