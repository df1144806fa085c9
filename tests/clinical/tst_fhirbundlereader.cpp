// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirbundlereader.h"
#include "services/clinical/fhirnarrative.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CLINICDESK_TEST_DATA "/clinical/fhir/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

ClinicalRecord readFixture(const QString &name)
{
    const ClinicalReadResult result = FhirBundleReader::read(fixture(name));
    if (!result.ok())
        qWarning("%s: %s", qPrintable(name), qPrintable(result.error.message));
    return result.record;
}

QList<ClinicalEntry> entriesOf(const ClinicalRecord &record, ClinicalKind kind)
{
    QList<ClinicalEntry> out;
    for (const ClinicalEntry *entry : record.entries()) {
        if (entry->kind == kind)
            out.append(*entry);
    }
    return out;
}

const ClinicalSection *sectionOf(const ClinicalRecord &record, ClinicalKind kind)
{
    for (const ClinicalSection &section : record.sections) {
        if (section.kind == kind)
            return &section;
    }
    return nullptr;
}

QString detail(const ClinicalEntry &entry, const QString &label)
{
    for (const auto &[key, value] : entry.details) {
        if (key == label)
            return value;
    }
    return {};
}

// A collection of `count` conditions named "Problem <n>", compact.
QByteArray conditions(int count)
{
    QByteArray json = R"({"resourceType":"Bundle","type":"collection","entry":[)";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            json += ',';
        json += QStringLiteral(R"({"fullUrl":"urn:uuid:c%1","resource":{"resourceType":)"
                               R"("Condition","id":"c%1","code":{"text":"Problem %1"}}})")
                    .arg(i)
                    .toUtf8();
    }
    return json + "]}";
}

// The byte a Malformed message names; -1 when it names none.
qsizetype namedByte(const QString &message)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("at byte (\\d+)")).match(message);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

class TestFhirBundleReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allergyFieldByField();
    void noKnownAllergyIsNotAnAllergy();
    void refutedAllergyIsNegated();
    void containedMedication();
    void referencedMedications();
    void conditionWithTranslations();
    void refutedCondition();
    void immunization();
    void notDoneImmunization();
    void resultPanel();
    void vitalSignsComponentsAndMembers();
    void panelWithoutItsMembersIsShown();
    void encounterReferences();
    void procedureConditionalReference();
    void documentBundleHeaderAndNarratives();
    void attachments();
    void unreadableResourcesKept();
    void unknownTypesCounted();
    void singleResource();
    void anyBundleType_data();
    void anyBundleType();
    void sectionsInStableOrder();
    void malformed();
    void notFhir_data();
    void notFhir();
    void tooDeepIsFast();
    void deepButAllowed();
    void tooLarge();
    void narrativeSanitized();
    void malformedByteInTheMiddleNamed();
    void notUtf8InTheMiddle();
    void deepObjectsInAnEntry();
    void numberBeyond64BitsRead();
    void repeatedNameTakesTheLast();
    void laterEntryWithTheSameFullUrlWins();
    void escapedStrings();
    void inputWithAndWithoutSpareCapacity();
};

void TestFhirBundleReader::allergyFieldByField()
{
    const ClinicalRecord record = readFixture(QStringLiteral("allergy.json"));
    QCOMPARE(record.format, ClinicalRecord::Format::Fhir);
    const QList<ClinicalEntry> allergies = entriesOf(record, ClinicalKind::Allergy);
    QCOMPARE(allergies.size(), 1);
    const ClinicalEntry &peanut = allergies.first();
    QVERIFY(peanut.readable);
    QVERIFY(!peanut.noKnown);
    QVERIFY(!peanut.negated);
    QCOMPARE(peanut.id, QStringLiteral("peanut"));
    QCOMPARE(peanut.code.code, QStringLiteral("91935009"));
    QCOMPARE(peanut.code.systemName, QStringLiteral("SNOMED CT"));
    QCOMPARE(peanut.code.display, QStringLiteral("Allergy to peanut"));
    QCOMPARE(peanut.code.originalText, QStringLiteral("Peanuts"));
    QCOMPARE(peanut.status, QStringLiteral("active"));
    QCOMPARE(peanut.category, QStringLiteral("food"));
    QCOMPARE(peanut.criticality, QStringLiteral("high"));
    QCOMPARE(peanut.severity, QStringLiteral("severe"));
    QCOMPARE(peanut.start, QStringLiteral("2004-06"));
    QCOMPARE(peanut.reactions.size(), 2);
    QCOMPARE(peanut.reactions.at(0).display, QStringLiteral("Anaphylaxis"));
    QCOMPARE(peanut.reactions.at(1).code, QStringLiteral("247472004"));
    QCOMPARE(record.count(ClinicalKind::Allergy), 1);
}

