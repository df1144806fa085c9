// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/verificationjob.h"

#include "services/access/accesscontrol.h"
#include "services/common/async.h"
#include "services/eligibility/answermatcher.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/clearinghousejob.h"
#include "services/eligibility/expiry.h"
#include "services/store/audittrail.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"
#include "services/store/verificationrepository.h"
#include "services/x12/eligibilityresponse.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace {
bool sameText(const QString &sent, const QString &returned)
{
    return returned.isEmpty() ||
           sent.trimmed().compare(returned.trimmed(), Qt::CaseInsensitive) == 0;
}

//! What a 270 asks about this coverage and patient: payer, member, subscriber, dependent.
EligibilityRequest questionFor(const Coverage &coverage, const Patient &patient)
{
    EligibilityRequest q;
    q.payerId = coverage.payerId;
    q.payerName = coverage.payerName;
    q.memberId = coverage.memberId.trimmed();
    q.groupNumber = coverage.groupNumber.trimmed();
    if (coverage.patientIsSubscriber()) {
        q.subscriberFirstName = patient.firstName;
        q.subscriberLastName = patient.lastName;
        q.subscriberDateOfBirth = patient.dateOfBirth;
        q.subscriberGender = genderCode(patient.gender);
    } else {
        q.subscriberFirstName = coverage.subscriber.firstName;
        q.subscriberLastName = coverage.subscriber.lastName;
        q.subscriberDateOfBirth = coverage.subscriber.dateOfBirth;
        q.subscriberGender = genderCode(coverage.subscriber.gender);
        q.patientIsDependent = true;
        q.dependentFirstName = patient.firstName;
        q.dependentLastName = patient.lastName;
        q.dependentDateOfBirth = patient.dateOfBirth;
        q.dependentGender = genderCode(patient.gender);
        q.dependentRelationship = relationshipCode(coverage.relationship);
    }
    return q;
}

//! True when an earlier 270 asked the same question: an answer is reused only then, so a
//! corrected member ID, payer or name is always asked again.
bool sameQuestion(const QByteArray &earlier270, const EligibilityRequest &now,
                  const QStringList &serviceTypes)
{
    const EligibilityRequestParseResult parsed = EligibilityRequestParser::parse(earlier270);
    if (!parsed.request)
        return false;
    const EligibilityRequest &was = *parsed.request;
    auto same = [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) == 0;
    };
    return same(was.payerId, now.payerId) && same(was.memberId, now.memberId) &&
           same(was.subscriberFirstName, now.subscriberFirstName) &&
           same(was.subscriberLastName, now.subscriberLastName) &&
           was.subscriberDateOfBirth == now.subscriberDateOfBirth &&
           was.patientIsDependent == now.patientIsDependent &&
           same(was.dependentFirstName, now.dependentFirstName) &&
           same(was.dependentLastName, now.dependentLastName) &&
           was.dependentDateOfBirth == now.dependentDateOfBirth && was.serviceTypes == serviceTypes;
}

VerificationError verificationErrorFor(Job::Error error)
{
    switch (error) {
    case Job::Error::Timeout:
        return VerificationError::Timeout;
    case Job::Error::ServerError:
        return VerificationError::ServerError;
    case Job::Error::NetworkError:
        return VerificationError::NetworkError;
    case Job::Error::Busy:
        return VerificationError::PayerBusy;
    case Job::Error::TooLarge:
    case Job::Error::InvalidResponse:
        return VerificationError::InvalidResponse;
    default:
        return VerificationError::HttpError;
    }
}

