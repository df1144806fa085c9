// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Claims through the ClaimService on a real store: drafts, queueing with the outbox row in the
// same transaction, and the payor's words applied so that late or repeated ones never move a
// claim backwards.
#include "common/trainingenvironment.h"
#include "services/claims/claimevents.h"
#include "services/claims/claimservice.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {
Claim claimFor(qint64 patientId)
{
    Claim claim;
    claim.patientId = patientId;
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = QStringLiteral("INS001");
    claim.payerName = QStringLiteral("BlueCross BlueShield");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.dateOfService = QDate::currentDate().addDays(-2);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")},
                       {QStringLiteral("R05"), QStringLiteral("Cough")}};
    claim.lines = {{QStringLiteral("99213"), {QStringLiteral("25")}, 1, 15000, {1, 2},
                    QStringLiteral("Office visit")},
                   {QStringLiteral("94640"), {}, 2, 6000, {1}, QStringLiteral("Nebulizer")}};
    return claim;
}

PayorJson::ClaimStatusReport report(const QString &payerClaimId, const QString &status,
                                    const QDateTime &at = {})
{
    PayorJson::ClaimStatusReport r;
    r.payerClaimId = payerClaimId;
    r.statusText = status;
    r.status = claimStatusFromKey(status);
    r.message = QStringLiteral("status %1").arg(status);
    r.updatedAt = at;
    return r;
}

Remittance paidRemittance(const QString &claimNumber)
{
    Remittance r;
    r.claimNumber = claimNumber;
    r.statusCode = QStringLiteral("1");
    r.billedCents = 21000;
    r.paidCents = 13800;
    r.patientResponsibilityCents = 3000;
    r.lines = {{QStringLiteral("99213"), {QStringLiteral("25")}, 1, 15000, 12000, 9000,
                {{QStringLiteral("CO"), QStringLiteral("45"), 3000},
                 {QStringLiteral("PR"), QStringLiteral("3"), 3000}},
                {}},
               {QStringLiteral("94640"), {}, 2, 6000, 4800, 4800,
                {{QStringLiteral("CO"), QStringLiteral("45"), 1200}},
                {}}};
    return r;
}
} // namespace

class TestClaimService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void draftIsStoredWholeAndAudited();
    void queueWritesTheOutboxRowWithTheClaim();
    void payorWordsMoveTheClaimForwardOnly();
    void outOfOrderAndDuplicateUpdatesEndRight();
    void remittanceIsStoredOnceAndChecked();
    void unknownStatusOrClaimIsAnError();
    void batchOfAnswersKeepsTheGoodOnes();
    void replacementNamesThePayorsClaim();
    void appealAndWriteOffNeedWordsAndDecisionsFollowAnAppeal();
    void mappingsHaveDefaultsAndChange();
    void webhookFromTheFeedMovesOnlyOurClaims();

private:
    StoreResult<Claim> queued(ClaimService &service, const Claim &claim)
    {
        return TestSupport::await(service.queue(claim, {QStringLiteral("PRV-1"),
                                                        QStringLiteral("Springfield")}));
    }
    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_jane = 0;
};

void TestClaimService::initTestCase()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_jane = m_env->patientId(QStringLiteral("Jane"));
    QVERIFY(m_jane > 0);
}

