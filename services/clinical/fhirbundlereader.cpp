// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirbundlereader.h"

#include "services/clinical/codesystems.h"
#include "services/clinical/fhirnarrative.h"
#include "services/clinical/fhirvocabulary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;
using FhirVocabulary::Mark;

namespace {

constexpr int KindCount = int(ClinicalKind::Other) + 1;

// The deepest nesting of objects and arrays, stopping as soon as it passes `limit`. A scan of
// the bytes, so that a hostile input is refused before any parser recurses into it.
int nestingDepth(const QByteArray &json, int limit)
{
    const char *p = json.constData();
    const char *end = p + json.size();
    int depth = 0;
    int deepest = 0;
    while (p < end) {
        const char c = *p++;
        if (c == '"') {
            // Skip the string: find its closing quote, not counting escaped ones.
            while (p < end) {
                const void *found = std::memchr(p, '"', size_t(end - p));
                if (!found)
                    return deepest;
                const char *quote = static_cast<const char *>(found);
                const char *back = quote;
                while (back > p && back[-1] == '\\')
                    --back;
                p = quote + 1;
                if ((quote - back) % 2 == 0)
                    break;
            }
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

QString number(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

// "Patient/123" from "https://server/fhir/Patient/123/_history/2"; empty when there is none.
QString typeAndId(const QString &url)
{
    QString path = url;
    const qsizetype history = path.indexOf("/_history/"_L1);
    if (history >= 0)
        path.truncate(history);
    const qsizetype last = path.lastIndexOf(u'/');
    if (last <= 0)
        return {};
    const qsizetype before = path.lastIndexOf(u'/', last - 1);
    return path.mid(before + 1);
}

QString capitalized(const QString &word)
{
    if (word.isEmpty())
        return word;
    return word.front().toUpper() + word.mid(1);
}

QString counted(int n, const char *one, const char *many)
{
    return QCoreApplication::translate("FhirBundleReader", n == 1 ? one : many, nullptr, n);
}

// One reading of one bundle; FhirBundleReader::read makes one per call.
class BundleReading
{
    Q_DECLARE_TR_FUNCTIONS(FhirBundleReader)

public:
    ClinicalRecord read(const QJsonObject &root);

private:
    // Indexing and references
    void index(const QJsonObject &resource, const QString &fullUrl);
    qsizetype find(const QString &reference) const;
    QJsonObject resolve(const QJsonValue &reference, const QJsonObject &container,
                        qsizetype *index = nullptr) const;
    QString nameOf(const QJsonValue &reference, const QJsonObject &container) const;
    QString namesOf(const QJsonValue &references, const QJsonObject &container,
                    QLatin1StringView inner = {}) const;
    QString displayName(const QJsonObject &resource, const QJsonObject &container) const;
    void findPanels();

    // Data types
    void problem(QLatin1StringView field);
    ClinicalCode coding(const QJsonObject &coding);
    ClinicalCode codeable(const QJsonValue &value, QLatin1StringView field);
    QString words(const QJsonValue &value) const;
    QString quantity(const QJsonValue &value, QString *unit = nullptr) const;
    void dates(const QJsonObject &resource, QLatin1StringView prefix, QString *start,
               QString *end) const;
    QString frequency(const QJsonObject &timing) const;
    void readValue(const QJsonObject &holder, QString *value, QString *unit);
    static QString humanName(const QJsonValue &names);
    static QString identifierText(const QJsonObject &identifier);

    // Resources
    ClinicalEntry begin(const QJsonObject &resource, ClinicalKind kind);
    void finish(ClinicalEntry &entry, const QJsonObject &resource);
    void allergy(const QJsonObject &resource);
    void medication(const QJsonObject &resource, bool request);
    void condition(const QJsonObject &resource);
    void immunization(const QJsonObject &resource);
    void observation(const QJsonObject &resource, qsizetype index);
    void encounter(const QJsonObject &resource);
    void procedure(const QJsonObject &resource);
    void diagnosticReport(const QJsonObject &resource, qsizetype index);
    void documentReference(const QJsonObject &resource);
    ClinicalAttachment attachment(const QJsonObject &value, const QJsonObject &container);
    void patient(const QJsonObject &resource);
    void composition(const QJsonObject &resource);
    ClinicalSection compositionSection(const QJsonObject &section, const QJsonObject &container,
                                       ClinicalKind *kind);
    ClinicalKind kindOfResource(const QJsonObject &resource) const;
    void buildSections();

    QList<QJsonObject> m_resources;
    QStringList m_types;
    QHash<QString, qsizetype> m_byUrl;        // fullUrl and "Type/id"
    QHash<QString, qsizetype> m_byIdentifier; // "Type?system|value"
    QHash<qsizetype, QString> m_panelOf;      // observation → its panel's name
    QSet<qsizetype> m_panels;                 // observations that only group others
    QSet<qsizetype> m_groups;                 // reports and observations with members here
    QSet<qsizetype> m_usedBinaries;
    QSet<qsizetype> m_authorDevices;
    QHash<QString, QString> m_systemNames;
    QMap<QString, int> m_notShown;
    std::array<QList<ClinicalEntry>, KindCount> m_entries;
    QList<QPair<ClinicalKind, ClinicalSection>> m_compositionSections;
    QStringList m_problems; // fields of the current resource that had the wrong JSON type
    bool m_havePatient = false;
    bool m_haveComposition = false;
    ClinicalRecord m_record;
};

ClinicalRecord BundleReading::read(const QJsonObject &root)
{
    m_record.format = ClinicalRecord::Format::Fhir;
    int withoutResource = 0;
    if (root.value("resourceType"_L1).toString() == "Bundle"_L1) {
        m_record.header.documentId = root.value("identifier"_L1).isObject()
                                         ? identifierText(root.value("identifier"_L1).toObject())
                                         : root.value("id"_L1).toString();
        m_record.header.date = root.value("timestamp"_L1).toString();
        const QJsonArray entries = root.value("entry"_L1).toArray();
        m_resources.reserve(entries.size());
        m_types.reserve(entries.size());
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QJsonValue resource = entry.value("resource"_L1);
            if (!resource.isObject()) {
                ++withoutResource;
                continue;
            }
            index(resource.toObject(), entry.value("fullUrl"_L1).toString());
        }
    } else {
        index(root, QString());
    }
    findPanels();

    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const QJsonObject &resource = m_resources.at(i);
        const QString &type = m_types.at(i);
        m_problems.clear();
        if (type == "Observation"_L1)
            observation(resource, i);
        else if (type == "AllergyIntolerance"_L1)
            allergy(resource);
        else if (type == "MedicationStatement"_L1)
            medication(resource, false);
        else if (type == "MedicationRequest"_L1)
            medication(resource, true);
        else if (type == "Condition"_L1)
            condition(resource);
        else if (type == "Immunization"_L1)
            immunization(resource);
        else if (type == "Encounter"_L1)
            encounter(resource);
        else if (type == "Procedure"_L1)
            procedure(resource);
        else if (type == "DiagnosticReport"_L1)
            diagnosticReport(resource, i);
        else if (type == "DocumentReference"_L1)
            documentReference(resource);
        else if (type == "Patient"_L1)
            patient(resource);
        else if (type == "Composition"_L1)
            composition(resource);
        else if (type == "Device"_L1)
            ; // counted at the end unless it is the software that wrote the document
        else if (type == "Binary"_L1 || type == "Practitioner"_L1 ||
                 type == "PractitionerRole"_L1 || type == "Organization"_L1 ||
                 type == "Location"_L1 || type == "Medication"_L1)
            ; // read when something refers to them; Binary at the end
        else
            ++m_notShown[type.isEmpty() ? BundleReading::tr("(no type)") : type];
    }
    // A Binary no DocumentReference pointed at is an attachment of its own.
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        if (m_types.at(i) == "Binary"_L1 && !m_usedBinaries.contains(i)) {
            ClinicalAttachment file = attachment(m_resources.at(i), m_resources.at(i));
            if (file.title.isEmpty())
                file.title = BundleReading::tr("Attached file %1")
                                 .arg(m_resources.at(i).value("id"_L1).toString());
            m_record.attachments.append(file);
        }
    }
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        if (m_types.at(i) == "Device"_L1 && !m_authorDevices.contains(i))
            ++m_notShown[m_types.at(i)];
    }
    buildSections();

    for (auto it = m_notShown.cbegin(); it != m_notShown.cend(); ++it) {
        m_record.notes.append(
            counted(it.value(),
                    QT_TRANSLATE_N_NOOP("FhirBundleReader", "%n %1 resource is not shown"),
                    QT_TRANSLATE_N_NOOP("FhirBundleReader", "%n %1 resources are not shown"))
                .arg(it.key()));
    }
    if (withoutResource > 0) {
        m_record.notes.append(
            counted(withoutResource,
                    QT_TRANSLATE_N_NOOP("FhirBundleReader", "%n bundle entry has no resource"),
                    QT_TRANSLATE_N_NOOP("FhirBundleReader", "%n bundle entries have no resource")));
    }
    return std::move(m_record);
}

// --- Indexing and references ---------------------------------------------------------------

void BundleReading::index(const QJsonObject &resource, const QString &fullUrl)
{
    const qsizetype at = m_resources.size();
    const QString type = resource.value("resourceType"_L1).toString();
    m_resources.append(resource);
    m_types.append(type);
    if (!fullUrl.isEmpty())
        m_byUrl.insert(fullUrl, at);
    const QString id = resource.value("id"_L1).toString();
    if (!type.isEmpty() && !id.isEmpty())
        m_byUrl.insert(type + u'/' + id, at);
    // Synthea refers to practitioners and organizations by identifier.
    if (type == "Practitioner"_L1 || type == "Organization"_L1 || type == "Location"_L1 ||
        type == "PractitionerRole"_L1) {
        for (const QJsonValue &value : resource.value("identifier"_L1).toArray()) {
            const QJsonObject identifier = value.toObject();
            m_byIdentifier.insert(type + u'?' + identifier.value("system"_L1).toString() + u'|' +
                                      identifier.value("value"_L1).toString(),
                                  at);
        }
    }
}

qsizetype BundleReading::find(const QString &reference) const
{
    if (reference.isEmpty())
        return -1;
    if (const auto it = m_byUrl.constFind(reference); it != m_byUrl.cend())
        return it.value();
    const qsizetype query = reference.indexOf("?identifier="_L1);
    if (query > 0) {
        QString key = reference.left(query) + u'?' + reference.mid(query + 12);
        key.replace("%7C"_L1, "|"_L1, Qt::CaseInsensitive);
        return m_byIdentifier.value(key, -1);
    }
    const QString shortForm = typeAndId(reference);
    if (!shortForm.isEmpty() && shortForm != reference)
        return m_byUrl.value(shortForm, -1);
    return -1;
}

QJsonObject BundleReading::resolve(const QJsonValue &reference, const QJsonObject &container,
                                   qsizetype *index) const
{
    if (index)
        *index = -1;
    const QString target = reference.toObject().value("reference"_L1).toString();
    if (target.isEmpty())
        return {};
    if (target.startsWith(u'#')) {
        const QStringView id = QStringView(target).mid(1);
        for (const QJsonValue &value : container.value("contained"_L1).toArray()) {
            const QJsonObject contained = value.toObject();
            if (contained.value("id"_L1).toString() == id)
                return contained;
        }
        return {};
    }
    const qsizetype found = find(target);
    if (index)
        *index = found;
    return found >= 0 ? m_resources.at(found) : QJsonObject();
}

QString BundleReading::humanName(const QJsonValue &names)
{
    const QJsonArray list = names.toArray();
    if (list.isEmpty())
        return {};
    // The official name when there is one, else the first.
    QJsonObject chosen = list.first().toObject();
    for (const QJsonValue &value : list) {
        if (value.toObject().value("use"_L1).toString() == "official"_L1) {
            chosen = value.toObject();
            break;
        }
    }
    const QString text = chosen.value("text"_L1).toString().simplified();
    if (!text.isEmpty())
        return text;
    QStringList parts;
    for (const QJsonValue &prefix : chosen.value("prefix"_L1).toArray())
        parts.append(prefix.toString());
    for (const QJsonValue &given : chosen.value("given"_L1).toArray())
        parts.append(given.toString());
    parts.append(chosen.value("family"_L1).toString());
    for (const QJsonValue &suffix : chosen.value("suffix"_L1).toArray())
        parts.append(suffix.toString());
    parts.removeAll(QString());
    return parts.join(u' ').simplified();
}

QString BundleReading::displayName(const QJsonObject &resource, const QJsonObject &container) const
{
    const QString type = resource.value("resourceType"_L1).toString();
    if (type == "Practitioner"_L1 || type == "Patient"_L1 || type == "RelatedPerson"_L1)
        return humanName(resource.value("name"_L1));
    if (type == "PractitionerRole"_L1) {
        const QString person = nameOf(resource.value("practitioner"_L1), resource);
        return person.isEmpty() ? nameOf(resource.value("organization"_L1), resource) : person;
    }
    if (type == "Device"_L1) {
        const QJsonArray names = resource.value("deviceName"_L1).toArray();
        if (!names.isEmpty())
            return names.first().toObject().value("name"_L1).toString();
        return words(resource.value("type"_L1));
    }
    Q_UNUSED(container)
    return resource.value("name"_L1).toString();
}

QString BundleReading::nameOf(const QJsonValue &reference, const QJsonObject &container) const
{
    const QJsonObject target = resolve(reference, container);
    QString name;
    if (!target.isEmpty())
        name = displayName(target, container);
    if (name.isEmpty())
        name = reference.toObject().value("display"_L1).toString();
    return name.simplified();
}

// The names of a list of references, or of `inner` references in a list of objects
// (participant[].individual, performer[].actor, location[].location).
QString BundleReading::namesOf(const QJsonValue &references, const QJsonObject &container,
                               QLatin1StringView inner) const
{
    QStringList names;
    const auto add = [&](const QJsonValue &reference) {
        const QString name =
            nameOf(inner.isEmpty() ? reference : reference.toObject().value(inner), container);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    };
    if (references.isArray()) {
        for (const QJsonValue &value : references.toArray())
            add(value);
    } else if (references.isObject()) {
        add(references);
    }
    return names.join("; "_L1);
}

void BundleReading::findPanels()
{
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const QString &type = m_types.at(i);
        const bool report = type == "DiagnosticReport"_L1;
        if (!report && type != "Observation"_L1)
            continue;
        const QJsonObject &resource = m_resources.at(i);
        const QJsonArray members = resource.value(report ? "result"_L1 : "hasMember"_L1).toArray();
        if (members.isEmpty())
            continue;
        const QString name = words(resource.value("code"_L1));
        int found = 0;
        for (const QJsonValue &member : members) {
            qsizetype at = -1;
            resolve(member, resource, &at);
            if (at < 0)
                continue;
            ++found;
            if (!m_panelOf.contains(at))
                m_panelOf.insert(at, name);
        }
        // A group whose members are all missing is shown as what it is, not hidden.
        if (found == 0)
            continue;
        m_groups.insert(i);
        if (!report) {
            bool hasValue = resource.contains("component"_L1);
            for (auto it = resource.begin(); !hasValue && it != resource.end(); ++it)
                hasValue = it.key().startsWith("value"_L1);
            if (!hasValue)
                m_panels.insert(i);
        }
    }
}

