// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/httpjob.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace PayorRequest {
//! A GET of the payor's API: `path` under `baseUrl`, the query percent-encoded, the API key and
//! JSON accepted; what ClaimSync and PayorConnection both ask with.
HttpJob::Request get(const QUrl &baseUrl, const QString &apiKey, const QString &path,
                     const QList<std::pair<QString, QString>> &query, int timeoutMs,
                     qint64 maxResponseBytes);
} // namespace PayorRequest