Job::Error jobErrorFor(VerificationError error)
{
    switch (error) {
    case VerificationError::None:
        return Job::Error::NoError;
    case VerificationError::Rejected:
        return Job::Error::Rejected;
    case VerificationError::Timeout:
        return Job::Error::Timeout;
    case VerificationError::ServerError:
        return Job::Error::ServerError;
    case VerificationError::HttpError:
        return Job::Error::HttpError;
    case VerificationError::NetworkError:
        return Job::Error::NetworkError;
    case VerificationError::InvalidResponse:
    case VerificationError::MismatchedAnswer:
        return Job::Error::InvalidResponse;
    case VerificationError::InvalidRequest:
        return Job::Error::InvalidRequest;
    case VerificationError::PayerBusy:
        return Job::Error::Busy;
    case VerificationError::Cancelled:
        return Job::Error::Cancelled;
    case VerificationError::StorageError:
        return Job::Error::StorageError;
    case VerificationError::NotPermitted:
        return Job::Error::NotPermitted;
    }
    return Job::Error::InvalidResponse;
}

QString traceNumberFor(qint64 verificationId)
{
    return QStringLiteral("%1-%2")
        .arg(verificationId, 8, 10, QLatin1Char('0'))
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
        .toUpper();
}
} // namespace

ControlNumbers::ControlNumbers()
    // Seeded from the clock so two runs of the app do not reuse interchange numbers.
    : m_last(int(QDateTime::currentSecsSinceEpoch() % 100000) * 1000)
{
}

int ControlNumbers::next()
{
    m_last = (m_last + 1) % 1000000000;
    if (m_last == 0)
        m_last = 1;
    return m_last;
}

//! What the first read brings back: the coverage, its patient, and whether a recent answer to
//! the same question can be given instead of asking again.
struct VerificationJob::Loaded
{
    QString error;
    std::optional<Coverage> coverage;
    std::optional<Patient> patient;
    std::optional<Verification> reusable;
    std::optional<Verification> retried; // the attempt a manual retry repeats
};

//! State the writer thread and the job both touch: a cancel that arrives while the pending row
//! is being stored still reaches that row.
struct VerificationJob::Shared
{
    std::atomic_bool cancelled = false;
    qint64 rowId = 0; // written and read on the writer thread only
};

struct VerificationJob::Parsed
{
    QString error; // the 271 could not be read
    AnswerMatcher::Match match;
    QList<X12Issue> issues;
};

VerificationJob::VerificationJob(VerificationContext context, qint64 coverageId,
                                 VerifyOptions options, QObject *parent)
    : Job(parent)
    , m_context(std::move(context))
    , m_coverageId(coverageId)
    , m_options(std::move(options))
    , m_shared(std::make_shared<Shared>())
{
    const EligibilitySettings &settings = m_context.settings;
    m_policy.maxTries = settings.maxTries;
    m_policy.baseDelay = RetryPolicy::Ms(settings.backoffBaseMs);
    m_policy.maxDelay = RetryPolicy::Ms(qMax(settings.backoffBaseMs * 8, 10000));
    m_backoff.setSingleShot(true);
    // A coarse timer may fire 5 % early: never sooner than a server's Retry-After.
    m_backoff.setTimerType(Qt::PreciseTimer);
    connect(&m_backoff, &QTimer::timeout, this, &VerificationJob::sendTry);
    m_verification.coverageId = coverageId;
}

VerificationJob::~VerificationJob()
{
    if (m_try) {
        m_try->disconnect(this);
        m_try->cancel();
    }
}

VerificationOutcome VerificationJob::outcome() const
{
    return {m_verification, m_patient, m_coverage, m_reused};
}

