// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/postgrescluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <pwd.h>
#include <unistd.h>

namespace {
bool runningAsRoot()
{
    return ::geteuid() == 0;
}

const QString serviceUser = QStringLiteral("postgres");
} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::binDir()
{
    return qEnvironmentVariable("CLINICDESK_PG_BIN", QStringLiteral("/usr/lib/postgresql/15/bin"));
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments, QString *error,
                          int timeoutMs)
{
    QProcess process;
    QString executable = QDir(binDir()).filePath(program);
    QStringList args = arguments;
    if (runningAsRoot()) {
        args.prepend(executable);
        args = QStringList{QStringLiteral("-u"), serviceUser, QStringLiteral("--")} + args;
        executable = QStringLiteral("runuser");
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The tests run under a locale that may not be installed; the server does not need one.
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.remove(QStringLiteral("PGDATA"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable, args);
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(executable, process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("%1 did not finish in %2 s").arg(program).arg(timeoutMs / 1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (exit %2): %3")
                     .arg(program)
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool PostgresCluster::start(QString *error, const QString &database)
{
    if (m_running)
        return true;
    for (const char *program : {"initdb", "pg_ctl", "createdb"}) {
        const QString path = QDir(binDir()).filePath(QLatin1String(program));
        if (!QFileInfo(path).isExecutable()) {
            *error = QStringLiteral("PostgreSQL is not installed: %1 is missing. Install the "
                                    "Debian package \"postgresql\" (scripts/test does).")
                         .arg(path);
            return false;
        }
    }
    if (runningAsRoot() && !QFileInfo::exists(QStringLiteral("/usr/sbin/runuser")) &&
        !QFileInfo::exists(QStringLiteral("/sbin/runuser"))) {
        *error = QStringLiteral("running as root needs runuser to start PostgreSQL as postgres");
        return false;
    }

    const bool fresh = !m_dir;
    if (fresh && !prepare(error))
        return false;
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (fresh && !run(QStringLiteral("initdb"),
                      {QStringLiteral("-D"), data, QStringLiteral("-U"), m_user,
                       QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                       QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
                      error)) {
        m_dir.reset();
        return false;
    }
    const QString options = QStringLiteral("-c listen_addresses='' -c unix_socket_directories='%1' "
                                           "-c port=%2 -c fsync=on -c max_connections=50")
                                .arg(m_dir->path())
                                .arg(m_port) +
                          QLatin1Char(' ') + qEnvironmentVariable("CLINICDESK_PG_OPTIONS");
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-l"),
              m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
              QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
              QStringLiteral("start")},
             error)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly))
            *error += QLatin1Char('\n') + QString::fromLocal8Bit(log.readAll().right(2000));
        return false;
    }
    m_running = true;
    return !fresh || createDatabase(database, error);
}

bool PostgresCluster::prepare(QString *error)
{
    // A short path: the socket's full name must fit in 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot make a temporary folder: %1").arg(m_dir->errorString());
        return false;
    }
    if (runningAsRoot()) {
        m_user = serviceUser;
        QProcess chown;
        chown.start(
            QStringLiteral("chown"),
            {QStringLiteral("-R"), serviceUser + QLatin1Char(':') + serviceUser, m_dir->path()});
        if (!chown.waitForFinished(10000) || chown.exitCode() != 0) {
            *error = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path());
            return false;
        }
    } else {
        const struct passwd *account = ::getpwuid(::geteuid());
        m_user = account ? QString::fromLocal8Bit(account->pw_name) : qEnvironmentVariable("USER");
    }
    // Only the socket's name uses the port (no TCP): any number not taken in this folder will
    // do; a random one keeps two clusters of one test apart in logs.
    m_port = 20000 + int(QRandomGenerator::global()->bounded(40000));
    return true;
}

bool PostgresCluster::createDatabase(const QString &name, QString *error)
{
    return run(QStringLiteral("createdb"),
               {QStringLiteral("-h"), m_dir->path(), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), m_user, name},
               error);
}

QString PostgresCluster::spec(const QString &database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4")
        .arg(m_user, database, m_dir ? m_dir->path() : QString())
        .arg(m_port);
}

void PostgresCluster::stop(StopMode mode)
{
    if (!m_running)
        return;
    QString error;
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
              mode == StopMode::Fast ? QStringLiteral("fast") : QStringLiteral("immediate"),
              QStringLiteral("-w"), QStringLiteral("stop")},
             &error)) {
        qWarning("PostgresCluster: %s", qPrintable(error));
    }
    m_running = false;
}
