// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/personadocuments.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QLinearGradient>
#include <QMutexLocker>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPrinter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QThread>
#include <QUuid>

#include <cmath>
#include <numbers>
#include <vector>

// The documents stand for what other clinics and hospitals sent to the network: they are
// English records of fictional people, not text of this program, so nothing here goes through
// tr().

namespace {

const QList<Persona> &allPersonas()
{
    static const QList<Persona> personas = {
        {QStringLiteral("jane"), QStringLiteral("Jane"), QStringLiteral("Smith"),
         QDate(1996, 2, 10), QStringLiteral("F"), QStringLiteral("depression")},
        {QStringLiteral("chris"), QStringLiteral("Chris"), QStringLiteral("Smith"),
         QDate(1995, 1, 1), QStringLiteral("M"), QStringLiteral("chronic kidney disease")},
        {QStringLiteral("ollie"), QStringLiteral("Ollie"), QStringLiteral("Brown"),
         QDate(1946, 3, 18), QStringLiteral("M"), QStringLiteral("generalized anxiety disorder")},
        {QStringLiteral("andreas"), QStringLiteral("Andreas"), QStringLiteral("Brown"),
         QDate(1952, 1, 1), QStringLiteral("M"),
         QStringLiteral("type 2 diabetes and kidney disease")},
        {QStringLiteral("kyla"), QStringLiteral("Kyla"), QStringLiteral("Brown"),
         QDate(1927, 5, 23), QStringLiteral("F"),
         QStringLiteral("chronic hypertension and diabetes")},
    };
    return personas;
}

// ---- What each persona's papers say ----------------------------------------------------------

struct LabRow
{
    const char *test;
    const char *value;
    const char *unit;
    const char *range;
    const char *flag; // "", "H", "L"
};

struct MedRow
{
    const char *name;
    const char *instructions;
};

enum class PhotoSubject { Hand, Legs, Forearm, FootSole, Heel };

struct Papers
{
    const char *key;
    // Discharge summary
    const char *facility;
    const char *dischargeTitle;
    const char *attending;
    QDate admitted;
    QDate discharged;
    const char *reason;
    std::vector<const char *> diagnoses;
    const char *course; // HTML paragraphs
    std::vector<MedRow> dischargeMedications;
    const char *followUp;
    // Lab report
    QDate collected;
    const char *orderedBy;
    std::vector<LabRow> labs;
    const char *labComment;
    // Referral letter
    QDate referred;
    const char *referTo;
    const char *referToPractice;
    const char *referralReason;
    const char *referralHistory; // HTML paragraphs
    const char *referralQuestion;
    // ECG strip
    QDate ecgDate;
    int heartRate;
    int prMs;
    const char *ecgReading;
    // Photograph
    QDate photoDate;
    PhotoSubject photo;
    const char *photoSite;
};

const char *const kClinic = "Springfield Family Medicine";
const char *const kClinicAddress = "480 Willamette Street, Springfield, OR 97477 · (541) 555-0140";
const char *const kPcp = "Maria Okafor, MD";

const std::vector<Papers> &allPapers()
{
    static const std::vector<Papers> papers = {
        {"jane",
         "Riverbend Behavioral Health",
         "Intensive Outpatient Program Discharge Summary",
         "Hannah Lindqvist, PsyD",
         QDate(2025, 4, 7),
         QDate(2025, 5, 16),
         "Moderate depressive episode with low mood, loss of interest, poor sleep and reduced "
         "concentration affecting work; PHQ-9 of 16 at referral.",
         {"Major depressive disorder, single episode (F32.9)", "Insomnia, unspecified (G47.00)"},
         "<p>Ms. Smith attended 17 of 18 scheduled sessions of the six-week intensive outpatient "
         "program (three 3-hour sessions a week: group cognitive behavioral therapy, behavioral "
         "activation, sleep and mindfulness skills). She engaged well and completed her activity "
         "and sleep diaries.</p>"
         "<p>Mood improved steadily; PHQ-9 fell from 16 at intake to 11 at discharge. She denied "
         "suicidal ideation at every weekly screen (C-SSRS negative). Sleep onset improved from "
         "about 90 to 35 minutes with stimulus control. Sertraline 50 mg daily, started by her "
         "primary care physician on March 4, was continued without side effects.</p>",
         {{"Sertraline 50 mg tablet", "1 tablet by mouth once daily"},
          {"Ibuprofen 600 mg tablet", "1 tablet by mouth every 8 hours as needed for headache"}},
         "Primary care (Dr. Okafor) in 4 weeks to review the sertraline dose. Individual CBT with "
         "Dr. Lindqvist every 2 weeks. If thoughts of self-harm occur: call or text 988, or go to "
         "the nearest emergency department.",
         QDate(2025, 3, 4),
         kPcp,
         {{"TSH", "2.10", "mIU/L", "0.45 - 4.50", ""},
          {"Free T4", "1.22", "ng/dL", "0.82 - 1.77", ""},
          {"WBC", "6.4", "x10^3/uL", "3.4 - 10.8", ""},
          {"Hemoglobin", "13.1", "g/dL", "11.1 - 15.9", ""},
          {"Hematocrit", "39.2", "%", "34.0 - 46.6", ""},
          {"Platelets", "262", "x10^3/uL", "150 - 450", ""},
          {"Vitamin D, 25-hydroxy", "18", "ng/mL", "30 - 100", "L"},
          {"Vitamin B12", "412", "pg/mL", "232 - 1245", ""}},
         "Thyroid function normal. Vitamin D insufficiency: supplementation advised.",
         QDate(2025, 3, 4),
         "Hannah Lindqvist, PsyD",
         "Riverbend Behavioral Health, 221 Main Street, Springfield, OR 97477",
         "Cognitive behavioral therapy for a moderate depressive episode.",
         "<p>Ms. Smith is a 29-year-old graphic designer seen today for three months of low mood, "
         "anhedonia, early waking and difficulty concentrating after a job loss in the autumn. "
         "PHQ-9 is 16 (moderately severe); she denies suicidal ideation or plans and has no "
         "history of self-harm, mania or substance use. Thyroid function and blood counts are "
         "normal.</p><p>I have started sertraline 50 mg daily today.</p>",
         "Would you assess her and offer a course of CBT, or your intensive outpatient program if "
         "you judge it more suitable? Please let me know if you recommend a change of medication.",
         QDate(2025, 2, 20),
         72,
         150,
         "Normal sinus rhythm, rate 72. PR 150 ms, QRS 88 ms, QTc 412 ms. Normal ECG.",
         QDate(2025, 8, 19),
         PhotoSubject::Hand,
         "Dorsum of right hand: erythematous papules after wearing latex gloves"},
        {"chris",
         "Mohawk Valley General Hospital",
         "Hospital Discharge Summary",
         "Daniel Cho, MD (Hospital Medicine)",
         QDate(2025, 9, 12),
         QDate(2025, 9, 15),
         "Acute kidney injury on chronic kidney disease stage 3 after two days of vomiting and "
         "diarrhea; creatinine 3.1 mg/dL on arrival (baseline 1.9).",
         {"Acute kidney injury (N17.9), prerenal, resolved",
          "Chronic kidney disease, stage 3 unspecified (N18.30)", "Viral gastroenteritis (A08.4)",
          "Essential hypertension (I10)"},
         "<p>Mr. Smith, 30, with CKD stage 3 and proteinuria followed by nephrology, presented "
         "dizzy and dehydrated after 48 hours of gastroenteritis while still taking lisinopril. "
         "Creatinine was 3.1 mg/dL, potassium 5.6 mmol/L, bicarbonate 18 mmol/L.</p>"
         "<p>Lisinopril and amlodipine were held; he received intravenous normal saline. Renal "
         "ultrasound showed no obstruction. Potassium normalized without treatment. Creatinine "
         "fell to 2.2 on day 3 and 2.0 on discharge. Blood pressure stayed below 135/85 off "
         "medication; amlodipine was resumed the day before discharge.</p>",
         {{"Amlodipine 5 mg tablet", "1 tablet by mouth once daily"},
          {"Lisinopril 10 mg tablet",
           "RESTART on September 18 if eating and drinking normally; 1 tablet once daily"},
          {"Acetaminophen 500 mg tablet",
           "1 tablet every 6 hours as needed for pain; avoid ibuprofen and naproxen"}},
         "Basic metabolic panel in 1 week at Springfield Family Medicine. Nephrology (Dr. Reyes) "
         "as scheduled. Sick-day rule: stop lisinopril during vomiting, diarrhea or fever.",
         QDate(2026, 2, 3),
         kPcp,
         {{"Sodium", "139", "mmol/L", "135 - 145", ""},
          {"Potassium", "5.3", "mmol/L", "3.5 - 5.2", "H"},
          {"Creatinine", "2.05", "mg/dL", "0.76 - 1.27", "H"},
          {"eGFR (CKD-EPI 2021)", "43", "mL/min/1.73m2", ">= 60", "L"},
          {"Urea nitrogen (BUN)", "31", "mg/dL", "6 - 24", "H"},
          {"Bicarbonate (CO2)", "20", "mmol/L", "20 - 29", ""},
          {"Phosphorus", "4.1", "mg/dL", "2.5 - 4.5", ""},
          {"PTH, intact", "88", "pg/mL", "15 - 65", "H"},
          {"Hemoglobin", "12.1", "g/dL", "13.0 - 17.7", "L"},
          {"Albumin/creatinine ratio, urine", "412", "mg/g", "< 30", "H"}},
         "eGFR 43 with albuminuria A3: CKD stage G3b/A3. Mild hyperkalemia.",
         QDate(2025, 4, 10),
         "Samuel Reyes, MD (Nephrology)",
         "Willamette Valley Nephrology, 1300 Gateway Loop, Springfield, OR 97477",
         "Chronic kidney disease stage 3b with heavy proteinuria in a 30-year-old.",
         "<p>Mr. Smith was found to have a creatinine of 1.9 mg/dL (eGFR 47) and 2+ protein on "
         "a work physical last September. Urine albumin/creatinine ratio is 380 mg/g; urine "
         "sediment shows a few dysmorphic red cells. Blood pressure 148/94 untreated. There is "
         "no diabetes, no NSAID use and no family history of kidney disease that he knows "
         "of.</p><p>I started lisinopril 10 mg daily in February; potassium 4.8 on it.</p>",
         "Please evaluate the cause of his kidney disease (is a biopsy indicated, for instance "
         "for IgA nephropathy?) and advise on blood pressure and proteinuria targets.",
         QDate(2025, 2, 14),
         78,
         160,
         "Sinus rhythm, rate 78. Borderline left ventricular hypertrophy by voltage. No acute "
         "changes.",
         QDate(2026, 2, 3),
         PhotoSubject::Legs,
         "Both ankles, anterior view: pitting edema 1+ bilaterally"},
        {"ollie",
         "Mohawk Valley General Hospital",
         "Observation Discharge Summary",
         "Lena Park, MD (Emergency Medicine)",
         QDate(2025, 3, 22),
         QDate(2025, 3, 23),
         "Sudden chest tightness, palpitations, shortness of breath and tingling hands at home; "
         "recurrent episodes over two weeks.",
         {"Chest pain, unspecified (R07.9): acute coronary syndrome excluded",
          "Panic attack in generalized anxiety disorder (F41.1)", "Hyperlipidemia (E78.5)"},
         "<p>Mr. Brown, 79, was observed overnight on telemetry. High-sensitivity troponin I was "
         "4 and 5 ng/L three hours apart. Serial ECGs showed sinus rhythm without ischemic "
         "changes; telemetry showed sinus tachycardia to 112 during one episode and no "
         "arrhythmia. Chest X-ray was clear.</p>"
         "<p>Symptoms were typical of panic: they came with worry about his health since his "
         "wife's death, lasted about 20 minutes and settled with slow breathing. A treadmill "
         "stress test on the morning of discharge reached 8 METs without symptoms or ST changes. "
         "Escitalopram, started in January, was continued.</p>",
         {{"Escitalopram 10 mg tablet", "1 tablet by mouth once daily"},
          {"Atorvastatin 40 mg tablet", "1 tablet by mouth at bedtime"},
          {"Aspirin 81 mg tablet", "1 tablet by mouth once daily"}},
         "Primary care (Dr. Okafor) within 1 week. Continue therapy with Dr. Lindqvist. Call 911 "
         "for chest pain lasting more than 15 minutes or pain on exertion.",
         QDate(2025, 3, 22),
         "Lena Park, MD",
         {{"Troponin I, high sensitivity (0 h)", "4", "ng/L", "0 - 20", ""},
          {"Troponin I, high sensitivity (3 h)", "5", "ng/L", "0 - 20", ""},
          {"Sodium", "140", "mmol/L", "135 - 145", ""},
          {"Potassium", "4.2", "mmol/L", "3.5 - 5.2", ""},
          {"Creatinine", "1.06", "mg/dL", "0.76 - 1.27", ""},
          {"Glucose", "104", "mg/dL", "70 - 99", "H"},
          {"TSH", "1.58", "mIU/L", "0.45 - 4.50", ""},
          {"Hemoglobin", "14.2", "g/dL", "13.0 - 17.7", ""},
          {"D-dimer", "0.38", "ug/mL FEU", "< 0.50", ""}},
         "No biochemical evidence of myocardial injury.",
         QDate(2025, 1, 15),
         "Hannah Lindqvist, PsyD",
         "Riverbend Behavioral Health, 221 Main Street, Springfield, OR 97477",
         "Generalized anxiety disorder in a recently widowed 78-year-old.",
         "<p>Mr. Brown has worried constantly for about 18 months, since his wife's death: about "
         "his health, money and his son's family. He sleeps four to five hours, feels on edge "
         "and has lost interest in his woodworking. GAD-7 is 15; PHQ-9 is 8. He drinks one beer "
         "most evenings and takes no sleeping pills. Cognition is intact (MoCA 28/30).</p>"
         "<p>I have started escitalopram 10 mg daily today.</p>",
         "He would welcome talking therapy and prefers daytime appointments (he no longer drives "
         "after dark). Please assess and treat; CBT for late-life anxiety if you agree.",
         QDate(2025, 1, 15),
         88,
         170,
         "Sinus rhythm, rate 88. Left anterior fascicular block. No acute ST-T changes.",
         QDate(2025, 11, 20),
         PhotoSubject::Forearm,
         "Left forearm, extensor surface: skin tear 3 cm, flap approximated (Type 1)"},
        {"andreas",
         "Mohawk Valley General Hospital",
         "Hospital Discharge Summary",
         "Daniel Cho, MD (Hospital Medicine)",
         QDate(2025, 6, 2),
         QDate(2025, 6, 5),
         "Three days of thirst, frequent urination and burning on urination; glucose 412 mg/dL "
         "at the urgent care clinic.",
         {"Type 2 diabetes mellitus with hyperglycemia (E11.65)",
          "Acute cystitis without hematuria (N30.00)",
          "Chronic kidney disease, stage 3 unspecified (N18.30)", "Essential hypertension (I10)"},
         "<p>Mr. Brown, 73, with type 2 diabetes since 2009 and diabetic kidney disease, was "
         "admitted with hyperglycemia (glucose 412 mg/dL, no ketones, serum osmolality 304) and "
         "mild volume depletion, precipitated by a urinary tract infection (urine culture: "
         "<i>E. coli</i>, sensitive to cephalexin). Sulfonamide allergy noted.</p>"
         "<p>He received intravenous fluids, a basal-bolus insulin regimen and cephalexin. "
         "Creatinine improved from 2.0 to 1.7 mg/dL (baseline). Glucose settled to 120-180 on "
         "glargine 18 units at bedtime. Metformin was reduced to 500 mg twice daily for an eGFR "
         "of 41. Diabetes educator visit completed; he checks glucose before breakfast and "
         "supper.</p>",
         {{"Insulin glargine 100 units/mL", "18 units under the skin at bedtime (was 12)"},
          {"Metformin 500 mg tablet", "1 tablet twice daily with meals (dose reduced)"},
          {"Cephalexin 500 mg capsule", "1 capsule four times daily for 4 more days"},
          {"Lisinopril 10 mg tablet", "1 tablet once daily"},
          {"Atorvastatin 40 mg tablet", "1 tablet at bedtime"}},
         "Primary care (Dr. Okafor) in 1 week with glucose log; basic metabolic panel then. "
         "Nephrology referral placed.",
         QDate(2026, 1, 22),
         kPcp,
         {{"Hemoglobin A1c", "7.2", "%", "4.0 - 5.6", "H"},
          {"Glucose, fasting", "162", "mg/dL", "70 - 99", "H"},
          {"Creatinine", "1.68", "mg/dL", "0.76 - 1.27", "H"},
          {"eGFR (CKD-EPI 2021)", "43", "mL/min/1.73m2", ">= 60", "L"},
          {"Potassium", "5.0", "mmol/L", "3.5 - 5.2", ""},
          {"Cholesterol, total", "168", "mg/dL", "< 200", ""},
          {"HDL cholesterol", "41", "mg/dL", ">= 40", ""},
          {"LDL cholesterol (calc)", "88", "mg/dL", "< 100", ""},
          {"Triglycerides", "196", "mg/dL", "< 150", "H"},
          {"Albumin/creatinine ratio, urine", "186", "mg/g", "< 30", "H"}},
         "A1c improving (8.4 % in Jan 2025, 7.6 % in Jul 2025). CKD G3b/A2.",
         QDate(2025, 10, 1),
         "Samuel Reyes, MD (Nephrology)",
         "Willamette Valley Nephrology, 1300 Gateway Loop, Springfield, OR 97477",
         "Diabetic kidney disease, stage 3b with albuminuria.",
         "<p>Mr. Brown is 73 with type 2 diabetes for 16 years, hypertension and hyperlipidemia. "
         "eGFR has fallen from 58 in 2022 to 41-45 this year; urine albumin/creatinine 210 mg/g. "
         "Retinal photographs in July showed mild non-proliferative retinopathy. He was "
         "admitted in June with hyperglycemia and a UTI.</p>"
         "<p>Current treatment: lisinopril 10 mg, metformin 500 mg twice daily, glargine 18 "
         "units, atorvastatin 40 mg. Blood pressure around 136/82.</p>",
         "Is he a candidate for an SGLT2 inhibitor or finerenone, and should lisinopril be "
         "increased? Please advise on metformin as his eGFR falls.",
         QDate(2025, 1, 8),
         76,
         180,
         "Sinus rhythm, rate 76. PR 180 ms, QRS 96 ms, QTc 438 ms. Nonspecific T-wave "
         "flattening in V5-V6.",
         QDate(2026, 1, 22),
         PhotoSubject::FootSole,
         "Right foot, plantar view: callus under the first metatarsal head, no ulcer"},
        {"kyla",
         "Mohawk Valley General Hospital",
         "Hospital Discharge Summary",
         "Daniel Cho, MD (Hospital Medicine)",
         QDate(2025, 10, 28),
         QDate(2025, 10, 31),
         "Headache and blood pressure of 212/104 mmHg measured by her daughter at home.",
         {"Hypertensive urgency (I16.0)", "Essential hypertension (I10)",
          "Type 2 diabetes mellitus without complications (E11.9)",
          "Primary osteoarthritis of knee (M17.9)"},
         "<p>Mrs. Brown, 98, lives with her daughter and walks with a cane. She presented with a "
         "frontal headache and BP 212/104 after missing three days of amlodipine while her "
         "daughter was away. There was no chest pain, confusion, focal weakness or visual loss; "
         "troponin was normal, creatinine 1.15 mg/dL (baseline), urinalysis without blood, and "
         "head CT without acute change.</p>"
         "<p>Blood pressure was lowered gradually with her usual amlodipine and "
         "hydrochlorothiazide and the addition of metoprolol tartrate 25 mg twice daily, to "
         "148/78 on discharge. Orthostatic readings were negative. A weekly pill organizer was "
         "set up with her daughter. Physical therapy cleared her to go home with her cane.</p>",
         {{"Amlodipine 5 mg tablet", "1 tablet by mouth once daily"},
          {"Hydrochlorothiazide 25 mg tablet", "1 tablet by mouth every morning"},
          {"Metoprolol tartrate 25 mg tablet", "1 tablet by mouth twice daily (NEW)"},
          {"Metformin 500 mg tablet", "1 tablet by mouth with breakfast"},
          {"Aspirin 81 mg tablet", "1 tablet by mouth once daily"}},
         "Primary care (Dr. Okafor) in 1 week with home blood pressure log. Cardiology (Dr. "
         "Mehta) referral. Call if BP is over 180/110 twice, 10 minutes apart.",
         QDate(2026, 2, 9),
         kPcp,
         {{"Hemoglobin A1c", "6.9", "%", "4.0 - 5.6", "H"},
          {"Glucose", "138", "mg/dL", "70 - 99", "H"},
          {"Sodium", "136", "mmol/L", "135 - 145", ""},
          {"Potassium", "4.1", "mmol/L", "3.5 - 5.2", ""},
          {"Creatinine", "1.12", "mg/dL", "0.57 - 1.02", "H"},
          {"eGFR (CKD-EPI 2021)", "45", "mL/min/1.73m2", ">= 60", "L"},
          {"Cholesterol, total", "196", "mg/dL", "< 200", ""},
          {"HDL cholesterol", "52", "mg/dL", ">= 40", ""},
          {"LDL cholesterol (calc)", "112", "mg/dL", "< 100", "H"},
          {"Triglycerides", "160", "mg/dL", "< 150", "H"}},
         "Glycemic control appropriate for age (target A1c below 8.0 %).",
         QDate(2025, 11, 3),
         "Arjun Mehta, MD (Cardiology)",
         "Cascade Heart Center, 3333 RiverBend Drive, Springfield, OR 97477",
         "Hypertension with a recent hypertensive urgency in a 98-year-old.",
         "<p>Mrs. Brown has had hypertension since 1989 and type 2 diabetes since 2006. She was "
         "admitted October 28-31 with BP 212/104 after missed doses; metoprolol was added. Home "
         "readings since are 140-160 systolic. She has occasional ankle swelling on amlodipine "
         "and no chest pain or syncope; she had one fall in the spring without injury.</p>",
         "Please review her regimen and the need for an echocardiogram. Her family's priority "
         "is avoiding falls and further hospital stays over tight targets.",
         QDate(2025, 11, 12),
         64,
         230,
         "Sinus rhythm, rate 64. First-degree AV block (PR 230 ms). Left ventricular "
         "hypertrophy with secondary repolarization changes.",
         QDate(2026, 2, 9),
         PhotoSubject::Heel,
         "Left heel, posterior view: non-blanchable redness 2 cm, intact skin (stage 1 "
         "pressure injury)"},
    };
    return papers;
}

const Papers *papersFor(const QString &key)
{
    for (const Papers &papers : allPapers()) {
        if (QLatin1String(papers.key) == key)
            return &papers;
    }
    return nullptr;
}

//! The same number for the same persona in every run (qHash is seeded per process).
quint32 stableSeed(const QString &key)
{
    quint32 hash = 2166136261u; // FNV-1a
    for (const QChar c : key) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString shortDate(QDate date)
{
    return date.toString(QStringLiteral("MM/dd/yyyy"));
}

QString longDate(QDate date)
{
    // Fixed English month names: QDate::toString follows the system locale.
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    return QStringLiteral("%1 %2, %3")
        .arg(QLatin1String(months[date.month() - 1]))
        .arg(date.day())
        .arg(date.year());
}

int ageOn(QDate birth, QDate day)
{
    int age = day.year() - birth.year();
    if (day < birth.addYears(age))
        --age;
    return age;
}

// ---- PDFs ------------------------------------------------------------------------------------

QString style()
{
    return QStringLiteral(
        "<style>"
        "body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #111; }"
        "h1 { font-size: 16pt; margin: 0; }"
        "h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; color: #1f3a5f; }"
        ".org { font-size: 9pt; color: #444; }"
        "table.grid { border-collapse: collapse; }"
        "table.grid th { background: #dfe6ee; text-align: left; }"
        ".flag { color: #b00020; font-weight: bold; }"
        "</style>");
}

QString letterhead(const QString &organization, const QString &address, const QString &title)
{
    return QStringLiteral("<p class='org'><b>%1</b><br/>%2</p><h1>%3</h1><hr/>")
        .arg(organization.toHtmlEscaped(), address.toHtmlEscaped(), title.toHtmlEscaped());
}

QString patientBlock(const Persona &persona, QDate on, const QString &extra)
{
    return QStringLiteral("<table cellpadding='2' width='100%'><tr>"
                          "<td width='42%'><b>Patient:</b> %1, %2</td>"
                          "<td width='36%'><b>DOB:</b> %3 (%4 y)</td>"
                          "<td width='22%'><b>Sex:</b> %5</td></tr>"
                          "<tr><td colspan='3'><b>Address:</b> 123 DustyDepot Ave, Springfield, "
                          "OR 10001</td></tr>%6</table>")
        .arg(persona.lastName.toUpper(), persona.firstName, shortDate(persona.birthDate))
        .arg(ageOn(persona.birthDate, on))
        .arg(persona.genderAtBirth == QLatin1String("F") ? QStringLiteral("Female")
                                                         : QStringLiteral("Male"),
             extra);
}

QString medicationTable(const std::vector<MedRow> &rows)
{
    QString html = QStringLiteral("<table class='grid' border='1' cellspacing='0' "
                                  "cellpadding='4' width='100%'><tr><th>Medication</th>"
                                  "<th>Instructions</th></tr>");
    for (const MedRow &row : rows) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(text(row.name).toHtmlEscaped(), text(row.instructions).toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QString dischargeSummaryHtml(const Persona &persona, const Papers &papers)
{
    QString diagnoses;
    for (const char *diagnosis : papers.diagnoses)
        diagnoses += QStringLiteral("<li>%1</li>").arg(text(diagnosis).toHtmlEscaped());
    const QString extra =
        QStringLiteral("<tr><td><b>Admitted:</b> %1</td><td><b>Discharged:</b> %2"
                       "</td><td><b>MRN:</b> MV-%3</td></tr>"
                       "<tr><td colspan='3'><b>Attending:</b> %4 &nbsp;&nbsp; <b>Primary care:"
                       "</b> %5, %6</td></tr>")
            .arg(shortDate(papers.admitted), shortDate(papers.discharged))
            .arg(QString::number(stableSeed(persona.key) % 900000 + 100000))
            .arg(text(papers.attending), text(kPcp), text(kClinic));
    return style() +
           letterhead(text(papers.facility),
                      QStringLiteral("2040 Mohawk Boulevard, Springfield, OR 97477"),
                      text(papers.dischargeTitle)) +
           patientBlock(persona, papers.discharged, extra) +
           QStringLiteral("<h2>Reason for admission</h2><p>%1</p>"
                          "<h2>Discharge diagnoses</h2><ol>%2</ol>"
                          "<h2>Course</h2>%3"
                          "<h2>Allergies</h2><p>See the attached continuity of care document; "
                          "reviewed with the patient on discharge.</p>"
                          "<h2>Discharge medications</h2>%4"
                          "<h2>Follow-up</h2><p>%5</p>"
                          "<h2>Condition at discharge</h2><p>Stable. Discharged home.</p>"
                          "<p><br/>Electronically signed by %6 on %7.</p>")
               .arg(text(papers.reason).toHtmlEscaped(), diagnoses, text(papers.course),
                    medicationTable(papers.dischargeMedications),
                    text(papers.followUp).toHtmlEscaped(), text(papers.attending),
                    longDate(papers.discharged));
}

QString labReportHtml(const Persona &persona, const Papers &papers)
{
    QString rows;
    for (const LabRow &row : papers.labs) {
        const QString flag = text(row.flag);
        rows += QStringLiteral("<tr><td>%1</td><td%2>%3</td><td>%4</td><td>%5</td>"
                               "<td class='flag'>%6</td></tr>")
                    .arg(text(row.test).toHtmlEscaped(),
                         flag.isEmpty() ? QString() : QStringLiteral(" class='flag'"),
                         text(row.value).toHtmlEscaped(), text(row.unit).toHtmlEscaped(),
                         text(row.range).toHtmlEscaped(), flag);
    }
    const QString extra =
        QStringLiteral("<tr><td><b>Collected:</b> %1 08:10</td><td><b>Reported:</b> "
                       "%2 14:32</td><td><b>Accession:</b> CRL-%3</td></tr>"
                       "<tr><td colspan='3'><b>Ordering provider:</b> %4</td></tr>")
            .arg(shortDate(papers.collected), shortDate(papers.collected))
            .arg(papers.collected.toString(QStringLiteral("yyMMdd")) +
                 QString::number(persona.birthDate.dayOfYear() * 7 % 1000))
            .arg(text(papers.orderedBy));
    return style() +
           letterhead(QStringLiteral("Cascade Regional Laboratory"),
                      QStringLiteral("CLIA 38D0999999 · 900 Pioneer Parkway, Springfield, OR "
                                     "97477 · Director: Ruth Alvarez, MD"),
                      QStringLiteral("Laboratory Report")) +
           patientBlock(persona, papers.collected, extra) +
           QStringLiteral("<h2>Results</h2>"
                          "<table class='grid' border='1' cellspacing='0' cellpadding='4' "
                          "width='100%'><tr><th>Test</th><th>Result</th><th>Units</th>"
                          "<th>Reference range</th><th>Flag</th></tr>%1</table>"
                          "<p>H = above, L = below the reference range.</p>"
                          "<h2>Comment</h2><p>%2</p>"
                          "<p><br/>Final report. Specimen: serum, whole blood (EDTA)%3.</p>")
               .arg(rows, text(papers.labComment).toHtmlEscaped(),
                    QString::fromUtf8(papers.labs.back().test).contains(QLatin1String("urine"))
                        ? QStringLiteral(", random urine")
                        : QString());
}

QString referralHtml(const Persona &persona, const Papers &papers)
{
    const QString title =
        persona.genderAtBirth == QLatin1String("F") ? QStringLiteral("Ms.") : QStringLiteral("Mr.");
    return style() +
           letterhead(text(kClinic), text(kClinicAddress), QStringLiteral("Referral Letter")) +
           QStringLiteral("<p>%1</p><p>To: <b>%2</b><br/>%3</p>")
               .arg(longDate(papers.referred), text(papers.referTo).toHtmlEscaped(),
                    text(papers.referToPractice).toHtmlEscaped()) +
           patientBlock(persona, papers.referred, QString()) +
           QStringLiteral("<h2>Reason for referral</h2><p>%1</p>"
                          "<p>Dear colleague,</p>%2"
                          "<h2>Question</h2><p>%3</p>"
                          "<h2>Current medications</h2>%4"
                          "<p>The continuity of care document with allergies, problems and "
                          "recent results is available through the network. Thank you for "
                          "seeing %5 %6.</p>"
                          "<p><br/>Sincerely,<br/><br/>%7<br/>%8<br/>NPI 1619352481</p>")
               .arg(text(papers.referralReason).toHtmlEscaped(), text(papers.referralHistory),
                    text(papers.referralQuestion).toHtmlEscaped(),
                    medicationTable(papers.dischargeMedications), title, persona.lastName,
                    text(kPcp), text(kClinic));
}

//! Prints the HTML with QPrinter to a PDF file in `dir` and returns the file's bytes.
QByteArray printPdf(const QString &html, const QString &title, const QString &dir,
                    const QString &name)
{
    const QString path = dir + QLatin1Char('/') + name;
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait,
                                          QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter));
        printer.setDocName(title);
        printer.setCreator(QStringLiteral("ClinicDesk sandbox"));
        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"), 10);
        // No shaping, so the PDF's text stays searchable (no fi/fl ligatures).
        font.setStyleStrategy(QFont::PreferNoShaping);
        document.setDefaultFont(font);
        document.setHtml(html);
        document.print(&printer);
    } // the printer writes the file's end when destroyed
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// ---- Images ----------------------------------------------------------------------------------

const QSize kEcgSize(1600, 400);
const QSize kPhotoSize(1024, 768);

//! A Gaussian bump for one wave of the beat: amplitude in mV, centre and width in seconds.
double wave(double t, double amplitude, double centre, double width)
{
    const double x = (t - centre) / width;
    return amplitude * std::exp(-0.5 * x * x);
}

//! Lead II voltage (mV) at `t` seconds into a beat whose R wave is at 0.
double beat(double t, double prSeconds)
{
    return wave(t, 0.15, -prSeconds + 0.05, 0.022) // P
           + wave(t, -0.10, -0.030, 0.009)         // Q
           + wave(t, 1.25, 0.0, 0.011)             // R
           + wave(t, -0.28, 0.032, 0.011)          // S
           + wave(t, 0.32, 0.27, 0.045);           // T
}

QImage ecgStrip(const Persona &persona, const Papers &papers)
{
    QImage image(kEcgSize, QImage::Format_RGB32);
    image.fill(QColor(255, 246, 246));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // Paper: 1 mm = 8 px; 25 mm/s, 10 mm/mV.
    const double mm = 8.0;
    const double pxPerSecond = 25 * mm;
    const double pxPerMv = 10 * mm;
    const int top = 40;
    for (int x = 0; x < image.width(); x += int(mm)) {
        painter.setPen(QPen(QColor(248, 196, 196), (x % int(5 * mm)) == 0 ? 1.6 : 0.6));
        painter.drawLine(x, top, x, image.height());
    }
    for (int y = top; y < image.height(); y += int(mm)) {
        painter.setPen(QPen(QColor(248, 196, 196), ((y - top) % int(5 * mm)) == 0 ? 1.6 : 0.6));
        painter.drawLine(0, y, image.width(), y);
    }
    const double baseline = top + 30 * mm;
    // Calibration pulse: 1 mV for 0.2 s.
    QPainterPath path;
    path.moveTo(10, baseline);
    path.lineTo(10, baseline - pxPerMv);
    path.lineTo(10 + 0.2 * pxPerSecond, baseline - pxPerMv);
    path.lineTo(10 + 0.2 * pxPerSecond, baseline);
    const double rr = 60.0 / papers.heartRate;
    const double pr = papers.prMs / 1000.0;
    // The same persona always gets the same strip: a small seeded variation between beats.
    QRandomGenerator random(stableSeed(persona.key));
    std::vector<double> rWaves;
    for (double r = 0.45; r < 8.5; r += rr * (0.97 + 0.06 * random.generateDouble()))
        rWaves.push_back(r);
    const double start = 0.2 * pxPerSecond + 30;
    path.moveTo(start, baseline);
    for (double x = start; x < image.width() - 10; x += 1.0) {
        const double t = (x - start) / pxPerSecond;
        double mv = 0;
        for (double r : rWaves) {
            if (std::abs(t - r) < 0.6)
                mv += beat(t - r, pr);
        }
        mv += 0.015 * std::sin(t * 2 * std::numbers::pi * 0.3); // breathing wander
        path.lineTo(x, baseline - mv * pxPerMv);
    }
    painter.setPen(QPen(Qt::black, 2.2));
    painter.drawPath(path);

    painter.fillRect(QRect(0, 0, image.width(), top), Qt::white);
    painter.setPen(Qt::black);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 13, QFont::Bold));
    painter.drawText(
        QRect(12, 0, 700, top), Qt::AlignVCenter,
        QStringLiteral("%1, %2   DOB %3")
            .arg(persona.lastName.toUpper(), persona.firstName, shortDate(persona.birthDate)));
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    painter.drawText(QRect(0, 0, image.width() - 12, top), Qt::AlignVCenter | Qt::AlignRight,
                     QStringLiteral("%1   HR %2 bpm   Lead II   25 mm/s   10 mm/mV")
                         .arg(shortDate(papers.ecgDate))
                         .arg(papers.heartRate));
    painter.drawText(QRect(70, top + 6, 200, 24), Qt::AlignLeft, QStringLiteral("II"));
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    painter.drawText(QRect(12, image.height() - 30, image.width() - 24, 24), Qt::AlignLeft,
                     text(papers.ecgReading));
    return image;
}

