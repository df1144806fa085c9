// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilitycodes.h"

#include <QCoreApplication>

namespace {

struct CodeName
{
    const char *code;
    const char *name;
};

template<std::size_t N> QString lookup(const CodeName (&table)[N], const QString &code)
{
    if (code.isEmpty())
        return {};
    for (const CodeName &entry : table) {
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("X12", entry.name);
    }
    return code;
}

// X12 code list 1365 (service type), as used by 005010X279A1.
constexpr CodeName serviceTypes[] = {
    {"1", QT_TRANSLATE_NOOP("X12", "Medical care")},
    {"2", QT_TRANSLATE_NOOP("X12", "Surgical")},
    {"3", QT_TRANSLATE_NOOP("X12", "Consultation")},
    {"4", QT_TRANSLATE_NOOP("X12", "Diagnostic X-ray")},
    {"5", QT_TRANSLATE_NOOP("X12", "Diagnostic lab")},
    {"6", QT_TRANSLATE_NOOP("X12", "Radiation therapy")},
    {"7", QT_TRANSLATE_NOOP("X12", "Anesthesia")},
    {"8", QT_TRANSLATE_NOOP("X12", "Surgical assistance")},
    {"9", QT_TRANSLATE_NOOP("X12", "Other medical")},
    {"10", QT_TRANSLATE_NOOP("X12", "Blood charges")},
    {"11", QT_TRANSLATE_NOOP("X12", "Used durable medical equipment")},
    {"12", QT_TRANSLATE_NOOP("X12", "Durable medical equipment purchase")},
    {"13", QT_TRANSLATE_NOOP("X12", "Ambulatory service center facility")},
    {"14", QT_TRANSLATE_NOOP("X12", "Renal supplies in the home")},
    {"15", QT_TRANSLATE_NOOP("X12", "Alternate method dialysis")},
    {"16", QT_TRANSLATE_NOOP("X12", "Chronic renal disease equipment")},
    {"17", QT_TRANSLATE_NOOP("X12", "Pre-admission testing")},
    {"18", QT_TRANSLATE_NOOP("X12", "Durable medical equipment rental")},
    {"19", QT_TRANSLATE_NOOP("X12", "Pneumonia vaccine")},
    {"20", QT_TRANSLATE_NOOP("X12", "Second surgical opinion")},
    {"21", QT_TRANSLATE_NOOP("X12", "Third surgical opinion")},
    {"22", QT_TRANSLATE_NOOP("X12", "Social work")},
    {"23", QT_TRANSLATE_NOOP("X12", "Diagnostic dental")},
    {"24", QT_TRANSLATE_NOOP("X12", "Periodontics")},
    {"25", QT_TRANSLATE_NOOP("X12", "Restorative")},
    {"26", QT_TRANSLATE_NOOP("X12", "Endodontics")},
    {"27", QT_TRANSLATE_NOOP("X12", "Maxillofacial prosthetics")},
    {"28", QT_TRANSLATE_NOOP("X12", "Adjunctive dental services")},
    {"30", QT_TRANSLATE_NOOP("X12", "Health benefit plan coverage")},
    {"32", QT_TRANSLATE_NOOP("X12", "Plan waiting period")},
    {"33", QT_TRANSLATE_NOOP("X12", "Chiropractic")},
    {"34", QT_TRANSLATE_NOOP("X12", "Chiropractic office visits")},
    {"35", QT_TRANSLATE_NOOP("X12", "Dental care")},
    {"36", QT_TRANSLATE_NOOP("X12", "Dental crowns")},
    {"37", QT_TRANSLATE_NOOP("X12", "Dental accident")},
    {"38", QT_TRANSLATE_NOOP("X12", "Orthodontics")},
    {"39", QT_TRANSLATE_NOOP("X12", "Prosthodontics")},
    {"40", QT_TRANSLATE_NOOP("X12", "Oral surgery")},
    {"41", QT_TRANSLATE_NOOP("X12", "Routine (preventive) dental")},
    {"42", QT_TRANSLATE_NOOP("X12", "Home health care")},
    {"43", QT_TRANSLATE_NOOP("X12", "Home health prescriptions")},
    {"44", QT_TRANSLATE_NOOP("X12", "Home health visits")},
    {"45", QT_TRANSLATE_NOOP("X12", "Hospice")},
    {"46", QT_TRANSLATE_NOOP("X12", "Respite care")},
    {"47", QT_TRANSLATE_NOOP("X12", "Hospital")},
    {"48", QT_TRANSLATE_NOOP("X12", "Hospital - inpatient")},
    {"49", QT_TRANSLATE_NOOP("X12", "Hospital - room and board")},
    {"50", QT_TRANSLATE_NOOP("X12", "Hospital - outpatient")},
    {"51", QT_TRANSLATE_NOOP("X12", "Hospital - emergency accident")},
    {"52", QT_TRANSLATE_NOOP("X12", "Hospital - emergency medical")},
    {"53", QT_TRANSLATE_NOOP("X12", "Hospital - ambulatory surgical")},
    {"54", QT_TRANSLATE_NOOP("X12", "Long term care")},
    {"55", QT_TRANSLATE_NOOP("X12", "Major medical")},
    {"56", QT_TRANSLATE_NOOP("X12", "Medically related transportation")},
    {"57", QT_TRANSLATE_NOOP("X12", "Air transportation")},
    {"58", QT_TRANSLATE_NOOP("X12", "Cabulance")},
    {"59", QT_TRANSLATE_NOOP("X12", "Licensed ambulance")},
    {"60", QT_TRANSLATE_NOOP("X12", "General benefits")},
    {"61", QT_TRANSLATE_NOOP("X12", "In-vitro fertilization")},
    {"62", QT_TRANSLATE_NOOP("X12", "MRI/CAT scan")},
    {"63", QT_TRANSLATE_NOOP("X12", "Donor procedures")},
    {"64", QT_TRANSLATE_NOOP("X12", "Acupuncture")},
    {"65", QT_TRANSLATE_NOOP("X12", "Newborn care")},
    {"66", QT_TRANSLATE_NOOP("X12", "Pathology")},
    {"67", QT_TRANSLATE_NOOP("X12", "Smoking cessation")},
    {"68", QT_TRANSLATE_NOOP("X12", "Well baby care")},
    {"69", QT_TRANSLATE_NOOP("X12", "Maternity")},
    {"70", QT_TRANSLATE_NOOP("X12", "Transplants")},
    {"71", QT_TRANSLATE_NOOP("X12", "Audiology exam")},
    {"72", QT_TRANSLATE_NOOP("X12", "Inhalation therapy")},
    {"73", QT_TRANSLATE_NOOP("X12", "Diagnostic medical")},
    {"74", QT_TRANSLATE_NOOP("X12", "Private duty nursing")},
    {"75", QT_TRANSLATE_NOOP("X12", "Prosthetic device")},
    {"76", QT_TRANSLATE_NOOP("X12", "Dialysis")},
    {"77", QT_TRANSLATE_NOOP("X12", "Otological exam")},
    {"78", QT_TRANSLATE_NOOP("X12", "Chemotherapy")},
    {"79", QT_TRANSLATE_NOOP("X12", "Allergy testing")},
    {"80", QT_TRANSLATE_NOOP("X12", "Immunizations")},
    {"81", QT_TRANSLATE_NOOP("X12", "Routine physical")},
    {"82", QT_TRANSLATE_NOOP("X12", "Family planning")},
    {"83", QT_TRANSLATE_NOOP("X12", "Infertility")},
    {"84", QT_TRANSLATE_NOOP("X12", "Abortion")},
    {"85", QT_TRANSLATE_NOOP("X12", "AIDS")},
    {"86", QT_TRANSLATE_NOOP("X12", "Emergency services")},
    {"87", QT_TRANSLATE_NOOP("X12", "Cancer")},
    {"88", QT_TRANSLATE_NOOP("X12", "Pharmacy")},
    {"89", QT_TRANSLATE_NOOP("X12", "Free-standing prescription drug")},
    {"90", QT_TRANSLATE_NOOP("X12", "Mail order prescription drug")},
    {"91", QT_TRANSLATE_NOOP("X12", "Brand name prescription drug")},
    {"92", QT_TRANSLATE_NOOP("X12", "Generic prescription drug")},
    {"93", QT_TRANSLATE_NOOP("X12", "Podiatry")},
    {"94", QT_TRANSLATE_NOOP("X12", "Podiatry - office visits")},
    {"95", QT_TRANSLATE_NOOP("X12", "Podiatry - nursing home visits")},
    {"96", QT_TRANSLATE_NOOP("X12", "Professional (physician)")},
    {"97", QT_TRANSLATE_NOOP("X12", "Anesthesiologist")},
    {"98", QT_TRANSLATE_NOOP("X12", "Office visit")},
    {"99", QT_TRANSLATE_NOOP("X12", "Physician visit - inpatient")},
    {"A0", QT_TRANSLATE_NOOP("X12", "Physician visit - outpatient")},
    {"A1", QT_TRANSLATE_NOOP("X12", "Physician visit - nursing home")},
    {"A2", QT_TRANSLATE_NOOP("X12", "Physician visit - skilled nursing facility")},
    {"A3", QT_TRANSLATE_NOOP("X12", "Physician visit - home")},
    {"A4", QT_TRANSLATE_NOOP("X12", "Psychiatric")},
    {"A5", QT_TRANSLATE_NOOP("X12", "Psychiatric - room and board")},
    {"A6", QT_TRANSLATE_NOOP("X12", "Psychotherapy")},
    {"A7", QT_TRANSLATE_NOOP("X12", "Psychiatric - inpatient")},
    {"A8", QT_TRANSLATE_NOOP("X12", "Psychiatric - outpatient")},
    {"A9", QT_TRANSLATE_NOOP("X12", "Rehabilitation")},
    {"AA", QT_TRANSLATE_NOOP("X12", "Rehabilitation - room and board")},
    {"AB", QT_TRANSLATE_NOOP("X12", "Rehabilitation - inpatient")},
    {"AC", QT_TRANSLATE_NOOP("X12", "Rehabilitation - outpatient")},
    {"AD", QT_TRANSLATE_NOOP("X12", "Occupational therapy")},
    {"AE", QT_TRANSLATE_NOOP("X12", "Physical medicine")},
    {"AF", QT_TRANSLATE_NOOP("X12", "Speech therapy")},
    {"AG", QT_TRANSLATE_NOOP("X12", "Skilled nursing care")},
    {"AH", QT_TRANSLATE_NOOP("X12", "Skilled nursing care - room and board")},
    {"AI", QT_TRANSLATE_NOOP("X12", "Substance abuse")},
    {"AJ", QT_TRANSLATE_NOOP("X12", "Alcoholism")},
    {"AK", QT_TRANSLATE_NOOP("X12", "Drug addiction")},
    {"AL", QT_TRANSLATE_NOOP("X12", "Vision (optometry)")},
    {"AM", QT_TRANSLATE_NOOP("X12", "Frames")},
    {"AN", QT_TRANSLATE_NOOP("X12", "Routine exam")},
    {"AO", QT_TRANSLATE_NOOP("X12", "Lenses")},
    {"AQ", QT_TRANSLATE_NOOP("X12", "Non-medically necessary physical")},
    {"AR", QT_TRANSLATE_NOOP("X12", "Experimental drug therapy")},
    {"B1", QT_TRANSLATE_NOOP("X12", "Burn care")},
    {"B2", QT_TRANSLATE_NOOP("X12", "Brand name prescription drug - formulary")},
    {"B3", QT_TRANSLATE_NOOP("X12", "Brand name prescription drug - non-formulary")},
    {"BA", QT_TRANSLATE_NOOP("X12", "Independent medical evaluation")},
    {"BB", QT_TRANSLATE_NOOP("X12", "Partial hospitalization (psychiatric)")},
    {"BC", QT_TRANSLATE_NOOP("X12", "Day care (psychiatric)")},
    {"BD", QT_TRANSLATE_NOOP("X12", "Cognitive therapy")},
    {"BE", QT_TRANSLATE_NOOP("X12", "Massage therapy")},
    {"BF", QT_TRANSLATE_NOOP("X12", "Pulmonary rehabilitation")},
    {"BG", QT_TRANSLATE_NOOP("X12", "Cardiac rehabilitation")},
    {"BH", QT_TRANSLATE_NOOP("X12", "Pediatric")},
    {"BI", QT_TRANSLATE_NOOP("X12", "Nursery")},
    {"BJ", QT_TRANSLATE_NOOP("X12", "Skin")},
    {"BK", QT_TRANSLATE_NOOP("X12", "Orthopedic")},
    {"BL", QT_TRANSLATE_NOOP("X12", "Cardiac")},
    {"BM", QT_TRANSLATE_NOOP("X12", "Lymphatic")},
    {"BN", QT_TRANSLATE_NOOP("X12", "Gastrointestinal")},
    {"BP", QT_TRANSLATE_NOOP("X12", "Endocrine")},
    {"BQ", QT_TRANSLATE_NOOP("X12", "Neurology")},
    {"BR", QT_TRANSLATE_NOOP("X12", "Eye")},
    {"BS", QT_TRANSLATE_NOOP("X12", "Invasive procedures")},
    {"BT", QT_TRANSLATE_NOOP("X12", "Gynecological")},
    {"BU", QT_TRANSLATE_NOOP("X12", "Obstetrical")},
    {"BV", QT_TRANSLATE_NOOP("X12", "Obstetrical/gynecological")},
    {"BW", QT_TRANSLATE_NOOP("X12", "Mail order prescription drug - brand name")},
    {"BX", QT_TRANSLATE_NOOP("X12", "Mail order prescription drug - generic")},
    {"BY", QT_TRANSLATE_NOOP("X12", "Physician visit - office: sick")},
    {"BZ", QT_TRANSLATE_NOOP("X12", "Physician visit - office: well")},
    {"C1", QT_TRANSLATE_NOOP("X12", "Coronary care")},
    {"CA", QT_TRANSLATE_NOOP("X12", "Private duty nursing - inpatient")},
    {"CB", QT_TRANSLATE_NOOP("X12", "Private duty nursing - home")},
    {"CC", QT_TRANSLATE_NOOP("X12", "Surgical benefits - professional (physician)")},
    {"CD", QT_TRANSLATE_NOOP("X12", "Surgical benefits - facility")},
    {"CE", QT_TRANSLATE_NOOP("X12", "Mental health provider - inpatient")},
    {"CF", QT_TRANSLATE_NOOP("X12", "Mental health provider - outpatient")},
    {"CG", QT_TRANSLATE_NOOP("X12", "Mental health facility - inpatient")},
    {"CH", QT_TRANSLATE_NOOP("X12", "Mental health facility - outpatient")},
    {"CI", QT_TRANSLATE_NOOP("X12", "Substance abuse facility - inpatient")},
    {"CJ", QT_TRANSLATE_NOOP("X12", "Substance abuse facility - outpatient")},
    {"CK", QT_TRANSLATE_NOOP("X12", "Screening X-ray")},
    {"CL", QT_TRANSLATE_NOOP("X12", "Screening laboratory")},
    {"CM", QT_TRANSLATE_NOOP("X12", "Mammogram, high risk patient")},
    {"CN", QT_TRANSLATE_NOOP("X12", "Mammogram, low risk patient")},
    {"CO", QT_TRANSLATE_NOOP("X12", "Flu vaccination")},
    {"CP", QT_TRANSLATE_NOOP("X12", "Eyewear and eyewear accessories")},
    {"CQ", QT_TRANSLATE_NOOP("X12", "Case management")},
    {"DG", QT_TRANSLATE_NOOP("X12", "Dermatology")},
    {"DM", QT_TRANSLATE_NOOP("X12", "Durable medical equipment")},
    {"DS", QT_TRANSLATE_NOOP("X12", "Diabetic supplies")},
    {"GF", QT_TRANSLATE_NOOP("X12", "Generic prescription drug - formulary")},
    {"GN", QT_TRANSLATE_NOOP("X12", "Generic prescription drug - non-formulary")},
    {"GY", QT_TRANSLATE_NOOP("X12", "Allergy")},
    {"IC", QT_TRANSLATE_NOOP("X12", "Intensive care")},
    {"MH", QT_TRANSLATE_NOOP("X12", "Mental health")},
    {"NI", QT_TRANSLATE_NOOP("X12", "Neonatal intensive care")},
    {"ON", QT_TRANSLATE_NOOP("X12", "Oncology")},
    {"PT", QT_TRANSLATE_NOOP("X12", "Physical therapy")},
    {"PU", QT_TRANSLATE_NOOP("X12", "Pulmonary")},
    {"RN", QT_TRANSLATE_NOOP("X12", "Renal")},
    {"RT", QT_TRANSLATE_NOOP("X12", "Residential psychiatric treatment")},
    {"TC", QT_TRANSLATE_NOOP("X12", "Transitional care")},
    {"TN", QT_TRANSLATE_NOOP("X12", "Transitional nursery care")},
    {"UC", QT_TRANSLATE_NOOP("X12", "Urgent care")},
};

// EB01 (code list 1390), checked letter by letter against the TR3 order.
constexpr CodeName benefitCodes[] = {
    {"1", QT_TRANSLATE_NOOP("X12", "Active coverage")},
    {"2", QT_TRANSLATE_NOOP("X12", "Active - full risk capitation")},
    {"3", QT_TRANSLATE_NOOP("X12", "Active - services capitated")},
    {"4", QT_TRANSLATE_NOOP("X12", "Active - services capitated to primary care physician")},
    {"5", QT_TRANSLATE_NOOP("X12", "Active - pending investigation")},
    {"6", QT_TRANSLATE_NOOP("X12", "Inactive")},
    {"7", QT_TRANSLATE_NOOP("X12", "Inactive - pending eligibility update")},
    {"8", QT_TRANSLATE_NOOP("X12", "Inactive - pending investigation")},
    {"A", QT_TRANSLATE_NOOP("X12", "Co-insurance")},
    {"B", QT_TRANSLATE_NOOP("X12", "Co-payment")},
    {"C", QT_TRANSLATE_NOOP("X12", "Deductible")},
    {"CB", QT_TRANSLATE_NOOP("X12", "Coverage basis")},
    {"D", QT_TRANSLATE_NOOP("X12", "Benefit description")},
    {"E", QT_TRANSLATE_NOOP("X12", "Exclusions")},
    {"F", QT_TRANSLATE_NOOP("X12", "Limitations")},
    {"G", QT_TRANSLATE_NOOP("X12", "Out of pocket (stop loss)")},
    {"H", QT_TRANSLATE_NOOP("X12", "Unlimited")},
    {"I", QT_TRANSLATE_NOOP("X12", "Non-covered")},
    {"J", QT_TRANSLATE_NOOP("X12", "Cost containment")},
    {"K", QT_TRANSLATE_NOOP("X12", "Reserve")},
    {"L", QT_TRANSLATE_NOOP("X12", "Primary care provider")},
    {"M", QT_TRANSLATE_NOOP("X12", "Pre-existing condition")},
    {"MC", QT_TRANSLATE_NOOP("X12", "Managed care coordinator")},
    {"N", QT_TRANSLATE_NOOP("X12", "Services restricted to following provider")},
    {"O", QT_TRANSLATE_NOOP("X12", "Not deemed a medical necessity")},
    {"P", QT_TRANSLATE_NOOP("X12", "Benefit disclaimer")},
    {"Q", QT_TRANSLATE_NOOP("X12", "Second surgical opinion required")},
    {"R", QT_TRANSLATE_NOOP("X12", "Other or additional payer")},
    {"S", QT_TRANSLATE_NOOP("X12", "Prior year(s) history")},
    {"T", QT_TRANSLATE_NOOP("X12", "Card(s) reported lost/stolen")},
    {"U", QT_TRANSLATE_NOOP("X12", "Contact following entity for information")},
    {"V", QT_TRANSLATE_NOOP("X12", "Cannot process")},
    {"W", QT_TRANSLATE_NOOP("X12", "Other source of data")},
    {"X", QT_TRANSLATE_NOOP("X12", "Health care facility")},
    {"Y", QT_TRANSLATE_NOOP("X12", "Spend down")},
};

constexpr CodeName coverageLevels[] = {
    {"CHD", QT_TRANSLATE_NOOP("X12", "Children only")},
    {"DEP", QT_TRANSLATE_NOOP("X12", "Dependents only")},
    {"ECH", QT_TRANSLATE_NOOP("X12", "Employee and children")},
    {"EMP", QT_TRANSLATE_NOOP("X12", "Employee only")},
    {"ESP", QT_TRANSLATE_NOOP("X12", "Employee and spouse")},
    {"FAM", QT_TRANSLATE_NOOP("X12", "Family")},
    {"IND", QT_TRANSLATE_NOOP("X12", "Individual")},
    {"SPC", QT_TRANSLATE_NOOP("X12", "Spouse and children")},
    {"SPO", QT_TRANSLATE_NOOP("X12", "Spouse only")},
};

constexpr CodeName insuranceTypes[] = {
    {"12", QT_TRANSLATE_NOOP("X12", "Medicare secondary: working aged")},
    {"13", QT_TRANSLATE_NOOP("X12", "Medicare secondary: end-stage renal disease")},
    {"14", QT_TRANSLATE_NOOP("X12", "Medicare secondary: no-fault insurance")},
    {"15", QT_TRANSLATE_NOOP("X12", "Medicare secondary: workers' compensation")},
    {"16", QT_TRANSLATE_NOOP("X12", "Medicare secondary: public health service or federal")},
    {"41", QT_TRANSLATE_NOOP("X12", "Medicare secondary: black lung")},
    {"42", QT_TRANSLATE_NOOP("X12", "Medicare secondary: veterans administration")},
    {"43",
     QT_TRANSLATE_NOOP("X12", "Medicare secondary: large group health plan for the disabled")},
    {"47", QT_TRANSLATE_NOOP("X12", "Medicare secondary: other liability insurance")},
    {"C1", QT_TRANSLATE_NOOP("X12", "Commercial")},
    {"HM", QT_TRANSLATE_NOOP("X12", "HMO")},
    {"HN", QT_TRANSLATE_NOOP("X12", "HMO - Medicare risk")},
    {"MA", QT_TRANSLATE_NOOP("X12", "Medicare Part A")},
    {"MB", QT_TRANSLATE_NOOP("X12", "Medicare Part B")},
    {"MC", QT_TRANSLATE_NOOP("X12", "Medicaid")},
    {"OT", QT_TRANSLATE_NOOP("X12", "Other")},
    {"PR", QT_TRANSLATE_NOOP("X12", "PPO")},
    {"PS", QT_TRANSLATE_NOOP("X12", "Point of service (POS)")},
    {"QM", QT_TRANSLATE_NOOP("X12", "Qualified Medicare beneficiary")},
};

constexpr CodeName timePeriods[] = {
    {"6", QT_TRANSLATE_NOOP("X12", "Hour")},
    {"7", QT_TRANSLATE_NOOP("X12", "Day")},
    {"13", QT_TRANSLATE_NOOP("X12", "24 hours")},
    {"21", QT_TRANSLATE_NOOP("X12", "Years")},
    {"22", QT_TRANSLATE_NOOP("X12", "Service year")},
    {"23", QT_TRANSLATE_NOOP("X12", "Calendar year")},
    {"24", QT_TRANSLATE_NOOP("X12", "Year to date")},
    {"25", QT_TRANSLATE_NOOP("X12", "Contract")},
    {"26", QT_TRANSLATE_NOOP("X12", "Episode")},
    {"27", QT_TRANSLATE_NOOP("X12", "Visit")},
    {"28", QT_TRANSLATE_NOOP("X12", "Outlier")},
    {"29", QT_TRANSLATE_NOOP("X12", "Remaining")},
    {"30", QT_TRANSLATE_NOOP("X12", "Exceeded")},
    {"31", QT_TRANSLATE_NOOP("X12", "Not exceeded")},
    {"32", QT_TRANSLATE_NOOP("X12", "Lifetime")},
    {"33", QT_TRANSLATE_NOOP("X12", "Lifetime remaining")},
    {"34", QT_TRANSLATE_NOOP("X12", "Month")},
    {"35", QT_TRANSLATE_NOOP("X12", "Week")},
    {"36", QT_TRANSLATE_NOOP("X12", "Admission")},
};

constexpr CodeName quantityQualifiers[] = {
    {"8H", QT_TRANSLATE_NOOP("X12", "Minimum")},
    {"99", QT_TRANSLATE_NOOP("X12", "Quantity used")},
    {"CA", QT_TRANSLATE_NOOP("X12", "Covered - actual")},
    {"CE", QT_TRANSLATE_NOOP("X12", "Covered - estimated")},
    {"D3", QT_TRANSLATE_NOOP("X12", "Number of co-insurance days")},
    {"DB", QT_TRANSLATE_NOOP("X12", "Deductible blood units")},
    {"DY", QT_TRANSLATE_NOOP("X12", "Days")},
    {"HS", QT_TRANSLATE_NOOP("X12", "Hours")},
    {"LA", QT_TRANSLATE_NOOP("X12", "Lifetime reserve - actual")},
    {"LE", QT_TRANSLATE_NOOP("X12", "Lifetime reserve - estimated")},
    {"M2", QT_TRANSLATE_NOOP("X12", "Maximum")},
    {"MN", QT_TRANSLATE_NOOP("X12", "Months")},
    {"P6", QT_TRANSLATE_NOOP("X12", "Number of services or procedures")},
    {"QA", QT_TRANSLATE_NOOP("X12", "Quantity approved")},
    {"S7", QT_TRANSLATE_NOOP("X12", "Age, high value")},
    {"S8", QT_TRANSLATE_NOOP("X12", "Age, low value")},
    {"VS", QT_TRANSLATE_NOOP("X12", "Visits")},
    {"YY", QT_TRANSLATE_NOOP("X12", "Years")},
};

constexpr CodeName authorizations[] = {
    {"Y", QT_TRANSLATE_NOOP("X12", "Prior authorization required")},
    {"N", QT_TRANSLATE_NOOP("X12", "No prior authorization required")},
    {"U", QT_TRANSLATE_NOOP("X12", "Prior authorization unknown")},
};

constexpr CodeName networks[] = {
    {"Y", QT_TRANSLATE_NOOP("X12", "In network")},
    {"N", QT_TRANSLATE_NOOP("X12", "Out of network")},
    {"W", QT_TRANSLATE_NOOP("X12", "In and out of network")},
    {"U", QT_TRANSLATE_NOOP("X12", "Network unknown")},
};

constexpr CodeName dateQualifiers[] = {
    {"096", QT_TRANSLATE_NOOP("X12", "Discharge")},
    {"102", QT_TRANSLATE_NOOP("X12", "Issue")},
    {"152", QT_TRANSLATE_NOOP("X12", "Effective date of change")},
    {"193", QT_TRANSLATE_NOOP("X12", "Period start")},
    {"194", QT_TRANSLATE_NOOP("X12", "Period end")},
    {"198", QT_TRANSLATE_NOOP("X12", "Completion")},
    {"290", QT_TRANSLATE_NOOP("X12", "Coordination of benefits")},
    {"291", QT_TRANSLATE_NOOP("X12", "Plan")},
    {"292", QT_TRANSLATE_NOOP("X12", "Benefit")},
    {"295", QT_TRANSLATE_NOOP("X12", "Primary care provider")},
    {"304", QT_TRANSLATE_NOOP("X12", "Latest visit or consultation")},
    {"307", QT_TRANSLATE_NOOP("X12", "Eligibility")},
    {"318", QT_TRANSLATE_NOOP("X12", "Added")},
    {"340", QT_TRANSLATE_NOOP("X12", "COBRA begin")},
    {"341", QT_TRANSLATE_NOOP("X12", "COBRA end")},
    {"342", QT_TRANSLATE_NOOP("X12", "Premium paid to date begin")},
    {"343", QT_TRANSLATE_NOOP("X12", "Premium paid to date end")},
    {"346", QT_TRANSLATE_NOOP("X12", "Plan begin")},
    {"347", QT_TRANSLATE_NOOP("X12", "Plan end")},
    {"348", QT_TRANSLATE_NOOP("X12", "Benefit begin")},
    {"349", QT_TRANSLATE_NOOP("X12", "Benefit end")},
    {"356", QT_TRANSLATE_NOOP("X12", "Eligibility begin")},
    {"357", QT_TRANSLATE_NOOP("X12", "Eligibility end")},
    {"435", QT_TRANSLATE_NOOP("X12", "Admission")},
    {"472", QT_TRANSLATE_NOOP("X12", "Service")},
    {"636", QT_TRANSLATE_NOOP("X12", "Last update")},
};

constexpr CodeName relationships[] = {
    {"01", QT_TRANSLATE_NOOP("X12", "Spouse")},
    {"18", QT_TRANSLATE_NOOP("X12", "Self")},
    {"19", QT_TRANSLATE_NOOP("X12", "Child")},
    {"20", QT_TRANSLATE_NOOP("X12", "Employee")},
    {"21", QT_TRANSLATE_NOOP("X12", "Unknown")},
    {"39", QT_TRANSLATE_NOOP("X12", "Organ donor")},
    {"40", QT_TRANSLATE_NOOP("X12", "Cadaver donor")},
    {"53", QT_TRANSLATE_NOOP("X12", "Life partner")},
    {"G8", QT_TRANSLATE_NOOP("X12", "Other relationship")},
};

constexpr CodeName entities[] = {
    {"03", QT_TRANSLATE_NOOP("X12", "Dependent")},
    {"13", QT_TRANSLATE_NOOP("X12", "Contracted service provider")},
    {"1I", QT_TRANSLATE_NOOP("X12", "Preferred provider organization (PPO)")},
    {"1P", QT_TRANSLATE_NOOP("X12", "Provider")},
    {"2B", QT_TRANSLATE_NOOP("X12", "Third-party administrator")},
    {"36", QT_TRANSLATE_NOOP("X12", "Employer")},
    {"73", QT_TRANSLATE_NOOP("X12", "Other physician")},
    {"FA", QT_TRANSLATE_NOOP("X12", "Facility")},
    {"GP", QT_TRANSLATE_NOOP("X12", "Gateway provider")},
    {"GW", QT_TRANSLATE_NOOP("X12", "Group")},
    {"I3", QT_TRANSLATE_NOOP("X12", "Independent physicians association (IPA)")},
    {"IL", QT_TRANSLATE_NOOP("X12", "Insured or subscriber")},
    {"LR", QT_TRANSLATE_NOOP("X12", "Legal representative")},
    {"P3", QT_TRANSLATE_NOOP("X12", "Primary care provider")},
    {"P4", QT_TRANSLATE_NOOP("X12", "Prior insurance carrier")},
    {"P5", QT_TRANSLATE_NOOP("X12", "Plan sponsor")},
    {"PR", QT_TRANSLATE_NOOP("X12", "Payer")},
    {"PRP", QT_TRANSLATE_NOOP("X12", "Primary payer")},
    {"SEP", QT_TRANSLATE_NOOP("X12", "Secondary payer")},
    {"TTP", QT_TRANSLATE_NOOP("X12", "Tertiary payer")},
    {"VN", QT_TRANSLATE_NOOP("X12", "Vendor")},
    {"X3", QT_TRANSLATE_NOOP("X12", "Utilization management organization")},
    {"Y2", QT_TRANSLATE_NOOP("X12", "Managed care organization")},
};

} // namespace

