// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// One vocabulary for statuses: every status and failure of an attempt maps to one word (a payer's
// refusal is REJECTED with its AAA code, a payer never reached is COULD NOT VERIFY), and only an
// answer from the payer counts as verified.
#include "services/eligibility/benefitsummary.h"

#include <QSet>
#include <QTest>

using namespace BenefitSummary;

Q_DECLARE_METATYPE(VerificationStatus)
Q_DECLARE_METATYPE(VerificationError)
Q_DECLARE_METATYPE(Verdict)

namespace {
enum class Answer { None, Active, Inactive, Rejected72, Busy42, RejectedTwice };

std::optional<EligibilityResult> resultFor(Answer answer)
{
    EligibilityResult r;
    switch (answer) {
    case Answer::None:
        return std::nullopt;
    case Answer::Active:
        r.status = EligibilityResult::Status::Active;
        break;
    case Answer::Inactive:
        r.status = EligibilityResult::Status::Inactive;
        break;
    case Answer::Rejected72:
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {AaaRejection{QStringLiteral("2100C"), false, QStringLiteral("72"),
                                     QStringLiteral("C")}};
        break;
    case Answer::Busy42:
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {
            AaaRejection{QStringLiteral("2100A"), true, QStringLiteral("42"), QStringLiteral("R")}};
        break;
    case Answer::RejectedTwice:
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {
            AaaRejection{QStringLiteral("2100C"), false, QStringLiteral("73"), QStringLiteral("C")},
            AaaRejection{QStringLiteral("2100C"), false, QStringLiteral("75"),
                         QStringLiteral("C")}};
        break;
    }
    return r;
}
} // namespace
Q_DECLARE_METATYPE(Answer)

class TestStatusVocabulary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyAttempt_data();
    void everyAttempt();
    void everyVerdictHasItsOwnWordKeyAndColour();
    void statusAloneSplitsRefusalsFromFailures();
};

void TestStatusVocabulary::everyAttempt_data()
{
    QTest::addColumn<VerificationStatus>("status");
    QTest::addColumn<VerificationError>("error");
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("answered");

    using S = VerificationStatus;
    using E = VerificationError;
    QTest::newRow("pending") << S::Pending << E::None << Answer::None << Verdict::Pending
                             << "VERIFYING…" << false;
    QTest::newRow("active") << S::Verified << E::None << Answer::Active << Verdict::Active
                            << "ACTIVE" << true;
    QTest::newRow("inactive") << S::Verified << E::None << Answer::Inactive << Verdict::Inactive
                              << "INACTIVE" << true;
    QTest::newRow("needs review") << S::ManualReview << E::None << Answer::Active
                                  << Verdict::NeedsReview << "NEEDS REVIEW" << true;
    QTest::newRow("expired") << S::Expired << E::None << Answer::Active << Verdict::Expired
                             << "EXPIRED" << true;
    QTest::newRow("rejected 72") << S::Failed << E::Rejected << Answer::Rejected72
                                 << Verdict::Rejected << "REJECTED — AAA 72" << false;
    QTest::newRow("rejected twice") << S::Failed << E::Rejected << Answer::RejectedTwice
                                    << Verdict::Rejected << "REJECTED — AAA 73, 75" << false;
    QTest::newRow("timeout") << S::Failed << E::Timeout << Answer::None << Verdict::CouldNotVerify
                             << "COULD NOT VERIFY" << false;
    QTest::newRow("http 503") << S::Failed << E::ServerError << Answer::None
                              << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("other http") << S::Failed << E::HttpError << Answer::None
                                << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("connection") << S::Failed << E::NetworkError << Answer::None
                                << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    // AAA 42 "unable to respond now" on every try: the payer said nothing about the coverage.
    QTest::newRow("payer busy") << S::Failed << E::PayerBusy << Answer::Busy42
                                << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("unreadable answer") << S::Failed << E::InvalidResponse << Answer::None
                                       << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("answer to another question")
        << S::Failed << E::MismatchedAnswer << Answer::None << Verdict::CouldNotVerify
        << "COULD NOT VERIFY" << false;
    QTest::newRow("missing data") << S::Failed << E::InvalidRequest << Answer::None
                                  << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("database") << S::Failed << E::StorageError << Answer::None
                              << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
    QTest::newRow("cancelled") << S::Failed << E::Cancelled << Answer::None << Verdict::Cancelled
                               << "CANCELLED" << false;
    // Read back with a status only (no error kind): the 271 still tells a refusal apart.
    QTest::newRow("failed, refusal in the 271")
        << S::Failed << E::None << Answer::Rejected72 << Verdict::Rejected << "REJECTED — AAA 72"
        << false;
    QTest::newRow("failed, no 271") << S::Failed << E::None << Answer::None
                                    << Verdict::CouldNotVerify << "COULD NOT VERIFY" << false;
}