void TestClaimService::draftIsStoredWholeAndAudited()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    QSignalSpy changed(&service, &ClaimService::claimChanged);
    Claim input = claimFor(m_jane);
    input.status = ClaimStatus::Paid; // ignored: a new claim is a draft
    const StoreResult<Claim> saved = TestSupport::await(service.saveDraft(input));
    QVERIFY2(saved, qPrintable(saved.error()));
    QVERIFY(saved->id > 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^CLM[0-9A-F]{4}%1$")
                                    .arg(saved->id, 7, 10, QLatin1Char('0')))
                 .match(saved->claimNumber)
                 .hasMatch(),
             qPrintable(saved->claimNumber));
    QCOMPARE(saved->status, ClaimStatus::Draft);
    QCOMPARE(saved->diagnoses, input.diagnoses);
    QCOMPARE(saved->lines, input.lines);
    QCOMPARE(saved->totalChargeCents(), 21000);
    QCOMPARE(saved->billingProvider, input.billingProvider);
    QCOMPARE(saved->dateOfService, input.dateOfService);
    QTRY_COMPARE(changed.count(), 1);

    // Edit the draft: the lines are replaced, not added to.
    Claim edited = *saved;
    edited.lines.removeLast();
    edited.notes = QStringLiteral("one line only");
    const StoreResult<Claim> again = TestSupport::await(service.saveDraft(edited));
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->lines.size(), 1);
    QCOMPARE(again->notes, QStringLiteral("one line only"));
    QCOMPARE(again->claimNumber, saved->claimNumber);

    int created = 0;
    int edits = 0;
    for (const AuditEntry &entry : m_env->auditEntries()) {
        if (entry.entityId != saved->id || entry.user != QLatin1String("biller.bo"))
            continue;
        created += entry.action == QLatin1String("claim.create") ? 1 : 0;
        edits += entry.action == QLatin1String("claim.edit") ? 1 : 0;
    }
    QCOMPARE(created, 1);
    QCOMPARE(edits, 1);
    const auto timeline = TestSupport::await(service.timeline(saved->id));
    QVERIFY(timeline);
    QCOMPARE(timeline->size(), 1);
    QCOMPARE(timeline->first().status, ClaimStatus::Draft);
    QCOMPARE(timeline->first().actor, QStringLiteral("biller.bo"));
}

void TestClaimService::queueWritesTheOutboxRowWithTheClaim()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    QVERIFY2(claim, qPrintable(claim.error()));
    QCOMPARE(claim->status, ClaimStatus::Queued);

    const auto item = m_env->read([id = claim->id](const QString &c) {
        return ClaimRepository(c).outboxItem(id);
    });
    QVERIFY2(item, qPrintable(item.error()));
    QVERIFY(item->has_value());
    const ClaimOutboxItem row = **item;
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.attempts, 0);
    QVERIFY(!QUuid::fromString(row.idempotencyKey).isNull());
    QCOMPARE(row.payloadHash, QString::fromLatin1(QCryptographicHash::hash(
                                  row.payload, QCryptographicHash::Sha256).toHex()));
    const QJsonObject body = QJsonDocument::fromJson(row.payload).object();
    QCOMPARE(body.value(QLatin1String("insurance_id")).toString(), QStringLiteral("INS001"));
    const QJsonObject data = body.value(QLatin1String("claim_data")).toObject();
    QCOMPARE(data.value(QLatin1String("claim_number")).toString(), claim->claimNumber);
    QCOMPARE(data.value(QLatin1String("provider_id")).toString(), QStringLiteral("PRV-1"));
    QCOMPARE(data.value(QLatin1String("amount")).toDouble(), 210.0);

    const auto due = m_env->read([](const QString &c) {
        return ClaimRepository(c).dueOutbox(QDateTime::currentDateTimeUtc().addSecs(1), 100);
    });
    QVERIFY(due);
    bool listed = false;
    for (const ClaimOutboxItem &d : *due)
        listed = listed || d.claimId == claim->id;
    QVERIFY(listed);

    // Queued once: sending it again is refused, the key stays.
    const StoreResult<Claim> twice = queued(service, *claim);
    QVERIFY(!twice);
    const auto after = m_env->read([id = claim->id](const QString &c) {
        return ClaimRepository(c).outboxItem(id);
    });
    QCOMPARE((*after)->idempotencyKey, row.idempotencyKey);
}

