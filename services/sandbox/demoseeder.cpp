// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/demoseeder.h"

#include "services/clinical/clinicalsummary.h"
#include "services/store/appointmentrepository.h"
#include "services/store/chartrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"

#include <QTime>

namespace {

//! A chart line as the front desk typed it, keyed like the outside records' statements.
ChartItem chartLine(qint64 patientId, ChartKind kind, const char *code, const char *system,
                    const char *systemName, const char *display)
{
    ChartItem item;
    item.patientId = patientId;
    item.kind = kind;
    item.code = QLatin1String(code);
    item.codeSystem = QLatin1String(system);
    item.codeSystemName = QLatin1String(systemName);
    item.display = QLatin1String(display);
    ClinicalEntry entry;
    entry.kind = kind == ChartKind::Allergy      ? ClinicalKind::Allergy
                 : kind == ChartKind::Medication ? ClinicalKind::Medication
                                                 : ClinicalKind::Problem;
    entry.code.code = item.code;
    entry.code.system = item.codeSystem;
    item.matchKey = ClinicalSummary::mergeKey(entry);
    return item;
}

/*
  Kyla Brown's chart before her outside records come: penicillin with a milder reaction than
  the network knows (the reconciliation shows the difference), her hypertension as the
  network has it, and a medication the network does not list.
 */
QList<ChartItem> kylasChart(qint64 patientId)
{
    const char *rxnorm = "2.16.840.1.113883.6.88";
    const char *snomed = "2.16.840.1.113883.6.96";
    ChartItem penicillin =
        chartLine(patientId, ChartKind::Allergy, "70618", rxnorm, "RxNorm", "Penicillin");
    penicillin.reaction = QStringLiteral("Hives");
    penicillin.severity = QStringLiteral("mild");
    ChartItem hypertension = chartLine(patientId, ChartKind::Problem, "38341003", snomed,
                                       "SNOMED CT", "Hypertensive disorder, systemic arterial");
    hypertension.onset = QStringLiteral("1989-03-01");
    ChartItem lisinopril = chartLine(patientId, ChartKind::Medication, "314076", rxnorm, "RxNorm",
                                     "lisinopril 10 MG Oral Tablet");
    lisinopril.dose = QStringLiteral("10 mg");
    lisinopril.route = QStringLiteral("oral");
    lisinopril.frequency = QStringLiteral("once a day");
    return {penicillin, hypertension, lisinopril};
}
struct DemoCoverage
{
    const char *payerId;
    const char *payerName;
    const char *memberId;
    const char *group;
    CoverageOrder order;
    SubscriberRelationship relationship = SubscriberRelationship::Self;
    Subscriber subscriber = {};
};

struct DemoPatient
{
    const char *first;
    const char *last;
    QDate dob;
    Gender gender;
    const char *street;
    const char *city;
    const char *state;
    const char *zip;
    const char *phone;
    QList<DemoCoverage> coverages;
    // appointments: day offset (0 today, 1 tomorrow), time, provider, visit type
    QList<std::tuple<int, QTime, const char *, const char *>> visits;
};

QList<DemoPatient> demoPatients()
{
    const char *patel = "Dr. Anita Patel";
    const char *chen = "Dr. Marcus Chen";
    const Subscriber chris{QStringLiteral("Chris"), QStringLiteral("Smith"), QDate(1995, 1, 1),
                           Gender::Male};
    return {
        {"Jane",
         "Smith",
         QDate(1996, 2, 10),
         Gender::Female,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0101",
         {{"INS001", "BlueCross BlueShield", "ACT100001", "GRP10001", CoverageOrder::Primary},
          {"INS002", "Aetna Health", "ACT200102", "GRP20002", CoverageOrder::Secondary}},
         {{0, QTime(9, 0), patel, "Follow-up"}, {1, QTime(9, 30), patel, "Therapy check-in"}}},
        {"Chris",
         "Smith",
         QDate(1995, 1, 1),
         Gender::Male,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0102",
         {{"INS002", "Aetna Health", "ACT200002", "GRP20002", CoverageOrder::Primary}},
         {{0, QTime(9, 30), chen, "Nephrology follow-up"}, {1, QTime(10, 0), chen, "Lab review"}}},
        {"Lily",
         "Smith",
         QDate(2016, 5, 14),
         Gender::Female,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0102",
         {{"INS003", "United Healthcare", "DEP300003", "GRP30003", CoverageOrder::Primary,
           SubscriberRelationship::Child, chris}},
         {{0, QTime(10, 0), patel, "Well child visit"}, {1, QTime(10, 30), patel, "Vaccines"}}},
        {"Kyla",
         "Brown",
         QDate(1927, 5, 23),
         Gender::Female,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0103",
         {{"INS003", "United Healthcare", "COB400004", "GRP40004", CoverageOrder::Primary}},
         {{0, QTime(10, 30), chen, "Hypertension follow-up"},
          {1, QTime(11, 0), chen, "Diabetes check"}}},
        {"Andreas",
         "Brown",
         QDate(1952, 1, 1),
         Gender::Male,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0104",
         {{"INS001", "BlueCross BlueShield", "INA500005", "GRP50005", CoverageOrder::Primary}},
         {{0, QTime(11, 0), patel, "Diabetes follow-up"},
          {1, QTime(13, 0), patel, "Annual physical"}}},
        {"Ollie",
         "Brown",
         QDate(1946, 3, 18),
         Gender::Male,
         "123 DustyDepot Ave",
         "Springfield",
         "OR",
         "97477",
         "541-555-0105",
         {{"HI12345", "Health Insurance Premium", "BSY900009", "", CoverageOrder::Primary}},
         {{0, QTime(13, 30), chen, "Anxiety follow-up"}, {1, QTime(13, 30), chen, "Follow-up"}}},
        {"Maria",
         "Garcia",
         QDate(1988, 8, 3),
         Gender::Female,
         "77 Mill St",
         "Eugene",
         "OR",
         "97401",
         "541-555-0106",
         {{"INS002", "Aetna Health", "BAD600006", "", CoverageOrder::Primary}},
         {{0, QTime(14, 0), patel, "New patient"}, {1, QTime(14, 0), patel, "Follow-up"}}},
        {"David",
         "Lee",
         QDate(1979, 11, 30),
         Gender::Male,
         "9 Oak Ridge Rd",
         "Eugene",
         "OR",
         "97402",
         "541-555-0107",
         {{"INS003", "United Healthcare", "NAM700007", "", CoverageOrder::Primary}},
         {{0, QTime(14, 30), chen, "Sick visit"}, {1, QTime(14, 30), chen, "Follow-up"}}},
        {"Sarah",
         "Johnson",
         QDate(1990, 4, 22),
         Gender::Female,
         "410 Pine St",
         "Springfield",
         "OR",
         "97477",
         "541-555-0108",
         {{"INS001", "BlueCross BlueShield", "NOF800008", "", CoverageOrder::Primary}},
         {{0, QTime(15, 0), patel, "Annual physical"}, {1, QTime(15, 0), patel, "Lab review"}}},
        {"Tom",
         "Wilson",
         QDate(1969, 9, 9),
         Gender::Male,
         "18 River Rd",
         "Springfield",
         "OR",
         "97478",
         "541-555-0109",
         {{"INS002", "Aetna Health", "SLOW00010", "", CoverageOrder::Primary}},
         {{0, QTime(16, 0), chen, "Follow-up"}}},
        {"Emily",
         "Davis",
         QDate(1984, 12, 1),
         Gender::Female,
         "5 Cedar Ct",
         "Springfield",
         "OR",
         "97477",
         "541-555-0110",
         {{"INS003", "United Healthcare", "ERR500011", "", CoverageOrder::Primary}},
         {{1, QTime(16, 0), patel, "New patient"}}},
        {"Robert",
         "Miller",
         QDate(1958, 6, 17),
         Gender::Male,
         "220 Elm St",
         "Springfield",
         "OR",
         "97477",
         "541-555-0111",
         {{"INS001", "BlueCross BlueShield", "ACT100211", "GRP10001", CoverageOrder::Primary},
          {"INS002", "Aetna Health", "ACT200212", "GRP20002", CoverageOrder::Secondary},
          {"INS003", "United Healthcare", "COB400213", "GRP40004", CoverageOrder::Tertiary}},
         {{0, QTime(15, 30), chen, "Cardiology consult"}, {1, QTime(8, 30), chen, "Follow-up"}}},
    };
}
} // namespace

