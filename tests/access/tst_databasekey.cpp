// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Where the database key is kept: training's owner-only key file, a clinic's key wrapped by the
// passphrase (Argon2id + XChaCha20-Poly1305).
#include "services/access/databasekey.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    QVERIFY(QFile::setPermissions(path, permissions));
}

const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QString passphrase = QStringLiteral("correct horse battery staple");
} // namespace

class TestDatabaseKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatedKeysAreRandomHex();
    void keyFileIsMadeOwnerOnlyAndReadBack();
    void keyFileOthersMayReadIsRefused();
    void keyFileThatIsNotAKeyIsRefused();
    void wrappedKeyOpensOnlyWithThePassphrase();
    void wrappedKeyHoldsNoKeyInTheClear();
    void shortPassphraseIsRefusedForANewKey();
    void rewrappingChangesThePassphraseNotTheKey();
    void damagedWrappedFileIsNamed();
};

void TestDatabaseKey::generatedKeysAreRandomHex()
{
    const QByteArray a = DatabaseKey::generate();
    const QByteArray b = DatabaseKey::generate();
    QCOMPARE(a.size(), 64);
    QVERIFY(a != b);
    QVERIFY(QByteArray::fromHex(a).toHex() == a);
}

void TestDatabaseKey::keyFileIsMadeOwnerOnlyAndReadBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database.key"));
    const DatabaseKey::Result made = DatabaseKey::loadOrCreateKeyFile(path);
    QVERIFY2(made.ok(), qPrintable(made.error));
    QVERIFY(made.created);
    QCOMPARE(QFileInfo(path).permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const DatabaseKey::Result again = DatabaseKey::loadOrCreateKeyFile(path);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(!again.created);
    QCOMPARE(again.keyHex, made.keyHex);
    QCOMPARE(DatabaseKey::readKeyFile(path).keyHex, made.keyHex);
    // readKeyFile never makes one.
    const DatabaseKey::Result missing =
        DatabaseKey::readKeyFile(dir.filePath(QStringLiteral("none.key")));
    QVERIFY(!missing.ok());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.key"))));
}

void TestDatabaseKey::keyFileOthersMayReadIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database.key"));
    writeFile(path, DatabaseKey::generate(), ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const DatabaseKey::Result result = DatabaseKey::readKeyFile(path);
    QVERIFY(!result.ok());
    QVERIFY(result.keyHex.isEmpty());
    QVERIFY2(result.error.contains(QStringLiteral("chmod 600")), qPrintable(result.error));
}

void TestDatabaseKey::keyFileThatIsNotAKeyIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database.key"));
    for (const QByteArray &bytes : {QByteArray("not a key"), QByteArray(64, 'g'),
                                    DatabaseKey::generate().left(62), QByteArray(10000, 'a')}) {
        writeFile(path, bytes, ownerOnly);
        const DatabaseKey::Result result = DatabaseKey::loadOrCreateKeyFile(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QStringLiteral("database.key")), qPrintable(result.error));
        QCOMPARE(fileBytes(path), bytes); // never replaced by a new key
    }
}

void TestDatabaseKey::wrappedKeyOpensOnlyWithThePassphrase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    const DatabaseKey::Result made = DatabaseKey::loadOrCreateWrapped(path, passphrase);
    QVERIFY2(made.ok(), qPrintable(made.error));
    QVERIFY(made.created);
    QVERIFY(!(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    const QByteArray stored = fileBytes(path);

    const DatabaseKey::Result opened = DatabaseKey::loadOrCreateWrapped(path, passphrase);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QVERIFY(!opened.created);
    QCOMPARE(opened.keyHex, made.keyHex);

    for (const QString &wrong : {QStringLiteral("correct horse battery stapler"),
                                 QStringLiteral("Correct horse battery staple"), QString()}) {
        const DatabaseKey::Result refused = DatabaseKey::unwrap(path, wrong);
        QVERIFY(!refused.ok());
        QVERIFY(refused.keyHex.isEmpty());
        QVERIFY2(refused.error.contains(QStringLiteral("passphrase is wrong")),
                 qPrintable(refused.error));
    }
    QCOMPARE(fileBytes(path), stored); // a wrong passphrase changes nothing
}

void TestDatabaseKey::wrappedKeyHoldsNoKeyInTheClear()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    const DatabaseKey::Result made = DatabaseKey::loadOrCreateWrapped(path, passphrase);
    QVERIFY(made.ok());
    const QByteArray stored = fileBytes(path);
    QVERIFY(!stored.contains(made.keyHex));
    QVERIFY(!stored.contains(QByteArray::fromHex(made.keyHex)));
    QVERIFY(!stored.contains(QByteArray::fromHex(made.keyHex).toBase64()));
    QVERIFY(!stored.contains(passphrase.toUtf8()));
    const QJsonObject object = QJsonDocument::fromJson(stored).object();
    QCOMPARE(object.value(QStringLiteral("kdf")).toString(), QStringLiteral("argon2id13"));
}

void TestDatabaseKey::shortPassphraseIsRefusedForANewKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    const DatabaseKey::Result refused = DatabaseKey::loadOrCreateWrapped(path, QStringLiteral("short pass"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(QString::number(DatabaseKey::minimumPassphraseLength)),
             qPrintable(refused.error));
    QVERIFY(!QFileInfo::exists(path));
}

void TestDatabaseKey::rewrappingChangesThePassphraseNotTheKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    const DatabaseKey::Result made = DatabaseKey::loadOrCreateWrapped(path, passphrase);
    QVERIFY(made.ok());
    const QString next = QStringLiteral("a new passphrase for 2027");
    QCOMPARE(DatabaseKey::wrap(path, made.keyHex, next), QString());
    QVERIFY(!DatabaseKey::unwrap(path, passphrase).ok());
    QCOMPARE(DatabaseKey::unwrap(path, next).keyHex, made.keyHex);
}

void TestDatabaseKey::damagedWrappedFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    QVERIFY(DatabaseKey::loadOrCreateWrapped(path, passphrase).ok());
    QJsonObject object = QJsonDocument::fromJson(fileBytes(path)).object();

    QJsonObject slow = object;
    slow.insert(QStringLiteral("memlimit"), 64.0 * 1024 * 1024 * 1024); // 64 GiB: refused, not run
    QJsonObject cut = object;
    cut.insert(QStringLiteral("wrappedKey"), QStringLiteral("AAAA"));
    QJsonObject flipped = object;
    QByteArray sealed = QByteArray::fromBase64(object.value(QStringLiteral("wrappedKey")).toString().toLatin1());
    sealed[3] = char(sealed[3] ^ 1);
    flipped.insert(QStringLiteral("wrappedKey"), QString::fromLatin1(sealed.toBase64()));

    for (const QByteArray &bytes : {QByteArray("{not json"), QJsonDocument(slow).toJson(),
                                    QJsonDocument(cut).toJson()}) {
        writeFile(path, bytes, ownerOnly);
        const DatabaseKey::Result result = DatabaseKey::unwrap(path, passphrase);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QStringLiteral("damaged")), qPrintable(result.error));
    }
    // A changed ciphertext fails authentication: it reads as a wrong passphrase, and no key
    // comes out.
    writeFile(path, QJsonDocument(flipped).toJson(), ownerOnly);
    QVERIFY(DatabaseKey::unwrap(path, passphrase).keyHex.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabaseKey)
#include "tst_databasekey.moc"
