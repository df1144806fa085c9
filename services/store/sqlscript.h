// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

//! Splits an SQL script into single statements, because QSqlQuery::exec() runs only the first
//! statement it is given. Understands quotes, comments and trigger bodies (BEGIN ... END, with
//! CASE ... END inside them), so a ';' in any of those does not end a statement.
class SqlScript
{
public:
    //! The statements of `script`, trimmed, without their terminating ';' and without comments.
    static QStringList split(const QString &script);
};
