// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/codesystems.h"
#include "services/clinical/fhirbundlereader.h"
#include "services/clinical/fhirvocabulary.h"
#include "services/clinical/fhirwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace {

const QString PatientId = QStringLiteral("0195d964-d166-7226-8912-76934c23c140");

ClinicalCode code(const char *value, const char *system, const char *display)
{
    ClinicalCode out;
    out.code = QString::fromLatin1(value);
    out.system = QString::fromLatin1(system);
    out.display = QString::fromUtf8(display);
    out.systemName = CodeSystems::name(out.system);
    return out;
}

ClinicalEntry entry(ClinicalKind kind, const ClinicalCode &what)
{
    ClinicalEntry out;
    out.kind = kind;
    out.code = what;
    return out;
}

ClinicalSection section(ClinicalKind kind, QList<ClinicalEntry> entries)
{
    ClinicalSection out;
    out.kind = kind;
    out.title = clinicalKindTitle(kind);
    out.entries = std::move(entries);
    return out;
}

// A record as a C-CDA reader gives it: OIDs for systems, every kind, every flag.
ClinicalRecord sampleRecord()
{
    const char *snomed = "2.16.840.1.113883.6.96";
    const char *rxnorm = "2.16.840.1.113883.6.88";
    const char *loinc = "2.16.840.1.113883.6.1";
    const char *cvx = "2.16.840.1.113883.12.292";
    const char *icd10 = "2.16.840.1.113883.6.90";

    ClinicalRecord record;
    record.header.documentId = QStringLiteral("2.16.840.1.113883.19.5.99999.1^TT988");
    record.header.title = QStringLiteral("Continuity of Care Document");
    record.header.type = code("34133-9", loinc, "Summarization of Episode Note");
    record.header.date = QStringLiteral("2024-03-01T10:30:00-05:00");
    record.header.patientName = QStringLiteral("Kyla Brown");
    record.header.patientBirthDate = QStringLiteral("1927-05-23");
    record.header.patientGender = QStringLiteral("Female");
    record.header.patientIds = {QStringLiteral("2.16.840.1.113883.19.5^998991")};
    record.header.authors = {ClinicalPerson{QStringLiteral("Henry Seven"),
                                            QStringLiteral("Good Health Clinic"), QString()},
                             ClinicalPerson{QString(), QString(), QStringLiteral("EHR 5.2")}};
    record.header.custodian = QStringLiteral("Good Health Clinic");

    ClinicalEntry penicillin = entry(ClinicalKind::Allergy, code("7980", rxnorm, "Penicillin G"));
    penicillin.status = QStringLiteral("active");
    penicillin.severity = QStringLiteral("moderate");
    penicillin.criticality = QStringLiteral("high");
    penicillin.category = QStringLiteral("medication");
    penicillin.start = QStringLiteral("2008-05-01");
    penicillin.end = QStringLiteral("2012");
    penicillin.reactions = {code("247472004", snomed, "Hives")};
    ClinicalEntry nka = entry(ClinicalKind::Allergy, ClinicalCode());
    nka.noKnown = true;
    ClinicalEntry notLatex = entry(ClinicalKind::Allergy, code("111088007", snomed, "Latex"));
    notLatex.negated = true;
    ClinicalEntry garbled = entry(ClinicalKind::Allergy, ClinicalCode());
    garbled.readable = false;
    garbled.text = QStringLiteral("Sulfa drugs - rash (entered as free text)");

    ClinicalEntry lisinopril =
        entry(ClinicalKind::Medication, code("314076", rxnorm, "lisinopril 10 MG Oral Tablet"));
    lisinopril.status = QStringLiteral("active");
    lisinopril.start = QStringLiteral("2019-03-04");
    lisinopril.end = QStringLiteral("2020-01-15");
    lisinopril.dose = QStringLiteral("10 mg");
    lisinopril.route = QStringLiteral("Oral");
    lisinopril.frequency = QStringLiteral("every 12 hours");
    lisinopril.instructions = QStringLiteral("Take with food");
    ClinicalEntry inhaler =
        entry(ClinicalKind::Medication, code("745679", rxnorm, "albuterol inhaler"));
    inhaler.dose = QStringLiteral("2 puffs");
    inhaler.start = QStringLiteral("2021");

    ClinicalCode hypertension = code("59621000", snomed, "Essential hypertension");
    hypertension.translations = {code("I10", icd10, "Essential (primary) hypertension")};
    ClinicalEntry htn = entry(ClinicalKind::Problem, hypertension);
    htn.status = QStringLiteral("active");
    htn.start = QStringLiteral("2015-02-11");
    htn.problemType = QStringLiteral("Diagnosis");
    ClinicalEntry noDiabetes = entry(ClinicalKind::Problem, code("44054006", snomed, "Diabetes"));
    noDiabetes.negated = true;
    noDiabetes.end = QStringLiteral("2016-01-01");

    ClinicalEntry flu = entry(ClinicalKind::Immunization, code("140", cvx, "Influenza vaccine"));
    flu.start = QStringLiteral("2022-10-01");
    flu.lotNumber = QStringLiteral("FLU2022A");
    flu.status = QStringLiteral("completed");
    ClinicalEntry tdap = entry(ClinicalKind::Immunization, code("115", cvx, "Tdap"));
    tdap.negated = true;
    tdap.refusalReason = QStringLiteral("patient objection");
    tdap.start = QStringLiteral("2021-04");

    ClinicalEntry hgb = entry(ClinicalKind::Result, code("718-7", loinc, "Hemoglobin"));
    hgb.value = QStringLiteral("13.2");
    hgb.unit = QStringLiteral("g/dL");
    hgb.referenceRange = QStringLiteral("12.0-15.5 g/dL");
    hgb.interpretation = QStringLiteral("Normal");
    hgb.panel = QStringLiteral("CBC panel");
    hgb.start = QStringLiteral("2023-01-05T08:30:00-05:00");
    hgb.status = QStringLiteral("final");
    ClinicalEntry wbc = entry(ClinicalKind::Result, code("6690-2", loinc, "Leukocytes"));
    wbc.value = QStringLiteral("<3");
    wbc.unit = QStringLiteral("10*3/uL");
    wbc.interpretation = QStringLiteral("Below low normal");
    wbc.panel = QStringLiteral("CBC panel");
    wbc.start = hgb.start;
    ClinicalEntry culture = entry(ClinicalKind::Result, code("600-7", loinc, "Blood culture"));
    culture.value = QStringLiteral("No growth");
    culture.start = QStringLiteral("2023-01-06");

    ClinicalEntry bp = entry(ClinicalKind::VitalSign, code("85354-9", loinc, "Blood pressure"));
    bp.value = QStringLiteral("120/80");
    bp.unit = QStringLiteral("mm[Hg]");
    bp.start = QStringLiteral("2023-02-01");
    bp.panel = QStringLiteral("Vital signs");
    ClinicalEntry weight = entry(ClinicalKind::VitalSign, code("29463-7", loinc, "Body weight"));
    weight.value = QStringLiteral("72.5");
    weight.unit = QStringLiteral("kg");
    weight.start = QStringLiteral("2023-02-01");
    weight.panel = QStringLiteral("Vital signs");
    ClinicalEntry weightLater = weight;
    weightLater.value = QStringLiteral("71");
    weightLater.start = QStringLiteral("2023-06-01");

    ClinicalEntry visit =
        entry(ClinicalKind::Encounter, code("99213", "2.16.840.1.113883.6.12", "Office visit"));
    visit.start = QStringLiteral("2023-03-10T09:00:00-05:00");
    visit.end = QStringLiteral("2023-03-10T09:20:00-05:00");
    visit.performer = QStringLiteral("Dr. Ana Reyes");
    visit.location = QStringLiteral("North Clinic");
    visit.diagnoses = {code("36971009", snomed, "Sinusitis")};
    visit.status = QStringLiteral("completed");

    ClinicalEntry colonoscopy =
        entry(ClinicalKind::Procedure, code("73761001", snomed, "Colonoscopy"));
    colonoscopy.start = QStringLiteral("2021-07-14");
    colonoscopy.status = QStringLiteral("completed");
    colonoscopy.performer = QStringLiteral("Valley Gastroenterology");
    ClinicalEntry skipped =
        entry(ClinicalKind::Procedure, code("80146002", snomed, "Appendectomy"));
    skipped.negated = true;

    ClinicalEntry smoking =
        entry(ClinicalKind::Other, code("72166-2", loinc, "Tobacco smoking status"));
    smoking.value = QStringLiteral("Former smoker");

    ClinicalSection allergies =
        section(ClinicalKind::Allergy, {penicillin, nka, notLatex, garbled});
    allergies.code = code("48765-2", loinc, "Allergies");
    allergies.narrativeHtml =
        QStringLiteral("<table><tr><td>Penicillin G</td><td>Hives</td></tr></table>");
    allergies.narrativeText = QStringLiteral("Penicillin G Hives");
    ClinicalSection social = section(ClinicalKind::Other, {smoking});
    social.title = QStringLiteral("Social History");
    social.code = code("29762-2", loinc, "Social history");
    ClinicalSection plan;
    plan.title = QStringLiteral("Plan of Care");
    plan.narrativeHtml = QStringLiteral("<p>Return in 3 months</p>");
    plan.narrativeText = QStringLiteral("Return in 3 months");

    record.sections = {
        allergies,
        section(ClinicalKind::Medication, {lisinopril, inhaler}),
        section(ClinicalKind::Problem, {htn, noDiabetes}),
        section(ClinicalKind::Immunization, {flu, tdap}),
        section(ClinicalKind::Result, {hgb, wbc, culture}),
        section(ClinicalKind::VitalSign, {bp, weight, weightLater}),
        section(ClinicalKind::Encounter, {visit}),
        section(ClinicalKind::Procedure, {colonoscopy, skipped}),
        social,
        plan,
    };
    ClinicalAttachment pdf;
    pdf.mediaType = QStringLiteral("application/pdf");
    pdf.title = QStringLiteral("Discharge letter");
    pdf.data = QByteArray("%PDF-1.4 fake\n");
    ClinicalAttachment remote;
    remote.mediaType = QStringLiteral("image/png");
    remote.title = QStringLiteral("X-ray");
    remote.reference = QStringLiteral("xray-17.png");
    record.attachments = {pdf, remote};
    return record;
}