void TestClaimService::payorWordsMoveTheClaimForwardOnly()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    QVERIFY(claim);
    const QString payerId = QStringLiteral("PCL-%1").arg(claim->id);
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);

    // The reply to our submission: found by our claim number, gives the payor's id.
    PayorJson::ClaimStatusReport accepted = report(payerId, QStringLiteral("accepted"), t0);
    accepted.claimNumber = claim->claimNumber;
    auto applied = TestSupport::await(
        service.applyStatus(accepted, ClaimEventSource::PayorReply, claim->id));
    QVERIFY2(applied, qPrintable(applied.error()));
    QVERIFY(applied->changed);
    QCOMPARE(applied->claim.status, ClaimStatus::Accepted);
    QCOMPARE(applied->claim.payerClaimId, payerId);

    PayorJson::ClaimStatusReport paid = report(payerId, QStringLiteral("paid"), t0.addSecs(30));
    paid.approvedCents = 13800;
    paid.patientResponsibilityCents = 3000;
    paid.expectedPaymentDate = QDate::currentDate().addDays(14);
    applied = TestSupport::await(service.applyStatus(paid, ClaimEventSource::Webhook));
    QVERIFY2(applied, qPrintable(applied.error()));
    QVERIFY(applied->changed);
    QCOMPARE(applied->claim.status, ClaimStatus::Paid);
    QCOMPARE(applied->claim.paidCents, 13800);
    QCOMPARE(applied->claim.patientResponsibilityCents, 3000);
    QCOMPARE(applied->claim.allowedCents, 16800);

    // A late "pended" (newer clock, lower rank) is refused; so is the same paid again.
    applied = TestSupport::await(service.applyStatus(
        report(payerId, QStringLiteral("pended"), t0.addSecs(40)), ClaimEventSource::Sync));
    QVERIFY(applied);
    QVERIFY(!applied->changed);
    QCOMPARE(applied->claim.status, ClaimStatus::Paid);
    QVERIFY(!applied->ignoredWhy.isEmpty());
    applied = TestSupport::await(service.applyStatus(paid, ClaimEventSource::Sync));
    QVERIFY(applied);
    QVERIFY(!applied->changed);

    const auto timeline = TestSupport::await(service.timeline(claim->id));
    QVERIFY(timeline);
    QList<ClaimStatus> statuses;
    QList<ClaimEventSource> sources;
    for (const ClaimTimelineEntry &entry : *timeline) {
        statuses.append(entry.status);
        sources.append(entry.source);
    }
    QCOMPARE(statuses, (QList<ClaimStatus>{ClaimStatus::Draft, ClaimStatus::Queued,
                                           ClaimStatus::Accepted, ClaimStatus::Paid}));
    QCOMPARE(sources.mid(2), (QList<ClaimEventSource>{ClaimEventSource::PayorReply,
                                                      ClaimEventSource::Webhook}));
    QCOMPARE(timeline->at(3).at, t0.addSecs(30));
}

void TestClaimService::outOfOrderAndDuplicateUpdatesEndRight()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    QVERIFY(claim);
    const QString payerId = QStringLiteral("PCL-OOO-%1").arg(claim->id);
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
    PayorJson::ClaimStatusReport first = report(payerId, QStringLiteral("submitted"), t0);
    first.claimNumber = claim->claimNumber;
    // Arrival order: denied (t3), pended (t2), accepted (t1), denied again (t3), submitted (t0).
    const QList<PayorJson::ClaimStatusReport> arrivals = {
        report(payerId, QStringLiteral("denied"), t0.addSecs(3)),
        report(payerId, QStringLiteral("pended"), t0.addSecs(2)),
        report(payerId, QStringLiteral("accepted"), t0.addSecs(1)),
        report(payerId, QStringLiteral("denied"), t0.addSecs(3)),
        first,
    };
    // The first one names only the payor's id, unknown until a reply: it goes by our number.
    PayorJson::ClaimStatusReport denied = arrivals.first();
    denied.claimNumber = claim->claimNumber;
    auto applied = TestSupport::await(service.applyStatus(denied, ClaimEventSource::Webhook));
    QVERIFY2(applied, qPrintable(applied.error()));
    QVERIFY(applied->changed);
    int changes = 1;
    for (const auto &update : arrivals.mid(1)) {
        applied = TestSupport::await(service.applyStatus(update, ClaimEventSource::Webhook));
        QVERIFY2(applied, qPrintable(applied.error()));
        changes += applied->changed ? 1 : 0;
    }
    QCOMPARE(changes, 1);
    const auto stored = TestSupport::await(service.find(claim->id));
    QVERIFY(stored);
    QCOMPARE((*stored)->status, ClaimStatus::Denied);
    // A newer word of the same rank (the payor reprocessed it) does apply.
    applied = TestSupport::await(service.applyStatus(
        report(payerId, QStringLiteral("paid"), t0.addSecs(9)), ClaimEventSource::Sync));
    QVERIFY(applied);
    QVERIFY(applied->changed);
    QCOMPARE(applied->claim.status, ClaimStatus::Paid);
}

