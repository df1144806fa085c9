// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/store/storeerror.h"

#include <QList>
#include <QString>

/*!
  Claims written many at a time, exactly as given: status, payor figures and the created,
  status-changed and updated times included (ClaimRepository sets those to now). For generated
  data (benchmarks, training) and imports; nothing is audited or put in the outbox.
 */
class ClaimBulkWriter
{
public:
    explicit ClaimBulkWriter(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    /*!
      Inserts every claim (ids are ignored) with its diagnoses and lines in one transaction: all
      or nothing. They are numbered as ClaimRepository numbers claims (CLM, this database's
      prefix, the id in seven digits). Returns the id given to the first; the rest follow it.
     */
    StoreResult<qint64> insertMany(const QList<Claim> &claims);

private:
    QString m_connection;
};
