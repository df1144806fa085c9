// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlite/sqliteresult.h"

#include "services/store/sqlite/sqlitedriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlField>
#include <QTime>
#include <QUuid>

#include <sqlite3.h>

#include <limits>

Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt *)
Q_DECLARE_METATYPE(sqlite3_stmt *)

namespace {
QSqlError makeError(sqlite3 *db, const QString &what, QSqlError::ErrorType type)
{
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE;
    const QString message =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(code));
    return QSqlError(what, message, type, QString::number(code));
}

//! Whether Qt's drivers bind `value` as NULL: in Qt 6 QVariant::isNull() no longer looks inside,
//! but a null QString, QByteArray or date still means NULL (SqlValues relies on it).
bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QUuid:
        return value.toUuid().isNull();
    default:
        return false;
    }
}

//! The type of a column's value for record() and for NULLs, from its declared type as QSQLITE
//! maps it, else from the type of the first row's value.
QMetaType declaredType(sqlite3_stmt *stmt, int column, bool hasRow)
{
    const char *declared = sqlite3_column_decltype(stmt, column);
    if (declared && *declared)
        return SqliteResult::typeOfDeclared(QString::fromUtf8(declared));
    if (!hasRow)
        return QMetaType();
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QMetaType(QMetaType::Int);
    case SQLITE_FLOAT:
        return QMetaType(QMetaType::Double);
    case SQLITE_BLOB:
        return QMetaType(QMetaType::QByteArray);
    case SQLITE_TEXT:
        return QMetaType(QMetaType::QString);
    default:
        return QMetaType();
    }
}
} // namespace

QMetaType SqliteResult::typeOfDeclared(const QString &declared)
{
    const QString type = declared.toLower();
    if (type == QLatin1String("integer") || type == QLatin1String("int"))
        return QMetaType(QMetaType::Int);
    if (type == QLatin1String("double") || type == QLatin1String("float") ||
        type == QLatin1String("real") || type.startsWith(QLatin1String("numeric"))) {
        return QMetaType(QMetaType::Double);
    }
    if (type == QLatin1String("blob"))
        return QMetaType(QMetaType::QByteArray);
    if (type == QLatin1String("boolean") || type == QLatin1String("bool"))
        return QMetaType(QMetaType::Bool);
    return QMetaType(QMetaType::QString);
}

SqliteResult::SqliteResult(const SqliteDriver *driver)
    : QSqlResult(driver)
{
}

SqliteResult::~SqliteResult()
{
    finalizeStatement();
}

const SqliteDriver *SqliteResult::sqliteDriver() const
{
    // QSqlResult tracks the driver with a QPointer: null once the connection was removed.
    return static_cast<const SqliteDriver *>(driver());
}

QVariant SqliteResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void SqliteResult::finalizeStatement()
{
    if (!m_stmt)
        return;
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    if (const SqliteDriver *d = sqliteDriver())
        d->statementFinalized(this);
    m_done = true;
    m_bound.clear();
}

void SqliteResult::clearRows()
{
    m_rows.clear();
    m_firstCachedRow = 0;
    m_rowsRead = 0;
    m_done = true;
}

bool SqliteResult::reset(const QString &query)
{
    // A query run without prepare(): prepared and run once, as QSQLITE does.
    return prepare(query) && exec();
}