void TestClaimService::remittanceIsStoredOnceAndChecked()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    QVERIFY(claim);
    PayorJson::ClaimStatusReport paid =
        report(QStringLiteral("PCL-R-%1").arg(claim->id), QStringLiteral("paid"),
               QDateTime::currentDateTimeUtc());
    paid.claimNumber = claim->claimNumber;
    paid.remittance = paidRemittance(claim->claimNumber);
    auto applied = TestSupport::await(service.applyStatus(paid, ClaimEventSource::PayorReply));
    QVERIFY2(applied, qPrintable(applied.error()));
    QCOMPARE(applied->claim.paidCents, 13800);
    QCOMPARE(applied->claim.allowedCents, 16800);
    QCOMPARE(applied->claim.patientResponsibilityCents, 3000);
    // The same answer through a sync: no second remittance.
    paid.updatedAt = paid.updatedAt.addSecs(5);
    applied = TestSupport::await(service.applyStatus(paid, ClaimEventSource::Sync));
    QVERIFY(applied);
    const auto stored = TestSupport::await(service.remittances(claim->id));
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->size(), 1);
    QVERIFY(stored->first().balanced);
    QCOMPARE(stored->first().remittance.lines, paidRemittance(claim->claimNumber).lines);

    // An unbalanced one is kept, flagged with the reason.
    const StoreResult<Claim> other = queued(service, claimFor(m_jane));
    QVERIFY(other);
    PayorJson::ClaimStatusReport off = report(QStringLiteral("PCL-U-%1").arg(other->id),
                                              QStringLiteral("paid"), QDateTime::currentDateTimeUtc());
    off.claimNumber = other->claimNumber;
    off.remittance = paidRemittance(other->claimNumber);
    off.remittance->lines[0].paidCents = 9100; // a dollar nobody explains
    applied = TestSupport::await(service.applyStatus(off, ClaimEventSource::PayorReply));
    QVERIFY(applied);
    const auto flagged = TestSupport::await(service.remittances(other->id));
    QVERIFY(flagged);
    QCOMPARE(flagged->size(), 1);
    QVERIFY(!flagged->first().balanced);
    QVERIFY2(flagged->first().balanceError.contains(QLatin1String("Line 1")),
             qPrintable(flagged->first().balanceError));
}

void TestClaimService::unknownStatusOrClaimIsAnError()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    PayorJson::ClaimStatusReport strange = report(QStringLiteral("PCL-X"), QStringLiteral("limbo"));
    auto applied = TestSupport::await(service.applyStatus(strange, ClaimEventSource::Webhook));
    QVERIFY(!applied);
    QVERIFY2(applied.error().contains(QLatin1String("limbo")), qPrintable(applied.error()));
    applied = TestSupport::await(service.applyStatus(
        report(QStringLiteral("PCL-NOT-OURS"), QStringLiteral("paid")), ClaimEventSource::Webhook));
    QVERIFY(!applied);
    QVERIFY2(applied.error().contains(QLatin1String("PCL-NOT-OURS")), qPrintable(applied.error()));
}

