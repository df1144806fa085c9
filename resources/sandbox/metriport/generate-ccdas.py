#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the C-CDA R2.1 CCDs of the sandbox's Metriport personas (jane.xml, chris.xml, …).

The documents are committed; this script is how they were written, kept so that a change to a
persona is made once here and every section stays consistent (narrative IDs, references, the
R2.1 templateIds). Run it from anywhere: python3 generate-ccdas.py, then xmllint --noout *.xml.
The people, the clinic and every identifier are fictional; the codes are real.
"""

import os
import re
import subprocess
import uuid
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
NAMESPACE = uuid.UUID("5b0c4d2e-8a71-4f0e-9c55-2f61d8e3a901")  # ours, for stable ids

SNOMED = ("2.16.840.1.113883.6.96", "SNOMED CT")
LOINC = ("2.16.840.1.113883.6.1", "LOINC")
RXNORM = ("2.16.840.1.113883.6.88", "RxNorm")
CVX = ("2.16.840.1.113883.12.292", "CVX")
ICD10 = ("2.16.840.1.113883.6.90", "ICD-10-CM")
CPT = ("2.16.840.1.113883.6.12", "CPT-4")
NCI = ("2.16.840.1.113883.3.26.1.1", "NCI Thesaurus")
ACTCODE = ("2.16.840.1.113883.5.4", "ActCode")
INTERP = ("2.16.840.1.113883.5.83", "ObservationInterpretation")
GENDER = ("2.16.840.1.113883.5.1", "AdministrativeGender")

CLINIC = {
    "name": "Springfield Family Medicine",
    "npi": "1459620377",
    "street": "480 Willamette Street",
    "city": "Springfield", "state": "OR", "zip": "97477",
    "phone": "tel:+1-541-555-0140",
}


def human(name):
    """A SNOMED CT term as people write it: without its semantic tags ("Severe (qualifier
    value)" → "Severe")."""
    return re.sub(r"(\s*\([a-z ]+\))+$", "", name)


def a(value):
    return quoteattr(str(value))


def t(value):
    return escape(str(value))


class Doc:
    """Stable ids per persona: the same input writes the same bytes."""

    def __init__(self, key):
        self.key = key
        self.count = 0

    def uid(self, label=None):
        self.count += 1
        return str(uuid.uuid5(NAMESPACE, f"{self.key}/{label or self.count}"))


def code(tag, c, system, display, original_ref=None, translations=(), xsi=None, extra=""):
    typ = f' xsi:type="{xsi}"' if xsi else ""
    if system is SNOMED:
        display = human(display)
    inner = ""
    if original_ref:
        inner += f'<originalText><reference value="#{original_ref}"/></originalText>'
    for tc, tsys, tdisp in translations:
        inner += (f'<translation code={a(tc)} codeSystem={a(tsys[0])} '
                  f'codeSystemName={a(tsys[1])} displayName={a(tdisp)}/>')
    head = (f'<{tag}{typ} code={a(c)} codeSystem={a(system[0])} codeSystemName={a(system[1])} '
            f'displayName={a(display)}{extra}')
    return f"{head}>{inner}</{tag}>" if inner else f"{head}/>"


def templates(root, extension=None, also_plain=True):
    out = ""
    if also_plain:
        out += f'<templateId root="{root}"/>'
    if extension:
        out += f'<templateId root="{root}" extension="{extension}"/>'
    return out


def ts(value):
    return f'value="{value}"'


def table(headers, rows):
    """rows: list of (row_id, [cells]); a cell is text or (id, text)."""
    out = "<table border=\"1\" width=\"100%\"><thead><tr>"
    out += "".join(f"<th>{t(h)}</th>" for h in headers) + "</tr></thead><tbody>"
    for row_id, cells in rows:
        out += f'<tr ID="{row_id}">' if row_id else "<tr>"
        for cell in cells:
            if isinstance(cell, tuple):
                out += f'<td><content ID="{cell[0]}">{t(cell[1])}</content></td>'
            else:
                out += f"<td>{t(cell)}</td>"
        out += "</tr>"
    return out + "</tbody></table>"


def section(templ, loinc, display, title, text, entries):
    return (f"<component><section>{templ}{code('code', loinc, LOINC, display)}"
            f"<title>{t(title)}</title><text>{text}</text>{''.join(entries)}</section></component>")


def human_date(d):
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{months[int(d[4:6]) - 1]} {int(d[6:8])}, {d[:4]}"


# ---------------------------------------------------------------------------------------------
# Sections