// --- Data types -----------------------------------------------------------------------------

void BundleReading::problem(QLatin1StringView field)
{
    const QString name = QString(field);
    if (!m_problems.contains(name))
        m_problems.append(name);
}

ClinicalCode BundleReading::coding(const QJsonObject &value)
{
    ClinicalCode code;
    code.code = value.value("code"_L1).toString();
    code.system = value.value("system"_L1).toString();
    code.display = value.value("display"_L1).toString();
    if (!code.system.isEmpty()) {
        auto it = m_systemNames.find(code.system);
        if (it == m_systemNames.end())
            it = m_systemNames.insert(code.system, CodeSystems::name(code.system));
        code.systemName = it.value();
    }
    return code;
}

// A CodeableConcept: the first coding is the code, the others its translations.
ClinicalCode BundleReading::codeable(const QJsonValue &value, QLatin1StringView field)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        problem(field);
        if (value.isString()) { // a bare string still says what it is
            ClinicalCode words;
            words.originalText = value.toString();
            return words;
        }
        return {};
    }
    const QJsonObject object = value.toObject();
    ClinicalCode out;
    bool first = true;
    for (const QJsonValue &item : object.value("coding"_L1).toArray()) {
        if (!item.isObject()) {
            problem(field);
            continue;
        }
        ClinicalCode code = coding(item.toObject());
        if (code.code.isEmpty() && code.display.isEmpty())
            continue;
        if (first) {
            out = code;
            first = false;
        } else {
            out.translations.append(code);
        }
    }
    out.originalText = object.value("text"_L1).toString();
    return out;
}

