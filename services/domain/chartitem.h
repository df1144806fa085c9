// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

//! The lists of the clinic's own chart that outside records are reconciled into.
enum class ChartKind { Allergy, Medication, Problem };

QString chartKindCode(ChartKind kind); // "allergy", "medication", "problem"
ChartKind chartKindFromCode(const QString &code);
//! "Allergies", "Medications", "Problems": translated, for screens.
QString chartKindTitle(ChartKind kind);

/*!
  One line of a patient's chart: an allergy, a medication or a problem, entered here or
  imported from an outside document. `matchKey` is the code and code system as the clinical
  summary merges them, so an outside statement of the same thing is recognised whatever its
  words; empty for a line without a code.
 */
struct ChartItem
{
    qint64 id = 0;
    qint64 patientId = 0;
    ChartKind kind = ChartKind::Allergy;
    QString matchKey;
    QString code;
    QString codeSystem;
    QString codeSystemName;
    QString display;
    QString status = QStringLiteral("active"); // "active", "inactive", "resolved"
    QString reaction;  // allergy
    QString severity;  // allergy
    QString dose;      // medication
    QString route;     // medication
    QString frequency; // medication
    QString onset;     // problem (and allergy), ISO date at the precision known
    qint64 sourceDocumentId = 0; // 0: entered here
    QString addedBy;
    QDateTime addedAt; // UTC
    QString updatedBy;
    QDateTime updatedAt; // UTC

    //! The details in a line: "hives, severe", "20 mg, oral, once a day", "since 2019-03".
    QString detailText() const;
    //! "Lisinopril (RxNorm 314076)", or the display alone without a code.
    QString label() const;
    //! The label with its details: "Penicillin (RxNorm 70618) — hives, severe".
    QString text() const;
};

enum class ReconcileChoice { Accept, Edit, Reject };

QString reconcileChoiceCode(ReconcileChoice choice); // "accepted", "edited", "rejected"
ReconcileChoice reconcileChoiceFromCode(const QString &code);

//! What a person decided about one outside statement (reconcile_decisions).
struct ReconcileDecision
{
    qint64 id = 0;
    qint64 patientId = 0;
    ChartKind kind = ChartKind::Allergy;
    QString fingerprint; // the statement with its details: a changed one is asked again
    ReconcileChoice choice = ReconcileChoice::Accept;
    qint64 chartItemId = 0; // the line written, for accepted and edited
    QString reason;         // why it was rejected, when given
    QString decidedBy;
    QDateTime decidedAt; // UTC
};

/*!
  One change a reconciliation asks for: accept an outside statement into the chart (a new line,
  or `item.id` set: the chart's line brought up to date), the same with the clerk's edits, or
  reject it (nothing written to the chart, the decision kept so it is not asked again).
 */
struct ChartChange
{
    ReconcileChoice choice = ReconcileChoice::Accept;
    QString fingerprint;
    ChartItem item; // the line to write (accept, edit); for reject, the statement refused
    QString reason; // reject
};

//! What applying (or a dry run of) one change did or would do.
struct ChartChangeOutcome
{
    ChartChange change;
    qint64 chartItemId = 0; // 0 in a dry run of a new line
    qint64 decisionId = 0;  // 0 in a dry run
    bool updated = false;   // an existing line was changed rather than a line added
};
