// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/payorjson.h"
#include "services/domain/claim.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>

//! An answer of the payor: an HTTP status and a JSON body (null for 204).
struct PayorReply
{
    int status = 200;
    QJsonValue body;
};

/*!
  The simulated payor's rules, without HTTP (SandboxPayorRoutes puts them on the wire).
  Deterministic: an answer depends only on the claim, the members' table and what the payor
  already holds.

  - Routing: a claim's insurance ID must be mapped to a payor (INS001, INS002, INS003 and
    HI12345 by default, the payer IDs the training patients' coverages use); else 404.
  - Coverage: the member is looked up in the clearinghouse's test members (SandboxClearinghouse::
    resultsFor, matched on the first four characters of the member ID), so a claim meets the
    same deductible, coinsurance and copay the desk's eligibility check shows. The remaining
    deductible is not used up by earlier claims: every claim is explained by that same 271.
    Not active on the date of service → denied, CO-27 on every line; unknown member → CO-31.
  - Billed ≤ autoAdjudicationLimitCents ($2,000): paid at once in the reply (auto_approved).
    Allowed is 80 % of billed (CO-45 for the rest); the patient owes the remaining deductible
    (PR-1), then the coinsurance of what is left (PR-2), then the copay on the first E/M line
    (PR-3); paid = allowed − PR.
  - Larger: `pended` in the reply, decided after decisionDelayMs and announced with
    claimStatusChanged(): a procedure needing prior authorization → denied CO-197; a procedure
    not medically necessary for its diagnosis → denied CO-50; a bundled code (36415 …) beside an
    E/M line → partially paid with that line CO-97; otherwise paid as above.
  - Frequency 7 (replacement of `original_claim_id`) is adjudicated as a new claim and marks the
    original `corrected`; frequency 8 marks the original `voided` and answers with it.
 */
class QTimer;

class SandboxPayor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int decisionDelayMs = 3000;                 //!< pended → decided
        qint64 autoAdjudicationLimitCents = 200000; //!< at most this is paid at once
        int maxClaims = 200000;                     //!< the oldest are forgotten beyond this
        //! Where the claims and mappings are kept between runs (training's desk restarts);
        //! empty: in memory only.
        QString statePath;
    };

    //! What the payor knows of a member on a date of service.
    struct MemberTerms
    {
        bool known = false;
        bool active = false;
        QString planName;
        qint64 deductibleRemainingCents = 0;
        double coinsurance = 0; // 0.2 == 20 %
        qint64 copayCents = 0;  // office visit, in network
        QString coverageMessage;
    };

    explicit SandboxPayor(Options options, QObject *parent = nullptr);
    ~SandboxPayor() override;

    void setDecisionDelayMs(int ms) { m_options.decisionDelayMs = ms; }
    int decisionDelayMs() const { return m_options.decisionDelayMs; }

    //! POST /api/route-claim/: 201 with the claim's status, or 400 / 404 with the reason.
    PayorReply routeClaim(const QJsonObject &body);
    //! GET /api/claims/{id}/.
    PayorReply claimStatus(const QString &claimId) const;
    //! GET /api/provider/claim-updates/: the provider's claims changed at or after `since`
    //! (at: an update in the same millisecond as the last sync is never missed).
    PayorReply claimUpdates(const QString &providerId, const QString &since) const;

    PayorReply mappings() const;
    PayorReply mapping(const QString &insuranceId) const;
    //! `{"insurance_id","payor_name"}`: 201 when new, 200 when it replaced a name.
    PayorReply addMapping(const QJsonObject &body);
    PayorReply removeMapping(const QString &insuranceId);

    /*!
      `{"claim_data.<field>": "problem"}` for a claim read by PayorJson::claimFromClaimData
      (its structural `errors` included); empty when the payor takes the claim. The one place
      the payor checks values, so a shared validator can replace it.
     */
    static QJsonObject fieldErrors(const Claim &claim, const QStringList &structuralErrors);
    //! The member's terms from the clearinghouse's test members, on `dateOfService`.
    static MemberTerms memberTerms(const QString &memberId, const QString &insuranceId,
                                   const QDate &dateOfService);

    //! Claims made since the start (originals and replacements; voids make none).
    int claimsReceived() const { return m_received; }
    int claimsHeld() const { return int(m_claims.size()); }
    //! Original claims whose claim_number the payor already held (the desk sent one twice).
    int duplicateClaims() const { return m_duplicates; }

Q_SIGNALS:
    //! A held claim changed status after the reply (a decision, a correction, a void);
    //! `report.previousStatus` says from what.
    void claimStatusChanged(const PayorJson::ClaimStatusReport &report);

private:
    struct Stored
    {
        Claim claim;
        QString providerId;
        PayorJson::ClaimStatusReport report;
    };

    PayorReply adjudicateNew(const Claim &claim, const QString &providerId);
    void decide(const QString &claimId);
    void changeStatus(Stored &stored, ClaimStatus status, const QString &message);
    void store(Stored stored);
    QString nextClaimId();
    //! The held claims and mappings from statePath; pended ones are decided again later.
    void loadState();
    //! Writes statePath soon (changes come in bursts) …
    void scheduleSave();
    //! … or now.
    void saveState();

    Options m_options;
    QMap<QString, QString> m_mappings;  // insurance ID → payor name
    QHash<QString, Stored> m_claims;    // by claim_id
    std::deque<QString> m_order;        // claim_ids, oldest first (for the cap)
    QHash<QString, int> m_claimNumbers; // held original claims by our claim_number
    int m_nextNumber = 1;
    //! When this payor started (yyMMddHHmmsszzz, UTC): part of every claim id it gives.
    QString m_run = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyMMddHHmmsszzz"));
    int m_received = 0;
    int m_duplicates = 0;
    QTimer *m_saveTimer = nullptr;
};
