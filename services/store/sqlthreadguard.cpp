// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlthreadguard.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QThread>
#include <QtGlobal>

namespace {
QAtomicInt violationCount;

bool fatalMode()
{
    static const bool fatal =
        qEnvironmentVariable("CLINICDESK_SQL_GUARD") == QLatin1String("fatal");
    return fatal;
}
} // namespace

namespace SqlThreadGuard {
bool onMainThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}

void check(const char *what)
{
    if (!onMainThread())
        return;
    const int seen = violationCount.fetchAndAddRelaxed(1);
    if (fatalMode())
        qFatal("SQL on the main thread (%s): run it through Store::read() or Store::write()", what);
    if (seen == 0)
        qCritical("SQL on the main thread (%s): the window may freeze", what);
}

int violations()
{
    return violationCount.loadRelaxed();
}
} // namespace SqlThreadGuard