void TestFhirBundleReader::noKnownAllergyIsNotAnAllergy()
{
    const ClinicalRecord record = readFixture(QStringLiteral("allergy-no-known.json"));
    const QList<ClinicalEntry> allergies = entriesOf(record, ClinicalKind::Allergy);
    QCOMPARE(allergies.size(), 2);
    QVERIFY(allergies.at(0).noKnown);
    QVERIFY(allergies.at(1).noKnown);
    QVERIFY(allergies.at(0).readable);
    QCOMPARE(record.count(ClinicalKind::Allergy), 0);
    // The section is there, with its statements: "no known allergies" is not "no information".
    const ClinicalSection *section = sectionOf(record, ClinicalKind::Allergy);
    QVERIFY(section);
    QCOMPARE(section->entries.size(), 2);
}

void TestFhirBundleReader::refutedAllergyIsNegated()
{
    const QList<ClinicalEntry> allergies =
        entriesOf(readFixture(QStringLiteral("allergy-refuted.json")), ClinicalKind::Allergy);
    QCOMPARE(allergies.size(), 1);
    QVERIFY(allergies.first().negated);
    QVERIFY(!allergies.first().noKnown);
    QCOMPARE(allergies.first().code.code, QStringLiteral("7980"));
}

void TestFhirBundleReader::containedMedication()
{
    const QList<ClinicalEntry> medications = entriesOf(
        readFixture(QStringLiteral("medication-contained.json")), ClinicalKind::Medication);
    QCOMPARE(medications.size(), 1);
    const ClinicalEntry &lisinopril = medications.first();
    QVERIFY(lisinopril.readable);
    QCOMPARE(lisinopril.code.code, QStringLiteral("314076"));
    QCOMPARE(lisinopril.code.systemName, QStringLiteral("RxNorm"));
    QCOMPARE(lisinopril.code.display, QStringLiteral("lisinopril 10 MG Oral Tablet"));
    QCOMPARE(lisinopril.status, QStringLiteral("active"));
    QCOMPARE(lisinopril.dose, QStringLiteral("10 mg"));
    QCOMPARE(lisinopril.route, QStringLiteral("Oral route"));
    QCOMPARE(lisinopril.frequency, QStringLiteral("every 12 hours"));
    QCOMPARE(lisinopril.instructions, QStringLiteral("Take one tablet by mouth twice a day"));
    QCOMPARE(lisinopril.start, QStringLiteral("2019-03-04"));
    QCOMPARE(lisinopril.end, QStringLiteral("2020-01-15"));
}

void TestFhirBundleReader::referencedMedications()
{
    const ClinicalRecord record = readFixture(QStringLiteral("medication-referenced.json"));
    const QList<ClinicalEntry> medications = entriesOf(record, ClinicalKind::Medication);
    // The Medication resources themselves are not statements.
    QCOMPARE(medications.size(), 3);
    QCOMPARE(medications.at(0).code.code, QStringLiteral("860975")); // urn:uuid reference
    QCOMPARE(medications.at(0).dose, QStringLiteral("500 mg"));
    QCOMPARE(medications.at(0).frequency, QStringLiteral("2 times every day"));
    QCOMPARE(medications.at(0).start, QStringLiteral("2021-05-02"));
    QCOMPARE(medications.at(1).code.code, QStringLiteral("197361")); // Type/id → absolute fullUrl
    QCOMPARE(medications.at(1).status, QStringLiteral("stopped"));
    // Missing from the bundle: its display still names it.
    QVERIFY(medications.at(2).readable);
    QCOMPARE(medications.at(2).code.text(), QStringLiteral("Aspirin 81 mg"));
    QVERIFY(record.notes.isEmpty());
}

void TestFhirBundleReader::conditionWithTranslations()
{
    const QList<ClinicalEntry> problems =
        entriesOf(readFixture(QStringLiteral("condition.json")), ClinicalKind::Problem);
    QCOMPARE(problems.size(), 1);
    const ClinicalEntry &htn = problems.first();
    QCOMPARE(htn.code.code, QStringLiteral("59621000"));
    QCOMPARE(htn.code.systemName, QStringLiteral("SNOMED CT"));
    QCOMPARE(htn.code.translations.size(), 1);
    QCOMPARE(htn.code.translations.first().code, QStringLiteral("I10"));
    QCOMPARE(htn.code.translations.first().systemName, QStringLiteral("ICD-10-CM"));
    QCOMPARE(htn.code.originalText, QStringLiteral("High blood pressure"));
    QCOMPARE(htn.status, QStringLiteral("resolved"));
    QCOMPARE(htn.problemType, QStringLiteral("Diagnosis"));
    QCOMPARE(htn.start, QStringLiteral("2015-02-11"));
    QCOMPARE(htn.end, QStringLiteral("2020-08-30"));
    QVERIFY(!htn.negated);
}

