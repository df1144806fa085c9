// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirbundlereader.h"

#include "services/clinical/codesystems.h"
#include "services/clinical/fhirjson.h"
#include "services/clinical/fhirnarrative.h"
#include "services/clinical/fhirvocabulary.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

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

QString number(const FhirJson &value)
{
    if (value.isNumber())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

// "Patient/123" from "https://server/fhir/Patient/123/_history/2"; empty when there is none.
std::string_view typeAndId(std::string_view url)
{
    if (const size_t history = url.find("/_history/"); history != std::string_view::npos)
        url = url.substr(0, history);
    const size_t last = url.rfind('/');
    if (last == std::string_view::npos || last == 0)
        return {};
    const size_t before = url.rfind('/', last - 1);
    return url.substr(before == std::string_view::npos ? 0 : before + 1);
}

QString qString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A resource's "Type/id", as two views into the document.
struct TypeAndId
{
    QByteArrayView type;
    QByteArrayView id;
    friend bool operator==(const TypeAndId &a, const TypeAndId &b)
    {
        return a.type == b.type && a.id == b.id;
    }
    friend size_t qHash(const TypeAndId &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.type, key.id);
    }
};

QByteArrayView view(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

// "Type/id" split at its first slash (a resourceType has none).
TypeAndId splitTypeAndId(std::string_view reference)
{
    const size_t slash = reference.find('/');
    if (slash == std::string_view::npos)
        return {};
    return {view(reference.substr(0, slash)), view(reference.substr(slash + 1))};
}

// One of our marks; other extensions' URLs are never made into strings.
bool markOf(const FhirJson &url, Mark *mark)
{
    const std::string_view text = url.view();
    return text.starts_with(FhirVocabulary::ExtensionBase) &&
           FhirVocabulary::markOf(qString(text), mark);
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
    ClinicalRecord read(const FhirJson &root);

private:
    // Indexing and references
    void index(const FhirJson &resource, std::string_view fullUrl);
    qsizetype find(std::string_view reference) const;
    qsizetype findExact(std::string_view key) const;
    FhirJson resolve(const FhirJson &reference, const FhirJson &container,
                     qsizetype *index = nullptr) const;
    FhirJson resolveTarget(std::string_view target, const FhirJson &container,
                           qsizetype *index = nullptr) const;
    QString nameOf(const FhirJson &reference, const FhirJson &container) const;
    QString namesOf(const FhirJson &references, const FhirJson &container,
                    std::string_view inner = {}) const;
    QString displayName(const FhirJson &resource, const FhirJson &container) const;
    void findPanels();
    void reserveEntries();

    // Data types
    void problem(QLatin1StringView field);
    ClinicalCode coding(const FhirJson &coding);
    ClinicalCode codeable(const FhirJson &value, QLatin1StringView field);
    QString words(const FhirJson &value) const;
    QString quantity(const FhirJson &value, QString *unit = nullptr) const;
    void dates(const FhirJson &resource, std::string_view prefix, QString *start,
               QString *end) const;
    QString frequency(const FhirJson &timing) const;
    void readValue(const FhirJson &holder, QString *value, QString *unit);
    static QString humanName(const FhirJson &names);
    static QString identifierText(const FhirJson &identifier);

    // Resources
    ClinicalEntry begin(const FhirJson &resource, ClinicalKind kind);
    void finish(ClinicalEntry &entry, const FhirJson &resource);
    void allergy(const FhirJson &resource);
    void medication(const FhirJson &resource, bool request);
    void condition(const FhirJson &resource);
    void immunization(const FhirJson &resource);
    void observation(const FhirJson &resource, qsizetype index);
    void encounter(const FhirJson &resource);
    void procedure(const FhirJson &resource);
    void diagnosticReport(const FhirJson &resource, qsizetype index);
    void documentReference(const FhirJson &resource);
    ClinicalAttachment attachment(const FhirJson &value, const FhirJson &container);
    void patient(const FhirJson &resource);
    void composition(const FhirJson &resource);
    ClinicalSection compositionSection(const FhirJson &section, const FhirJson &container,
                                       ClinicalKind *kind);
    ClinicalKind kindOfResource(const FhirJson &resource) const;
    void buildSections();

    QList<FhirJson> m_resources;
    QList<std::string_view> m_types;
    // Keys are views into the document, which outlives the reading. The last resource to
    // claim a key wins, as a later entry of a bundle overrides an earlier one.
    QHash<QByteArrayView, qsizetype> m_byUrl; // fullUrl
    QHash<TypeAndId, qsizetype> m_byId;       // "Type/id"
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

ClinicalRecord BundleReading::read(const FhirJson &root)
{
    m_record.format = ClinicalRecord::Format::Fhir;
    int withoutResource = 0;
    if (root.value("resourceType").is("Bundle")) {
        m_record.header.documentId = root.value("identifier").isObject()
                                         ? identifierText(root.value("identifier"))
                                         : root.value("id").toString();
        m_record.header.date = root.value("timestamp").toString();
        const FhirJson entries = root.value("entry");
        m_resources.reserve(entries.itemCount());
        m_types.reserve(entries.itemCount());
        m_byUrl.reserve(entries.itemCount());
        m_byId.reserve(entries.itemCount());
        for (const FhirJson &entry : entries) {
            const FhirJson resource = entry.value("resource");
            if (!resource.isObject()) {
                ++withoutResource;
                continue;
            }
            index(resource, entry.value("fullUrl").view());
        }
    } else {
        index(root, {});
    }
    findPanels();
    reserveEntries();

    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const FhirJson &resource = m_resources.at(i);
        const std::string_view type = m_types.at(i);
        m_problems.clear();
        if (type == "Observation")
            observation(resource, i);
        else if (type == "AllergyIntolerance")
            allergy(resource);
        else if (type == "MedicationStatement")
            medication(resource, false);
        else if (type == "MedicationRequest")
            medication(resource, true);
        else if (type == "Condition")
            condition(resource);
        else if (type == "Immunization")
            immunization(resource);
        else if (type == "Encounter")
            encounter(resource);
        else if (type == "Procedure")
            procedure(resource);
        else if (type == "DiagnosticReport")
            diagnosticReport(resource, i);
        else if (type == "DocumentReference")
            documentReference(resource);
        else if (type == "Patient")
            patient(resource);
        else if (type == "Composition")
            composition(resource);
        else if (type == "Device")
            ; // counted at the end unless it is the software that wrote the document
        else if (type == "Binary" || type == "Practitioner" || type == "PractitionerRole" ||
                 type == "Organization" || type == "Location" || type == "Medication")
            ; // read when something refers to them; Binary at the end
        else
            ++m_notShown[type.empty() ? BundleReading::tr("(no type)") : qString(type)];
    }
    // A Binary no DocumentReference pointed at is an attachment of its own.
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        if (m_types.at(i) == "Binary" && !m_usedBinaries.contains(i)) {
            ClinicalAttachment file = attachment(m_resources.at(i), m_resources.at(i));
            if (file.title.isEmpty())
                file.title = BundleReading::tr("Attached file %1")
                                 .arg(m_resources.at(i).value("id").toString());
            m_record.attachments.append(file);
        }
    }
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        if (m_types.at(i) == "Device" && !m_authorDevices.contains(i))
            ++m_notShown[qString(m_types.at(i))];
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

void BundleReading::index(const FhirJson &resource, std::string_view fullUrl)
{
    const qsizetype at = m_resources.size();
    const std::string_view type = resource.value("resourceType").view();
    m_resources.append(resource);
    m_types.append(type);
    if (!fullUrl.empty())
        m_byUrl.insert(view(fullUrl), at);
    const std::string_view id = resource.value("id").view();
    if (!type.empty() && !id.empty())
        m_byId.insert(TypeAndId{view(type), view(id)}, at);
    // Synthea refers to practitioners and organizations by identifier.
    if (type == "Practitioner" || type == "Organization" || type == "Location" ||
        type == "PractitionerRole") {
        const QString prefix = qString(type) + u'?';
        for (const FhirJson &identifier : resource.value("identifier")) {
            m_byIdentifier.insert(prefix + identifier.value("system").toString() + u'|' +
                                      identifier.value("value").toString(),
                                  at);
        }
    }
}

// The resource a fullUrl or "Type/id" names; when both name one, the later in the bundle.
qsizetype BundleReading::findExact(std::string_view key) const
{
    return std::max(m_byUrl.value(view(key), -1), m_byId.value(splitTypeAndId(key), -1));
}

qsizetype BundleReading::find(std::string_view reference) const
{
    if (reference.empty())
        return -1;
    if (const qsizetype found = findExact(reference); found >= 0)
        return found;
    if (const size_t query = reference.find("?identifier=");
        query != std::string_view::npos && query > 0) {
        QString key =
            qString(reference.substr(0, query)) + u'?' + qString(reference.substr(query + 12));
        key.replace("%7C"_L1, "|"_L1, Qt::CaseInsensitive);
        return m_byIdentifier.value(key, -1);
    }
    const std::string_view shortForm = typeAndId(reference);
    if (!shortForm.empty() && shortForm != reference)
        return findExact(shortForm);
    return -1;
}

FhirJson BundleReading::resolve(const FhirJson &reference, const FhirJson &container,
                                qsizetype *index) const
{
    return resolveTarget(reference.value("reference").view(), container, index);
}

FhirJson BundleReading::resolveTarget(std::string_view target, const FhirJson &container,
                                      qsizetype *index) const
{
    if (index)
        *index = -1;
    if (target.empty())
        return {};
    if (target.front() == '#') {
        const std::string_view id = target.substr(1);
        for (const FhirJson &contained : container.value("contained")) {
            if (contained.value("id").view() == id)
                return contained;
        }
        return {};
    }
    const qsizetype found = find(target);
    if (index)
        *index = found;
    return found >= 0 ? m_resources.at(found) : FhirJson();
}

QString BundleReading::humanName(const FhirJson &names)
{
    const FhirJson list = names;
    if (list.noItems())
        return {};
    // The official name when there is one, else the first.
    FhirJson chosen = list.first();
    for (const FhirJson &value : list) {
        if (value.value("use").is("official")) {
            chosen = value;
            break;
        }
    }
    const QString text = chosen.value("text").toString().simplified();
    if (!text.isEmpty())
        return text;
    QStringList parts;
    for (const FhirJson &prefix : chosen.value("prefix"))
        parts.append(prefix.toString());
    for (const FhirJson &given : chosen.value("given"))
        parts.append(given.toString());
    parts.append(chosen.value("family").toString());
    for (const FhirJson &suffix : chosen.value("suffix"))
        parts.append(suffix.toString());
    parts.removeAll(QString());
    return parts.join(u' ').simplified();
}

QString BundleReading::displayName(const FhirJson &resource, const FhirJson &container) const
{
    const std::string_view type = resource.value("resourceType").view();
    if (type == "Practitioner" || type == "Patient" || type == "RelatedPerson")
        return humanName(resource.value("name"));
    if (type == "PractitionerRole") {
        const QString person = nameOf(resource.value("practitioner"), resource);
        return person.isEmpty() ? nameOf(resource.value("organization"), resource) : person;
    }
    if (type == "Device") {
        const FhirJson names = resource.value("deviceName");
        if (!names.noItems())
            return names.first().value("name").toString();
        return words(resource.value("type"));
    }
    Q_UNUSED(container)
    return resource.value("name").toString();
}

QString BundleReading::nameOf(const FhirJson &reference, const FhirJson &container) const
{
    const FhirJson target = resolve(reference, container);
    QString name;
    if (!target.noMembers())
        name = displayName(target, container);
    if (name.isEmpty())
        name = reference.value("display").toString();
    return name.simplified();
}

// The names of a list of references, or of `inner` references in a list of objects
// (participant[].individual, performer[].actor, location[].location).
QString BundleReading::namesOf(const FhirJson &references, const FhirJson &container,
                               std::string_view inner) const
{
    QStringList names;
    const auto add = [&](const FhirJson &reference) {
        const QString name = nameOf(inner.empty() ? reference : reference.value(inner), container);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    };
    if (references.isArray()) {
        for (const FhirJson &value : references)
            add(value);
    } else if (references.isObject()) {
        add(references);
    }
    return names.join("; "_L1);
}

void BundleReading::findPanels()
{
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const std::string_view type = m_types.at(i);
        const bool report = type == "DiagnosticReport";
        if (!report && type != "Observation")
            continue;
        const FhirJson &resource = m_resources.at(i);
        const FhirJson members = resource.value(report ? "result" : "hasMember");
        if (members.noItems())
            continue;
        const QString name = words(resource.value("code"));
        int found = 0;
        for (const FhirJson &member : members) {
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
            if (!resource.contains("component") && !resource.hasKeyStartingWith("value"))
                m_panels.insert(i);
        }
    }
}

