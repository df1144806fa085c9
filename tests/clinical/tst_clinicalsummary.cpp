// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/clinicalsummary.h"

#include <QTest>

namespace {

ClinicalCode code(const QString &system, const QString &value, const QString &display)
{
    ClinicalCode c;
    c.system = system;
    c.code = value;
    c.display = display;
    return c;
}

const QString snomed = QStringLiteral("2.16.840.1.113883.6.96");
const QString rxnorm = QStringLiteral("2.16.840.1.113883.6.88");
const QString loinc = QStringLiteral("2.16.840.1.113883.6.1");

ClinicalEntry entry(ClinicalKind kind, const ClinicalCode &c, const QString &start = {})
{
    ClinicalEntry e;
    e.kind = kind;
    e.code = c;
    e.start = start;
    e.status = QStringLiteral("active");
    return e;
}

ClinicalSummary::Input input(qint64 id, const QString &title, QList<ClinicalEntry> entries,
                             QList<ClinicalSection> more = {})
{
    ClinicalSummary::Input in;
    in.source = {id, title, QStringLiteral("2026-01-01")};
    ClinicalSection section;
    section.title = QStringLiteral("Entries");
    section.narrativeText = QStringLiteral("text");
    section.entries = std::move(entries);
    in.record.sections = {section};
    in.record.sections.append(more);
    return in;
}

} // namespace

class TestClinicalSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergesOnCodeAndSystemOnly();
    void sameSystemByOidOrUri();
    void resultsMergeOnlyOnTheSameDay();
    void noKnownAllergiesIsNotAnAllergy();
    void inactiveAndNegatedLeftOut();
    void oldResultsLeftOut();
    void flagsNarrativeWithoutEntries();
    void unreadableCounted();
};

void TestClinicalSummary::mergesOnCodeAndSystemOnly()
{
    const ClinicalEntry htn = entry(ClinicalKind::Problem, code(snomed, QStringLiteral("59621000"),
                                                              QStringLiteral("Essential hypertension")));
    ClinicalEntry htnOtherWords = htn;
    htnOtherWords.code.display = QStringLiteral("High blood pressure");
    // The same words without a code never merge.
    ClinicalEntry wordsOnly = entry(ClinicalKind::Problem, {});
    wordsOnly.code.originalText = QStringLiteral("Essential hypertension");
    ClinicalEntry wordsOnly2 = wordsOnly;
    // The same code in another system is something else.
    const ClinicalEntry otherSystem = entry(ClinicalKind::Problem,
                                            code(QStringLiteral("2.16.840.1.113883.6.90"),
                                                 QStringLiteral("59621000"), QStringLiteral("x")));
    const ClinicalSummary summary = ClinicalSummary::build(
        {input(1, QStringLiteral("CCD A"), {htn, wordsOnly}),
         input(2, QStringLiteral("CCD B"), {htnOtherWords, wordsOnly2, otherSystem})},
        QDate(2026, 12, 1));
    QCOMPARE(summary.problems.size(), 4);
    QCOMPARE(summary.problems.first().sources.size(), 2);
    QCOMPARE(summary.problems.first().sources.at(0).title, QStringLiteral("CCD A"));
    QCOMPARE(summary.problems.first().sources.at(1).title, QStringLiteral("CCD B"));
    QCOMPARE(summary.problems.at(1).sources.size(), 1);
    QCOMPARE(summary.documents, 2);
}

void TestClinicalSummary::sameSystemByOidOrUri()
{
    const ClinicalEntry fromCcda = entry(ClinicalKind::Medication,
                                         code(rxnorm, QStringLiteral("197361"), QStringLiteral("amlodipine 5 MG")));
    const ClinicalEntry fromFhir = entry(ClinicalKind::Medication,
                                         code(QStringLiteral("http://www.nlm.nih.gov/research/umls/rxnorm"),
                                              QStringLiteral("197361"), QStringLiteral("Amlodipine")));
    const ClinicalSummary summary = ClinicalSummary::build(
        {input(1, QStringLiteral("CCD"), {fromCcda}), input(2, QStringLiteral("FHIR"), {fromFhir})},
        QDate(2026, 12, 1));
    QCOMPARE(summary.medications.size(), 1);
    QCOMPARE(summary.medications.first().sources.size(), 2);
}

void TestClinicalSummary::resultsMergeOnlyOnTheSameDay()
{
    ClinicalEntry a1c = entry(ClinicalKind::Result, code(loinc, QStringLiteral("4548-4"), QStringLiteral("HbA1c")),
                              QStringLiteral("2026-03-04"));
    a1c.value = QStringLiteral("7.2");
    a1c.unit = QStringLiteral("%");
    ClinicalEntry sameTimeLater = a1c;
    sameTimeLater.start = QStringLiteral("2026-03-04T10:30:00-05:00");
    ClinicalEntry nextVisit = a1c;
    nextVisit.start = QStringLiteral("2026-06-10");
    nextVisit.value = QStringLiteral("6.9");
    const ClinicalSummary summary = ClinicalSummary::build(
        {input(1, QStringLiteral("A"), {a1c}), input(2, QStringLiteral("B"), {sameTimeLater, nextVisit})},
        QDate(2026, 12, 1));
    QCOMPARE(summary.results.size(), 2);
    QCOMPARE(summary.results.first().entry.value, QStringLiteral("6.9")); // newest first
    QCOMPARE(summary.results.at(1).sources.size(), 2);
}

