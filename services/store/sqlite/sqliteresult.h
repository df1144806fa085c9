// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3_stmt;
class SqliteDriver;

//! One statement of a SqliteDriver connection. A forward-only query keeps only the current row;
//! a scrollable one (QSqlQuery's default, as with QSQLITE) keeps the rows read so far, so
//! seek(), previous() and last() work. size() is -1 (SQLite cannot know it up front).
class SqliteResult final : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(SqliteResult)

public:
    explicit SqliteResult(const SqliteDriver *driver);
    ~SqliteResult() override;

    QVariant handle() const override;
    //! Releases the statement (the driver calls it before closing the connection).
    void finalizeStatement();
    //! A declared column type ("INTEGER", "numeric(10,2)", "TEXT"…) as QSQLITE maps it; text
    //! for anything else. For result fields and for the driver's record(table).
    static QMetaType typeOfDeclared(const QString &declared);

protected:
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    bool exec() override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    const SqliteDriver *sqliteDriver() const;
    bool bindValues();
    //! Steps once; true when a row was read into the cache, false at the end or on an error.
    bool step();
    void readRecord();
    void clearRows();
    const QVariantList *currentRow() const;

    sqlite3_stmt *m_stmt = nullptr;
    QSqlRecord m_record;
    QList<QVariantList> m_rows; // forward-only: the last row read only
    int m_firstCachedRow = 0;   // row number of m_rows.first()
    int m_rowsRead = 0;
    bool m_done = true;   // the statement has no more rows
    QVariantList m_bound; // keeps bound text and blobs alive while SQLite refers to them
};