// Room for every entry before the first is read: a ClinicalEntry is large, and moving all of
// them each time a list grows costs more than reading them.
void BundleReading::reserveEntries()
{
    std::array<qsizetype, KindCount> expected{};
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const std::string_view type = m_types.at(i);
        if (type == "Observation" || type == "AllergyIntolerance" ||
            type == "MedicationStatement" || type == "MedicationRequest" || type == "Condition" ||
            type == "Immunization" || type == "Encounter" || type == "Procedure" ||
            type == "DiagnosticReport")
            ++expected[size_t(kindOfResource(m_resources.at(i)))];
    }
    for (int k = 0; k < KindCount; ++k)
        m_entries[size_t(k)].reserve(expected[size_t(k)]);
}

// --- Data types -----------------------------------------------------------------------------

void BundleReading::problem(QLatin1StringView field)
{
    const QString name = QString(field);
    if (!m_problems.contains(name))
        m_problems.append(name);
}

ClinicalCode BundleReading::coding(const FhirJson &value)
{
    ClinicalCode code;
    code.code = value.value("code").toString();
    code.system = value.value("system").toString();
    code.display = value.value("display").toString();
    if (!code.system.isEmpty()) {
        auto it = m_systemNames.find(code.system);
        if (it == m_systemNames.end())
            it = m_systemNames.insert(code.system, CodeSystems::name(code.system));
        code.systemName = it.value();
    }
    return code;
}

