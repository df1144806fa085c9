// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlesssupport.h"

#include "services/eligibility/benefitsummary.h"
#include "services/patients/patientservice.h"

#include <QCoreApplication>

namespace Headless {

std::optional<Patient> findPatient(PatientService &patients, const QString &patientArg,
                                   QTextStream &err, int *exitCode)
{
    bool isId = false;
    const qint64 id = patientArg.toLongLong(&isId);
    if (isId) {
        const StoreResult<Patient> opened = await(patients.open(id));
        if (opened)
            return *opened;
    }
    const StoreResult<PatientSearchResult> found = await(patients.search(patientArg, 20));
    if (!found) {
        err << found.error() << Qt::endl;
        *exitCode = 1;
        return std::nullopt;
    }
    if (found->patients.size() > 1) {
        err << QCoreApplication::translate("Headless", "\"%1\" matches %n patients; give the ID:",
                                           nullptr, int(found->patients.size()))
                   .arg(patientArg)
            << Qt::endl;
        for (const Patient &p : found->patients)
            err << QStringLiteral("  %1  %2  %3")
                       .arg(p.id)
                       .arg(p.displayName(), BenefitSummary::formatDate(p.dateOfBirth))
                << Qt::endl;
        *exitCode = 2;
        return std::nullopt;
    }
    if (found->patients.size() == 1) {
        // Opening the record is what the audit trail needs to see.
        const StoreResult<Patient> opened = await(patients.open(found->patients.first().id));
        if (!opened) {
            err << opened.error() << Qt::endl;
            *exitCode = 1;
            return std::nullopt;
        }
        return *opened;
    }
    err << QCoreApplication::translate("Headless", "No patient matches \"%1\".").arg(patientArg)
        << Qt::endl;
    *exitCode = 2;
    return std::nullopt;
}

} // namespace Headless
