// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/payorjson.h"
#include "services/domain/remittance.h"

#include <QDialog>
#include <QMap>

class ClaimService;
class ClaimSubmitter;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

/*!
  One claim as the biller follows it: who and what was billed, where it stands and what the
  payor said, the timeline of every change with its source, the remittance per line with each
  adjustment (CARC/RARC) in words, and the actions that fit its status — Correct & Resubmit,
  Void, Appeal, Write Off, Retry. Non-modal; it follows the claim live.
 */
class ClaimDetailDialog : public QDialog
{
    Q_OBJECT
public:
    ClaimDetailDialog(ClaimService *claims, ClaimSubmitter *submitter,
                      const PayorJson::Provider &provider, qint64 claimId,
                      QWidget *parent = nullptr);

    qint64 claimId() const { return m_claimId; }
    const Claim &claim() const { return m_claim; }
    //! The button of an action, to test and to focus; null when the status does not offer it.
    QPushButton *actionButton(ClaimAction action) const { return m_buttons.value(action); }
    QTreeWidget *remittanceTree() const { return m_remittance; }
    QTableWidget *timelineTable() const { return m_timeline; }
    QLabel *statusLabel() const { return m_status; }

    //! Reads the claim, its timeline and remittances again.
    void reload();

Q_SIGNALS:
    //! The claim was read (at open and after every change).
    void claimLoaded(const Claim &claim);
    //! Edit (a draft) or Correct & Resubmit: the form opens with `draft`.
    void editRequested(const Claim &draft);

private:
    void showClaim(const Claim &claim);
    void showTimeline(const QList<ClaimTimelineEntry> &timeline);
    void showRemittances(const QList<StoredRemittance> &remittances);
    void updateActions();
    void run(ClaimAction action);
    void voidClaim();
    void showError(const QString &error);

    ClaimService *m_claims;
    ClaimSubmitter *m_submitter;
    PayorJson::Provider m_provider;
    qint64 m_claimId;
    Claim m_claim;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_summary;
    QLabel *m_message;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QTableWidget *m_lines;
    QTableWidget *m_timeline;
    QTreeWidget *m_remittance;
    QMap<ClaimAction, QPushButton *> m_buttons;
};
