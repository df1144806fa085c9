// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/ccdaentries.h"

#include "services/clinical/ccdatree.h"
#include "services/clinical/codesystems.h"

#include <QCoreApplication>

#include <cmath>

namespace {

using L1 = QLatin1StringView;
constexpr int None = CcdaTree::None;

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(CcdaReader)
};

// Entry templates (2.16.840.1.113883.10.20.22.4.x) that say what a statement is.
constexpr L1 AllergyConcern("2.16.840.1.113883.10.20.22.4.30");
constexpr L1 AllergyObservation("2.16.840.1.113883.10.20.22.4.7");
constexpr L1 ReactionObservation("2.16.840.1.113883.10.20.22.4.9");
constexpr L1 SeverityObservation("2.16.840.1.113883.10.20.22.4.8");
constexpr L1 AllergyStatus("2.16.840.1.113883.10.20.22.4.28");
constexpr L1 Criticality("2.16.840.1.113883.10.20.22.4.145");
constexpr L1 ProblemConcern("2.16.840.1.113883.10.20.22.4.3");
constexpr L1 ProblemObservation("2.16.840.1.113883.10.20.22.4.4");
constexpr L1 ProblemStatus("2.16.840.1.113883.10.20.22.4.6");
constexpr L1 MedicationActivity("2.16.840.1.113883.10.20.22.4.16");
constexpr L1 ImmunizationActivity("2.16.840.1.113883.10.20.22.4.52");
constexpr L1 RefusalReason("2.16.840.1.113883.10.20.22.4.53");
constexpr L1 ResultOrganizer("2.16.840.1.113883.10.20.22.4.1");
constexpr L1 VitalsOrganizer("2.16.840.1.113883.10.20.22.4.26");
constexpr L1 EncounterActivity("2.16.840.1.113883.10.20.22.4.49");
constexpr L1 ProcedureActivityProcedure("2.16.840.1.113883.10.20.22.4.14");
constexpr L1 ProcedureActivityObservation("2.16.840.1.113883.10.20.22.4.13");
constexpr L1 ProcedureActivityAct("2.16.840.1.113883.10.20.22.4.12");

bool isTrue(const QString &value)
{
    return value.compare(L1("true"), Qt::CaseInsensitive) == 0;
}

bool isStatement(const QString &name)
{
    return name == L1("act") || name == L1("observation") || name == L1("organizer") ||
           name == L1("substanceAdministration") || name == L1("encounter") ||
           name == L1("procedure") || name == L1("supply");
}

//! SNOMED concepts that state "no known …" rather than name a substance or a problem.
bool isNoKnownConcept(const ClinicalCode &code)
{
    static const char *const codes[] = {
        "716186003",  // No known allergy
        "409137002",  // No known history of drug allergy
        "429625007",  // No known food allergy
        "428607008",  // No known environmental allergy
        "428197003",  // No known insect allergy
        "1003774007", // No known latex allergy
        "160245001",  // No current problems or disability
        "410942007",  // Drug or medicament (negated: no medications)
        "182849000",  // No drug therapy prescribed
    };
    auto matches = [](const ClinicalCode &c) {
        for (const char *known : codes) {
            if (c.code == QLatin1StringView(known))
                return true;
        }
        const QString words = c.text();
        return words.contains(L1("no known"), Qt::CaseInsensitive) ||
               words.startsWith(L1("no current"), Qt::CaseInsensitive) ||
               words.compare(L1("NKA"), Qt::CaseInsensitive) == 0 ||
               words.compare(L1("NKDA"), Qt::CaseInsensitive) == 0;
    };
    if (matches(code))
        return true;
    for (const ClinicalCode &translation : code.translations) {
        if (matches(translation))
            return true;
    }
    return false;
}

//! A concept that only says what kind of statement this is ("Allergy to substance",
//! "Problem"), which a negation turns into "none known".
bool isGenericConcept(const ClinicalCode &code)
{
    static const char *const codes[] = {
        "419199007", // Allergy to substance
        "420134006", // Propensity to adverse reactions
        "418038007", // Propensity to adverse reactions to substance
        "55607006",  // Problem
        "404684003", // Clinical finding
        "64572001",  // Disease
    };
    for (const char *generic : codes) {
        if (code.code == QLatin1StringView(generic))
            return true;
    }
    return false;
}

QString allergyCategory(const ClinicalCode &type)
{
    const QString &c = type.code;
    if (c == L1("416098002") || c == L1("419511003") || c == L1("59037007") || c == L1("419581004"))
        return QStringLiteral("medication");
    if (c == L1("414285001") || c == L1("418471000") || c == L1("235719002"))
        return QStringLiteral("food");
    if (c == L1("426232007"))
        return QStringLiteral("environment");
    const QString words = type.text().toLower();
    if (words.contains(L1("drug")) || words.contains(L1("medication")))
        return QStringLiteral("medication");
    if (words.contains(L1("food")))
        return QStringLiteral("food");
    if (words.contains(L1("environment")))
        return QStringLiteral("environment");
    return {};
}

QString unitName(QStringView unit)
{
    if (unit == u"s")
        return Tr::tr("seconds");
    if (unit == u"min")
        return Tr::tr("minutes");
    if (unit == u"h")
        return Tr::tr("hours");
    if (unit == u"d")
        return Tr::tr("days");
    if (unit == u"wk")
        return Tr::tr("weeks");
    if (unit == u"mo")
        return Tr::tr("months");
    if (unit == u"a")
        return Tr::tr("years");
    return unit.toString();
}