QList<QJsonObject> resources(const QJsonObject &bundle, const QString &type)
{
    QList<QJsonObject> out;
    for (const QJsonValue &value : bundle.value(QLatin1String("entry")).toArray()) {
        const QJsonObject resource = value.toObject().value(QLatin1String("resource")).toObject();
        if (resource.value(QLatin1String("resourceType")).toString() == type)
            out.append(resource);
    }
    return out;
}

QList<const ClinicalEntry *> ofKind(const ClinicalRecord &record, ClinicalKind kind)
{
    QList<const ClinicalEntry *> out;
    for (const ClinicalEntry *e : record.entries()) {
        if (e->kind == kind)
            out.append(e);
    }
    return out;
}

} // namespace

class TestFhirWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void batchOfPuts();
    void deterministicIds();
    void systemsAsUris();
    void noKnownNegatedUnreadable();
    void panelsAsReports();
    void sourceDocument();
    void roundTripKeepsEveryEntry();
    void roundTripHeaderNarrativesAttachments();
};

void TestFhirWriter::batchOfPuts()
{
    const QJsonObject bundle = FhirWriter::bundle(sampleRecord(), PatientId);
    QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle.value(QLatin1String("type")).toString(), QStringLiteral("batch"));
    const QJsonArray entries = bundle.value(QLatin1String("entry")).toArray();
    QVERIFY(entries.size() > 25);
    QSet<QString> ids;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
        const QString type = resource.value(QLatin1String("resourceType")).toString();
        const QString id = resource.value(QLatin1String("id")).toString();
        QVERIFY(!type.isEmpty());
        QVERIFY(!id.isEmpty());
        const QJsonObject request = entry.value(QLatin1String("request")).toObject();
        QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("PUT"));
        QCOMPARE(request.value(QLatin1String("url")).toString(), type + u'/' + id);
        QCOMPARE(entry.value(QLatin1String("fullUrl")).toString(),
                 QStringLiteral("urn:uuid:") + id);
        QVERIFY2(!ids.contains(type + u'/' + id), qPrintable(type + u'/' + id));
        ids.insert(type + u'/' + id);
    }
    const QList<QJsonObject> patients = resources(bundle, QStringLiteral("Patient"));
    QCOMPARE(patients.size(), 1);
    QCOMPARE(patients.first().value(QLatin1String("id")).toString(), PatientId);
    QCOMPARE(patients.first().value(QLatin1String("gender")).toString(), QStringLiteral("female"));
    // Every clinical resource is about that patient.
    for (const QString &type : {QStringLiteral("Condition"), QStringLiteral("Observation")}) {
        for (const QJsonObject &resource : resources(bundle, type)) {
            QCOMPARE(resource.value(QLatin1String("subject"))
                         .toObject()
                         .value(QLatin1String("reference"))
                         .toString(),
                     QStringLiteral("Patient/") + PatientId);
        }
    }
    QCOMPARE(resources(bundle, QStringLiteral("AllergyIntolerance")).size(), 4);
    QCOMPARE(resources(bundle, QStringLiteral("MedicationStatement")).size(), 2);
    QCOMPARE(resources(bundle, QStringLiteral("Medication")).size(), 2);
    QCOMPARE(resources(bundle, QStringLiteral("Observation")).size(), 7);
    QCOMPARE(resources(bundle, QStringLiteral("Organization")).size(), 1); // custodian = author's
    QCOMPARE(resources(bundle, QStringLiteral("Practitioner")).size(), 1);
    QCOMPARE(resources(bundle, QStringLiteral("Device")).size(), 1);
    QCOMPARE(resources(bundle, QStringLiteral("DocumentReference")).size(), 2);
}

