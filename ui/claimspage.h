// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claimlist.h"

#include <QWidget>

class ClaimDashboardModel;
class ClaimDashboardService;
class ClaimFileService;
class ClaimService;
class ClaimSubmitter;
class ClaimSync;
class QAction;
class QBarSet;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTableWidget;
class QTimer;

//! The services the billers' page works with (the submitter and sync are null without a payor).
struct ClaimsPageServices
{
    ClaimService *claims = nullptr;
    ClaimDashboardService *dashboard = nullptr;
    ClaimSubmitter *submitter = nullptr;
    ClaimSync *sync = nullptr;
    ClaimFileService *files = nullptr;
};

/*!
  The billers' claims dashboard: every claim with its patient, payer, date of service, money,
  status, days in status and last update; filters (status, payer, dates of service, patient or
  claim ID), sorting on every column, the totals of the filtered set, a status breakdown and an
  aging chart. Rows changed live (a webhook, a sync, the outbox) flash and keep the selection.
  Actions: New Claim, Open, Retry, Sync Now, Import Remittance…, Export 837P…, Export CSV….
 */
class ClaimsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClaimsPage(const ClaimsPageServices &services, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ClaimDashboardModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    QLabel *totalsLabel() const { return m_totals; }
    QTableWidget *breakdownTable() const { return m_breakdown; }
    QBarSet *agingSet() const { return m_agingSet; }
    QLabel *messageLabel() const { return m_message; }

    QAction *newClaimAction() const { return m_newClaim; }
    QAction *openAction() const { return m_open; }
    QAction *retryAction() const { return m_retry; }
    QAction *syncAction() const { return m_syncNow; }
    QAction *importRemittanceAction() const { return m_importRemittance; }
    QAction *export837Action() const { return m_export837; }
    QAction *exportCsvAction() const { return m_exportCsv; }

    //! The claim on the current row (0 when none).
    qint64 currentClaimId() const;
    //! The payer filter's list: insurance ID and payor name.
    void setPayers(const QList<std::pair<QString, QString>> &payers);
    //! Ids of the selected rows, in row order.
    QList<qint64> selectedClaimIds() const;

    // The actions' work, with the file already chosen (the actions ask for one).
    void importRemittance(const QString &path);
    void export837(const QString &path);
    void exportCsv(const QString &path);

Q_SIGNALS:
    void openClaimRequested(qint64 claimId);
    void newClaimRequested();
    //! A one-line outcome of an action, for the status bar.
    void announced(const QString &message);

private:
    void applyFilter();
    ClaimListFilter currentFilter() const;
    void showSummary(const ClaimListSummary &summary);
    void updateActions();
    void say(const QString &message, bool error = false);
    QWidget *createSummaryPanel();

    ClaimsPageServices m_services;
    ClaimDashboardModel *m_model;
    QTableView *m_table;
    QComboBox *m_status;
    QComboBox *m_payer;
    QComboBox *m_dates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QLabel *m_totals;
    QLabel *m_message;
    QTableWidget *m_breakdown;
    QChartView *m_aging;
    QBarSet *m_agingSet = nullptr;
    bool m_columnsFitted = false;
    QAction *m_newClaim;
    QAction *m_open;
    QAction *m_retry;
    QAction *m_syncNow;
    QAction *m_importRemittance;
    QAction *m_export837;
    QAction *m_exportCsv;
};
