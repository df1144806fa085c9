// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QCoreApplication>
#include <QStringList>

//! How sure the desk is that two records are one person.
enum class DuplicateVerdict { Different, Possible, Likely };

//! A person to compare: the record and the member IDs of their coverages (may be empty).
struct DuplicateSubject
{
    Patient patient;
    QStringList memberIds;
};

//! The score of one candidate against the patient being registered or edited.
struct DuplicateScore
{
    int score = 0; //!< 0 (nothing alike) to 100
    DuplicateVerdict verdict = DuplicateVerdict::Different;
    QStringList reasons; //!< what supports the match, translated, most telling first
    bool operator==(const DuplicateScore &) const = default;
};

/*!
  Scores a stored patient (the candidate) against the one being registered or edited: a pure
  function, no database.

  Only candidates in the same block are scored: the same date of birth, and the same sex at
  birth, where "Unknown" (not recorded) is compatible with either sex, since an unknown sex
  cannot tell two records apart; such a pair starts lower than one with a recorded, equal sex.

  Names are compared after normalizing case, accents, punctuation and spaces: exact,
  nicknames (Bob = Robert), spelling slips (Jaro-Winkler), first and last name swapped,
  hyphenated and double last names sharing a part, first name + middle name against a two-word
  first name, middle initials. Address (line 1 and ZIP), phone (digits), email (case ignored),
  MRN and insurance member IDs add to it.

  Twins share the date of birth, last name, address and phone: those are household facts, not
  the person's. So when the first names differ (not a nickname) only a personal identifier
  (email, member ID, MRN) can make the pair "likely", and first names that are clearly
  different (not a nickname, not a slip of spelling, not swapped) keep it "different" whatever
  else matches, unless the MRN is the same.
 */
class DuplicateScorer
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateScorer)
public:
    static constexpr int possibleThreshold = 55;
    static constexpr int likelyThreshold = 85;

    //! True when `a` and `b` are in the same block (same date of birth, compatible sex).
    static bool inBlock(const Patient &a, const Patient &b);

    //! The score of `candidate` against `typed`; Different with score 0 outside the block.
    static DuplicateScore score(const DuplicateSubject &typed, const DuplicateSubject &candidate);
    static DuplicateScore score(const Patient &typed, const Patient &candidate)
    {
        return score(DuplicateSubject{typed, {}}, DuplicateSubject{candidate, {}});
    }

    //! The verdict for a score (thresholds above).
    static DuplicateVerdict verdictFor(int score);
    //! "Likely duplicate", "Possible duplicate", "Different person".
    static QString verdictText(DuplicateVerdict verdict);

    //! A name as the scorer compares it: case-folded, no accents, punctuation and hyphens as
    //! spaces, runs of spaces as one. "  O'Brien-Smith " → "o brien smith".
    static QString normalizedName(const QString &name);
    //! The digits of a phone number, without a leading US country code 1.
    static QString phoneDigits(const QString &phone);
};
