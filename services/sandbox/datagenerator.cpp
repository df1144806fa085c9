// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/datagenerator.h"

#include "services/sandbox/sandboxclearinghouse.h"
#include "services/store/appointmentrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "services/x12/eligibilityresponse.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTime>

namespace {
constexpr int batchSize = 5000;

// Common US first names, and surnames weighted roughly as the census counts them: the first
// few are drawn far more often, so "smi" matches thousands and "zel" a handful.
const char *const firstNames[] = {
    "James",   "Mary",      "Robert",  "Patricia", "John",        "Jennifer", "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard",     "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Christopher", "Lisa",     "Daniel",  "Nancy",
    "Matthew", "Betty",     "Anthony", "Sandra",   "Mark",        "Margaret", "Donald",  "Ashley",
    "Steven",  "Kimberly",  "Paul",    "Emily",    "Andrew",      "Donna",    "Joshua",  "Michelle",
    "José",    "María",     "Luis",    "Sofía",    "Ángel",       "Lucía",    "Zoë",     "Chloé",
    "Noah",    "Olivia",    "Liam",    "Emma",     "Mateo",       "Ava",      "Ethan",   "Mia"};
const char *const lastNames[] = {
    "Smith",    "Johnson",   "Williams",   "Brown",     "Jones",    "Garcia",   "Miller",
    "Davis",    "Rodriguez", "Martinez",   "Hernandez", "Lopez",    "Gonzalez", "Wilson",
    "Anderson", "Thomas",    "Taylor",     "Moore",     "Jackson",  "Martin",   "Lee",
    "Perez",    "Thompson",  "White",      "Harris",    "Sanchez",  "Clark",    "Ramirez",
    "Lewis",    "Robinson",  "Walker",     "Young",     "Allen",    "King",     "Wright",
    "Scott",    "Torres",    "Nguyen",     "Hill",      "Flores",   "Green",    "Adams",
    "Nelson",   "Baker",     "Hall",       "Rivera",    "Campbell", "Mitchell", "Carter",
    "Roberts",  "Gómez",     "Phillips",   "Evans",     "Turner",   "Díaz",     "Parker",
    "Cruz",     "Edwards",   "Collins",    "Reyes",     "Stewart",  "Morris",   "Morales",
    "Murphy",   "Cook",      "Rogers",     "Gutiérrez", "Ortiz",    "Morgan",   "Cooper",
    "Peterson", "Bailey",    "Reed",       "Kelly",     "Howard",   "Ramos",    "Kim",
    "Cox",      "Ward",      "Richardson", "Watson",    "Brooks",   "Chávez",   "Wood",
    "James",    "Bennett",   "Gray",       "Mendoza",   "Ruiz",     "Hughes",   "Price",
    "Álvarez",  "Castillo",  "Sanders",    "Patel",     "Myers",    "Long",     "Ross",
    "Foster",   "Jiménez",   "Zelinski",   "Quintero",  "Yamamoto", "Okafor",   "Zhou"};
const char *const streets[] = {"Main St", "Oak Ave", "Pine Rd",  "Maple Dr", "Cedar Ln",
                               "Elm Ct",  "Mill St", "River Rd", "Park Ave", "Lake Dr"};
const char *const cities[][3] = {{"Springfield", "OR", "97477"}, {"Eugene", "OR", "97401"},
                                 {"Salem", "OR", "97301"},       {"Portland", "OR", "97205"},
                                 {"Corvallis", "OR", "97330"},   {"Albany", "OR", "97321"}};
const char *const providers[] = {"Dr. Anita Patel",  "Dr. Marcus Chen", "Dr. Lena Ortiz",
                                 "Dr. Samuel Price", "Dr. Grace Kim",   "Dr. Omar Haddad"};
const char *const visitTypes[] = {"Follow-up",  "New patient", "Annual physical", "Sick visit",
                                  "Lab review", "Vaccines",    "Chronic care"};
const char *const payerIds[] = {"INS001", "INS002", "INS003", "HI12345"};

// Sandbox member profiles (first four characters of a member ID) in realistic shares out of
// 1000: mostly active plans, then inactive, other payer primary, rejections.
struct Profile
{
    const char *prefix;
    int share;
};
const Profile profiles[] = {{"ACT1", 560}, {"ACT2", 250}, {"INA5", 50}, {"COB4", 50},
                            {"BAD6", 40},  {"NAM7", 20},  {"NOF8", 30}};

// A surname index drawn with a long tail: index i is drawn about as often as 1/(i+3).
int surnameIndex(QRandomGenerator &random)
{
    static const QList<double> cumulative = [] {
        QList<double> c;
        double sum = 0;
        for (qsizetype i = 0; i < qsizetype(std::size(lastNames)); ++i) {
            sum += 1.0 / double(i + 3);
            c.append(sum);
        }
        for (double &value : c)
            value /= sum;
        return c;
    }();
    const double x = random.generateDouble();
    const auto it = std::lower_bound(cumulative.cbegin(), cumulative.cend(), x);
    return int(qMin<qsizetype>(it - cumulative.cbegin(), cumulative.size() - 1));
}

const char *profileFor(QRandomGenerator &random)
{
    int x = int(random.bounded(1000));
    for (const Profile &profile : profiles) {
        if (x < profile.share)
            return profile.prefix;
        x -= profile.share;
    }
    return "ACT1";
}

Patient randomPatient(QRandomGenerator &random, int number)
{
    Patient p;
    p.firstName = QString::fromUtf8(firstNames[random.bounded(int(std::size(firstNames)))]);
    p.lastName = QString::fromUtf8(lastNames[surnameIndex(random)]);
    if (random.bounded(10) == 0) // one in ten has a middle name
        p.middleName = QString::fromUtf8(firstNames[random.bounded(int(std::size(firstNames)))]);
    p.dateOfBirth = QDate(1930, 1, 1).addDays(random.bounded(34000));
    p.gender = random.bounded(2) ? Gender::Female : Gender::Male;
    p.mrn = QStringLiteral("MRN%1").arg(number, 7, 10, QLatin1Char('0'));
    const auto *city = cities[random.bounded(int(std::size(cities)))];
    p.address = {QStringLiteral("%1 %2")
                     .arg(random.bounded(1, 9999))
                     .arg(QLatin1String(streets[random.bounded(int(std::size(streets)))])),
                 {},
                 QLatin1String(city[0]),
                 QLatin1String(city[1]),
                 QLatin1String(city[2])};
    p.phone = QStringLiteral("541-555-%1").arg(random.bounded(10000), 4, 10, QLatin1Char('0'));
    return p;
}

//! One attempt on `coverage` at `requested`, with the 270 and the 271 the sandbox answers.
Verification randomVerification(QRandomGenerator &random, SandboxClearinghouse &clearinghouse,
                                const Patient &patient, const Coverage &coverage,
                                const QDateTime &requested, int number)
{
    EligibilityRequest request;
    request.controlNumber = number % 999999999 + 1;
    request.createdAt = requested;
    request.submitterReference = QString::number(number);
    request.payerId = coverage.payerId;
    request.payerName = coverage.payerName;
    request.providerName = QStringLiteral("Springfield Family Clinic");
    request.providerNpi = QStringLiteral("1234567893");
    request.traceNumber = QStringLiteral("%1-G").arg(number, 8, 10, QLatin1Char('0'));
    request.memberId = coverage.memberId;
    request.groupNumber = coverage.groupNumber;
    request.subscriberFirstName = patient.firstName;
    request.subscriberLastName = patient.lastName;
    request.subscriberDateOfBirth = patient.dateOfBirth;
    request.subscriberGender = genderCode(patient.gender);
    request.serviceDate = requested.toLocalTime().date();

    Verification v;
    v.coverageId = coverage.id;
    v.patientId = patient.id;
    v.user = QStringLiteral("frontdesk%1").arg(1 + random.bounded(4));
    v.requestedAt = requested;
    v.serviceDate = request.serviceDate;
    v.serviceTypes = QStringLiteral("30");
    v.traceNumber = request.traceNumber;
    v.attempts = 1;
    v.request = EligibilityRequestBuilder::buildBytes(request);

    const int transport = int(random.bounded(1000));
    if (transport < 15) { // timeouts and outages do happen
        const bool timeout = transport < 10;
        v.status = VerificationStatus::Failed;
        v.error = timeout ? VerificationError::Timeout : VerificationError::ServerError;
        v.attempts = 3;
        v.durationMs = timeout ? 90000 + int(random.bounded(500)) : 600 + int(random.bounded(400));
        v.errorMessage = timeout ? QStringLiteral("The clearinghouse did not answer within 30 "
                                                  "seconds. Try again in a few minutes.")
                                 : QStringLiteral("The clearinghouse is unavailable (HTTP 503). "
                                                  "Try again in a few minutes.");
    } else {
        const QList<EligibilityResult> results = clearinghouse.resultsFor(request, 3);
        EligibilityResponseEnvelope envelope;
        envelope.controlNumber = request.controlNumber;
        envelope.createdAt = requested;
        envelope.submitterReference = request.submitterReference;
        v.response = EligibilityResponseBuilder::buildBytes(results, envelope);
        const EligibilityResult &result = results.constFirst();
        v.result = result;
        v.durationMs = 150 + int(random.bounded(900)) +
                       (random.bounded(50) == 0 ? int(random.bounded(8000)) : 0);
        for (const AaaRejection &rejection : result.rejections)
            v.aaaCodes.append(rejection.code);
        if (result.isRejected()) {
            v.status = VerificationStatus::Failed;
            v.error = VerificationError::Rejected;
            QStringList reasons;
            for (const AaaRejection &rejection : result.rejections)
                reasons << rejection.reason() + QLatin1Char(' ') + rejection.whatToFix();
            v.errorMessage = reasons.join(QLatin1Char('\n'));
        } else if (result.hasOtherPayers()) {
            v.status = VerificationStatus::ManualReview;
            v.errorMessage = result.otherPayers.constFirst().roleText();
        } else {
            v.status = VerificationStatus::Verified;
        }
    }
    v.completedAt = requested.addMSecs(v.durationMs);
    return v;
}
} // namespace

