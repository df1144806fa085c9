// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/storeerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace {
// SQLite's primary result codes (the low byte of an extended code), as Qt's driver reports them.
int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1;
}
} // namespace

namespace StoreErrors {
bool isBusy(const QSqlError &error)
{
    const int code = primaryCode(error);
    return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
}

bool isNotADatabase(const QSqlError &error)
{
    return primaryCode(error) == 26; // SQLITE_NOTADB
}

bool isDatabaseProblem(const QSqlError &error)
{
    switch (primaryCode(error)) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
    case 10: // SQLITE_IOERR
    case 11: // SQLITE_CORRUPT
    case 13: // SQLITE_FULL
    case 26: // SQLITE_NOTADB
        return true;
    default:
        return false;
    }
}

QString describe(const QSqlError &error, const QString &what)
{
    const QString detail = error.text();
    if (isBusy(error)) {
        return QCoreApplication::translate("Store",
                                           "The database is busy, so %1 could not be read or "
                                           "saved. Try again in a moment. (%2)")
            .arg(what, detail);
    }
    switch (primaryCode(error)) {
    case 10: // SQLITE_IOERR
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return QCoreApplication::translate("Store",
                                           "The database is unreadable, so %1 could not be read "
                                           "or saved. Run File > Database Check…, or ask your "
                                           "administrator. (%2)")
            .arg(what, detail);
    case 13: // SQLITE_FULL
        return QCoreApplication::translate("Store",
                                           "The disk is full, so %1 could not be saved. Free some "
                                           "space and try again. (%2)")
            .arg(what, detail);
    default:
        break;
    }
    return QCoreApplication::translate("Store", "The database could not handle %1 (%2).")
        .arg(what, detail);
}
} // namespace StoreErrors
