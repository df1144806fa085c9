// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/*!
  Common US given names and the short forms people register under ("Bob" for Robert, "Peggy"
  for Margaret). Lookups take name keys: lower case, no accents, no punctuation.
 */
namespace DuplicateNicknames {
//! The formal names `name` is a short form of, and `name` itself when it is a formal name in
//! the table. Empty when the table does not know the name.
QStringList formalNamesOf(const QString &name);
//! The formal name that `a` and `b` both stand for (one a nickname of the other, or both
//! nicknames of it), or an empty string when they are not known to be the same name. Equal
//! names are not a nickname match.
QString sharedFormalName(const QString &a, const QString &b);
} // namespace DuplicateNicknames
