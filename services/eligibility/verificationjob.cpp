// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/verificationjob.h"

#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/clearinghousejob.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/x12/eligibilityrequest.h"
#include "services/x12/eligibilityresponse.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace {
bool sameText(const QString &sent, const QString &returned)
{
    return returned.isEmpty() ||
           sent.trimmed().compare(returned.trimmed(), Qt::CaseInsensitive) == 0;
}

ClearinghouseJob::Error noError = ClearinghouseJob::Error::NoError;

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
} // namespace

VerificationJob::VerificationJob(EligibilityService *service, qint64 coverageId,
                                 VerifyOptions options)
    : QObject(service)
    , m_service(service)
    , m_coverageId(coverageId)
    , m_options(std::move(options))
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &VerificationJob::sendTry);
    m_verification.coverageId = coverageId;
}

void VerificationJob::run()
{
    if (m_done)
        return;
    EligibilityService &service = *m_service;
    const auto coverage = service.coverages().find(m_coverageId);
    const auto patient = coverage ? service.patients().find(coverage->patientId) : std::nullopt;
    if (!coverage || !patient) {
        // Nothing to store against: the coverage is gone.
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::InvalidRequest;
        m_verification.errorMessage = tr("This coverage no longer exists.");
        m_done = true;
        Q_EMIT finished();
        deleteLater();
        return;
    }

    const QDateTime now = service.now();
    const EligibilitySettings &settings = service.settings();
    const QDate serviceDate =
        m_options.serviceDate.isValid() ? m_options.serviceDate : now.toLocalTime().date();
    const QStringList serviceTypes = m_options.serviceTypes.isEmpty()
                                         ? QStringList{QStringLiteral("30")}
                                         : m_options.serviceTypes;
    const EligibilityRequest question = questionFor(*coverage, *patient);

    if (!m_options.force) {
        const auto latest = service.latest(m_coverageId);
        const bool answered = latest && (latest->status == VerificationStatus::Verified ||
                                         latest->status == VerificationStatus::ManualReview);
        if (answered && latest->completedAt >= now.addSecs(-3600LL * settings.reuseHours) &&
            sameQuestion(latest->request, question, serviceTypes)) {
            m_verification = *latest;
            m_reused = true;
            m_done = true;
            Q_EMIT finished();
            deleteLater();
            return;
        }
    }

    m_verification.patientId = patient->id;
    m_verification.status = VerificationStatus::Pending;
    m_verification.user = settings.user;
    m_verification.requestedAt = now;
    m_verification.serviceDate = serviceDate;
    m_verification.serviceTypes = serviceTypes.join(QLatin1Char(','));
    m_verification.retryOf = m_options.retryOf;

    // The row exists before anything is sent, so nothing is lost if we stop half way.
    auto saved = service.verifications().save(m_verification);
    if (!saved) {
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::InvalidRequest;
        m_verification.errorMessage = saved.error();
        m_done = true;
        Q_EMIT finished();
        deleteLater();
        return;
    }
    m_verification = saved.value();
    m_verification.traceNumber =
        QStringLiteral("%1-%2")
            .arg(m_verification.id, 8, 10, QLatin1Char('0'))
            .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
            .toUpper();
    service.audit().record(settings.user, QStringLiteral("verification.run"),
                           QStringLiteral("verification"), m_verification.id);

    EligibilityRequest request = question;
    request.senderId = settings.senderId;
    request.receiverId = settings.receiverId;
    request.production = settings.production;
    request.submitterReference = QString::number(m_verification.id);
    request.providerName = settings.providerName;
    request.providerNpi = settings.providerNpi;
    request.traceNumber = m_verification.traceNumber;
    request.serviceDate = serviceDate;
    request.serviceTypes = serviceTypes;
    m_sentFirst =
        request.patientIsDependent ? request.dependentFirstName : request.subscriberFirstName;
    m_sentLast =
        request.patientIsDependent ? request.dependentLastName : request.subscriberLastName;
    m_sentDob =
        request.patientIsDependent ? request.dependentDateOfBirth : request.subscriberDateOfBirth;

    QStringList missing;
    if (request.payerId.isEmpty())
        missing << tr("payer");
    if (request.memberId.isEmpty())
        missing << tr("member ID");
    if (request.subscriberLastName.isEmpty() || request.subscriberFirstName.isEmpty())
        missing << tr("subscriber name");
    if (!request.subscriberDateOfBirth.isValid())
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

    m_requestTemplate = request;
    Q_EMIT started(m_verification.id);
    Q_EMIT service.verificationStarted(m_coverageId, m_verification.id);
    sendTry();
}

void VerificationJob::sendTry()
{
    if (m_done)
        return;
    EligibilityRequest request = m_requestTemplate;
    request.controlNumber = m_service->nextControlNumber();
    request.createdAt = m_service->now();
    m_verification.request = EligibilityRequestBuilder::buildBytes(request);
    ++m_verification.attempts;

    const EligibilitySettings &settings = m_service->settings();
    m_try = new ClearinghouseJob(m_service->m_network, settings.clearinghouseUrl,
                                 m_verification.request, settings.timeoutMs, this);
    connect(m_try, &ClearinghouseJob::finished, this, &VerificationJob::onTryFinished);
    m_try->start();
}

