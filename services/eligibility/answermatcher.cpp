// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/answermatcher.h"

#include <QCoreApplication>

namespace AnswerMatcher {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AnswerMatcher)
};

QString normalizedId(const QString &id)
{
    QString normalized = id.trimmed().toUpper();
    normalized.remove(QLatin1Char(' '));
    return normalized;
}

bool sameId(const QString &a, const QString &b)
{
    return normalizedId(a) == normalizedId(b);
}

bool sameName(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

//! A 271 refused before any subscriber was looked at: it says nothing about a patient.
bool isRequestLevelRejection(const EligibilityResult &result)
{
    if (result.rejections.isEmpty() || !result.subscriber.isEmpty() || result.dependent)
        return false;
    for (const AaaRejection &rejection : result.rejections) {
        if (rejection.loop != QLatin1String("2000A") && rejection.loop != QLatin1String("2100A") &&
            rejection.loop != QLatin1String("2100B"))
            return false;
    }
    return true;
}

QString traceList(const QList<EligibilityResult> &results)
{
    QStringList traces;
    for (const EligibilityResult &result : results) {
        if (!result.traceNumber.isEmpty() && !traces.contains(result.traceNumber))
            traces << result.traceNumber;
    }
    return traces.join(QStringLiteral(", "));
}
} // namespace

Match match(const EligibilityRequest &request, EligibilityResponseParseResult &&parsed)
{
    Match match;
    QList<EligibilityResult> &results = parsed.results;
    qsizetype found = -1;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (!request.traceNumber.isEmpty() && results.at(i).traceNumber == request.traceNumber) {
            found = i;
            break;
        }
    }

    if (found < 0) {
        const bool ourReference = parsed.submitterReference.isEmpty() ||
                                  parsed.submitterReference == request.submitterReference;
        if (results.size() == 1 && isRequestLevelRejection(results.constFirst()) && ourReference) {
            match.result = std::move(results.first());
            return match;
        }
        const QString others = traceList(results);
        if (!ourReference) {
            match.problem =
                Tr::tr("The clearinghouse answer is for another request (reference %1; this "
                       "request is %2). It was not used.")
                    .arg(parsed.submitterReference, request.submitterReference);
        } else if (others.isEmpty()) {
            match.problem = Tr::tr("The clearinghouse answer carries no trace number, so it "
                                   "cannot be matched to this request (trace %1). It was not "
                                   "used.")
                                .arg(request.traceNumber);
        } else {
            match.problem = Tr::tr("The clearinghouse answer is for another request (trace "
                                   "number %1; this request is %2). It was not used.")
                                .arg(others, request.traceNumber);
        }
        return match;
    }

    EligibilityResult &result = results[found];
    if (!result.payerId.isEmpty() && !sameId(result.payerId, request.payerId)) {
        match.problem = Tr::tr("The answer comes from payer %1, but %2 was asked. It was not "
                               "used.")
                            .arg(result.payerId, request.payerId);
        return match;
    }
    const QString answeredId = result.subscriber.memberId;
    if (!answeredId.isEmpty() && !sameId(answeredId, request.memberId)) {
        if (sameId(result.subscriber.priorMemberId, request.memberId)) {
            match.corrections << Tr::tr("The payer has the member ID as %1 (sent %2). Update "
                                        "the coverage.")
                                     .arg(answeredId, request.memberId);
        } else {
            match.problem = Tr::tr("The answer is about member %1, but member %2 was asked "
                                   "about. It was not used.")
                                .arg(answeredId, request.memberId);
            return match;
        }
    }
    if (request.patientIsDependent && !result.dependent) {
        // A dependent with a member ID of their own is answered in the subscriber loop; then
        // that loop is about the dependent, not the subscriber we named.
        const PersonInfo &person = result.subscriber;
        const bool aboutDependent =
            (sameName(person.lastName, request.dependentLastName) &&
             sameName(person.firstName, request.dependentFirstName)) ||
            (person.dateOfBirth.isValid() && person.dateOfBirth == request.dependentDateOfBirth);
        if (!aboutDependent && !result.isRejected()) {
            match.problem = Tr::tr("The answer is about the subscriber, not about the dependent "
                                   "who was asked about. It was not used.");
            return match;
        }
    }
    match.result = std::move(result);
    return match;
}
} // namespace AnswerMatcher