void TestFhirBundleReader::refutedCondition()
{
    const ClinicalRecord record = readFixture(QStringLiteral("condition-refuted.json"));
    const QList<ClinicalEntry> problems = entriesOf(record, ClinicalKind::Problem);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().negated);
    QVERIFY(problems.first().readable);
    QCOMPARE(problems.first().code.code, QStringLiteral("44054006"));
}

void TestFhirBundleReader::immunization()
{
    const QList<ClinicalEntry> shots =
        entriesOf(readFixture(QStringLiteral("immunization.json")), ClinicalKind::Immunization);
    QCOMPARE(shots.size(), 1);
    const ClinicalEntry &flu = shots.first();
    QCOMPARE(flu.code.code, QStringLiteral("140"));
    QCOMPARE(flu.code.systemName, QStringLiteral("CVX"));
    QCOMPARE(flu.status, QStringLiteral("completed"));
    QCOMPARE(flu.start, QStringLiteral("2022-10-01"));
    QCOMPARE(flu.lotNumber, QStringLiteral("FLU2022A"));
    QCOMPARE(flu.performer, QStringLiteral("Ngozi Okafor"));
    QVERIFY(!flu.negated);
}

void TestFhirBundleReader::notDoneImmunization()
{
    const QList<ClinicalEntry> shots = entriesOf(
        readFixture(QStringLiteral("immunization-not-done.json")), ClinicalKind::Immunization);
    QCOMPARE(shots.size(), 1);
    QVERIFY(shots.first().negated);
    QCOMPARE(shots.first().refusalReason, QStringLiteral("patient objection"));
    QCOMPARE(shots.first().start, QStringLiteral("spring 2021"));
    QCOMPARE(shots.first().code.code, QStringLiteral("115"));
}

void TestFhirBundleReader::resultPanel()
{
    const ClinicalRecord record = readFixture(QStringLiteral("result-panel.json"));
    const QList<ClinicalEntry> results = entriesOf(record, ClinicalKind::Result);
    // The report is the panel, not a result of its own.
    QCOMPARE(results.size(), 3);
    const ClinicalEntry &hgb = results.at(0);
    QCOMPARE(hgb.code.code, QStringLiteral("718-7"));
    QCOMPARE(hgb.value, QStringLiteral("18.1"));
    QCOMPARE(hgb.unit, QStringLiteral("g/dL"));
    QCOMPARE(hgb.referenceRange, QStringLiteral("12-17.5 g/dL"));
    QCOMPARE(hgb.interpretation, QStringLiteral("High"));
    QCOMPARE(hgb.panel, QStringLiteral("CBC panel - Blood"));
    QCOMPARE(hgb.status, QStringLiteral("final"));
    QCOMPARE(hgb.start, QStringLiteral("2023-01-05T08:30:00-05:00"));
    const ClinicalEntry &wbc = results.at(1);
    QCOMPARE(wbc.value, QStringLiteral("<3"));
    QCOMPARE(wbc.unit, QStringLiteral("10*3/uL"));
    QCOMPARE(wbc.referenceRange, QStringLiteral("4.0-11.0 10*3/uL"));
    QCOMPARE(wbc.interpretation, QStringLiteral("Low"));
    QCOMPARE(wbc.panel, QStringLiteral("CBC panel - Blood"));
    const ClinicalEntry &smoking = results.at(2);
    QCOMPARE(smoking.value, QStringLiteral("Former smoker"));
    QVERIFY(smoking.panel.isEmpty());
}

void TestFhirBundleReader::vitalSignsComponentsAndMembers()
{
    const ClinicalRecord record = readFixture(QStringLiteral("vital-signs.json"));
    const QList<ClinicalEntry> vitals = entriesOf(record, ClinicalKind::VitalSign);
    QCOMPARE(vitals.size(), 3); // the panel Observation only groups the others
    QCOMPARE(entriesOf(record, ClinicalKind::Result).size(), 0);
    const ClinicalEntry &bp = vitals.at(0);
    QCOMPARE(bp.code.code, QStringLiteral("85354-9"));
    QCOMPARE(bp.value, QStringLiteral("120/80"));
    QCOMPARE(bp.unit, QStringLiteral("mmHg"));
    QVERIFY(bp.panel.isEmpty());
    QCOMPARE(vitals.at(1).value, QStringLiteral("72.5"));
    QCOMPARE(vitals.at(1).unit, QStringLiteral("kg"));
    QCOMPARE(vitals.at(1).panel, QStringLiteral("Vital signs panel"));
    QCOMPARE(vitals.at(2).code.code, QStringLiteral("8310-5"));
    QCOMPARE(vitals.at(2).panel, QStringLiteral("Vital signs panel")); // by Observation/temp
}