bool VerificationJob::scheduleRetry()
{
    const EligibilitySettings &settings = m_service->settings();
    if (m_verification.attempts >= settings.maxTries)
        return false;
    // Exponential backoff with jitter (50-100 %) so a batch does not retry in lock step.
    const double base = settings.backoffBaseMs * double(1 << (m_verification.attempts - 1));
    const double jitter = 0.5 + 0.5 * QRandomGenerator::global()->generateDouble();
    m_backoff.start(int(base * jitter));
    return true;
}

void VerificationJob::onTryFinished()
{
    ClearinghouseJob *attempt = m_try;
    if (!attempt || m_done)
        return;
    m_try = nullptr;
    attempt->deleteLater();
    m_verification.durationMs += attempt->elapsedMs();
    m_verification.response = attempt->response();

    if (attempt->error() == ClearinghouseJob::Error::Cancelled)
        return;
    if (attempt->error() != noError) {
        if (attempt->isTransient() && scheduleRetry())
            return;
        VerificationError error = VerificationError::HttpError;
        switch (attempt->error()) {
        case ClearinghouseJob::Error::Timeout:
            error = VerificationError::Timeout;
            break;
        case ClearinghouseJob::Error::ServerError:
            error = VerificationError::ServerError;
            break;
        case ClearinghouseJob::Error::NetworkError:
            error = VerificationError::NetworkError;
            break;
        default:
            break;
        }
        QString message = attempt->errorString();
        if (m_verification.attempts > 1)
            message +=
                QLatin1Char(' ') + QCoreApplication::translate("Eligibility", "(%n attempt(s))",
                                                               nullptr, m_verification.attempts);
        fail(error, message);
        return;
    }

    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(m_verification.response);
    if (!parsed.ok() || parsed.results.isEmpty()) {
        fail(VerificationError::InvalidResponse,
             QCoreApplication::translate("Eligibility",
                                         "The clearinghouse answer could not be read: %1")
                 .arg(parsed.ok() ? tr("it holds no patient") : parsed.error));
        return;
    }
    EligibilityResult result = parsed.results.constFirst();
    for (const EligibilityResult &candidate : parsed.results) {
        if (candidate.traceNumber == m_verification.traceNumber) {
            result = candidate;
            break;
        }
    }
    m_verification.result = result;
    m_verification.aaaCodes.clear();
    for (const AaaRejection &rejection : result.rejections)
        m_verification.aaaCodes.append(rejection.code);

    if (result.isRejected() || (!result.rejections.isEmpty() && result.benefits.isEmpty())) {
        bool transient = !result.rejections.isEmpty();
        for (const AaaRejection &rejection : result.rejections)
            transient = transient && rejection.isTransient();
        if (transient && scheduleRetry())
            return;
        QStringList reasons;
        for (const AaaRejection &rejection : result.rejections)
            reasons << rejection.reason() + QLatin1Char(' ') + rejection.whatToFix();
        fail(transient ? VerificationError::PayerBusy : VerificationError::Rejected,
             reasons.join(QLatin1Char('\n')));
        return;
    }

    QStringList review;
    for (const RelatedEntity &payer : result.otherPayers) {
        review << QCoreApplication::translate("Eligibility",
                                              "%1 Confirm the order of benefits with the patient.")
                      .arg(payer.roleText());
    }
    const PersonInfo &returned = result.dependent ? *result.dependent : result.subscriber;
    if (!sameText(m_sentLast, returned.lastName) || !sameText(m_sentFirst, returned.firstName)) {
        review << QCoreApplication::translate("Eligibility",
                                              "The payer has the name as %1 %2 (sent %3 %4).")
                      .arg(returned.firstName, returned.lastName, m_sentFirst, m_sentLast);
    }
    if (returned.dateOfBirth.isValid() && m_sentDob.isValid() &&
        returned.dateOfBirth != m_sentDob) {
        review << QCoreApplication::translate("Eligibility",
                                              "The payer has the date of birth as %1 (sent %2).")
                      .arg(BenefitSummary::formatDate(returned.dateOfBirth),
                           BenefitSummary::formatDate(m_sentDob));
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
    if (m_done)
        return;
    m_done = true;
    m_backoff.stop();
    m_verification.completedAt = m_service->now();
    auto saved = m_service->verifications().save(m_verification);
    if (saved)
        m_verification = saved.value();
    else
        m_verification.errorMessage += QLatin1Char('\n') + saved.error();
    Q_EMIT m_service->verificationFinished(m_verification);
    Q_EMIT finished();
    deleteLater();
}

void VerificationJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    m_backoff.stop();
    if (m_try) {
        ClearinghouseJob *attempt = m_try;
        m_try = nullptr;
        attempt->disconnect(this);
        attempt->cancel();
        attempt->deleteLater();
    }
    if (m_verification.id == 0) {
        // Not started yet: nothing was stored or sent.
        m_done = true;
        m_verification.status = VerificationStatus::Failed;
        m_verification.error = VerificationError::Cancelled;
        Q_EMIT finished();
        deleteLater();
        return;
    }
    fail(VerificationError::Cancelled, tr("Cancelled."));
}