QString DataGenerator::generate(const QString &connection, const Options &options,
                                const std::function<void(const QString &)> &progress)
{
    QRandomGenerator random(options.seed);
    const QDate lastDay = options.lastDay.isValid() ? options.lastDay : QDate::currentDate();
    const int days = qMax(1, options.days);
    const QDateTime firstMoment = lastDay.addDays(-(days - 1)).startOfDay();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto report = [&](const QString &message) {
        if (progress)
            progress(message);
    };

    // A generated database can be made again: commits need not wait for the disk.
    Database::setBulkLoading(connection, true);
    const auto restore =
        qScopeGuard([&connection] { Database::setBulkLoading(connection, false); });
    PatientRepository patientRepository(connection);
    CoverageRepository coverageRepository(connection);
    VerificationRepository verificationRepository(connection);
    SandboxClearinghouse clearinghouse;
    QList<qint64> patientIds; // for the schedule
    patientIds.reserve(options.patients);
    int verificationsMade = 0;

    // Batch by batch, each batch's patients with their coverages and their share of the
    // verifications, so memory stays small whatever the size.
    for (int from = 0; from < options.patients; from += batchSize) {
        const int count = qMin(batchSize, options.patients - from);
        QList<Patient> batch;
        batch.reserve(count);
        for (int i = from; i < from + count; ++i)
            batch.append(randomPatient(random, i + 1));
        const auto stored = patientRepository.insertMany(batch);
        if (!stored)
            return stored.error();

        QList<Coverage> batchCoverages;
        QList<int> owner; // index in *stored of each coverage's patient
        for (qsizetype k = 0; k < stored->size(); ++k) {
            const Patient &p = stored->at(k);
            patientIds.append(p.id);
            // Member IDs are unique: the profile, the coverage order and the patient's number.
            const int coverageCount = random.bounded(100) < 15 ? 2 : 1;
            for (int order = 1; order <= coverageCount; ++order) {
                Coverage c;
                c.patientId = p.id;
                c.payerId = QLatin1String(payerIds[random.bounded(int(std::size(payerIds)))]);
                c.payerName = SandboxClearinghouse::payerName(c.payerId);
                c.memberId = QStringLiteral("%1%2%3")
                                 .arg(QLatin1String(order == 1 ? profileFor(random) : "ACT1"))
                                 .arg(order)
                                 .arg(from + int(k) + 1, 7, 10, QLatin1Char('0'));
                c.groupNumber = QStringLiteral("GRP%1").arg(10001 + random.bounded(40));
                c.order = CoverageOrder(order);
                batchCoverages.append(c);
                owner.append(int(k));
            }
        }
        const auto coverages = coverageRepository.insertMany(batchCoverages);
        if (!coverages)
            return coverages.error();

        const qint64 due =
            qint64(options.verifications) * (from + count) / qMax(1, options.patients);
        QList<Verification> verifications;
        while (verificationsMade < due) {
            const int pick = int(random.bounded(int(coverages->size())));
            QDateTime requested = firstMoment.addDays(random.bounded(days))
                                      .addSecs(8 * 3600 + random.bounded(9 * 3600))
                                      .toUTC();
            if (requested > now) // later today has not happened yet
                requested = now.addSecs(-qint64(random.bounded(3600)));
            verifications.append(randomVerification(random, clearinghouse,
                                                    stored->at(owner.at(pick)), coverages->at(pick),
                                                    requested, ++verificationsMade));
        }
        const auto saved = verificationRepository.insertMany(verifications);
        if (!saved)
            return saved.error();
        report(QStringLiteral("%1 of %2 patients, %3 verifications")
                   .arg(from + count)
                   .arg(options.patients)
                   .arg(verificationsMade));
    }

    // The schedule: each day's visits from 8:00 in 15-minute slots, one column per provider.
    AppointmentRepository appointmentRepository(connection);
    const int perDay = qMin(options.appointmentsPerDay, int(patientIds.size()));
    for (int d = days - 1; d >= 0 && perDay > 0; --d) {
        const QDate day = lastDay.addDays(-d);
        QList<Appointment> batch;
        batch.reserve(perDay);
        for (int i = 0; i < perDay; ++i) {
            Appointment a;
            a.patientId = patientIds.at(random.bounded(int(patientIds.size())));
            a.start = QDateTime(day, QTime(8, 0).addSecs((i % 36) * 15 * 60)).toUTC();
            a.durationMinutes = 15;
            a.provider = QLatin1String(providers[(i / 36) % int(std::size(providers))]);
            a.visitType = QLatin1String(visitTypes[random.bounded(int(std::size(visitTypes)))]);
            batch.append(a);
        }
        const auto saved = appointmentRepository.insertMany(batch);
        if (!saved)
            return saved.error();
    }
    report(QStringLiteral("%1 appointments over %2 days").arg(perDay * days).arg(days));
    return {};
}