void TestFhirBundleReader::panelWithoutItsMembersIsShown()
{
    // A search that matched the report and the panel but did not include their members.
    const QByteArray json =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
        "{\"resource\":{\"resourceType\":\"DiagnosticReport\",\"id\":\"r\",\"status\":\"final\","
        "\"code\":{\"text\":\"Lipid panel\"},\"conclusion\":\"LDL high\","
        "\"result\":[{\"reference\":\"Observation/elsewhere\"}]}},"
        "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\","
        "\"code\":{\"text\":\"Vital signs\"},\"hasMember\":[{\"reference\":\"Observation/gone\"}]}}]}";
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QVERIFY(result.ok());
    const QList<ClinicalEntry> results = entriesOf(result.record, ClinicalKind::Result);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).code.text(), QStringLiteral("Lipid panel"));
    QCOMPARE(results.at(0).value, QStringLiteral("LDL high"));
    QCOMPARE(results.at(1).code.text(), QStringLiteral("Vital signs"));
}

void TestFhirBundleReader::encounterReferences()
{
    const ClinicalRecord record = readFixture(QStringLiteral("encounter.json"));
    const QList<ClinicalEntry> encounters = entriesOf(record, ClinicalKind::Encounter);
    QCOMPARE(encounters.size(), 1);
    const ClinicalEntry &visit = encounters.first();
    QCOMPARE(visit.code.code, QStringLiteral("99213"));
    QCOMPARE(visit.code.systemName, QStringLiteral("CPT"));
    QCOMPARE(visit.status, QStringLiteral("finished"));
    QCOMPARE(visit.start, QStringLiteral("2023-03-10T09:00:00-05:00"));
    QCOMPARE(visit.end, QStringLiteral("2023-03-10T09:20:00-05:00"));
    QCOMPARE(visit.performer, QStringLiteral("Dr. Ana Reyes"));       // urn:uuid
    QCOMPARE(visit.location, QStringLiteral("North Clinic, Room 4")); // absolute URL
    QCOMPARE(visit.diagnoses.size(), 2);
    QCOMPARE(visit.diagnoses.at(0).code, QStringLiteral("68235000"));     // reasonCode
    QCOMPARE(visit.diagnoses.at(1).display, QStringLiteral("Sinusitis")); // diagnosis → Condition
    // The referenced Condition is also a problem of its own.
    QCOMPARE(entriesOf(record, ClinicalKind::Problem).size(), 1);
}

void TestFhirBundleReader::procedureConditionalReference()
{
    const QList<ClinicalEntry> procedures =
        entriesOf(readFixture(QStringLiteral("procedure.json")), ClinicalKind::Procedure);
    QCOMPARE(procedures.size(), 1);
    const ClinicalEntry &colonoscopy = procedures.first();
    QCOMPARE(colonoscopy.code.code, QStringLiteral("73761001"));
    QCOMPARE(colonoscopy.status, QStringLiteral("completed"));
    QCOMPARE(colonoscopy.start, QStringLiteral("2021-07-14T10:00:00-05:00"));
    QCOMPARE(colonoscopy.end, QStringLiteral("2021-07-14T10:45:00-05:00"));
    // Organization?identifier=system|value finds the organization; its name wins over display.
    QCOMPARE(colonoscopy.performer, QStringLiteral("Valley Gastroenterology"));
    QCOMPARE(colonoscopy.diagnoses.size(), 1);
    QCOMPARE(detail(colonoscopy, QStringLiteral("Body site")), QStringLiteral("colon"));
}