// The words of a CodeableConcept (or a Coding): its text, else a display, else a code.
QString BundleReading::words(const QJsonValue &value) const
{
    const QJsonObject object = value.toObject();
    if (object.isEmpty())
        return value.isString() ? value.toString() : QString();
    QString text = object.value("text"_L1).toString();
    if (!text.isEmpty())
        return text;
    text = object.value("display"_L1).toString();
    if (!text.isEmpty())
        return text;
    QString firstCode = object.value("code"_L1).toString();
    for (const QJsonValue &item : object.value("coding"_L1).toArray()) {
        const QJsonObject coding = item.toObject();
        const QString display = coding.value("display"_L1).toString();
        if (!display.isEmpty())
            return display;
        if (firstCode.isEmpty())
            firstCode = coding.value("code"_L1).toString();
    }
    return firstCode;
}

QString BundleReading::quantity(const QJsonValue &value, QString *unit) const
{
    const QJsonObject object = value.toObject();
    const QString amount =
        object.value("comparator"_L1).toString() + number(object.value("value"_L1));
    QString units = object.value("unit"_L1).toString();
    if (units.isEmpty())
        units = object.value("code"_L1).toString();
    if (unit) {
        *unit = units;
        return amount;
    }
    return units.isEmpty() ? amount : amount.isEmpty() ? units : amount + u' ' + units;
}

// start and end of a choice element: <prefix>DateTime, <prefix>Period, <prefix>Instant…
void BundleReading::dates(const QJsonObject &resource, QLatin1StringView prefix, QString *start,
                          QString *end) const
{
    const QJsonValue dateTime = resource.value(QString(prefix) + "DateTime"_L1);
    if (dateTime.isString()) {
        *start = dateTime.toString();
        return;
    }
    const QJsonValue period = resource.value(QString(prefix) + "Period"_L1);
    if (period.isObject()) {
        *start = period.toObject().value("start"_L1).toString();
        if (end)
            *end = period.toObject().value("end"_L1).toString();
        return;
    }
    for (const QLatin1StringView suffix : {"Instant"_L1, "Date"_L1, "String"_L1}) {
        const QJsonValue other = resource.value(QString(prefix) + suffix);
        if (other.isString()) {
            *start = other.toString();
            return;
        }
    }
    const QJsonValue age = resource.value(QString(prefix) + "Age"_L1);
    if (age.isObject())
        *start = BundleReading::tr("age %1").arg(quantity(age));
}

QString BundleReading::frequency(const QJsonObject &timing) const
{
    const QString text = timing.value("code"_L1).toObject().value("text"_L1).toString();
    if (!text.isEmpty())
        return text;
    const QJsonObject repeat = timing.value("repeat"_L1).toObject();
    const QJsonValue periodValue = repeat.value("period"_L1);
    if (!periodValue.isDouble())
        return words(timing.value("code"_L1));
    const double period = periodValue.toDouble();
    const QString unit = repeat.value("periodUnit"_L1).toString();
    const bool one = period == 1.0;
    const QString n = number(periodValue);
    QString every;
    if (unit == "s"_L1)
        every =
            one ? BundleReading::tr("every second") : BundleReading::tr("every %1 seconds").arg(n);
    else if (unit == "min"_L1)
        every =
            one ? BundleReading::tr("every minute") : BundleReading::tr("every %1 minutes").arg(n);
    else if (unit == "h"_L1)
        every = one ? BundleReading::tr("every hour") : BundleReading::tr("every %1 hours").arg(n);
    else if (unit == "d"_L1)
        every = one ? BundleReading::tr("every day") : BundleReading::tr("every %1 days").arg(n);
    else if (unit == "wk"_L1)
        every = one ? BundleReading::tr("every week") : BundleReading::tr("every %1 weeks").arg(n);
    else if (unit == "mo"_L1)
        every =
            one ? BundleReading::tr("every month") : BundleReading::tr("every %1 months").arg(n);
    else if (unit == "a"_L1)
        every = one ? BundleReading::tr("every year") : BundleReading::tr("every %1 years").arg(n);
    else
        every = BundleReading::tr("every %1 %2").arg(n, unit);
    const int times = repeat.value("frequency"_L1).toInt(1);
    if (times > 1)
        return BundleReading::tr("%1 times %2").arg(times).arg(every);
    return every;
}

