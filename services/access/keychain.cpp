// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/keychain.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {
const QString serviceName = QStringLiteral("ClinicDesk");

//! Runs the job to its end (or the timeout) and reads its outcome.
Keychain::Result run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plaintext file instead
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(Keychain::timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    Keychain::Result result;
    if (!finished) {
        result.status = Keychain::Status::Unavailable;
        result.error = Keychain::tr("The keychain did not answer within %1 seconds.")
                           .arg(Keychain::timeoutMs / 1000);
        return result;
    }
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = Keychain::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = Keychain::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = Keychain::Status::Unavailable;
        result.error = job.errorString();
        break;
    default:
        result.status = Keychain::Status::Failed;
        result.error = job.errorString();
        break;
    }
    return result;
}

Keychain::Result disabled()
{
    Keychain::Result result;
    result.status = Keychain::Status::Unavailable;
    result.error = Keychain::tr("No keychain service runs in this session.");
    return result;
}
} // namespace

bool Keychain::isEnabled()
{
    if (qEnvironmentVariable("CLINICDESK_KEYCHAIN").compare(QLatin1String("off"),
                                                            Qt::CaseInsensitive) == 0)
        return false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
#else
    return true;
#endif
}

Keychain::Result Keychain::read(const QString &entry)
{
    if (!isEnabled())
        return disabled();
    QKeychain::ReadPasswordJob job(serviceName);
    job.setKey(entry);
    Result result = run(job);
    if (result.ok())
        result.value = job.binaryData();
    return result;
}

Keychain::Result Keychain::write(const QString &entry, const QByteArray &value)
{
    if (!isEnabled())
        return disabled();
    QKeychain::WritePasswordJob job(serviceName);
    job.setKey(entry);
    job.setBinaryData(value);
    return run(job);
}

Keychain::Result Keychain::remove(const QString &entry)
{
    if (!isEnabled())
        return disabled();
    QKeychain::DeletePasswordJob job(serviceName);
    job.setKey(entry);
    Result result = run(job);
    if (result.status == Status::NotFound)
        result.status = Status::Ok;
    return result;
}
