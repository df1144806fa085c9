// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

/*!
  A throw-away PostgreSQL server for tests: initdb into a temporary folder, listening only on a
  Unix socket in that folder (no TCP), fsync on, stopped (immediate) and deleted with this
  object. As root (CI), the server runs as the `postgres` user, since initdb refuses root.
 */
class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    //! Starts the server and creates `database`; on failure `error` says why (missing binaries
    //! included: the Debian package `postgresql` provides them). After stop(), starts the same
    //! cluster again (a server restart). Extra server settings for looking into a run may come
    //! from CLINICDESK_PG_OPTIONS, e.g. "-c log_min_duration_statement=5".
    bool start(QString *error, const QString &database = QStringLiteral("clinichub"));
    enum class StopMode { Immediate, Fast };
    //! Immediate: like a crash, the next start recovers (and syncs the whole data folder, which
    //! takes seconds). Fast: ends the sessions and shuts down cleanly.
    void stop(StopMode mode = StopMode::Immediate);
    bool isRunning() const { return m_running; }

    //! Creates one more database on the running server.
    bool createDatabase(const QString &name, QString *error);
    //! The HubStore spec of a database on this server.
    QString spec(const QString &database = QStringLiteral("clinichub")) const;

    //! Where the PostgreSQL 15 server programs are looked for.
    static QString binDir();

private:
    //! Makes the folder (owned by postgres when we are root) and picks the port.
    bool prepare(QString *error);
    //! Runs a PostgreSQL program (as `postgres` when we are root); its output on failure.
    bool run(const QString &program, const QStringList &arguments, QString *error,
             int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_user;
    int m_port = 0;
    bool m_running = false;
};
