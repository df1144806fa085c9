// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A plaintext database (written before ClinicDesk encrypted its store) encrypted in place:
// every row kept, nothing readable left, the backup gone; a wrong key changes nothing; a new key
// replaces the old one.
#include "common/storetestmain.h"
#include "services/access/databasekey.h"
#include "services/store/database.h"
#include "services/store/databaseencryption.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray marker = "Zebulon-Quartermaine-7731";
constexpr int markedRows = 2000;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

//! Every file in `dir` (the database, its WAL, journal, backup) that holds `text`.
QStringList filesHolding(const QString &dir, const QByteArray &text)
{
    QStringList found;
    for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden)) {
        if (fileBytes(info.filePath()).contains(text))
            found.append(info.fileName());
    }
    return found;
}

int connectionCounter = 0;
QString nextName()
{
    return QStringLiteral("encryption-test-%1").arg(++connectionCounter);
}

//! A migrated plaintext database with `markedRows` marked patients' notes in a table of its own
//! and a WAL not yet folded into the file (as a desk leaves it when it closes).
void makePlaintextDatabase(const QString &path)
{
    const QString name = nextName();
    const Database::OpenResult opened = Database::open(path, name);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    {
        QSqlDatabase db = Database::connection(name);
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, "
                                          "note TEXT NOT NULL)")));
        QVERIFY(db.transaction());
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO scratch_notes (note) VALUES (?)")));
        for (int i = 0; i < markedRows; ++i) {
            query.addBindValue(QString::fromLatin1(marker) + QString::number(i));
            QVERIFY(query.exec());
        }
        QVERIFY(db.commit());
    }
    Database::close(name);
    QVERIFY(fileBytes(path).startsWith("SQLite format 3"));
}

qint64 countNotes(const QString &path, const QByteArray &key, QString *error)
{
    const QString name = nextName();
    const Database::OpenResult opened = Database::open(path, name, -1, key);
    if (!opened.ok) {
        *error = opened.error;
        return -1;
    }
    qint64 count = -1;
    {
        QSqlQuery query(Database::connection(name));
        if (query.exec(QStringLiteral("SELECT count(*) FROM scratch_notes WHERE note LIKE '%1%'")
                           .arg(QString::fromLatin1(marker)))
            && query.next()) {
            count = query.value(0).toLongLong();
        } else {
            *error = query.lastError().text();
        }
    }
    Database::close(name);
    return count;
}
} // namespace

class TestDatabaseEncryption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stateIsReadFromTheHeader();
    void plaintextIsEncryptedInPlaceKeepingEveryRow();
    void wrongOrMissingKeyFailsAndChangesNothing();
    void encryptedFileIsNotEncryptedAgain();
    void failedEncryptionPutsTheBackupBack();
    void changeKeyReplacesTheKey();
};

void TestDatabaseEncryption::stateIsReadFromTheHeader()
{
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.sqlite"));
    QCOMPARE(DatabaseEncryption::stateOf(plain), DatabaseEncryption::FileState::Missing);
    makePlaintextDatabase(plain);
    QCOMPARE(DatabaseEncryption::stateOf(plain), DatabaseEncryption::FileState::Plaintext);
    const QString keyed = dir.filePath(QStringLiteral("keyed.sqlite"));
    const QString name = nextName();
    QVERIFY(Database::open(keyed, name, -1, DatabaseKey::generate()).ok);
    Database::close(name);
    QCOMPARE(DatabaseEncryption::stateOf(keyed), DatabaseEncryption::FileState::Encrypted);
}

void TestDatabaseEncryption::plaintextIsEncryptedInPlaceKeepingEveryRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    makePlaintextDatabase(path);
    QVERIFY(!filesHolding(dir.path(), marker).isEmpty()); // the scan can find it

    const QByteArray key = DatabaseKey::generate();
    QList<int> steps;
    const DatabaseEncryption::Result result = DatabaseEncryption::encryptInPlace(
        path, key, [&steps](int done, int total) {
            QCOMPARE(total, 6);
            steps.append(done);
        });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(steps, (QList<int>{1, 2, 3, 4, 5, 6}));
    QVERIFY(result.tables > 10);
    QVERIFY(result.rows >= markedRows);

    QCOMPARE(DatabaseEncryption::stateOf(path), DatabaseEncryption::FileState::Encrypted);
    QVERIFY2(filesHolding(dir.path(), marker).isEmpty(),
             qPrintable(filesHolding(dir.path(), marker).join(QLatin1Char(' '))));
    QVERIFY(!QFileInfo::exists(DatabaseEncryption::backupPath(path)));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));

    QString error;
    QCOMPARE(countNotes(path, key, &error), qint64(markedRows));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Back in WAL mode, migrated, sound.
    const QString name = nextName();
    QVERIFY(Database::open(path, name, -1, key).ok);
    {
        QSqlQuery query(Database::connection(name));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(Database::check(name).ok());
    }
    Database::close(name);
    QVERIFY(filesHolding(dir.path(), marker).isEmpty()); // nor after the WAL was used
}