void TestClaimService::batchOfAnswersKeepsTheGoodOnes()
{
    // The outbox sender applies answers in batches: one transaction, a savepoint each.
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> first = queued(service, claimFor(m_jane));
    const StoreResult<Claim> second = queued(service, claimFor(m_jane));
    QVERIFY(first && second);
    auto outboxRow = [this](qint64 id) {
        return *m_env->read([id](const QString &c) { return ClaimRepository(c).outboxItem(id); })
                    .value();
    };
    ClaimOutboxItem firstDone = outboxRow(first->id);
    firstDone.state = QStringLiteral("succeeded");
    PayorJson::ClaimStatusReport firstAccepted =
        report(QStringLiteral("PCL-B1-%1").arg(first->id), QStringLiteral("accepted"));
    firstAccepted.claimNumber = first->claimNumber;
    PayorJson::ClaimStatusReport secondAccepted =
        report(QStringLiteral("PCL-B2-%1").arg(second->id), QStringLiteral("accepted"));
    secondAccepted.claimNumber = second->claimNumber;
    const QList<ClaimService::StatusUpdate> updates{
        {firstAccepted, first->id,
         [firstDone](ClaimRepository &repository) { return repository.updateOutbox(firstDone); }},
        {report(QStringLiteral("PCL-NOT-OURS-2"), QStringLiteral("paid")), 0, {}},
        // Its status is written, then its other write fails: both roll back, alone.
        {secondAccepted, second->id,
         [](ClaimRepository &) { return StoreResult<bool>::failure(QStringLiteral("row refused")); }},
    };
    const auto outcomes =
        TestSupport::await(service.applyStatuses(updates, ClaimEventSource::PayorReply));
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    QCOMPARE(outcomes->size(), 3);
    QVERIFY2(outcomes->at(0), qPrintable(outcomes->at(0).error()));
    QCOMPARE(outcomes->at(0)->claim.status, ClaimStatus::Accepted);
    QVERIFY(!outcomes->at(1));
    QVERIFY2(outcomes->at(1).error().contains(QLatin1String("PCL-NOT-OURS-2")),
             qPrintable(outcomes->at(1).error()));
    QVERIFY(!outcomes->at(2));
    QCOMPARE(outcomes->at(2).error(), QStringLiteral("row refused"));

    const auto firstNow = TestSupport::await(service.find(first->id));
    QCOMPARE((*firstNow)->status, ClaimStatus::Accepted);
    QCOMPARE((*firstNow)->payerClaimId, firstAccepted.payerClaimId);
    QCOMPARE(outboxRow(first->id).state, QStringLiteral("succeeded"));
    const auto secondNow = TestSupport::await(service.find(second->id));
    QCOMPARE((*secondNow)->status, ClaimStatus::Queued);
    QVERIFY((*secondNow)->payerClaimId.isEmpty());
    QCOMPARE(outboxRow(second->id).state, QStringLiteral("pending"));
    const auto timeline = TestSupport::await(service.timeline(second->id));
    QCOMPARE(timeline->last().status, ClaimStatus::Queued);
}

void TestClaimService::replacementNamesThePayorsClaim()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> original = queued(service, claimFor(m_jane));
    QVERIFY(original);
    PayorJson::ClaimStatusReport denied = report(QStringLiteral("PCL-D-%1").arg(original->id),
                                                 QStringLiteral("denied"),
                                                 QDateTime::currentDateTimeUtc());
    denied.claimNumber = original->claimNumber;
    QVERIFY(TestSupport::await(service.applyStatus(denied, ClaimEventSource::PayorReply)));

    Claim replacement = claimFor(m_jane);
    replacement.frequency = ClaimFrequency::Replacement;
    replacement.replacesClaimId = original->id;
    const StoreResult<Claim> sent = queued(service, replacement);
    QVERIFY2(sent, qPrintable(sent.error()));
    QCOMPARE(sent->frequency, ClaimFrequency::Replacement);
    QCOMPARE(sent->replacesClaimId, original->id);
    const auto item = m_env->read([id = sent->id](const QString &c) {
        return ClaimRepository(c).outboxItem(id);
    });
    const QJsonObject data = QJsonDocument::fromJson((*item)->payload)
                                 .object()
                                 .value(QLatin1String("claim_data"))
                                 .toObject();
    QCOMPARE(data.value(QLatin1String("frequency_code")).toString(), QStringLiteral("7"));
    QCOMPARE(data.value(QLatin1String("original_claim_id")).toString(), denied.payerClaimId);

    // The original ends as corrected, naming its replacement, and cannot be corrected again.
    const auto ended = TestSupport::await(service.find(original->id));
    QCOMPARE((*ended)->status, ClaimStatus::Corrected);
    const auto steps = TestSupport::await(service.timeline(original->id));
    QVERIFY(steps->last().message.contains(sent->claimNumber));
    QCOMPARE(steps->last().actor, QStringLiteral("biller.bo"));
    const StoreResult<Claim> twice = queued(service, claimFollowing(**ended, ClaimFrequency::Replacement));
    QVERIFY(!twice);
    QVERIFY2(twice.error().contains(original->claimNumber), qPrintable(twice.error()));

    // Correcting a claim the payor never numbered is refused.
    const StoreResult<Claim> unnumbered = queued(service, claimFor(m_jane));
    QVERIFY(unnumbered);
    replacement.replacesClaimId = unnumbered->id;
    QVERIFY(!queued(service, replacement));

    // A rejected claim is fixed and sent as a new original claim; the rejected one closes.
    const StoreResult<Claim> refused = queued(service, claimFor(m_jane));
    QVERIFY(TestSupport::await(service.setStatus(refused->id, ClaimStatus::Rejected,
                                                 ClaimEventSource::PayorReply,
                                                 QStringLiteral("member_id: required"))));
    Claim rejected = **TestSupport::await(service.find(refused->id));
    QCOMPARE(claimActions(rejected), (QList{ClaimAction::Correct, ClaimAction::WriteOff}));
    const Claim fixed = claimFollowing(rejected, ClaimFrequency::Replacement);
    QCOMPARE(fixed.frequency, ClaimFrequency::Original);
    QCOMPARE(fixed.replacesClaimId, rejected.id);
    QVERIFY(fixed.claimNumber.isEmpty() && fixed.payerClaimId.isEmpty() && fixed.id == 0);
    const StoreResult<Claim> resent = queued(service, fixed);
    QVERIFY2(resent, qPrintable(resent.error()));
    QCOMPARE((*TestSupport::await(service.find(refused->id)))->status, ClaimStatus::Closed);
}