void TestFhirBundleReader::documentBundleHeaderAndNarratives()
{
    const ClinicalRecord record = readFixture(QStringLiteral("document.json"));
    const ClinicalHeader &header = record.header;
    QCOMPARE(header.title, QStringLiteral("Patient Summary"));
    QCOMPARE(header.date, QStringLiteral("2024-04-02T10:30:00-05:00"));
    QCOMPARE(header.type.code, QStringLiteral("34133-9"));
    QCOMPARE(header.documentId, QStringLiteral("2.16.840.1.113883.19.5.99999.1^doc-42"));
    QCOMPARE(header.authors.size(), 1);
    QCOMPARE(header.authors.first().name, QStringLiteral("Dr. Sam Lee"));
    QCOMPARE(header.custodian, QStringLiteral("Springfield General"));
    QCOMPARE(header.patientName, QStringLiteral("Kyla Brown"));
    QCOMPARE(header.patientBirthDate, QStringLiteral("1927-05-23"));
    QCOMPARE(header.patientGender, QStringLiteral("Female"));
    QCOMPARE(header.patientIds, QStringList{QStringLiteral("2.16.840.1.113883.19.5^MRN-778")});

    const ClinicalSection *allergies = sectionOf(record, ClinicalKind::Allergy);
    QVERIFY(allergies);
    QCOMPARE(allergies->entries.size(), 1);
    QCOMPARE(allergies->code.code, QStringLiteral("48765-2"));
    QVERIFY(allergies->narrativeHtml.contains(QStringLiteral("<td>Peanut</td>")));
    QVERIFY(allergies->narrativeText.contains(QStringLiteral("Hives")));
    QVERIFY(!allergies->narrativeHtml.contains(QStringLiteral("script")));
    QVERIFY(!allergies->narrativeHtml.contains(QStringLiteral("alert")));
    QVERIFY(!allergies->narrativeHtml.contains(QStringLiteral("evil.example")));
    QVERIFY(!allergies->narrativeHtml.contains(QStringLiteral("onclick")));

    // A section we do not interpret keeps its narrative as a section of its own.
    const ClinicalSection &last = record.sections.last();
    QCOMPARE(last.kind, ClinicalKind::Other);
    QCOMPARE(last.title, QStringLiteral("Advance Directives"));
    QCOMPARE(last.narrativeText, QStringLiteral("Do not resuscitate & comfort care"));
    QCOMPARE(last.narrativeHtml, QStringLiteral("<p>Do not resuscitate &amp; comfort care</p>"));
    QVERIFY(record.notes.isEmpty());
}

void TestFhirBundleReader::attachments()
{
    const ClinicalRecord record = readFixture(QStringLiteral("attachments.json"));
    QCOMPARE(record.attachments.size(), 4);
    const ClinicalAttachment &note = record.attachments.at(0);
    QCOMPARE(note.mediaType, QStringLiteral("text/plain"));
    QCOMPARE(note.title, QStringLiteral("Progress note"));
    QCOMPARE(note.data, QByteArray("Hello, FHIR\n"));
    const ClinicalAttachment &letter = record.attachments.at(1);
    QCOMPARE(letter.title, QStringLiteral("letter.pdf"));
    QCOMPARE(letter.data, QByteArray("%PDF-1.4 test\n")); // from the Binary it points at
    QVERIFY(letter.reference.isEmpty());
    const ClinicalAttachment &xray = record.attachments.at(2);
    QCOMPARE(xray.reference, QStringLiteral("https://images.example/xray-17.png"));
    QVERIFY(xray.data.isEmpty()); // never fetched
    // The Binary nobody pointed at is shown once, on its own; the used one is not repeated.
    QCOMPARE(record.attachments.at(3).data, QByteArray("Hello, FHIR\n"));
    QVERIFY(record.hasContent());
}

void TestFhirBundleReader::unreadableResourcesKept()
{
    const ClinicalRecord record = readFixture(QStringLiteral("unreadable.json"));
    QCOMPARE(record.unreadableCount(), 2);
    const QList<ClinicalEntry> problems = entriesOf(record, ClinicalKind::Problem);
    QCOMPARE(problems.size(), 2);
    QVERIFY(!problems.at(0).readable);
    QCOMPARE(problems.at(0).text, QStringLiteral("Chronic back pain"));
    QVERIFY(problems.at(1).readable);
    QCOMPARE(record.count(ClinicalKind::Problem), 1);
    const QList<ClinicalEntry> results = entriesOf(record, ClinicalKind::Result);
    QCOMPARE(results.size(), 1);
    QVERIFY(!results.first().readable);
    QCOMPARE(results.first().value, QStringLiteral("99")); // what it had is kept
    QVERIFY(!detail(results.first(), QStringLiteral("Why it could not be read")).isEmpty());
}

void TestFhirBundleReader::unknownTypesCounted()
{
    const ClinicalReadResult result =
        FhirBundleReader::read(fixture(QStringLiteral("unknown-types.json")));
    QVERIFY(result.ok());
    QCOMPARE(result.record.count(ClinicalKind::Problem), 1);
    QCOMPARE(result.record.entries().size(), 1);
    QVERIFY2(result.record.notes.contains(QStringLiteral("3 Claim resources are not shown")),
             qPrintable(result.record.notes.join(u'|')));
    QVERIFY(result.record.notes.contains(QStringLiteral("1 Coverage resource is not shown")));
    QVERIFY(result.record.notes.contains(QStringLiteral("1 bundle entry has no resource")));
}