QString oneUnitName(QStringView unit)
{
    if (unit == u"s")
        return Tr::tr("every second");
    if (unit == u"min")
        return Tr::tr("every minute");
    if (unit == u"h")
        return Tr::tr("every hour");
    if (unit == u"d")
        return Tr::tr("every day");
    if (unit == u"wk")
        return Tr::tr("every week");
    if (unit == u"mo")
        return Tr::tr("every month");
    if (unit == u"a")
        return Tr::tr("every year");
    return Tr::tr("every %1").arg(unit);
}

//! An FDA route of administration (NCI thesaurus) by code, for routeCodes without a name.
QString routeName(const QString &code)
{
    struct Route
    {
        const char *code;
        const char *name;
    };
    static const Route routes[] = {
        {"C38288", QT_TRANSLATE_NOOP("CcdaReader", "Oral")},
        {"C38276", QT_TRANSLATE_NOOP("CcdaReader", "Intravenous")},
        {"C28161", QT_TRANSLATE_NOOP("CcdaReader", "Intramuscular")},
        {"C38299", QT_TRANSLATE_NOOP("CcdaReader", "Subcutaneous")},
        {"C38216", QT_TRANSLATE_NOOP("CcdaReader", "Inhalation")},
        {"C38304", QT_TRANSLATE_NOOP("CcdaReader", "Topical")},
        {"C38284", QT_TRANSLATE_NOOP("CcdaReader", "Nasal")},
        {"C38287", QT_TRANSLATE_NOOP("CcdaReader", "Ophthalmic")},
        {"C38238", QT_TRANSLATE_NOOP("CcdaReader", "Intradermal")},
        {"C38295", QT_TRANSLATE_NOOP("CcdaReader", "Rectal")},
        {"C38300", QT_TRANSLATE_NOOP("CcdaReader", "Sublingual")},
        {"C38305", QT_TRANSLATE_NOOP("CcdaReader", "Transdermal")},
        {"C38313", QT_TRANSLATE_NOOP("CcdaReader", "Vaginal")},
    };
    for (const Route &route : routes) {
        if (code == QLatin1StringView(route.code))
            return Tr::tr(route.name);
    }
    return {};
}

//! "every 8 hours" for a PIVL_TS period; a fraction of a day reads in hours, of an hour in
//! minutes ("0.3333 d" is "every 8 hours").
QString frequencyWords(const QString &value, QString unit)
{
    bool isNumber = false;
    double number = value.toDouble(&isNumber);
    if (!isNumber || number <= 0)
        return value.isEmpty() ? QString() : Tr::tr("every %1 %2").arg(value, unit);
    if (number < 1 && (unit == L1("d") || unit == L1("h"))) {
        number *= unit == L1("d") ? 24 : 60;
        unit = unit == L1("d") ? QStringLiteral("h") : QStringLiteral("min");
    }
    const double whole = std::round(number);
    const bool isWhole = std::abs(number - whole) < 0.05;
    if (isWhole && whole == 1.0)
        return oneUnitName(unit);
    const QString amount =
        isWhole ? QString::number(qint64(whole)) : QString::number(number, 'g', 3);
    return Tr::tr("every %1 %2").arg(amount, unitName(unit));
}

QString withUnit(const QString &value, const QString &unit)
{
    if (value.isEmpty())
        return {};
    if (unit.isEmpty() || unit == L1("1"))
        return value;
    return value + u' ' + unit;
}

QString interpretationWords(const ClinicalCode &code)
{
    if (!code.display.trimmed().isEmpty() || !code.originalText.trimmed().isEmpty())
        return code.text();
    const QString &c = code.code;
    if (c == L1("H"))
        return Tr::tr("High");
    if (c == L1("L"))
        return Tr::tr("Low");
    if (c == L1("N"))
        return Tr::tr("Normal");
    if (c == L1("A"))
        return Tr::tr("Abnormal");
    if (c == L1("HH") || c == L1("HU"))
        return Tr::tr("Critically high");
    if (c == L1("LL") || c == L1("LU"))
        return Tr::tr("Critically low");
    if (c == L1("AA"))
        return Tr::tr("Critically abnormal");
    if (c == L1("POS"))
        return Tr::tr("Positive");
    if (c == L1("NEG"))
        return Tr::tr("Negative");
    return code.text();
}

QString criticalityWords(const ClinicalCode &code)
{
    if (code.code == L1("CRITL"))
        return QStringLiteral("low");
    if (code.code == L1("CRITH"))
        return QStringLiteral("high");
    if (code.code == L1("CRITU"))
        return QStringLiteral("unable-to-assess");
    return code.text().toLower();
}

} // namespace

CcdaEntries::CcdaEntries(const CcdaTree &tree, const QHash<QString, QString> &narrativeIds)
    : m_tree(tree)
    , m_ids(narrativeIds)
{
}