void TestClaimService::appealAndWriteOffNeedWordsAndDecisionsFollowAnAppeal()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    const QString payerId = QStringLiteral("PCL-A-%1").arg(claim->id);
    const QDateTime deniedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(TestSupport::await(
        service.applyStatus(report(payerId, QStringLiteral("denied"), deniedAt),
                            ClaimEventSource::PayorReply, claim->id)));
    const Claim denied = **TestSupport::await(service.find(claim->id));
    QVERIFY(claimActions(denied).contains(ClaimAction::Appeal));
    QVERIFY(!TestSupport::await(service.appeal(claim->id, QStringLiteral("  "))));
    const StoreResult<Claim> appealed =
        TestSupport::await(service.appeal(claim->id, QStringLiteral("Prior auth was on file")));
    QVERIFY(appealed);
    QCOMPARE(appealed->status, ClaimStatus::Appealed);
    // The same denial delivered again does not undo the appeal …
    auto again = TestSupport::await(service.applyStatus(
        report(payerId, QStringLiteral("denied"), deniedAt), ClaimEventSource::Webhook));
    QVERIFY(again && !again->changed);
    // … but the payor's later decision on it is applied.
    auto decided = TestSupport::await(service.applyStatus(
        report(payerId, QStringLiteral("paid"), QDateTime::currentDateTimeUtc()),
        ClaimEventSource::Webhook));
    QVERIFY(decided && decided->changed);
    QCOMPARE(decided->claim.status, ClaimStatus::Paid);

    QVERIFY(!TestSupport::await(service.writeOff(claim->id, QString())));
    const StoreResult<Claim> closed =
        TestSupport::await(service.writeOff(claim->id, QStringLiteral("Patient paid at desk")));
    QCOMPARE(closed->status, ClaimStatus::Closed);
    QVERIFY(claimActions(*closed).isEmpty());
    const auto steps = TestSupport::await(service.timeline(claim->id));
    QCOMPARE(steps->last().message, QStringLiteral("Patient paid at desk"));
    QCOMPARE(steps->last().source, ClaimEventSource::Person);
}

void TestClaimService::mappingsHaveDefaultsAndChange()
{
    ClaimService service(&m_env->store(), QStringLiteral("admin"));
    auto mappings = TestSupport::await(service.mappings());
    QVERIFY(mappings);
    QStringList ids;
    for (const PayorMapping &m : *mappings)
        ids.append(m.insuranceId);
    QCOMPARE(ids, (QStringList{QStringLiteral("HI12345"), QStringLiteral("INS001"),
                               QStringLiteral("INS002"), QStringLiteral("INS003")}));
    QVERIFY(TestSupport::await(service.saveMapping({QStringLiteral(" ins004 "),
                                                    QStringLiteral("Cigna"), {}})));
    QVERIFY(!TestSupport::await(service.saveMapping({QStringLiteral("INS005"), QString(), {}})));
    mappings = TestSupport::await(service.mappings());
    QCOMPARE(mappings->size(), 5);
    QCOMPARE(mappings->at(4), (PayorMapping{QStringLiteral("INS004"), QStringLiteral("Cigna"),
                                            QStringLiteral("local")}));
    QCOMPARE(*TestSupport::await(service.removeMapping(QStringLiteral("INS004"))), true);
    QCOMPARE(*TestSupport::await(service.removeMapping(QStringLiteral("INS004"))), false);
}