void TestFhirBundleReader::singleResource()
{
    const ClinicalReadResult result =
        FhirBundleReader::read(fixture(QStringLiteral("single-condition.json")));
    QVERIFY(result.ok());
    const QList<ClinicalEntry> problems = entriesOf(result.record, ClinicalKind::Problem);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code.code, QStringLiteral("E11.9"));
    QCOMPARE(problems.first().code.systemName, QStringLiteral("ICD-10-CM"));
    QCOMPARE(problems.first().status, QStringLiteral("active"));
}

void TestFhirBundleReader::anyBundleType_data()
{
    QTest::addColumn<QString>("type");
    for (const char *type : {"collection", "searchset", "batch", "transaction", "document",
                             "batch-response", "transaction-response", "history", "message"})
        QTest::newRow(type) << QString::fromLatin1(type);
}

void TestFhirBundleReader::anyBundleType()
{
    QFETCH(QString, type);
    QByteArray json = fixture(QStringLiteral("condition.json"));
    json.replace("\"collection\"", "\"" + type.toLatin1() + "\"");
    QVERIFY(json.contains(type.toLatin1()));
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QVERIFY(result.ok());
    QCOMPARE(result.record.count(ClinicalKind::Problem), 1);
}

void TestFhirBundleReader::sectionsInStableOrder()
{
    // Resources in the reverse of the kinds' order still give sections in the kinds' order.
    const QByteArray json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n"
                            "        "
                            "{\"resource\":{\"resourceType\":\"Procedure\",\"id\":\"p\",\"status\":"
                            "\"completed\",\"code\":{\"text\":\"Biopsy\"}}},\n"
                            "        "
                            "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e\",\"status\":"
                            "\"finished\",\"type\":[{\"text\":\"Visit\"}]}},\n"
                            "        "
                            "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{"
                            "\"text\":\"Asthma\"}}},\n"
                            "        "
                            "{\"resource\":{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a\","
                            "\"code\":{\"text\":\"Latex\"}}}]}";
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QVERIFY(result.ok());
    QCOMPARE(result.record.sections.size(), 4);
    QCOMPARE(result.record.sections.at(0).kind, ClinicalKind::Allergy);
    QCOMPARE(result.record.sections.at(0).title, clinicalKindTitle(ClinicalKind::Allergy));
    QCOMPARE(result.record.sections.at(1).kind, ClinicalKind::Problem);
    QCOMPARE(result.record.sections.at(2).kind, ClinicalKind::Encounter);
    QCOMPARE(result.record.sections.at(3).kind, ClinicalKind::Procedure);
}

void TestFhirBundleReader::malformed()
{
    const ClinicalReadResult result =
        FhirBundleReader::read(fixture(QStringLiteral("malformed.json")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error.code, ClinicalReadError::Code::Malformed);
    QVERIFY2(result.error.message.contains(QStringLiteral("at byte")),
             qPrintable(result.error.message));
    QVERIFY(!result.record.hasContent());
}

void TestFhirBundleReader::notFhir_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object without resourceType") << fixture(QStringLiteral("not-fhir.json"));
    QTest::newRow("array") << QByteArray("[{\"resourceType\":\"Patient\"}]");
    QTest::newRow("resourceType not a string") << QByteArray("{\"resourceType\":7}");
    QTest::newRow("empty resourceType") << QByteArray("{\"resourceType\":\"\"}");
}

void TestFhirBundleReader::notFhir()
{
    QFETCH(QByteArray, json);
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QCOMPARE(result.error.code, ClinicalReadError::Code::NotClinical);
    QVERIFY(!result.error.message.isEmpty());
}

void TestFhirBundleReader::tooDeepIsFast()
{
    // Ten million brackets: refused by depth long before the parser would recurse into them.
    const QByteArray json = "{\"resourceType\":\"Bundle\",\"x\":" + QByteArray(10000000, '[');
    QElapsedTimer timer;
    timer.start();
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QCOMPARE(result.error.code, ClinicalReadError::Code::TooDeep);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(result.error.message.contains(QString::number(FhirBundleReader::MaxDepth)));

    // Brackets inside strings do not count; an escaped quote does not end a string.
    const QByteArray inString =
        "{\"resourceType\":\"Basic\",\"note\":\"\\\"" + QByteArray(1000, '[') + "\"}";
    QVERIFY(FhirBundleReader::read(inString).ok());
}

void TestFhirBundleReader::deepButAllowed()
{
    auto nested = [](int depth) {
        // depth levels in all: the resource object and depth - 1 arrays inside it.
        return "{\"resourceType\":\"Basic\",\"x\":" + QByteArray(depth - 1, '[') +
               QByteArray(depth - 1, ']') + "}";
    };
    QVERIFY(FhirBundleReader::read(nested(FhirBundleReader::MaxDepth)).ok());
    QCOMPARE(FhirBundleReader::read(nested(FhirBundleReader::MaxDepth + 1)).error.code,
             ClinicalReadError::Code::TooDeep);
}