void TestFhirWriter::deterministicIds()
{
    const ClinicalRecord record = sampleRecord();
    const QByteArray first = FhirWriter::write(record, PatientId);
    QCOMPARE(FhirWriter::write(record, PatientId), first);
    const QByteArray other = FhirWriter::write(record, QStringLiteral("another-patient"));
    QVERIFY(other != first);
    // Same entries for another patient: none of the clinical ids are shared.
    const QJsonObject a = QJsonDocument::fromJson(first).object();
    const QJsonObject b = QJsonDocument::fromJson(other).object();
    QCOMPARE(resources(a, QStringLiteral("Condition")).size(), 2);
    QVERIFY(resources(a, QStringLiteral("Condition")).first().value(QLatin1String("id")) !=
            resources(b, QStringLiteral("Condition")).first().value(QLatin1String("id")));
    // A UUID (v5) each.
    const QString id =
        resources(a, QStringLiteral("Condition")).first().value(QLatin1String("id")).toString();
    QCOMPARE(QUuid::fromString(id).version(), QUuid::Sha1);
}

void TestFhirWriter::systemsAsUris()
{
    const QJsonObject bundle = FhirWriter::bundle(sampleRecord(), PatientId);
    const QJsonObject htn = resources(bundle, QStringLiteral("Condition")).first();
    const QJsonArray codings =
        htn.value(QLatin1String("code")).toObject().value(QLatin1String("coding")).toArray();
    QCOMPARE(codings.size(), 2);
    QCOMPARE(codings.at(0).toObject().value(QLatin1String("system")).toString(),
             QStringLiteral("http://snomed.info/sct"));
    QCOMPARE(codings.at(0).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("59621000"));
    QCOMPARE(codings.at(1).toObject().value(QLatin1String("system")).toString(),
             QStringLiteral("http://hl7.org/fhir/sid/icd-10-cm"));
    const QJsonObject flu = resources(bundle, QStringLiteral("Immunization")).first();
    QCOMPARE(flu.value(QLatin1String("vaccineCode"))
                 .toObject()
                 .value(QLatin1String("coding"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("system"))
                 .toString(),
             QStringLiteral("http://hl7.org/fhir/sid/cvx"));
}

void TestFhirWriter::noKnownNegatedUnreadable()
{
    const QJsonObject bundle = FhirWriter::bundle(sampleRecord(), PatientId);
    const QList<QJsonObject> allergies = resources(bundle, QStringLiteral("AllergyIntolerance"));
    const QJsonObject nka = allergies.at(1);
    QCOMPARE(nka.value(QLatin1String("code"))
                 .toObject()
                 .value(QLatin1String("coding"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("716186003"));
    const QJsonObject notLatex = allergies.at(2);
    QCOMPARE(notLatex.value(QLatin1String("verificationStatus"))
                 .toObject()
                 .value(QLatin1String("coding"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("refuted"));
    const QJsonObject garbled = allergies.at(3);
    const QJsonArray extensions = garbled.value(QLatin1String("extension")).toArray();
    QCOMPARE(extensions.size(), 1);
    QCOMPARE(extensions.first().toObject().value(QLatin1String("url")).toString(),
             FhirVocabulary::extensionUrl(FhirVocabulary::Mark::Unreadable));
    QVERIFY(garbled.value(QLatin1String("text"))
                .toObject()
                .value(QLatin1String("div"))
                .toString()
                .contains(QStringLiteral("Sulfa drugs")));
    QVERIFY(!garbled.contains(QLatin1String("clinicalStatus")));

    const QJsonObject tdap = resources(bundle, QStringLiteral("Immunization")).at(1);
    QCOMPARE(tdap.value(QLatin1String("status")).toString(), QStringLiteral("not-done"));
    QCOMPARE(tdap.value(QLatin1String("statusReason"))
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("patient objection"));
    const QJsonObject noDiabetes = resources(bundle, QStringLiteral("Condition")).at(1);
    QCOMPARE(noDiabetes.value(QLatin1String("verificationStatus"))
                 .toObject()
                 .value(QLatin1String("coding"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("refuted"));
    QCOMPARE(resources(bundle, QStringLiteral("Procedure"))
                 .at(1)
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("not-done"));
}

void TestFhirWriter::panelsAsReports()
{
    const QJsonObject bundle = FhirWriter::bundle(sampleRecord(), PatientId);
    const QList<QJsonObject> reports = resources(bundle, QStringLiteral("DiagnosticReport"));
    // CBC; vital signs on 2023-02-01; vital signs on 2023-06-01.
    QCOMPARE(reports.size(), 3);
    QCOMPARE(reports.at(0)
                 .value(QLatin1String("code"))
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("CBC panel"));
    QCOMPARE(reports.at(0).value(QLatin1String("result")).toArray().size(), 2);
    QCOMPARE(reports.at(1).value(QLatin1String("result")).toArray().size(), 2);
    QCOMPARE(reports.at(2).value(QLatin1String("result")).toArray().size(), 1);
    // The blood pressure is written as its two components.
    const QJsonObject bp = resources(bundle, QStringLiteral("Observation")).at(3);
    QCOMPARE(bp.value(QLatin1String("component")).toArray().size(), 2);
    QVERIFY(!bp.contains(QLatin1String("valueQuantity")));
}

void TestFhirWriter::sourceDocument()
{
    FhirWriter::Source source;
    source.content = QByteArray("<ClinicalDocument/>");
    source.mediaType = QStringLiteral("application/xml");
    const ClinicalRecord record = sampleRecord();
    const QJsonObject bundle = FhirWriter::bundle(record, PatientId, source);
    const QList<QJsonObject> documents = resources(bundle, QStringLiteral("DocumentReference"));
    QCOMPARE(documents.size(), 3);
    QCOMPARE(documents.last()
                 .value(QLatin1String("type"))
                 .toObject()
                 .value(QLatin1String("coding"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("34133-9"));
    const ClinicalReadResult read =
        FhirBundleReader::read(FhirWriter::write(record, PatientId, source));
    QVERIFY(read.ok());
    QCOMPARE(read.record.attachments.size(), 3);
    QCOMPARE(read.record.attachments.last().data, source.content);
    QCOMPARE(read.record.attachments.last().title, record.header.title);
}

void TestFhirWriter::roundTripKeepsEveryEntry()
{
    const ClinicalRecord before = sampleRecord();
    const ClinicalReadResult read = FhirBundleReader::read(FhirWriter::write(before, PatientId));
    QVERIFY2(read.ok(), qPrintable(read.error.message));
    const ClinicalRecord &after = read.record;
    QVERIFY2(after.notes.isEmpty(), qPrintable(after.notes.join(u'|')));
    QCOMPARE(after.entries().size(), before.entries().size());
    QCOMPARE(after.unreadableCount(), before.unreadableCount());

    for (int k = 0; k <= int(ClinicalKind::Other); ++k) {
        const ClinicalKind kind = ClinicalKind(k);
        const QList<const ClinicalEntry *> was = ofKind(before, kind);
        const QList<const ClinicalEntry *> is = ofKind(after, kind);
        QCOMPARE(is.size(), was.size());
        QCOMPARE(after.count(kind), before.count(kind));
        for (qsizetype i = 0; i < was.size(); ++i) {
            const ClinicalEntry &a = *was.at(i);
            const ClinicalEntry &b = *is.at(i);
            const QByteArray where = clinicalKindKey(kind).toLatin1() + ' ' + QByteArray::number(i);
            QVERIFY2(a.readable == b.readable, where);
            QVERIFY2(a.noKnown == b.noKnown, where);
            QVERIFY2(a.negated == b.negated, where);
            if (!a.code.code.isEmpty()) {
                QCOMPARE(b.code.code, a.code.code);
                QCOMPARE(b.code.systemName, a.code.systemName);
                QCOMPARE(b.code.display, a.code.display);
                QCOMPARE(b.code.translations.size(), a.code.translations.size());
                for (qsizetype t = 0; t < a.code.translations.size(); ++t)
                    QCOMPARE(b.code.translations.at(t).code, a.code.translations.at(t).code);
            }
            QCOMPARE(b.value, a.value);
            QCOMPARE(b.unit, a.unit);
            QCOMPARE(b.start, a.start);
            QCOMPARE(b.end, a.end);
            QCOMPARE(b.panel, a.panel);
            if (!a.readable) {
                QCOMPARE(b.text, a.text);
                continue;
            }
            QCOMPARE(b.referenceRange, a.referenceRange);
            QCOMPARE(b.interpretation, a.interpretation);
            QCOMPARE(b.dose, a.dose);
            QCOMPARE(b.route, a.route);
            QCOMPARE(b.frequency, a.frequency);
            QCOMPARE(b.instructions, a.instructions);
            QCOMPARE(b.refusalReason, a.refusalReason);
            QCOMPARE(b.lotNumber, a.lotNumber);
            QCOMPARE(b.performer, a.performer);
            QCOMPARE(b.location, a.location);
            QCOMPARE(b.problemType, a.problemType);
            QCOMPARE(b.severity, a.severity);
            QCOMPARE(b.criticality, a.criticality);
            QCOMPARE(b.category, a.category);
            QCOMPARE(b.reactions.size(), a.reactions.size());
            QCOMPARE(b.diagnoses.size(), a.diagnoses.size());
        }
    }
    // The no-known allergy got SNOMED's code; statuses came back as FHIR has them.
    const QList<const ClinicalEntry *> allergies = ofKind(after, ClinicalKind::Allergy);
    QCOMPARE(allergies.at(1)->code.code, QStringLiteral("716186003"));
    QCOMPARE(ofKind(after, ClinicalKind::Encounter).first()->status, QStringLiteral("finished"));
    QCOMPARE(ofKind(after, ClinicalKind::Problem).first()->status, QStringLiteral("active"));
}

void TestFhirWriter::roundTripHeaderNarrativesAttachments()
{
    const ClinicalRecord before = sampleRecord();
    const ClinicalReadResult read = FhirBundleReader::read(FhirWriter::write(before, PatientId));
    QVERIFY(read.ok());
    const ClinicalRecord &after = read.record;
    QCOMPARE(after.header.documentId, before.header.documentId);
    QCOMPARE(after.header.title, before.header.title);
    QCOMPARE(after.header.date, before.header.date);
    QCOMPARE(after.header.type.code, before.header.type.code);
    QCOMPARE(after.header.patientName, before.header.patientName);
    QCOMPARE(after.header.patientBirthDate, before.header.patientBirthDate);
    QCOMPARE(after.header.patientGender, before.header.patientGender);
    QCOMPARE(after.header.patientIds, before.header.patientIds);
    QCOMPARE(after.header.custodian, before.header.custodian);
    QCOMPARE(after.header.authors.size(), 2);
    QCOMPARE(after.header.authors.at(0).name, QStringLiteral("Henry Seven"));
    QCOMPARE(after.header.authors.at(0).organization, QStringLiteral("Good Health Clinic"));
    QCOMPARE(after.header.authors.at(1).software, QStringLiteral("EHR 5.2"));

    QCOMPARE(after.sections.first().kind, ClinicalKind::Allergy);
    QCOMPARE(after.sections.first().narrativeHtml, before.sections.first().narrativeHtml);
    QCOMPARE(after.sections.first().narrativeText, before.sections.first().narrativeText);
    bool social = false;
    bool plan = false;
    for (const ClinicalSection &section : after.sections) {
        social = social ||
                 (section.title == QStringLiteral("Social History") && section.entries.size() == 1);
        plan = plan || (section.title == QStringLiteral("Plan of Care") &&
                        section.narrativeText == QStringLiteral("Return in 3 months"));
    }
    QVERIFY(social);
    QVERIFY(plan);

    QCOMPARE(after.attachments.size(), 2);
    QCOMPARE(after.attachments.at(0).data, before.attachments.at(0).data);
    QCOMPARE(after.attachments.at(0).mediaType, before.attachments.at(0).mediaType);
    QCOMPARE(after.attachments.at(0).title, before.attachments.at(0).title);
    QCOMPARE(after.attachments.at(1).reference, before.attachments.at(1).reference);
}

QTEST_GUILESS_MAIN(TestFhirWriter)
#include "tst_fhirwriter.moc"