ClinicalKind CcdaEntries::sectionKind(const QString &loinc, const QStringList &templateIds)
{
    struct Known
    {
        const char *loinc;
        const char *templateRoot; // without the trailing ".1" of "entries required"
        ClinicalKind kind;
    };
    static const Known known[] = {
        {"48765-2", "2.16.840.1.113883.10.20.22.2.6", ClinicalKind::Allergy},
        {"10160-0", "2.16.840.1.113883.10.20.22.2.1", ClinicalKind::Medication},
        {"11450-4", "2.16.840.1.113883.10.20.22.2.5", ClinicalKind::Problem},
        {"11369-6", "2.16.840.1.113883.10.20.22.2.2", ClinicalKind::Immunization},
        {"30954-2", "2.16.840.1.113883.10.20.22.2.3", ClinicalKind::Result},
        {"8716-3", "2.16.840.1.113883.10.20.22.2.4", ClinicalKind::VitalSign},
        {"46240-8", "2.16.840.1.113883.10.20.22.2.22", ClinicalKind::Encounter},
        {"47519-4", "2.16.840.1.113883.10.20.22.2.7", ClinicalKind::Procedure},
    };
    for (const Known &k : known) {
        if (loinc == QLatin1StringView(k.loinc))
            return k.kind;
    }
    for (const QString &root : templateIds) {
        for (const Known &k : known) {
            const QLatin1StringView base(k.templateRoot);
            if (root == base || (root.size() == base.size() + 2 && root.startsWith(base) &&
                                 root.endsWith(L1(".1"))))
                return k.kind;
        }
    }
    return ClinicalKind::Other;
}

QString CcdaEntries::isoTime(QStringView ts)
{
    ts = ts.trimmed();
    qsizetype digits = 0;
    while (digits < ts.size() && ts[digits].isDigit())
        ++digits;
    if (digits < 4 || digits > 14 || digits % 2 != 0)
        return ts.toString();
    QString out;
    out.reserve(32);
    out.append(ts.first(4));
    static const char separators[] = {'-', '-', 'T', ':', ':'};
    for (qsizetype i = 4, part = 0; i < digits; i += 2, ++part) {
        out.append(QLatin1Char(separators[part]));
        out.append(ts.sliced(i, 2));
    }
    qsizetype i = digits;
    if (i < ts.size() && ts[i] == u'.' && digits == 14) {
        qsizetype j = i + 1;
        while (j < ts.size() && ts[j].isDigit())
            ++j;
        out.append(ts.sliced(i, j - i));
        i = j;
    }
    if (i < ts.size() && (ts[i] == u'+' || ts[i] == u'-') && digits >= 10) {
        const QStringView zone = ts.sliced(i + 1);
        if (zone.size() == 4 && zone[0].isDigit() && zone[1].isDigit() && zone[2].isDigit() &&
            zone[3].isDigit()) {
            out.append(ts[i]).append(zone.first(2)).append(u':').append(zone.sliced(2));
            i = ts.size();
        }
    }
    if (i != ts.size())
        return ts.toString();
    return out;
}

QString CcdaEntries::words(int node, QString *reference) const
{
    if (node == None)
        return {};
    const int ref = m_tree.child(node, L1("reference"));
    if (ref != None) {
        const QString &value = m_tree.attr(ref, L1("value"));
        if (reference)
            *reference = value;
        if (value.startsWith(u'#')) {
            const auto found = m_ids.constFind(value.mid(1));
            if (found != m_ids.constEnd() && !found.value().isEmpty())
                return found.value();
        }
    }
    return m_tree.deepText(node);
}

ClinicalCode CcdaEntries::code(int node) const
{
    ClinicalCode c;
    if (node == None)
        return c;
    c.code = m_tree.attr(node, L1("code")).trimmed();
    c.system = m_tree.attr(node, L1("codeSystem"));
    // Only systems we know get a name: a document's own codeSystemName is not trusted.
    if (!c.system.isEmpty())
        c.systemName = CodeSystems::name(c.system);
    c.display = m_tree.attr(node, L1("displayName")).trimmed();
    c.nullFlavor = m_tree.attr(node, L1("nullFlavor"));
    for (int child = m_tree.firstChild(node); child != None; child = m_tree.nextSibling(child)) {
        const QString &name = m_tree.name(child);
        if (name == L1("originalText"))
            c.originalText = words(child);
        else if (name == L1("translation"))
            c.translations.append(code(child));
    }
    return c;
}

QString CcdaEntries::personName(int nameNode) const
{
    if (nameNode == None)
        return {};
    QStringList given;
    QString family;
    QString suffix;
    for (int part = m_tree.firstChild(nameNode); part != None; part = m_tree.nextSibling(part)) {
        const QString &name = m_tree.name(part);
        const QString text = m_tree.deepText(part);
        if (text.isEmpty())
            continue;
        if (name == L1("given"))
            given.append(text);
        else if (name == L1("family") && family.isEmpty())
            family = text;
        else if (name == L1("suffix"))
            suffix = text;
    }
    QStringList parts = given;
    if (!family.isEmpty())
        parts.append(family);
    if (!suffix.isEmpty())
        parts.append(suffix);
    if (parts.isEmpty())
        return m_tree.ownText(nameNode).simplified();
    return parts.join(u' ');
}

QString CcdaEntries::identifier(int idNode) const
{
    if (idNode == None)
        return {};
    const QString &root = m_tree.attr(idNode, L1("root"));
    const QString &extension = m_tree.attr(idNode, L1("extension"));
    if (extension.isEmpty())
        return root;
    if (root.isEmpty())
        return extension;
    return root + u'^' + extension;
}

QList<int> CcdaEntries::related(int statement, QLatin1StringView element) const
{
    QList<int> out;
    for (int rel = m_tree.child(statement, L1("entryRelationship")); rel != None;
         rel = m_tree.nextNamed(rel, L1("entryRelationship"))) {
        const int inner = m_tree.child(rel, element);
        if (inner != None)
            out.append(inner);
    }
    return out;
}

