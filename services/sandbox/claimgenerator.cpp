// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/claimgenerator.h"

#include "services/domain/claim.h"
#include "services/sandbox/datagenerator.h"
#include "services/store/claimbulkwriter.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"

#include <QRandomGenerator>
#include <QScopeGuard>

#include <iterator>

namespace {
constexpr int batchSize = 20000;
constexpr int patientSample = 20000;

struct Payer
{
    const char *insuranceId;
    const char *name;
    int share; // percent
};
constexpr Payer payers[] = {{"INS001", "BlueCross BlueShield", 35},
                            {"INS002", "Aetna Health", 28},
                            {"INS003", "United Healthcare", 25},
                            {"HI12345", "Health Insurance Premium", 12}};

struct Procedure
{
    const char *code;
    const char *description;
    qint64 chargeCents;
    int weight;
};
constexpr Procedure procedures[] = {
    {"99213", "Office visit, established, low", 15000, 30},
    {"99214", "Office visit, established, moderate", 22000, 20},
    {"99203", "Office visit, new, low", 19000, 8},
    {"93000", "Electrocardiogram", 8500, 8},
    {"80053", "Comprehensive metabolic panel", 4500, 10},
    {"71046", "Chest X-ray, 2 views", 12000, 6},
    {"97110", "Therapeutic exercise", 9500, 8},
    {"90471", "Immunization administration", 3000, 6},
    {"J1100", "Dexamethasone injection", 2500, 3},
    {"29881", "Knee arthroscopy with meniscectomy", 350000, 1}, // pended: over $2,000
};

struct Diagnosis
{
    const char *code;
    const char *description;
};
constexpr Diagnosis diagnoses[] = {
    {"J209", "Acute bronchitis"}, {"I10", "Essential hypertension"},
    {"E119", "Type 2 diabetes"},  {"M545", "Low back pain"},
    {"R05", "Cough"},             {"Z0000", "General adult exam"},
    {"M2361", "Meniscus tear"},   {"J069", "Upper respiratory infection"},
};

template<typename T, std::size_t N> const T &weighted(QRandomGenerator &random, const T (&items)[N])
{
    int total = 0;
    for (const T &item : items)
        total += item.weight;
    int pick = random.bounded(total);
    for (const T &item : items) {
        if (pick < item.weight)
            return item;
        pick -= item.weight;
    }
    return items[0];
}

const Payer &pickPayer(QRandomGenerator &random)
{
    int pick = random.bounded(100);
    for (const Payer &payer : payers) {
        if (pick < payer.share)
            return payer;
        pick -= payer.share;
    }
    return payers[0];
}

//! A status for a claim `age` days after its date of service, in per-mille shares.
ClaimStatus statusForAge(QRandomGenerator &random, int age)
{
    struct Share
    {
        ClaimStatus status;
        int perMille;
    };
    static const Share recent[] = {
        {ClaimStatus::Draft, 40},     {ClaimStatus::Queued, 60},   {ClaimStatus::Submitted, 150},
        {ClaimStatus::Accepted, 200}, {ClaimStatus::Pended, 120},  {ClaimStatus::Paid, 280},
        {ClaimStatus::PartiallyPaid, 50}, {ClaimStatus::Denied, 50}, {ClaimStatus::Rejected, 30},
        {ClaimStatus::Error, 20}};
    static const Share settled[] = {
        {ClaimStatus::Paid, 640},     {ClaimStatus::PartiallyPaid, 110}, {ClaimStatus::Denied, 80},
        {ClaimStatus::Closed, 50},    {ClaimStatus::Corrected, 25},      {ClaimStatus::Voided, 12},
        {ClaimStatus::Appealed, 20},  {ClaimStatus::Pended, 15},         {ClaimStatus::Accepted, 10},
        {ClaimStatus::Rejected, 20},  {ClaimStatus::Error, 8},           {ClaimStatus::Draft, 10}};
    const bool young = age < 45;
    const Share *shares = young ? recent : settled;
    const int count = young ? int(std::size(recent)) : int(std::size(settled));
    int pick = random.bounded(1000);
    for (int i = 0; i < count; ++i) {
        if (pick < shares[i].perMille)
            return shares[i].status;
        pick -= shares[i].perMille;
    }
    return ClaimStatus::Paid;
}
} // namespace

