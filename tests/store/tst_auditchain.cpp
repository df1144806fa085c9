// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail's hash chain: every row written through AuditLog is chained; an edit, a
// deletion, a reordering or a forged row made by hand (the triggers dropped first, as someone
// with the sqlite3 shell would) is found, naming the first row that does not hold; and the
// upgrade to the chain hashes the rows written before it. The main thread only queues work
// (TestSupport::await): CLINICDESK_SQL_GUARD=fatal would abort it on SQL.
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/common/audittrailservice.h"
#include "services/store/auditchain.h"
#include "services/store/auditlog.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using TestSupport::await;

namespace {
//! Runs each statement; the first error, or an empty string.
QString execute(const QString &connection, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(Database::connection(connection));
        if (!query.exec(sql))
            return sql + QStringLiteral(": ") + query.lastError().text();
    }
    return {};
}

//! What someone with the sqlite3 shell does first: the triggers no longer stand in the way.
const QStringList dropTriggers = {QStringLiteral("DROP TRIGGER audit_log_no_update"),
                                  QStringLiteral("DROP TRIGGER audit_log_no_delete"),
                                  QStringLiteral("DROP TRIGGER audit_log_chained")};

struct Row
{
    qint64 id;
    QByteArray prevHash;
    QByteArray rowHash;
};
} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAreChainedAsTheyAreWritten();
    void tamperingIsFoundAtTheFirstBrokenRow_data();
    void tamperingIsFoundAtTheFirstBrokenRow();
    void rowHashCoversEveryField();
    void upgradeChainsTheRowsWrittenBefore();

private:
    void writeRows(int count);
    QList<Row> rows();
    AuditCheck verify();

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestAuditChain::init()
{
    m_store = std::make_unique<Store>(
        TestSupport::tempStoreOptions(m_dir, QStringLiteral("audit-chain")));
    const Database::OpenResult opened = await(m_store->open());
    QVERIFY2(opened.ok, qPrintable(opened.error));
}

void TestAuditChain::cleanup()
{
    m_store.reset();
}

