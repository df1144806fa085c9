// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/fieldvalidation.h"

#include <QTest>

using namespace FieldValidation;

class TestFieldValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void memberIds_data();
    void memberIds();
    void npis_data();
    void npis();
    void names_data();
    void names();
    void contact_data();
    void contact();
    void dates_data();
    void dates();
    void dateOfBirthLimits();
};

void TestFieldValidation::memberIds_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("sandbox") << "ACT100001" << true << "ACT100001";
    QTest::newRow("lower case and spaces") << " act 100 001 " << true << "ACT100001";
    QTest::newRow("dashes") << "W123-456-789" << true << "W123-456-789";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("one character") << "A" << false << "A";
    QTest::newRow("symbols") << "ABC#123" << false << "ABC#123";
    QTest::newRow("leading dash") << "-ABC123" << false << "-ABC123";
    QTest::newRow("31 characters")
        << QString(31, QLatin1Char('A')) << false << QString(31, QLatin1Char('A'));
}

void TestFieldValidation::memberIds()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);
    QCOMPARE(memberId(input).isEmpty(), valid);
    QCOMPARE(normalizedMemberId(input), normalized);
}

void TestFieldValidation::npis_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("CMS example") << "1234567893" << true;
    QTest::newRow("wrong check digit") << "1234567890" << false;
    QTest::newRow("another valid") << "1245319599" << true;
    QTest::newRow("nine digits") << "123456789" << false;
    QTest::newRow("letters") << "12345678AB" << false;
}

void TestFieldValidation::npis()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(isValidNpi(input), valid);
    QCOMPARE(npi(input).isEmpty(), valid);
}

void TestFieldValidation::names_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("required");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "Jane" << true << true;
    QTest::newRow("hyphen and apostrophe") << "O'Neil-Smith" << true << true;
    QTest::newRow("accents") << "José María" << true << true;
    QTest::newRow("empty required") << "" << true << false;
    QTest::newRow("empty optional") << "" << false << true;
    QTest::newRow("digits") << "Jane2" << true << false;
    QTest::newRow("starts with hyphen") << "-Jane" << true << false;
}

void TestFieldValidation::names()
{
    QFETCH(QString, input);
    QFETCH(bool, required);
    QFETCH(bool, valid);
    QCOMPARE(personName(input, required).isEmpty(), valid);
}

void TestFieldValidation::contact_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("phone dashes") << "phone"
                                  << "541-555-0100" << true;
    QTest::newRow("phone parens") << "phone"
                                  << "(541) 555 0100" << true;
    QTest::newRow("phone short") << "phone"
                                 << "555-0100" << false;
    QTest::newRow("phone letters") << "phone"
                                   << "541-555-CALL" << false;
    QTest::newRow("zip 5") << "zip"
                           << "97477" << true;
    QTest::newRow("zip 9") << "zip"
                           << "97477-1234" << true;
    QTest::newRow("zip 4") << "zip"
                           << "9747" << false;
    QTest::newRow("state") << "state"
                           << "or" << true;
    QTest::newRow("state long") << "state"
                                << "Oregon" << false;
    QTest::newRow("email") << "email"
                           << "jane.smith@example.org" << true;
    QTest::newRow("email no domain") << "email"
                                     << "jane@" << false;
    QTest::newRow("group") << "group"
                           << "GRP-10001" << true;
    QTest::newRow("group spaces") << "group"
                                  << "GRP 10001" << false;
}

void TestFieldValidation::contact()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QString message;
    if (kind == QLatin1String("phone"))
        message = phone(input);
    else if (kind == QLatin1String("zip"))
        message = zip(input);
    else if (kind == QLatin1String("state"))
        message = state(input);
    else if (kind == QLatin1String("email"))
        message = email(input);
    else
        message = groupNumber(input);
    QCOMPARE(message.isEmpty(), valid);
}

void TestFieldValidation::dates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("US") << "02/10/1996" << QDate(1996, 2, 10);
    QTest::newRow("US short") << "2/1/1996" << QDate(1996, 2, 1);
    QTest::newRow("digits") << "02101996" << QDate(1996, 2, 10);
    QTest::newRow("ISO") << "1996-02-10" << QDate(1996, 2, 10);
    QTest::newRow("invalid day") << "02/30/1996" << QDate();
    QTest::newRow("text") << "yesterday" << QDate();
}

void TestFieldValidation::dates()
{
    QFETCH(QString, input);
    QFETCH(QDate, expected);
    QCOMPARE(parseDate(input), expected);
}

void TestFieldValidation::dateOfBirthLimits()
{
    const QDate today(2026, 11, 23);
    QVERIFY(dateOfBirth(QDate(1996, 2, 10), today).isEmpty());
    QVERIFY(!dateOfBirth(QDate(2026, 11, 24), today).isEmpty());
    QVERIFY(!dateOfBirth(QDate(1890, 1, 1), today).isEmpty());
    QVERIFY(!dateOfBirth(QDate(), today).isEmpty());
}

QTEST_GUILESS_MAIN(TestFieldValidation)
#include "tst_fieldvalidation.moc"