def allergies(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.6.1", "2015-08-01")
    if not p["allergies"]:
        text = '<paragraph ID="allergies-none">No known allergies (reviewed ' \
               f'{human_date(p["allergies_reviewed"])}).</paragraph>'
        entry = (
            '<entry typeCode="DRIV"><act classCode="ACT" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.30", "2015-08-01")
            + f'<id root="{doc.uid("nka-act")}"/>'
            + code("code", "CONC", ACTCODE, "Concern")
            + '<statusCode code="active"/>'
            + f'<effectiveTime><low value="{p["allergies_reviewed"]}"/></effectiveTime>'
            + '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN" '
              'negationInd="true">'
            + templates("2.16.840.1.113883.10.20.22.4.7", "2014-06-09")
            + f'<id root="{doc.uid("nka-obs")}"/>'
            + code("code", "ASSERTION", ACTCODE, "Assertion")
            + '<text><reference value="#allergies-none"/></text><statusCode code="completed"/>'
            + '<effectiveTime><low nullFlavor="UNK"/></effectiveTime>'
            + code("value", "419199007", SNOMED, "Allergy to substance (disorder)", xsi="CD")
            + '<participant typeCode="CSM"><participantRole classCode="MANU">'
              '<playingEntity classCode="MMAT"><code nullFlavor="NA"/></playingEntity>'
              '</participantRole></participant>'
            + "</observation></entryRelationship></act></entry>")
        return section(templ, "48765-2", "Allergies and adverse reactions Document",
                       "Allergies and Intolerances", text, [entry])

    rows, entries = [], []
    for i, al in enumerate(p["allergies"], 1):
        rid = f"allergy-{i}"
        rows.append((rid, [(f"{rid}-substance", human(al["substance"][1])),
                           (f"{rid}-reaction", human(al["reaction"][1])),
                           (f"{rid}-severity", human(al["severity"][1])),
                           human(al["type"][1]), "Active", human_date(al["recorded"])]))
        reaction = (
            '<entryRelationship typeCode="MFST" inversionInd="true">'
            '<observation classCode="OBS" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.9", "2014-06-09")
            + f'<id root="{doc.uid()}"/>'
            + code("code", "ASSERTION", ACTCODE, "Assertion")
            + f'<text><reference value="#{rid}-reaction"/></text><statusCode code="completed"/>'
            + code("value", al["reaction"][0], SNOMED, al["reaction"][1], xsi="CD")
            + "{severity}</observation></entryRelationship>")
        severity = (
            '<entryRelationship typeCode="SUBJ" inversionInd="true">'
            '<observation classCode="OBS" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.8", "2014-06-09")
            + code("code", "SEV", ACTCODE, "Severity Observation")
            + f'<text><reference value="#{rid}-severity"/></text><statusCode code="completed"/>'
            + code("value", al["severity"][0], SNOMED, al["severity"][1], xsi="CD")
            + "</observation></entryRelationship>")
        entries.append(
            '<entry typeCode="DRIV"><act classCode="ACT" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.30", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + code("code", "CONC", ACTCODE, "Concern")
            + '<statusCode code="active"/>'
            + f'<effectiveTime><low value="{al["recorded"]}"/></effectiveTime>'
            + '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.7", "2014-06-09")
            + f'<id root="{doc.uid()}"/>'
            + code("code", "ASSERTION", ACTCODE, "Assertion")
            + f'<text><reference value="#{rid}"/></text><statusCode code="completed"/>'
            + f'<effectiveTime><low value="{al["onset"]}"/></effectiveTime>'
            + code("value", al["type"][0], SNOMED, al["type"][1], xsi="CD")
            + '<participant typeCode="CSM"><participantRole classCode="MANU">'
              '<playingEntity classCode="MMAT">'
            + code("code", al["substance"][0], al["substance"][2], al["substance"][1],
                   original_ref=f"{rid}-substance")
            + "</playingEntity></participantRole></participant>"
            + reaction.replace("{severity}", severity)
            + "</observation></entryRelationship></act></entry>")
    text = table(["Substance", "Reaction", "Severity", "Type", "Status", "Recorded"], rows)
    return section(templ, "48765-2", "Allergies and adverse reactions Document",
                   "Allergies and Intolerances", text, entries)


def medications(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.1.1", "2014-06-09")
    rows, entries = [], []
    for i, m in enumerate(p["medications"], 1):
        rid = f"medication-{i}"
        rows.append((rid, [(f"{rid}-name", m["name"]), m["sig"], m["route"][1].capitalize(),
                           human_date(m["start"]), "Active"]))
        if m.get("period_h"):
            frequency = ('<effectiveTime xsi:type="PIVL_TS" institutionSpecified="true" '
                         f'operator="A"><period value="{m["period_h"]}" unit="h"/></effectiveTime>')
        else:
            frequency = ""
        dose = (f'<doseQuantity value="{m["dose"]}" unit="{m["dose_unit"]}"/>'
                if m.get("dose_unit") else f'<doseQuantity value="{m["dose"]}"/>')
        precondition = ""
        if m.get("prn"):
            precondition = (
                '<precondition typeCode="PRCN"><criterion>'
                + templates("2.16.840.1.113883.10.20.22.4.25", "2014-06-09")
                + code("code", "ASSERTION", ACTCODE, "Assertion")
                + code("value", m["prn"][0], SNOMED, m["prn"][1], xsi="CD")
                + "</criterion></precondition>")
        entries.append(
            '<entry typeCode="DRIV"><substanceAdministration classCode="SBADM" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.16", "2014-06-09")
            + f'<id root="{doc.uid()}"/>'
            + f'<text><reference value="#{rid}"/></text><statusCode code="active"/>'
            + f'<effectiveTime xsi:type="IVL_TS"><low value="{m["start"]}"/></effectiveTime>'
            + frequency
            + code("routeCode", m["route"][0], NCI, m["route"][1])
            + dose
            + '<consumable><manufacturedProduct classCode="MANU">'
            + templates("2.16.840.1.113883.10.20.22.4.23", "2014-06-09")
            + "<manufacturedMaterial>"
            + code("code", m["rxnorm"], RXNORM, m["name"], original_ref=f"{rid}-name")
            + "</manufacturedMaterial></manufacturedProduct></consumable>"
            + precondition
            + "</substanceAdministration></entry>")
    text = table(["Medication", "Instructions", "Route", "Start date", "Status"], rows)
    return section(templ, "10160-0", "History of Medication use Narrative", "Medications",
                   text, entries)


def problem_observation(doc, pr, ref, name_ref):
    return (
        '<observation classCode="OBS" moodCode="EVN">'
        + templates("2.16.840.1.113883.10.20.22.4.4", "2015-08-01")
        + f'<id root="{doc.uid()}"/>'
        + code("code", "55607006", SNOMED, "Problem",
               translations=[("75326-9", LOINC, "Problem")])
        + f'<text><reference value="#{ref}"/></text><statusCode code="completed"/>'
        + f'<effectiveTime><low value="{pr["onset"]}"/></effectiveTime>'
        + code("value", pr["snomed"], SNOMED, pr["name"], xsi="CD", original_ref=name_ref,
               translations=[(pr["icd10"], ICD10, pr["icd10_name"])])
        + "</observation>")


def problems(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.5.1", "2015-08-01")
    rows, entries = [], []
    for i, pr in enumerate(p["problems"], 1):
        rid = f"problem-{i}"
        rows.append((rid, [(f"{rid}-name", human(pr["name"])), f"{pr['snomed']} / {pr['icd10']}",
                           human_date(pr["onset"]), "Active"]))
        entries.append(
            '<entry typeCode="DRIV"><act classCode="ACT" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.3", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + code("code", "CONC", ACTCODE, "Concern")
            + '<statusCode code="active"/>'
            + f'<effectiveTime><low value="{pr["recorded"]}"/></effectiveTime>'
            + '<entryRelationship typeCode="SUBJ">' + problem_observation(doc, pr, rid, f"{rid}-name")
            + "</entryRelationship></act></entry>")
    text = table(["Problem", "SNOMED CT / ICD-10-CM", "Onset", "Status"], rows)
    return section(templ, "11450-4", "Problem list - Reported", "Problems", text, entries)


def immunizations(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.2.1", "2015-08-01")
    rows, entries = [], []
    for i, im in enumerate(p["immunizations"], 1):
        rid = f"immunization-{i}"
        refused = im.get("refused")
        status = f"Refused ({refused[1]})" if refused else "Completed"
        rows.append((rid, [(f"{rid}-vaccine", im["name"]), im["cvx"], human_date(im["date"]),
                           status]))
        reason = ""
        if refused:
            reason = (
                '<entryRelationship typeCode="RSON"><observation classCode="OBS" moodCode="EVN">'
                + templates("2.16.840.1.113883.10.20.22.4.53")
                + f'<id root="{doc.uid()}"/>'
                + code("code", refused[0], ("2.16.840.1.113883.5.8", "ActReason"), refused[1])
                + '<statusCode code="completed"/></observation></entryRelationship>')
        negation = "true" if refused else "false"
        dose = "" if refused else '<doseQuantity value="0.5" unit="mL"/>'
        route = "" if refused else code("routeCode", "C28161", NCI, "Intramuscular")
        lot = "" if refused else f"<lotNumberText>{t(im['lot'])}</lotNumberText>"
        entries.append(
            '<entry typeCode="DRIV"><substanceAdministration classCode="SBADM" moodCode="EVN" '
            f'negationInd="{negation}">'
            + templates("2.16.840.1.113883.10.20.22.4.52", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + f'<text><reference value="#{rid}"/></text><statusCode code="completed"/>'
            + f'<effectiveTime value="{im["date"]}"/>'
            + route + dose
            + '<consumable><manufacturedProduct classCode="MANU">'
            + templates("2.16.840.1.113883.10.20.22.4.54", "2014-06-09")
            + "<manufacturedMaterial>"
            + code("code", im["cvx"], CVX, im["name"], original_ref=f"{rid}-vaccine")
            + lot
            + "</manufacturedMaterial></manufacturedProduct></consumable>"
            + reason
            + "</substanceAdministration></entry>")
    text = table(["Vaccine", "CVX", "Date", "Status"], rows)
    return section(templ, "11369-6", "History of Immunization Narrative", "Immunizations", text,
                   entries)


def result_value(value, unit):
    if unit is None:
        return f'<value xsi:type="ST">{t(value)}</value>'
    return f'<value xsi:type="PQ" value="{value}" unit="{t(unit)}"/>'


# UCUM as people write it, for the narrative.
UNIT_TEXT = {"{score}": "", "m[IU]/L": "mIU/L", "mL/min/{1.73_m2}": "mL/min/1.73m2",
             "10*3/uL": "x10^3/uL"}

INTERPRETATIONS = {"N": "Normal", "H": "High", "L": "Low", "A": "Abnormal"}


def reference_range(low, high, unit, text):
    bounds = ""
    if low is not None:
        bounds += f'<low value="{low}" unit="{t(unit)}"/>'
    if high is not None:
        bounds += f'<high value="{high}" unit="{t(unit)}"/>'
    return (f'<referenceRange><observationRange><text>{t(text)}</text>'
            f'<value xsi:type="IVL_PQ">{bounds}</value></observationRange></referenceRange>')


def results(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.3.1", "2015-08-01")
    text, entries = "", []
    for i, panel in enumerate(p["results"], 1):
        pid = f"result-{i}"
        rows, components = [], []
        for j, (loinc, name, value, unit, low, high, range_text, flag) in \
                enumerate(panel["tests"], 1):
            rid = f"{pid}-{j}"
            shown_unit = UNIT_TEXT.get(unit, unit) if unit else ""
            rows.append((rid, [(f"{rid}-name", name), f"{value} {shown_unit}".strip(),
                               range_text, INTERPRETATIONS[flag]]))
            components.append(
                '<component><observation classCode="OBS" moodCode="EVN">'
                + templates("2.16.840.1.113883.10.20.22.4.2", "2015-08-01")
                + f'<id root="{doc.uid()}"/>'
                + code("code", loinc, LOINC, name, original_ref=f"{rid}-name")
                + f'<text><reference value="#{rid}"/></text><statusCode code="completed"/>'
                + f'<effectiveTime value="{panel["date"]}"/>'
                + result_value(value, unit)
                + code("interpretationCode", flag, INTERP, INTERPRETATIONS[flag])
                + reference_range(low, high, unit, range_text)
                + "</observation></component>")
        text += (f'<paragraph ID="{pid}"><content styleCode="Bold">{t(panel["name"])}</content> '
                 f'({human_date(panel["date"])}, {t(panel["lab"])})</paragraph>')
        text += table(["Test", "Result", "Reference range", "Interpretation"], rows)
        entries.append(
            '<entry typeCode="DRIV"><organizer classCode="BATTERY" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.1", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + code("code", panel["loinc"], LOINC, panel["name"])
            + '<statusCode code="completed"/>'
            + f'<effectiveTime><low value="{panel["date"]}"/><high value="{panel["date"]}"/>'
              "</effectiveTime>"
            + "".join(components)
            + "</organizer></entry>")
    return section(templ, "30954-2", "Relevant diagnostic tests/laboratory data Narrative",
                   "Results", text, entries)


VITALS = [
    ("8480-6", "Systolic blood pressure", "bp_sys", "mm[Hg]"),
    ("8462-4", "Diastolic blood pressure", "bp_dia", "mm[Hg]"),
    ("8867-4", "Heart rate", "hr", "/min"),
    ("9279-1", "Respiratory rate", "rr", "/min"),
    ("8310-5", "Body temperature", "temp", "Cel"),
    ("29463-7", "Body weight", "weight", "kg"),
    ("8302-2", "Body height", "height", "cm"),
    ("39156-5", "Body mass index (BMI) [Ratio]", "bmi", "kg/m2"),
]


def vital_signs(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.4.1", "2015-08-01")
    dates = [v["date"] for v in p["vitals"]]
    header = ["Measurement"] + [human_date(d) for d in dates]
    rows = []
    for k, (loinc, name, key, unit) in enumerate(VITALS, 1):
        cells = [name]
        for n, v in enumerate(p["vitals"], 1):
            cells.append((f"vital-{n}-{k}", f"{v[key]} {unit}"))
        rows.append((None, cells))
    text = table(header, rows)
    entries = []
    for n, v in enumerate(p["vitals"], 1):
        comps = []
        for k, (loinc, name, key, unit) in enumerate(VITALS, 1):
            flag = v.get("flags", {}).get(key)
            interp = code("interpretationCode", flag, INTERP, INTERPRETATIONS[flag]) if flag else ""
            comps.append(
                '<component><observation classCode="OBS" moodCode="EVN">'
                + templates("2.16.840.1.113883.10.20.22.4.27", "2014-06-09")
                + f'<id root="{doc.uid()}"/>'
                + code("code", loinc, LOINC, name)
                + f'<text><reference value="#vital-{n}-{k}"/></text>'
                + '<statusCode code="completed"/>'
                + f'<effectiveTime value="{v["date"]}"/>'
                + f'<value xsi:type="PQ" value="{v[key]}" unit="{unit}"/>'
                + interp
                + "</observation></component>")
        entries.append(
            '<entry typeCode="DRIV"><organizer classCode="CLUSTER" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.26", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + code("code", "46680005", SNOMED, "Vital signs",
                   translations=[("74728-7", LOINC, "Vital signs, weight, height, head "
                                  "circumference, oximetry, BMI, and BSA panel - "
                                  "HL7.CCDAr1.1")])
            + '<statusCode code="completed"/>'
            + f'<effectiveTime value="{v["date"]}"/>'
            + "".join(comps)
            + "</organizer></entry>")
    return section(templ, "8716-3", "Vital signs", "Vital Signs", text, entries)


def encounters(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.22.1", "2015-08-01")
    rows, entries = [], []
    problems_by_code = {pr["snomed"]: pr for pr in p["problems"]}
    for i, en in enumerate(p["encounters"], 1):
        rid = f"encounter-{i}"
        diagnosis = problems_by_code[en["diagnosis"]]
        rows.append((rid, [(f"{rid}-type", en["name"]), en["provider"], en["location"],
                           human_date(en["date"]), (f"{rid}-dx", human(diagnosis["name"]))]))
        entries.append(
            '<entry typeCode="DRIV"><encounter classCode="ENC" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.49", "2015-08-01")
            + f'<id root="{doc.uid()}"/>'
            + code("code", en["cpt"], CPT, en["cpt_name"], original_ref=f"{rid}-type")
            + f'<text><reference value="#{rid}"/></text>'
            + f'<effectiveTime value="{en["date"]}"/>'
            + '<performer><assignedEntity>'
            + f'<id root="2.16.840.1.113883.4.6" extension="{en["npi"]}"/>'
            + f'<assignedPerson><name>{t(en["provider"])}</name></assignedPerson>'
            + "</assignedEntity></performer>"
            + '<entryRelationship typeCode="RSON"><act classCode="ACT" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.80", "2015-08-01")
            + code("code", "29308-4", LOINC, "Diagnosis")
            + '<entryRelationship typeCode="SUBJ">'
            + problem_observation(doc, diagnosis, f"{rid}-dx", f"{rid}-dx")
            + "</entryRelationship></act></entryRelationship>"
            + "</encounter></entry>")
    text = table(["Encounter", "Provider", "Location", "Date", "Diagnosis"], rows)
    return section(templ, "46240-8", "History of Hospitalizations+Outpatient visits Narrative",
                   "Encounters", text, entries)


def procedures(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.7.1", "2014-06-09")
    rows, entries = [], []
    for i, pc in enumerate(p["procedures"], 1):
        rid = f"procedure-{i}"
        rows.append((rid, [(f"{rid}-name", pc["name"]), pc["code"], human_date(pc["date"]),
                           pc["performer"], "Completed"]))
        entries.append(
            '<entry typeCode="DRIV"><procedure classCode="PROC" moodCode="EVN">'
            + templates("2.16.840.1.113883.10.20.22.4.14", "2014-06-09")
            + f'<id root="{doc.uid()}"/>'
            + code("code", pc["code"], CPT, pc["name"], original_ref=f"{rid}-name")
            + f'<text><reference value="#{rid}"/></text><statusCode code="completed"/>'
            + f'<effectiveTime value="{pc["date"]}"/>'
            + '<performer><assignedEntity>'
            + f'<id root="2.16.840.1.113883.4.6" extension="{pc["npi"]}"/>'
            + f'<assignedPerson><name>{t(pc["performer"])}</name></assignedPerson>'
            + "</assignedEntity></performer>"
            + "</procedure></entry>")
    text = table(["Procedure", "CPT", "Date", "Performed by", "Status"], rows)
    return section(templ, "47519-4", "History of Procedures Document", "Procedures", text,
                   entries)


SMOKING = {
    "never": ("266919005", "Never smoked tobacco (finding)"),
    "former": ("8517006", "Ex-smoker (finding)"),
    "current": ("449868002", "Smokes tobacco daily (finding)"),
}


def social_history(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.17", "2015-08-01")
    s = p["social"]
    smoking = SMOKING[s["smoking"]]
    sex = "Female" if p["sex"] == "F" else "Male"
    rows = [
        ("social-1", ["Tobacco smoking status", ("social-1-value", human(smoking[1])),
                      human_date(s["date"])]),
        ("social-2", ["Alcoholic drinks per day", ("social-2-value", f"{s['drinks']} drinks/day"),
                      human_date(s["date"])]),
        ("social-3", ["Sex assigned at birth", ("social-3-value", sex), human_date(s["date"])]),
        ("social-4", ["Living situation", ("social-4-value", s["living"]),
                      human_date(s["date"])]),
    ]
    text = table(["Social history", "Observation", "Date recorded"], rows)
    entries = [
        '<entry typeCode="DRIV"><observation classCode="OBS" moodCode="EVN">'
        + templates("2.16.840.1.113883.10.20.22.4.78", "2014-06-09")
        + f'<id root="{doc.uid()}"/>'
        + code("code", "72166-2", LOINC, "Tobacco smoking status")
        + '<text><reference value="#social-1"/></text><statusCode code="completed"/>'
        + f'<effectiveTime value="{s["date"]}"/>'
        + code("value", smoking[0], SNOMED, smoking[1], xsi="CD")
        + "</observation></entry>",
        '<entry typeCode="DRIV"><observation classCode="OBS" moodCode="EVN">'
        + templates("2.16.840.1.113883.10.20.22.4.38", "2015-08-01")
        + f'<id root="{doc.uid()}"/>'
        + code("code", "74013-4", LOINC, "Alcoholic drinks per day")
        + '<text><reference value="#social-2"/></text><statusCode code="completed"/>'
        + f'<effectiveTime value="{s["date"]}"/>'
        + f'<value xsi:type="PQ" value="{s["drinks"]}" unit="{{drinks}}/d"/>'
        + "</observation></entry>",
        '<entry typeCode="DRIV"><observation classCode="OBS" moodCode="EVN">'
        + templates("2.16.840.1.113883.10.20.22.4.200", "2016-06-01")
        + code("code", "76689-9", LOINC, "Sex assigned at birth")
        + '<text><reference value="#social-3"/></text><statusCode code="completed"/>'
        + code("value", p["sex"], GENDER, sex, xsi="CD")
        + "</observation></entry>",
        '<entry typeCode="DRIV"><observation classCode="OBS" moodCode="EVN">'
        + templates("2.16.840.1.113883.10.20.22.4.38", "2015-08-01")
        + f'<id root="{doc.uid()}"/>'
        + code("code", "71802-3", LOINC, "Housing status")
        + '<text><reference value="#social-4"/></text><statusCode code="completed"/>'
        + f'<effectiveTime value="{s["date"]}"/>'
        + f'<value xsi:type="ST">{t(s["living"])}</value>'
        + "</observation></entry>",
    ]
    return section(templ, "29762-2", "Social history Narrative", "Social History", text,
                   entries)


def plan_of_treatment(doc, p):
    templ = templates("2.16.840.1.113883.10.20.22.2.10", "2014-06-09")
    rows, entries = [], []
    kinds = {
        "observation": ("observation", "OBS", "RQO", "2.16.840.1.113883.10.20.22.4.44",
                        "2014-06-09", LOINC),
        "encounter": ("encounter", "ENC", "INT", "2.16.840.1.113883.10.20.22.4.40",
                      "2014-06-09", CPT),
        "procedure": ("procedure", "PROC", "RQO", "2.16.840.1.113883.10.20.22.4.41",
                      "2014-06-09", CPT),
        "act": ("act", "ACT", "INT", "2.16.840.1.113883.10.20.22.4.39", "2014-06-09", SNOMED),
    }
    for i, pl in enumerate(p["plan"], 1):
        rid = f"plan-{i}"
        tag, cls, mood, root, ext, system = kinds[pl["kind"]]
        rows.append((rid, [(f"{rid}-name", pl["name"]), pl["detail"], human_date(pl["date"])]))
        entries.append(
            f'<entry typeCode="DRIV"><{tag} classCode="{cls}" moodCode="{mood}">'
            + templates(root, ext)
            + f'<id root="{doc.uid()}"/>'
            + code("code", pl["code"], system, pl["name"], original_ref=f"{rid}-name")
            + f'<text><reference value="#{rid}"/></text><statusCode code="active"/>'
            + f'<effectiveTime value="{pl["date"]}"/>'
            + f"</{tag}></entry>")
    text = table(["Planned", "Details", "Due"], rows)
    return section(templ, "18776-5", "Plan of care note", "Plan of Treatment", text, entries)


# ---------------------------------------------------------------------------------------------
# The document


def document(key, p):
    doc = Doc(key)
    sex = "Female" if p["sex"] == "F" else "Male"
    author = p["author"]
    header = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Fictional patient of ClinicDesk's sandbox (Metriport persona "{p['given']}"): written for
     ClinicDesk, C-CDA R2.1 Continuity of Care Document. Regenerate with generate-ccdas.py. -->
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sdtc="urn:hl7-org:sdtc">
<realmCode code="US"/>
<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
{templates("2.16.840.1.113883.10.20.22.1.1", "2015-08-01")}
{templates("2.16.840.1.113883.10.20.22.1.2", "2015-08-01")}
<id root="{doc.uid('document')}"/>
{code("code", "34133-9", LOINC, "Summarization of Episode Note")}
<title>Continuity of Care Document</title>
<effectiveTime value="{p['document_time']}"/>
<confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25" displayName="normal"/>
<languageCode code="en-US"/>
<setId root="{doc.uid('set')}"/>
<versionNumber value="1"/>
<recordTarget><patientRole>
<id root="2.16.840.1.113883.19.5.99999.2" extension="{p['mrn']}"/>
<addr use="HP"><streetAddressLine>123 DustyDepot Ave</streetAddressLine><city>Springfield</city><state>OR</state><postalCode>10001</postalCode><country>US</country></addr>
<telecom use="HP" value="{p['phone']}"/>
<patient>
<name use="L"><given>{t(p['given'])}</given>{''.join(f'<given>{t(m)}</given>' for m in p.get('middle', []))}<family>{t(p['family'])}</family></name>
{code("administrativeGenderCode", p['sex'], GENDER, sex)}
<birthTime value="{p['dob']}"/>
{code("maritalStatusCode", p['marital'][0], ("2.16.840.1.113883.5.2", "MaritalStatus"), p['marital'][1])}
{code("raceCode", p['race'][0], ("2.16.840.1.113883.6.238", "CDC Race and Ethnicity"), p['race'][1])}
{code("ethnicGroupCode", p['ethnicity'][0], ("2.16.840.1.113883.6.238", "CDC Race and Ethnicity"), p['ethnicity'][1])}
<languageCommunication><languageCode code="en"/><preferenceInd value="true"/></languageCommunication>
</patient>
</patientRole></recordTarget>
<author>
<time value="{p['document_time']}"/>
<assignedAuthor>
<id root="2.16.840.1.113883.4.6" extension="{author['npi']}"/>
{code("code", author['taxonomy'][0], ("2.16.840.1.113883.6.101", "NUCC Health Care Provider Taxonomy"), author['taxonomy'][1])}
<addr use="WP"><streetAddressLine>{CLINIC['street']}</streetAddressLine><city>{CLINIC['city']}</city><state>{CLINIC['state']}</state><postalCode>{CLINIC['zip']}</postalCode><country>US</country></addr>
<telecom use="WP" value="{CLINIC['phone']}"/>
<assignedPerson><name><prefix>Dr.</prefix><given>{t(author['given'])}</given><family>{t(author['family'])}</family><suffix>{t(author['suffix'])}</suffix></name></assignedPerson>
<representedOrganization><id root="2.16.840.1.113883.4.6" extension="{CLINIC['npi']}"/><name>{t(CLINIC['name'])}</name><telecom use="WP" value="{CLINIC['phone']}"/><addr use="WP"><streetAddressLine>{CLINIC['street']}</streetAddressLine><city>{CLINIC['city']}</city><state>{CLINIC['state']}</state><postalCode>{CLINIC['zip']}</postalCode><country>US</country></addr></representedOrganization>
</assignedAuthor>
</author>
<custodian><assignedCustodian><representedCustodianOrganization>
<id root="2.16.840.1.113883.4.6" extension="{CLINIC['npi']}"/>
<name>{t(CLINIC['name'])}</name>
<telecom use="WP" value="{CLINIC['phone']}"/>
<addr use="WP"><streetAddressLine>{CLINIC['street']}</streetAddressLine><city>{CLINIC['city']}</city><state>{CLINIC['state']}</state><postalCode>{CLINIC['zip']}</postalCode><country>US</country></addr>
</representedCustodianOrganization></assignedCustodian></custodian>
<documentationOf><serviceEvent classCode="PCPR">
<effectiveTime><low value="{p['care_start']}"/><high value="{p['document_time'][:8]}"/></effectiveTime>
<performer typeCode="PRF"><assignedEntity><id root="2.16.840.1.113883.4.6" extension="{author['npi']}"/><assignedPerson><name><given>{t(author['given'])}</given><family>{t(author['family'])}</family></name></assignedPerson></assignedEntity></performer>
</serviceEvent></documentationOf>
"""
    body = [allergies(doc, p), medications(doc, p), problems(doc, p), immunizations(doc, p),
            results(doc, p), vital_signs(doc, p), encounters(doc, p), procedures(doc, p),
            social_history(doc, p), plan_of_treatment(doc, p)]
    return (header + "<component><structuredBody>\n" + "\n".join(body)
            + "\n</structuredBody></component>\n</ClinicalDocument>\n")


# ---------------------------------------------------------------------------------------------
# Shared codes

PENICILLIN = ("70618", "Penicillin", RXNORM)
SULFAMETHOXAZOLE = ("10180", "Sulfamethoxazole", RXNORM)
CODEINE = ("2670", "Codeine", RXNORM)
IBUPROFEN = ("5640", "Ibuprofen", RXNORM)
MORPHINE = ("7052", "Morphine", RXNORM)
LATEX = ("111088007", "Latex (substance)", SNOMED)
DRUG_ALLERGY = ("416098002", "Allergy to drug (finding)")
DRUG_INTOLERANCE = ("59037007", "Intolerance to drug (finding)")
ALLERGY_SUBSTANCE = ("419199007", "Allergy to substance (finding)")
HIVES = ("247472004", "Wheal (finding)")
RASH = ("271807003", "Eruption of skin (disorder)")
NAUSEA = ("422587007", "Nausea (finding)")
VOMITING = ("422400008", "Vomiting (disorder)")
ANAPHYLAXIS = ("39579001", "Anaphylaxis (disorder)")
ITCHING = ("418290006", "Itching (finding)")
MILD = ("255604002", "Mild (qualifier value)")
MODERATE = ("6736007", "Moderate (severity modifier) (qualifier value)")
SEVERE = ("24484000", "Severe (severity modifier) (qualifier value)")
ORAL = ("C38288", "ORAL")
SUBCUTANEOUS = ("C38299", "SUBCUTANEOUS")

HYPERTENSION = ("38341003", "Hypertensive disorder, systemic arterial (disorder)", "I10",
                "Essential (primary) hypertension")
DIABETES2 = ("44054006", "Diabetes mellitus type 2 (disorder)", "E11.9",
             "Type 2 diabetes mellitus without complications")
CKD3 = ("433144002", "Chronic kidney disease stage 3 (disorder)", "N18.30",
        "Chronic kidney disease, stage 3 unspecified")
HYPERLIPIDEMIA = ("55822004", "Hyperlipidemia (disorder)", "E78.5", "Hyperlipidemia, unspecified")
MDD = ("370143000", "Major depressive disorder (disorder)", "F32.9",
       "Major depressive disorder, single episode, unspecified")
GAD = ("21897009", "Generalized anxiety disorder (disorder)", "F41.1",
       "Generalized anxiety disorder")
INSOMNIA = ("193462001", "Insomnia (disorder)", "G47.00", "Insomnia, unspecified")
OSTEOARTHRITIS_KNEE = ("239873007", "Osteoarthritis of knee (disorder)", "M17.9",
                       "Osteoarthritis of knee, unspecified")
BPH = ("266569009", "Benign prostatic hyperplasia (disorder)", "N40.0",
       "Benign prostatic hyperplasia without lower urinary tract symptoms")
PROTEINURIA = ("29738008", "Proteinuria (finding)", "R80.9", "Proteinuria, unspecified")


def problem(codes, onset, recorded):
    return {"snomed": codes[0], "name": codes[1], "icd10": codes[2], "icd10_name": codes[3],
            "onset": onset, "recorded": recorded}


def allergy(substance, kind, reaction, severity, onset, recorded):
    return {"substance": substance, "type": kind, "reaction": reaction, "severity": severity,
            "onset": onset, "recorded": recorded}


def med(rxnorm, name, sig, start, dose=1, dose_unit=None, period_h=24, route=ORAL, prn=None):
    return {"rxnorm": rxnorm, "name": name, "sig": sig, "start": start, "dose": dose,
            "dose_unit": dose_unit, "period_h": period_h, "route": route, "prn": prn}


def vitals(date, bp_sys, bp_dia, hr, rr, temp, weight, height, flags=None):
    bmi = round(weight / (height / 100.0) ** 2, 1)
    return {"date": date, "bp_sys": bp_sys, "bp_dia": bp_dia, "hr": hr, "rr": rr, "temp": temp,
            "weight": weight, "height": height, "bmi": bmi, "flags": flags or {}}


def bmp(date, glucose, bun, creatinine, sodium, potassium, chloride, co2, calcium, egfr, male,
        flags):
    creat_high = 1.27 if male else 1.02
    creat_low = 0.76 if male else 0.57
    f = lambda k: flags.get(k, "N")
    return {
        "loinc": "51990-0", "name": "Basic metabolic panel - Blood", "date": date,
        "lab": "Cascade Regional Laboratory",
        "tests": [
            ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", glucose, "mg/dL", 70, 99,
             "70-99 mg/dL", f("glucose")),
            ("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", bun, "mg/dL", 6, 24,
             "6-24 mg/dL", f("bun")),
            ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", creatinine, "mg/dL",
             creat_low, creat_high, f"{creat_low}-{creat_high} mg/dL", f("creatinine")),
            ("98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in "
             "Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", egfr,
             "mL/min/{1.73_m2}", 60, None, ">=60 mL/min/1.73m2", f("egfr")),
            ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", sodium, "mmol/L", 135, 145,
             "135-145 mmol/L", f("sodium")),
            ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", potassium, "mmol/L", 3.5,
             5.2, "3.5-5.2 mmol/L", f("potassium")),
            ("2075-0", "Chloride [Moles/volume] in Serum or Plasma", chloride, "mmol/L", 96, 106,
             "96-106 mmol/L", f("chloride")),
            ("2028-9", "Carbon dioxide, total [Moles/volume] in Serum or Plasma", co2, "mmol/L",
             20, 29, "20-29 mmol/L", f("co2")),
            ("17861-6", "Calcium [Mass/volume] in Serum or Plasma", calcium, "mg/dL", 8.7, 10.2,
             "8.7-10.2 mg/dL", f("calcium")),
        ],
    }


def hba1c(date, value):
    flag = "H" if value > 5.6 else "N"
    return {"loinc": "4548-4", "name": "Hemoglobin A1c/Hemoglobin.total in Blood", "date": date,
            "lab": "Cascade Regional Laboratory",
            "tests": [("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", value, "%", 4.0, 5.6,
                       "4.0-5.6 %", flag)]}


def lipids(date, total, hdl, ldl, trig):
    return {"loinc": "24331-1", "name": "Lipid panel - Serum or Plasma", "date": date,
            "lab": "Cascade Regional Laboratory",
            "tests": [
                ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", total, "mg/dL", None,
                 199, "<200 mg/dL", "H" if total >= 200 else "N"),
                ("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", hdl, "mg/dL",
                 40, None, ">=40 mg/dL", "L" if hdl < 40 else "N"),
                ("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation",
                 ldl, "mg/dL", None, 99, "<100 mg/dL", "H" if ldl >= 100 else "N"),
                ("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", trig, "mg/dL", None,
                 149, "<150 mg/dL", "H" if trig >= 150 else "N"),
            ]}


def uacr(date, value):
    return {"loinc": "9318-7", "name": "Albumin/Creatinine [Mass Ratio] in Urine", "date": date,
            "lab": "Cascade Regional Laboratory",
            "tests": [("9318-7", "Albumin/Creatinine [Mass Ratio] in Urine", value, "mg/g", None,
                       29, "<30 mg/g", "H" if value >= 30 else "N")]}


def phq9(date, score):
    return {"loinc": "44249-1", "name": "PHQ-9 quick depression assessment panel", "date": date,
            "lab": CLINIC["name"],
            "tests": [("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score "
                       "[Reported]", score, "{score}", 0, 4, "0-4 (none to minimal)",
                       "A" if score >= 5 else "N")]}


def gad7(date, score):
    return {"loinc": "69737-5", "name": "Generalized anxiety disorder 7 item (GAD-7)",
            "date": date, "lab": CLINIC["name"],
            "tests": [("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score "
                       "[Reported.PHQ]", score, "{score}", 0, 4, "0-4 (minimal anxiety)",
                       "A" if score >= 5 else "N")]}


def tsh(date, value):
    return {"loinc": "3016-3", "name": "Thyrotropin [Units/volume] in Serum or Plasma",
            "date": date, "lab": "Cascade Regional Laboratory",
            "tests": [("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", value,
                       "m[IU]/L", 0.45, 4.5, "0.45-4.50 mIU/L", "N")]}


def cbc(date, wbc, hgb, hct, plt, male, hgb_flag="N", hct_flag="N"):
    hgb_range = (13.0, 17.7) if male else (11.1, 15.9)
    hct_range = (37.5, 51.0) if male else (34.0, 46.6)
    return {"loinc": "58410-2", "name": "CBC panel - Blood by Automated count", "date": date,
            "lab": "Cascade Regional Laboratory",
            "tests": [
                ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", wbc, "10*3/uL",
                 3.4, 10.8, "3.4-10.8 x10^3/uL", "N"),
                ("718-7", "Hemoglobin [Mass/volume] in Blood", hgb, "g/dL", *hgb_range,
                 "%s-%s g/dL" % hgb_range, hgb_flag),
                ("4544-3", "Hematocrit [Volume Fraction] of Blood by Automated count", hct, "%",
                 *hct_range, "%s-%s %%" % hct_range, hct_flag),
                ("777-3", "Platelets [#/volume] in Blood by Automated count", plt, "10*3/uL", 150,
                 450, "150-450 x10^3/uL", "N"),
            ]}


PCP = {"given": "Maria", "family": "Okafor", "suffix": "MD", "npi": "1619352481",
       "taxonomy": ("207Q00000X", "Family Medicine Physician")}
NEPHROLOGIST = ("Dr. Samuel Reyes, MD", "1284763905")
PSYCHOLOGIST = ("Dr. Hannah Lindqvist, PsyD", "1773046580")
CARDIOLOGIST = ("Dr. Arjun Mehta, MD", "1902584733")
PCP_NAME = ("Dr. Maria Okafor, MD", "1619352481")
OPHTHALMOLOGIST = ("Dr. Grace Whitfield, MD", "1357902463")
OFFICE = "Springfield Family Medicine"


def encounter(date, cpt, cpt_name, name, provider, location, diagnosis):
    return {"date": date, "cpt": cpt, "cpt_name": cpt_name, "name": name,
            "provider": provider[0], "npi": provider[1], "location": location,
            "diagnosis": diagnosis[0]}


def procedure(date, cpt, name, performer):
    return {"date": date, "code": cpt, "name": name, "performer": performer[0],
            "npi": performer[1]}


def plan(kind, code_, name, detail, date):
    return {"kind": kind, "code": code_, "name": name, "detail": detail, "date": date}


OFFICE_VISIT_EST = ("99214", "Office or other outpatient visit for the evaluation and management "
                    "of an established patient, moderate medical decision making")
OFFICE_VISIT_LOW = ("99213", "Office or other outpatient visit for the evaluation and management "
                    "of an established patient, low medical decision making")
ECG = ("93000", "Electrocardiogram, routine ECG with at least 12 leads; with interpretation and "
       "report")

PERSONAS = {
    "jane": {
        "given": "Jane", "family": "Smith", "middle": ["Elizabeth"], "sex": "F",
        "dob": "19960210", "mrn": "SFM-204817", "phone": "tel:+1-541-555-0187",
        "marital": ("S", "Never Married"), "race": ("2106-3", "White"),
        "ethnicity": ("2186-5", "Not Hispanic or Latino"),
        "document_time": "20260114153000-0800", "care_start": "20250301", "author": PCP,
        "allergies": [
            allergy(SULFAMETHOXAZOLE, DRUG_ALLERGY, RASH, MODERATE, "20190612", "20250304"),
            allergy(LATEX, ALLERGY_SUBSTANCE, ITCHING, MILD, "20210915", "20250304"),
        ],
        "medications": [
            med("312940", "sertraline 50 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250304"),
            med("197806", "ibuprofen 600 MG Oral Tablet",
                "Take 1 tablet by mouth every 8 hours as needed for headache", "20250304",
                period_h=8, prn=("25064002", "Headache (finding)")),
        ],
        "problems": [
            problem(MDD, "20241101", "20250304"),
            problem(INSOMNIA, "20241201", "20250304"),
        ],
        "immunizations": [
            {"cvx": "140", "name": "Influenza, split virus, trivalent, PF", "date": "20251008",
             "lot": "FL4821"},
            {"cvx": "213", "name": "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION",
             "date": "20251008", "lot": "CV3310"},
            {"cvx": "115", "name": "Tdap", "date": "20250304", "lot": "TD7702"},
        ],
        "results": [
            phq9("20250304", 16), phq9("20250610", 11), phq9("20260114", 6),
            tsh("20250304", 2.1),
            cbc("20250304", 6.4, 13.1, 39.2, 262, False),
        ],
        "vitals": [
            vitals("20250304", 118, 74, 82, 14, 36.8, 61.2, 165.0),
            vitals("20250610", 114, 72, 76, 14, 36.7, 62.0, 165.0),
            vitals("20260114", 116, 70, 72, 14, 36.6, 63.1, 165.0),
        ],
        "encounters": [
            encounter("20250304", "99204", "Office or other outpatient visit for the evaluation "
                      "and management of a new patient, moderate medical decision making",
                      "New patient visit: low mood, poor sleep", PCP_NAME, OFFICE, MDD),
            encounter("20250610", *OFFICE_VISIT_LOW, "Depression follow-up", PCP_NAME, OFFICE,
                      MDD),
            encounter("20260114", *OFFICE_VISIT_EST, "Depression follow-up, sleep review",
                      PCP_NAME, OFFICE, MDD),
        ],
        "procedures": [
            procedure("20250318", "90834", "Psychotherapy, 45 minutes with patient",
                      PSYCHOLOGIST),
            procedure("20250415", "90834", "Psychotherapy, 45 minutes with patient",
                      PSYCHOLOGIST),
        ],
        "social": {"date": "20260114", "smoking": "never", "drinks": 1,
                   "living": "Lives alone in an apartment; works as a graphic designer"},
        "plan": [
            plan("observation", "44249-1", "PHQ-9 quick depression assessment panel",
                 "Repeat at next visit; target score below 5", "20260415"),
            plan("encounter", "99213", "Office visit, established patient",
                 "Follow-up in 3 months; call sooner if mood worsens", "20260415"),
            plan("procedure", "90834", "Psychotherapy, 45 minutes with patient",
                 "Continue cognitive behavioral therapy every 2 weeks", "20260128"),
            plan("act", "409073007", "Education",
                 "Sleep hygiene: fixed wake time, no screens after 10 pm, caffeine before noon only",
                 "20260114"),
        ],
        "allergies_reviewed": "20260114",
    },
    "chris": {
        "given": "Chris", "family": "Smith", "sex": "M", "dob": "19950101",
        "mrn": "SFM-311402", "phone": "tel:+1-541-555-0163",
        "marital": ("M", "Married"), "race": ("2054-5", "Black or African American"),
        "ethnicity": ("2186-5", "Not Hispanic or Latino"),
        "document_time": "20260203101500-0800", "care_start": "20250201", "author": PCP,
        "allergies": [],
        "allergies_reviewed": "20260203",
        "medications": [
            med("314076", "lisinopril 10 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250214"),
            med("197361", "amlodipine 5 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250520"),
            med("198440", "acetaminophen 500 MG Oral Tablet",
                "Take 1 tablet by mouth every 6 hours as needed for pain (avoid NSAIDs)",
                "20250214", period_h=6, prn=("57676002", "Pain of joint (finding)")),
        ],
        "problems": [
            problem(CKD3, "20240909", "20250214"),
            problem(HYPERTENSION, "20240909", "20250214"),
            problem(PROTEINURIA, "20240909", "20250214"),
        ],
        "immunizations": [
            {"cvx": "140", "name": "Influenza, split virus, trivalent, PF", "date": "20251015",
             "lot": "FL4822"},
            {"cvx": "43", "name": "Hepatitis B vaccine, adult dosage", "date": "20250520",
             "lot": "HB1190"},
            {"cvx": "43", "name": "Hepatitis B vaccine, adult dosage", "date": "20250620",
             "lot": "HB1190"},
        ],
        "results": [
            bmp("20250214", 92, 29, 1.92, 140, 4.8, 104, 21, 9.3, 47, True,
                {"bun": "H", "creatinine": "H", "egfr": "L"}),
            bmp("20260203", 88, 31, 2.05, 139, 5.3, 105, 20, 9.1, 43, True,
                {"bun": "H", "creatinine": "H", "egfr": "L", "potassium": "H"}),
            uacr("20260203", 412),
            cbc("20260203", 5.9, 12.1, 36.4, 231, True, hgb_flag="L", hct_flag="L"),
        ],
        "vitals": [
            vitals("20250214", 148, 94, 78, 16, 36.9, 88.4, 180.0,
                   {"bp_sys": "H", "bp_dia": "H"}),
            vitals("20250520", 136, 86, 74, 16, 36.8, 87.9, 180.0,
                   {"bp_sys": "H", "bp_dia": "H"}),
            vitals("20260203", 128, 80, 72, 16, 36.7, 86.5, 180.0),
        ],
        "encounters": [
            encounter("20250214", *OFFICE_VISIT_EST, "Kidney function follow-up", PCP_NAME,
                      OFFICE, CKD3),
            encounter("20250520", "99244", "Office or other outpatient consultation, moderate "
                      "medical decision making", "Nephrology consultation", NEPHROLOGIST,
                      "Willamette Valley Nephrology", CKD3),
            encounter("20260203", *OFFICE_VISIT_EST, "CKD and blood pressure review", PCP_NAME,
                      OFFICE, HYPERTENSION),
        ],
        "procedures": [
            procedure("20250603", "76770", "Ultrasound, retroperitoneal (eg, renal, aorta, "
                      "nodes), real time with image documentation; complete", NEPHROLOGIST),
            procedure("20250214", "93000", ECG[1], PCP_NAME),
        ],
        "social": {"date": "20260203", "smoking": "never", "drinks": 0,
                   "living": "Lives with spouse; warehouse supervisor"},
        "plan": [
            plan("observation", "51990-0", "Basic metabolic panel - Blood",
                 "Repeat potassium and creatinine in 2 weeks", "20260217"),
            plan("observation", "9318-7", "Albumin/Creatinine [Mass Ratio] in Urine",
                 "Repeat in 3 months", "20260505"),
            plan("encounter", "99214", "Office visit, established patient",
                 "Nephrology follow-up in 3 months", "20260505"),
            plan("act", "61310001", "Nutrition education",
                 "Low-potassium diet: reviewed high-potassium foods; renal dietitian referral",
                 "20260203"),
        ],
    },
    "ollie": {
        "given": "Ollie", "family": "Brown", "sex": "M", "dob": "19460318",
        "mrn": "SFM-118530", "phone": "tel:+1-541-555-0129",
        "marital": ("W", "Widowed"), "race": ("2106-3", "White"),
        "ethnicity": ("2186-5", "Not Hispanic or Latino"),
        "document_time": "20251120141000-0800", "care_start": "20250115", "author": PCP,
        "allergies": [
            allergy(PENICILLIN, DRUG_ALLERGY, HIVES, MODERATE, "19780501", "20250115"),
            allergy(CODEINE, DRUG_INTOLERANCE, NAUSEA, MILD, "20030811", "20250115"),
        ],
        "medications": [
            med("349332", "escitalopram 10 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250115"),
            med("617311", "atorvastatin 40 MG Oral Tablet",
                "Take 1 tablet by mouth once daily at bedtime", "20250115"),
            med("243670", "aspirin 81 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250115"),
        ],
        "problems": [
            problem(GAD, "20230601", "20250115"),
            problem(HYPERLIPIDEMIA, "20100301", "20250115"),
            problem(BPH, "20150901", "20250115"),
        ],
        "immunizations": [
            {"cvx": "135", "name": "Influenza, high dose seasonal, preservative-free",
             "date": "20251002", "lot": "HD5518"},
            {"cvx": "216", "name": "Pneumococcal conjugate PCV20, polysaccharide CRM197, "
             "preservative free", "date": "20250115", "lot": "PN2040"},
            {"cvx": "187", "name": "zoster recombinant", "date": "20251002",
             "refused": ("PATOBJ", "patient objection")},
        ],
        "results": [
            gad7("20250115", 15), gad7("20250416", 10), gad7("20251120", 7),
            bmp("20250115", 97, 18, 1.08, 141, 4.3, 102, 25, 9.4, 70, True, {}),
            lipids("20250115", 212, 44, 128, 198),
            tsh("20250115", 1.6),
        ],
        "vitals": [
            vitals("20250115", 134, 82, 88, 16, 36.7, 79.8, 175.0),
            vitals("20250416", 130, 80, 80, 16, 36.6, 79.1, 175.0),
            vitals("20251120", 128, 78, 76, 16, 36.8, 78.4, 175.0),
        ],
        "encounters": [
            encounter("20250115", *OFFICE_VISIT_EST, "Worry, restlessness and poor sleep",
                      PCP_NAME, OFFICE, GAD),
            encounter("20250416", *OFFICE_VISIT_LOW, "Anxiety follow-up", PCP_NAME, OFFICE, GAD),
            encounter("20251120", *OFFICE_VISIT_EST, "Anxiety and cholesterol review",
                      PCP_NAME, OFFICE, HYPERLIPIDEMIA),
        ],
        "procedures": [
            procedure("20250115", "93000", ECG[1], PCP_NAME),
            procedure("20250205", "90837", "Psychotherapy, 60 minutes with patient",
                      PSYCHOLOGIST),
        ],
        "social": {"date": "20251120", "smoking": "former", "drinks": 1,
                   "living": "Lives alone since his wife died in 2022; retired machinist"},
        "plan": [
            plan("observation", "69737-5", "Generalized anxiety disorder 7 item (GAD-7)",
                 "Repeat at next visit; target score below 5", "20260220"),
            plan("observation", "24331-1", "Lipid panel - Serum or Plasma",
                 "Fasting lipid panel before next visit", "20260213"),
            plan("encounter", "99214", "Office visit, established patient",
                 "Follow-up in 3 months", "20260220"),
            plan("procedure", "90837", "Psychotherapy, 60 minutes with patient",
                 "Continue weekly cognitive behavioral therapy with Dr. Lindqvist", "20251127"),
        ],
    },
    "andreas": {
        "given": "Andreas", "family": "Brown", "sex": "M", "dob": "19520101",
        "mrn": "SFM-097264", "phone": "tel:+1-541-555-0114",
        "marital": ("M", "Married"), "race": ("2106-3", "White"),
        "ethnicity": ("2186-5", "Not Hispanic or Latino"),
        "document_time": "20260122093000-0800", "care_start": "20250108", "author": PCP,
        "allergies": [
            allergy(SULFAMETHOXAZOLE, DRUG_ALLERGY, RASH, MODERATE, "20080315", "20250108"),
            allergy(MORPHINE, DRUG_INTOLERANCE, VOMITING, MODERATE, "20170622", "20250108"),
            allergy(IBUPROFEN, DRUG_INTOLERANCE, NAUSEA, MILD, "20190410", "20250108"),
        ],
        "medications": [
            med("861007", "metformin hydrochloride 500 MG Oral Tablet",
                "Take 1 tablet by mouth twice daily with meals (reduced for eGFR)", "20250108",
                period_h=12),
            med("311041", "insulin glargine 100 UNT/ML Injectable Solution",
                "Inject 18 units under the skin once daily at bedtime", "20250108", dose=18,
                dose_unit="[IU]", route=SUBCUTANEOUS),
            med("314076", "lisinopril 10 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250108"),
            med("617311", "atorvastatin 40 MG Oral Tablet",
                "Take 1 tablet by mouth once daily at bedtime", "20250108"),
        ],
        "problems": [
            problem(DIABETES2, "20090415", "20250108"),
            problem(CKD3, "20210920", "20250108"),
            problem(HYPERTENSION, "20120601", "20250108"),
            problem(HYPERLIPIDEMIA, "20120601", "20250108"),
        ],
        "immunizations": [
            {"cvx": "135", "name": "Influenza, high dose seasonal, preservative-free",
             "date": "20250926", "lot": "HD5519"},
            {"cvx": "187", "name": "zoster recombinant", "date": "20250410", "lot": "ZR8812"},
            {"cvx": "216", "name": "Pneumococcal conjugate PCV20, polysaccharide CRM197, "
             "preservative free", "date": "20250108", "lot": "PN2041"},
        ],
        "results": [
            hba1c("20250108", 8.4), hba1c("20250710", 7.6), hba1c("20260122", 7.2),
            bmp("20260122", 162, 32, 1.68, 138, 5.0, 103, 22, 9.2, 43, True,
                {"glucose": "H", "bun": "H", "creatinine": "H", "egfr": "L"}),
            lipids("20260122", 168, 41, 88, 196),
            uacr("20260122", 186),
        ],
        "vitals": [
            vitals("20250108", 142, 86, 76, 16, 36.8, 97.5, 178.0,
                   {"bp_sys": "H", "bp_dia": "H"}),
            vitals("20250710", 136, 82, 74, 16, 36.7, 95.8, 178.0, {"bp_sys": "H"}),
            vitals("20260122", 132, 80, 72, 16, 36.6, 94.2, 178.0, {"bp_sys": "H"}),
        ],
        "encounters": [
            encounter("20250108", *OFFICE_VISIT_EST, "Diabetes and kidney review", PCP_NAME,
                      OFFICE, DIABETES2),
            encounter("20250710", *OFFICE_VISIT_EST, "Diabetes follow-up", PCP_NAME, OFFICE,
                      DIABETES2),
            encounter("20251104", "99244", "Office or other outpatient consultation, moderate "
                      "medical decision making", "Nephrology consultation", NEPHROLOGIST,
                      "Willamette Valley Nephrology", CKD3),
            encounter("20260122", *OFFICE_VISIT_EST, "Diabetes, kidney and blood pressure review",
                      PCP_NAME, OFFICE, DIABETES2),
        ],
        "procedures": [
            procedure("20250710", "92250", "Fundus photography with interpretation and report",
                      OPHTHALMOLOGIST),
            procedure("20260122", "2028F", "Foot examination performed", PCP_NAME),
            procedure("20250108", "93000", ECG[1], PCP_NAME),
        ],
        "social": {"date": "20260122", "smoking": "former", "drinks": 0,
                   "living": "Lives with wife; retired school bus driver"},
        "plan": [
            plan("observation", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood",
                 "Repeat in 3 months; target below 7.5 %", "20260422"),
            plan("observation", "9318-7", "Albumin/Creatinine [Mass Ratio] in Urine",
                 "Repeat with next labs", "20260422"),
            plan("encounter", "99214", "Office visit, established patient",
                 "Follow-up in 3 months", "20260422"),
            plan("procedure", "92250", "Fundus photography with interpretation and report",
                 "Annual diabetic eye exam", "20260710"),
            plan("act", "61310001", "Nutrition education",
                 "Carbohydrate counting and kidney-friendly diet with dietitian", "20260205"),
        ],
    },
    "kyla": {
        "given": "Kyla", "family": "Brown", "sex": "F", "dob": "19270523",
        "mrn": "SFM-004418", "phone": "tel:+1-541-555-0102",
        "marital": ("W", "Widowed"), "race": ("2106-3", "White"),
        "ethnicity": ("2186-5", "Not Hispanic or Latino"),
        "document_time": "20260209110000-0800", "care_start": "20250122", "author": PCP,
        "allergies": [
            allergy(PENICILLIN, DRUG_ALLERGY, ANAPHYLAXIS, SEVERE, "19650301", "20250122"),
            allergy(CODEINE, DRUG_INTOLERANCE, VOMITING, MODERATE, "19981015", "20250122"),
        ],
        "medications": [
            med("197361", "amlodipine 5 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250122"),
            med("310798", "hydrochlorothiazide 25 MG Oral Tablet",
                "Take 1 tablet by mouth once daily in the morning", "20250122"),
            med("866924", "metoprolol tartrate 25 MG Oral Tablet",
                "Take 1 tablet by mouth twice daily", "20250122", period_h=12),
            med("861007", "metformin hydrochloride 500 MG Oral Tablet",
                "Take 1 tablet by mouth once daily with breakfast", "20250122"),
            med("243670", "aspirin 81 MG Oral Tablet", "Take 1 tablet by mouth once daily",
                "20250122"),
        ],
        "problems": [
            problem(HYPERTENSION, "19890301", "20250122"),
            problem(DIABETES2, "20060915", "20250122"),
            problem(HYPERLIPIDEMIA, "20060915", "20250122"),
            problem(OSTEOARTHRITIS_KNEE, "20120501", "20250122"),
        ],
        "immunizations": [
            {"cvx": "135", "name": "Influenza, high dose seasonal, preservative-free",
             "date": "20251006", "lot": "HD5520"},
            {"cvx": "216", "name": "Pneumococcal conjugate PCV20, polysaccharide CRM197, "
             "preservative free", "date": "20250122", "lot": "PN2042"},
            {"cvx": "115", "name": "Tdap", "date": "20250122", "lot": "TD7703"},
        ],
        "results": [
            hba1c("20250122", 7.4), hba1c("20250723", 7.1), hba1c("20260209", 6.9),
            bmp("20260209", 138, 24, 1.12, 136, 4.1, 99, 26, 9.6, 45, False,
                {"glucose": "H", "creatinine": "H", "egfr": "L"}),
            lipids("20260209", 196, 52, 112, 160),
        ],
        "vitals": [
            vitals("20250122", 162, 84, 70, 16, 36.5, 58.6, 155.0,
                   {"bp_sys": "H"}),
            vitals("20250723", 148, 80, 66, 16, 36.6, 58.1, 155.0, {"bp_sys": "H"}),
            vitals("20260209", 144, 78, 64, 16, 36.4, 57.4, 155.0, {"bp_sys": "H"}),
        ],
        "encounters": [
            encounter("20250122", *OFFICE_VISIT_EST, "Blood pressure and diabetes review",
                      PCP_NAME, OFFICE, HYPERTENSION),
            encounter("20250723", *OFFICE_VISIT_EST, "Diabetes follow-up", PCP_NAME, OFFICE,
                      DIABETES2),
            encounter("20251112", "99204", "Office or other outpatient visit for the evaluation "
                      "and management of a new patient, moderate medical decision making",
                      "Cardiology evaluation", CARDIOLOGIST, "Cascade Heart Center",
                      HYPERTENSION),
            encounter("20260209", *OFFICE_VISIT_EST, "Hypertension and diabetes review",
                      PCP_NAME, OFFICE, HYPERTENSION),
        ],
        "procedures": [
            procedure("20251112", "93000", ECG[1], CARDIOLOGIST),
            procedure("20251112", "93306", "Echocardiography, transthoracic, real-time with "
                      "image documentation (2D), complete, with spectral and color flow Doppler",
                      CARDIOLOGIST),
        ],
        "social": {"date": "20260209", "smoking": "never", "drinks": 0,
                   "living": "Lives with her daughter; walks with a cane"},
        "plan": [
            plan("observation", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood",
                 "Repeat in 6 months; target below 8.0 % given age", "20260810"),
            plan("observation", "51990-0", "Basic metabolic panel - Blood",
                 "Sodium and potassium on hydrochlorothiazide", "20260510"),
            plan("encounter", "99214", "Office visit, established patient",
                 "Follow-up in 3 months; home blood pressure log", "20260511"),
            plan("act", "409073007", "Education",
                 "Fall prevention: home safety review, physical therapy for balance", "20260209"),
        ],
    },
}


def main():
    for key, persona in PERSONAS.items():
        path = os.path.join(HERE, f"{key}.xml")
        text = document(key, persona).encode("utf-8")
        # Indented for people who read the file; xmllint leaves mixed content (narrative) alone.
        text = subprocess.run(["xmllint", "--format", "-"], input=text, check=True,
                              capture_output=True).stdout
        with open(path, "wb") as out:
            out.write(text)
        print(path, os.path.getsize(path))


if __name__ == "__main__":
    main()