QString ClaimGenerator::generate(const QString &connection, const Options &options,
                                 const std::function<void(const QString &)> &progress)
{
    QRandomGenerator random(options.seed);
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int days = qMax(1, options.days);
    auto report = [&](const QString &message) {
        if (progress)
            progress(message);
    };

    PatientRepository patientRepository(connection);
    auto count = patientRepository.count();
    if (!count)
        return count.error();
    if (*count == 0) {
        DataGenerator::Options patients;
        patients.patients = options.patientsWhenNone;
        patients.days = 1;
        patients.appointmentsPerDay = 0;
        patients.seed = options.seed;
        const QString made = DataGenerator::generate(connection, patients, progress);
        if (!made.isEmpty())
            return made;
        count = patientRepository.count();
        if (!count)
            return count.error();
    }
    // A sample of the patients (generated ids run from 1): claims are spread over them.
    QList<qint64> ids;
    for (int i = 0; i < qMin(patientSample, *count); ++i)
        ids << 1 + random.bounded(*count);
    const auto found = patientRepository.findMany(ids);
    if (!found)
        return found.error();
    const QList<Patient> sample = *found;
    if (sample.isEmpty())
        return QStringLiteral("no patients to make claims for");

    Database::setBulkLoading(connection, true);
    const auto restore =
        qScopeGuard([&connection] { Database::setBulkLoading(connection, false); });
    ClaimBulkWriter writer(connection);
    qint64 payerNumber = 0;
    for (int from = 0; from < options.claims; from += batchSize) {
        const int size = qMin(batchSize, options.claims - from);
        QList<Claim> batch;
        batch.reserve(size);
        for (int i = 0; i < size; ++i) {
            const Patient &p = sample.at(random.bounded(int(sample.size())));
            const Payer &payer = pickPayer(random);
            Claim c;
            c.patientId = p.id;
            c.patientName = p.displayName();
            c.patientDateOfBirth = p.dateOfBirth;
            c.patientGender = p.gender;
            c.insuranceId = QLatin1String(payer.insuranceId);
            c.payerName = QLatin1String(payer.name);
            c.memberId = QStringLiteral("GEN%1").arg(p.id, 7, 10, QLatin1Char('0'));
            c.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                                 QStringLiteral("1234567893")};
            c.renderingProvider = {QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("1245319599")};
            const int age = random.bounded(days);
            c.dateOfService = today.addDays(-age);
            const Diagnosis &dx = diagnoses[random.bounded(int(std::size(diagnoses)))];
            c.diagnoses = {{QLatin1String(dx.code), QLatin1String(dx.description)}};
            const int lineCount = 1 + random.bounded(3);
            for (int l = 0; l < lineCount; ++l) {
                const Procedure &proc = weighted(random, procedures);
                const int units = proc.chargeCents < 10000 ? 1 + random.bounded(2) : 1;
                c.lines.append({QLatin1String(proc.code), {}, units, proc.chargeCents * units,
                                {1}, QLatin1String(proc.description)});
            }
            c.status = statusForAge(random, age);
            const qint64 billed = c.totalChargeCents();
            switch (c.status) {
            case ClaimStatus::Paid:
            case ClaimStatus::Closed:
            case ClaimStatus::Corrected:
                c.allowedCents = billed * (60 + random.bounded(26)) / 100;
                c.patientResponsibilityCents = c.allowedCents * (5 + random.bounded(21)) / 100;
                c.paidCents = c.allowedCents - c.patientResponsibilityCents;
                break;
            case ClaimStatus::PartiallyPaid:
                c.allowedCents = billed * (30 + random.bounded(30)) / 100;
                c.patientResponsibilityCents = c.allowedCents * (5 + random.bounded(21)) / 100;
                c.paidCents = c.allowedCents - c.patientResponsibilityCents;
                break;
            default:
                break;
            }
            const bool withPayor = claimStatusRank(c.status) >= 3 && c.status != ClaimStatus::Rejected;
            if (withPayor)
                c.payerClaimId = QStringLiteral("PCL-GEN-%1").arg(++payerNumber, 8, 10, QLatin1Char('0'));
            // Times: made a few days after the visit, changed within weeks, never in the future.
            const QDateTime visit = c.dateOfService.startOfDay(Qt::UTC).addSecs(8 * 3600);
            c.createdAt = qMin(now, visit.addSecs(random.bounded(5 * 86400)));
            c.statusChangedAt = qMin(now, c.createdAt.addSecs(random.bounded(40 * 86400)));
            c.updatedAt = qMin(now, c.statusChangedAt.addSecs(random.bounded(2 * 86400)));
            batch.append(c);
        }
        const auto written = writer.insertMany(batch);
        if (!written)
            return written.error();
        report(QStringLiteral("%1 of %2 claims").arg(from + size).arg(options.claims));
    }
    return {};
}