bool CcdaEntries::negated(int statement) const
{
    return isTrue(m_tree.attr(statement, L1("negationInd")));
}

QString CcdaEntries::status(int statement) const
{
    return m_tree.attr(m_tree.child(statement, L1("statusCode")), L1("code")).toLower();
}

void CcdaEntries::times(int statement, QString &start, QString &end) const
{
    for (int time = m_tree.child(statement, L1("effectiveTime")); time != None;
         time = m_tree.nextNamed(time, L1("effectiveTime"))) {
        // A period (PIVL_TS, EIVL_TS) is a frequency, not the dates.
        const QString &type = m_tree.attr(time, L1("type"));
        if (type.contains(L1("PIVL")) || type.contains(L1("EIVL")) ||
            m_tree.child(time, L1("period")) != None || m_tree.child(time, L1("event")) != None)
            continue;
        const QString &value = m_tree.attr(time, L1("value"));
        if (!value.isEmpty() && start.isEmpty())
            start = isoTime(value);
        const int low = m_tree.child(time, L1("low"));
        if (start.isEmpty() && low != None && !m_tree.attr(low, L1("value")).isEmpty())
            start = isoTime(m_tree.attr(low, L1("value")));
        const int center = m_tree.child(time, L1("center"));
        if (start.isEmpty() && center != None && !m_tree.attr(center, L1("value")).isEmpty())
            start = isoTime(m_tree.attr(center, L1("value")));
        const int high = m_tree.child(time, L1("high"));
        if (end.isEmpty() && high != None && !m_tree.attr(high, L1("value")).isEmpty())
            end = isoTime(m_tree.attr(high, L1("value")));
    }
}

QString CcdaEntries::valueText(int value, QString *unit) const
{
    if (value == None)
        return {};
    QString type = m_tree.attr(value, L1("type"));
    if (const qsizetype colon = type.indexOf(u':'); colon >= 0)
        type = type.mid(colon + 1);
    if (type == L1("IVL_PQ") || type == L1("IVL_INT") || type == L1("IVL_REAL") ||
        m_tree.child(value, L1("low")) != None || m_tree.child(value, L1("high")) != None) {
        const int low = m_tree.child(value, L1("low"));
        const int high = m_tree.child(value, L1("high"));
        const QString lowValue = m_tree.attr(low, L1("value"));
        const QString highValue = m_tree.attr(high, L1("value"));
        QString u = m_tree.attr(low, L1("unit"));
        if (u.isEmpty())
            u = m_tree.attr(high, L1("unit"));
        if (unit && u != L1("1"))
            *unit = u;
        if (!lowValue.isEmpty() && !highValue.isEmpty())
            return lowValue + u'-' + highValue;
        if (!lowValue.isEmpty())
            return QStringLiteral(">=") + lowValue;
        if (!highValue.isEmpty())
            return QStringLiteral("<=") + highValue;
        return {};
    }
    if (type == L1("CD") || type == L1("CE") || type == L1("CO") || type == L1("CV") ||
        (m_tree.hasAttr(value, L1("code")) && !m_tree.hasAttr(value, L1("value"))))
        return code(value).text();
    if (type == L1("RTO") || type.startsWith(L1("RTO_"))) {
        const int numerator = m_tree.child(value, L1("numerator"));
        const int denominator = m_tree.child(value, L1("denominator"));
        return withUnit(m_tree.attr(numerator, L1("value")), m_tree.attr(numerator, L1("unit"))) +
               u'/' +
               withUnit(m_tree.attr(denominator, L1("value")),
                        m_tree.attr(denominator, L1("unit")));
    }
    if (m_tree.hasAttr(value, L1("value"))) {
        if (unit) {
            const QString &u = m_tree.attr(value, L1("unit"));
            *unit = u == L1("1") ? QString() : u;
        }
        return m_tree.attr(value, L1("value")).trimmed();
    }
    return words(value);
}

QString CcdaEntries::performer(int statement) const
{
    for (int perf = m_tree.child(statement, L1("performer")); perf != None;
         perf = m_tree.nextNamed(perf, L1("performer"))) {
        const int entity = m_tree.child(perf, L1("assignedEntity"));
        const QString person = personName(m_tree.path(entity, L1("assignedPerson/name")));
        if (!person.isEmpty())
            return person;
        const QString organization =
            m_tree.deepText(m_tree.path(entity, L1("representedOrganization/name")));
        if (!organization.isEmpty())
            return organization;
    }
    return {};
}

ClinicalEntry CcdaEntries::start(int statement, ClinicalKind kind) const
{
    ClinicalEntry entry;
    entry.kind = kind;
    entry.id = identifier(m_tree.child(statement, L1("id")));
    entry.negated = negated(statement);
    entry.status = status(statement);
    entry.text = words(m_tree.child(statement, L1("text")), &entry.narrativeRef);
    times(statement, entry.start, entry.end);
    return entry;
}

void CcdaEntries::finish(ClinicalEntry &entry) const
{
    // A code with no words of its own falls back to the narrative the entry points to.
    if (entry.code.text().isEmpty() && !entry.text.isEmpty() && entry.code.originalText.isEmpty())
        entry.code.originalText = entry.text;
    if (entry.readable && entry.code.isEmpty() && entry.value.isEmpty() && !entry.noKnown) {
        entry.readable = false;
        if (entry.text.isEmpty())
            entry.text = Tr::tr("The entry names nothing that could be read.");
    }
}