void drawRuler(QPainter &painter, const QRect &area)
{
    painter.fillRect(area, QColor(250, 250, 240));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(area);
    const double pxPerCm = 40;
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    for (int mm = 0; mm * pxPerCm / 10 < area.width() - 8; ++mm) {
        const double x = area.left() + 6 + mm * pxPerCm / 10;
        const int length = mm % 10 == 0 ? 16 : (mm % 5 == 0 ? 11 : 6);
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.top() + length));
        if (mm % 10 == 0 && mm > 0)
            painter.drawText(QPointF(x - 4, area.top() + 28), QString::number(mm / 10));
    }
}

QImage photograph(const Persona &persona, const Papers &papers)
{
    QImage image(kPhotoSize, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // A drape behind the body part.
    QLinearGradient drape(0, 0, 0, image.height());
    drape.setColorAt(0, QColor(70, 110, 140));
    drape.setColorAt(1, QColor(40, 70, 95));
    painter.fillRect(image.rect(), drape);

    const QColor skin =
        persona.key == QLatin1String("chris") ? QColor(122, 84, 60) : QColor(226, 180, 150);
    QLinearGradient shade(0, 150, 0, 600);
    shade.setColorAt(0, skin.lighter(112));
    shade.setColorAt(1, skin.darker(115));
    painter.setPen(QPen(skin.darker(140), 2));
    painter.setBrush(shade);
    const QColor red(196, 52, 48, 170);
    QRandomGenerator random(stableSeed(persona.key) ^ 0x5eedu);
    auto spots = [&](const QRectF &area, int count, double size, QColor colour) {
        painter.setPen(Qt::NoPen);
        for (int i = 0; i < count; ++i) {
            colour.setAlpha(120 + int(random.bounded(100)));
            painter.setBrush(colour);
            const double r = size * (0.6 + 0.8 * random.generateDouble());
            painter.drawEllipse(QPointF(area.left() + random.generateDouble() * area.width(),
                                        area.top() + random.generateDouble() * area.height()),
                                r, r);
        }
    };

    switch (papers.photo) {
    case PhotoSubject::Hand: {
        painter.drawRoundedRect(QRectF(300, 260, 360, 300), 120, 120); // back of the hand
        for (int i = 0; i < 4; ++i)
            painter.drawRoundedRect(QRectF(318 + i * 86, 80 + (i == 0 || i == 3 ? 40 : 0), 70, 230),
                                    35, 35);
        painter.drawRoundedRect(QRectF(620, 330, 200, 80), 40, 40); // thumb
        painter.drawRect(QRectF(360, 540, 240, 200));               // wrist
        spots(QRectF(360, 300, 240, 200), 70, 7, red);
        break;
    }
    case PhotoSubject::Legs: {
        for (int side = 0; side < 2; ++side) {
            const double x = 250 + side * 300;
            painter.drawRoundedRect(QRectF(x, 40, 150, 470), 60, 60);       // lower leg
            painter.drawRoundedRect(QRectF(x - 20, 430, 190, 140), 80, 80); // swollen ankle
            painter.drawRoundedRect(QRectF(x - 10, 520, 230, 110), 50, 50); // foot
            painter.setPen(QPen(skin.darker(150), 3));
            painter.drawEllipse(QPointF(x + 75, 470), 12, 8); // pit left by a finger
            painter.setPen(QPen(skin.darker(140), 2));
            painter.setBrush(shade);
        }
        break;
    }
    case PhotoSubject::Forearm: {
        painter.drawRoundedRect(QRectF(80, 260, 860, 230), 110, 110);
        painter.setBrush(QColor(150, 40, 40));
        painter.setPen(QPen(QColor(120, 30, 30), 2));
        QPainterPath flap;
        flap.moveTo(430, 330);
        flap.cubicTo(470, 300, 540, 310, 560, 350);
        flap.cubicTo(540, 400, 470, 405, 430, 330);
        painter.drawPath(flap);
        spots(QRectF(380, 300, 240, 130), 25, 9, QColor(110, 40, 120)); // bruising
        break;
    }
    case PhotoSubject::FootSole: {
        QPainterPath foot;
        foot.moveTo(420, 700);
        foot.cubicTo(300, 650, 330, 420, 360, 260);
        foot.cubicTo(380, 150, 620, 120, 650, 250);
        foot.cubicTo(680, 420, 640, 650, 560, 700);
        foot.closeSubpath();
        painter.drawPath(foot);
        const double toes[][3] = {
            {395, 150, 52}, {470, 118, 34}, {530, 116, 30}, {580, 128, 27}, {622, 152, 24}};
        for (const auto &toe : toes)
            painter.drawEllipse(QPointF(toe[0], toe[1]), toe[2], toe[2] * 1.2);
        painter.setBrush(QColor(236, 214, 160)); // callus
        painter.setPen(QPen(QColor(200, 170, 110), 2));
        painter.drawEllipse(QPointF(420, 280), 48, 36);
        break;
    }
    case PhotoSubject::Heel: {
        painter.drawRoundedRect(QRectF(330, 0, 320, 420), 120, 120); // lower leg
        painter.drawEllipse(QRectF(300, 330, 380, 360));             // heel
        QRadialGradient redness(QPointF(490, 560), 70);
        redness.setColorAt(0, QColor(190, 40, 40, 200));
        redness.setColorAt(1, QColor(190, 40, 40, 0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(redness);
        painter.drawEllipse(QPointF(490, 560), 70, 62);
        break;
    }
    }

    drawRuler(painter, QRect(40, image.height() - 110, 420, 40));
    painter.fillRect(QRect(0, image.height() - 58, image.width(), 58), QColor(0, 0, 0, 170));
    painter.setPen(Qt::white);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    painter.drawText(QRect(16, image.height() - 56, image.width() - 32, 26),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1, %2  ·  DOB %3  ·  %4")
                         .arg(persona.lastName.toUpper(), persona.firstName,
                              shortDate(persona.birthDate), shortDate(papers.photoDate)));
    painter.drawText(QRect(16, image.height() - 30, image.width() - 32, 26),
                     Qt::AlignLeft | Qt::AlignVCenter, text(papers.photoSite));
    return image;
}

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality))
        return {};
    return bytes;
}

