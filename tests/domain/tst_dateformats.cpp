// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// One date format per language, for typing and for showing (issue: Spanish swapped day and month).
#include "services/domain/dateformats.h"
#include "services/domain/fieldvalidation.h"

#include <QTest>

namespace {
const QLocale english(QLocale::English, QLocale::UnitedStates);
const QLocale spanish(QLocale::Spanish, QLocale::UnitedStates); // what --lang es sets
} // namespace

class TestDateFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data();
    void formats();
    void parse_data();
    void parse();
    void typedIsShown_data();
    void typedIsShown();
    void defaultLocaleDecides();
};

void TestDateFormats::formats_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<bool>("dayFirst");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("shown"); // 5 June 1990
    QTest::newRow("en") << english << false << "MM/dd/yyyy" << "06/05/1990";
    QTest::newRow("es") << spanish << true << "dd/MM/yyyy" << "05/06/1990";
    QTest::newRow("C falls back to US") << DateFormats::displayLocale() << false << "MM/dd/yyyy"
                                        << "06/05/1990";
}

void TestDateFormats::formats()
{
    QFETCH(QLocale, locale);
    QFETCH(bool, dayFirst);
    QFETCH(QString, format);
    QFETCH(QString, shown);
    QCOMPARE(DateFormats::isDayFirst(locale), dayFirst);
    QCOMPARE(DateFormats::dateFormat(locale), format);
    QCOMPARE(DateFormats::format(QDate(1990, 6, 5), locale), shown);
    QCOMPARE(DateFormats::format(QDate(), locale), QString());
    QCOMPARE(DateFormats::placeholder(locale),
             dayFirst ? QStringLiteral("DD/MM/YYYY") : QStringLiteral("MM/DD/YYYY"));
}

void TestDateFormats::parse_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QDate>("date");
    const QDate june5(1990, 6, 5);
    QTest::newRow("en full") << english << "06/05/1990" << june5;
    QTest::newRow("en short") << english << "6/5/1990" << june5;
    QTest::newRow("en digits") << english << "06051990" << june5;
    QTest::newRow("en dashes") << english << "06-05-1990" << june5;
    QTest::newRow("en ISO") << english << "1990-06-05" << june5;
    QTest::newRow("en spaces") << english << "  06/05/1990 " << june5;
    QTest::newRow("es full") << spanish << "05/06/1990" << june5;
    QTest::newRow("es short") << spanish << "5/6/1990" << june5;
    QTest::newRow("es digits") << spanish << "05061990" << june5;
    QTest::newRow("es dots") << spanish << "05.06.1990" << june5;
    QTest::newRow("es ISO") << spanish << "1990-06-05" << june5;
    QTest::newRow("en impossible day") << english << "02/30/1990" << QDate();
    QTest::newRow("es month 13") << spanish << "05/13/1990" << QDate();
    QTest::newRow("two-digit year") << english << "06/05/90" << QDate();
    QTest::newRow("words") << english << "June 5" << QDate();
    QTest::newRow("empty") << english << "" << QDate();
}

void TestDateFormats::parse()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(QDate, date);
    QCOMPARE(DateFormats::parse(typed, locale), date);
}

void TestDateFormats::typedIsShown_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("en") << english;
    QTest::newRow("es") << spanish;
}

void TestDateFormats::typedIsShown()
{
    // Whatever a clerk types in a language comes back on screen as typed (the bug: 05/06/1990
    // typed in Spanish was shown as 06/05/1990).
    QFETCH(QLocale, locale);
    for (QDate day(1990, 1, 1); day < QDate(1991, 1, 1); day = day.addDays(1)) {
        const QString shown = DateFormats::format(day, locale);
        QCOMPARE(DateFormats::parse(shown, locale), day);
    }
}

void TestDateFormats::defaultLocaleDecides()
{
    // Forms parse with FieldValidation::parseDate, which follows the default locale.
    const QLocale saved;
    QLocale::setDefault(spanish);
    QCOMPARE(FieldValidation::parseDate(QStringLiteral("05/06/1990")), QDate(1990, 6, 5));
    QCOMPARE(DateFormats::format(QDate(1990, 6, 5)), QStringLiteral("05/06/1990"));
    QLocale::setDefault(english);
    QCOMPARE(FieldValidation::parseDate(QStringLiteral("05/06/1990")), QDate(1990, 5, 6));
    QLocale::setDefault(saved);
}

QTEST_GUILESS_MAIN(TestDateFormats)
#include "tst_dateformats.moc"