// A CodeableConcept: the first coding is the code, the others its translations.
ClinicalCode BundleReading::codeable(const FhirJson &value, QLatin1StringView field)
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
    const FhirJson object = value;
    ClinicalCode out;
    bool first = true;
    for (const FhirJson &item : object.value("coding")) {
        if (!item.isObject()) {
            problem(field);
            continue;
        }
        ClinicalCode code = coding(item);
        if (code.code.isEmpty() && code.display.isEmpty())
            continue;
        if (first) {
            out = code;
            first = false;
        } else {
            out.translations.append(code);
        }
    }
    out.originalText = object.value("text").toString();
    return out;
}

// The words of a CodeableConcept (or a Coding): its text, else a display, else a code.
QString BundleReading::words(const FhirJson &value) const
{
    const FhirJson object = value;
    if (object.noMembers())
        return value.isString() ? value.toString() : QString();
    QString text = object.value("text").toString();
    if (!text.isEmpty())
        return text;
    text = object.value("display").toString();
    if (!text.isEmpty())
        return text;
    QString firstCode = object.value("code").toString();
    for (const FhirJson &item : object.value("coding")) {
        const FhirJson coding = item;
        const QString display = coding.value("display").toString();
        if (!display.isEmpty())
            return display;
        if (firstCode.isEmpty())
            firstCode = coding.value("code").toString();
    }
    return firstCode;
}

QString BundleReading::quantity(const FhirJson &value, QString *unit) const
{
    const FhirJson object = value;
    const QString amount = object.value("comparator").toString() + number(object.value("value"));
    QString units = object.value("unit").toString();
    if (units.isEmpty())
        units = object.value("code").toString();
    if (unit) {
        *unit = units;
        return amount;
    }
    return units.isEmpty() ? amount : amount.isEmpty() ? units : amount + u' ' + units;
}

// start and end of a choice element: <prefix>DateTime, <prefix>Period, <prefix>Instant…
void BundleReading::dates(const FhirJson &resource, std::string_view prefix, QString *start,
                          QString *end) const
{
    std::string key(prefix);
    const auto member = [&](std::string_view suffix) {
        key.resize(prefix.size());
        key.append(suffix);
        return resource.value(key);
    };
    const FhirJson dateTime = member("DateTime");
    if (dateTime.isString()) {
        *start = dateTime.toString();
        return;
    }
    const FhirJson period = member("Period");
    if (period.isObject()) {
        *start = period.value("start").toString();
        if (end)
            *end = period.value("end").toString();
        return;
    }
    for (const std::string_view suffix : {"Instant", "Date", "String"}) {
        const FhirJson other = member(suffix);
        if (other.isString()) {
            *start = other.toString();
            return;
        }
    }
    const FhirJson age = member("Age");
    if (age.isObject())
        *start = BundleReading::tr("age %1").arg(quantity(age));
}

