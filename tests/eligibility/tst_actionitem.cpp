// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What needs the front desk's action: the rule for one scheduled patient's coverage, and the
// list of a schedule (one row per patient, soonest first, cancelled and no-show visits left out).
#include "services/eligibility/actionitem.h"

#include <QTest>

namespace {
const QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);

/*!
  A scheduled patient from a compact spec: "none" (no coverage), "never" (never verified),
  "pending", "active:<hours ago>", "inactive:<hours ago>", "review", "expired",
  "rejected", "timeout".
 */
ScheduleEntry entry(const QString &spec, qint64 patientId = 1, int startMinutes = 0,
                    AppointmentStatus status = AppointmentStatus::Scheduled)
{
    ScheduleEntry e;
    e.appointment.id = patientId * 100 + startMinutes;
    e.appointment.patientId = patientId;
    e.appointment.start = now.addSecs(60 * startMinutes);
    e.appointment.status = status;
    e.patient.id = patientId;
    const QStringList parts = spec.split(QLatin1Char(':'));
    const QString kind = parts.at(0);
    if (kind == QLatin1String("none"))
        return e;
    Coverage coverage;
    coverage.id = patientId * 10;
    coverage.patientId = patientId;
    e.coverage = coverage;
    if (kind == QLatin1String("never"))
        return e;
    Verification v;
    v.patientId = patientId;
    v.coverageId = coverage.id;
    const int hoursAgo = parts.value(1, QStringLiteral("1")).toInt();
    v.requestedAt = now.addSecs(-3600 * hoursAgo);
    v.completedAt = v.requestedAt.addSecs(1);
    if (kind == QLatin1String("pending")) {
        v.status = VerificationStatus::Pending;
        v.completedAt = QDateTime();
    } else if (kind == QLatin1String("active") || kind == QLatin1String("inactive")) {
        v.status = VerificationStatus::Verified;
        EligibilityResult result;
        result.status = kind == QLatin1String("active") ? EligibilityResult::Status::Active
                                                        : EligibilityResult::Status::Inactive;
        v.result = result;
    } else if (kind == QLatin1String("review")) {
        v.status = VerificationStatus::ManualReview;
    } else if (kind == QLatin1String("expired")) {
        v.status = VerificationStatus::Expired;
    } else {
        v.status = VerificationStatus::Failed;
        v.error = kind == QLatin1String("rejected") ? VerificationError::Rejected
                                                    : VerificationError::Timeout;
    }
    e.verification = v;
    e.status = v.status;
    return e;
}
} // namespace

class TestActionItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reasonFor_data();
    void reasonFor();
    void reasonKeys();
    void listIsOnePerPatientSoonestFirst();
};

void TestActionItem::reasonFor_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("reason"); // key, or "" when nothing is needed

    QTest::newRow("no coverage") << "none"
                                 << "not_verified";
    QTest::newRow("never verified") << "never"
                                    << "not_verified";
    QTest::newRow("still being asked") << "pending"
                                       << "not_verified";
    QTest::newRow("active an hour ago") << "active:1"
                                        << "";
    QTest::newRow("active 23 hours ago") << "active:23"
                                         << "";
    QTest::newRow("active 25 hours ago: past the reuse window") << "active:25"
                                                                << "not_verified";
    QTest::newRow("inactive") << "inactive:1"
                              << "inactive";
    QTest::newRow("inactive long ago is still inactive") << "inactive:200"
                                                         << "inactive";
    QTest::newRow("needs review") << "review"
                                  << "needs_review";
    QTest::newRow("expired") << "expired"
                             << "expired";
    QTest::newRow("rejected") << "rejected"
                              << "rejected";
    QTest::newRow("timed out") << "timeout"
                               << "could_not_verify";
}

void TestActionItem::reasonFor()
{
    QFETCH(QString, spec);
    QFETCH(QString, reason);
    const auto found = ActionItem::reasonFor(entry(spec), 24, now);
    QCOMPARE(found ? actionReasonKey(*found) : QString(), reason);
}

void TestActionItem::reasonKeys()
{
    QSet<QString> keys;
    for (ActionReason reason :
         {ActionReason::Rejected, ActionReason::CouldNotVerify, ActionReason::Inactive,
          ActionReason::NeedsReview, ActionReason::Expired, ActionReason::NotVerified})
        keys.insert(actionReasonKey(reason));
    QCOMPARE(keys.size(), 6);
}

void TestActionItem::listIsOnePerPatientSoonestFirst()
{
    using A = AppointmentStatus;
    const QList<ScheduleEntry> schedule{
        entry(QStringLiteral("rejected"), 1, 300),           // Rita, later visit: once
        entry(QStringLiteral("active:1"), 2, 10),            // in order: not listed
        entry(QStringLiteral("never"), 3, 60, A::Cancelled), // cancelled: not listed
        entry(QStringLiteral("never"), 4, 120, A::NoShow),   // did not come: not listed
        entry(QStringLiteral("inactive:2"), 5, 90, A::CheckedIn),
        entry(QStringLiteral("rejected"), 1, 30), // Rita's first visit
        entry(QStringLiteral("none"), 6, 30),     // same time as Rita: by id
        entry(QStringLiteral("never"), 3, 200),   // Cal's other visit counts
    };
    const QList<ActionItem> items = ActionItem::fromSchedule(schedule, 24, now);
    QStringList rows;
    for (const ActionItem &item : items) {
        rows << QStringLiteral("%1@%2 %3")
                    .arg(item.entry.appointment.patientId)
                    .arg(now.secsTo(item.entry.appointment.start) / 60)
                    .arg(actionReasonKey(item.reason));
    }
    QCOMPARE(rows, (QStringList{"1@30 rejected", "6@30 not_verified", "5@90 inactive",
                                "3@200 not_verified"}));
}

QTEST_GUILESS_MAIN(TestActionItem)
#include "tst_actionitem.moc"