void VerificationJob::doStart()
{
    // Hiding the buttons is not enough: a role without EligibilityRun sends and stores nothing.
    if (m_context.access && !m_context.access->can(Permission::EligibilityRun)) {
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::NotPermitted;
        m_verification.errorMessage = m_context.access->refusal(Permission::EligibilityRun);
        end(Job::Error::NotPermitted, m_verification.errorMessage);
        return;
    }
    const qint64 requestedCoverageId = m_coverageId;
    const qint64 retryOf = m_options.retryOf;
    const bool force = m_options.force || retryOf != 0;
    const QStringList requestedTypes = m_options.serviceTypes;
    const EligibilitySettings settings = m_context.settings;
    const QDateTime now = m_context.clock();
    QFuture<Loaded> loaded = m_context.store->read([=](const QString &connection) {
        Loaded l;
        VerificationRepository verifications(connection);
        qint64 coverageId = requestedCoverageId;
        if (retryOf != 0) {
            auto retried = verifications.find(retryOf);
            if (!retried) {
                l.error = retried.error();
                return l;
            }
            l.retried = *retried;
            if (coverageId == 0 && l.retried)
                coverageId = l.retried->coverageId;
        }
        auto coverage = CoverageRepository(connection).find(coverageId);
        if (!coverage) {
            l.error = coverage.error();
            return l;
        }
        l.coverage = *coverage;
        if (!l.coverage)
            return l;
        auto patient = PatientRepository(connection).find(l.coverage->patientId);
        if (!patient) {
            l.error = patient.error();
            return l;
        }
        l.patient = *patient;
        if (force || !l.patient)
            return l;
        auto latest = verifications.latestForCoverage(coverageId);
        if (!latest) {
            l.error = latest.error();
            return l;
        }
        if (!latest->has_value())
            return l;
        const Verification &last = **latest;
        const VerificationStatus status = Expiry::effectiveStatus(last, settings.maxAgeDays, now);
        const QStringList types =
            requestedTypes.isEmpty() ? QStringList{QStringLiteral("30")} : requestedTypes;
        if ((status == VerificationStatus::Verified ||
             status == VerificationStatus::ManualReview) &&
            last.completedAt >= now.addSecs(-3600LL * settings.reuseHours) &&
            sameQuestion(last.request, questionFor(*l.coverage, *l.patient), types)) {
            l.reusable = last;
            l.reusable->status = status;
        }
        return l;
    });
    Async::whenReady(loaded, this, [this](const Loaded &l) { onLoaded(l); });
}

