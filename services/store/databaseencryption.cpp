// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/databaseencryption.h"

#include "services/store/database.h"
#include "services/store/sqlite/sqlitedriver.h"
#include "services/store/sqlthreadguard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseEncryption", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

//! One connection of its own for the length of a step, closed and removed after.
class Connection
{
public:
    Connection(const QString &path, const QByteArray &keyHex)
        : m_name(QStringLiteral("encryption-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = Database::addConnection(m_name, keyHex);
        db.setDatabaseName(path);
        if (!db.open())
            m_error = db.lastError().databaseText();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    //! Runs `sql`; the first value of the first row, or an invalid QVariant with error() set.
    QVariant value(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql)) {
            m_error = query.lastError().databaseText();
            return {};
        }
        return query.next() ? query.value(0) : QVariant(QString());
    }

    //! quick_check's verdict: empty when the file is sound.
    QString quickCheck()
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("PRAGMA quick_check")))
            return query.lastError().databaseText();
        QStringList problems;
        while (query.next()) {
            const QString line = query.value(0).toString();
            if (line != QLatin1String("ok"))
                problems.append(line);
        }
        return problems.join(QLatin1String("; "));
    }

    //! Rows per table; false with error() set when one cannot be counted.
    bool countRows(QMap<QString, qint64> *counts)
    {
        QSqlQuery tables(db());
        if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name"))) {
            m_error = tables.lastError().databaseText();
            return false;
        }
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString &name : std::as_const(names)) {
            QString quoted = name;
            quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
            const QVariant count =
                value(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(quoted));
            if (!count.isValid())
                return false;
            counts->insert(name, count.toLongLong());
        }
        return true;
    }

    //! Folds the WAL into the file and leaves WAL mode (SQLite3 Multiple Ciphers rekeys through
    //! the rollback journal). Empty, or the step that failed with SQLite's words in `detail`.
    QString leaveWal(QString *detail)
    {
        if (!value(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).isValid()) {
            *detail = m_error;
            // translate(), not tr(): lupdate would file a tr() in this class under "Connection".
            return QCoreApplication::translate("DatabaseEncryption", "folding the write-ahead log");
        }
        const QString mode = value(QStringLiteral("PRAGMA journal_mode = DELETE")).toString();
        if (mode.compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0) {
            *detail = m_error.isEmpty() ? mode : m_error;
            return QCoreApplication::translate("DatabaseEncryption", "leaving write-ahead logging");
        }
        return {};
    }

    SqliteDriver *driver() const { return qobject_cast<SqliteDriver *>(db().driver()); }

private:
    QString m_name;
    QString m_error;
};

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

//! Overwrites then removes a copy that held plaintext PHI (best effort: a journaling or
//! copy-on-write file system may keep old blocks; the data folder is owner-only either way).
void shred(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite)) {
        const QByteArray zeros(1 << 16, '\0');
        for (qint64 left = file.size(); left > 0; left -= zeros.size())
            file.write(zeros.constData(), qMin<qint64>(left, zeros.size()));
        file.flush();
        file.close();
    }
    QFile::remove(path);
}

qint64 total(const QMap<QString, qint64> &counts)
{
    qint64 sum = 0;
    for (qint64 count : counts)
        sum += count;
    return sum;
}

QString compareCounts(const QMap<QString, qint64> &before, const QMap<QString, qint64> &after)
{
    if (before.keys() != after.keys())
        return tr("the tables differ after encryption");
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value()) {
            return tr("table %1 held %2 rows and holds %3 after encryption")
                .arg(it.key())
                .arg(it.value())
                .arg(after.value(it.key()));
        }
    }
    return {};
}
} // namespace

DatabaseEncryption::FileState DatabaseEncryption::stateOf(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return FileState::Missing;
    if (!file.open(QIODevice::ReadOnly))
        return FileState::Encrypted; // unreadable: the open that follows says why
    return file.read(16) == QByteArray("SQLite format 3\0", 16) ? FileState::Plaintext
                                                                 : FileState::Encrypted;
}

QString DatabaseEncryption::backupPath(const QString &path)
{
    return path + QStringLiteral(".before-encryption");
}

void DatabaseEncryption::removeBackup(const QString &path)
{
    if (QFileInfo::exists(backupPath(path)))
        shred(backupPath(path));
}