void TestClinicalSummary::noKnownAllergiesIsNotAnAllergy()
{
    ClinicalEntry nka = entry(ClinicalKind::Allergy, code(snomed, QStringLiteral("716186003"),
                                                         QStringLiteral("No known allergy")));
    nka.noKnown = true;
    const ClinicalEntry penicillin = entry(ClinicalKind::Allergy,
                                           code(rxnorm, QStringLiteral("7980"), QStringLiteral("Penicillin G")));
    ClinicalSummary summary = ClinicalSummary::build({input(1, QStringLiteral("A"), {nka})}, QDate(2026, 12, 1));
    QCOMPARE(summary.allergies.size(), 0);
    QCOMPARE(summary.noKnownAllergies.size(), 1);
    QVERIFY(!summary.isEmpty());
    summary = ClinicalSummary::build({input(1, QStringLiteral("A"), {nka}),
                                      input(2, QStringLiteral("B"), {penicillin})},
                                     QDate(2026, 12, 1));
    QCOMPARE(summary.allergies.size(), 1);
    QCOMPARE(summary.noKnownAllergies.size(), 1); // both are shown: the clerk decides
}

void TestClinicalSummary::inactiveAndNegatedLeftOut()
{
    ClinicalEntry resolved = entry(ClinicalKind::Problem, code(snomed, QStringLiteral("1"), QStringLiteral("a")));
    resolved.status = QStringLiteral("resolved");
    ClinicalEntry ended = entry(ClinicalKind::Medication, code(rxnorm, QStringLiteral("2"), QStringLiteral("b")));
    ended.status.clear();
    ended.end = QStringLiteral("2025-01-01");
    ClinicalEntry ruledOut = entry(ClinicalKind::Problem, code(snomed, QStringLiteral("44054006"), QStringLiteral("Diabetes")));
    ruledOut.negated = true;
    ClinicalEntry noStatus = entry(ClinicalKind::Medication, code(rxnorm, QStringLiteral("3"), QStringLiteral("c")));
    noStatus.status.clear();
    const ClinicalSummary summary = ClinicalSummary::build(
        {input(1, QStringLiteral("A"), {resolved, ended, ruledOut, noStatus})}, QDate(2026, 12, 1));
    QCOMPARE(summary.problems.size(), 0);
    QCOMPARE(summary.medications.size(), 1);
    QCOMPARE(summary.medications.first().entry.code.code, QStringLiteral("3"));
}

void TestClinicalSummary::oldResultsLeftOut()
{
    const ClinicalEntry old = entry(ClinicalKind::VitalSign, code(loinc, QStringLiteral("8480-6"), QStringLiteral("Systolic")),
                                    QStringLiteral("2020-01-01"));
    const ClinicalEntry recent = entry(ClinicalKind::VitalSign, code(loinc, QStringLiteral("8480-6"), QStringLiteral("Systolic")),
                                       QStringLiteral("2026-11-01"));
    const ClinicalSummary summary =
        ClinicalSummary::build({input(1, QStringLiteral("A"), {old, recent})}, QDate(2026, 12, 1));
    QCOMPARE(summary.vitalSigns.size(), 1);
    QCOMPARE(summary.vitalSigns.first().entry.start, QStringLiteral("2026-11-01"));
}

void TestClinicalSummary::flagsNarrativeWithoutEntries()
{
    ClinicalSection textOnly;
    textOnly.kind = ClinicalKind::Allergy;
    textOnly.title = QStringLiteral("Allergies");
    textOnly.narrativeText = QStringLiteral("Sulfa: hives");
    ClinicalSection entriesOnly;
    entriesOnly.kind = ClinicalKind::Medication;
    entriesOnly.title = QStringLiteral("Medications");
    entriesOnly.entries = {entry(ClinicalKind::Medication, code(rxnorm, QStringLiteral("9"), QStringLiteral("x")))};
    ClinicalSection noInformation = textOnly;
    noInformation.nullFlavor = QStringLiteral("NI");
    ClinicalSection unknown;
    unknown.title = QStringLiteral("Functional Status");
    unknown.narrativeText = QStringLiteral("Walks unaided");
    const ClinicalSummary summary = ClinicalSummary::build(
        {input(1, QStringLiteral("A"), {}, {textOnly, entriesOnly, noInformation, unknown})},
        QDate(2026, 12, 1));
    QCOMPARE(summary.flags.size(), 2);
    QCOMPARE(summary.flags.at(0).section, QStringLiteral("Allergies"));
    QVERIFY(summary.flags.at(0).problem.contains(QLatin1String("no coded entries")));
    QCOMPARE(summary.flags.at(1).section, QStringLiteral("Medications"));
}

void TestClinicalSummary::unreadableCounted()
{
    ClinicalEntry broken = entry(ClinicalKind::Allergy, {});
    broken.readable = false;
    broken.text = QStringLiteral("Allergy to ??");
    const ClinicalSummary summary =
        ClinicalSummary::build({input(1, QStringLiteral("A"), {broken, broken})}, QDate(2026, 12, 1));
    QCOMPARE(summary.unreadable, 2);
    QCOMPARE(summary.allergies.size(), 0);
}

QTEST_GUILESS_MAIN(TestClinicalSummary)
#include "tst_clinicalsummary.moc"