// value[x] of an Observation or of one of its components.
void BundleReading::readValue(const QJsonObject &holder, QString *value, QString *unit)
{
    if (const QJsonValue q = holder.value("valueQuantity"_L1); q.isObject()) {
        *value = quantity(q, unit);
        return;
    }
    if (const QJsonValue c = holder.value("valueCodeableConcept"_L1); !c.isUndefined()) {
        *value = codeable(c, "valueCodeableConcept"_L1).text();
        return;
    }
    if (const QJsonValue s = holder.value("valueString"_L1); !s.isUndefined()) {
        if (!s.isString())
            problem("valueString"_L1);
        *value = s.isString() ? s.toString() : number(s);
        return;
    }
    if (const QJsonValue b = holder.value("valueBoolean"_L1); b.isBool()) {
        *value = b.toBool() ? u"true"_s : u"false"_s;
        return;
    }
    if (const QJsonValue i = holder.value("valueInteger"_L1); !i.isUndefined()) {
        *value = number(i);
        return;
    }
    if (const QJsonValue r = holder.value("valueRange"_L1); r.isObject()) {
        QString lowUnit;
        QString highUnit;
        const QString low = quantity(r.toObject().value("low"_L1), &lowUnit);
        const QString high = quantity(r.toObject().value("high"_L1), &highUnit);
        *value = low + u'-' + high;
        *unit = highUnit.isEmpty() ? lowUnit : highUnit;
        return;
    }
    if (const QJsonValue r = holder.value("valueRatio"_L1); r.isObject()) {
        *value = quantity(r.toObject().value("numerator"_L1)) + u'/' +
                 quantity(r.toObject().value("denominator"_L1));
        return;
    }
    for (const QLatin1StringView key : {"valueDateTime"_L1, "valueTime"_L1}) {
        if (const QJsonValue t = holder.value(key); t.isString()) {
            *value = t.toString();
            return;
        }
    }
    if (const QJsonValue p = holder.value("valuePeriod"_L1); p.isObject()) {
        *value = p.toObject().value("start"_L1).toString() + u'-' +
                 p.toObject().value("end"_L1).toString();
        return;
    }
    if (holder.contains("valueSampledData"_L1))
        *value = BundleReading::tr("(sampled data)");
}

// "system^value" like C-CDA's "root^extension", with "urn:oid:" dropped; the value alone when
// there is no system.
QString BundleReading::identifierText(const QJsonObject &identifier)
{
    const QString value = identifier.value("value"_L1).toString();
    QString system = identifier.value("system"_L1).toString();
    if (system.isEmpty())
        return value;
    if (system.startsWith("urn:oid:"_L1))
        system = system.mid(8);
    else if (const QString oid = CodeSystems::oid(system); !oid.isEmpty())
        system = oid;
    return system + u'^' + value;
}

// --- Resources ------------------------------------------------------------------------------

ClinicalEntry BundleReading::begin(const QJsonObject &resource, ClinicalKind kind)
{
    ClinicalEntry entry;
    entry.kind = kind;
    entry.id = resource.value("id"_L1).toString();
    const QString div = resource.value("text"_L1).toObject().value("div"_L1).toString();
    if (!div.isEmpty())
        entry.text = FhirNarrative::plainText(div);
    const QJsonValue extensions = resource.value("extension"_L1);
    if (extensions.isArray()) {
        for (const QJsonValue &value : extensions.toArray()) {
            const QJsonObject extension = value.toObject();
            Mark mark;
            if (!FhirVocabulary::markOf(extension.value("url"_L1).toString(), &mark))
                continue;
            const bool yes = extension.value("valueBoolean"_L1).toBool();
            switch (mark) {
            case Mark::Unreadable:
                entry.readable = !yes;
                break;
            case Mark::NoKnown:
                entry.noKnown = entry.noKnown || yes;
                break;
            case Mark::Negated:
                entry.negated = entry.negated || yes;
                break;
            case Mark::OtherKind:
                if (yes)
                    entry.kind = ClinicalKind::Other;
                break;
            case Mark::End:
                entry.end = extension.value("valueDateTime"_L1).toString();
                break;
            }
        }
    }
    for (const QJsonValue &value : resource.value("note"_L1).toArray()) {
        const QString note = value.toObject().value("text"_L1).toString();
        if (!note.isEmpty())
            entry.details.append({BundleReading::tr("Note"), note});
    }
    return entry;
}

// Decides whether the entry is readable and files it under its kind.
void BundleReading::finish(ClinicalEntry &entry, const QJsonObject &resource)
{
    if (entry.noKnown && entry.code.isEmpty())
        entry.code.originalText = entry.text;
    if (entry.readable && entry.code.isEmpty() && !entry.noKnown) {
        entry.readable = false;
        entry.details.append({BundleReading::tr("Why it could not be read"),
                              BundleReading::tr("The %1 says nothing about what it is (no code).")
                                  .arg(resource.value("resourceType"_L1).toString())});
    }
    for (const QString &field : std::as_const(m_problems)) {
        entry.details.append({BundleReading::tr("Why it could not be read"),
                              BundleReading::tr("“%1” is not what FHIR allows there.").arg(field)});
    }
    if (!entry.readable && entry.text.isEmpty())
        entry.text = entry.code.text();
    m_entries[size_t(entry.kind)].append(std::move(entry));
}

