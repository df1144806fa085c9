// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QTextStream>

class DeskContext;

//! The headless subcommands: same services as the window, one line per verification.
//! Exit status 0 when every verification answered, 1 when any failed, 2 on bad arguments.
class HeadlessCommands
{
public:
    HeadlessCommands(DeskContext *context, QTextStream &out, QTextStream &err)
        : m_context(context)
        , m_out(out)
        , m_err(err)
    {
    }

    int verify(const QString &patient, const QString &pdfPath, bool force);
    int verifyDay(const QDate &day, const QString &pdfPath, bool force);

private:
    DeskContext *m_context;
    QTextStream &m_out;
    QTextStream &m_err;
};
