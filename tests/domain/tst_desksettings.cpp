// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/desksettings.h"

#include <QFile>
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
    void visitFeesSaveThenLoad();
    void visitFeeValidation_data();
    void visitFeeValidation();
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
    QVERIFY(!d.visitFees.isEmpty());
    QCOMPARE(d.visitFees, VisitFees::defaults());
    QCOMPARE(d.officeVisitCents, VisitFees::defaultOfficeVisitCents);
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
    d.payorUrl = QUrl(QStringLiteral("https://payor.example/"));
    d.payorApiKey = QStringLiteral("pk_1");
    d.providerId = QStringLiteral("PRV-7");
    d.providerName = QStringLiteral("Eugene Pediatrics");
    d.payorWebhookSecret = QStringLiteral("whsec_abc");
    d.timelyFilingDays = 180;
    d.claimSyncMinutes = 10;
    d.metriportApiKey = QStringLiteral("mk_2");
    d.deviceToken = QStringLiteral("tok_3");
    {
        QSettings settings(path, QSettings::IniFormat);
        // An earlier version's secret in the file: saving removes it.
        settings.setValue(QStringLiteral("payor/apiKey"), QStringLiteral("old key"));
        d.save(settings);
    }
    QSettings again(path, QSettings::IniFormat);
    // Everything but the secrets comes back from the file; they live in the encrypted database.
    DeskSettings expected = d;
    expected.setSecrets({});
    QCOMPARE(DeskSettings::load(again), expected);
    QCOMPARE(again.value(QStringLiteral("clearinghouse/url")).toString(),
             QStringLiteral("https://clearinghouse.example/x12/270"));
    for (const QString &key : DeskSettings::secretKeys())
        QVERIFY2(!again.contains(key), qPrintable(key));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    for (const char *secret : {"pk_1", "whsec_abc", "mk_2", "tok_3", "old key"})
        QVERIFY2(!text.contains(secret), secret);
    // The secrets as named in the database, and back.
    QCOMPARE(d.secrets().value(QStringLiteral("payor/webhookSecret")), QStringLiteral("whsec_abc"));
    DeskSettings restored = expected;
    restored.setSecrets(d.secrets());
    QCOMPARE(restored, d);
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

void TestDeskSettings::visitFeesSaveThenLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fees.conf"));
    DeskSettings d;
    d.officeVisitCents = 13500;
    d.visitFees = {{QStringLiteral("Follow-up"), QStringLiteral("98"), 14000},
                   {QStringLiteral("Vaccines"), QStringLiteral("80"), 4550},
                   {QStringLiteral("Therapy"), QStringLiteral("A6"), 18000}};
    {
        QSettings settings(path, QSettings::IniFormat);
        d.save(settings);
    }
    {
        QSettings again(path, QSettings::IniFormat);
        QCOMPARE(DeskSettings::load(again), d);
        // A shorter list leaves no rows of the longer one behind.
        d.visitFees.removeLast();
        d.save(again);
    }
    QSettings shorter(path, QSettings::IniFormat);
    const DeskSettings loaded = DeskSettings::load(shorter);
    QCOMPARE(loaded.visitFees.size(), 2);
    QCOMPARE(loaded.visitFees.at(1).chargeCents, qint64(4550));
    QVERIFY(!shorter.contains(QStringLiteral("visitFees/3/visitType")));

    // An emptied list stays empty (it does not come back as the defaults).
    DeskSettings none = loaded;
    none.visitFees.clear();
    none.save(shorter);
    QVERIFY(DeskSettings::load(shorter).visitFees.isEmpty());
}

void TestDeskSettings::visitFeeValidation_data()
{
    QTest::addColumn<QString>("visitType");
    QTest::addColumn<QString>("serviceType");
    QTest::addColumn<qint64>("charge");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("good") << "Therapy"
                          << "A6" << qint64(18000) << "";
    QTest::newRow("no name") << " "
                             << "98" << qint64(100) << "Visit fees: every row";
    QTest::newRow("twice") << "follow-UP"
                           << "98" << qint64(100) << "Visit fees: follow-UP is listed twice";
    QTest::newRow("bad service type") << "Therapy"
                                      << "office" << qint64(100) << "Visit fees: Therapy needs";
    QTest::newRow("negative charge") << "Therapy"
                                     << "98" << qint64(-1) << "Visit fees: the charge for Therapy";
    QTest::newRow("huge charge") << "Therapy"
                                 << "98" << VisitFees::maxChargeCents + 1
                                 << "Visit fees: the charge for Therapy";
}

void TestDeskSettings::visitFeeValidation()
{
    QFETCH(QString, visitType);
    QFETCH(QString, serviceType);
    QFETCH(qint64, charge);
    QFETCH(QString, messageStart);
    DeskSettings d;
    d.visitFees.append({visitType, serviceType, charge});
    const QStringList messages = d.validate();
    if (messageStart.isEmpty()) {
        QCOMPARE(messages, QStringList());
    } else {
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().startsWith(messageStart), qPrintable(messages.first()));
    }
    d = DeskSettings{};
    d.officeVisitCents = -5;
    QCOMPARE(d.validate().size(), 1);
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
    QTest::newRow("payor url") << "payorUrl"
                               << "ftp://payor.example"
                               << "Payor address";
    QTest::newRow("payor without key") << "payorUrl"
                                       << "https://payor.example"
                                       << "Payor: enter the API key";
    QTest::newRow("payor with key") << "payorWithKey"
                                    << "https://payor.example"
                                    << "";
    QTest::newRow("timely filing") << "timelyFiling"
                                   << "20"
                                   << "Timely filing";
    QTest::newRow("claim sync") << "claimSync"
                                << "0"
                                << "Claim sync";
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
    else if (field == QLatin1String("payorUrl"))
        d.payorUrl = QUrl(value);
    else if (field == QLatin1String("payorWithKey")) {
        d.payorUrl = QUrl(value);
        d.payorApiKey = QStringLiteral("key-1");
        d.providerId = QStringLiteral("PRV-1");
    } else if (field == QLatin1String("timelyFiling"))
        d.timelyFilingDays = value.toInt();
    else if (field == QLatin1String("claimSync"))
        d.claimSyncMinutes = value.toInt();
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