QString BundleReading::frequency(const FhirJson &timing) const
{
    const QString text = timing.value("code").value("text").toString();
    if (!text.isEmpty())
        return text;
    const FhirJson repeat = timing.value("repeat");
    const FhirJson periodValue = repeat.value("period");
    if (!periodValue.isNumber())
        return words(timing.value("code"));
    const double period = periodValue.toDouble();
    const QString unit = repeat.value("periodUnit").toString();
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
    const int times = repeat.value("frequency").toInt(1);
    if (times > 1)
        return BundleReading::tr("%1 times %2").arg(times).arg(every);
    return every;
}

// value[x] of an Observation or of one of its components.
void BundleReading::readValue(const FhirJson &holder, QString *value, QString *unit)
{
    if (const FhirJson q = holder.value("valueQuantity"); q.isObject()) {
        *value = quantity(q, unit);
        return;
    }
    if (const FhirJson c = holder.value("valueCodeableConcept"); !c.isUndefined()) {
        *value = codeable(c, "valueCodeableConcept"_L1).text();
        return;
    }
    if (const FhirJson s = holder.value("valueString"); !s.isUndefined()) {
        if (!s.isString())
            problem("valueString"_L1);
        *value = s.isString() ? s.toString() : number(s);
        return;
    }
    if (const FhirJson b = holder.value("valueBoolean"); b.isBool()) {
        *value = b.toBool() ? u"true"_s : u"false"_s;
        return;
    }
    if (const FhirJson i = holder.value("valueInteger"); !i.isUndefined()) {
        *value = number(i);
        return;
    }
    if (const FhirJson r = holder.value("valueRange"); r.isObject()) {
        QString lowUnit;
        QString highUnit;
        const QString low = quantity(r.value("low"), &lowUnit);
        const QString high = quantity(r.value("high"), &highUnit);
        *value = low + u'-' + high;
        *unit = highUnit.isEmpty() ? lowUnit : highUnit;
        return;
    }
    if (const FhirJson r = holder.value("valueRatio"); r.isObject()) {
        *value = quantity(r.value("numerator")) + u'/' + quantity(r.value("denominator"));
        return;
    }
    for (const std::string_view key : {"valueDateTime", "valueTime"}) {
        if (const FhirJson t = holder.value(key); t.isString()) {
            *value = t.toString();
            return;
        }
    }
    if (const FhirJson p = holder.value("valuePeriod"); p.isObject()) {
        *value = p.value("start").toString() + u'-' + p.value("end").toString();
        return;
    }
    if (holder.contains("valueSampledData"))
        *value = BundleReading::tr("(sampled data)");
}

// "system^value" like C-CDA's "root^extension", with "urn:oid:" dropped; the value alone when
// there is no system.
QString BundleReading::identifierText(const FhirJson &identifier)
{
    const QString value = identifier.value("value").toString();
    QString system = identifier.value("system").toString();
    if (system.isEmpty())
        return value;
    if (system.startsWith("urn:oid:"_L1))
        system = system.mid(8);
    else if (const QString oid = CodeSystems::oid(system); !oid.isEmpty())
        system = oid;
    return system + u'^' + value;
}

// --- Resources ------------------------------------------------------------------------------

ClinicalEntry BundleReading::begin(const FhirJson &resource, ClinicalKind kind)
{
    ClinicalEntry entry;
    entry.kind = kind;
    entry.id = resource.value("id").toString();
    const QString div = resource.value("text").value("div").toString();
    if (!div.isEmpty())
        entry.text = FhirNarrative::plainText(div);
    const FhirJson extensions = resource.value("extension");
    if (extensions.isArray()) {
        for (const FhirJson &extension : extensions) {
            Mark mark;
            if (!markOf(extension.value("url"), &mark))
                continue;
            const bool yes = extension.value("valueBoolean").toBool();
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
                entry.end = extension.value("valueDateTime").toString();
                break;
            }
        }
    }
    for (const FhirJson &value : resource.value("note")) {
        const QString note = value.value("text").toString();
        if (!note.isEmpty())
            entry.details.append({BundleReading::tr("Note"), note});
    }
    return entry;
}

// Decides whether the entry is readable and files it under its kind.
void BundleReading::finish(ClinicalEntry &entry, const FhirJson &resource)
{
    if (entry.noKnown && entry.code.isEmpty())
        entry.code.originalText = entry.text;
    if (entry.readable && entry.code.isEmpty() && !entry.noKnown) {
        entry.readable = false;
        entry.details.append({BundleReading::tr("Why it could not be read"),
                              BundleReading::tr("The %1 says nothing about what it is (no code).")
                                  .arg(resource.value("resourceType").toString())});
    }
    for (const QString &field : std::as_const(m_problems)) {
        entry.details.append({BundleReading::tr("Why it could not be read"),
                              BundleReading::tr("“%1” is not what FHIR allows there.").arg(field)});
    }
    if (!entry.readable && entry.text.isEmpty())
        entry.text = entry.code.text();
    m_entries[size_t(entry.kind)].append(std::move(entry));
}

