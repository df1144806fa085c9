// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/desksettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestDeskSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreTrainingAndValid();
    void saveThenLoad();
    void emptyUrlRemovesTheKey();
    void validation_data();
    void validation();
};

void TestDeskSettings::defaultsAreTrainingAndValid()
{
    QTemporaryDir dir;
    QSettings empty(dir.filePath(QStringLiteral("none.conf")), QSettings::IniFormat);
    const DeskSettings d = DeskSettings::load(empty);
    QVERIFY(d.clearinghouseUrl.isEmpty());
    QCOMPARE(d.timeoutSeconds, 30);
    QCOMPARE(d.maxTries, 3);
    QCOMPARE(d.reuseHours, 24);
    QCOMPARE(d.maxAgeDays, 30);
    QCOMPARE(d.validate(), QStringList());
}

void TestDeskSettings::saveThenLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.conf"));
    DeskSettings d;
    d.clearinghouseUrl = QUrl(QStringLiteral("https://clearinghouse.example/x12/270"));
    d.clinic.name = QStringLiteral("Eugene Pediatrics");
    d.clinic.npi = QStringLiteral("1245319599");
    d.timeoutSeconds = 20;
    d.maxAgeDays = 14;
    {
        QSettings settings(path, QSettings::IniFormat);
        d.save(settings);
    }
    QSettings again(path, QSettings::IniFormat);
    QCOMPARE(DeskSettings::load(again), d);
    QCOMPARE(again.value(QStringLiteral("clearinghouse/url")).toString(),
             QStringLiteral("https://clearinghouse.example/x12/270"));
}

void TestDeskSettings::emptyUrlRemovesTheKey()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("clearinghouse/url"), QStringLiteral("https://old.example"));
    DeskSettings d = DeskSettings::load(settings);
    d.clearinghouseUrl.clear();
    d.save(settings);
    QVERIFY(!settings.contains(QStringLiteral("clearinghouse/url")));
}

void TestDeskSettings::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("ftp url") << "url"
                             << "ftp://x.example/270"
                             << "Clearinghouse address";
    QTest::newRow("no host") << "url"
                             << "https:///x12"
                             << "Clearinghouse address";
    QTest::newRow("good url") << "url"
                              << "https://x.example/270"
                              << "";
    QTest::newRow("bad npi") << "npi"
                             << "1234567890"
                             << "Clinic NPI";
    QTest::newRow("empty name") << "name"
                                << ""
                                << "Clinic name";
    QTest::newRow("timeout") << "timeout"
                             << "2"
                             << "Timeout";
    QTest::newRow("tries") << "tries"
                           << "9"
                           << "Tries";
}

void TestDeskSettings::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, messageStart);
    DeskSettings d;
    if (field == QLatin1String("url"))
        d.clearinghouseUrl = QUrl(value);
    else if (field == QLatin1String("npi"))
        d.clinic.npi = value;
    else if (field == QLatin1String("name"))
        d.clinic.name = value;
    else if (field == QLatin1String("timeout"))
        d.timeoutSeconds = value.toInt();
    else
        d.maxTries = value.toInt();
    const QStringList messages = d.validate();
    if (messageStart.isEmpty()) {
        QCOMPARE(messages, QStringList());
    } else {
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().startsWith(messageStart), qPrintable(messages.first()));
    }
}

QTEST_GUILESS_MAIN(TestDeskSettings)
#include "tst_desksettings.moc"