void BundleReading::allergy(const QJsonObject &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Allergy);
    entry.code = codeable(resource.value("code"_L1), "code"_L1);
    const QJsonArray reactions = resource.value("reaction"_L1).toArray();
    if (entry.code.isEmpty() && !reactions.isEmpty()) // converters put the substance here
        entry.code = codeable(reactions.first().toObject().value("substance"_L1), "substance"_L1);
    for (const QJsonValue &value : reactions) {
        const QJsonObject reaction = value.toObject();
        for (const QJsonValue &manifestation : reaction.value("manifestation"_L1).toArray()) {
            ClinicalCode code = codeable(manifestation, "manifestation"_L1);
            if (!code.isEmpty())
                entry.reactions.append(code);
        }
        if (entry.severity.isEmpty())
            entry.severity = reaction.value("severity"_L1).toString();
    }
    entry.status = words(resource.value("clinicalStatus"_L1)).toLower();
    const QString verification = words(resource.value("verificationStatus"_L1)).toLower();
    if (verification == "refuted"_L1 || verification == "entered-in-error"_L1 ||
        verification == "entered in error"_L1)
        entry.negated = true;
    entry.criticality = resource.value("criticality"_L1).toString();
    QStringList categories;
    for (const QJsonValue &category : resource.value("category"_L1).toArray())
        categories.append(category.toString());
    entry.category = categories.join(", "_L1);
    QString end;
    dates(resource, "onset"_L1, &entry.start, &end);
    if (entry.start.isEmpty())
        entry.start = resource.value("recordedDate"_L1).toString();
    const QString type = resource.value("type"_L1).toString();
    if (!type.isEmpty())
        entry.details.append({BundleReading::tr("Type"), type});
    if (FhirVocabulary::isNoKnownCode(entry.code.system, entry.code.code))
        entry.noKnown = true;
    for (const ClinicalCode &translation : std::as_const(entry.code.translations)) {
        if (FhirVocabulary::isNoKnownCode(translation.system, translation.code))
            entry.noKnown = true;
    }
    finish(entry, resource);
}

void BundleReading::medication(const QJsonObject &resource, bool request)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Medication);
    if (resource.contains("medicationCodeableConcept"_L1)) {
        entry.code = codeable(resource.value("medicationCodeableConcept"_L1),
                              "medicationCodeableConcept"_L1);
    } else {
        const QJsonValue reference = resource.value("medicationReference"_L1);
        const QJsonObject drug = resolve(reference, resource);
        if (!drug.isEmpty())
            entry.code = codeable(drug.value("code"_L1), "medication code"_L1);
        if (entry.code.isEmpty())
            entry.code.originalText = reference.toObject().value("display"_L1).toString();
    }
    entry.status = resource.value("status"_L1).toString();
    if (entry.status == "not-taken"_L1 || resource.value("doNotPerform"_L1).toBool())
        entry.negated = true;
    const QJsonArray dosages =
        resource.value(request ? "dosageInstruction"_L1 : "dosage"_L1).toArray();
    if (!dosages.isEmpty()) {
        const QJsonObject dosage = dosages.first().toObject();
        entry.instructions = dosage.value("text"_L1).toString();
        if (entry.instructions.isEmpty())
            entry.instructions = dosage.value("patientInstruction"_L1).toString();
        entry.route = words(dosage.value("route"_L1));
        const QJsonObject timing = dosage.value("timing"_L1).toObject();
        entry.frequency = frequency(timing);
        if (dosage.value("asNeededBoolean"_L1).toBool())
            entry.frequency = entry.frequency.isEmpty()
                                  ? BundleReading::tr("as needed")
                                  : BundleReading::tr("%1, as needed").arg(entry.frequency);
        const QJsonArray rates = dosage.value("doseAndRate"_L1).toArray();
        if (!rates.isEmpty()) {
            const QJsonObject rate = rates.first().toObject();
            if (rate.contains("doseQuantity"_L1)) {
                entry.dose = quantity(rate.value("doseQuantity"_L1));
            } else if (const QJsonObject range = rate.value("doseRange"_L1).toObject();
                       !range.isEmpty()) {
                entry.dose =
                    quantity(range.value("low"_L1)) + u'-' + quantity(range.value("high"_L1));
            }
        }
        if (request) {
            const QJsonObject bounds =
                timing.value("repeat"_L1).toObject().value("boundsPeriod"_L1).toObject();
            entry.start = bounds.value("start"_L1).toString();
            entry.end = bounds.value("end"_L1).toString();
        }
    }
    if (request) {
        if (entry.start.isEmpty())
            entry.start = resource.value("authoredOn"_L1).toString();
        entry.performer = nameOf(resource.value("requester"_L1), resource);
    } else {
        dates(resource, "effective"_L1, &entry.start, &entry.end);
        entry.performer = nameOf(resource.value("informationSource"_L1), resource);
    }
    if (FhirVocabulary::isNoKnownCode(entry.code.system, entry.code.code))
        entry.noKnown = true;
    finish(entry, resource);
}

void BundleReading::condition(const QJsonObject &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Problem);
    entry.code = codeable(resource.value("code"_L1), "code"_L1);
    entry.status = words(resource.value("clinicalStatus"_L1)).toLower();
    const QString verification = words(resource.value("verificationStatus"_L1)).toLower();
    if (verification == "refuted"_L1 || verification == "entered-in-error"_L1 ||
        verification == "entered in error"_L1)
        entry.negated = true;
    const QJsonArray categories = resource.value("category"_L1).toArray();
    if (!categories.isEmpty()) {
        const QJsonObject category = categories.first().toObject();
        entry.problemType = category.value("text"_L1).toString();
        if (entry.problemType.isEmpty()) {
            const QString code = category.value("coding"_L1)
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value("code"_L1)
                                     .toString();
            if (code == "problem-list-item"_L1)
                entry.problemType = BundleReading::tr("Problem");
            else if (code == "encounter-diagnosis"_L1)
                entry.problemType = BundleReading::tr("Diagnosis");
            else if (code == "health-concern"_L1)
                entry.problemType = BundleReading::tr("Health concern");
            else
                entry.problemType = words(category);
        }
    }
    dates(resource, "onset"_L1, &entry.start, nullptr);
    QString abatementEnd;
    dates(resource, "abatement"_L1, &entry.end, &abatementEnd);
    if (!abatementEnd.isEmpty())
        entry.end = abatementEnd;
    if (resource.value("abatementBoolean"_L1).toBool() && entry.end.isEmpty())
        entry.details.append({BundleReading::tr("Resolved"), BundleReading::tr("yes")});
    if (FhirVocabulary::isNoKnownCode(entry.code.system, entry.code.code))
        entry.noKnown = true;
    finish(entry, resource);
}

void BundleReading::immunization(const QJsonObject &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Immunization);
    entry.code = codeable(resource.value("vaccineCode"_L1), "vaccineCode"_L1);
    entry.status = resource.value("status"_L1).toString();
    if (entry.status == "not-done"_L1) {
        entry.negated = true;
        entry.refusalReason = words(resource.value("statusReason"_L1));
    }
    dates(resource, "occurrence"_L1, &entry.start, nullptr);
    entry.lotNumber = resource.value("lotNumber"_L1).toString();
    entry.performer = namesOf(resource.value("performer"_L1), resource, "actor"_L1);
    entry.location = nameOf(resource.value("location"_L1), resource);
    entry.route = words(resource.value("route"_L1));
    finish(entry, resource);
}

