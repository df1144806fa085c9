// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

class QSqlError;

//! A value or an error message the UI can show (no exceptions across the store). Reads return
//! one too, so "the database is busy" is never mistaken for "nothing found".
template<typename T> class StoreResult
{
public:
    StoreResult(T value)
        : m_value(std::move(value))
    {
    }
    //! An empty result: an error saying no answer was produced (QFuture needs a default).
    StoreResult()
        : m_error(QStringLiteral("no result"))
    {
    }
    static StoreResult failure(QString error)
    {
        StoreResult r;
        r.m_error = std::move(error);
        return r;
    }
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

namespace StoreErrors {
//! What a failed query means for the person in front of the screen: the database is busy
//! (another program holds the write lock), damaged or unreadable, or the query failed. `what`
//! names what was being read or written ("the patients"); SQLite's text is appended.
QString describe(const QSqlError &error, const QString &what);
//! True for SQLITE_BUSY and SQLITE_LOCKED: trying again soon may work.
bool isBusy(const QSqlError &error);
//! True for SQLITE_NOTADB: the file is no database, or it is encrypted and the key (or the
//! lack of one) does not open it.
bool isNotADatabase(const QSqlError &error);
//! True when the database itself is the problem rather than the row: busy or locked,
//! unreadable (I/O error, damaged, not a database) or a full disk. describe() says which;
//! a refused row (a constraint, say) is better told in the caller's own words.
bool isDatabaseProblem(const QSqlError &error);
} // namespace StoreErrors
