// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/sqlscript.h"

#include <QTest>

class TestSqlScript : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
};

void TestSqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("only comments") << QStringLiteral("-- nothing;\n/* here; */\n") << QStringList();
    QTest::newRow("two statements")
        << QStringLiteral("CREATE TABLE a (x);\nINSERT INTO a VALUES (1);\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x)"),
                       QStringLiteral("INSERT INTO a VALUES (1)")};
    QTest::newRow("last without semicolon")
        << QStringLiteral("SELECT 1; SELECT 2")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("semicolon in string")
        << QStringLiteral("INSERT INTO a VALUES ('x;y'); SELECT 2;")
        << QStringList{QStringLiteral("INSERT INTO a VALUES ('x;y')"), QStringLiteral("SELECT 2")};
    QTest::newRow("escaped quote in string")
        << QStringLiteral("INSERT INTO a VALUES ('O''Brien; Jr'); SELECT 2;")
        << QStringList{QStringLiteral("INSERT INTO a VALUES ('O''Brien; Jr')"),
                       QStringLiteral("SELECT 2")};
    QTest::newRow("semicolon in quoted identifier")
        << QStringLiteral("SELECT \"a;b\", [c;d], `e;f` FROM t;")
        << QStringList{QStringLiteral("SELECT \"a;b\", [c;d], `e;f` FROM t")};
    QTest::newRow("semicolon in comments")
        << QStringLiteral("SELECT 1 -- one; two\n; /* three; */ SELECT 2;")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("trigger body")
        << QStringLiteral("CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
                          "    SELECT RAISE(ABORT, 'no; never');\n    SELECT 2;\nEND;\n"
                          "SELECT 3;")
        << QStringList{QStringLiteral("CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
                                      "    SELECT RAISE(ABORT, 'no; never');\n    SELECT 2;\nEND"),
                       QStringLiteral("SELECT 3")};
    QTest::newRow("case inside trigger")
        << QStringLiteral("create temp trigger t after insert on a begin "
                          "update a set x = case when new.x > 0 then 1 else 0 end; end; select 4;")
        << QStringList{
               QStringLiteral("create temp trigger t after insert on a begin "
                              "update a set x = case when new.x > 0 then 1 else 0 end; end"),
               QStringLiteral("select 4")};
    QTest::newRow("begin transaction is not a trigger")
        << QStringLiteral("BEGIN; SELECT 1; END;")
        << QStringList{QStringLiteral("BEGIN"), QStringLiteral("SELECT 1"), QStringLiteral("END")};
}

void TestSqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(SqlScript::split(script), statements);
}

CLINICDESK_STORE_TEST_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
