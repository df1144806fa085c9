// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/postgreseventlog.h"

#include "services/store/database.h"
#include "services/store/sqlthreadguard.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

PostgresAddress PostgresAddress::parse(const QString &spec)
{
    // Parsed by hand: QUrl does not accept every form libpq does (an empty host before the
    // database, a socket folder as host).
    static const QRegularExpression pattern(
        QStringLiteral("^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\\d+))?/"
                       "([^?]+)(?:\\?(.*))?$"),
        QRegularExpression::CaseInsensitiveOption);
    PostgresAddress address;
    const QRegularExpressionMatch match = pattern.match(spec);
    if (!match.hasMatch()) {
        address.error = QCoreApplication::translate(
            "HubStore", "The database address is not understood; write it as "
                        "postgresql://user:password@host:port/database or "
                        "postgresql://user@/database?host=/socket/folder");
        return address;
    }
    auto decoded = [](const QString &text) {
        return QUrl::fromPercentEncoding(text.toUtf8());
    };
    address.user = decoded(match.captured(1));
    address.password = decoded(match.captured(2));
    address.host = decoded(match.captured(3));
    if (!match.captured(4).isEmpty())
        address.port = match.captured(4).toInt();
    address.database = decoded(match.captured(5));
    QStringList options;
    const QUrlQuery query(match.captured(6));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            address.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            address.port = value.toInt(&ok);
            if (!ok) {
                address.error =
                    QCoreApplication::translate("HubStore", "The database port \"%1\" is not a "
                                                            "number.")
                        .arg(value);
            }
        } else if (key == QLatin1String("user")) {
            address.user = value;
        } else if (key == QLatin1String("password")) {
            address.password = value;
        } else if (!value.contains(QLatin1Char(';')) && !value.contains(QLatin1Char(' '))) {
            options.append(key + QLatin1Char('=') + value);
        }
    }
    address.options = options.join(QLatin1Char(';'));
    return address;
}

QString PostgresAddress::describe() const
{
    QString where = host.isEmpty() ? QStringLiteral("localhost") : host;
    if (port > 0)
        where += QLatin1Char(':') + QString::number(port);
    return QStringLiteral("postgresql://%1@%2/%3").arg(user, where, database);
}

PostgresEventLog::PostgresEventLog(const QString &spec, QString connectionName)
    : HubStoreBackend(std::move(connectionName))
    , m_address(PostgresAddress::parse(spec))
{
}

PostgresEventLog::~PostgresEventLog() = default;

QString PostgresEventLog::describe() const
{
    return m_address.describe();
}

bool PostgresEventLog::openConnection(const QString &name, QString *error)
{
    SqlThreadGuard::check("PostgresEventLog::openConnection");
    Database::close(name);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid()) {
            failure = QCoreApplication::translate("HubStore",
                                                  "the PostgreSQL driver for Qt is not installed "
                                                  "(Debian package libqt6sql6-psql)");
        } else {
            db.setHostName(m_address.host);
            if (m_address.port > 0)
                db.setPort(m_address.port);
            db.setDatabaseName(m_address.database);
            db.setUserName(m_address.user);
            db.setPassword(m_address.password);
            db.setConnectOptions(m_address.options);
            if (!db.open()) {
                failure = db.lastError().databaseText().trimmed();
                if (failure.isEmpty())
                    failure = db.lastError().text();
            } else {
                // CREATE TABLE IF NOT EXISTS would log a NOTICE per table at every start. A hub
                // that hangs holding the counter lock (or waits for one that does) must not
                // stall the others for good: the server ends such a session, the waiting
                // batch fails and its senders retry. The statements are prepared once per
                // connection, often while the log is still empty; a generic plan made then
                // would scan the whole table for good, so each run is planned for the table
                // as it is.
                for (const char *setting :
                     {"SET client_min_messages TO warning", "SET lock_timeout = '15s'",
                      "SET idle_in_transaction_session_timeout = '30s'",
                      "SET plan_cache_mode = force_custom_plan"}) {
                    exec(db, QLatin1String(setting), nullptr);
                }
            }
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        *error = failure;
        return false;
    }
    return true;
}

bool PostgresEventLog::connectDatabase(QString *error)
{
    QString failure = m_address.error;
    if (failure.isEmpty())
        openConnection(connectionName(), &failure);
    if (!failure.isEmpty()) {
        *error = QCoreApplication::translate("HubStore", "Cannot open the hub's event log %1: %2")
                     .arg(describe(), failure);
        return false;
    }
    return true;
}

