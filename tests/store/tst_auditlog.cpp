// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
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
    QVERIFY(log.record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                       QStringLiteral("patient"), 7));
    QVERIFY(log.record(QStringLiteral(" bob "), QStringLiteral("report.print"),
                       QStringLiteral("report"), 12));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

    const QList<AuditEntry> entries = log.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).user, QStringLiteral("bob"));
    QCOMPARE(entries.at(0).action, QStringLiteral("report.print"));
    QCOMPARE(entries.at(0).entity, QStringLiteral("report"));
    QCOMPARE(entries.at(0).entityId, 12);
    QCOMPARE(entries.at(1).user, QStringLiteral("alice"));
    QCOMPARE(entries.at(1).action, QStringLiteral("patient.view"));
    QCOMPARE(entries.at(1).entityId, 7);
    QVERIFY(entries.at(0).id > entries.at(1).id);
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
    QVERIFY(!log.record(user, action, QStringLiteral("patient"), 1));
    QVERIFY(log.entries().isEmpty());
}

void TestAuditLog::honoursLimit()
{
    TestDatabase db;
    QVERIFY(db.open());
    AuditLog log(db.connection());
    for (int i = 1; i <= 5; ++i)
        QVERIFY(log.record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                           QStringLiteral("patient"), i));
    const QList<AuditEntry> newest = log.entries(2);
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).entityId, 5);
    QCOMPARE(newest.at(1).entityId, 4);
    QCOMPARE(log.entries(0).size(), 5);
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
    QVERIFY(log.record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                       QStringLiteral("patient"), 1));
    const QList<AuditEntry> before = log.entries();
    QVERIFY(db.exec(sql).contains(QLatin1String("append-only")));
    QCOMPARE(log.entries(), before);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
