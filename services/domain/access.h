// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

//! What a person does at the clinic: each user has one.
enum class Role { FrontDesk, Biller, Clinical, Administrator };

//! What a role may do. Each menu, action and service call that touches PHI names one.
enum class Permission {
    PatientsRead,       // find and read a patient's demographics and coverage
    PatientsEdit,       // register, edit and merge patients
    EligibilityRun,     // verify insurance (270/271)
    EligibilityRead,    // read verification results
    Schedule,           // the appointment book
    Reports,            // verification reports and day sheets: print and export
    ClaimsRead,         // read claims and the dashboard
    ClaimsEdit,         // create, submit and correct claims
    Remittance,         // import and apply 835 remittances
    MedicalHistory,     // outside records, the clinical summary, the chart
    Documents,          // open clinical documents in the viewer
    Reconcile,          // reconcile outside records into the chart
    Users,              // create users, set roles, unlock accounts
    Settings,           // clinic settings, payor and network connections
    AuditRead,          // the audit log, accounting of access, break-glass review
};

QString roleCode(Role role);                         // "front_desk", "biller", …
std::optional<Role> roleFromCode(const QString &code);
QString roleTitle(Role role);                        // translated: "Front desk", …
QString permissionCode(Permission permission);       // "patients.read", … (for audit rows)

//! Who is signed in at this desk, and with which role.
struct Session
{
    QString userName;
    QString fullName;
    Role role = Role::FrontDesk;
    bool isValid() const { return !userName.isEmpty(); }
    bool can(Permission permission) const;
};

/*!
  The permission matrix, kept here and nowhere else: the UI hides what a role may not use, and
  the services refuse it too, both asking `allows`. Medical history is the clinical role's;
  others reach a patient's records only through break-glass.
 */
class Access
{
public:
    static bool allows(Role role, Permission permission);
    static QList<Permission> permissions(Role role);
    static QList<Role> roles();
    static QList<Permission> allPermissions();
    //! Whether break-glass can grant this permission for one patient (the clinical record
    //! permissions: what an emergency needs).
    static bool breakGlassGrants(Permission permission);
};