ClinicalEntry CcdaEntries::unreadable(int statement, ClinicalKind kind, const QString &why) const
{
    ClinicalEntry entry;
    entry.kind = kind;
    entry.readable = false;
    if (statement != None) {
        entry.id = identifier(m_tree.child(statement, L1("id")));
        entry.text = words(m_tree.child(statement, L1("text")), &entry.narrativeRef);
    }
    if (entry.text.isEmpty())
        entry.text = why;
    else
        entry.details.append({Tr::tr("Why not read"), why});
    return entry;
}

void CcdaEntries::read(ClinicalKind sectionKind, QList<ClinicalEntry> &out) const
{
    int statement = None;
    for (int c = m_tree.firstChild(m_tree.root()); c != None; c = m_tree.nextSibling(c)) {
        if (isStatement(m_tree.name(c))) {
            statement = c;
            break;
        }
    }
    if (statement == None) {
        out.append(unreadable(None, sectionKind, Tr::tr("The entry holds no clinical statement.")));
        return;
    }
    ClinicalKind kind = sectionKind;
    if (kind == ClinicalKind::Other) {
        // Entries of a known template are read as such in any section (admission
        // medications, discharge diagnoses…).
        if (m_tree.hasTemplate(statement, AllergyConcern) ||
            m_tree.hasTemplate(statement, AllergyObservation))
            kind = ClinicalKind::Allergy;
        else if (m_tree.hasTemplate(statement, MedicationActivity))
            kind = ClinicalKind::Medication;
        else if (m_tree.hasTemplate(statement, ProblemConcern))
            kind = ClinicalKind::Problem;
        else if (m_tree.hasTemplate(statement, ImmunizationActivity))
            kind = ClinicalKind::Immunization;
        else if (m_tree.hasTemplate(statement, ResultOrganizer))
            kind = ClinicalKind::Result;
        else if (m_tree.hasTemplate(statement, VitalsOrganizer))
            kind = ClinicalKind::VitalSign;
        else if (m_tree.hasTemplate(statement, EncounterActivity))
            kind = ClinicalKind::Encounter;
        else if (m_tree.hasTemplate(statement, ProcedureActivityProcedure))
            kind = ClinicalKind::Procedure;
        else if (m_tree.name(statement) == L1("act")) {
            // Wrapper acts (discharge medication, hospital discharge diagnosis) hold the
            // statements we know.
            for (const int inner : related(statement, L1("substanceAdministration"))) {
                if (m_tree.hasTemplate(inner, MedicationActivity))
                    kind = ClinicalKind::Medication;
            }
            // Diagnosis acts only: a health concern also holds problem observations, but it
            // is the patient's concern, not the problem list.
            static const char *const diagnosisActs[] = {
                "2.16.840.1.113883.10.20.22.4.33", // hospital discharge diagnosis
                "2.16.840.1.113883.10.20.22.4.34", // hospital admission diagnosis
                "2.16.840.1.113883.10.20.22.4.51", // postprocedure diagnosis
                "2.16.840.1.113883.10.20.22.4.65", // preoperative diagnosis
                "2.16.840.1.113883.10.20.22.4.66", // postoperative diagnosis
                "2.16.840.1.113883.10.20.22.4.80", // encounter diagnosis
            };
            for (const char *diagnosisAct : diagnosisActs) {
                if (m_tree.hasTemplate(statement, QLatin1StringView(diagnosisAct)))
                    kind = ClinicalKind::Problem;
            }
        }
    }
    switch (kind) {
    case ClinicalKind::Allergy:
        readAllergies(statement, out);
        return;
    case ClinicalKind::Medication:
        readMedications(statement, out);
        return;
    case ClinicalKind::Problem:
        readProblems(statement, out);
        return;
    case ClinicalKind::Immunization:
        if (m_tree.name(statement) != L1("substanceAdministration")) {
            out.append(other(statement));
            return;
        }
        out.append(immunization(statement));
        return;
    case ClinicalKind::Result:
    case ClinicalKind::VitalSign:
        readResults(statement, kind, out);
        return;
    case ClinicalKind::Encounter:
        out.append(m_tree.name(statement) == L1("encounter") ? encounter(statement)
                                                             : other(statement));
        return;
    case ClinicalKind::Procedure:
        out.append(procedure(statement));
        return;
    case ClinicalKind::Other:
        break;
    }
    out.append(other(statement));
}

void CcdaEntries::readAllergies(int statement, QList<ClinicalEntry> &out) const
{
    if (m_tree.name(statement) == L1("observation")) {
        out.append(allergy(statement, None));
        return;
    }
    const QList<int> observations = related(statement, L1("observation"));
    int read = 0;
    for (const int observation : observations) {
        // Concern acts may also carry notes or other observations: take the allergy ones.
        if (m_tree.hasTemplate(observation, AllergyObservation) ||
            m_tree.child(observation, L1("participant")) != None ||
            m_tree.attr(m_tree.child(observation, L1("code")), L1("code")) == L1("ASSERTION")) {
            out.append(allergy(observation, statement));
            ++read;
        }
    }
    if (read == 0)
        out.append(unreadable(statement, ClinicalKind::Allergy,
                              Tr::tr("The allergy concern holds no allergy observation.")));
}