void TestClaimService::webhookFromTheFeedMovesOnlyOurClaims()
{
    ClaimService service(&m_env->store(), QStringLiteral("biller.bo"));
    const StoreResult<Claim> claim = queued(service, claimFor(m_jane));
    QVERIFY(claim);
    const QString payerId = QStringLiteral("PCL-W-%1").arg(claim->id);
    PayorJson::ClaimStatusReport pended =
        report(payerId, QStringLiteral("pended"), QDateTime::currentDateTimeUtc().addSecs(-5));
    pended.claimNumber = claim->claimNumber;
    QVERIFY(TestSupport::await(service.applyStatus(pended, ClaimEventSource::PayorReply)));

    auto eventFor = [](const PayorJson::ClaimStatusReport &r) {
        LiveEvent event;
        event.kind = QStringLiteral("payor");
        event.eventType = QStringLiteral("claim_status_update");
        event.payload = {{QStringLiteral("type"), QStringLiteral("claim_status_update")},
                         {QStringLiteral("data"), PayorJson::statusJson(r)}};
        return event;
    };
    auto apply = [&](const LiveEvent &event) {
        return m_env->write([event](const QString &c) {
            return StoreResult<LiveApplyOutcome>(ClaimEvents::applyStatusUpdate(c, event));
        });
    };
    PayorJson::ClaimStatusReport paid =
        report(payerId, QStringLiteral("paid"), QDateTime::currentDateTimeUtc());
    paid.previousStatus = QStringLiteral("pended");
    paid.approvedCents = 18000;
    auto outcome = apply(eventFor(paid));
    QVERIFY(outcome);
    QCOMPARE(outcome->status, LiveEventStatus::Applied);
    auto stored = TestSupport::await(service.find(claim->id));
    QCOMPARE((*stored)->status, ClaimStatus::Paid);
    QCOMPARE((*stored)->paidCents, 18000);
    const auto timeline = TestSupport::await(service.timeline(claim->id));
    QCOMPARE(timeline->last().source, ClaimEventSource::Webhook);

    // The same webhook again (the hub dedupes, the payor might not): nothing changes.
    outcome = apply(eventFor(paid));
    QCOMPARE(outcome->status, LiveEventStatus::Ignored);
    QCOMPARE(TestSupport::await(service.timeline(claim->id))->size(), timeline->size());
    // Another desk's claim: ignored, not failed.
    outcome = apply(eventFor(report(QStringLiteral("PCL-ELSEWHERE"), QStringLiteral("paid"))));
    QCOMPARE(outcome->status, LiveEventStatus::Ignored);
    QVERIFY(outcome->error.contains(QLatin1String("PCL-ELSEWHERE")));
    // Our claim number under another payor claim id (another desk's claim): not ours.
    PayorJson::ClaimStatusReport twin =
        report(QStringLiteral("PCL-TWIN"), QStringLiteral("denied"), QDateTime::currentDateTimeUtc());
    twin.claimNumber = claim->claimNumber;
    outcome = apply(eventFor(twin));
    QCOMPARE(outcome->status, LiveEventStatus::Ignored);
    QCOMPARE((*TestSupport::await(service.find(claim->id)))->status, ClaimStatus::Paid);
    // Unreadable: failed with the reason.
    LiveEvent broken = eventFor(paid);
    broken.payload.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("x"), 1}});
    outcome = apply(broken);
    QCOMPARE(outcome->status, LiveEventStatus::Failed);
    QVERIFY(outcome->error.contains(QLatin1String("claim_id")));
}

QTEST_GUILESS_MAIN(TestClaimService)
#include "tst_claimservice.moc"