bool SqliteResult::prepare(const QString &query)
{
    const SqliteDriver *d = sqliteDriver();
    if (!d || !d->isOpen() || d->isOpenError())
        return false;
    finalizeStatement();
    clearRows();
    m_record.clear();
    setSelect(false);
    setAt(QSql::BeforeFirstRow);

    // SQLite stops reading at a NUL: what follows it would be dropped without a word.
    if (query.contains(QChar(0))) {
        setLastError(QSqlError(tr("Unable to execute statement"),
                               tr("The statement contains a NUL character."),
                               QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        return false;
    }
    const void *tail = nullptr;
    const int rc = sqlite3_prepare16_v2(d->connection(), query.constData(),
                                        int((query.size() + 1) * sizeof(QChar)), &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        setLastError(makeError(d->connection(), tr("Unable to execute statement"),
                               QSqlError::StatementError));
        finalizeStatement();
        return false;
    }
    if (!m_stmt) {
        // Only spaces or comments: nothing to run, which the caller surely did not mean.
        setLastError(QSqlError(tr("Unable to execute statement"), tr("The statement is empty."),
                               QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        return false;
    }
    d->statementPrepared(this);
    // QSQLITE refuses a second statement rather than silently ignore it; so do we.
    if (tail && !QString(static_cast<const QChar *>(tail)).trimmed().isEmpty()) {
        setLastError(QSqlError(tr("Unable to execute multiple statements at a time"),
                               QString::fromUtf8(sqlite3_errstr(SQLITE_MISUSE)),
                               QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        finalizeStatement();
        return false;
    }
    return true;
}

bool SqliteResult::bindValues()
{
    sqlite3 *db = sqliteDriver()->connection();
    m_bound = boundValues();
    const int parameterCount = sqlite3_bind_parameter_count(m_stmt);

    // QSqlResult hands prepare() "?" rewritten to generated names (the driver has
    // NamedPlaceholders) and keeps one value per occurrence of a name; boundValueName() says
    // which name each value is for. SQLite numbers each distinct name once.
    QHash<QString, int> valueOfName;
    for (int i = 0; i < int(m_bound.size()); ++i)
        valueOfName.insert(boundValueName(i), i); // later occurrences hold the same value
    // As QSQLITE: every placeholder needs a value and every value a placeholder.
    if (int(valueOfName.size()) != parameterCount) {
        setLastError(
            QSqlError(tr("Parameter count mismatch"), QString(), QSqlError::StatementError));
        return false;
    }

    for (int parameter = 1; parameter <= parameterCount; ++parameter) {
        int index = parameter - 1;
        if (const char *name = sqlite3_bind_parameter_name(m_stmt, parameter)) {
            const auto found = valueOfName.constFind(QString::fromUtf8(name));
            if (found == valueOfName.constEnd()) {
                setLastError(QSqlError(tr("Parameter count mismatch"),
                                       tr("No value for %1").arg(QString::fromUtf8(name)),
                                       QSqlError::StatementError));
                return false;
            }
            index = found.value();
        }
        if (index >= int(m_bound.size())) {
            setLastError(
                QSqlError(tr("Parameter count mismatch"), QString(), QSqlError::StatementError));
            return false;
        }
        const QVariant &value = m_bound.at(index);
        int rc = SQLITE_OK;
        if (isNullValue(value)) {
            rc = sqlite3_bind_null(m_stmt, parameter);
        } else {
            switch (value.metaType().id()) {
            case QMetaType::QByteArray: {
                // m_bound keeps the bytes alive until the next exec(): no copy.
                const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
                rc = sqlite3_bind_blob64(m_stmt, parameter, bytes->constData(),
                                         sqlite3_uint64(bytes->size()), SQLITE_STATIC);
                break;
            }
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::SChar:
            case QMetaType::UChar:
            case QMetaType::Long:
            case QMetaType::LongLong:
                rc = sqlite3_bind_int64(m_stmt, parameter, value.toLongLong());
                break;
            case QMetaType::ULong:
            case QMetaType::ULongLong:
                if (value.toULongLong() <= quint64(std::numeric_limits<qint64>::max())) {
                    rc = sqlite3_bind_int64(m_stmt, parameter, value.toLongLong());
                } else {
                    const QString text = value.toString();
                    rc = sqlite3_bind_text16(m_stmt, parameter, text.constData(),
                                             int(text.size() * sizeof(QChar)), SQLITE_TRANSIENT);
                }
                break;
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, parameter, value.toDouble());
                break;
            case QMetaType::QString: {
                const QString *text = static_cast<const QString *>(value.constData());
                rc = sqlite3_bind_text16(m_stmt, parameter, text->constData(),
                                         int(text->size() * sizeof(QChar)), SQLITE_STATIC);
                break;
            }
            default: {
                // Dates and times as QSQLITE writes them (ISO 8601, milliseconds for times).
                QString text;
                if (value.metaType().id() == QMetaType::QDateTime)
                    text = value.toDateTime().toString(Qt::ISODateWithMs);
                else if (value.metaType().id() == QMetaType::QTime)
                    text = value.toTime().toString(QStringLiteral("hh:mm:ss.zzz"));
                else
                    text = value.toString();
                rc = sqlite3_bind_text16(m_stmt, parameter, text.constData(),
                                         int(text.size() * sizeof(QChar)), SQLITE_TRANSIENT);
                break;
            }
            }
        }
        if (rc != SQLITE_OK) {
            setLastError(makeError(db, tr("Unable to bind parameters"), QSqlError::StatementError));
            return false;
        }
    }
    return true;
}

bool SqliteResult::exec()
{
    const SqliteDriver *d = sqliteDriver();
    if (!d || !m_stmt) {
        setLastError(QSqlError(tr("Unable to execute statement"),
                               tr("No statement was prepared."), QSqlError::StatementError,
                               QString::number(SQLITE_MISUSE)));
        return false;
    }
    setLastError(QSqlError());
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    clearRows();
    sqlite3_reset(m_stmt); // its error, if any, was reported by the step that failed
    sqlite3_clear_bindings(m_stmt);
    m_bound.clear();
    if (!bindValues())
        return false;

    // Step once: a statement that returns no rows runs now, and its error is exec()'s.
    m_done = false;
    step();
    if (lastError().isValid()) {
        setSelect(false);
        return false;
    }
    readRecord();
    setSelect(sqlite3_column_count(m_stmt) > 0);
    setActive(true);
    return true;
}

bool SqliteResult::step()
{
    if (m_done || !m_stmt)
        return false;
    sqlite3 *db = sqliteDriver()->connection();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        const int columns = sqlite3_column_count(m_stmt);
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i) {
            switch (sqlite3_column_type(m_stmt, i)) {
            case SQLITE_INTEGER:
                row.append(qint64(sqlite3_column_int64(m_stmt, i)));
                break;
            case SQLITE_FLOAT:
                switch (numericalPrecisionPolicy()) {
                case QSql::LowPrecisionInt32:
                    row.append(int(sqlite3_column_double(m_stmt, i)));
                    break;
                case QSql::LowPrecisionInt64:
                    row.append(qint64(sqlite3_column_double(m_stmt, i)));
                    break;
                default:
                    row.append(sqlite3_column_double(m_stmt, i));
                    break;
                }
                break;
            case SQLITE_BLOB: {
                const void *blob = sqlite3_column_blob(m_stmt, i);
                const int bytes = sqlite3_column_bytes(m_stmt, i);
                // An empty blob is empty, not null: only SQL NULL reads as null.
                row.append(bytes > 0 ? QByteArray(static_cast<const char *>(blob), bytes)
                                     : QByteArray(""));
                break;
            }
            case SQLITE_NULL:
                // A null of the column's declared type, as QSQLITE returns.
                row.append(QVariant(declaredType(m_stmt, i, false)));
                break;
            default: {
                const void *text = sqlite3_column_text16(m_stmt, i);
                const int bytes = sqlite3_column_bytes16(m_stmt, i);
                row.append(QString(static_cast<const QChar *>(text), bytes / int(sizeof(QChar))));
                break;
            }
            }
        }
        if (isForwardOnly()) {
            // Only the current row is kept.
            m_rows.clear();
            m_firstCachedRow = m_rowsRead;
        }
        m_rows.append(std::move(row));
        ++m_rowsRead;
        return true;
    }
    m_done = true;
    if (rc != SQLITE_DONE) {
        setLastError(makeError(db, tr("Unable to fetch row"), QSqlError::ConnectionError));
        sqlite3_reset(m_stmt);
    }
    return false;
}

void SqliteResult::readRecord()
{
    m_record.clear();
    const int columns = sqlite3_column_count(m_stmt);
    const bool hasRow = !m_rows.isEmpty();
    for (int i = 0; i < columns; ++i) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, i));
        QMetaType type = declaredType(m_stmt, i, false);
        if (!type.isValid() && hasRow) {
            // No declared type (an expression): the first row's value says it.
            const QVariant &value = m_rows.constFirst().at(i);
            switch (value.metaType().id()) {
            case QMetaType::LongLong:
                type = QMetaType(QMetaType::Int);
                break;
            case QMetaType::Double:
            case QMetaType::QString:
            case QMetaType::QByteArray:
                type = value.metaType();
                break;
            default:
                break;
            }
        }
        QSqlField field(name, type, QString::fromUtf8(sqlite3_column_table_name(m_stmt, i)));
        m_record.append(field);
    }
}

