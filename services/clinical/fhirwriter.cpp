// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirwriter.h"

#include "services/clinical/codesystems.h"
#include "services/clinical/fhirnarrative.h"
#include "services/clinical/fhirvocabulary.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;
using FhirVocabulary::Mark;

namespace {

// The namespace of our UUID v5 ids: fixed, so ids stay the same from one run to the next.
const QUuid IdNamespace(u"1d7c5a43-2f0e-4b8e-9a61-52f4c3e0b9d7"_s);

const QString Terminology = u"http://terminology.hl7.org/CodeSystem/"_s;

QJsonObject reference(const QString &type, const QString &id)
{
    return {{"reference"_L1, type + u'/' + id}};
}

QJsonObject display(const QString &name)
{
    return {{"display"_L1, name}};
}

QJsonObject coding(const QString &system, const QString &code, const QString &display = {})
{
    QJsonObject out;
    if (!system.isEmpty())
        out.insert("system"_L1, system);
    if (!code.isEmpty())
        out.insert("code"_L1, code);
    if (!display.isEmpty())
        out.insert("display"_L1, display);
    return out;
}

QJsonObject coding(const ClinicalCode &code)
{
    return coding(CodeSystems::fhirUri(code.system), code.code, code.display);
}

// The code first, its translations after it: FhirBundleReader reads them back in that order.
QJsonObject codeable(const ClinicalCode &code)
{
    QJsonObject out;
    QJsonArray codings;
    if (!code.code.isEmpty() || !code.display.isEmpty())
        codings.append(coding(code));
    for (const ClinicalCode &translation : code.translations) {
        if (!translation.code.isEmpty() || !translation.display.isEmpty())
            codings.append(coding(translation));
    }
    if (!codings.isEmpty())
        out.insert("coding"_L1, codings);
    QString text = code.originalText;
    if (text.isEmpty() && codings.isEmpty())
        text = code.text();
    if (!text.isEmpty())
        out.insert("text"_L1, text);
    return out;
}

QJsonObject textOnly(const QString &text)
{
    return {{"text"_L1, text}};
}

QJsonObject codedText(const QString &system, const QString &code, const QString &text)
{
    return {{"coding"_L1, QJsonArray{coding(system, code)}}, {"text"_L1, text}};
}

QJsonObject mark(Mark which)
{
    return {{"url"_L1, FhirVocabulary::extensionUrl(which)}, {"valueBoolean"_L1, true}};
}

// "<5" → ("<", 5); empty comparator and NaN when the text is not a number.
double parseNumber(const QString &text, QString *comparator)
{
    static const QRegularExpression pattern(
        u"^\\s*(<=|>=|<|>)?\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nan("");
    *comparator = match.captured(1);
    return match.captured(2).toDouble();
}

QString lowerIfIn(const QString &value, std::initializer_list<const char *> allowed)
{
    const QString lower = value.trimmed().toLower();
    for (const char *word : allowed) {
        if (lower == QLatin1StringView(word))
            return lower;
    }
    return {};
}

class Writing
{
public:
    Writing(const QString &patientId)
        : m_patientId(patientId)
    {
    }

    QJsonObject bundle(const ClinicalRecord &record, const FhirWriter::Source &source);

private:
    QString id(const QString &type, const QString &key) const
    {
        return QUuid::createUuidV5(IdNamespace, m_patientId + u'|' + type + u'|' + key)
            .toString(QUuid::WithoutBraces);
    }
    void add(const QJsonObject &resource);
    QJsonObject patientReference() const { return reference(u"Patient"_s, m_patientId); }
    void patient(const ClinicalHeader &header);
    QJsonObject organization(const QString &name);
    QJsonObject author(const ClinicalPerson &person);
    QJsonObject resourceOf(const ClinicalEntry &entry, int position);
    QJsonObject common(const QString &type, const ClinicalEntry &entry, int position) const;
    void allergy(QJsonObject &resource, const ClinicalEntry &entry);
    void medication(QJsonObject &resource, const ClinicalEntry &entry, int position);
    void condition(QJsonObject &resource, const ClinicalEntry &entry);
    void immunization(QJsonObject &resource, const ClinicalEntry &entry);
    void observation(QJsonObject &resource, const ClinicalEntry &entry);
    void encounter(QJsonObject &resource, const ClinicalEntry &entry);
    void procedure(QJsonObject &resource, const ClinicalEntry &entry);
    QJsonObject section(const ClinicalSection &section, int *position);
    void panels(const QList<QPair<const ClinicalEntry *, QString>> &observations);
    void documentReference(const ClinicalAttachment &attachment, const ClinicalHeader &header,
                           const QString &key, bool source);

    QString m_patientId;
    QJsonArray m_entries;
    QHash<QString, QString> m_organizations;                     // name → id
    QList<QPair<const ClinicalEntry *, QString>> m_observations; // entry → Observation id
    QJsonArray m_authorReferences;
};

void Writing::add(const QJsonObject &resource)
{
    const QString type = resource.value("resourceType"_L1).toString();
    const QString rid = resource.value("id"_L1).toString();
    m_entries.append(QJsonObject{
        {"fullUrl"_L1, "urn:uuid:"_L1 + rid},
        {"resource"_L1, resource},
        {"request"_L1, QJsonObject{{"method"_L1, u"PUT"_s}, {"url"_L1, type + u'/' + rid}}},
    });
}

QJsonObject Writing::bundle(const ClinicalRecord &record, const FhirWriter::Source &source)
{
    const ClinicalHeader &header = record.header;
    patient(header);

    QJsonObject composition{
        {"resourceType"_L1, u"Composition"_s},
        {"id"_L1, id(u"Composition"_s, header.documentId)},
        {"status"_L1, u"final"_s},
        {"subject"_L1, patientReference()},
    };
    const QJsonObject type = codeable(header.type);
    composition.insert("type"_L1, type.isEmpty() ? textOnly(header.title) : type);
    if (!header.documentId.isEmpty()) {
        const qsizetype caret = header.documentId.indexOf(u'^');
        composition.insert(
            "identifier"_L1,
            caret < 0
                ? QJsonObject{{"value"_L1, header.documentId}}
                : QJsonObject{{"system"_L1, CodeSystems::fhirUri(header.documentId.left(caret))},
                              {"value"_L1, header.documentId.mid(caret + 1)}});
    }
    if (!header.date.isEmpty())
        composition.insert("date"_L1, header.date);
    if (!header.title.isEmpty())
        composition.insert("title"_L1, header.title);
    for (const ClinicalPerson &person : header.authors) {
        const QJsonObject ref = author(person);
        if (!ref.isEmpty())
            m_authorReferences.append(ref);
    }
    if (!m_authorReferences.isEmpty())
        composition.insert("author"_L1, m_authorReferences);
    if (!header.custodian.isEmpty())
        composition.insert("custodian"_L1, organization(header.custodian));
    if (!header.replacesDocumentId.isEmpty()) {
        const qsizetype caret = header.replacesDocumentId.indexOf(u'^');
        const QJsonObject target =
            caret < 0 ? QJsonObject{{"value"_L1, header.replacesDocumentId}}
                      : QJsonObject{{"system"_L1,
                                     CodeSystems::fhirUri(header.replacesDocumentId.left(caret))},
                                    {"value"_L1, header.replacesDocumentId.mid(caret + 1)}};
        composition.insert(
            "relatesTo"_L1,
            QJsonArray{QJsonObject{{"code"_L1, u"replaces"_s}, {"targetIdentifier"_L1, target}}});
    }

    int position = 0;
    QJsonArray sections;
    for (const ClinicalSection &s : record.sections)
        sections.append(section(s, &position));
    if (!sections.isEmpty())
        composition.insert("section"_L1, sections);
    add(composition);

    panels(m_observations);
    for (qsizetype i = 0; i < record.attachments.size(); ++i)
        documentReference(record.attachments.at(i), header, QString::number(i), false);
    if (!source.content.isEmpty()) {
        ClinicalAttachment document;
        document.data = source.content;
        document.mediaType = source.mediaType;
        document.title = source.title.isEmpty() ? header.title : source.title;
        documentReference(document, header, u"source"_s, true);
    }
    return {
        {"resourceType"_L1, u"Bundle"_s},
        {"id"_L1, id(u"Bundle"_s, header.documentId)},
        {"type"_L1, u"batch"_s},
        {"entry"_L1, m_entries},
    };
}

void Writing::patient(const ClinicalHeader &header)
{
    QJsonObject patient{{"resourceType"_L1, u"Patient"_s}, {"id"_L1, m_patientId}};
    if (!header.patientName.isEmpty()) {
        QJsonObject name{{"text"_L1, header.patientName}};
        QStringList parts = header.patientName.split(u' ', Qt::SkipEmptyParts);
        if (!parts.isEmpty())
            name.insert("family"_L1, parts.takeLast());
        if (!parts.isEmpty())
            name.insert("given"_L1, QJsonArray::fromStringList(parts));
        patient.insert("name"_L1, QJsonArray{name});
    }
    if (!header.patientBirthDate.isEmpty())
        patient.insert("birthDate"_L1, header.patientBirthDate);
    const QString gender = lowerIfIn(header.patientGender, {"male", "female", "other", "unknown"});
    if (!gender.isEmpty())
        patient.insert("gender"_L1, gender);
    QJsonArray identifiers;
    for (const QString &text : header.patientIds) {
        const qsizetype caret = text.indexOf(u'^');
        identifiers.append(caret < 0
                               ? QJsonObject{{"value"_L1, text}}
                               : QJsonObject{{"system"_L1, CodeSystems::fhirUri(text.left(caret))},
                                             {"value"_L1, text.mid(caret + 1)}});
    }
    if (!identifiers.isEmpty())
        patient.insert("identifier"_L1, identifiers);
    add(patient);
}

QJsonObject Writing::organization(const QString &name)
{
    QString oid = m_organizations.value(name);
    if (oid.isEmpty()) {
        oid = id(u"Organization"_s, name);
        m_organizations.insert(name, oid);
        add({{"resourceType"_L1, u"Organization"_s}, {"id"_L1, oid}, {"name"_L1, name}});
    }
    return reference(u"Organization"_s, oid);
}

// A person with an organization is a PractitionerRole; software is a Device.
QJsonObject Writing::author(const ClinicalPerson &person)
{
    if (!person.name.isEmpty()) {
        const QString practitioner = id(u"Practitioner"_s, person.name);
        add({{"resourceType"_L1, u"Practitioner"_s},
             {"id"_L1, practitioner},
             {"name"_L1, QJsonArray{QJsonObject{{"text"_L1, person.name}}}}});
        if (person.organization.isEmpty())
            return reference(u"Practitioner"_s, practitioner);
        const QString role = id(u"PractitionerRole"_s, person.name + u'|' + person.organization);
        add({{"resourceType"_L1, u"PractitionerRole"_s},
             {"id"_L1, role},
             {"practitioner"_L1, reference(u"Practitioner"_s, practitioner)},
             {"organization"_L1, organization(person.organization)}});
        return reference(u"PractitionerRole"_s, role);
    }
    if (!person.organization.isEmpty())
        return organization(person.organization);
    if (!person.software.isEmpty()) {
        const QString device = id(u"Device"_s, person.software);
        add({{"resourceType"_L1, u"Device"_s},
             {"id"_L1, device},
             {"deviceName"_L1, QJsonArray{QJsonObject{{"name"_L1, person.software},
                                                      {"type"_L1, u"user-friendly-name"_s}}}}});
        return reference(u"Device"_s, device);
    }
    return {};
}

QJsonObject Writing::section(const ClinicalSection &source, int *position)
{
    QJsonObject out;
    out.insert("title"_L1, source.title.isEmpty() ? clinicalKindTitle(source.kind) : source.title);
    ClinicalCode code = source.code;
    if (code.isEmpty() && source.kind != ClinicalKind::Other) {
        code.code = FhirVocabulary::sectionCode(source.kind);
        code.system = u"http://loinc.org"_s;
    }
    if (!code.isEmpty())
        out.insert("code"_L1, codeable(code));
    const QString div = FhirNarrative::toDiv(source.narrativeHtml, source.narrativeText);
    if (!div.isEmpty())
        out.insert("text"_L1, QJsonObject{{"status"_L1, u"generated"_s}, {"div"_L1, div}});
    QJsonArray entries;
    for (const ClinicalEntry &entry : source.entries) {
        const QJsonObject resource = resourceOf(entry, (*position)++);
        entries.append(reference(resource.value("resourceType"_L1).toString(),
                                 resource.value("id"_L1).toString()));
    }
    if (!entries.isEmpty())
        out.insert("entry"_L1, entries);
    if (!source.nullFlavor.isEmpty() && entries.isEmpty()) {
        out.insert("emptyReason"_L1, codedText(Terminology + "list-empty-reason"_L1,
                                               u"unavailable"_s, source.nullFlavor));
    }
    QJsonArray inner;
    for (const ClinicalSection &subsection : source.subsections)
        inner.append(section(subsection, position));
    if (!inner.isEmpty())
        out.insert("section"_L1, inner);
    return out;
}

QJsonObject Writing::common(const QString &type, const ClinicalEntry &entry, int position) const
{
    const QString key = QString::number(position) + u'|' + entry.code.code;
    QJsonObject resource{{"resourceType"_L1, type}, {"id"_L1, id(type, key)}};
    QJsonArray extensions;
    if (!entry.readable)
        extensions.append(mark(Mark::Unreadable));
    if (entry.noKnown)
        extensions.append(mark(Mark::NoKnown));
    if (entry.kind == ClinicalKind::Other)
        extensions.append(mark(Mark::OtherKind));
    if (!extensions.isEmpty())
        resource.insert("extension"_L1, extensions);
    const QString div = FhirNarrative::toDiv(QString(), entry.text);
    if (!div.isEmpty())
        resource.insert("text"_L1, QJsonObject{{"status"_L1, u"generated"_s}, {"div"_L1, div}});
    return resource;
}

void addNegatedMark(QJsonObject &resource)
{
    QJsonArray extensions = resource.value("extension"_L1).toArray();
    extensions.append(mark(Mark::Negated));
    resource.insert("extension"_L1, extensions);
}

QJsonObject Writing::resourceOf(const ClinicalEntry &source, int position)
{
    // An entry without a code keeps its words as the code's text, as FHIR readers look there.
    ClinicalEntry entry = source;
    if (entry.code.isEmpty() && !entry.noKnown)
        entry.code.originalText = entry.text;
    static const QHash<ClinicalKind, QString> types = {
        {ClinicalKind::Allergy, u"AllergyIntolerance"_s},
        {ClinicalKind::Medication, u"MedicationStatement"_s},
        {ClinicalKind::Problem, u"Condition"_s},
        {ClinicalKind::Immunization, u"Immunization"_s},
        {ClinicalKind::Result, u"Observation"_s},
        {ClinicalKind::VitalSign, u"Observation"_s},
        {ClinicalKind::Encounter, u"Encounter"_s},
        {ClinicalKind::Procedure, u"Procedure"_s},
        {ClinicalKind::Other, u"Observation"_s},
    };
    const QString type = types.value(entry.kind);
    QJsonObject resource = common(type, entry, position);
    const QString subjectKey =
        entry.kind == ClinicalKind::Allergy || entry.kind == ClinicalKind::Immunization
            ? u"patient"_s
            : u"subject"_s;
    resource.insert(subjectKey, patientReference());

    switch (entry.kind) {
    case ClinicalKind::Allergy:
        allergy(resource, entry);
        break;
    case ClinicalKind::Medication:
        medication(resource, entry, position);
        break;
    case ClinicalKind::Problem:
        condition(resource, entry);
        break;
    case ClinicalKind::Immunization:
        immunization(resource, entry);
        break;
    case ClinicalKind::Encounter:
        encounter(resource, entry);
        break;
    case ClinicalKind::Procedure:
        procedure(resource, entry);
        break;
    case ClinicalKind::Result:
    case ClinicalKind::VitalSign:
    case ClinicalKind::Other:
        observation(resource, entry);
        m_observations.last().first = &source;
        break;
    }
    if (!entry.details.isEmpty()) {
        QJsonArray notes;
        for (const auto &[label, value] : entry.details)
            notes.append(QJsonObject{{"text"_L1, label + ": "_L1 + value}});
        resource.insert("note"_L1, notes);
    }
    add(resource);
    return resource;
}

void Writing::allergy(QJsonObject &resource, const ClinicalEntry &entry)
{
    ClinicalCode code = entry.code;
    if (entry.noKnown && code.code.isEmpty()) {
        code.code = QString::fromLatin1(FhirVocabulary::NoKnownAllergyCode);
        code.system = u"http://snomed.info/sct"_s;
        code.display = u"No known allergy"_s;
    }
    resource.insert("code"_L1, codeable(code));
    if (!entry.readable)
        return;
    const QString status = lowerIfIn(entry.status, {"active", "inactive", "resolved"});
    if (!status.isEmpty())
        resource.insert("clinicalStatus"_L1,
                        codedText(Terminology + "allergyintolerance-clinical"_L1, status, status));
    if (entry.negated)
        resource.insert("verificationStatus"_L1,
                        codedText(Terminology + "allergyintolerance-verification"_L1, u"refuted"_s,
                                  u"refuted"_s));
    QJsonArray categories;
    for (const QString &category : entry.category.split(u',', Qt::SkipEmptyParts)) {
        const QString valid =
            lowerIfIn(category, {"food", "medication", "environment", "biologic"});
        if (!valid.isEmpty())
            categories.append(valid);
    }
    if (!categories.isEmpty())
        resource.insert("category"_L1, categories);
    const QString criticality = lowerIfIn(entry.criticality, {"low", "high", "unable-to-assess"});
    if (!criticality.isEmpty())
        resource.insert("criticality"_L1, criticality);
    if (!entry.start.isEmpty())
        resource.insert("onsetDateTime"_L1, entry.start);
    if (!entry.end.isEmpty()) {
        QJsonArray extensions = resource.value("extension"_L1).toArray();
        extensions.append(QJsonObject{{"url"_L1, FhirVocabulary::extensionUrl(Mark::End)},
                                      {"valueDateTime"_L1, entry.end}});
        resource.insert("extension"_L1, extensions);
    }
    const QString severity = lowerIfIn(entry.severity, {"mild", "moderate", "severe"});
    if (!entry.reactions.isEmpty() || !severity.isEmpty()) {
        QJsonArray manifestations;
        for (const ClinicalCode &reaction : entry.reactions)
            manifestations.append(codeable(reaction));
        if (manifestations.isEmpty()) {
            // FHIR wants a manifestation; say it is not known rather than invent one.
            manifestations.append(QJsonObject{
                {"extension"_L1,
                 QJsonArray{QJsonObject{
                     {"url"_L1, u"http://hl7.org/fhir/StructureDefinition/data-absent-reason"_s},
                     {"valueCode"_L1, u"unknown"_s}}}}});
        }
        QJsonObject reaction{{"manifestation"_L1, manifestations}};
        if (!severity.isEmpty())
            reaction.insert("severity"_L1, severity);
        resource.insert("reaction"_L1, QJsonArray{reaction});
    }
}

void Writing::medication(QJsonObject &resource, const ClinicalEntry &entry, int position)
{
    ClinicalCode code = entry.code;
    if (entry.noKnown && code.code.isEmpty()) {
        code.code = u"no-known-medications"_s;
        code.system = u"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"_s;
        code.display = u"No known medications"_s;
    }
    const QString medication = id(u"Medication"_s, QString::number(position) + u'|' + code.code);
    add({{"resourceType"_L1, u"Medication"_s}, {"id"_L1, medication}, {"code"_L1, codeable(code)}});
    resource.insert("medicationReference"_L1, reference(u"Medication"_s, medication));
    if (!entry.readable)
        return;
    QString status = lowerIfIn(entry.status, {"active", "completed", "entered-in-error", "intended",
                                              "stopped", "on-hold", "unknown", "not-taken"});
    if (entry.negated)
        status = u"not-taken"_s;
    else if (status.isEmpty())
        status = entry.status == u"aborted"     ? u"stopped"_s
                 : entry.status == u"suspended" ? u"on-hold"_s
                                                : u"unknown"_s;
    resource.insert("status"_L1, status);
    if (!entry.end.isEmpty()) {
        QJsonObject period;
        if (!entry.start.isEmpty())
            period.insert("start"_L1, entry.start);
        period.insert("end"_L1, entry.end);
        resource.insert("effectivePeriod"_L1, period);
    } else if (!entry.start.isEmpty()) {
        resource.insert("effectiveDateTime"_L1, entry.start);
    }
    QJsonObject dosage;
    if (!entry.instructions.isEmpty())
        dosage.insert("text"_L1, entry.instructions);
    if (!entry.frequency.isEmpty())
        dosage.insert("timing"_L1, QJsonObject{{"code"_L1, textOnly(entry.frequency)}});
    if (!entry.route.isEmpty())
        dosage.insert("route"_L1, textOnly(entry.route));
    if (!entry.dose.isEmpty()) {
        // "10 mg" as a quantity; words that are not a number keep to the unit.
        const qsizetype space = entry.dose.indexOf(u' ');
        QString comparator;
        const double value =
            parseNumber(space < 0 ? entry.dose : entry.dose.left(space), &comparator);
        QJsonObject dose;
        if (!std::isnan(value) && comparator.isEmpty()) {
            dose.insert("value"_L1, value);
            if (space > 0)
                dose.insert("unit"_L1, entry.dose.mid(space + 1));
        } else {
            dose.insert("unit"_L1, entry.dose);
        }
        dosage.insert("doseAndRate"_L1, QJsonArray{QJsonObject{{"doseQuantity"_L1, dose}}});
    }
    if (!dosage.isEmpty())
        resource.insert("dosage"_L1, QJsonArray{dosage});
    if (!entry.performer.isEmpty())
        resource.insert("informationSource"_L1, display(entry.performer));
}

void Writing::condition(QJsonObject &resource, const ClinicalEntry &entry)
{
    ClinicalCode code = entry.code;
    if (entry.noKnown && code.code.isEmpty()) {
        code.code = u"no-known-problems"_s;
        code.system = u"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"_s;
        code.display = u"No known problems"_s;
    }
    resource.insert("code"_L1, codeable(code));
    if (!entry.readable)
        return;
    QString status = lowerIfIn(
        entry.status, {"active", "recurrence", "relapse", "inactive", "remission", "resolved"});
    if (status.isEmpty() && entry.status.compare("completed"_L1, Qt::CaseInsensitive) == 0)
        status = u"resolved"_s;
    if (!status.isEmpty())
        resource.insert("clinicalStatus"_L1,
                        codedText(Terminology + "condition-clinical"_L1, status, status));
    if (entry.negated)
        resource.insert("verificationStatus"_L1, codedText(Terminology + "condition-ver-status"_L1,
                                                           u"refuted"_s, u"refuted"_s));
    if (!entry.problemType.isEmpty()) {
        const QString type = entry.problemType.toLower();
        const QString category = type == u"diagnosis"        ? u"encounter-diagnosis"_s
                                 : type == u"problem"        ? u"problem-list-item"_s
                                 : type == u"health concern" ? u"health-concern"_s
                                                             : QString();
        resource.insert("category"_L1,
                        QJsonArray{category.isEmpty()
                                       ? textOnly(entry.problemType)
                                       : codedText(Terminology + "condition-category"_L1, category,
                                                   entry.problemType)});
    }
    if (!entry.start.isEmpty())
        resource.insert("onsetDateTime"_L1, entry.start);
    if (!entry.end.isEmpty())
        resource.insert("abatementDateTime"_L1, entry.end);
}

void Writing::immunization(QJsonObject &resource, const ClinicalEntry &entry)
{
    resource.insert("vaccineCode"_L1, codeable(entry.code));
    if (!entry.readable)
        return;
    resource.insert("status"_L1,
                    entry.negated ? u"not-done"_s
                    : entry.status.compare("entered-in-error"_L1, Qt::CaseInsensitive) == 0
                        ? u"entered-in-error"_s
                        : u"completed"_s);
    if (entry.negated && !entry.refusalReason.isEmpty())
        resource.insert("statusReason"_L1, textOnly(entry.refusalReason));
    if (!entry.start.isEmpty())
        resource.insert("occurrenceDateTime"_L1, entry.start);
    if (!entry.lotNumber.isEmpty())
        resource.insert("lotNumber"_L1, entry.lotNumber);
    if (!entry.route.isEmpty())
        resource.insert("route"_L1, textOnly(entry.route));
    if (!entry.performer.isEmpty())
        resource.insert("performer"_L1,
                        QJsonArray{QJsonObject{{"actor"_L1, display(entry.performer)}}});
    if (!entry.location.isEmpty())
        resource.insert("location"_L1, display(entry.location));
}

void Writing::observation(QJsonObject &resource, const ClinicalEntry &entry)
{
    resource.insert("code"_L1, codeable(entry.code));
    m_observations.append({&entry, resource.value("id"_L1).toString()});
    if (!entry.readable)
        return;
    if (entry.negated)
        addNegatedMark(resource);
    if (entry.kind == ClinicalKind::VitalSign)
        resource.insert("category"_L1, QJsonArray{codedText(Terminology + "observation-category"_L1,
                                                            u"vital-signs"_s, u"Vital Signs"_s)});
    else if (entry.kind == ClinicalKind::Result)
        resource.insert("category"_L1, QJsonArray{codedText(Terminology + "observation-category"_L1,
                                                            u"laboratory"_s, u"Laboratory"_s)});
    const QString status = lowerIfIn(entry.status, {"registered", "preliminary", "final", "amended",
                                                    "corrected", "cancelled", "entered-in-error"});
    resource.insert("status"_L1, !status.isEmpty() ? status
                                 : entry.status.compare("completed"_L1, Qt::CaseInsensitive) == 0
                                     ? u"final"_s
                                     : u"unknown"_s);
    if (!entry.end.isEmpty()) {
        QJsonObject period{{"end"_L1, entry.end}};
        if (!entry.start.isEmpty())
            period.insert("start"_L1, entry.start);
        resource.insert("effectivePeriod"_L1, period);
    } else if (!entry.start.isEmpty()) {
        resource.insert("effectiveDateTime"_L1, entry.start);
    }

    auto quantity = [&entry](double value, const QString &comparator) {
        QJsonObject q{{"value"_L1, value}};
        if (!comparator.isEmpty())
            q.insert("comparator"_L1, comparator);
        if (!entry.unit.isEmpty()) {
            q.insert("unit"_L1, entry.unit);
            q.insert("system"_L1, u"http://unitsofmeasure.org"_s);
            q.insert("code"_L1, entry.unit);
        }
        return q;
    };
    static const QRegularExpression pressure(
        u"^\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*$"_s);
    const QRegularExpressionMatch pair = pressure.match(entry.value);
    QString comparator;
    const double number = parseNumber(entry.value, &comparator);
    const bool bloodPressure = entry.kind == ClinicalKind::VitalSign ||
                               entry.code.code == u"85354-9" || entry.code.code == u"55284-4" ||
                               entry.code.code == u"35094-2";
    if (pair.hasMatch() && bloodPressure) {
        // Blood pressure: systolic and diastolic components, as US Core has them.
        resource.insert(
            "component"_L1,
            QJsonArray{
                QJsonObject{{"code"_L1, codedText(u"http://loinc.org"_s, u"8480-6"_s,
                                                  u"Systolic blood pressure"_s)},
                            {"valueQuantity"_L1, quantity(pair.captured(1).toDouble(), {})}},
                QJsonObject{{"code"_L1, codedText(u"http://loinc.org"_s, u"8462-4"_s,
                                                  u"Diastolic blood pressure"_s)},
                            {"valueQuantity"_L1, quantity(pair.captured(2).toDouble(), {})}},
            });
    } else if (!std::isnan(number)) {
        resource.insert("valueQuantity"_L1, quantity(number, comparator));
    } else if (!entry.value.isEmpty()) {
        resource.insert("valueString"_L1,
                        entry.unit.isEmpty() ? entry.value : entry.value + u' ' + entry.unit);
    }
    if (!entry.referenceRange.isEmpty())
        resource.insert("referenceRange"_L1, QJsonArray{textOnly(entry.referenceRange)});
    if (!entry.interpretation.isEmpty()) {
        static const QHash<QString, QString> flags = {
            {u"high"_s, u"H"_s},     {u"low"_s, u"L"_s},        {u"normal"_s, u"N"_s},
            {u"abnormal"_s, u"A"_s}, {u"positive"_s, u"POS"_s}, {u"negative"_s, u"NEG"_s},
        };
        const QString flag = flags.value(entry.interpretation.toLower());
        resource.insert("interpretation"_L1,
                        QJsonArray{flag.isEmpty()
                                       ? textOnly(entry.interpretation)
                                       : codedText(Terminology + "v3-ObservationInterpretation"_L1,
                                                   flag, entry.interpretation)});
    }
    if (!entry.performer.isEmpty())
        resource.insert("performer"_L1, QJsonArray{display(entry.performer)});
}

void Writing::encounter(QJsonObject &resource, const ClinicalEntry &entry)
{
    resource.insert("type"_L1, QJsonArray{codeable(entry.code)});
    if (!entry.readable)
        return;
    if (entry.negated)
        addNegatedMark(resource);
    QString status =
        lowerIfIn(entry.status, {"planned", "arrived", "triaged", "in-progress", "onleave",
                                 "finished", "cancelled", "entered-in-error", "unknown"});
    if (status.isEmpty())
        status = entry.status.compare("completed"_L1, Qt::CaseInsensitive) == 0 ? u"finished"_s
                                                                                : u"unknown"_s;
    resource.insert("status"_L1, status);
    // FHIR wants a class; the document did not say, and we do not guess.
    resource.insert("class"_L1, coding(Terminology + "v3-NullFlavor"_L1, u"UNK"_s, u"unknown"_s));
    QJsonObject period;
    if (!entry.start.isEmpty())
        period.insert("start"_L1, entry.start);
    if (!entry.end.isEmpty())
        period.insert("end"_L1, entry.end);
    if (!period.isEmpty())
        resource.insert("period"_L1, period);
    if (!entry.performer.isEmpty())
        resource.insert("participant"_L1,
                        QJsonArray{QJsonObject{{"individual"_L1, display(entry.performer)}}});
    if (!entry.location.isEmpty())
        resource.insert("location"_L1,
                        QJsonArray{QJsonObject{{"location"_L1, display(entry.location)}}});
    QJsonArray reasons;
    for (const ClinicalCode &diagnosis : entry.diagnoses)
        reasons.append(codeable(diagnosis));
    if (!reasons.isEmpty())
        resource.insert("reasonCode"_L1, reasons);
}

void Writing::procedure(QJsonObject &resource, const ClinicalEntry &entry)
{
    resource.insert("code"_L1, codeable(entry.code));
    if (!entry.readable)
        return;
    QString status =
        lowerIfIn(entry.status, {"preparation", "in-progress", "not-done", "on-hold", "stopped",
                                 "completed", "entered-in-error", "unknown"});
    if (entry.negated)
        status = u"not-done"_s;
    else if (status.isEmpty())
        status = entry.status.compare("aborted"_L1, Qt::CaseInsensitive) == 0 ? u"stopped"_s
                                                                              : u"unknown"_s;
    resource.insert("status"_L1, status);
    if (!entry.end.isEmpty()) {
        QJsonObject period{{"end"_L1, entry.end}};
        if (!entry.start.isEmpty())
            period.insert("start"_L1, entry.start);
        resource.insert("performedPeriod"_L1, period);
    } else if (!entry.start.isEmpty()) {
        resource.insert("performedDateTime"_L1, entry.start);
    }
    if (!entry.performer.isEmpty())
        resource.insert("performer"_L1,
                        QJsonArray{QJsonObject{{"actor"_L1, display(entry.performer)}}});
    if (!entry.location.isEmpty())
        resource.insert("location"_L1, display(entry.location));
    QJsonArray reasons;
    for (const ClinicalCode &diagnosis : entry.diagnoses)
        reasons.append(codeable(diagnosis));
    if (!reasons.isEmpty())
        resource.insert("reasonCode"_L1, reasons);
}

// One DiagnosticReport per panel and date: several vital-sign panels of the same name stay apart.
void Writing::panels(const QList<QPair<const ClinicalEntry *, QString>> &observations)
{
    QList<QString> order;
    QHash<QString, QJsonArray> results;
    QHash<QString, const ClinicalEntry *> firsts;
    for (const auto &[entry, observationId] : observations) {
        if (entry->panel.isEmpty())
            continue;
        const QString key =
            clinicalKindKey(entry->kind) + u'|' + entry->panel + u'|' + entry->start;
        if (!results.contains(key)) {
            order.append(key);
            firsts.insert(key, entry);
        }
        results[key].append(reference(u"Observation"_s, observationId));
    }
    for (const QString &key : order) {
        const ClinicalEntry *first = firsts.value(key);
        QJsonObject report{
            {"resourceType"_L1, u"DiagnosticReport"_s},
            {"id"_L1, id(u"DiagnosticReport"_s, key)},
            {"status"_L1, u"final"_s},
            {"code"_L1, textOnly(first->panel)},
            {"subject"_L1, patientReference()},
            {"result"_L1, results.value(key)},
        };
        if (!first->start.isEmpty())
            report.insert("effectiveDateTime"_L1, first->start);
        if (first->kind == ClinicalKind::VitalSign)
            report.insert("category"_L1,
                          QJsonArray{codedText(Terminology + "observation-category"_L1,
                                               u"vital-signs"_s, u"Vital Signs"_s)});
        else
            report.insert("category"_L1, QJsonArray{codedText(Terminology + "v2-0074"_L1, u"LAB"_s,
                                                              u"Laboratory"_s)});
        add(report);
    }
}

void Writing::documentReference(const ClinicalAttachment &attachment, const ClinicalHeader &header,
                                const QString &key, bool source)
{
    QJsonObject content;
    if (!attachment.mediaType.isEmpty())
        content.insert("contentType"_L1, attachment.mediaType);
    if (!attachment.title.isEmpty())
        content.insert("title"_L1, attachment.title);
    if (!attachment.data.isEmpty())
        content.insert("data"_L1, QString::fromLatin1(attachment.data.toBase64()));
    if (!attachment.reference.isEmpty())
        content.insert("url"_L1, attachment.reference);
    QJsonObject document{
        {"resourceType"_L1, u"DocumentReference"_s},
        {"id"_L1, id(u"DocumentReference"_s, key)},
        {"status"_L1, u"current"_s},
        {"subject"_L1, patientReference()},
        {"content"_L1, QJsonArray{QJsonObject{{"attachment"_L1, content}}}},
    };
    if (source) {
        const QJsonObject type = codeable(header.type);
        if (!type.isEmpty())
            document.insert("type"_L1, type);
        if (!header.date.isEmpty())
            document.insert("date"_L1, header.date);
        if (!m_authorReferences.isEmpty())
            document.insert("author"_L1, m_authorReferences);
        if (!header.custodian.isEmpty())
            document.insert("custodian"_L1, organization(header.custodian));
    }
    add(document);
}

} // namespace

QJsonObject FhirWriter::bundle(const ClinicalRecord &record, const QString &patientId,
                               const Source &source)
{
    Writing writing(patientId);
    return writing.bundle(record, source);
}

QByteArray FhirWriter::write(const ClinicalRecord &record, const QString &patientId,
                             const Source &source)
{
    return QJsonDocument(bundle(record, patientId, source)).toJson(QJsonDocument::Compact);
}