QString DemoSeeder::seedIfEmpty(const QDate &today)
{
    PatientRepository patients(m_connection);
    CoverageRepository coverages(m_connection);
    AppointmentRepository appointments(m_connection);
    const auto empty = patients.isEmpty();
    if (!empty)
        return empty.error();
    const bool seedPatients = *empty;
    // A training database outlives the day it was made: give it a schedule for today again.
    const auto todays = appointments.forDay(today);
    if (!todays)
        return todays.error();
    const bool seedSchedule = todays->isEmpty();
    if (!seedPatients && !seedSchedule)
        return {};

    TransactionGuard transaction(Database::connection(m_connection));
    for (const DemoPatient &demo : demoPatients()) {
        Patient p;
        p.firstName = QLatin1String(demo.first);
        p.lastName = QLatin1String(demo.last);
        p.dateOfBirth = demo.dob;
        if (seedPatients) {
            p.gender = demo.gender;
            p.address = {QLatin1String(demo.street),
                         {},
                         QLatin1String(demo.city),
                         QLatin1String(demo.state),
                         QLatin1String(demo.zip)};
            p.phone = QLatin1String(demo.phone);
            p.email = QStringLiteral("%1.%2@example.org")
                          .arg(p.firstName.toLower(), p.lastName.toLower());
            const auto saved = patients.save(p);
            if (!saved)
                return saved.error();
            p = saved.value();
            for (const DemoCoverage &dc : demo.coverages) {
                Coverage c;
                c.patientId = p.id;
                c.payerId = QLatin1String(dc.payerId);
                c.payerName = QLatin1String(dc.payerName);
                c.memberId = QLatin1String(dc.memberId);
                c.groupNumber = QLatin1String(dc.group);
                c.order = dc.order;
                c.relationship = dc.relationship;
                c.subscriber = dc.subscriber;
                const auto stored = coverages.save(c);
                if (!stored)
                    return stored.error();
            }
            if (p.firstName == QLatin1String("Kyla")) {
                ChartRepository chart(m_connection);
                for (const ChartItem &line : kylasChart(p.id)) {
                    const auto added = chart.addItem(line, QStringLiteral("training"));
                    if (!added)
                        return added.error();
                }
            }
        } else {
            const auto page = patients.search(p.lastName + QLatin1Char(' ') + p.firstName, 50);
            if (!page)
                return page.error();
            const QList<Patient> &found = page->patients;
            const auto match = std::find_if(found.cbegin(), found.cend(), [&](const Patient &f) {
                return f.firstName == p.firstName && f.lastName == p.lastName &&
                       f.dateOfBirth == p.dateOfBirth;
            });
            if (match == found.cend())
                continue; // renamed or removed by a trainee: no visit for them
            p = *match;
        }
        for (const auto &[offset, time, provider, visitType] : demo.visits) {
            Appointment a;
            a.patientId = p.id;
            a.start = QDateTime(today.addDays(offset), time).toUTC();
            a.durationMinutes = 30;
            a.provider = QLatin1String(provider);
            a.visitType = QLatin1String(visitType);
            a.uid = Appointment::derivedUid(p.mrn, a.start); // the same on every training desk
            const auto stored = appointments.save(a);
            if (!stored)
                return stored.error();
        }
    }
    if (!transaction.commit())
        return QStringLiteral("Could not save the demo data.");
    return {};
}
