// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/access.h"

#include <QCoreApplication>

namespace {
using P = Permission;

// The matrix. Minimum necessary (HIPAA 164.514(d)): each role has what its work needs.
// - Front desk: patients, insurance, the schedule, reports.
// - Biller: claims and remittance, with the patients and verification results claims need.
// - Clinical: medical history, documents and reconciliation, with patients and the schedule.
// - Administrator: users, settings and the audit trail, and patients' demographics (to answer
//   an accounting of access); no medical history without break-glass.
bool matrix(Role role, Permission permission)
{
    switch (role) {
    case Role::FrontDesk:
        switch (permission) {
        case P::PatientsRead:
        case P::PatientsEdit:
        case P::EligibilityRun:
        case P::EligibilityRead:
        case P::Schedule:
        case P::Reports:
            return true;
        default:
            return false;
        }
    case Role::Biller:
        switch (permission) {
        case P::PatientsRead:
        case P::EligibilityRead:
        case P::ClaimsRead:
        case P::ClaimsEdit:
        case P::Remittance:
            return true;
        default:
            return false;
        }
    case Role::Clinical:
        switch (permission) {
        case P::PatientsRead:
        case P::EligibilityRead:
        case P::Schedule:
        case P::MedicalHistory:
        case P::Documents:
        case P::Reconcile:
            return true;
        default:
            return false;
        }
    case Role::Administrator:
        switch (permission) {
        case P::PatientsRead:
        case P::Users:
        case P::Settings:
        case P::AuditRead:
            return true;
        default:
            return false;
        }
    }
    return false;
}
} // namespace

QString roleCode(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return QStringLiteral("front_desk");
    case Role::Biller:
        return QStringLiteral("biller");
    case Role::Clinical:
        return QStringLiteral("clinical");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

std::optional<Role> roleFromCode(const QString &code)
{
    for (Role role : Access::roles()) {
        if (roleCode(role) == code)
            return role;
    }
    return std::nullopt;
}

QString roleTitle(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return QCoreApplication::translate("Access", "Front desk");
    case Role::Biller:
        return QCoreApplication::translate("Access", "Biller");
    case Role::Clinical:
        return QCoreApplication::translate("Access", "Clinical");
    case Role::Administrator:
        return QCoreApplication::translate("Access", "Administrator");
    }
    return {};
}

QString permissionCode(Permission permission)
{
    switch (permission) {
    case P::PatientsRead:
        return QStringLiteral("patients.read");
    case P::PatientsEdit:
        return QStringLiteral("patients.edit");
    case P::EligibilityRun:
        return QStringLiteral("eligibility.run");
    case P::EligibilityRead:
        return QStringLiteral("eligibility.read");
    case P::Schedule:
        return QStringLiteral("schedule");
    case P::Reports:
        return QStringLiteral("reports");
    case P::ClaimsRead:
        return QStringLiteral("claims.read");
    case P::ClaimsEdit:
        return QStringLiteral("claims.edit");
    case P::Remittance:
        return QStringLiteral("remittance");
    case P::MedicalHistory:
        return QStringLiteral("medical_history");
    case P::Documents:
        return QStringLiteral("documents");
    case P::Reconcile:
        return QStringLiteral("reconcile");
    case P::Users:
        return QStringLiteral("users");
    case P::Settings:
        return QStringLiteral("settings");
    case P::AuditRead:
        return QStringLiteral("audit.read");
    }
    return {};
}

bool Session::can(Permission permission) const
{
    return isValid() && Access::allows(role, permission);
}

bool Access::allows(Role role, Permission permission)
{
    return matrix(role, permission);
}

QList<Permission> Access::permissions(Role role)
{
    QList<Permission> allowed;
    for (Permission permission : allPermissions()) {
        if (allows(role, permission))
            allowed.append(permission);
    }
    return allowed;
}

QList<Role> Access::roles()
{
    return {Role::FrontDesk, Role::Biller, Role::Clinical, Role::Administrator};
}

QList<Permission> Access::allPermissions()
{
    return {P::PatientsRead, P::PatientsEdit, P::EligibilityRun, P::EligibilityRead, P::Schedule,
            P::Reports,      P::ClaimsRead,   P::ClaimsEdit,     P::Remittance,      P::MedicalHistory,
            P::Documents,    P::Reconcile,    P::Users,          P::Settings,        P::AuditRead};
}

bool Access::breakGlassGrants(Permission permission)
{
    return permission == P::MedicalHistory || permission == P::Documents;
}