void TestFhirBundleReader::tooLarge()
{
    QByteArray json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"pad\":\"";
    json.append(QByteArray(FhirBundleReader::MaxBytes, 'x'));
    json.append("\"}");
    QElapsedTimer timer;
    timer.start();
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QCOMPARE(result.error.code, ClinicalReadError::Code::TooLarge);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(result.error.message.contains(QStringLiteral("64")));
}

void TestFhirBundleReader::narrativeSanitized()
{
    const QString html = FhirNarrative::safeHtml(QStringLiteral(
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><h2>Plan</h2><p style=\"color:red\">Rest "
        "&lt;3 days</p>"
        "<ul><li>Fluids</li></ul><span class=\"bold\" onmouseover=\"x()\">note</span>"
        "<span class=\"a&quot;b\">odd</span><iframe src=\"http://x/\">hidden</iframe></div>"));
    QCOMPARE(html, QStringLiteral("<b>Plan</b><p>Rest &lt;3 days</p><ul><li>Fluids</li></ul>"
                                  "<span class=\"bold\">note</span><span>odd</span>"));
    // HTML entities are not XML: the words stay, escaped, without the markup.
    QCOMPARE(FhirNarrative::safeHtml(QStringLiteral("<div>A&nbsp;<b>B</b></div>")),
             QStringLiteral("<p>A B</p>"));
    QCOMPARE(FhirNarrative::plainText(QStringLiteral("<td>a</td><td>b &amp; c</td>")),
             QStringLiteral("a b & c"));
    // A DTD inside narrative is never expanded.
    const QString attack = FhirNarrative::safeHtml(
        QStringLiteral("<!DOCTYPE d [<!ENTITY e \"boom\">]><div>&e;</div>"));
    QVERIFY(!attack.contains(QStringLiteral("boom")));
}

void TestFhirBundleReader::malformedByteInTheMiddleNamed()
{
    QByteArray json = conditions(200);
    QVERIFY(FhirBundleReader::read(json).ok());
    // The comma before the 101st entry becomes a semicolon.
    const qsizetype comma = json.indexOf(R"(,{"fullUrl":"urn:uuid:c100")");
    QVERIFY(comma > 1000);
    json[comma] = ';';
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QCOMPARE(result.error.code, ClinicalReadError::Code::Malformed);
    const qsizetype named = namedByte(result.error.message);
    QVERIFY2(named >= comma && named <= comma + 1, qPrintable(result.error.message));
    QVERIFY(!result.record.hasContent());
}

void TestFhirBundleReader::notUtf8InTheMiddle()
{
    QByteArray json = conditions(50);
    const qsizetype text = json.indexOf("Problem 25");
    json[text + 2] = char(0xFF);
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QCOMPARE(result.error.code, ClinicalReadError::Code::Malformed);
    const qsizetype named = namedByte(result.error.message);
    QVERIFY2(named > text - 20 && named <= text + 20, qPrintable(result.error.message));
}

void TestFhirBundleReader::deepObjectsInAnEntry()
{
    // Objects this time, inside an entry of a bundle: the bundle, the entry array, the entry
    // and the resource are four levels, then `depth` objects nested under "x".
    auto nested = [](int depth) {
        QByteArray inner = "1";
        for (int i = 0; i < depth; ++i)
            inner = "{\"x\":" + inner + "}";
        return R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Basic","x":)" +
               inner + "}}]}";
    };
    QVERIFY(FhirBundleReader::read(nested(FhirBundleReader::MaxDepth - 4)).ok());
    QCOMPARE(FhirBundleReader::read(nested(FhirBundleReader::MaxDepth - 3)).error.code,
             ClinicalReadError::Code::TooDeep);
    // Too deep and also cut short: the depth is what is said.
    const QByteArray cut =
        nested(FhirBundleReader::MaxDepth * 4).left(FhirBundleReader::MaxDepth * 30);
    QCOMPARE(FhirBundleReader::read(cut).error.code, ClinicalReadError::Code::TooDeep);
}

void TestFhirBundleReader::numberBeyond64BitsRead()
{
    // JSON allows it and it was always read (as a double): one odd number must not cost the
    // whole bundle.
    const QByteArray json =
        R"({"resourceType":"Observation","id":"o1","code":{"text":"Count"},)"
        R"("valueQuantity":{"value":123456789012345678901234567890,"unit":"cells"}})";
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const QList<ClinicalEntry> results = entriesOf(result.record, ClinicalKind::Result);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().value, QStringLiteral("1.2345678901234568e+29"));
    QCOMPARE(results.first().unit, QStringLiteral("cells"));
}