QString EligibilityCodes::serviceTypeName(const QString &code)
{
    return lookup(serviceTypes, code);
}

QString EligibilityCodes::benefitCodeName(const QString &code)
{
    return lookup(benefitCodes, code);
}

QString EligibilityCodes::coverageLevelName(const QString &code)
{
    return lookup(coverageLevels, code);
}

QString EligibilityCodes::insuranceTypeName(const QString &code)
{
    return lookup(insuranceTypes, code);
}

QString EligibilityCodes::timePeriodName(const QString &code)
{
    return lookup(timePeriods, code);
}

QString EligibilityCodes::quantityQualifierName(const QString &code)
{
    return lookup(quantityQualifiers, code);
}

QString EligibilityCodes::authorizationName(const QString &code)
{
    return lookup(authorizations, code);
}

QString EligibilityCodes::networkName(const QString &code)
{
    return lookup(networks, code);
}

QString EligibilityCodes::dateQualifierName(const QString &code)
{
    return lookup(dateQualifiers, code);
}

QString EligibilityCodes::relationshipName(const QString &code)
{
    return lookup(relationships, code);
}

QString EligibilityCodes::entityName(const QString &code)
{
    return lookup(entities, code);
}

bool EligibilityCodes::isActiveCoverage(const QString &benefitCode)
{
    return benefitCode.size() == 1 && benefitCode.at(0) >= QLatin1Char('1') &&
           benefitCode.at(0) <= QLatin1Char('5');
}

bool EligibilityCodes::isInactiveCoverage(const QString &benefitCode)
{
    return benefitCode.size() == 1 && benefitCode.at(0) >= QLatin1Char('6') &&
           benefitCode.at(0) <= QLatin1Char('8');
}
