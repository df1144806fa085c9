// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/patients/duplicatescorer.h"

#include "services/common/jarowinkler.h"
#include "services/patients/duplicatenicknames.h"

#include <QSet>

#include <algorithm>

namespace {
// Points out of 100. Tuned on tests/patients/tst_duplicatescorer.cpp: an exact name with the
// same date of birth and sex reaches "likely" on its own (30 + 30 + 25), a same first name with
// another last name (a married name) is "possible" (60), and a contact detail in common lifts a
// nickname or a swapped name from "possible" to "likely".
constexpr int blockPoints = 30;        // same date of birth and sex
constexpr int blockUnknownPoints = 24; // same date of birth, a sex not recorded
constexpr int firstExact = 30;
constexpr int firstNickname = 27;
constexpr int firstSpelling = 22;
constexpr int firstInitial = 12;
constexpr int firstMissing = 8;
constexpr int lastExact = 25;
constexpr int lastSharedPart = 20;
constexpr int lastSpelling = 19;
constexpr int swappedFirst = 27;
constexpr int swappedLast = 23;
constexpr int middleAgrees = 3;
constexpr int middleConflicts = -8;
constexpr int sameAddress = 8;
constexpr int sameStreet = 5;
constexpr int sameZip = 2;
constexpr int samePhone = 8;
constexpr int sameEmail = 10;
constexpr int sameMemberId = 12;
// Clearly different first names keep a pair below "possible" however much else matches.
constexpr int differentFirstNameCap = 40;
// Below this, names are not the same name misspelt (Anna/Hanna 0.93, Jhon/John 0.93,
// Smith/Smyth 0.89; Mary/Marie 0.87 is left to the table of nicknames or stays different).
constexpr double spellingSimilarity = 0.88;

enum class Match { Exact, Nickname, Spelling, Initial, Missing, Different };

struct NameMatch
{
    Match match = Match::Different;
    QString formal; // the shared formal name of a nickname match
};

QStringList tokens(const QString &name)
{
    return DuplicateScorer::normalizedName(name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString joined(const QStringList &parts)
{
    return parts.join(QString());
}

bool isInitial(const QStringList &name)
{
    return name.size() == 1 && name.constFirst().size() == 1;
}

//! Two given names (each a first name, maybe with the middle name after it).
NameMatch compareGiven(const QStringList &a, const QStringList &b, const QStringList &aWithMiddle,
                       const QStringList &bWithMiddle)
{
    if (a.isEmpty() || b.isEmpty())
        return {Match::Missing, {}};
    // "Mary Ann" against "Maryann", and against "Mary" with the middle name "Ann".
    if (joined(a) == joined(b) || joined(aWithMiddle) == joined(b) ||
        joined(a) == joined(bWithMiddle))
        return {Match::Exact, {}};
    if (a.constFirst() == b.constFirst() && (a.size() > 1 || b.size() > 1))
        return {Match::Exact, {}};
    if (const QString formal = DuplicateNicknames::sharedFormalName(a.constFirst(), b.constFirst());
        !formal.isEmpty())
        return {Match::Nickname, formal};
    if (isInitial(a) || isInitial(b)) {
        return a.constFirst().at(0) == b.constFirst().at(0) ? NameMatch{Match::Initial, {}}
                                                            : NameMatch{Match::Different, {}};
    }
    if (jaroWinkler(joined(a), joined(b)) >= spellingSimilarity ||
        jaroWinkler(a.constFirst(), b.constFirst()) >= spellingSimilarity)
        return {Match::Spelling, {}};
    return {Match::Different, {}};
}

enum class LastMatch { Exact, SameParts, SharedPart, Spelling, Different };

LastMatch compareLast(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return LastMatch::Different;
    if (joined(a) == joined(b))
        return LastMatch::Exact;
    const QSet<QString> partsA(a.cbegin(), a.cend());
    const QSet<QString> partsB(b.cbegin(), b.cend());
    if (partsA == partsB)
        return LastMatch::SameParts; // "Lopez Garcia" and "Garcia-Lopez"
    for (const QString &part : partsA) {
        if (part.size() > 1 && partsB.contains(part))
            return LastMatch::SharedPart; // "Garcia-Lopez" and "Garcia"
    }
    if (jaroWinkler(joined(a), joined(b)) >= spellingSimilarity)
        return LastMatch::Spelling;
    return LastMatch::Different;
}

//! A name-to-name match good enough for a swapped pair: exact, nickname or a spelling slip.
bool swapMatches(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (joined(a) == joined(b))
        return true;
    if (!DuplicateNicknames::sharedFormalName(a.constFirst(), b.constFirst()).isEmpty())
        return true;
    return jaroWinkler(joined(a), joined(b)) >= spellingSimilarity;
}

QString streetKey(const QString &line)
{
    return DuplicateScorer::normalizedName(line).remove(QLatin1Char(' '));
}

QString zipKey(const QString &zip)
{
    return zip.trimmed().left(5);
}
} // namespace

QString DuplicateScorer::normalizedName(const QString &name)
{
    const QString key = nameKey(name);
    QString out;
    out.reserve(key.size());
    bool space = false;
    for (const QChar c : key) {
        if (c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('`'))
            continue; // O'Brien is OBrien, not O Brien
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out.append(QLatin1Char(' '));
            space = false;
            out.append(c);
        } else {
            space = true;
        }
    }
    return out;
}

QString DuplicateScorer::phoneDigits(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        digits.remove(0, 1);
    return digits;
}

bool DuplicateScorer::inBlock(const Patient &a, const Patient &b)
{
    if (!a.dateOfBirth.isValid() || a.dateOfBirth != b.dateOfBirth)
        return false;
    return a.gender == b.gender || a.gender == Gender::Unknown || b.gender == Gender::Unknown;
}

DuplicateVerdict DuplicateScorer::verdictFor(int score)
{
    if (score >= likelyThreshold)
        return DuplicateVerdict::Likely;
    if (score >= possibleThreshold)
        return DuplicateVerdict::Possible;
    return DuplicateVerdict::Different;
}

QString DuplicateScorer::verdictText(DuplicateVerdict verdict)
{
    switch (verdict) {
    case DuplicateVerdict::Likely:
        return tr("Likely duplicate");
    case DuplicateVerdict::Possible:
        return tr("Possible duplicate");
    case DuplicateVerdict::Different:
        break;
    }
    return tr("Different person");
}

DuplicateScore DuplicateScorer::score(const DuplicateSubject &typedSubject,
                                      const DuplicateSubject &candidateSubject)
{
    const Patient &a = typedSubject.patient;
    const Patient &b = candidateSubject.patient;
    DuplicateScore result;
    if (!inBlock(a, b))
        return result;

    int points = 0;
    QStringList reasons;
    if (a.gender == b.gender && a.gender != Gender::Unknown) {
        points += blockPoints;
        reasons << tr("same date of birth and sex");
    } else {
        points += blockUnknownPoints;
        reasons << tr("same date of birth (sex not recorded)");
    }

    const QStringList firstA = tokens(a.firstName);
    const QStringList firstB = tokens(b.firstName);
    const QStringList middleA = tokens(a.middleName);
    const QStringList middleB = tokens(b.middleName);
    const QStringList lastA = tokens(a.lastName);
    const QStringList lastB = tokens(b.lastName);

    const NameMatch first = compareGiven(firstA, firstB, firstA + middleA, firstB + middleB);
    const LastMatch last = compareLast(lastA, lastB);
    // Swapped only when the names as given do not already agree.
    const bool swapped = first.match == Match::Different && last == LastMatch::Different &&
                         swapMatches(firstA, lastB) && swapMatches(lastA, firstB);

    const QString firstNameA = a.firstName.trimmed();
    const QString firstNameB = b.firstName.trimmed();
    const QString lastNameA = a.lastName.trimmed();
    const QString lastNameB = b.lastName.trimmed();
    if (swapped) {
        points += swappedFirst + swappedLast;
        //: %1 and %2 are the two names as "First Last"
        reasons << tr("first and last names swapped: %1 / %2").arg(a.fullName(), b.fullName());
    } else {
        switch (first.match) {
        case Match::Exact:
            points += firstExact;
            reasons << tr("first name %1 = %2").arg(firstNameA, firstNameB);
            break;
        case Match::Nickname: {
            points += firstNickname;
            // Both short forms (Bill, Will) name the formal one they share.
            const QString formal = first.formal.left(1).toUpper() + first.formal.mid(1);
            const bool oneIsFormal =
                firstA.constFirst() == first.formal || firstB.constFirst() == first.formal;
            reasons << (oneIsFormal
                            ? tr("nickname: %1 = %2").arg(firstNameA, firstNameB)
                            : tr("nickname: %1 = %2 (%3)").arg(firstNameA, firstNameB, formal));
            break;
        }
        case Match::Spelling:
            points += firstSpelling;
            reasons << tr("first name %1 ≈ %2 (spelling)").arg(firstNameA, firstNameB);
            break;
        case Match::Initial:
            points += firstInitial;
            reasons << tr("first initial matches: %1 / %2").arg(firstNameA, firstNameB);
            break;
        case Match::Missing:
            points += firstMissing;
            break;
        case Match::Different:
            break;
        }
        switch (last) {
        case LastMatch::Exact:
            points += lastExact;
            reasons << tr("last name %1 = %2").arg(lastNameA, lastNameB);
            break;
        case LastMatch::SameParts:
            points += lastExact;
            reasons << tr("last names %1 and %2 have the same parts").arg(lastNameA, lastNameB);
            break;
        case LastMatch::SharedPart:
            points += lastSharedPart;
            reasons << tr("last names %1 and %2 share a part").arg(lastNameA, lastNameB);
            break;
        case LastMatch::Spelling:
            points += lastSpelling;
            reasons << tr("last name %1 ≈ %2 (spelling)").arg(lastNameA, lastNameB);
            break;
        case LastMatch::Different:
            break;
        }
    }

    // Middle names count only when both are given; one missing says nothing.
    bool middleConflict = false;
    if (!middleA.isEmpty() && !middleB.isEmpty() && !swapped) {
        const QString ma = joined(middleA);
        const QString mb = joined(middleB);
        const bool initialOnly = ma.size() == 1 || mb.size() == 1;
        if (ma == mb) {
            points += middleAgrees;
            reasons
                << tr("middle name %1 = %2").arg(a.middleName.trimmed(), b.middleName.trimmed());
        } else if (initialOnly && ma.at(0) == mb.at(0)) {
            points += middleAgrees;
            reasons
                << tr("middle initial %1 / %2").arg(a.middleName.trimmed(), b.middleName.trimmed());
        } else if (jaroWinkler(ma, mb) < spellingSimilarity) {
            points += middleConflicts;
            middleConflict = true;
        }
    }

    const QString streetA = streetKey(a.address.line1);
    const QString streetB = streetKey(b.address.line1);
    const QString zipA = zipKey(a.address.zip);
    const QString zipB = zipKey(b.address.zip);
    if (!streetA.isEmpty() && streetA == streetB) {
        if (zipA == zipB || zipA.isEmpty() || zipB.isEmpty()) {
            points += sameAddress;
            reasons << tr("same address");
        } else {
            points += sameStreet;
            reasons << tr("same street address");
        }
    } else if (!zipA.isEmpty() && zipA == zipB) {
        points += sameZip;
        reasons << tr("same ZIP code");
    }

    const QString phoneA = phoneDigits(a.phone);
    if (phoneA.size() >= 7 && phoneA == phoneDigits(b.phone)) {
        points += samePhone;
        reasons << tr("same phone");
    }

    // Personal identifiers: a household shares an address and a phone, not these.
    bool personal = false;
    const QString emailA = a.email.trimmed().toCaseFolded();
    if (!emailA.isEmpty() && emailA == b.email.trimmed().toCaseFolded()) {
        points += sameEmail;
        reasons << tr("same email");
        personal = true;
    }
    for (const QString &id : typedSubject.memberIds) {
        const QString key = id.trimmed();
        const bool shared =
            !key.isEmpty() &&
            std::any_of(candidateSubject.memberIds.cbegin(), candidateSubject.memberIds.cend(),
                        [&](const QString &other) {
                            return other.trimmed().compare(key, Qt::CaseInsensitive) == 0;
                        });
        if (shared) {
            points += sameMemberId;
            reasons << tr("same insurance member ID");
            personal = true;
            break;
        }
    }
    const bool sameMrn = !a.mrn.trimmed().isEmpty() &&
                         a.mrn.trimmed().compare(b.mrn.trimmed(), Qt::CaseInsensitive) == 0;
    if (sameMrn) {
        reasons.prepend(tr("same MRN"));
        points = 100;
        personal = true;
    }

    if (!sameMrn && !swapped && last == LastMatch::Different && !personal) {
        // Another last name is a married name only while nothing says the two live apart:
        // with another address or another phone (given on both) and nothing shared, it is
        // someone else with the same first name and birthday (bench: 1 in 60 otherwise).
        const QString phoneB = phoneDigits(b.phone);
        const bool sharesContact = (!streetA.isEmpty() && streetA == streetB)
            || (phoneA.size() >= 7 && phoneA == phoneB);
        const bool livesApart = (!streetA.isEmpty() && !streetB.isEmpty() && streetA != streetB)
            || (phoneA.size() >= 7 && phoneB.size() >= 7 && phoneA != phoneB);
        if (livesApart && !sharesContact)
            points = std::min(points, possibleThreshold - 1);
    }
    if (!sameMrn) {
        if (first.match == Match::Different && !swapped)
            points = std::min(points, differentFirstNameCap);
        // Twins: only the person's own identifiers tell a slip of spelling from a sibling.
        const bool firstDiffers =
            !swapped && first.match != Match::Exact && first.match != Match::Nickname;
        if ((firstDiffers || middleConflict) && !personal)
            points = std::min(points, likelyThreshold - 1);
    }
    result.score = std::clamp(points, 0, 100);
    result.verdict = verdictFor(result.score);
    result.reasons = reasons;
    return result;
}