void BundleReading::allergy(const FhirJson &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Allergy);
    entry.code = codeable(resource.value("code"), "code"_L1);
    const FhirJson reactions = resource.value("reaction");
    if (entry.code.isEmpty() && !reactions.noItems()) // converters put the substance here
        entry.code = codeable(reactions.first().value("substance"), "substance"_L1);
    for (const FhirJson &reaction : reactions) {
        for (const FhirJson &manifestation : reaction.value("manifestation")) {
            ClinicalCode code = codeable(manifestation, "manifestation"_L1);
            if (!code.isEmpty())
                entry.reactions.append(code);
        }
        if (entry.severity.isEmpty())
            entry.severity = reaction.value("severity").toString();
    }
    entry.status = words(resource.value("clinicalStatus")).toLower();
    const QString verification = words(resource.value("verificationStatus")).toLower();
    if (verification == "refuted"_L1 || verification == "entered-in-error"_L1 ||
        verification == "entered in error"_L1)
        entry.negated = true;
    entry.criticality = resource.value("criticality").toString();
    QStringList categories;
    for (const FhirJson &category : resource.value("category"))
        categories.append(category.toString());
    entry.category = categories.join(", "_L1);
    QString end;
    dates(resource, "onset", &entry.start, &end);
    if (entry.start.isEmpty())
        entry.start = resource.value("recordedDate").toString();
    const QString type = resource.value("type").toString();
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

void BundleReading::medication(const FhirJson &resource, bool request)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Medication);
    if (resource.contains("medicationCodeableConcept")) {
        entry.code =
            codeable(resource.value("medicationCodeableConcept"), "medicationCodeableConcept"_L1);
    } else {
        const FhirJson reference = resource.value("medicationReference");
        const FhirJson drug = resolve(reference, resource);
        if (!drug.noMembers())
            entry.code = codeable(drug.value("code"), "medication code"_L1);
        if (entry.code.isEmpty())
            entry.code.originalText = reference.value("display").toString();
    }
    entry.status = resource.value("status").toString();
    if (entry.status == "not-taken"_L1 || resource.value("doNotPerform").toBool())
        entry.negated = true;
    const FhirJson dosages = resource.value(request ? "dosageInstruction" : "dosage");
    if (!dosages.noItems()) {
        const FhirJson dosage = dosages.first();
        entry.instructions = dosage.value("text").toString();
        if (entry.instructions.isEmpty())
            entry.instructions = dosage.value("patientInstruction").toString();
        entry.route = words(dosage.value("route"));
        const FhirJson timing = dosage.value("timing");
        entry.frequency = frequency(timing);
        if (dosage.value("asNeededBoolean").toBool())
            entry.frequency = entry.frequency.isEmpty()
                                  ? BundleReading::tr("as needed")
                                  : BundleReading::tr("%1, as needed").arg(entry.frequency);
        const FhirJson rates = dosage.value("doseAndRate");
        if (!rates.noItems()) {
            const FhirJson rate = rates.first();
            if (rate.contains("doseQuantity")) {
                entry.dose = quantity(rate.value("doseQuantity"));
            } else if (const FhirJson range = rate.value("doseRange"); !range.noMembers()) {
                entry.dose = quantity(range.value("low")) + u'-' + quantity(range.value("high"));
            }
        }
        if (request) {
            const FhirJson bounds = timing.value("repeat").value("boundsPeriod");
            entry.start = bounds.value("start").toString();
            entry.end = bounds.value("end").toString();
        }
    }
    if (request) {
        if (entry.start.isEmpty())
            entry.start = resource.value("authoredOn").toString();
        entry.performer = nameOf(resource.value("requester"), resource);
    } else {
        dates(resource, "effective", &entry.start, &entry.end);
        entry.performer = nameOf(resource.value("informationSource"), resource);
    }
    if (FhirVocabulary::isNoKnownCode(entry.code.system, entry.code.code))
        entry.noKnown = true;
    finish(entry, resource);
}

void BundleReading::condition(const FhirJson &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Problem);
    entry.code = codeable(resource.value("code"), "code"_L1);
    entry.status = words(resource.value("clinicalStatus")).toLower();
    const QString verification = words(resource.value("verificationStatus")).toLower();
    if (verification == "refuted"_L1 || verification == "entered-in-error"_L1 ||
        verification == "entered in error"_L1)
        entry.negated = true;
    const FhirJson categories = resource.value("category");
    if (!categories.noItems()) {
        const FhirJson category = categories.first();
        entry.problemType = category.value("text").toString();
        if (entry.problemType.isEmpty()) {
            const QString code = category
                                     .value("coding")

                                     .first()

                                     .value("code")
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
    dates(resource, "onset", &entry.start, nullptr);
    QString abatementEnd;
    dates(resource, "abatement", &entry.end, &abatementEnd);
    if (!abatementEnd.isEmpty())
        entry.end = abatementEnd;
    if (resource.value("abatementBoolean").toBool() && entry.end.isEmpty())
        entry.details.append({BundleReading::tr("Resolved"), BundleReading::tr("yes")});
    if (FhirVocabulary::isNoKnownCode(entry.code.system, entry.code.code))
        entry.noKnown = true;
    finish(entry, resource);
}

void BundleReading::immunization(const FhirJson &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Immunization);
    entry.code = codeable(resource.value("vaccineCode"), "vaccineCode"_L1);
    entry.status = resource.value("status").toString();
    if (entry.status == "not-done"_L1) {
        entry.negated = true;
        entry.refusalReason = words(resource.value("statusReason"));
    }
    dates(resource, "occurrence", &entry.start, nullptr);
    entry.lotNumber = resource.value("lotNumber").toString();
    entry.performer = namesOf(resource.value("performer"), resource, "actor");
    entry.location = nameOf(resource.value("location"), resource);
    entry.route = words(resource.value("route"));
    finish(entry, resource);
}

