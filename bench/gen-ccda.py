#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, valid C-CDA R2.1 CCD of about the requested size to standard output, for the
reader's throughput benchmark: a US Realm header and the eight section kinds (allergies,
medications, problems, immunizations, results, vital signs, encounters, procedures) repeated
until the size is reached, each with a narrative table whose rows the entries reference.
It is indented two spaces a level, as EHRs export (about 60 bytes an element, like the
real documents in shared/data); --compact writes it on one line per section instead.

    python3 bench/gen-ccda.py --mb 10 > big.xml
"""
import argparse
import random
import re
import sys

LOINC = "2.16.840.1.113883.6.1"
SNOMED = "2.16.840.1.113883.6.96"
RXNORM = "2.16.840.1.113883.6.88"
CVX = "2.16.840.1.113883.12.292"
ICD10 = "2.16.840.1.113883.6.90"
CPT = "2.16.840.1.113883.6.12"

# Made-up but plausible vocabularies (codes picked for shape, not looked up).
SUBSTANCES = [("70618", RXNORM, "Penicillin"), ("2670", RXNORM, "Codeine"),
              ("256349002", SNOMED, "Peanut"), ("227493005", SNOMED, "Cashew nut")]
REACTIONS = [("247472004", "Hives"), ("422587007", "Nausea"), ("271807003", "Rash")]
SEVERITIES = [("255604002", "Mild"), ("6736007", "Moderate"), ("24484000", "Severe")]
DRUGS = [("314076", "lisinopril 10 MG Oral Tablet"), ("860975", "metformin 500 MG Oral Tablet"),
         ("197361", "amlodipine 5 MG Oral Tablet"), ("310965", "ibuprofen 200 MG Oral Tablet")]
PROBLEMS = [("59621000", "Essential hypertension", "I10"), ("44054006", "Type 2 diabetes mellitus", "E11.9"),
            ("35489007", "Depressive disorder", "F32.A"), ("195967001", "Asthma", "J45.909")]
VACCINES = [("140", "Influenza, seasonal, injectable"), ("115", "Tdap"), ("33", "Pneumococcal polysaccharide")]
TESTS = [("2345-7", "Glucose", "mg/dL", 70, 99), ("2160-0", "Creatinine", "mg/dL", 0.6, 1.3),
         ("718-7", "Hemoglobin", "g/dL", 12.0, 17.5), ("4548-4", "Hemoglobin A1c", "%", 4.0, 5.6)]
VITALS = [("8480-6", "Systolic blood pressure", "mm[Hg]", 100, 150),
          ("8462-4", "Diastolic blood pressure", "mm[Hg]", 60, 95),
          ("8867-4", "Heart rate", "/min", 55, 100), ("29463-7", "Body weight", "kg", 50, 110)]
VISITS = [("99213", "Office visit, established patient"), ("99203", "Office visit, new patient")]
PROCEDURES = [("80146002", "Appendectomy"), ("73761001", "Colonoscopy"), ("387713003", "Surgical procedure")]

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def day(rng):
    return "%04d%02d%02d" % (rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28))


def section(template, loinc, title, rows, entries):
    cells = "".join(
        "<tr ID=\"%s\">%s</tr>" % (ref, "".join("<td>%s</td>" % c for c in cols)) for ref, cols in rows)
    return ("<component><section><templateId root=\"%s\"/><templateId root=\"%s\" extension=\"2015-08-01\"/>"
            "<code code=\"%s\" codeSystem=\"%s\"/><title>%s</title><text><table><tbody>%s</tbody></table></text>"
            "%s</section></component>\n" % (template, template, loinc, LOINC, title, cells, "".join(entries)))


def allergies(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "al%d_%d" % (k, i)
        code, system, name = rng.choice(SUBSTANCES)
        rcode, rname = rng.choice(REACTIONS)
        scode, sname = rng.choice(SEVERITIES)
        rows.append((ref, [name, rname, sname]))
        entries.append(
            '<entry typeCode="DRIV"><act classCode="ACT" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.30"/><id root="1.2.3.4.%d" extension="%s"/>'
            '<code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>'
            '<effectiveTime><low value="%s"/></effectiveTime>'
            '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.7"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/>'
            '<text><reference value="#%s"/></text><statusCode code="completed"/>'
            '<value xsi:type="CD" code="419199007" codeSystem="%s" displayName="Allergy to substance"/>'
            '<participant typeCode="CSM"><participantRole classCode="MANU"><playingEntity classCode="MMAT">'
            '<code code="%s" codeSystem="%s" displayName="%s"/></playingEntity></participantRole></participant>'
            '<entryRelationship typeCode="MFST" inversionInd="true"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.9"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/>'
            '<value xsi:type="CD" code="%s" codeSystem="%s" displayName="%s"/>'
            '<entryRelationship typeCode="SUBJ" inversionInd="true"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.8"/><code code="SEV" codeSystem="2.16.840.1.113883.5.4"/>'
            '<value xsi:type="CD" code="%s" codeSystem="%s" displayName="%s"/></observation></entryRelationship>'
            '</observation></entryRelationship></observation></entryRelationship></act></entry>'
            % (k, ref, day(rng), ref, SNOMED, code, system, name, rcode, SNOMED, rname, scode, SNOMED, sname))
    return section("2.16.840.1.113883.10.20.22.2.6.1", "48765-2", "Allergies", rows, entries)


def medications(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "med%d_%d" % (k, i)
        code, name = rng.choice(DRUGS)
        hours = rng.choice([6, 8, 12, 24])
        rows.append((ref, [name, "every %d hours" % hours]))
        entries.append(
            '<entry typeCode="DRIV"><substanceAdministration classCode="SBADM" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.16"/><id root="1.2.3.5.%d" extension="%s"/>'
            '<text><reference value="#%s"/></text><statusCode code="active"/>'
            '<effectiveTime xsi:type="IVL_TS"><low value="%s"/><high nullFlavor="UNK"/></effectiveTime>'
            '<effectiveTime xsi:type="PIVL_TS" institutionSpecified="true" operator="A"><period value="%d" unit="h"/></effectiveTime>'
            '<routeCode code="C38288" codeSystem="2.16.840.1.113883.3.26.1.1" displayName="Oral"/>'
            '<doseQuantity value="1"/><consumable><manufacturedProduct classCode="MANU">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.23"/><manufacturedMaterial>'
            '<code code="%s" codeSystem="%s" displayName="%s"/></manufacturedMaterial></manufacturedProduct></consumable>'
            '</substanceAdministration></entry>' % (k, ref, ref, day(rng), hours, code, RXNORM, name))
    return section("2.16.840.1.113883.10.20.22.2.1.1", "10160-0", "Medications", rows, entries)


def problems(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "pr%d_%d" % (k, i)
        code, name, icd = rng.choice(PROBLEMS)
        rows.append((ref, [name, "Active"]))
        entries.append(
            '<entry typeCode="DRIV"><act classCode="ACT" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.3"/><id root="1.2.3.6.%d" extension="%s"/>'
            '<code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>'
            '<effectiveTime><low value="%s"/></effectiveTime>'
            '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.4"/>'
            '<code code="282291009" codeSystem="%s" displayName="Diagnosis"/>'
            '<text><reference value="#%s"/></text><statusCode code="completed"/>'
            '<effectiveTime><low value="%s"/></effectiveTime>'
            '<value xsi:type="CD" code="%s" codeSystem="%s" displayName="%s">'
            '<translation code="%s" codeSystem="%s"/></value>'
            '<entryRelationship typeCode="REFR"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.6"/><code code="33999-4" codeSystem="%s"/>'
            '<value xsi:type="CD" code="55561003" codeSystem="%s" displayName="Active"/></observation></entryRelationship>'
            '</observation></entryRelationship></act></entry>'
            % (k, ref, day(rng), SNOMED, ref, day(rng), code, SNOMED, name, icd, ICD10, LOINC, SNOMED))
    return section("2.16.840.1.113883.10.20.22.2.5.1", "11450-4", "Problems", rows, entries)


def immunizations(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "im%d_%d" % (k, i)
        code, name = rng.choice(VACCINES)
        rows.append((ref, [name, "completed"]))
        entries.append(
            '<entry typeCode="DRIV"><substanceAdministration classCode="SBADM" moodCode="EVN" negationInd="false">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.52"/><id root="1.2.3.7.%d" extension="%s"/>'
            '<text><reference value="#%s"/></text><statusCode code="completed"/><effectiveTime value="%s"/>'
            '<consumable><manufacturedProduct classCode="MANU"><manufacturedMaterial>'
            '<code code="%s" codeSystem="%s" displayName="%s"/><lotNumberText>L%05d</lotNumberText>'
            '</manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration></entry>'
            % (k, ref, ref, day(rng), code, CVX, name, rng.randint(0, 99999)))
    return section("2.16.840.1.113883.10.20.22.2.2.1", "11369-6", "Immunizations", rows, entries)


def measured(rng, template, items, panel, panel_code, panel_system, n, k, prefix):
    rows, entries = [], []
    for i in range(n):
        when = day(rng)
        components = []
        for code, name, unit, low, high in items:
            ref = "%s%d_%d_%s" % (prefix, k, i, code.replace("-", ""))
            value = round(rng.uniform(low * 0.8, high * 1.2), 1)
            flag = "H" if value > high else "L" if value < low else "N"
            rows.append((ref, [name, "%s %s" % (value, unit), flag]))
            components.append(
                '<component><observation classCode="OBS" moodCode="EVN"><templateId root="%s"/>'
                '<id root="1.2.3.8.%d" extension="%s"/><code code="%s" codeSystem="%s" displayName="%s"/>'
                '<text><reference value="#%s"/></text><statusCode code="completed"/><effectiveTime value="%s"/>'
                '<value xsi:type="PQ" value="%s" unit="%s"/>'
                '<interpretationCode code="%s" codeSystem="2.16.840.1.113883.5.83"/>'
                '<referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="%s" unit="%s"/>'
                '<high value="%s" unit="%s"/></value></observationRange></referenceRange></observation></component>'
                % (template[1], k, ref, code, LOINC, name, ref, when, value, unit, flag, low, unit, high, unit))
        entries.append(
            '<entry typeCode="DRIV"><organizer classCode="%s" moodCode="EVN"><templateId root="%s"/>'
            '<id root="1.2.3.9.%d" extension="%s%d"/><code code="%s" codeSystem="%s" displayName="%s"/>'
            '<statusCode code="completed"/><effectiveTime value="%s"/>%s</organizer></entry>'
            % ("CLUSTER" if prefix == "vs" else "BATTERY", template[0], k, prefix, i, panel_code,
               panel_system, panel, when, "".join(components)))
    return rows, entries


def results(rng, n, k):
    rows, entries = measured(rng, ("2.16.840.1.113883.10.20.22.4.1", "2.16.840.1.113883.10.20.22.4.2"),
                             TESTS, "Basic chemistry", "24320-4", LOINC, n, k, "rs")
    return section("2.16.840.1.113883.10.20.22.2.3.1", "30954-2", "Results", rows, entries)


def vitals(rng, n, k):
    rows, entries = measured(rng, ("2.16.840.1.113883.10.20.22.4.26", "2.16.840.1.113883.10.20.22.4.27"),
                             VITALS, "Vital signs", "46680005", SNOMED, n, k, "vs")
    return section("2.16.840.1.113883.10.20.22.2.4.1", "8716-3", "Vital Signs", rows, entries)


def encounters(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "en%d_%d" % (k, i)
        code, name = rng.choice(VISITS)
        pcode, pname, icd = rng.choice(PROBLEMS)
        rows.append((ref, [name, pname]))
        entries.append(
            '<entry typeCode="DRIV"><encounter classCode="ENC" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.49"/><id root="1.2.3.10.%d" extension="%s"/>'
            '<code code="%s" codeSystem="%s" displayName="%s"/><text><reference value="#%s"/></text>'
            '<effectiveTime><low value="%s0900"/><high value="%s0930"/></effectiveTime>'
            '<performer><assignedEntity><id root="2.16.840.1.113883.4.6" extension="99%08d"/>'
            '<assignedPerson><name><given>Sam</given><family>Clinician%d</family></name></assignedPerson>'
            '</assignedEntity></performer><participant typeCode="LOC"><participantRole classCode="SDLOC">'
            '<playingEntity classCode="PLC"><name>Generated Clinic %d</name></playingEntity></participantRole></participant>'
            '<entryRelationship typeCode="SUBJ"><act classCode="ACT" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.80"/><code code="29308-4" codeSystem="%s"/>'
            '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.4"/><code code="282291009" codeSystem="%s"/>'
            '<value xsi:type="CD" code="%s" codeSystem="%s" displayName="%s"/></observation></entryRelationship>'
            '</act></entryRelationship></encounter></entry>'
            % (k, ref, code, CPT, name, ref, day(rng), day(rng), i, i % 50, i % 7, LOINC, SNOMED,
               pcode, SNOMED, pname))
    return section("2.16.840.1.113883.10.20.22.2.22.1", "46240-8", "Encounters", rows, entries)


def procedures(rng, n, k):
    rows, entries = [], []
    for i in range(n):
        ref = "pc%d_%d" % (k, i)
        code, name = rng.choice(PROCEDURES)
        rows.append((ref, [name]))
        entries.append(
            '<entry typeCode="DRIV"><procedure classCode="PROC" moodCode="EVN">'
            '<templateId root="2.16.840.1.113883.10.20.22.4.14"/><id root="1.2.3.11.%d" extension="%s"/>'
            '<code code="%s" codeSystem="%s" displayName="%s"/><text><reference value="#%s"/></text>'
            '<statusCode code="completed"/><effectiveTime value="%s"/>'
            '<performer><assignedEntity><representedOrganization><name>Generated Hospital</name>'
            '</representedOrganization></assignedEntity></performer></procedure></entry>'
            % (k, ref, code, SNOMED, name, ref, day(rng)))
    return section("2.16.840.1.113883.10.20.22.2.7.1", "47519-4", "Procedures", rows, entries)


TAG = re.compile(r"(<[^>]+>)")


def indented(xml, depth):
    """Puts each element on its own line, two spaces a level; text stays beside its tags.
    Returns the text and the depth at its end."""
    out = []
    previous = "end"  # a call may start with the end tags of an earlier one
    for token in TAG.split(xml):
        if not token.strip():
            continue
        if token.startswith("<?"):
            out.append(token)
        elif token.startswith("</"):
            depth -= 1
            if previous in ("end", "empty"):
                out.append("\n" + "  " * depth)
            out.append(token)
            previous = "end"
        elif token.startswith("<"):
            out.append("\n" + "  " * depth + token)
            if token.endswith("/>"):
                previous = "empty"
            else:
                depth += 1
                previous = "start"
        else:
            out.append(token)
            previous = "text"
    return "".join(out), depth


def header(rng):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<ClinicalDocument xmlns="urn:hl7-org:v3" %s xmlns:sdtc="urn:hl7-org:sdtc">\n'
            '<realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>'
            '<templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>'
            '<templateId root="2.16.840.1.113883.10.20.22.1.2" extension="2015-08-01"/>'
            '<id root="1.2.3.1" extension="GEN-%d"/><code code="34133-9" codeSystem="%s" displayName="Summary of episode note"/>'
            '<title>Generated Continuity of Care Document</title><effectiveTime value="20240105120000-0500"/>'
            '<confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/><languageCode code="en-US"/>'
            '<recordTarget><patientRole><id root="1.2.3.2" extension="P%d"/><patient>'
            '<name use="L"><given>Generated</given><family>Patient</family></name>'
            '<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19700101"/>'
            '</patient></patientRole></recordTarget>'
            '<author><time value="20240105"/><assignedAuthor><id root="1.2.3.3"/><assignedAuthoringDevice>'
            '<softwareName>gen-ccda.py</softwareName></assignedAuthoringDevice></assignedAuthor></author>'
            '<custodian><assignedCustodian><representedCustodianOrganization><id root="1.2.3.4"/>'
            '<name>Generated Custodian</name></representedCustodianOrganization></assignedCustodian></custodian>\n'
            '<component><structuredBody>\n' % (XSI, rng.randint(1, 10**6), LOINC, rng.randint(1, 10**6)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="approximate size in megabytes (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--compact", action="store_true", help="no indentation")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    out = sys.stdout
    written = 0

    def emit(text):
        nonlocal written
        out.write(text)
        written += len(text.encode("utf-8"))

    depth = 0

    def emit_xml(xml):
        nonlocal depth
        if args.compact:
            emit(xml)
        else:
            text, depth = indented(xml, depth)
            emit(text)

    emit_xml(header(rng))
    closing = "</structuredBody></component>\n</ClinicalDocument>\n"
    makers = [allergies, medications, problems, immunizations, results, vitals, encounters, procedures]
    k = 0
    while True:
        for make in makers:
            if written + len(closing) >= target and k > 0:
                break
            emit_xml(make(rng, 20, k))
        else:
            k += 1
            continue
        break
    emit_xml(closing)
    if not args.compact:
        emit("\n")


if __name__ == "__main__":
    main()