void BundleReading::observation(const QJsonObject &resource, qsizetype index)
{
    if (m_panels.contains(index))
        return; // it only groups other observations, which name it as their panel
    ClinicalKind kind = ClinicalKind::Result;
    for (const QJsonValue &value : resource.value("category"_L1).toArray()) {
        for (const QJsonValue &coding : value.toObject().value("coding"_L1).toArray()) {
            if (coding.toObject().value("code"_L1).toString() == "vital-signs"_L1)
                kind = ClinicalKind::VitalSign;
        }
    }
    ClinicalEntry entry = begin(resource, kind);
    entry.code = codeable(resource.value("code"_L1), "code"_L1);
    entry.status = resource.value("status"_L1).toString();
    dates(resource, "effective"_L1, &entry.start, &entry.end);
    if (entry.start.isEmpty())
        entry.start = resource.value("issued"_L1).toString();
    readValue(resource, &entry.value, &entry.unit);

    const QJsonArray components = resource.value("component"_L1).toArray();
    if (!components.isEmpty()) {
        QString systolic, diastolic, pressureUnit;
        QStringList others;
        QString onlyValue, onlyUnit;
        for (const QJsonValue &value : components) {
            const QJsonObject component = value.toObject();
            const ClinicalCode code = codeable(component.value("code"_L1), "component code"_L1);
            QString amount, unit;
            readValue(component, &amount, &unit);
            if (code.code == "8480-6"_L1) {
                systolic = amount;
                pressureUnit = unit;
            } else if (code.code == "8462-4"_L1) {
                diastolic = amount;
                if (pressureUnit.isEmpty())
                    pressureUnit = unit;
            } else {
                onlyValue = amount;
                onlyUnit = unit;
                const QString both = unit.isEmpty() ? amount : amount + u' ' + unit;
                others.append(code.text().isEmpty() ? both : code.text() + ": "_L1 + both);
            }
        }
        if (entry.value.isEmpty()) {
            if (!systolic.isEmpty() || !diastolic.isEmpty()) {
                entry.value = systolic + u'/' + diastolic;
                entry.unit = pressureUnit;
            } else if (others.size() == 1) {
                entry.value = onlyValue;
                entry.unit = onlyUnit;
                others.clear();
            } else {
                entry.value = others.join("; "_L1);
                others.clear();
            }
        }
        for (const QString &other : std::as_const(others))
            entry.details.append({BundleReading::tr("Component"), other});
    }
    if (entry.value.isEmpty()) {
        const QString absent = words(resource.value("dataAbsentReason"_L1));
        if (!absent.isEmpty())
            entry.details.append({BundleReading::tr("No value"), absent});
    }

    const QJsonArray ranges = resource.value("referenceRange"_L1).toArray();
    if (!ranges.isEmpty()) {
        const QJsonObject range = ranges.first().toObject();
        entry.referenceRange = range.value("text"_L1).toString();
        if (entry.referenceRange.isEmpty()) {
            QString lowUnit, highUnit;
            const QString low = quantity(range.value("low"_L1), &lowUnit);
            const QString high = quantity(range.value("high"_L1), &highUnit);
            const QString unit = highUnit.isEmpty() ? lowUnit : highUnit;
            if (!low.isEmpty() && !high.isEmpty())
                entry.referenceRange = low + u'-' + high;
            else if (!low.isEmpty())
                entry.referenceRange = "≥ "_L1 + low;
            else if (!high.isEmpty())
                entry.referenceRange = "≤ "_L1 + high;
            if (!entry.referenceRange.isEmpty() && !unit.isEmpty())
                entry.referenceRange += u' ' + unit;
        }
    }
    const QJsonArray interpretations = resource.value("interpretation"_L1).toArray();
    if (!interpretations.isEmpty()) {
        const QJsonObject interpretation = interpretations.first().toObject();
        entry.interpretation = interpretation.value("text"_L1).toString();
        if (entry.interpretation.isEmpty()) {
            const QJsonObject first =
                interpretation.value("coding"_L1).toArray().first().toObject();
            entry.interpretation = first.value("display"_L1).toString();
            if (entry.interpretation.isEmpty()) {
                static const QHash<QString, QString> flags = {
                    {u"H"_s, u"High"_s},
                    {u"L"_s, u"Low"_s},
                    {u"N"_s, u"Normal"_s},
                    {u"A"_s, u"Abnormal"_s},
                    {u"HH"_s, u"Critical high"_s},
                    {u"LL"_s, u"Critical low"_s},
                    {u"AA"_s, u"Critical abnormal"_s},
                    {u"POS"_s, u"Positive"_s},
                    {u"NEG"_s, u"Negative"_s},
                };
                const QString code = first.value("code"_L1).toString();
                entry.interpretation = flags.contains(code)
                                           ? QCoreApplication::translate(
                                                 "FhirBundleReader", qPrintable(flags.value(code)))
                                           : code;
            }
        }
    }
    entry.panel = m_panelOf.value(index);
    entry.performer = namesOf(resource.value("performer"_L1), resource);
    finish(entry, resource);
}

void BundleReading::encounter(const QJsonObject &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Encounter);
    const QJsonArray types = resource.value("type"_L1).toArray();
    for (const QJsonValue &type : types) {
        const ClinicalCode code = codeable(type, "type"_L1);
        if (entry.code.isEmpty())
            entry.code = code;
        else if (!code.isEmpty())
            entry.code.translations.append(code);
    }
    if (entry.code.isEmpty()) {
        const QJsonArray services = resource.value("serviceType"_L1).toArray();
        if (!services.isEmpty())
            entry.code = codeable(services.first(), "serviceType"_L1);
        else if (resource.value("serviceType"_L1).isObject())
            entry.code = codeable(resource.value("serviceType"_L1), "serviceType"_L1);
    }
    if (entry.code.isEmpty() && resource.value("class"_L1).isObject())
        entry.code = coding(resource.value("class"_L1).toObject());
    entry.status = resource.value("status"_L1).toString();
    const QJsonObject period = resource.value("period"_L1).toObject();
    entry.start = period.value("start"_L1).toString();
    entry.end = period.value("end"_L1).toString();
    entry.performer = namesOf(resource.value("participant"_L1), resource, "individual"_L1);
    entry.location = namesOf(resource.value("location"_L1), resource, "location"_L1);
    for (const QJsonValue &reason : resource.value("reasonCode"_L1).toArray())
        entry.diagnoses.append(codeable(reason, "reasonCode"_L1));
    for (const QJsonValue &value : resource.value("diagnosis"_L1).toArray()) {
        const QJsonValue reference = value.toObject().value("condition"_L1);
        const QJsonObject condition = resolve(reference, resource);
        ClinicalCode code = codeable(condition.value("code"_L1), "diagnosis"_L1);
        if (code.isEmpty())
            code.originalText = reference.toObject().value("display"_L1).toString();
        if (!code.isEmpty())
            entry.diagnoses.append(code);
    }
    const QString disposition =
        words(resource.value("hospitalization"_L1).toObject().value("dischargeDisposition"_L1));
    if (!disposition.isEmpty())
        entry.details.append({BundleReading::tr("Discharge disposition"), disposition});
    finish(entry, resource);
}