const QVariantList *SqliteResult::currentRow() const
{
    const int index = at() - m_firstCachedRow;
    if (at() < 0 || index < 0 || index >= m_rows.size())
        return nullptr;
    return &m_rows.at(index);
}

QVariant SqliteResult::data(int field)
{
    const QVariantList *row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return {};
    return row->at(field);
}

bool SqliteResult::isNull(int field)
{
    const QVariantList *row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return true;
    return row->at(field).isNull();
}

bool SqliteResult::fetch(int row)
{
    if (!isActive() || row < 0)
        return false;
    if (row < m_firstCachedRow) // forward-only: the rows before are gone
        return false;
    while (m_firstCachedRow + m_rows.size() <= row) {
        if (!step()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
    }
    setAt(row);
    return true;
}

bool SqliteResult::fetchFirst()
{
    return fetch(0);
}

bool SqliteResult::fetchLast()
{
    if (!isActive())
        return false;
    while (step()) {
    }
    if (lastError().isValid() || m_rowsRead == 0) {
        setAt(QSql::AfterLastRow);
        return false;
    }
    setAt(m_rowsRead - 1);
    return true;
}

int SqliteResult::size()
{
    return -1;
}

int SqliteResult::numRowsAffected()
{
    const SqliteDriver *d = sqliteDriver();
    return d && d->connection() ? sqlite3_changes(d->connection()) : -1;
}

QVariant SqliteResult::lastInsertId() const
{
    const SqliteDriver *d = sqliteDriver();
    if (!isActive() || !d || !d->connection())
        return {};
    const qint64 id = sqlite3_last_insert_rowid(d->connection());
    return id ? QVariant(id) : QVariant();
}

QSqlRecord SqliteResult::record() const
{
    if (!isActive() || !isSelect())
        return {};
    return m_record;
}

void SqliteResult::detachFromResultSet()
{
    // QSqlQuery::finish(): end the read so its snapshot (and WAL read lock) is released.
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_done = true;
}
