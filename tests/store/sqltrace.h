// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <sqlite3.h> // SQLite3 Multiple Ciphers' (deps/sqlite3mc): the SQLite our driver runs

/*!
  Records every statement run on a connection, with its bound values written in (SQLite's
  trace hook on the driver's handle), so a test can EXPLAIN the very statements a repository
  ran rather than a copy of them. Belongs to the thread of its connection.

  The hook is SQLite3 Multiple Ciphers' own, linked in statically with SqliteDriver: the one
  SQLite in the process.
 */
class SqlTrace
{
public:
    explicit SqlTrace(const QString &connection)
        : m_connection(connection)
    {
        const QVariant handle = Database::connection(connection).driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        if (isValid())
            sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &SqlTrace::callback, this);
    }
    ~SqlTrace()
    {
        if (isValid())
            sqlite3_trace_v2(m_db, 0, nullptr, nullptr);
    }
    SqlTrace(const SqlTrace &) = delete;
    SqlTrace &operator=(const SqlTrace &) = delete;

    //! False when the connection's handle could not be found.
    bool isValid() const { return m_db; }
    //! The statements run since the last clear(), oldest first, values written in.
    const QStringList &statements() const { return m_statements; }
    //! Only the queries: SELECT, INSERT, UPDATE, DELETE (no BEGIN, PRAGMA ...).
    QStringList queries() const
    {
        QStringList found;
        for (const QString &statement : m_statements) {
            const QString head = statement.trimmed().section(QLatin1Char(' '), 0, 0).toUpper();
            if (head == QLatin1String("SELECT") || head == QLatin1String("INSERT") ||
                head == QLatin1String("UPDATE") || head == QLatin1String("DELETE")) {
                found.append(statement);
            }
        }
        return found;
    }
    void clear() { m_statements.clear(); }

    //! SQLite's plan for `sql` (the detail column of EXPLAIN QUERY PLAN), one line per step;
    //! not recorded. Empty when the statement cannot be explained.
    QStringList plan(const QString &sql)
    {
        m_paused = true;
        QStringList lines;
        QSqlQuery query(Database::connection(m_connection));
        if (query.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
            while (query.next())
                lines.append(query.value(3).toString());
        }
        m_paused = false;
        return lines;
    }

private:
    static int callback(unsigned type, void *context, void *statement, void *text)
    {
        auto *self = static_cast<SqlTrace *>(context);
        // Statements inside triggers come as "-- comment" lines: not ours.
        if (type != SQLITE_TRACE_STMT || self->m_paused ||
            qstrncmp(static_cast<const char *>(text), "--", 2) == 0) {
            return 0;
        }
        if (char *expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement))) {
            self->m_statements.append(QString::fromUtf8(expanded));
            sqlite3_free(expanded);
        }
        return 0;
    }

    QString m_connection;
    sqlite3 *m_db = nullptr;
    QStringList m_statements;
    bool m_paused = false;
};

//! The first step of `plan` that reads a whole table ("SCAN patients", "SCAN p") or walks a whole
//! index other than `allowedScanIndexes` (an empty name allows any index); empty when there is
//! none. SEARCH steps always use an index range or the primary key.
inline QString unindexedStep(const QStringList &plan, const QStringList &allowedScanIndexes = {})
{
    for (const QString &line : plan) {
        if (!line.startsWith(QLatin1String("SCAN ")) || line == QLatin1String("SCAN CONSTANT ROW"))
            continue;
        bool allowed = false;
        for (const QString &index : allowedScanIndexes)
            allowed = allowed || line.contains(QLatin1String(" INDEX ") + index);
        if (!allowed)
            return line;
    }
    return {};
}