void BundleReading::procedure(const QJsonObject &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Procedure);
    entry.code = codeable(resource.value("code"_L1), "code"_L1);
    entry.status = resource.value("status"_L1).toString();
    if (entry.status == "not-done"_L1) {
        entry.negated = true;
        const QString reason = words(resource.value("statusReason"_L1));
        if (!reason.isEmpty())
            entry.details.append({BundleReading::tr("Reason not done"), reason});
    }
    dates(resource, "performed"_L1, &entry.start, &entry.end);
    entry.performer = namesOf(resource.value("performer"_L1), resource, "actor"_L1);
    entry.location = nameOf(resource.value("location"_L1), resource);
    for (const QJsonValue &reason : resource.value("reasonCode"_L1).toArray())
        entry.diagnoses.append(codeable(reason, "reasonCode"_L1));
    for (const QJsonValue &reference : resource.value("reasonReference"_L1).toArray()) {
        const QJsonObject target = resolve(reference, resource);
        ClinicalCode code = codeable(target.value("code"_L1), "reasonReference"_L1);
        if (code.isEmpty())
            code.originalText = reference.toObject().value("display"_L1).toString();
        if (!code.isEmpty())
            entry.diagnoses.append(code);
    }
    QStringList sites;
    for (const QJsonValue &site : resource.value("bodySite"_L1).toArray())
        sites.append(words(site));
    sites.removeAll(QString());
    if (!sites.isEmpty())
        entry.details.append({BundleReading::tr("Body site"), sites.join("; "_L1)});
    finish(entry, resource);
}

// A report with results in the bundle is a panel (its observations carry its name); one without
// is shown by what it presents: its attached form, else as one result of its own.
void BundleReading::diagnosticReport(const QJsonObject &resource, qsizetype index)
{
    if (m_groups.contains(index))
        return;
    const QJsonArray forms = resource.value("presentedForm"_L1).toArray();
    if (!forms.isEmpty()) {
        const QString title = words(resource.value("code"_L1));
        for (const QJsonValue &form : forms) {
            ClinicalAttachment file = attachment(form.toObject(), resource);
            if (file.title.isEmpty())
                file.title = title;
            m_record.attachments.append(file);
        }
        return;
    }
    ClinicalEntry entry = begin(resource, ClinicalKind::Result);
    entry.code = codeable(resource.value("code"_L1), "code"_L1);
    entry.status = resource.value("status"_L1).toString();
    dates(resource, "effective"_L1, &entry.start, &entry.end);
    entry.value = resource.value("conclusion"_L1).toString();
    entry.performer = namesOf(resource.value("performer"_L1), resource);
    finish(entry, resource);
}

ClinicalAttachment BundleReading::attachment(const QJsonObject &value, const QJsonObject &container)
{
    ClinicalAttachment file;
    file.mediaType = value.value("contentType"_L1).toString();
    file.title = value.value("title"_L1).toString();
    const QString url = value.value("url"_L1).toString();
    QByteArray data = value.value("data"_L1).toString().toLatin1();
    if (data.isEmpty() && !url.isEmpty()) {
        // A Binary in the same bundle holds the content.
        qsizetype at = -1;
        const QJsonObject binary = resolve(QJsonObject{{"reference"_L1, url}}, container, &at);
        if (at >= 0 && m_types.at(at) == "Binary"_L1) {
            m_usedBinaries.insert(at);
            data = binary.value("data"_L1).toString().toLatin1();
            if (file.mediaType.isEmpty())
                file.mediaType = binary.value("contentType"_L1).toString();
        } else {
            file.reference = url;
        }
    }
    if (!data.isEmpty()) {
        auto decoded =
            QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            file.data = *decoded;
        else
            m_record.notes.append(
                BundleReading::tr("The content of “%1” is not valid base64 and is not shown.")
                    .arg(file.title));
    }
    return file;
}

void BundleReading::documentReference(const QJsonObject &resource)
{
    QString title = resource.value("description"_L1).toString();
    if (title.isEmpty())
        title = words(resource.value("type"_L1));
    const QJsonArray contents = resource.value("content"_L1).toArray();
    for (const QJsonValue &content : contents) {
        ClinicalAttachment file =
            attachment(content.toObject().value("attachment"_L1).toObject(), resource);
        if (file.title.isEmpty())
            file.title = title;
        if (file.data.isEmpty() && file.reference.isEmpty())
            continue;
        m_record.attachments.append(file);
    }
}

void BundleReading::patient(const QJsonObject &resource)
{
    if (m_havePatient) {
        ++m_notShown[u"Patient"_s];
        return;
    }
    m_havePatient = true;
    ClinicalHeader &header = m_record.header;
    header.patientName = humanName(resource.value("name"_L1));
    header.patientBirthDate = resource.value("birthDate"_L1).toString();
    header.patientGender = capitalized(resource.value("gender"_L1).toString());
    for (const QJsonValue &identifier : resource.value("identifier"_L1).toArray())
        header.patientIds.append(identifierText(identifier.toObject()));
}

void BundleReading::composition(const QJsonObject &resource)
{
    if (m_haveComposition) {
        ++m_notShown[u"Composition"_s];
        return;
    }
    m_haveComposition = true;
    ClinicalHeader &header = m_record.header;
    header.title = resource.value("title"_L1).toString();
    header.date = resource.value("date"_L1).toString();
    header.type = codeable(resource.value("type"_L1), "type"_L1);
    const QJsonValue identifier = resource.value("identifier"_L1);
    if (identifier.isObject())
        header.documentId = identifierText(identifier.toObject());
    else if (resource.contains("id"_L1))
        header.documentId = resource.value("id"_L1).toString();
    for (const QJsonValue &reference : resource.value("author"_L1).toArray()) {
        qsizetype at = -1;
        const QJsonObject author = resolve(reference, resource, &at);
        const QString type = author.value("resourceType"_L1).toString();
        ClinicalPerson person;
        if (type == "Organization"_L1) {
            person.organization = author.value("name"_L1).toString();
        } else if (type == "Device"_L1) {
            person.software = displayName(author, resource);
            m_authorDevices.insert(at);
        } else if (type == "PractitionerRole"_L1) {
            person.name = nameOf(author.value("practitioner"_L1), author);
            person.organization = nameOf(author.value("organization"_L1), author);
        } else {
            person.name = nameOf(reference, resource);
        }
        if (!person.name.isEmpty() || !person.organization.isEmpty() || !person.software.isEmpty())
            header.authors.append(person);
    }
    header.custodian = nameOf(resource.value("custodian"_L1), resource);
    for (const QJsonValue &value : resource.value("relatesTo"_L1).toArray()) {
        const QJsonObject relation = value.toObject();
        if (relation.value("code"_L1).toString() == "replaces"_L1) {
            const QJsonObject target = relation.value("targetIdentifier"_L1).toObject();
            header.replacesDocumentId = target.isEmpty() ? relation.value("targetReference"_L1)
                                                               .toObject()
                                                               .value("reference"_L1)
                                                               .toString()
                                                         : identifierText(target);
        }
    }
    for (const QJsonValue &value : resource.value("section"_L1).toArray()) {
        ClinicalKind kind = ClinicalKind::Other;
        ClinicalSection section = compositionSection(value.toObject(), resource, &kind);
        m_compositionSections.append({kind, section});
    }
}