void VerificationJob::onLoaded(const Loaded &loaded)
{
    if (isFinished())
        return;
    m_verification.status = VerificationStatus::Failed;
    if (!loaded.error.isEmpty()) {
        m_verification.error = VerificationError::StorageError;
        m_verification.errorMessage = loaded.error;
        end(Job::Error::StorageError, loaded.error);
        return;
    }
    if (m_options.retryOf != 0 && !loaded.retried) {
        m_verification.error = VerificationError::InvalidRequest;
        m_verification.errorMessage = tr("The attempt to retry no longer exists.");
        end(Job::Error::InvalidRequest, m_verification.errorMessage);
        return;
    }
    if (loaded.retried && m_coverageId != 0 && loaded.retried->coverageId != m_coverageId) {
        m_verification.error = VerificationError::InvalidRequest;
        m_verification.errorMessage = tr("The attempt to retry belongs to another coverage.");
        end(Job::Error::InvalidRequest, m_verification.errorMessage);
        return;
    }
    if (!loaded.coverage || !loaded.patient) {
        // Nothing to store against: the coverage is gone.
        m_verification.error = VerificationError::InvalidRequest;
        m_verification.errorMessage = tr("This coverage no longer exists.");
        end(Job::Error::InvalidRequest, m_verification.errorMessage);
        return;
    }
    m_coverage = *loaded.coverage;
    m_patient = *loaded.patient;
    m_coverageId = m_coverage.id;
    if (loaded.reusable) {
        m_verification = *loaded.reusable;
        m_reused = true;
        end(Job::Error::NoError, {});
        return;
    }

    const QDateTime now = m_context.clock();
    const EligibilitySettings &settings = m_context.settings;
    QDate serviceDate = m_options.serviceDate;
    QStringList serviceTypes = m_options.serviceTypes;
    if (loaded.retried) {
        serviceDate = loaded.retried->serviceDate;
        serviceTypes = loaded.retried->serviceTypes.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (!serviceDate.isValid())
        serviceDate = now.toLocalTime().date();
    if (serviceTypes.isEmpty())
        serviceTypes = {QStringLiteral("30")};

    m_verification = Verification{};
    m_verification.coverageId = m_coverageId;
    m_verification.patientId = m_patient.id;
    m_verification.status = VerificationStatus::Pending;
    m_verification.user = settings.user;
    m_verification.requestedAt = now;
    m_verification.serviceDate = serviceDate;
    m_verification.serviceTypes = serviceTypes.join(QLatin1Char(','));
    m_verification.retryOf = m_options.retryOf;

    m_request = questionFor(m_coverage, m_patient);
    m_request.senderId = settings.senderId;
    m_request.receiverId = settings.receiverId;
    m_request.production = settings.production;
    m_request.providerName = settings.providerName;
    m_request.providerNpi = settings.providerNpi;
    m_request.serviceDate = serviceDate;
    m_request.serviceTypes = serviceTypes;

    // The row (with its trace number and the audit record) exists before anything is sent,
    // so nothing is lost if we stop half way.
    const Verification pending = m_verification;
    const std::shared_ptr<Shared> shared = m_shared;
    const QString user = settings.user;
    QFuture<StoreResult<Verification>> stored =
        m_context.store->write([pending, shared, user](const QString &connection) {
            using Result = StoreResult<Verification>;
            if (shared->cancelled)
                return Result::failure(tr("Cancelled."));
            TransactionGuard transaction(Database::connection(connection));
            const QString what = tr("the verification");
            if (!transaction.isActive())
                return Result::failure(transaction.describeError(what));
            VerificationRepository verifications(connection);
            Result saved = verifications.save(pending);
            if (!saved)
                return saved;
            Verification withTrace = *saved;
            withTrace.traceNumber = traceNumberFor(withTrace.id);
            saved = verifications.save(withTrace);
            if (!saved)
                return saved;
            const auto audited = AuditTrail::recordIn(
                connection, user,
                {QStringLiteral("verification.run"), QStringLiteral("verification"), saved->id});
            if (!audited)
                return Result::failure(AuditTrail::notRecorded(audited.error()));
            if (!transaction.commit())
                return Result::failure(transaction.describeError(what));
            shared->rowId = saved->id;
            return saved;
        });
    Async::whenReady(stored, this,
                     [this](const StoreResult<Verification> &result) { onStored(result); });
}

void VerificationJob::onStored(const StoreResult<Verification> &stored)
{
    if (isFinished())
        return;
    if (!stored) {
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::StorageError;
        m_verification.errorMessage = stored.error();
        end(Job::Error::StorageError, stored.error());
        return;
    }
    m_verification = *stored;
    m_request.traceNumber = m_verification.traceNumber;
    m_request.submitterReference = QString::number(m_verification.id);
    Q_EMIT verificationStarted(m_verification);

    const EligibilitySettings &settings = m_context.settings;
    QStringList missing;
    if (m_request.payerId.isEmpty())
        missing << tr("payer");
    if (m_request.memberId.isEmpty())
        missing << tr("member ID");
    if (m_request.subscriberLastName.isEmpty() || m_request.subscriberFirstName.isEmpty())
        missing << tr("subscriber name");
    if (!m_request.subscriberDateOfBirth.isValid())
        missing << tr("subscriber date of birth");
    if (settings.providerNpi.isEmpty())
        missing << tr("provider NPI (Settings)");
    if (!settings.clearinghouseUrl.isValid())
        missing << tr("clearinghouse address (Settings)");
    if (!missing.isEmpty()) {
        fail(VerificationError::InvalidRequest,
             QCoreApplication::translate("Eligibility", "Cannot verify: missing %1.")
                 .arg(missing.join(QStringLiteral(", "))));
        return;
    }
    m_sinceFirstTry.start();
    sendTry();
}

void VerificationJob::sendTry()
{
    if (isFinished() || m_completing)
        return;
    EligibilityRequest request = m_request;
    request.controlNumber = m_context.controlNumbers->next();
    request.createdAt = m_context.clock();
    m_verification.request = EligibilityRequestBuilder::buildBytes(request);
    ++m_verification.attempts;

    const EligibilitySettings &settings = m_context.settings;
    m_try = new ClearinghouseJob(m_context.network, settings.clearinghouseUrl,
                                 m_verification.request, settings.timeoutMs, this);
    connect(m_try, &Job::finished, this, &VerificationJob::onTryFinished);
    m_try->start();
    Q_EMIT tryStarted(m_verification, m_verification.attempts, m_policy.maxTries);
}

bool VerificationJob::retryLater(Job::Error error, std::optional<RetryPolicy::Ms> retryAfter)
{
    const auto delay = m_policy.nextDelay(m_verification.attempts, error,
                                          RetryPolicy::Ms(m_sinceFirstTry.elapsed()), retryAfter);
    if (!delay)
        return false;
    m_backoff.start(int(delay->count()));
    return true;
}

void VerificationJob::onTryFinished()
{
    ClearinghouseJob *attempt = m_try;
    if (!attempt || isFinished())
        return;
    m_try = nullptr;
    m_verification.durationMs += attempt->elapsedMs();
    m_verification.response = attempt->response();
    const Job::Error error = attempt->error();
    if (error == Job::Error::Cancelled)
        return;
    if (error != Job::Error::NoError) {
        if (retryLater(error, attempt->retryAfter()))
            return;
        QString message = attempt->errorString();
        if (m_verification.attempts > 1)
            message +=
                QLatin1Char(' ') + QCoreApplication::translate("Eligibility", "(%n tries)", nullptr,
                                                               m_verification.attempts);
        fail(verificationErrorFor(error), message);
        return;
    }

    // Parsing and matching a 271 can take a while for a large one: never on the UI thread.
    const EligibilityRequest request = m_request;
    const QByteArray response = m_verification.response;
    QFuture<Parsed> parsed = QtConcurrent::run([request, response] {
        Parsed p;
        EligibilityResponseParseResult read = EligibilityResponseParser::parse(response);
        if (!read.ok()) {
            p.error = read.error;
            return p;
        }
        p.issues = read.issues;
        p.match = AnswerMatcher::match(request, std::move(read));
        return p;
    });
    Async::whenReady(parsed, this, [this](Parsed p) { onParsed(std::move(p)); });
}

void VerificationJob::onParsed(Parsed parsed)
{
    if (isFinished() || m_completing)
        return;
    if (!parsed.error.isEmpty()) {
        fail(VerificationError::InvalidResponse,
             QCoreApplication::translate("Eligibility",
                                         "The clearinghouse answer could not be read: %1")
                 .arg(parsed.error));
        return;
    }
    if (!parsed.match.result) {
        fail(VerificationError::MismatchedAnswer, parsed.match.problem);
        return;
    }
    const EligibilityResult &result = *parsed.match.result;
    m_verification.result = result;
    m_verification.aaaCodes.clear();
    for (const AaaRejection &rejection : result.rejections)
        m_verification.aaaCodes.append(rejection.code);

    if (result.isRejected() || (!result.rejections.isEmpty() && result.benefits.isEmpty())) {
        bool transient = !result.rejections.isEmpty();
        for (const AaaRejection &rejection : result.rejections)
            transient = transient && rejection.isTransient();
        if (transient && retryLater(Job::Error::Busy))
            return;
        QStringList reasons;
        for (const AaaRejection &rejection : result.rejections)
            reasons << rejection.reason() + QLatin1Char(' ') + rejection.whatToFix();
        fail(transient ? VerificationError::PayerBusy : VerificationError::Rejected,
             reasons.join(QLatin1Char('\n')));
        return;
    }

    QStringList review = parsed.match.corrections;
    for (const RelatedEntity &payer : result.otherPayers) {
        review << QCoreApplication::translate("Eligibility",
                                              "%1 Confirm the order of benefits with the patient.")
                      .arg(payer.roleText());
    }
    const bool dependent = m_request.patientIsDependent;
    const QString sentFirst =
        dependent ? m_request.dependentFirstName : m_request.subscriberFirstName;
    const QString sentLast = dependent ? m_request.dependentLastName : m_request.subscriberLastName;
    const QDate sentDob =
        dependent ? m_request.dependentDateOfBirth : m_request.subscriberDateOfBirth;
    const PersonInfo &returned = result.dependent ? *result.dependent : result.subscriber;
    if (!sameText(sentLast, returned.lastName) || !sameText(sentFirst, returned.firstName)) {
        review << QCoreApplication::translate("Eligibility",
                                              "The payer has the name as %1 %2 (sent %3 %4).")
                      .arg(returned.firstName, returned.lastName, sentFirst, sentLast);
    }
    if (returned.dateOfBirth.isValid() && sentDob.isValid() && returned.dateOfBirth != sentDob) {
        review << QCoreApplication::translate("Eligibility",
                                              "The payer has the date of birth as %1 (sent %2).")
                      .arg(BenefitSummary::formatDate(returned.dateOfBirth),
                           BenefitSummary::formatDate(sentDob));
    }
    m_verification.status =
        review.isEmpty() ? VerificationStatus::Verified : VerificationStatus::ManualReview;
    m_verification.error = VerificationError::None;
    m_verification.errorMessage = review.join(QLatin1Char('\n'));
    complete();
}

void VerificationJob::fail(VerificationError error, const QString &message)
{
    m_verification.status = VerificationStatus::Failed;
    m_verification.error = error;
    m_verification.errorMessage = message;
    complete();
}

void VerificationJob::complete()
{
    if (m_completing || isFinished())
        return;
    m_completing = true;
    m_backoff.stop();
    m_verification.completedAt = m_context.clock();
    const Verification finished = m_verification;
    QFuture<StoreResult<Verification>> saved =
        m_context.store->write([finished](const QString &connection) {
            return VerificationRepository(connection).save(finished);
        });
    Async::whenReady(saved, this, [this](const StoreResult<Verification> &result) {
        if (isFinished())
            return;
        Job::Error error = jobErrorFor(m_verification.error);
        QString message = m_verification.errorMessage;
        if (result) {
            m_verification = *result;
        } else {
            // Left pending in the database: the next start closes it as interrupted.
            error = Job::Error::StorageError;
            message = result.error();
            m_verification.errorMessage +=
                (m_verification.errorMessage.isEmpty() ? QString() : QStringLiteral("\n")) +
                result.error();
        }
        Q_EMIT verificationFinished(m_verification);
        end(error, message);
    });
}

void VerificationJob::end(Job::Error error, const QString &message)
{
    finish(error, error == Job::Error::NoError ? QString() : message);
}

void VerificationJob::doCancel()
{
    m_shared->cancelled = true;
    m_backoff.stop();
    if (m_try) {
        ClearinghouseJob *attempt = m_try;
        m_try = nullptr;
        attempt->disconnect(this);
        attempt->cancel();
    }
    if (m_completing)
        return; // the outcome is being saved; it stands
    const QDateTime now = m_context.clock();
    const QString message = tr("Cancelled.");
    if (m_verification.id != 0 && m_verification.status == VerificationStatus::Pending) {
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::Cancelled;
        m_verification.errorMessage = message;
        m_verification.completedAt = now;
        const Verification cancelled = m_verification;
        // Fire and forget: a failure leaves the row pending, which the next start closes.
        m_context.store->write([cancelled](const QString &connection) {
            return VerificationRepository(connection).save(cancelled);
        });
        Q_EMIT verificationFinished(m_verification);
        return;
    }
    if (m_verification.id == 0 && m_patient.id != 0) {
        // The pending row may be on its way to the database: close it right behind it.
        const std::shared_ptr<Shared> shared = m_shared;
        m_context.store->write([shared, now, message](const QString &connection) {
            if (shared->rowId == 0)
                return StoreResult<Verification>::failure(message);
            VerificationRepository verifications(connection);
            auto row = verifications.find(shared->rowId);
            if (!row || !row->has_value())
                return StoreResult<Verification>::failure(row ? message : row.error());
            Verification cancelled = **row;
            cancelled.status = VerificationStatus::Failed;
            cancelled.error = VerificationError::Cancelled;
            cancelled.errorMessage = message;
            cancelled.completedAt = now;
            return verifications.save(cancelled);
        });
    }
    m_verification.status = VerificationStatus::Failed;
    m_verification.error = VerificationError::Cancelled;
    m_verification.errorMessage = message;
}
