// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

//! Fails the calling test with the store's own message when `result` (a StoreResult) is an error.
#define QVERIFY_STORE_OK(result)                                                                   \
    do {                                                                                           \
        const auto &storeResult_ = (result);                                                       \
        QVERIFY2(storeResult_.ok(), qPrintable(storeResult_.error()));                             \
    } while (false)

//! The value of a StoreResult; an error fails the calling test (with the store's message) and
//! gives a default value, so a failed read is never mistaken for "nothing found".
#define STORE_VALUE(result) storeValue((result), __FILE__, __LINE__)

template<typename T> T storeValue(const StoreResult<T> &result, const char *file, int line)
{
    if (!result.ok()) {
        QTest::qFail(qPrintable(QStringLiteral("store error: ") + result.error()), file, line);
        return T{};
    }
    return result.value();
}

//! A database file in its own temporary folder under a connection name no other test uses;
//! closed and deleted when it goes out of scope.
class TestDatabase
{
public:
    TestDatabase()
        : m_connection(QStringLiteral("test_%1").arg(nextNumber()))
    {
    }
    ~TestDatabase() { Database::close(m_connection); }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    //! Opens (and migrates) the file; the error is kept in result().
    bool open(int upToVersion = -1)
    {
        m_result = Database::open(path(), m_connection, upToVersion);
        return m_result.ok;
    }
    void close() { Database::close(m_connection); }

    QString path() const { return m_dir.filePath(QStringLiteral("clinicdesk.sqlite")); }
    QString dirPath() const { return m_dir.path(); }
    const QString &connection() const { return m_connection; }
    const Database::OpenResult &result() const { return m_result; }

    //! The first column of the first row of `sql`, for checks the repositories do not offer.
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(Database::connection(m_connection));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    //! Runs `sql`; SQLite's error text, empty on success.
    QString exec(const QString &sql) const
    {
        QSqlQuery query(Database::connection(m_connection));
        return query.exec(sql) ? QString() : query.lastError().text();
    }

private:
    static int nextNumber()
    {
        static QAtomicInt counter;
        return counter.fetchAndAddRelaxed(1);
    }

    QTemporaryDir m_dir;
    QString m_connection;
    Database::OpenResult m_result;
};
