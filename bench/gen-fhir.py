#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, valid FHIR R4 Bundle of a requested size to stdout, for the FHIR reading
benchmark (scripts/bench) and for trying the reader on more than the public samples hold.

    python3 bench/gen-fhir.py --mb 20 > big.json
    python3 bench/gen-fhir.py --mb 5 --type transaction --indent 2 --seed 7 > pretty.json

One synthetic patient with visit after visit; each visit brings an Encounter and some of:
vital signs (blood pressure as components), a lab panel (DiagnosticReport + Observations),
Conditions (one refuted), AllergyIntolerances (one "no known allergy"), MedicationRequests and
MedicationStatements (with a referenced or a contained Medication), Immunizations (one not
done), Procedures, a DocumentReference with a small inline note, and Claims (a resource type
the reader does not show). Everything is invented here; the same seed gives the same bytes.
"""
import argparse
import base64
import json
import random
import sys
import uuid

NAMESPACE = uuid.UUID("6f1d0c62-3b43-4f43-9a5e-0c6a1d2f7e51")

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/"

# (LOINC, name, unit, low, high): invented plausible ranges, not clinical guidance.
LABS = [
    ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70, 99),
    ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.0, 5.6),
    ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6, 1.3),
    ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0, 17.5),
    ("6690-2", "Leukocytes [#/volume] in Blood", "10*3/uL", 4.0, 11.0),
    ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 135, 145),
    ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.5, 5.1),
]
PANELS = [("24323-8", "Comprehensive metabolic panel"), ("58410-2", "CBC panel - Blood")]
VITALS = [
    ("8302-2", "Body height", "cm", 150, 195),
    ("29463-7", "Body weight", "kg", 50, 120),
    ("8867-4", "Heart rate", "/min", 55, 100),
    ("8310-5", "Body temperature", "Cel", 36.1, 37.8),
]
CONDITIONS = [
    ("38341003", "Hypertensive disorder", "I10", "Essential (primary) hypertension"),
    ("44054006", "Diabetes mellitus type 2", "E11.9", "Type 2 diabetes mellitus without complications"),
    ("195967001", "Asthma", "J45.909", "Unspecified asthma, uncomplicated"),
    ("709044004", "Chronic kidney disease", "N18.9", "Chronic kidney disease, unspecified"),
    ("35489007", "Depressive disorder", "F32.9", "Major depressive disorder, single episode"),
]
ALLERGENS = [
    ("7980", RXNORM, "Penicillin G", "medication"),
    ("2670", RXNORM, "Codeine", "medication"),
    ("91935009", SNOMED, "Allergy to peanut", "food"),
    ("256259004", SNOMED, "Pollen", "environment"),
]
REACTIONS = [("247472004", "Hives"), ("422587007", "Nausea"), ("271807003", "Rash")]
DRUGS = [
    ("314076", "lisinopril 10 MG Oral Tablet"),
    ("860975", "metformin hydrochloride 500 MG Oral Tablet"),
    ("197361", "amlodipine 5 MG Oral Tablet"),
    ("745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
]
VACCINES = [("140", "Influenza, seasonal, injectable, preservative free"),
            ("115", "Tdap"), ("33", "pneumococcal polysaccharide PPV23"),
            ("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP")]
PROCEDURES = [("73761001", "Colonoscopy"), ("710824005", "Assessment of health and social care needs"),
              ("430193006", "Medication reconciliation")]
VISITS = [("185349003", "Encounter for check up"), ("390906007", "Follow-up encounter"),
          ("50849002", "Emergency room admission")]


def coding(system, code, display):
    return {"system": system, "code": code, "display": display}


def concept(system, code, display):
    return {"coding": [coding(system, code, display)], "text": display}


class Generator:
    def __init__(self, seed, bundle_type):
        self.rng = random.Random(seed)
        self.bundle_type = bundle_type
        self.serial = 0

    def new_id(self, kind):
        self.serial += 1
        return str(uuid.uuid5(NAMESPACE, f"{kind}/{self.serial}"))

    def entry(self, resource):
        entry = {"fullUrl": "urn:uuid:" + resource["id"], "resource": resource}
        if self.bundle_type in ("transaction", "batch"):
            entry["request"] = {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}
        if self.bundle_type == "searchset":
            entry["search"] = {"mode": "match"}
        return entry

    def date(self, year):
        return "%04d-%02d-%02dT%02d:%02d:00-05:00" % (
            year, self.rng.randint(1, 12), self.rng.randint(1, 28),
            self.rng.randint(8, 17), self.rng.choice([0, 15, 30, 45]))

    def quantity(self, value, unit):
        return {"value": value, "unit": unit, "system": UCUM, "code": unit}

    def header(self):
        """Patient, organization, practitioner and location every visit refers to."""
        self.patient = self.new_id("Patient")
        self.org = self.new_id("Organization")
        self.practitioner = self.new_id("Practitioner")
        self.location = self.new_id("Location")
        return [
            {"resourceType": "Patient", "id": self.patient,
             "identifier": [{"system": "urn:oid:2.16.840.1.113883.19.5", "value": "MRN-000123"}],
             "name": [{"use": "official", "family": "Testperson", "given": ["Ada", "Q."]}],
             "gender": "female", "birthDate": "1957-04-12"},
            {"resourceType": "Organization", "id": self.org, "name": "Example Community Clinic",
             "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}]},
            {"resourceType": "Practitioner", "id": self.practitioner,
             "name": [{"family": "Example", "given": ["Robin"], "prefix": ["Dr."]}]},
            {"resourceType": "Location", "id": self.location, "name": "Example Clinic, Room 4"},
        ]

    def subject(self):
        return {"reference": "urn:uuid:" + self.patient}

    def visit(self, n):
        rng = self.rng
        year = 1990 + n % 35
        when = self.date(year)
        out = []
        encounter = self.new_id("Encounter")
        visit_code, visit_name = rng.choice(VISITS)
        out.append({
            "resourceType": "Encounter", "id": encounter, "status": "finished",
            "class": {"system": TERMINOLOGY + "v3-ActCode", "code": "AMB", "display": "ambulatory"},
            "type": [concept(SNOMED, visit_code, visit_name)],
            "subject": self.subject(),
            "participant": [{"individual": {"reference": "urn:uuid:" + self.practitioner}}],
            "period": {"start": when, "end": when},
            "location": [{"location": {"reference": "urn:uuid:" + self.location}}],
            "serviceProvider": {"reference": "urn:uuid:" + self.org},
        })
        context = {"reference": "urn:uuid:" + encounter}

        for code, name, unit, low, high in VITALS:
            value = round(rng.uniform(low, high), 1)
            out.append(self.observation("vital-signs", code, name, context, when,
                                        valueQuantity=self.quantity(value, unit)))
        systolic, diastolic = rng.randint(100, 170), rng.randint(60, 100)
        out.append(self.observation(
            "vital-signs", "85354-9", "Blood pressure panel with all children optional", context, when,
            component=[
                {"code": concept(LOINC, "8480-6", "Systolic blood pressure"),
                 "valueQuantity": self.quantity(systolic, "mm[Hg]")},
                {"code": concept(LOINC, "8462-4", "Diastolic blood pressure"),
                 "valueQuantity": self.quantity(diastolic, "mm[Hg]")},
            ]))

        panel_code, panel_name = rng.choice(PANELS)
        results = []
        for code, name, unit, low, high in rng.sample(LABS, 4):
            value = round(rng.uniform(low * 0.8, high * 1.2), 1)
            flag = "H" if value > high else ("L" if value < low else "N")
            obs = self.observation(
                "laboratory", code, name, context, when,
                valueQuantity=self.quantity(value, unit),
                referenceRange=[{"low": self.quantity(low, unit), "high": self.quantity(high, unit)}],
                interpretation=[{"coding": [coding(TERMINOLOGY + "v3-ObservationInterpretation", flag,
                                                   {"H": "High", "L": "Low", "N": "Normal"}[flag])]}])
            results.append(obs)
        out.extend(results)
        out.append({
            "resourceType": "DiagnosticReport", "id": self.new_id("DiagnosticReport"), "status": "final",
            "category": [concept(TERMINOLOGY + "v2-0074", "LAB", "Laboratory")],
            "code": concept(LOINC, panel_code, panel_name), "subject": self.subject(),
            "encounter": context, "effectiveDateTime": when, "issued": when,
            "result": [{"reference": "urn:uuid:" + r["id"]} for r in results],
        })

        if n % 3 == 0:
            snomed, name, icd, icd_name = rng.choice(CONDITIONS)
            condition = {
                "resourceType": "Condition", "id": self.new_id("Condition"),
                "clinicalStatus": concept(TERMINOLOGY + "condition-clinical", "active", "Active"),
                "verificationStatus": concept(TERMINOLOGY + "condition-ver-status", "confirmed", "Confirmed"),
                "category": [concept(TERMINOLOGY + "condition-category", "problem-list-item",
                                     "Problem List Item")],
                "code": {"coding": [coding(SNOMED, snomed, name), coding(ICD10, icd, icd_name)],
                         "text": name},
                "subject": self.subject(), "encounter": context, "onsetDateTime": when,
            }
            if n % 9 == 0:
                condition["verificationStatus"] = concept(TERMINOLOGY + "condition-ver-status",
                                                          "refuted", "Refuted")
            if n % 6 == 0:
                condition["abatementDateTime"] = self.date(year + 1)
                condition["clinicalStatus"] = concept(TERMINOLOGY + "condition-clinical", "resolved",
                                                      "Resolved")
            out.append(condition)

        if n % 5 == 0:
            out.append(self.allergy(n, when))

        if n % 2 == 0:
            out.extend(self.medication(n, when, context))

        if n % 4 == 0:
            vcode, vname = rng.choice(VACCINES)
            immunization = {
                "resourceType": "Immunization", "id": self.new_id("Immunization"), "status": "completed",
                "vaccineCode": concept(CVX, vcode, vname), "patient": self.subject(),
                "encounter": context, "occurrenceDateTime": when, "primarySource": True,
                "lotNumber": "LOT%05d" % rng.randint(0, 99999),
                "performer": [{"actor": {"reference": "urn:uuid:" + self.practitioner}}],
            }
            if n % 16 == 0:
                immunization["status"] = "not-done"
                immunization["statusReason"] = concept(TERMINOLOGY + "v3-ActReason", "PATOBJ",
                                                       "patient objection")
                del immunization["lotNumber"]
            out.append(immunization)

        if n % 3 == 1:
            pcode, pname = rng.choice(PROCEDURES)
            out.append({
                "resourceType": "Procedure", "id": self.new_id("Procedure"), "status": "completed",
                "code": concept(SNOMED, pcode, pname), "subject": self.subject(), "encounter": context,
                "performedPeriod": {"start": when, "end": when},
                "performer": [{"actor": {"reference": "urn:uuid:" + self.practitioner}}],
                "location": {"reference": "urn:uuid:" + self.location},
            })

        if n % 4 == 2:
            note = f"Visit {n}: {visit_name}. Blood pressure {systolic}/{diastolic} mmHg.\n"
            out.append({
                "resourceType": "DocumentReference", "id": self.new_id("DocumentReference"),
                "status": "current", "type": concept(LOINC, "11506-3", "Progress note"),
                "subject": self.subject(), "date": when,
                "author": [{"reference": "urn:uuid:" + self.practitioner}],
                "custodian": {"reference": "urn:uuid:" + self.org},
                "content": [{"attachment": {"contentType": "text/plain", "title": "Progress note",
                                            "data": base64.b64encode(note.encode()).decode()}}],
            })

        for _ in range(2):
            out.append({
                "resourceType": "Claim", "id": self.new_id("Claim"), "status": "active",
                "type": concept(TERMINOLOGY + "claim-type", "professional", "Professional"),
                "use": "claim", "patient": self.subject(), "created": when,
                "provider": {"reference": "urn:uuid:" + self.org},
                "priority": concept(TERMINOLOGY + "processpriority", "normal", "Normal"),
                "insurance": [{"sequence": 1, "focal": True, "coverage": {"display": "Example Health Plan"}}],
                "item": [{"sequence": 1, "productOrService": concept(SNOMED, visit_code, visit_name),
                          "net": {"value": round(rng.uniform(50, 400), 2), "currency": "USD"}}],
            })
        return out

    def observation(self, category, code, name, context, when, **value):
        obs = {
            "resourceType": "Observation", "id": self.new_id("Observation"), "status": "final",
            "category": [concept(TERMINOLOGY + "observation-category", category,
                                 "Vital Signs" if category == "vital-signs" else "Laboratory")],
            "code": concept(LOINC, code, name), "subject": self.subject(), "encounter": context,
            "effectiveDateTime": when, "issued": when,
        }
        obs.update(value)
        return obs

    def allergy(self, n, when):
        rng = self.rng
        allergy = {
            "resourceType": "AllergyIntolerance", "id": self.new_id("AllergyIntolerance"),
            "clinicalStatus": concept(TERMINOLOGY + "allergyintolerance-clinical", "active", "Active"),
            "verificationStatus": concept(TERMINOLOGY + "allergyintolerance-verification", "confirmed",
                                          "Confirmed"),
            "patient": self.subject(), "recordedDate": when,
        }
        if n % 25 == 0:
            allergy["code"] = concept(SNOMED, "716186003", "No known allergy")
            return allergy
        code, system, name, category = rng.choice(ALLERGENS)
        rcode, rname = rng.choice(REACTIONS)
        allergy.update({
            "type": "allergy", "category": [category], "criticality": rng.choice(["low", "high"]),
            "code": concept(system, code, name), "onsetDateTime": when,
            "reaction": [{"manifestation": [concept(SNOMED, rcode, rname)],
                          "severity": rng.choice(["mild", "moderate", "severe"])}],
        })
        return allergy

    def medication(self, n, when, context):
        rng = self.rng
        code, name = rng.choice(DRUGS)
        hours = rng.choice([6, 8, 12, 24])
        dosage = {
            "text": f"Take 1 tablet by mouth every {hours} hours",
            "timing": {"repeat": {"frequency": 1, "period": hours, "periodUnit": "h"}},
            "route": concept(SNOMED, "26643006", "Oral route"),
            "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "tablet"}}],
        }
        if n % 4 == 0:
            return [{
                "resourceType": "MedicationRequest", "id": self.new_id("MedicationRequest"),
                "status": rng.choice(["active", "completed", "stopped"]), "intent": "order",
                "medicationCodeableConcept": concept(RXNORM, code, name), "subject": self.subject(),
                "encounter": context, "authoredOn": when,
                "requester": {"reference": "urn:uuid:" + self.practitioner},
                "dosageInstruction": [dosage],
            }]
        medication = {"resourceType": "Medication", "id": self.new_id("Medication"),
                      "code": concept(RXNORM, code, name)}
        statement = {
            "resourceType": "MedicationStatement", "id": self.new_id("MedicationStatement"),
            "status": "active", "subject": self.subject(), "context": context,
            "effectivePeriod": {"start": when}, "dateAsserted": when, "dosage": [dosage],
        }
        if n % 8 == 2:
            medication = dict(medication, id="med")
            statement["contained"] = [medication]
            statement["medicationReference"] = {"reference": "#med"}
            return [statement]
        statement["medicationReference"] = {"reference": "urn:uuid:" + medication["id"]}
        return [medication, statement]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size to reach, in MB (10^6 bytes)")
    parser.add_argument("--type", default="collection",
                        choices=["collection", "searchset", "batch", "transaction"])
    parser.add_argument("--indent", type=int, default=None, help="pretty-print with N spaces")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    target = int(args.mb * 1_000_000)
    generator = Generator(args.seed, args.type)
    separators = (",", ":") if args.indent is None else (",", ": ")

    def dump(value):
        return json.dumps(value, ensure_ascii=False, indent=args.indent, separators=separators)

    opening = '{"resourceType":"Bundle","id":"%s","type":"%s","entry":[' % (
        generator.new_id("Bundle"), args.type)
    closing = "]}\n"
    parts = [dump(generator.entry(r)) for r in generator.header()]
    size = len(opening) + len(closing) + sum(len(p.encode()) + 1 for p in parts)
    n = 0
    while size < target:
        for resource in generator.visit(n):
            text = dump(generator.entry(resource))
            parts.append(text)
            size += len(text.encode()) + 1
        n += 1
    out = sys.stdout
    out.write(opening)
    out.write(",".join(parts))
    out.write(closing)


if __name__ == "__main__":
    main()
