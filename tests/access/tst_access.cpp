// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The permission matrix, written out here a second time on purpose: a change to what a role may
// do must be made in both places, deliberately. Also the role codes the database keeps.
#include "services/domain/access.h"

#include <QTest>

namespace {
using P = Permission;
} // namespace

class TestAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matrix_data();
    void matrix();
    void everyPermissionHasSomeRole();
    void roleCodesRoundTrip();
    void sessionWithoutUserMayDoNothing();
    void breakGlassGrantsOnlyTheRecords();
};

void TestAccess::matrix_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QList<Permission>>("allowed");
    QTest::newRow("front desk") << Role::FrontDesk
                                << QList<Permission>{P::PatientsRead, P::PatientsEdit,
                                                     P::EligibilityRun, P::EligibilityRead,
                                                     P::Schedule, P::Reports};
    QTest::newRow("biller") << Role::Biller
                            << QList<Permission>{P::PatientsRead, P::EligibilityRead,
                                                 P::ClaimsRead, P::ClaimsEdit, P::Remittance};
    QTest::newRow("clinical") << Role::Clinical
                              << QList<Permission>{P::PatientsRead, P::EligibilityRead,
                                                   P::Schedule, P::MedicalHistory, P::Documents,
                                                   P::Reconcile};
    QTest::newRow("administrator") << Role::Administrator
                                   << QList<Permission>{P::PatientsRead, P::Users, P::Settings,
                                                        P::AuditRead};
}

void TestAccess::matrix()
{
    QFETCH(Role, role);
    QFETCH(QList<Permission>, allowed);
    for (Permission permission : Access::allPermissions()) {
        QVERIFY2(Access::allows(role, permission) == allowed.contains(permission),
                 qPrintable(roleCode(role) + QStringLiteral(" / ") + permissionCode(permission)));
    }
    QCOMPARE(Access::permissions(role), allowed);
}

void TestAccess::everyPermissionHasSomeRole()
{
    for (Permission permission : Access::allPermissions()) {
        bool someone = false;
        for (Role role : Access::roles())
            someone = someone || Access::allows(role, permission);
        QVERIFY2(someone, qPrintable(permissionCode(permission)));
        QVERIFY(!permissionCode(permission).isEmpty());
    }
    // Nobody but the clinical role reads medical history without break-glass.
    for (Role role : Access::roles())
        QCOMPARE(Access::allows(role, P::MedicalHistory), role == Role::Clinical);
}

void TestAccess::roleCodesRoundTrip()
{
    for (Role role : Access::roles()) {
        QCOMPARE(roleFromCode(roleCode(role)), std::optional<Role>(role));
        QVERIFY(!roleTitle(role).isEmpty());
    }
    QCOMPARE(roleFromCode(QStringLiteral("root")), std::nullopt);
    QCOMPARE(roleFromCode(QString()), std::nullopt);
}

void TestAccess::sessionWithoutUserMayDoNothing()
{
    Session nobody;
    nobody.role = Role::Administrator;
    for (Permission permission : Access::allPermissions())
        QVERIFY(!nobody.can(permission));
    Session admin = nobody;
    admin.userName = QStringLiteral("admin1");
    QVERIFY(admin.can(P::Users));
    QVERIFY(!admin.can(P::MedicalHistory));
}

void TestAccess::breakGlassGrantsOnlyTheRecords()
{
    QVERIFY(Access::breakGlassGrants(P::MedicalHistory));
    QVERIFY(Access::breakGlassGrants(P::Documents));
    for (Permission permission : {P::Users, P::Settings, P::AuditRead, P::ClaimsEdit,
                                  P::PatientsEdit, P::Reconcile})
        QVERIFY(!Access::breakGlassGrants(permission));
}

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