void TestDatabaseEncryption::wrongOrMissingKeyFailsAndChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    makePlaintextDatabase(path);
    const QByteArray key = DatabaseKey::generate();
    QVERIFY(DatabaseEncryption::encryptInPlace(path, key).ok());
    const QByteArray before = fileHash(path);

    for (const QByteArray &wrong : {DatabaseKey::generate(), QByteArray()}) {
        const QString name = nextName();
        const Database::OpenResult opened = Database::open(path, name, -1, wrong);
        QVERIFY(!opened.ok);
        QVERIFY(!QSqlDatabase::contains(name));
        // A wrong key is named as such; with none, the file reads as no database at all.
        const QString expected = wrong.isEmpty() ? QStringLiteral("not a ClinicDesk database")
                                                 : QStringLiteral("database key does not open it");
        QVERIFY2(opened.error.contains(expected), qPrintable(opened.error));
        if (!wrong.isEmpty()) {
            QVERIFY2(opened.error.contains(QStringLiteral("Nothing was changed")),
                     qPrintable(opened.error));
            QVERIFY(Database::openReader(path, nextName(), wrong).contains(expected));
        }
    }
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))
            || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    QString error;
    QCOMPARE(countNotes(path, key, &error), qint64(markedRows));
}

void TestDatabaseEncryption::encryptedFileIsNotEncryptedAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    makePlaintextDatabase(path);
    const QByteArray key = DatabaseKey::generate();
    QVERIFY(DatabaseEncryption::encryptInPlace(path, key).ok());
    const QByteArray before = fileHash(path);
    const DatabaseEncryption::Result again = DatabaseEncryption::encryptInPlace(path, DatabaseKey::generate());
    QVERIFY(!again.ok());
    QVERIFY2(again.error.contains(QStringLiteral("not an unencrypted SQLite database")),
             qPrintable(again.error));
    QCOMPARE(fileHash(path), before);
}

void TestDatabaseEncryption::failedEncryptionPutsTheBackupBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    makePlaintextDatabase(path);
    // A key SqliteDriver refuses makes the encrypting step fail after the backup was made.
    const DatabaseEncryption::Result result =
        DatabaseEncryption::encryptInPlace(path, QByteArrayLiteral("not-a-key"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("encrypting")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("left as it was")), qPrintable(result.error));
    QCOMPARE(DatabaseEncryption::stateOf(path), DatabaseEncryption::FileState::Plaintext);
    QVERIFY(!QFileInfo::exists(DatabaseEncryption::backupPath(path)));
    QString error;
    QCOMPARE(countNotes(path, {}, &error), qint64(markedRows));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // …and the next start encrypts it.
    const QByteArray key = DatabaseKey::generate();
    QVERIFY(DatabaseEncryption::encryptInPlace(path, key).ok());
    QCOMPARE(countNotes(path, key, &error), qint64(markedRows));
}

void TestDatabaseEncryption::changeKeyReplacesTheKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    makePlaintextDatabase(path);
    const QByteArray oldKey = DatabaseKey::generate();
    const QByteArray newKey = DatabaseKey::generate();
    QVERIFY(DatabaseEncryption::encryptInPlace(path, oldKey).ok());
    const DatabaseEncryption::Result changed = DatabaseEncryption::changeKey(path, oldKey, newKey);
    QVERIFY2(changed.ok(), qPrintable(changed.error));
    QString error;
    QCOMPARE(countNotes(path, oldKey, &error), qint64(-1));
    QVERIFY(error.contains(QStringLiteral("database key does not open it")));
    error.clear();
    QCOMPARE(countNotes(path, newKey, &error), qint64(markedRows));
    QVERIFY(filesHolding(dir.path(), marker).isEmpty());
    // The wrong old key changes nothing.
    const QByteArray before = fileHash(path);
    QVERIFY(!DatabaseEncryption::changeKey(path, oldKey, DatabaseKey::generate()).ok());
    QCOMPARE(fileHash(path), before);
}

CLINICDESK_STORE_TEST_MAIN(TestDatabaseEncryption)
#include "tst_databaseencryption.moc"
