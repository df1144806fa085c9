// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/auditlog.h"
#include "store/testdatabase.h"

#include <QTest>

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void recordsNewestFirst();
    void refusesEntriesWithoutUserOrAction_data();
    void refusesEntriesWithoutUserOrAction();
    void honoursLimit();
    void entriesCannotBeChanged_data();
    void entriesCannotBeChanged();
};

void TestAuditLog::recordsNewestFirst()
{
    TestDatabase db;
    QVERIFY(db.open());
    AuditLog log(db.connection());
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const qint64 first = STORE_VALUE(log.record(
        QStringLiteral("alice"), QStringLiteral("patient.view"), QStringLiteral("patient"), 7));
    const qint64 second = STORE_VALUE(log.record(
        QStringLiteral(" bob "), QStringLiteral("report.print"), QStringLiteral("report"), 12));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

    const QList<AuditEntry> entries = STORE_VALUE(log.entries());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).user, QStringLiteral("bob"));
    QCOMPARE(entries.at(0).action, QStringLiteral("report.print"));
    QCOMPARE(entries.at(0).entity, QStringLiteral("report"));
    QCOMPARE(entries.at(0).entityId, 12);
    QCOMPARE(entries.at(1).user, QStringLiteral("alice"));
    QCOMPARE(entries.at(1).action, QStringLiteral("patient.view"));
    QCOMPARE(entries.at(1).entityId, 7);
    QCOMPARE(entries.at(0).id, second); // record() gives the new row's id
    QCOMPARE(entries.at(1).id, first);
    QVERIFY(second > first);
    for (const AuditEntry &entry : entries) {
        QCOMPARE(entry.at.timeSpec(), Qt::UTC);
        QVERIFY(entry.at >= before && entry.at <= after);
    }
}

void TestAuditLog::refusesEntriesWithoutUserOrAction_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("action");
    QTest::newRow("no user") << QString() << QStringLiteral("patient.view");
    QTest::newRow("blank user") << QStringLiteral("  ") << QStringLiteral("patient.view");
    QTest::newRow("no action") << QStringLiteral("alice") << QString();
}

void TestAuditLog::refusesEntriesWithoutUserOrAction()
{
    QFETCH(QString, user);
    QFETCH(QString, action);
    TestDatabase db;
    QVERIFY(db.open());
    AuditLog log(db.connection());
    const StoreResult<qint64> recorded = log.record(user, action, QStringLiteral("patient"), 1);
    QVERIFY(!recorded.ok());
    QVERIFY2(recorded.error().contains(QLatin1String("nothing was recorded")),
             qPrintable(recorded.error()));
    QCOMPARE(STORE_VALUE(log.entries()).size(), 0);
}

void TestAuditLog::honoursLimit()
{
    TestDatabase db;
    QVERIFY(db.open());
    AuditLog log(db.connection());
    for (int i = 1; i <= 5; ++i) {
        QVERIFY_STORE_OK(log.record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                                    QStringLiteral("patient"), i));
    }
    const QList<AuditEntry> newest = STORE_VALUE(log.entries(2));
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).entityId, 5);
    QCOMPARE(newest.at(1).entityId, 4);
    QCOMPARE(STORE_VALUE(log.entries(0)).size(), 5);
    QCOMPARE(STORE_VALUE(log.entries(-1)).size(), 5);
}

void TestAuditLog::entriesCannotBeChanged_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update") << QStringLiteral("UPDATE audit_log SET user_name = 'mallory'");
    QTest::newRow("delete") << QStringLiteral("DELETE FROM audit_log");
}

void TestAuditLog::entriesCannotBeChanged()
{
    QFETCH(QString, sql);
    TestDatabase db;
    QVERIFY(db.open());
    AuditLog log(db.connection());
    QVERIFY_STORE_OK(log.record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                                QStringLiteral("patient"), 1));
    const QList<AuditEntry> before = STORE_VALUE(log.entries());
    QCOMPARE(before.size(), 1);
    QVERIFY(db.exec(sql).contains(QLatin1String("append-only")));
    QCOMPARE(STORE_VALUE(log.entries()), before);
}

CLINICDESK_STORE_TEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