ClinicalEntry CcdaEntries::allergy(int observation, int concern) const
{
    ClinicalEntry entry = start(observation, ClinicalKind::Allergy);
    if (concern != None) {
        if (entry.id.isEmpty())
            entry.id = identifier(m_tree.child(concern, L1("id")));
        if (entry.text.isEmpty())
            entry.text = words(m_tree.child(concern, L1("text")), &entry.narrativeRef);
        // The concern's status (active, completed) says more than the observation's.
        const QString concernStatus = status(concern);
        if (!concernStatus.isEmpty())
            entry.status = concernStatus;
        entry.negated = entry.negated || negated(concern);
    }
    for (int participant = m_tree.child(observation, L1("participant")); participant != None;
         participant = m_tree.nextNamed(participant, L1("participant"))) {
        const int playing = m_tree.path(participant, L1("participantRole/playingEntity"));
        if (playing == None)
            continue;
        entry.code = code(m_tree.child(playing, L1("code")));
        if (entry.code.text().isEmpty()) {
            const QString name = m_tree.deepText(m_tree.child(playing, L1("name")));
            if (!name.isEmpty())
                entry.code.originalText = name;
        }
        break;
    }
    const ClinicalCode type = code(m_tree.child(observation, L1("value")));
    entry.category = allergyCategory(type);
    if (!type.isEmpty())
        entry.details.append({Tr::tr("Type"), type.label()});

    for (const int related : related(observation, L1("observation"))) {
        if (m_tree.hasTemplate(related, ReactionObservation) ||
            (m_tree.hasTemplate(related, SeverityObservation) == false &&
             m_tree.hasTemplate(related, AllergyStatus) == false &&
             m_tree.hasTemplate(related, Criticality) == false &&
             m_tree.attr(m_tree.parent(related), L1("typeCode")) == L1("MFST"))) {
            ClinicalCode reaction = code(m_tree.child(related, L1("value")));
            if (reaction.text().isEmpty())
                reaction.originalText = words(m_tree.child(related, L1("text")));
            if (!reaction.isEmpty())
                entry.reactions.append(reaction);
            // Severity may sit inside the reaction.
            const int severity = m_tree.findTemplate(related, SeverityObservation);
            if (severity != None && entry.severity.isEmpty())
                entry.severity = code(m_tree.child(severity, L1("value"))).text().toLower();
        } else if (m_tree.hasTemplate(related, SeverityObservation)) {
            entry.severity = code(m_tree.child(related, L1("value"))).text().toLower();
        } else if (m_tree.hasTemplate(related, AllergyStatus)) {
            entry.status = code(m_tree.child(related, L1("value"))).text().toLower();
        } else if (m_tree.hasTemplate(related, Criticality)) {
            entry.criticality = criticalityWords(code(m_tree.child(related, L1("value"))));
        }
    }

    // "No known allergies": a negated allergy with no named substance, or a concept saying so.
    const bool noSubstance = entry.code.code.isEmpty() && entry.code.display.isEmpty() &&
                             entry.code.originalText.isEmpty();
    if ((entry.negated && (noSubstance || isGenericConcept(entry.code))) ||
        isNoKnownConcept(type) || isNoKnownConcept(entry.code)) {
        entry.noKnown = true;
        entry.negated = false;
        if (entry.code.text().isEmpty())
            entry.code = type;
    }
    finish(entry);
    return entry;
}

void CcdaEntries::readMedications(int statement, QList<ClinicalEntry> &out) const
{
    if (m_tree.name(statement) == L1("substanceAdministration")) {
        out.append(medication(statement));
        return;
    }
    // A wrapper act (discharge or admission medication) holds the activities.
    const QList<int> administrations = related(statement, L1("substanceAdministration"));
    for (const int administration : administrations)
        out.append(medication(administration));
    if (administrations.isEmpty())
        out.append(other(statement));
}