void TestStatusVocabulary::everyAttempt()
{
    QFETCH(VerificationStatus, status);
    QFETCH(VerificationError, error);
    QFETCH(Answer, answer);
    QFETCH(Verdict, verdict);
    QFETCH(QString, text);
    QFETCH(bool, answered);

    Verification v;
    v.status = status;
    v.error = error;
    v.result = resultFor(answer);
    if (v.result) {
        for (const AaaRejection &rejection : v.result->rejections)
            v.aaaCodes << rejection.code;
    }
    QCOMPARE(BenefitSummary::verdict(v), verdict);
    QCOMPARE(statusText(v), text);
    QCOMPARE(payerAnswered(status), answered);
    // A refusal names its reason; nothing else has one.
    const QString reason = rejectionText(v);
    QCOMPARE(!reason.isEmpty(), verdict == Verdict::Rejected);
    if (answer == Answer::Rejected72 && verdict == Verdict::Rejected)
        QCOMPARE(reason, QStringLiteral("AAA 72: The member ID is invalid or missing."));
    // No word of the old vocabulary is left.
    QVERIFY(!text.contains(QStringLiteral("ERROR")));
}

void TestStatusVocabulary::everyVerdictHasItsOwnWordKeyAndColour()
{
    const QList<Verdict> verdicts = allVerdicts();
    QCOMPARE(verdicts.size(), 9);
    QSet<QString> texts;
    QSet<QString> keys;
    for (const Verdict v : verdicts) {
        const QString text = verdictText(v);
        QVERIFY(!text.isEmpty());
        QCOMPARE(text, text.toUpper()); // capitals, as on the badge
        texts.insert(text);
        keys.insert(verdictKey(v));
        QVERIFY(verdictColor(v).isValid());
        // Codes are added to a refusal only.
        QCOMPARE(verdictText(v, {QStringLiteral("72")}) != text, v == Verdict::Rejected);
    }
    QCOMPARE(texts.size(), verdicts.size());
    QCOMPARE(keys.size(), verdicts.size());
    QCOMPARE(verdictText(Verdict::None), QStringLiteral("NOT VERIFIED"));
    QCOMPARE(verdictText(Verdict::CouldNotVerify), QStringLiteral("COULD NOT VERIFY"));
    // Transient codes (42, 80) are no reason for a refusal.
    QCOMPARE(verdictText(Verdict::Rejected, {QStringLiteral("42"), QStringLiteral("72")}),
             QStringLiteral("REJECTED — AAA 72"));
}

void TestStatusVocabulary::statusAloneSplitsRefusalsFromFailures()
{
    QCOMPARE(verdict(VerificationStatus::Failed, resultFor(Answer::Rejected72)), Verdict::Rejected);
    QCOMPARE(verdict(VerificationStatus::Failed, resultFor(Answer::Busy42)),
             Verdict::CouldNotVerify);
    QCOMPARE(verdict(VerificationStatus::Failed, std::nullopt), Verdict::CouldNotVerify);
    QCOMPARE(verdict(VerificationStatus::Verified, resultFor(Answer::Inactive)), Verdict::Inactive);
}

QTEST_GUILESS_MAIN(TestStatusVocabulary)
#include "tst_statusvocabulary.moc"