ClinicalKind BundleReading::kindOfResource(const QJsonObject &resource) const
{
    const QString type = resource.value("resourceType"_L1).toString();
    if (type == "AllergyIntolerance"_L1)
        return ClinicalKind::Allergy;
    if (type.startsWith("Medication"_L1))
        return ClinicalKind::Medication;
    if (type == "Condition"_L1)
        return ClinicalKind::Problem;
    if (type == "Immunization"_L1)
        return ClinicalKind::Immunization;
    if (type == "Encounter"_L1)
        return ClinicalKind::Encounter;
    if (type == "Procedure"_L1)
        return ClinicalKind::Procedure;
    if (type == "DiagnosticReport"_L1)
        return ClinicalKind::Result;
    if (type == "Observation"_L1) {
        for (const QJsonValue &category : resource.value("category"_L1).toArray()) {
            for (const QJsonValue &coding : category.toObject().value("coding"_L1).toArray()) {
                if (coding.toObject().value("code"_L1).toString() == "vital-signs"_L1)
                    return ClinicalKind::VitalSign;
            }
        }
        return ClinicalKind::Result;
    }
    return ClinicalKind::Other;
}

ClinicalSection BundleReading::compositionSection(const QJsonObject &value,
                                                  const QJsonObject &container, ClinicalKind *kind)
{
    ClinicalSection section;
    section.title = value.value("title"_L1).toString();
    section.code = codeable(value.value("code"_L1), "section code"_L1);
    const QString div = value.value("text"_L1).toObject().value("div"_L1).toString();
    section.narrativeHtml = FhirNarrative::safeHtml(div);
    section.narrativeText = FhirNarrative::plainText(div);
    const QJsonValue emptyReason = value.value("emptyReason"_L1);
    if (emptyReason.isObject()) {
        section.nullFlavor = emptyReason.toObject().value("text"_L1).toString();
        if (section.nullFlavor.isEmpty())
            section.nullFlavor = words(emptyReason);
    }
    *kind = ClinicalKind::Other;
    if (section.code.system.isEmpty() || CodeSystems::name(section.code.system) == "LOINC"_L1)
        *kind = FhirVocabulary::kindOfSectionCode(section.code.code);
    if (*kind == ClinicalKind::Other) {
        // Sections with codes of their own still say what they hold through their entries.
        const QJsonArray entries = value.value("entry"_L1).toArray();
        if (!entries.isEmpty()) {
            const QJsonObject first = resolve(entries.first(), container);
            *kind = kindOfResource(first);
            Mark mark;
            for (const QJsonValue &extension : first.value("extension"_L1).toArray()) {
                if (FhirVocabulary::markOf(extension.toObject().value("url"_L1).toString(),
                                           &mark) &&
                    mark == Mark::OtherKind)
                    *kind = ClinicalKind::Other;
            }
        }
    }
    section.kind = *kind;
    for (const QJsonValue &inner : value.value("section"_L1).toArray()) {
        ClinicalKind innerKind = ClinicalKind::Other;
        section.subsections.append(compositionSection(inner.toObject(), container, &innerKind));
    }
    return section;
}

void BundleReading::buildSections()
{
    std::array<bool, KindCount> narrated{};
    std::array<ClinicalSection, KindCount> sections;
    QList<ClinicalSection> extra;
    for (int k = 0; k < KindCount; ++k) {
        sections[k].kind = ClinicalKind(k);
        sections[k].title = clinicalKindTitle(ClinicalKind(k));
    }
    for (auto &[kind, section] : m_compositionSections) {
        const int k = int(kind);
        // The Other section takes the first narrative of an uninterpreted kind only when it
        // has entries to go with it; otherwise each such section stands on its own.
        const bool attach =
            !narrated[k] && (kind != ClinicalKind::Other || !m_entries[k].isEmpty());
        if (!attach) {
            section.kind = ClinicalKind::Other;
            extra.append(section);
            continue;
        }
        narrated[k] = true;
        ClinicalSection &target = sections[k];
        target.code = section.code;
        target.narrativeHtml = section.narrativeHtml;
        target.narrativeText = section.narrativeText;
        target.nullFlavor = section.nullFlavor;
        target.subsections = section.subsections;
        if (kind == ClinicalKind::Other && !section.title.isEmpty())
            target.title = section.title;
    }
    for (int k = 0; k < KindCount; ++k) {
        sections[k].entries = std::move(m_entries[k]);
        if (sections[k].entries.isEmpty() && !narrated[k])
            continue;
        if (sections[k].code.isEmpty()) {
            const QString loinc = FhirVocabulary::sectionCode(ClinicalKind(k));
            if (!loinc.isEmpty()) {
                sections[k].code.code = loinc;
                sections[k].code.system = u"http://loinc.org"_s;
                sections[k].code.systemName = u"LOINC"_s;
            }
        }
        m_record.sections.append(std::move(sections[k]));
    }
    m_record.sections.append(extra);
}

} // namespace

ClinicalReadResult FhirBundleReader::read(const QByteArray &json)
{
    ClinicalReadResult result;
    result.record.format = ClinicalRecord::Format::Fhir;
    auto fail = [&result](ClinicalReadError::Code code, const QString &message) {
        result.error.code = code;
        result.error.message = message;
        return result;
    };
    if (json.size() > MaxBytes) {
        return fail(ClinicalReadError::Code::TooLarge,
                    tr("The FHIR data is %1 MB; the most this program reads is %2 MB.")
                        .arg(QLocale().toString(double(json.size()) / (1024 * 1024), 'f', 1))
                        .arg(MaxBytes / (1024 * 1024)));
    }
    if (const int depth = nestingDepth(json, MaxDepth); depth > MaxDepth) {
        return fail(ClinicalReadError::Code::TooDeep,
                    tr("The FHIR data nests objects and arrays more than %1 levels deep; it is "
                       "not a FHIR resource.")
                        .arg(MaxDepth));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(ClinicalReadError::Code::Malformed,
                    tr("The FHIR data is not valid JSON: %1 at byte %2.")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    const QJsonObject root = document.object();
    const QJsonValue type = root.value("resourceType"_L1);
    if (!document.isObject() || !type.isString() || type.toString().isEmpty()) {
        return fail(ClinicalReadError::Code::NotClinical,
                    tr("The JSON is not a FHIR resource: it has no resourceType."));
    }
    BundleReading reading;
    result.record = reading.read(root);
    return result;
}