QString documentId(const QString &key, int index)
{
    // Our own namespace: the same persona and index give the same id on every run.
    static const QUuid ns(QStringLiteral("{7d3f0c52-1f8e-4b6a-9a43-2c1e5b7d9e10}"));
    return QUuid::createUuidV5(ns, QStringLiteral("%1/%2").arg(key).arg(index))
        .toString(QUuid::WithoutBraces);
}

QDateTime indexedOn(QDate date, int hour)
{
    return QDateTime(date, QTime(hour, 0), Qt::UTC);
}

} // namespace

std::optional<Persona> PersonaDocuments::persona(const QString &firstName)
{
    const QString key = firstName.trimmed().toLower();
    for (const Persona &persona : allPersonas()) {
        if (persona.key == key)
            return persona;
    }
    return std::nullopt;
}

QList<Persona> PersonaDocuments::personas()
{
    return allPersonas();
}

QByteArray PersonaDocuments::ccda(const QString &firstName)
{
    const auto found = persona(firstName);
    if (!found)
        return {};
    QFile file(QStringLiteral(":/sandbox/metriport/%1.xml").arg(found->key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<PersonaDocument> PersonaDocuments::documents(const QString &firstName)
{
    const auto found = persona(firstName);
    if (!found)
        return {};
    QMutexLocker lock(&m_mutex);
    auto cached = m_cache.constFind(found->key);
    if (cached != m_cache.constEnd())
        return *cached;
    QList<PersonaDocument> made = build(*found);
    // Keep only a complete set: without a QGuiApplication only the C-CDA could be made, and a
    // later call (once there is one) should not be stuck with that.
    if (made.size() == 6)
        m_cache.insert(found->key, made);
    return made;
}

std::optional<PersonaDocument> PersonaDocuments::document(const QString &id)
{
    for (const Persona &persona : allPersonas()) {
        for (const PersonaDocument &document : documents(persona.firstName)) {
            if (document.id == id)
                return document;
        }
    }
    return std::nullopt;
}

QList<PersonaDocument> PersonaDocuments::build(const Persona &persona) const
{
    const Papers *papers = papersFor(persona.key);
    Q_ASSERT(papers);
    QList<PersonaDocument> documents;
    auto add = [&](const QString &suffix, const QString &description, const QString &mimeType,
                   QByteArray content, QDate date, const QString &typeCode,
                   const QString &typeDisplay, QSize imageSize = {}) {
        PersonaDocument document;
        document.id = documentId(persona.key, int(documents.size()));
        document.fileName = persona.key + QLatin1Char('-') + suffix;
        document.description = description;
        document.mimeType = mimeType;
        document.size = content.size();
        document.content = std::move(content);
        // The network indexes a document the day after it was written, in the morning.
        document.indexed = indexedOn(date.addDays(1), 9 + int(documents.size()));
        document.typeCode = typeCode;
        document.typeDisplay = typeDisplay;
        document.imageSize = imageSize;
        documents << document;
    };

    const QByteArray ccdaBytes = ccda(persona.firstName);
    if (ccdaBytes.isEmpty())
        return {};
    // The CCD's own date, read from its header rather than kept twice.
    const QByteArray marker = "<effectiveTime value=\"";
    const qsizetype at = ccdaBytes.indexOf(marker);
    const QDate ccdaDate =
        at < 0 ? QDate()
               : QDate::fromString(QString::fromLatin1(ccdaBytes.mid(at + marker.size(), 8)),
                                   QStringLiteral("yyyyMMdd"));
    add(QStringLiteral("ccd.xml"), QStringLiteral("Continuity of Care Document"),
        QStringLiteral("application/xml"), ccdaBytes, ccdaDate, QStringLiteral("34133-9"),
        QStringLiteral("Summary of episode note"));

    // Fonts, and so text in PDFs and images, need a QGuiApplication.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        qWarning("PersonaDocuments: no QGuiApplication, so only the C-CDA is served");
        return documents;
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return documents;
    struct Pdf
    {
        QString suffix;
        QString title;
        QString html;
        QDate date;
        QString typeCode;
        QString typeDisplay;
    };
    const Pdf pdfs[] = {
        {QStringLiteral("discharge-summary.pdf"), text(papers->dischargeTitle),
         dischargeSummaryHtml(persona, *papers), papers->discharged, QStringLiteral("18842-5"),
         QStringLiteral("Discharge summary")},
        {QStringLiteral("lab-report.pdf"), QStringLiteral("Laboratory report"),
         labReportHtml(persona, *papers), papers->collected, QStringLiteral("11502-2"),
         QStringLiteral("Laboratory report")},
        {QStringLiteral("referral-letter.pdf"),
         QStringLiteral("Referral to %1").arg(text(papers->referTo)),
         referralHtml(persona, *papers), papers->referred, QStringLiteral("57133-1"),
         QStringLiteral("Referral note")},
    };
    for (const Pdf &pdf : pdfs) {
        QByteArray bytes = printPdf(pdf.html, pdf.title, dir.path(), pdf.suffix);
        if (bytes.isEmpty())
            return documents;
        add(pdf.suffix, pdf.title, QStringLiteral("application/pdf"), std::move(bytes), pdf.date,
            pdf.typeCode, pdf.typeDisplay);
    }

    const QImage ecg = ecgStrip(persona, *papers);
    add(QStringLiteral("ecg.png"), QStringLiteral("ECG rhythm strip, lead II"),
        QStringLiteral("image/png"), encode(ecg, "PNG"), papers->ecgDate, QStringLiteral("11524-6"),
        QStringLiteral("EKG study"), ecg.size());
    const QImage photo = photograph(persona, *papers);
    add(QStringLiteral("photo.jpg"),
        QStringLiteral("Clinical photograph: %1").arg(text(papers->photoSite)),
        QStringLiteral("image/jpeg"), encode(photo, "JPEG", 85), papers->photoDate,
        QStringLiteral("72170-4"), QStringLiteral("Photographic image"), photo.size());
    return documents;
}