void BundleReading::observation(const FhirJson &resource, qsizetype index)
{
    if (m_panels.contains(index))
        return; // it only groups other observations, which name it as their panel
    ClinicalKind kind = ClinicalKind::Result;
    for (const FhirJson &value : resource.value("category")) {
        for (const FhirJson &coding : value.value("coding")) {
            if (coding.value("code").is("vital-signs"))
                kind = ClinicalKind::VitalSign;
        }
    }
    ClinicalEntry entry = begin(resource, kind);
    entry.code = codeable(resource.value("code"), "code"_L1);
    entry.status = resource.value("status").toString();
    dates(resource, "effective", &entry.start, &entry.end);
    if (entry.start.isEmpty())
        entry.start = resource.value("issued").toString();
    readValue(resource, &entry.value, &entry.unit);

    const FhirJson components = resource.value("component");
    if (!components.noItems()) {
        QString systolic, diastolic, pressureUnit;
        QStringList others;
        QString onlyValue, onlyUnit;
        for (const FhirJson &component : components) {
            const ClinicalCode code = codeable(component.value("code"), "component code"_L1);
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
        const QString absent = words(resource.value("dataAbsentReason"));
        if (!absent.isEmpty())
            entry.details.append({BundleReading::tr("No value"), absent});
    }

    const FhirJson ranges = resource.value("referenceRange");
    if (!ranges.noItems()) {
        const FhirJson range = ranges.first();
        entry.referenceRange = range.value("text").toString();
        if (entry.referenceRange.isEmpty()) {
            QString lowUnit, highUnit;
            const QString low = quantity(range.value("low"), &lowUnit);
            const QString high = quantity(range.value("high"), &highUnit);
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
    const FhirJson interpretations = resource.value("interpretation");
    if (!interpretations.noItems()) {
        const FhirJson interpretation = interpretations.first();
        entry.interpretation = interpretation.value("text").toString();
        if (entry.interpretation.isEmpty()) {
            const FhirJson first = interpretation.value("coding").first();
            entry.interpretation = first.value("display").toString();
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
                const QString code = first.value("code").toString();
                entry.interpretation = flags.contains(code)
                                           ? QCoreApplication::translate(
                                                 "FhirBundleReader", qPrintable(flags.value(code)))
                                           : code;
            }
        }
    }
    entry.panel = m_panelOf.value(index);
    entry.performer = namesOf(resource.value("performer"), resource);
    finish(entry, resource);
}

void BundleReading::encounter(const FhirJson &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Encounter);
    const FhirJson types = resource.value("type");
    for (const FhirJson &type : types) {
        const ClinicalCode code = codeable(type, "type"_L1);
        if (entry.code.isEmpty())
            entry.code = code;
        else if (!code.isEmpty())
            entry.code.translations.append(code);
    }
    if (entry.code.isEmpty()) {
        const FhirJson services = resource.value("serviceType");
        if (!services.noItems())
            entry.code = codeable(services.first(), "serviceType"_L1);
        else if (resource.value("serviceType").isObject())
            entry.code = codeable(resource.value("serviceType"), "serviceType"_L1);
    }
    if (entry.code.isEmpty() && resource.value("class").isObject())
        entry.code = coding(resource.value("class"));
    entry.status = resource.value("status").toString();
    const FhirJson period = resource.value("period");
    entry.start = period.value("start").toString();
    entry.end = period.value("end").toString();
    entry.performer = namesOf(resource.value("participant"), resource, "individual");
    entry.location = namesOf(resource.value("location"), resource, "location");
    for (const FhirJson &reason : resource.value("reasonCode"))
        entry.diagnoses.append(codeable(reason, "reasonCode"_L1));
    for (const FhirJson &value : resource.value("diagnosis")) {
        const FhirJson reference = value.value("condition");
        const FhirJson condition = resolve(reference, resource);
        ClinicalCode code = codeable(condition.value("code"), "diagnosis"_L1);
        if (code.isEmpty())
            code.originalText = reference.value("display").toString();
        if (!code.isEmpty())
            entry.diagnoses.append(code);
    }
    const QString disposition =
        words(resource.value("hospitalization").value("dischargeDisposition"));
    if (!disposition.isEmpty())
        entry.details.append({BundleReading::tr("Discharge disposition"), disposition});
    finish(entry, resource);
}

void BundleReading::procedure(const FhirJson &resource)
{
    ClinicalEntry entry = begin(resource, ClinicalKind::Procedure);
    entry.code = codeable(resource.value("code"), "code"_L1);
    entry.status = resource.value("status").toString();
    if (entry.status == "not-done"_L1) {
        entry.negated = true;
        const QString reason = words(resource.value("statusReason"));
        if (!reason.isEmpty())
            entry.details.append({BundleReading::tr("Reason not done"), reason});
    }
    dates(resource, "performed", &entry.start, &entry.end);
    entry.performer = namesOf(resource.value("performer"), resource, "actor");
    entry.location = nameOf(resource.value("location"), resource);
    for (const FhirJson &reason : resource.value("reasonCode"))
        entry.diagnoses.append(codeable(reason, "reasonCode"_L1));
    for (const FhirJson &reference : resource.value("reasonReference")) {
        const FhirJson target = resolve(reference, resource);
        ClinicalCode code = codeable(target.value("code"), "reasonReference"_L1);
        if (code.isEmpty())
            code.originalText = reference.value("display").toString();
        if (!code.isEmpty())
            entry.diagnoses.append(code);
    }
    QStringList sites;
    for (const FhirJson &site : resource.value("bodySite"))
        sites.append(words(site));
    sites.removeAll(QString());
    if (!sites.isEmpty())
        entry.details.append({BundleReading::tr("Body site"), sites.join("; "_L1)});
    finish(entry, resource);
}

// A report with results in the bundle is a panel (its observations carry its name); one without
// is shown by what it presents: its attached form, else as one result of its own.
void BundleReading::diagnosticReport(const FhirJson &resource, qsizetype index)
{
    if (m_groups.contains(index))
        return;
    const FhirJson forms = resource.value("presentedForm");
    if (!forms.noItems()) {
        const QString title = words(resource.value("code"));
        for (const FhirJson &form : forms) {
            ClinicalAttachment file = attachment(form, resource);
            if (file.title.isEmpty())
                file.title = title;
            m_record.attachments.append(file);
        }
        return;
    }
    ClinicalEntry entry = begin(resource, ClinicalKind::Result);
    entry.code = codeable(resource.value("code"), "code"_L1);
    entry.status = resource.value("status").toString();
    dates(resource, "effective", &entry.start, &entry.end);
    entry.value = resource.value("conclusion").toString();
    entry.performer = namesOf(resource.value("performer"), resource);
    finish(entry, resource);
}

ClinicalAttachment BundleReading::attachment(const FhirJson &value, const FhirJson &container)
{
    ClinicalAttachment file;
    file.mediaType = value.value("contentType").toString();
    file.title = value.value("title").toString();
    const std::string_view url = value.value("url").view();
    // base64 is ASCII: its bytes as they are (anything else fails to decode below).
    QByteArray data = value.value("data").toBytes();
    if (data.isEmpty() && !url.empty()) {
        // A Binary in the same bundle holds the content.
        qsizetype at = -1;
        const FhirJson binary = resolveTarget(url, container, &at);
        if (at >= 0 && m_types.at(at) == "Binary") {
            m_usedBinaries.insert(at);
            data = binary.value("data").toBytes();
            if (file.mediaType.isEmpty())
                file.mediaType = binary.value("contentType").toString();
        } else {
            file.reference = qString(url);
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

void BundleReading::documentReference(const FhirJson &resource)
{
    QString title = resource.value("description").toString();
    if (title.isEmpty())
        title = words(resource.value("type"));
    const FhirJson contents = resource.value("content");
    for (const FhirJson &content : contents) {
        ClinicalAttachment file = attachment(content.value("attachment"), resource);
        if (file.title.isEmpty())
            file.title = title;
        if (file.data.isEmpty() && file.reference.isEmpty())
            continue;
        m_record.attachments.append(file);
    }
}

void BundleReading::patient(const FhirJson &resource)
{
    if (m_havePatient) {
        ++m_notShown[u"Patient"_s];
        return;
    }
    m_havePatient = true;
    ClinicalHeader &header = m_record.header;
    header.patientName = humanName(resource.value("name"));
    header.patientBirthDate = resource.value("birthDate").toString();
    header.patientGender = capitalized(resource.value("gender").toString());
    for (const FhirJson &identifier : resource.value("identifier"))
        header.patientIds.append(identifierText(identifier));
}

void BundleReading::composition(const FhirJson &resource)
{
    if (m_haveComposition) {
        ++m_notShown[u"Composition"_s];
        return;
    }
    m_haveComposition = true;
    ClinicalHeader &header = m_record.header;
    header.title = resource.value("title").toString();
    header.date = resource.value("date").toString();
    header.type = codeable(resource.value("type"), "type"_L1);
    const FhirJson identifier = resource.value("identifier");
    if (identifier.isObject())
        header.documentId = identifierText(identifier);
    else if (resource.contains("id"))
        header.documentId = resource.value("id").toString();
    for (const FhirJson &reference : resource.value("author")) {
        qsizetype at = -1;
        const FhirJson author = resolve(reference, resource, &at);
        const QString type = author.value("resourceType").toString();
        ClinicalPerson person;
        if (type == "Organization"_L1) {
            person.organization = author.value("name").toString();
        } else if (type == "Device"_L1) {
            person.software = displayName(author, resource);
            m_authorDevices.insert(at);
        } else if (type == "PractitionerRole"_L1) {
            person.name = nameOf(author.value("practitioner"), author);
            person.organization = nameOf(author.value("organization"), author);
        } else {
            person.name = nameOf(reference, resource);
        }
        if (!person.name.isEmpty() || !person.organization.isEmpty() || !person.software.isEmpty())
            header.authors.append(person);
    }
    header.custodian = nameOf(resource.value("custodian"), resource);
    for (const FhirJson &relation : resource.value("relatesTo")) {
        if (relation.value("code").is("replaces")) {
            const FhirJson target = relation.value("targetIdentifier");
            header.replacesDocumentId = target.noMembers() ? relation
                                                                 .value("targetReference")

                                                                 .value("reference")
                                                                 .toString()
                                                           : identifierText(target);
        }
    }
    for (const FhirJson &value : resource.value("section")) {
        ClinicalKind kind = ClinicalKind::Other;
        ClinicalSection section = compositionSection(value, resource, &kind);
        m_compositionSections.append({kind, section});
    }
}

ClinicalKind BundleReading::kindOfResource(const FhirJson &resource) const
{
    const std::string_view type = resource.value("resourceType").view();
    if (type == "AllergyIntolerance")
        return ClinicalKind::Allergy;
    if (type.starts_with("Medication"))
        return ClinicalKind::Medication;
    if (type == "Condition")
        return ClinicalKind::Problem;
    if (type == "Immunization")
        return ClinicalKind::Immunization;
    if (type == "Encounter")
        return ClinicalKind::Encounter;
    if (type == "Procedure")
        return ClinicalKind::Procedure;
    if (type == "DiagnosticReport")
        return ClinicalKind::Result;
    if (type == "Observation") {
        for (const FhirJson &category : resource.value("category")) {
            for (const FhirJson &coding : category.value("coding")) {
                if (coding.value("code").is("vital-signs"))
                    return ClinicalKind::VitalSign;
            }
        }
        return ClinicalKind::Result;
    }
    return ClinicalKind::Other;
}

ClinicalSection BundleReading::compositionSection(const FhirJson &value, const FhirJson &container,
                                                  ClinicalKind *kind)
{
    ClinicalSection section;
    section.title = value.value("title").toString();
    section.code = codeable(value.value("code"), "section code"_L1);
    const QString div = value.value("text").value("div").toString();
    section.narrativeHtml = FhirNarrative::safeHtml(div);
    section.narrativeText = FhirNarrative::plainText(div);
    const FhirJson emptyReason = value.value("emptyReason");
    if (emptyReason.isObject()) {
        section.nullFlavor = emptyReason.value("text").toString();
        if (section.nullFlavor.isEmpty())
            section.nullFlavor = words(emptyReason);
    }
    *kind = ClinicalKind::Other;
    if (section.code.system.isEmpty() || CodeSystems::name(section.code.system) == "LOINC"_L1)
        *kind = FhirVocabulary::kindOfSectionCode(section.code.code);
    if (*kind == ClinicalKind::Other) {
        // Sections with codes of their own still say what they hold through their entries.
        const FhirJson entries = value.value("entry");
        if (!entries.noItems()) {
            const FhirJson first = resolve(entries.first(), container);
            *kind = kindOfResource(first);
            Mark mark;
            for (const FhirJson &extension : first.value("extension")) {
                if (markOf(extension.value("url"), &mark) && mark == Mark::OtherKind)
                    *kind = ClinicalKind::Other;
            }
        }
    }
    section.kind = *kind;
    for (const FhirJson &inner : value.value("section")) {
        ClinicalKind innerKind = ClinicalKind::Other;
        section.subsections.append(compositionSection(inner, container, &innerKind));
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

// JSON simdjson refused, read again by Qt's parser on this rare path alone: it names the first
// error in reading order and its byte. JSON it accepts after all (a number beyond 64 bits,
// which simdjson does not read) comes back in `rewritten`, such numbers written as doubles.
QString diagnosis(const QByteArray &json, QByteArray *rewritten)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return FhirBundleReader::tr("The FHIR data is not valid JSON: %1 at byte %2.")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    }
    *rewritten = document.toJson(QJsonDocument::Compact);
    return {};
}

// simdjson's error in words, when Qt's parser has none to give.
QString malformed(simdjson::error_code error)
{
    QString what;
    switch (error) {
    case simdjson::UTF8_ERROR:
        what = FhirBundleReader::tr("it is not UTF-8 text");
        break;
    case simdjson::EMPTY:
        what = FhirBundleReader::tr("it is empty");
        break;
    case simdjson::STRING_ERROR:
    case simdjson::UNESCAPED_CHARS:
    case simdjson::UNCLOSED_STRING:
        what = FhirBundleReader::tr("a string is not written as JSON allows");
        break;
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
        what = FhirBundleReader::tr("a number is not written as JSON allows or is too large");
        break;
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        what = FhirBundleReader::tr("a word other than true, false or null stands for a value");
        break;
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    case simdjson::TRAILING_CONTENT:
        what = FhirBundleReader::tr("its braces, brackets, commas or colons are out of place");
        break;
    default:
        what = QString::fromUtf8(simdjson::error_message(error));
        break;
    }
    return FhirBundleReader::tr("The FHIR data is not valid JSON: %1.").arg(what);
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
    const auto tooDeep = [&fail] {
        return fail(ClinicalReadError::Code::TooDeep,
                    tr("The FHIR data nests objects and arrays more than %1 levels deep; it is "
                       "not a FHIR resource.")
                        .arg(MaxDepth));
    };
    if (nestingDepth(json, MaxDepth) > MaxDepth)
        return tooDeep();
    // simdjson's own bound as well (it counts only containers with something inside).
    FhirJsonDocument document(MaxDepth);
    simdjson::error_code error = document.parse(json);
    if (error && error != simdjson::DEPTH_ERROR && error != simdjson::MEMALLOC) {
        QByteArray rewritten;
        if (const QString why = diagnosis(json, &rewritten); !why.isEmpty())
            return fail(ClinicalReadError::Code::Malformed, why);
        error = document.parse(rewritten);
    }
    if (error == simdjson::DEPTH_ERROR)
        return tooDeep();
    if (error == simdjson::MEMALLOC) {
        return fail(ClinicalReadError::Code::TooLarge,
                    tr("There is not enough memory to read the FHIR data (%1 MB).")
                        .arg(QLocale().toString(double(json.size()) / (1024 * 1024), 'f', 1)));
    }
    if (error)
        return fail(ClinicalReadError::Code::Malformed, malformed(error));
    const FhirJson root = document.root();
    if (!root.isObject() || root.value("resourceType").view().empty()) {
        return fail(ClinicalReadError::Code::NotClinical,
                    tr("The JSON is not a FHIR resource: it has no resourceType."));
    }
    BundleReading reading;
    result.record = reading.read(root);
    return result;
}
