// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/auditlog.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>

/*!
  The services' side of the audit log: every read, write, view, print and export of PHI is
  recorded by the service that does it (user, action, entity, id, time; never PHI values), and
  a record that cannot be written is an error the caller sees: data is not handed out unaudited.
 */
class AuditTrail
{
public:
    struct Entry
    {
        QString action; // "patient.view", "patient.edit", "report.print" …
        QString entity; // "patient", "coverage", "day_sheet" …
        qint64 entityId = 0;
    };

    AuditTrail(Store *store, QString user)
        : m_store(store)
        , m_user(std::move(user))
    {
    }

    const QString &user() const { return m_user; }

    //! Writes one record on the writer thread.
    QFuture<StoreResult<qint64>> record(const Entry &entry) const
    {
        const QString user = m_user;
        return m_store->write(
            [user, entry](const QString &connection) { return recordIn(connection, user, entry); });
    }

    //! Runs `work(connection)` (returning StoreResult<T>) on a reader while the access is
    //! recorded on the writer; when the record fails, the result is that error instead.
    template<typename Work> auto read(const Entry &entry, Work &&work) const
    {
        using R = std::invoke_result_t<Work &, const QString &>;
        QFuture<StoreResult<qint64>> audit = record(entry);
        return m_store->read(
            [audit, work = std::forward<Work>(work)](const QString &connection) mutable -> R {
                R result = work(connection);
                // A writer future: waiting here only blocks this reader, and never runs its work.
                audit.waitForFinished();
                const StoreResult<qint64> recorded = audit.result();
                if (!recorded)
                    return R::failure(notRecorded(recorded.error()));
                return result;
            });
    }

    //! Records inside the caller's write (its transaction), so the change and its record are
    //! stored together or not at all.
    static StoreResult<qint64> recordIn(const QString &connection, const QString &user,
                                        const Entry &entry)
    {
        return AuditLog(connection).record(user, entry.action, entry.entity, entry.entityId);
    }

    static QString notRecorded(const QString &detail)
    {
        return QCoreApplication::translate("Audit",
                                           "This access could not be recorded in the audit trail, "
                                           "so it was refused: %1")
            .arg(detail);
    }

private:
    Store *m_store;
    QString m_user;
};