void TestFhirBundleReader::repeatedNameTakesTheLast()
{
    const QByteArray json = R"({"resourceType":"Condition","id":"c1","code":{"text":"First"},)"
                            R"("code":{"text":"Second"}})";
    const QList<ClinicalEntry> problems =
        entriesOf(FhirBundleReader::read(json).record, ClinicalKind::Problem);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code.originalText, QStringLiteral("Second"));
}

void TestFhirBundleReader::laterEntryWithTheSameFullUrlWins()
{
    const QByteArray json =
        R"({"resourceType":"Bundle","type":"collection","entry":[)"
        R"({"fullUrl":"urn:uuid:p","resource":{"resourceType":"Practitioner","id":"a",)"
        R"("name":[{"text":"Dr. Early"}]}},)"
        R"({"fullUrl":"urn:uuid:p","resource":{"resourceType":"Practitioner","id":"b",)"
        R"("name":[{"text":"Dr. Late"}]}},)"
        R"({"resource":{"resourceType":"Immunization","id":"i","status":"completed",)"
        R"("vaccineCode":{"text":"Flu"},"performer":[{"actor":{"reference":"urn:uuid:p"}}],)"
        R"("location":{"reference":"Practitioner/a"}}}]})";
    const QList<ClinicalEntry> shots =
        entriesOf(FhirBundleReader::read(json).record, ClinicalKind::Immunization);
    QCOMPARE(shots.size(), 1);
    QCOMPARE(shots.first().performer, QStringLiteral("Dr. Late"));
    QCOMPARE(shots.first().location, QStringLiteral("Dr. Early")); // Type/id still finds it
}

void TestFhirBundleReader::escapedStrings()
{
    const QByteArray json =
        R"({"resourceType":"Bundle","type":"collection","entry":[)"
        R"({"resource":{"resourceType":"Practitioner","id":"p1",)"
        R"("name":[{"text":"Dr. Jos\u00e9 \"Pepe\" Pe\u00f1a \ud83d\ude00"}]}},)"
        R"({"resource":{"resourceType":"Condition","id":"c1","code":{"text":"Tab\there"}}},)"
        R"({"resource":{"resourceType":"Immunization","id":"i","vaccineCode":{"text":"Flu"},)"
        R"("performer":[{"actor":{"reference":"Practitioner\/p1"}}]}}]})";
    const ClinicalReadResult result = FhirBundleReader::read(json);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const QList<ClinicalEntry> problems = entriesOf(result.record, ClinicalKind::Problem);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code.originalText, QStringLiteral("Tab\there"));
    const QList<ClinicalEntry> shots = entriesOf(result.record, ClinicalKind::Immunization);
    QCOMPARE(shots.size(), 1);
    QCOMPARE(shots.first().performer,
             QString::fromUtf8("Dr. Jos\u00e9 \"Pepe\" Pe\u00f1a \U0001F600"));
}

void TestFhirBundleReader::inputWithAndWithoutSpareCapacity()
{
    // simdjson reads past the end of its input: a buffer with room to spare is read in place,
    // any other is copied. Both must read the same.
    const QByteArray bytes = fixture(QStringLiteral("encounter.json"));
    const QByteArray tight = QByteArray::fromRawData(bytes.constData(), bytes.size());
    QCOMPARE(tight.capacity(), 0);
    QByteArray roomy;
    roomy.reserve(bytes.size() + 4096);
    roomy.append(bytes);
    QVERIFY(roomy.capacity() - roomy.size() >= 64);
    const ClinicalReadResult a = FhirBundleReader::read(tight);
    const ClinicalReadResult b = FhirBundleReader::read(roomy);
    QVERIFY(a.ok());
    QVERIFY(b.ok());
    const QList<ClinicalEntry> encountersA = entriesOf(a.record, ClinicalKind::Encounter);
    const QList<ClinicalEntry> encountersB = entriesOf(b.record, ClinicalKind::Encounter);
    QCOMPARE(encountersA.size(), 1);
    QCOMPARE(encountersB.size(), 1);
    QCOMPARE(encountersA.first().performer, QStringLiteral("Dr. Ana Reyes"));
    QCOMPARE(encountersB.first().performer, encountersA.first().performer);
    QCOMPARE(encountersB.first().location, encountersA.first().location);
    QCOMPARE(encountersB.first().diagnoses, encountersA.first().diagnoses);
}

QTEST_GUILESS_MAIN(TestFhirBundleReader)
#include "tst_fhirbundlereader.moc"
