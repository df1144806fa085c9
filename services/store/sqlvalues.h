// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

//! How the repositories write values to SQLite and read them back. Timestamps are UTC text with
//! milliseconds, "2026-03-01T14:05:09.123Z": fixed width, so text order is time order and range
//! queries on them use plain indexes. Dates are "yyyy-MM-dd". Absent values are NULL.
namespace SqlValues {
//! Text for a NOT NULL column: a null QString becomes '' (Qt binds a null QString as NULL).
QVariant fromText(const QString &text);
QVariant fromTimestamp(const QDateTime &timestamp);
QDateTime toTimestamp(const QVariant &value);
QVariant fromDate(const QDate &date);
QDate toDate(const QVariant &value);
//! 0 (no row) as NULL, for optional foreign keys.
QVariant fromId(qint64 id);
//! Now, in UTC, at the millisecond precision stored.
QDateTime nowUtc();

//! The smallest string greater than every string starting with `prefix` (in code point order,
//! which is SQLite's BINARY order on UTF-8): `x >= prefix AND x < bound` is a prefix match
//! that an index can answer.
QString prefixUpperBound(const QString &prefix);
//! Lower-cases ASCII letters only, as SQLite's NOCASE collation does.
QString asciiLower(const QString &text);
} // namespace SqlValues