bool PostgresEventLog::checkSchema(QSqlDatabase &db, QString *error)
{
    // Two hubs starting together on a new database would race in CREATE TABLE IF NOT EXISTS;
    // a transaction-scoped advisory lock makes them take turns.
    if (!exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(7406323126)"), error))
        return false;
    QSqlQuery exists(db);
    if (!exists.exec(QStringLiteral("SELECT to_regclass('hub_meta') IS NOT NULL")) ||
        !exists.next()) {
        *error = errorOf(exists);
        return false;
    }
    if (!exists.value(0).toBool())
        return true;
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT value FROM hub_meta WHERE key = 'schema_version'"))) {
        *error = errorOf(version);
        return false;
    }
    if (version.next() && version.value(0).toInt() > schemaVersion) {
        *error = QCoreApplication::translate("HubStore",
                                             "its schema version is %1, but this clinichub knows "
                                             "versions up to %2 only; update clinichub. The "
                                             "database was not changed.")
                     .arg(version.value(0).toInt())
                     .arg(schemaVersion);
        return false;
    }
    return true;
}

QStringList PostgresEventLog::schemaStatements() const
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, "
                       "value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_counter (id INTEGER PRIMARY KEY "
                       "CHECK (id = 1), last_seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_events (seq BIGINT PRIMARY KEY, "
                       "kind TEXT NOT NULL, event_type TEXT NOT NULL, received_at TEXT NOT NULL, "
                       "payload BYTEA NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_deliveries (kind TEXT NOT NULL, "
                       "delivery_id TEXT NOT NULL, business_key TEXT, seq BIGINT NOT NULL, "
                       "UNIQUE (kind, delivery_id), UNIQUE (kind, business_key))"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS hub_deliveries_seq ON hub_deliveries (seq)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_devices (device TEXT PRIMARY KEY, "
                       "acked_seq BIGINT NOT NULL, last_seen TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_audit (id BIGSERIAL PRIMARY KEY, "
                       "at TEXT NOT NULL, what TEXT NOT NULL, peer TEXT NOT NULL, "
                       "detail TEXT NOT NULL)"),
    };
}

bool PostgresEventLog::begin(QSqlDatabase &db, QString *error)
{
    return exec(db, QStringLiteral("BEGIN"), error);
}

QString PostgresEventLog::lockCounterStatement() const
{
    // Seq comes from this one-row counter, not from a SEQUENCE: nextval() is not transactional,
    // so a rolled-back or killed transaction would leave a gap, and two hubs could commit 8
    // before 7, letting a desk see 8, resume after it and never get 7. The row lock taken here
    // is held until COMMIT (or until the server notices a dead client and rolls back), so hubs
    // number and commit one after another, and an aborted transaction gives its numbers back.
    // The lock is taken before the duplicate checks too, so two hubs receiving the same webhook
    // at once cannot both store it.
    return QStringLiteral("SELECT last_seq FROM hub_counter WHERE id = 1 FOR UPDATE");
}

bool PostgresEventLog::beforeCommit(QSqlDatabase &db, qint64 lastSeq, QString *error)
{
    // NOTIFY is transactional: it is delivered when (and only if) this commit succeeds.
    QSqlQuery notify(db);
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(channel());
    notify.addBindValue(QString::number(lastSeq));
    if (!notify.exec()) {
        *error = errorOf(notify);
        return false;
    }
    return true;
}

bool PostgresEventLog::openListener(QString *error)
{
    if (!openConnection(listenerName(), error))
        return false;
    QSqlDatabase db = Database::connection(listenerName());
    QSqlDriver *driver = db.driver();
    // The driver watches the connection's socket from this thread's event loop.
    QObject::connect(
        driver, &QSqlDriver::notification, driver,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name != channel() || !m_notified)
                return;
            bool ok = false;
            const qint64 seq = payload.toString().toLongLong(&ok);
            m_notified(ok ? seq : -1);
        });
    if (!driver->subscribeToNotification(channel())) {
        *error = driver->lastError().text();
        Database::close(listenerName());
        return false;
    }
    return true;
}

bool PostgresEventLog::listen(std::function<void(qint64)> notified, QString *error)
{
    m_notified = std::move(notified);
    return openListener(error);
}

void PostgresEventLog::recover()
{
    // A restarted server or a cut connection: the next write must not fail for that alone.
    // The handles are scoped: a connection cannot be replaced while one is held.
    auto alive = [](const QString &name) {
        QSqlDatabase db = Database::connection(name);
        QString ignored;
        return db.isOpen() && exec(db, QStringLiteral("SELECT 1"), &ignored);
    };
    if (!alive(connectionName())) {
        forgetStatements(); // they belong to the connection being replaced
        QString error;
        if (!openConnection(connectionName(), &error))
            qWarning("clinichub: cannot reconnect to the event log: %s", qPrintable(error));
    }
    if (m_notified && !alive(listenerName())) {
        QString error;
        openListener(&error);
    }
}

void PostgresEventLog::close()
{
    if (QSqlDatabase::contains(listenerName())) {
        QSqlDatabase listener = Database::connection(listenerName());
        if (listener.isOpen())
            listener.driver()->unsubscribeFromNotification(channel());
    }
    Database::close(listenerName());
    HubStoreBackend::close();
}