void TestAuditChain::writeRows(int count)
{
    const QStringList actions = {QStringLiteral("patient.view"), QStringLiteral("report.print"),
                                 QStringLiteral("document.open"), QStringLiteral("chart.accept"),
                                 QStringLiteral("claim.submit")};
    const QString error = await(m_store->write([count, actions](const QString &connection) {
        for (int i = 0; i < count; ++i) {
            const auto id = AuditLog(connection).record(
                i % 2 ? QStringLiteral("biller1") : QStringLiteral("frontdesk1"),
                actions.at(i % actions.size()), QStringLiteral("patient"), 100 + i);
            if (!id)
                return id.error();
        }
        return QString();
    }));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QList<Row> TestAuditChain::rows()
{
    return await(m_store->read([](const QString &connection) {
        QList<Row> found;
        QSqlQuery query(Database::connection(connection));
        query.exec(QStringLiteral("SELECT id, prev_hash, row_hash FROM audit_log ORDER BY id"));
        while (query.next())
            found.append({query.value(0).toLongLong(), query.value(1).toString().toLatin1(),
                          query.value(2).toString().toLatin1()});
        return found;
    }));
}

AuditCheck TestAuditChain::verify()
{
    const StoreResult<AuditCheck> check = await(AuditTrailService(m_store.get()).verify());
    if (!check) {
        qWarning() << check.error();
        return {};
    }
    return *check;
}

void TestAuditChain::rowsAreChainedAsTheyAreWritten()
{
    QCOMPARE(verify().rows, 0);
    QVERIFY(verify().ok());
    writeRows(5);
    const QList<Row> chain = rows();
    QCOMPARE(chain.size(), 5);
    QCOMPARE(chain.at(0).prevHash, AuditChain::genesis());
    for (int i = 1; i < chain.size(); ++i) {
        QCOMPARE(chain.at(i).id, chain.at(i - 1).id + 1);
        QCOMPARE(chain.at(i).prevHash, chain.at(i - 1).rowHash);
        QVERIFY(chain.at(i).rowHash != chain.at(i - 1).rowHash);
        QCOMPARE(chain.at(i).rowHash.size(), 64);
    }
    const AuditCheck check = verify();
    QVERIFY2(check.ok(), qPrintable(check.problem));
    QCOMPARE(check.rows, 5);
    QCOMPARE(check.lastHash, chain.last().rowHash);
    QVERIFY(check.firstAt.isValid() && check.lastAt >= check.firstAt);

    // The chain goes on from where it was.
    writeRows(2);
    QCOMPARE(verify().rows, 7);
    QCOMPARE(rows().at(5).prevHash, chain.last().rowHash);
}

void TestAuditChain::tamperingIsFoundAtTheFirstBrokenRow_data()
{
    QTest::addColumn<QStringList>("tampering");
    QTest::addColumn<qint64>("brokenRow");
    QTest::addColumn<QString>("said");
    QTest::newRow("user edited")
        << QStringList{QStringLiteral("UPDATE audit_log SET user_name = 'mallory' WHERE id = 3")}
        << qint64(3) << QStringLiteral("Row 3 was changed after it was written");
    QTest::newRow("time edited")
        << QStringList{QStringLiteral("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' "
                                      "WHERE id = 2")}
        << qint64(2) << QStringLiteral("Row 2 was changed");
    QTest::newRow("entity edited")
        << QStringList{QStringLiteral("UPDATE audit_log SET entity_id = 999 WHERE id = 5")}
        << qint64(5) << QStringLiteral("Row 5 was changed");
    QTest::newRow("row deleted")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE id = 3")} << qint64(4)
        << QStringLiteral("Row 4 does not follow row 2: the rows between them (3) were deleted");
    QTest::newRow("rows deleted")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE id IN (2, 3, 4)")} << qint64(5)
        << QStringLiteral("(2 to 4) were deleted");
    QTest::newRow("first row deleted")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE id = 1")} << qint64(2)
        << QStringLiteral("the rows before it were deleted");
    // Rows 2 and 3 trade places, hashes and all: row 2 no longer follows row 1.
    QTest::newRow("rows reordered")
        << QStringList{QStringLiteral("UPDATE audit_log SET id = -2 WHERE id = 2"),
                       QStringLiteral("UPDATE audit_log SET id = 2 WHERE id = 3"),
                       QStringLiteral("UPDATE audit_log SET id = 3 WHERE id = -2")}
        << qint64(2) << QStringLiteral("Row 2");
    // A row added by hand that claims the right place but cannot have the right hash.
    QTest::newRow("row forged")
        << QStringList{QStringLiteral(
               "INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, prev_hash, "
               "row_hash) SELECT 7, '2026-12-01T10:00:00.000Z', 'frontdesk1', 'patient.view', "
               "'patient', 1, row_hash, '%1' FROM audit_log WHERE id = 6")
                           .arg(QString(64, u'f'))}
        << qint64(7) << QStringLiteral("Row 7 was changed");
    // A hash replaced to match the edit, without redoing the rows after it.
    QTest::newRow("edit with its own hash redone")
        << QStringList{QStringLiteral("UPDATE audit_log SET user_name = 'mallory', row_hash = '%1' "
                                      "WHERE id = 4")
                           .arg(QString(64, u'e'))}
        << qint64(4) << QStringLiteral("Row 4 was changed");
}

void TestAuditChain::tamperingIsFoundAtTheFirstBrokenRow()
{
    QFETCH(QStringList, tampering);
    QFETCH(qint64, brokenRow);
    QFETCH(QString, said);
    writeRows(6);
    QVERIFY(verify().ok());
    const QString error = await(m_store->write([tampering](const QString &connection) {
        return execute(connection, dropTriggers + tampering);
    }));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const AuditCheck check = verify();
    QVERIFY(!check.ok());
    QCOMPARE(check.brokenRow, brokenRow);
    QVERIFY2(check.problem.contains(said), qPrintable(check.problem));
    QVERIFY(check.rows < brokenRow); // the rows before it, and no more
}

void TestAuditChain::rowHashCoversEveryField()
{
    const QByteArray prev = AuditChain::genesis();
    const QString at = QStringLiteral("2026-12-01T10:00:00.000Z");
    const QByteArray base = AuditChain::rowHash(prev, 1, at, QStringLiteral("ann"),
                                                QStringLiteral("patient.view"),
                                                QStringLiteral("patient"), 7);
    QCOMPARE(base, AuditChain::rowHash(prev, 1, at, QStringLiteral("ann"),
                                       QStringLiteral("patient.view"), QStringLiteral("patient"),
                                       7));
    QCOMPARE(base.size(), 64);
    const QList<QByteArray> others = {
        AuditChain::rowHash(QByteArray(64, '1'), 1, at, QStringLiteral("ann"),
                            QStringLiteral("patient.view"), QStringLiteral("patient"), 7),
        AuditChain::rowHash(prev, 2, at, QStringLiteral("ann"), QStringLiteral("patient.view"),
                            QStringLiteral("patient"), 7),
        AuditChain::rowHash(prev, 1, QStringLiteral("2026-12-01T10:00:00.001Z"),
                            QStringLiteral("ann"), QStringLiteral("patient.view"),
                            QStringLiteral("patient"), 7),
        AuditChain::rowHash(prev, 1, at, QStringLiteral("an"), QStringLiteral("patient.view"),
                            QStringLiteral("patient"), 7),
        AuditChain::rowHash(prev, 1, at, QStringLiteral("ann"), QStringLiteral("patient.edit"),
                            QStringLiteral("patient"), 7),
        AuditChain::rowHash(prev, 1, at, QStringLiteral("ann"), QStringLiteral("patient.view"),
                            QStringLiteral("document"), 7),
        AuditChain::rowHash(prev, 1, at, QStringLiteral("ann"), QStringLiteral("patient.view"),
                            QStringLiteral("patient"), 8),
        // Text moved from one field to the next reads differently (fields are length-prefixed).
        AuditChain::rowHash(prev, 1, at, QStringLiteral("annp"), QStringLiteral("atient.view"),
                            QStringLiteral("patient"), 7),
    };
    for (const QByteArray &other : others)
        QVERIFY(other != base);
}

void TestAuditChain::upgradeChainsTheRowsWrittenBefore()
{
    // A database at version 11 with rows written the old way.
    Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("old"));
    {
        Store old(options);
        const Database::OpenResult opened = await(old.open(11));
        QVERIFY2(opened.ok, qPrintable(opened.error));
        const QString error = await(old.write([](const QString &connection) {
            return execute(connection,
                           {QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, "
                                           "entity_id) VALUES ('2026-10-01T08:00:00.000Z', "
                                           "'frontdesk1', 'patient.view', 'patient', 1)"),
                            QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, "
                                           "entity_id) VALUES ('2026-10-01T08:05:00.000Z', "
                                           "'biller1', 'claim.submit', 'claim', 2)"),
                            QStringLiteral("INSERT INTO audit_log (at, user_name, action) VALUES "
                                           "('2026-10-01T08:06:00.000Z', 'frontdesk1', "
                                           "'report.print')")});
        }));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    options.name = TestSupport::tempStoreOptions(m_dir, QStringLiteral("upgraded")).name;
    m_store = std::make_unique<Store>(options);
    const Database::OpenResult upgraded = await(m_store->open());
    QVERIFY2(upgraded.ok, qPrintable(upgraded.error));
    QCOMPARE(upgraded.fromVersion, 11);
    AuditCheck check = verify();
    QVERIFY2(check.ok(), qPrintable(check.problem));
    QCOMPARE(check.rows, 3);
    QCOMPARE(check.firstAt, QDateTime(QDate(2026, 10, 1), QTime(8, 0), QTimeZone::utc()));
    const QList<Row> chain = rows();
    QCOMPARE(chain.at(0).prevHash, AuditChain::genesis());
    QCOMPARE(chain.at(2).prevHash, chain.at(1).rowHash);

    // The hashed rows are as fixed as any: the one update the upgrade needed is gone.
    const QString refused = await(m_store->write([](const QString &connection) {
        return execute(connection, {QStringLiteral("UPDATE audit_log SET row_hash = NULL")});
    }));
    QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));

    writeRows(1);
    check = verify();
    QVERIFY2(check.ok(), qPrintable(check.problem));
    QCOMPARE(check.rows, 4);
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
