// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/job.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class Store;

/*!
  Checks the database file (SQLite's quick_check, table by table) on a reader thread, with
  progress and Cancel. It reads the whole file, so it runs when asked (File > Database Check…),
  not at every start. A Job: finishes with NoError when the file is sound; with InvalidResponse
  and problems() when SQLite found damage; StorageError when the check itself could not run.
 */
class DatabaseCheckJob : public Job
{
    Q_OBJECT
public:
    explicit DatabaseCheckJob(Store *store, QObject *parent = nullptr);
    ~DatabaseCheckJob() override;

    //! What SQLite reported, in its words (a few lines per damaged table).
    const QStringList &problems() const { return m_problems; }

Q_SIGNALS:
    void progressChanged(int tablesDone, int tablesTotal);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Progress;
    void reportProgress();

    Store *m_store;
    std::shared_ptr<Progress> m_progress;
    QTimer m_poll;
    QStringList m_problems;
    int m_lastDone = -1;
};

//! Looking after the database file: checks now; backups and re-keying come with encryption.
class DatabaseMaintenance : public QObject
{
    Q_OBJECT
public:
    DatabaseMaintenance(Store *store, QObject *parent = nullptr);
    //! A check of the whole file; not started (connect, then start()).
    DatabaseCheckJob *check();

private:
    Store *m_store;
};
