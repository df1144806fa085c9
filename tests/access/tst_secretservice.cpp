// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desk's keys (payor API key and webhook secret, Metriport API key, hub device token) live in
// the encrypted database, never in the settings file: only an administrator changes them
// (audited, without the values; saving the same values changes and audits nothing); keys an
// earlier version wrote into the file move into the database and leave the file, and a key the
// database already holds is not overwritten by the file's; no file on disk holds a key in
// plaintext afterwards.
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/access/databasekey.h"
#include "services/access/secretservice.h"
#include "services/domain/desksettings.h"
#include "services/store/auditlog.h"
#include "services/store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

namespace {
Session as(Role role)
{
    return Session{QStringLiteral("who"), QStringLiteral("Who"), role};
}
} // namespace

class TestSecretService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void onlyAdministratorsChangeTheKeys();
    void keysInTheSettingsFileMoveIntoTheDatabase();

private:
    QStringList auditActions();
    //! Whether any file under the test folder holds `text`.
    bool anyFileHolds(const QByteArray &text);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretService> m_secrets;
};

void TestSecretService::init()
{
    Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("secrets"));
    options.keyHex = DatabaseKey::generate();
    m_store = std::make_unique<Store>(options);
    const Database::OpenResult opened = await(m_store->open());
    QVERIFY2(opened.ok, qPrintable(opened.error));
    m_secrets = std::make_unique<SecretService>(m_store.get());
}

void TestSecretService::cleanup()
{
    m_secrets.reset();
    m_store.reset();
}

QStringList TestSecretService::auditActions()
{
    const auto entries = await(m_store->read(
        [](const QString &connection) { return AuditLog(connection).entries(0); }));
    QStringList actions;
    for (const AuditEntry &entry : entries.valueOr({}))
        actions.append(entry.user + QLatin1Char(' ') + entry.action);
    return actions;
}

bool TestSecretService::anyFileHolds(const QByteArray &text)
{
    QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text))
            return true;
    }
    return false;
}

void TestSecretService::onlyAdministratorsChangeTheKeys()
{
    DeskSettings settings;
    settings.payorApiKey = QStringLiteral("pk_live_Quokka5521");
    settings.metriportApiKey = QStringLiteral("mp_Narwhal0913");
    settings.deviceToken = QStringLiteral("dev_Okapi7740");
    for (Role role : {Role::FrontDesk, Role::Biller, Role::Clinical}) {
        const auto refused = await(m_secrets->save(as(role), settings.secrets()));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("does not allow")), qPrintable(refused.error()));
    }
    QVERIFY(await(m_secrets->load())->isEmpty());

    const auto saved = await(m_secrets->save(as(Role::Administrator), settings.secrets()));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(*saved);
    DeskSettings loaded;
    loaded.setSecrets(*await(m_secrets->load()));
    QCOMPARE(loaded.payorApiKey, settings.payorApiKey);
    QCOMPARE(loaded.metriportApiKey, settings.metriportApiKey);
    QCOMPARE(loaded.deviceToken, settings.deviceToken);
    QVERIFY(loaded.payorWebhookSecret.isEmpty());
    QCOMPARE(auditActions().count(QStringLiteral("who settings.secrets_change")), 1);

    // The same again: nothing changed, nothing audited.
    QCOMPARE(*await(m_secrets->save(as(Role::Administrator), settings.secrets())), false);
    QCOMPARE(auditActions().count(QStringLiteral("who settings.secrets_change")), 1);

    // Emptied: removed.
    settings.metriportApiKey.clear();
    QVERIFY(*await(m_secrets->save(as(Role::Administrator), settings.secrets())));
    QVERIFY(!await(m_secrets->load())->contains(QStringLiteral("metriport/apiKey")));

    m_secrets.reset();
    m_store.reset(); // closed: what is on disk is all there is
    QVERIFY(!anyFileHolds("Quokka5521"));
    QVERIFY(!anyFileHolds("Okapi7740"));
}

void TestSecretService::keysInTheSettingsFileMoveIntoTheDatabase()
{
    // The database already holds a newer payor key; the file has an older one and others.
    DeskSettings kept;
    kept.payorApiKey = QStringLiteral("pk_new_Axolotl3301");
    QVERIFY(*await(m_secrets->save(as(Role::Administrator), kept.secrets())));

    const QString path = m_dir.filePath(QStringLiteral("clinicdesk.conf"));
    {
        QSettings file(path, QSettings::IniFormat);
        file.setValue(QStringLiteral("clinic/name"), QStringLiteral("Eugene Pediatrics"));
        file.setValue(QStringLiteral("payor/apiKey"), QStringLiteral("pk_old_Pangolin8812"));
        file.setValue(QStringLiteral("payor/webhookSecret"), QStringLiteral("whsec_Tapir6675"));
        file.setValue(QStringLiteral("hub/token"), QStringLiteral("dev_Gecko2218"));
    }
    {
        QSettings file(path, QSettings::IniFormat);
        QCOMPARE(m_secrets->moveOutOf(file), QString());
    }
    QSettings after(path, QSettings::IniFormat);
    for (const QString &key : DeskSettings::secretKeys())
        QVERIFY2(!after.contains(key), qPrintable(key));
    QCOMPARE(after.value(QStringLiteral("clinic/name")).toString(), QStringLiteral("Eugene Pediatrics"));

    DeskSettings loaded;
    loaded.setSecrets(*await(m_secrets->load()));
    QCOMPARE(loaded.payorApiKey, QStringLiteral("pk_new_Axolotl3301")); // the database's wins
    QCOMPARE(loaded.payorWebhookSecret, QStringLiteral("whsec_Tapir6675"));
    QCOMPARE(loaded.deviceToken, QStringLiteral("dev_Gecko2218"));
    QVERIFY(auditActions().contains(QStringLiteral("(settings file) settings.secrets_moved")));

    // A file with no keys: nothing to do, nothing audited.
    const int moves = auditActions().count(QStringLiteral("(settings file) settings.secrets_moved"));
    {
        QSettings file(path, QSettings::IniFormat);
        QCOMPARE(m_secrets->moveOutOf(file), QString());
    }
    QCOMPARE(auditActions().count(QStringLiteral("(settings file) settings.secrets_moved")), moves);

    m_secrets.reset();
    m_store.reset();
    for (const char *secret : {"Pangolin8812", "Tapir6675", "Gecko2218", "Axolotl3301"})
        QVERIFY2(!anyFileHolds(secret), secret);
}

QTEST_GUILESS_MAIN(TestSecretService)
#include "tst_secretservice.moc"