DatabaseEncryption::Result DatabaseEncryption::encryptInPlace(const QString &path,
                                                              const QByteArray &keyHex,
                                                              const Progress &progress)
{
    SqlThreadGuard::check("DatabaseEncryption::encryptInPlace");
    Result result;
    const auto fail = [&](const QString &step, const QString &detail) {
        result.error = tr("The database %1 could not be encrypted (%2: %3). It was left as it "
                          "was, unencrypted.")
                           .arg(native(path), step, detail);
        return result;
    };
    if (stateOf(path) != FileState::Plaintext)
        return fail(tr("checking"), tr("it is not an unencrypted SQLite database"));
    const int steps = 6;
    const auto report = [&](int done) {
        if (progress)
            progress(done, steps);
    };

    // 1–2. What it holds, and out of WAL mode.
    QMap<QString, qint64> before;
    {
        Connection plain(path, {});
        if (!plain.isOpen())
            return fail(tr("opening"), plain.error());
        const QString problems = plain.quickCheck();
        if (!problems.isEmpty())
            return fail(tr("checking"), problems);
        if (!plain.countRows(&before))
            return fail(tr("counting rows"), plain.error());
        report(1);
        QString detail;
        const QString step = plain.leaveWal(&detail);
        if (!step.isEmpty())
            return fail(step, detail);
    }
    report(2);

    // 3. The backup, verified.
    const QString backup = backupPath(path);
    if (QFileInfo::exists(backup))
        shred(backup); // a failed earlier attempt's: the database beside it is still plaintext
    if (!QFile::copy(path, backup))
        return fail(tr("making the backup copy"), native(backup));
    Database::restrictToOwner(backup);
    if (fileHash(backup) != fileHash(path) || fileHash(path).isEmpty()) {
        shred(backup);
        return fail(tr("checking the backup copy"), native(backup));
    }
    report(3);

    const auto restore = [&](const QString &step, const QString &detail) {
        QFile::remove(path + QStringLiteral("-journal"));
        QFile::remove(path);
        if (!QFile::rename(backup, path)) {
            result.error = tr("The database %1 could not be encrypted (%2: %3), and the backup "
                              "copy %4 could not be put back. Rename %4 to %1 before starting "
                              "ClinicDesk again.")
                               .arg(native(path), step, detail, native(backup));
            return result;
        }
        return fail(step, detail);
    };

    // 4. Encrypted in place, in one transaction.
    {
        Connection plain(path, {});
        if (!plain.isOpen())
            return restore(tr("opening"), plain.error());
        if (!plain.driver() || !plain.driver()->rekey(keyHex))
            return restore(tr("encrypting"), plain.db().lastError().databaseText());
    }
    report(4);

    // 5–6. Read back with the key: sound, every row there; then WAL again.
    QMap<QString, qint64> after;
    {
        Connection keyed(path, keyHex);
        if (!keyed.isOpen())
            return restore(tr("reopening with the key"), keyed.error());
        const QString problems = keyed.quickCheck();
        if (!problems.isEmpty())
            return restore(tr("checking the encrypted file"), problems);
        if (!keyed.countRows(&after))
            return restore(tr("counting rows"), keyed.error());
        const QString difference = compareCounts(before, after);
        if (!difference.isEmpty())
            return restore(tr("comparing rows"), difference);
        report(5);
        const QString mode = keyed.value(QStringLiteral("PRAGMA journal_mode = WAL")).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return restore(tr("returning to write-ahead logging"), keyed.error().isEmpty() ? mode : keyed.error());
    }
    if (stateOf(path) != FileState::Encrypted)
        return restore(tr("checking the encrypted file"), tr("it still reads as plaintext"));
    shred(backup);
    report(6);
    result.tables = int(after.size());
    result.rows = total(after);
    return result;
}

DatabaseEncryption::Result DatabaseEncryption::changeKey(const QString &path,
                                                         const QByteArray &oldKeyHex,
                                                         const QByteArray &newKeyHex)
{
    SqlThreadGuard::check("DatabaseEncryption::changeKey");
    Result result;
    const auto fail = [&](const QString &step, const QString &detail) {
        result.error = tr("The database key of %1 could not be changed (%2: %3).")
                           .arg(native(path), step, detail);
        return result;
    };
    QMap<QString, qint64> before;
    {
        Connection keyed(path, oldKeyHex);
        if (!keyed.isOpen())
            return fail(tr("opening"), keyed.error());
        if (!keyed.countRows(&before))
            return fail(tr("counting rows"), keyed.error());
        QString detail;
        const QString step = keyed.leaveWal(&detail);
        if (!step.isEmpty())
            return fail(step, detail);
        if (!keyed.driver() || !keyed.driver()->rekey(newKeyHex))
            return fail(tr("encrypting"), keyed.db().lastError().databaseText());
    }
    QMap<QString, qint64> after;
    {
        Connection keyed(path, newKeyHex);
        if (!keyed.isOpen())
            return fail(tr("reopening with the new key"), keyed.error());
        if (!keyed.countRows(&after))
            return fail(tr("counting rows"), keyed.error());
        const QString difference = compareCounts(before, after);
        if (!difference.isEmpty())
            return fail(tr("comparing rows"), difference);
        keyed.value(QStringLiteral("PRAGMA journal_mode = WAL"));
    }
    result.tables = int(after.size());
    result.rows = total(after);
    return result;
}
