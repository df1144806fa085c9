// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxpatientmatcher.h"

#include <QTest>

namespace {
MetriportJson::Demographics kyla()
{
    MetriportJson::Demographics d;
    d.firstName = QStringLiteral("Kyla");
    d.lastName = QStringLiteral("Brown");
    d.dob = QDate(1927, 5, 23);
    d.genderAtBirth = QStringLiteral("F");
    MetriportJson::Address address;
    address.addressLine1 = QStringLiteral("123 DustyDepot Ave");
    address.city = QStringLiteral("Springfield");
    address.state = QStringLiteral("OR");
    address.zip = QStringLiteral("10001");
    d.address = {address};
    return d;
}
} // namespace

class TestSandboxPatientMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metriportRule_data();
    void metriportRule();
};

void TestSandboxPatientMatcher::metriportRule_data()
{
    QTest::addColumn<MetriportJson::Demographics>("other");
    QTest::addColumn<bool>("match");
    const MetriportJson::Demographics base = kyla();
    QTest::newRow("same") << base << true;
    auto changed = [&](auto change) {
        MetriportJson::Demographics d = base;
        change(d);
        return d;
    };
    QTest::newRow("case and spaces") << changed([](auto &d) { d.firstName = QStringLiteral("  KYLA "); }) << true;
    QTest::newRow("second given name ignored") << changed([](auto &d) { d.firstName = QStringLiteral("Kyla,Kay"); }) << true;
    QTest::newRow("typo in street") << changed([](auto &d) { d.address[0].addressLine1 = QStringLiteral("123 Dustydepot Av"); }) << true;
    QTest::newRow("other dob") << changed([](auto &d) { d.dob = QDate(1927, 5, 24); }) << false;
    QTest::newRow("other gender") << changed([](auto &d) { d.genderAtBirth = QStringLiteral("U"); }) << false;
    QTest::newRow("married name") << changed([](auto &d) { d.lastName = QStringLiteral("Fields"); }) << false;
    QTest::newRow("other first name") << changed([](auto &d) { d.firstName = QStringLiteral("Ollie"); }) << false;
    QTest::newRow("other town") << changed([](auto &d) {
        d.address[0] = {QStringLiteral("9 Harbor Rd"), {}, QStringLiteral("Portland"),
                        QStringLiteral("ME"), QStringLiteral("04101"), QStringLiteral("USA")};
    }) << false;
}

void TestSandboxPatientMatcher::metriportRule()
{
    QFETCH(MetriportJson::Demographics, other);
    QFETCH(bool, match);
    QCOMPARE(SandboxPatientMatcher::matches(kyla(), other), match);
    QCOMPARE(SandboxPatientMatcher::matches(other, kyla()), match);
}

QTEST_GUILESS_MAIN(TestSandboxPatientMatcher)
#include "tst_sandboxpatientmatcher.moc"