ClinicalEntry CcdaEntries::medication(int administration) const
{
    ClinicalEntry entry = start(administration, ClinicalKind::Medication);
    const int material =
        m_tree.path(administration, L1("consumable/manufacturedProduct/manufacturedMaterial"));
    entry.code = code(m_tree.child(material, L1("code")));
    const QString materialName = m_tree.deepText(m_tree.child(material, L1("name")));
    if (entry.code.text().isEmpty() || entry.code.code.isEmpty()) {
        if (!materialName.isEmpty() && entry.code.originalText.isEmpty())
            entry.code.originalText = materialName;
    }
    // A mixture lists its ingredients (pharm:ingredient): each kept as a readable detail.
    for (int ingredient = m_tree.child(material, L1("ingredient")); ingredient != None;
         ingredient = m_tree.nextNamed(ingredient, L1("ingredient"))) {
        const ClinicalCode substance =
            code(m_tree.path(ingredient, L1("ingredientSubstance/code")));
        QString words = substance.label();
        if (words.isEmpty())
            words = m_tree.deepText(m_tree.path(ingredient, L1("ingredientSubstance/name")));
        const int numerator = m_tree.path(ingredient, L1("quantity/numerator"));
        const QString amount =
            withUnit(m_tree.attr(numerator, L1("value")), m_tree.attr(numerator, L1("unit")));
        if (!amount.isEmpty())
            words += QStringLiteral(" (") + amount + u')';
        if (!words.isEmpty())
            entry.details.append({Tr::tr("Ingredient"), words});
    }

    const int dose = m_tree.child(administration, L1("doseQuantity"));
    QString doseUnit;
    entry.dose = withUnit(valueText(dose, &doseUnit), doseUnit);
    const ClinicalCode route = code(m_tree.child(administration, L1("routeCode")));
    entry.route =
        route.display.isEmpty() && route.originalText.isEmpty() ? routeName(route.code) : QString();
    if (entry.route.isEmpty())
        entry.route = route.text();

    for (int time = m_tree.child(administration, L1("effectiveTime")); time != None;
         time = m_tree.nextNamed(time, L1("effectiveTime"))) {
        const int period = m_tree.child(time, L1("period"));
        if (period != None) {
            entry.frequency = frequencyWords(m_tree.attr(period, L1("value")).trimmed(),
                                             m_tree.attr(period, L1("unit")).trimmed());
            continue;
        }
        const int event = m_tree.child(time, L1("event"));
        if (event != None) {
            const QString &eventCode = m_tree.attr(event, L1("code"));
            entry.frequency = eventCode; // HL7 TimingEvent: AC, HS, PC…
            if (eventCode == L1("HS"))
                entry.frequency = Tr::tr("at bedtime");
            else if (eventCode == L1("AC"))
                entry.frequency = Tr::tr("before meals");
            else if (eventCode == L1("PC"))
                entry.frequency = Tr::tr("after meals");
        }
    }
    for (const int act : related(administration, L1("act"))) {
        // Instructions (template 4.20) are free text.
        const QString instruction = words(m_tree.child(act, L1("text")));
        if (!instruction.isEmpty())
            entry.instructions = instruction;
    }
    for (const int observation : related(administration, L1("observation"))) {
        const ClinicalCode indication = code(m_tree.child(observation, L1("value")));
        if (!indication.isEmpty())
            entry.diagnoses.append(indication);
    }
    if (entry.negated && (entry.code.code.isEmpty() || isNoKnownConcept(entry.code))) {
        entry.noKnown = true;
        entry.negated = false;
    } else if (isNoKnownConcept(entry.code)) {
        entry.noKnown = true;
    }
    finish(entry);
    return entry;
}

void CcdaEntries::readProblems(int statement, QList<ClinicalEntry> &out) const
{
    if (m_tree.name(statement) == L1("observation")) {
        out.append(problem(statement, None));
        return;
    }
    int read = 0;
    for (const int observation : related(statement, L1("observation"))) {
        if (m_tree.hasTemplate(observation, ProblemObservation) ||
            m_tree.child(observation, L1("value")) != None) {
            out.append(problem(observation, statement));
            ++read;
        }
    }
    if (read == 0)
        out.append(unreadable(statement, ClinicalKind::Problem,
                              Tr::tr("The problem concern holds no problem observation.")));
}

ClinicalEntry CcdaEntries::problem(int observation, int concern) const
{
    ClinicalEntry entry = start(observation, ClinicalKind::Problem);
    entry.code = code(m_tree.child(observation, L1("value")));
    const ClinicalCode type = code(m_tree.child(observation, L1("code")));
    entry.problemType = type.text();
    QString concernStatus;
    if (concern != None) {
        if (entry.id.isEmpty())
            entry.id = identifier(m_tree.child(concern, L1("id")));
        if (entry.text.isEmpty())
            entry.text = words(m_tree.child(concern, L1("text")), &entry.narrativeRef);
        concernStatus = status(concern);
        if (entry.start.isEmpty())
            times(concern, entry.start, entry.end);
        entry.negated = entry.negated || negated(concern);
    }
    // The status observation says active/resolved; the concern act active/completed.
    const int statusObservation = m_tree.findTemplate(observation, ProblemStatus);
    if (statusObservation != None)
        entry.status = code(m_tree.child(statusObservation, L1("value"))).text().toLower();
    else if (!concernStatus.isEmpty())
        entry.status = concernStatus;
    if ((entry.negated && (entry.code.code.isEmpty() || isGenericConcept(entry.code))) ||
        isNoKnownConcept(entry.code)) {
        entry.noKnown = true;
        entry.negated = false;
    }
    finish(entry);
    return entry;
}

ClinicalEntry CcdaEntries::immunization(int administration) const
{
    ClinicalEntry entry = start(administration, ClinicalKind::Immunization);
    const int material =
        m_tree.path(administration, L1("consumable/manufacturedProduct/manufacturedMaterial"));
    entry.code = code(m_tree.child(material, L1("code")));
    if (entry.code.text().isEmpty())
        entry.code.originalText = m_tree.deepText(m_tree.child(material, L1("name")));
    entry.lotNumber = m_tree.deepText(m_tree.child(material, L1("lotNumberText")));
    QString doseUnit;
    entry.dose =
        withUnit(valueText(m_tree.child(administration, L1("doseQuantity")), &doseUnit), doseUnit);
    const ClinicalCode route = code(m_tree.child(administration, L1("routeCode")));
    entry.route =
        route.display.isEmpty() && route.originalText.isEmpty() ? routeName(route.code) : QString();
    if (entry.route.isEmpty())
        entry.route = route.text();
    entry.performer = performer(administration);
    if (m_tree.attr(administration, L1("moodCode")) == L1("INT"))
        entry.details.append({Tr::tr("Planned"), Tr::tr("yes")});
    for (const int observation : related(administration, L1("observation"))) {
        if (m_tree.hasTemplate(observation, RefusalReason)) {
            entry.refusalReason = code(m_tree.child(observation, L1("code"))).text();
            if (entry.refusalReason.isEmpty())
                entry.refusalReason = words(m_tree.child(observation, L1("text")));
        }
    }
    finish(entry);
    return entry;
}

void CcdaEntries::readResults(int statement, ClinicalKind kind, QList<ClinicalEntry> &out) const
{
    if (m_tree.name(statement) == L1("observation")) {
        out.append(result(statement, kind, QString(), None));
        return;
    }
    if (m_tree.name(statement) != L1("organizer")) {
        out.append(other(statement));
        return;
    }
    const QString panel = code(m_tree.child(statement, L1("code"))).text();
    int read = 0;
    for (int component = m_tree.child(statement, L1("component")); component != None;
         component = m_tree.nextNamed(component, L1("component"))) {
        const int observation = m_tree.child(component, L1("observation"));
        if (observation == None)
            continue;
        out.append(result(observation, kind, panel, statement));
        ++read;
    }
    if (read == 0)
        out.append(unreadable(statement, kind, Tr::tr("The panel holds no observation.")));
}

ClinicalEntry CcdaEntries::result(int observation, ClinicalKind kind, const QString &panel,
                                  int organizer) const
{
    ClinicalEntry entry = start(observation, kind);
    entry.panel = panel;
    entry.code = code(m_tree.child(observation, L1("code")));
    if (organizer != None && entry.start.isEmpty())
        times(organizer, entry.start, entry.end);
    const int value = m_tree.child(observation, L1("value"));
    entry.value = valueText(value, &entry.unit);
    if (value != None && !m_tree.attr(value, L1("nullFlavor")).isEmpty() && entry.value.isEmpty())
        entry.details.append(
            {Tr::tr("Value"), Tr::tr("not given (%1)").arg(m_tree.attr(value, L1("nullFlavor")))});
    for (int interpretation = m_tree.child(observation, L1("interpretationCode"));
         interpretation != None;
         interpretation = m_tree.nextNamed(interpretation, L1("interpretationCode"))) {
        const QString words = interpretationWords(code(interpretation));
        if (!words.isEmpty()) {
            entry.interpretation = words;
            break;
        }
    }
    const int range = m_tree.path(observation, L1("referenceRange/observationRange"));
    if (range != None) {
        entry.referenceRange = words(m_tree.child(range, L1("text")));
        if (entry.referenceRange.isEmpty()) {
            QString unit;
            const QString bounds = valueText(m_tree.child(range, L1("value")), &unit);
            entry.referenceRange = withUnit(bounds, unit);
        }
    }
    finish(entry);
    return entry;
}

ClinicalEntry CcdaEntries::encounter(int statement) const
{
    ClinicalEntry entry = start(statement, ClinicalKind::Encounter);
    entry.code = code(m_tree.child(statement, L1("code")));
    entry.performer = performer(statement);
    for (int participant = m_tree.child(statement, L1("participant")); participant != None;
         participant = m_tree.nextNamed(participant, L1("participant"))) {
        if (m_tree.attr(participant, L1("typeCode")) != L1("LOC"))
            continue;
        const int role = m_tree.child(participant, L1("participantRole"));
        entry.location = m_tree.deepText(m_tree.path(role, L1("playingEntity/name")));
        if (entry.location.isEmpty())
            entry.location = code(m_tree.child(role, L1("code"))).text();
        break;
    }
    for (int rel = m_tree.child(statement, L1("entryRelationship")); rel != None;
         rel = m_tree.nextNamed(rel, L1("entryRelationship"))) {
        // Encounter diagnosis act → problem observation; or an indication observation.
        const int act = m_tree.child(rel, L1("act"));
        QList<int> observations;
        if (act != None)
            observations = related(act, L1("observation"));
        else if (const int observation = m_tree.child(rel, L1("observation")); observation != None)
            observations.append(observation);
        for (const int observation : observations) {
            const ClinicalCode diagnosis = code(m_tree.child(observation, L1("value")));
            if (!diagnosis.isEmpty())
                entry.diagnoses.append(diagnosis);
        }
    }
    finish(entry);
    return entry;
}

ClinicalEntry CcdaEntries::procedure(int statement) const
{
    ClinicalEntry entry = start(statement, ClinicalKind::Procedure);
    entry.code = code(m_tree.child(statement, L1("code")));
    entry.performer = performer(statement);
    const ClinicalCode site = code(m_tree.child(statement, L1("targetSiteCode")));
    if (!site.isEmpty())
        entry.details.append({Tr::tr("Body site"), site.text()});
    for (const int observation : related(statement, L1("observation"))) {
        const ClinicalCode indication = code(m_tree.child(observation, L1("value")));
        if (!indication.isEmpty())
            entry.diagnoses.append(indication);
    }
    for (const int act : related(statement, L1("act"))) {
        for (const int observation : related(act, L1("observation"))) {
            const ClinicalCode indication = code(m_tree.child(observation, L1("value")));
            if (!indication.isEmpty())
                entry.diagnoses.append(indication);
        }
    }
    finish(entry);
    return entry;
}

ClinicalEntry CcdaEntries::other(int statement) const
{
    ClinicalEntry entry = start(statement, ClinicalKind::Other);
    entry.code = code(m_tree.child(statement, L1("code")));
    const int value = m_tree.child(statement, L1("value"));
    entry.value = valueText(value, &entry.unit);
    // An assertion's code only says "this is an observation": its value is the finding.
    if ((entry.code.code == L1("ASSERTION") || entry.code.isEmpty()) && value != None &&
        m_tree.hasAttr(value, L1("code"))) {
        entry.code = code(value);
        entry.value.clear();
    }
    finish(entry);
    return entry;
}
