// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The duplicate scorer on pairs of people: typos, nicknames, swapped names, hyphenated and
// double last names, married names, twins, neighbours; who is scored at all (the block), what
// verdict each pair gets and the reasons given.
#include "services/patients/duplicatenicknames.h"
#include "services/patients/duplicatescorer.h"

#include <QTest>

Q_DECLARE_METATYPE(DuplicateVerdict)

namespace {
const QDate born(1927, 5, 23);

struct Person
{
    QString first;
    QString last;
    QString middle = {};
    QDate dob = born;
    Gender gender = Gender::Female;
    QString street = {};
    QString zip = {};
    QString phone = {};
    QString email = {};
    QString mrn = {};
    QStringList memberIds = {};

    DuplicateSubject subject() const
    {
        Patient p;
        p.firstName = first;
        p.middleName = middle;
        p.lastName = last;
        p.dateOfBirth = dob;
        p.gender = gender;
        p.address.line1 = street;
        p.address.zip = zip;
        p.phone = phone;
        p.email = email;
        p.mrn = mrn;
        return {p, memberIds};
    }
};
} // namespace
Q_DECLARE_METATYPE(Person)

class TestDuplicateScorer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairs_data();
    void pairs();
    void outsideTheBlockIsNeverScored_data();
    void outsideTheBlockIsNeverScored();
    void contactDetailsNeverLowerTheScore();
    void normalizedName_data();
    void normalizedName();
    void phoneDigits();
    void nicknames_data();
    void nicknames();
    void verdictThresholds();
};

void TestDuplicateScorer::pairs_data()
{
    QTest::addColumn<Person>("typed");
    QTest::addColumn<Person>("stored");
    QTest::addColumn<DuplicateVerdict>("verdict");
    QTest::addColumn<QString>("reason"); // one of the reasons given (empty: none checked)

    const auto likely = DuplicateVerdict::Likely;
    const auto possible = DuplicateVerdict::Possible;
    const auto different = DuplicateVerdict::Different;
    const QString street = QStringLiteral("123 DustyDepot Ave");
    const QString zip = QStringLiteral("97477");
    const QString phone = QStringLiteral("541-555-0103");

    // The issue's demo: Kyla Brown (seeded) registered again under her married name.
    Person kylaBrown{"Kyla", "Brown"};
    kylaBrown.street = street;
    kylaBrown.zip = zip;
    kylaBrown.phone = phone;
    QTest::newRow("married name") << Person{"Kyla", "Fields"} << kylaBrown << possible
                                  << QStringLiteral("first name Kyla = Kyla");
    QTest::newRow("married name: block reason") << Person{"Kyla", "Fields"} << kylaBrown << possible
                                                << QStringLiteral("same date of birth and sex");
    Person kylaFieldsAtHome{"Kyla", "Fields"};
    kylaFieldsAtHome.street = QStringLiteral("123 Dustydepot Avenue.");
    kylaFieldsAtHome.zip = zip;
    kylaFieldsAtHome.phone = QStringLiteral("(541) 555 0103");
    QTest::newRow("married name, same phone, address spelt otherwise")
        << kylaFieldsAtHome << kylaBrown << possible << QStringLiteral("same phone");

    // Same first name and birthday, another last name, living elsewhere: someone else.
    Person kylaFieldsElsewhere{"Kyla", "Fields"};
    kylaFieldsElsewhere.street = QStringLiteral("9 Oak Ridge Rd");
    kylaFieldsElsewhere.zip = QStringLiteral("97402");
    QTest::newRow("another last name, another address") << kylaFieldsElsewhere << kylaBrown
                                                        << different << QString();
    Person kylaFieldsOtherPhone{"Kyla", "Fields"};
    kylaFieldsOtherPhone.phone = QStringLiteral("541-555-0199");
    QTest::newRow("another last name, another phone") << kylaFieldsOtherPhone << kylaBrown
                                                      << different << QString();
    Person kylaFieldsMoved = kylaFieldsOtherPhone;
    kylaFieldsMoved.street = street;
    QTest::newRow("another last name and phone, same address")
        << kylaFieldsMoved << kylaBrown << possible << QStringLiteral("same address");

    QTest::newRow("same name, nothing else") << Person{"Kyla", "Brown"} << kylaBrown << likely
                                             << QStringLiteral("last name Brown = Brown");
    QTest::newRow("case, accents, punctuation")
        << Person{"JOSÉ", "O'BRIEN", {}, born, Gender::Male}
        << Person{"Jose", "OBrien", {}, born, Gender::Male} << likely << QString();

    // Spelling slips.
    QTest::newRow("first name typo") << Person{"Jhon", "Smith", {}, born, Gender::Male}
                                     << Person{"John", "Smith", {}, born, Gender::Male} << possible
                                     << QStringLiteral("first name Jhon ≈ John (spelling)");
    Person johnAtHome{"John", "Smith", {}, born, Gender::Male, street, zip, phone};
    Person jhonAtHome = johnAtHome;
    jhonAtHome.first = QStringLiteral("Jhon");
    // A slip of the first name with the household's details is still only possible: twins
    // share those too.
    QTest::newRow("first name typo, same household")
        << jhonAtHome << johnAtHome << possible << QStringLiteral("same address");
    Person jhonWithEmail = jhonAtHome;
    jhonWithEmail.email = QStringLiteral("J.Smith@example.com");
    Person johnWithEmail = johnAtHome;
    johnWithEmail.email = QStringLiteral("j.smith@EXAMPLE.com");
    QTest::newRow("first name typo, same email")
        << jhonWithEmail << johnWithEmail << likely << QStringLiteral("same email");
    Person jhonWithCard = jhonAtHome;
    jhonWithCard.memberIds = {QStringLiteral("W123456789")};
    Person johnWithCard = johnAtHome;
    johnWithCard.memberIds = {QStringLiteral("X1"), QStringLiteral("w123456789")};
    QTest::newRow("first name typo, same member ID")
        << jhonWithCard << johnWithCard << likely << QStringLiteral("same insurance member ID");
    QTest::newRow("last name typo")
        << Person{"Kyla", "Smyth"} << Person{"Kyla", "Smith"} << possible
        << QStringLiteral("last name Smyth ≈ Smith (spelling)");
    Person smythAtHome{"Kyla", "Smyth", {}, born, Gender::Female, {}, {}, phone};
    QTest::newRow("last name typo, same phone")
        << smythAtHome << Person{"Kyla", "Smith", {}, born, Gender::Female, {}, {}, phone} << likely
        << QStringLiteral("same phone");
    QTest::newRow("first initial") << Person{"J", "Smith", {}, born, Gender::Male}
                                   << Person{"John", "Smith", {}, born, Gender::Male} << possible
                                   << QStringLiteral("first initial matches: J / John");

    // Nicknames.
    QTest::newRow("nickname") << Person{"Bob", "Miller", {}, born, Gender::Male}
                              << Person{"Robert", "Miller", {}, born, Gender::Male} << possible
                              << QStringLiteral("nickname: Bob = Robert");
    QTest::newRow("nickname, same phone")
        << Person{"Bob", "Miller", {}, born, Gender::Male, {}, {}, phone}
        << Person{"Robert", "Miller", {}, born, Gender::Male, {}, {}, phone} << likely
        << QStringLiteral("nickname: Bob = Robert");
    QTest::newRow("two nicknames of one name")
        << Person{"Bill", "Jones", {}, born, Gender::Male}
        << Person{"Will", "Jones", {}, born, Gender::Male} << possible
        << QStringLiteral("nickname: Bill = Will (William)");
    QTest::newRow("nickname, same address")
        << Person{"Peggy", "Olson", {}, born, Gender::Female, street, zip}
        << Person{"Margaret", "Olson", {}, born, Gender::Female, street, zip} << likely
        << QStringLiteral("same address");
    QTest::newRow("nickname and married name")
        << Person{"Liz", "Fields"} << Person{"Elizabeth", "Brown"} << possible
        << QStringLiteral("nickname: Liz = Elizabeth");

    // Swapped names.
    QTest::newRow("first and last swapped")
        << Person{"Smith", "John", {}, born, Gender::Male}
        << Person{"John", "Smith", {}, born, Gender::Male} << possible
        << QStringLiteral("first and last names swapped: Smith John / John Smith");
    QTest::newRow("swapped, same phone")
        << Person{"Nguyen", "Linh", {}, born, Gender::Female, {}, {}, phone}
        << Person{"Linh", "Nguyen", {}, born, Gender::Female, {}, {}, phone} << likely
        << QStringLiteral("same phone");

    // Hyphenated and double last names.
    QTest::newRow("hyphenated against one part")
        << Person{"Maria", "Garcia-Lopez"} << Person{"Maria", "Garcia"} << possible
        << QStringLiteral("last names Garcia-Lopez and Garcia share a part");
    QTest::newRow("double against hyphenated, reordered")
        << Person{"Maria", "Lopez Garcia"} << Person{"Maria", "Garcia-Lopez"} << likely
        << QStringLiteral("last names Lopez Garcia and Garcia-Lopez have the same parts");
    QTest::newRow("double against hyphenated")
        << Person{"Maria", "Garcia Lopez"} << Person{"Maria", "Garcia-Lopez"} << likely
        << QString();

    // Middle names.
    QTest::newRow("two-word first name against first and middle")
        << Person{"Mary Ann", "Jones"} << Person{"Mary", "Jones", "Ann"} << likely << QString();
    QTest::newRow("middle initial") << Person{"John", "Smith", "R", born, Gender::Male}
                                    << Person{"John", "Smith", "Robert", born, Gender::Male}
                                    << likely << QStringLiteral("middle initial R / Robert");
    QTest::newRow("different middle names, same household")
        << Person{"John", "Smith", "Adam", born, Gender::Male, street, zip, phone}
        << Person{"John", "Smith", "Brian", born, Gender::Male, street, zip, phone} << possible
        << QString();

    // Twins: the same birth, last name, address and phone.
    Person anna{"Anna", "Smith", {}, born, Gender::Female, street, zip, phone};
    Person hanna = anna;
    hanna.first = QStringLiteral("Hanna");
    QTest::newRow("twins with near names") << anna << hanna << possible << QString();
    Person mary = anna;
    mary.first = QStringLiteral("Mary");
    Person jane = anna;
    jane.first = QStringLiteral("Jane");
    QTest::newRow("twins") << mary << jane << different << QString();
    Person sharedEmail = mary;
    sharedEmail.email = QStringLiteral("smiths@example.com");
    Person sharedEmail2 = jane;
    sharedEmail2.email = QStringLiteral("smiths@example.com");
    QTest::newRow("twins sharing a family email")
        << sharedEmail << sharedEmail2 << different << QString();
    QTest::newRow("neighbours born the same day")
        << Person{"Olga", "Petrov", {}, born, Gender::Female, street, zip}
        << Person{"Kyla", "Brown", {}, born, Gender::Female, street, zip} << different << QString();

    // Sex not recorded: compared, but less sure.
    QTest::newRow("sex not recorded")
        << Person{"Kyla", "Brown", {}, born, Gender::Unknown} << kylaBrown << possible
        << QStringLiteral("same date of birth (sex not recorded)");

    Person byMrn{"K", "B"};
    byMrn.mrn = QStringLiteral("mrn000004");
    Person storedMrn = kylaBrown;
    storedMrn.mrn = QStringLiteral("MRN000004");
    QTest::newRow("same MRN") << byMrn << storedMrn << likely << QStringLiteral("same MRN");
}

void TestDuplicateScorer::pairs()
{
    QFETCH(Person, typed);
    QFETCH(Person, stored);
    QFETCH(DuplicateVerdict, verdict);
    QFETCH(QString, reason);

    const DuplicateScore score = DuplicateScorer::score(typed.subject(), stored.subject());
    QVERIFY2(score.verdict == verdict,
             qPrintable(QStringLiteral("score %1: %2")
                            .arg(score.score)
                            .arg(score.reasons.join(QStringLiteral("; ")))));
    QCOMPARE(score.verdict, DuplicateScorer::verdictFor(score.score));
    QVERIFY(score.score >= 0 && score.score <= 100);
    if (!reason.isEmpty())
        QVERIFY2(score.reasons.contains(reason),
                 qPrintable(score.reasons.join(QStringLiteral("; "))));
    // Every pair in the block says so first (or the MRN does).
    QVERIFY(!score.reasons.isEmpty());
    // The same two people compared the other way round get the same verdict and score.
    const DuplicateScore back = DuplicateScorer::score(stored.subject(), typed.subject());
    QCOMPARE(back.score, score.score);
    QCOMPARE(back.verdict, score.verdict);
}

void TestDuplicateScorer::outsideTheBlockIsNeverScored_data()
{
    QTest::addColumn<Person>("typed");
    QTest::addColumn<Person>("stored");
    Person kyla{"Kyla",      "Brown",        {},
                born,        Gender::Female, "123 DustyDepot Ave",
                "97477",     "541-555-0103", "kyla@example.com",
                "MRN000004", {"COB400004"}};
    Person dayLater = kyla;
    dayLater.dob = born.addDays(1);
    QTest::newRow("same everything, another date of birth") << dayLater << kyla;
    Person male = kyla;
    male.gender = Gender::Male;
    QTest::newRow("same everything, other sex") << male << kyla;
    Person noDate = kyla;
    noDate.dob = QDate();
    QTest::newRow("no date of birth") << noDate << kyla;
}

void TestDuplicateScorer::outsideTheBlockIsNeverScored()
{
    QFETCH(Person, typed);
    QFETCH(Person, stored);
    QVERIFY(!DuplicateScorer::inBlock(typed.subject().patient, stored.subject().patient));
    const DuplicateScore score = DuplicateScorer::score(typed.subject(), stored.subject());
    QCOMPARE(score.score, 0);
    QCOMPARE(score.verdict, DuplicateVerdict::Different);
    QCOMPARE(score.reasons, QStringList());
}

void TestDuplicateScorer::contactDetailsNeverLowerTheScore()
{
    // Each shared detail adds to an otherwise equal pair, up to the caps.
    Person base{"Bob", "Miller", {}, born, Gender::Male};
    Person other{"Robert", "Miller", {}, born, Gender::Male};
    int previous = DuplicateScorer::score(base.subject(), other.subject()).score;
    const QList<std::function<void(Person &)>> additions = {
        [](Person &p) { p.zip = QStringLiteral("97401"); },
        [](Person &p) { p.street = QStringLiteral("77 Mill St"); },
        [](Person &p) { p.phone = QStringLiteral("5415550106"); },
        [](Person &p) { p.email = QStringLiteral("bob@example.com"); },
    };
    for (const auto &add : additions) {
        add(base);
        add(other);
        const int now = DuplicateScorer::score(base.subject(), other.subject()).score;
        QVERIFY2(now > previous || now == 100,
                 qPrintable(QStringLiteral("%1 → %2").arg(previous).arg(now)));
        previous = now;
    }
}

void TestDuplicateScorer::normalizedName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("case and spaces")
        << QStringLiteral("  Mary   ANN ") << QStringLiteral("mary ann");
    QTest::newRow("accents") << QStringLiteral("Núñez") << QStringLiteral("nunez");
    QTest::newRow("apostrophe") << QStringLiteral("O’Brien") << QStringLiteral("obrien");
    QTest::newRow("hyphen") << QStringLiteral("Garcia-Lopez") << QStringLiteral("garcia lopez");
    QTest::newRow("dots") << QStringLiteral("St. John,") << QStringLiteral("st john");
    QTest::newRow("empty") << QString() << QString();
}

void TestDuplicateScorer::normalizedName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalized);
    QCOMPARE(DuplicateScorer::normalizedName(name), normalized);
}

void TestDuplicateScorer::phoneDigits()
{
    QCOMPARE(DuplicateScorer::phoneDigits(QStringLiteral("+1 (541) 555-0103")),
             QStringLiteral("5415550103"));
    QCOMPARE(DuplicateScorer::phoneDigits(QStringLiteral("541.555.0103")),
             QStringLiteral("5415550103"));
    QCOMPARE(DuplicateScorer::phoneDigits(QStringLiteral("ext")), QString());
}

void TestDuplicateScorer::nicknames_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("formal");
    QTest::newRow("bob") << "bob"
                         << "robert"
                         << "robert";
    QTest::newRow("reversed") << "william"
                              << "bill"
                              << "william";
    QTest::newRow("liz") << "liz"
                         << "elizabeth"
                         << "elizabeth";
    QTest::newRow("kate") << "kate"
                          << "katherine"
                          << "katherine";
    QTest::newRow("jim") << "jim"
                         << "james"
                         << "james";
    QTest::newRow("peggy") << "peggy"
                           << "margaret"
                           << "margaret";
    QTest::newRow("two short forms") << "bill"
                                     << "will"
                                     << "william";
    QTest::newRow("unrelated") << "bob"
                               << "james"
                               << "";
    QTest::newRow("equal is no nickname") << "robert"
                                          << "robert"
                                          << "";
    QTest::newRow("unknown") << "kyla"
                             << "kylie"
                             << "";
}

void TestDuplicateScorer::nicknames()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, formal);
    QCOMPARE(DuplicateNicknames::sharedFormalName(a, b), formal);
    QCOMPARE(DuplicateNicknames::sharedFormalName(b, a), formal);
}

void TestDuplicateScorer::verdictThresholds()
{
    QCOMPARE(DuplicateScorer::verdictFor(DuplicateScorer::likelyThreshold),
             DuplicateVerdict::Likely);
    QCOMPARE(DuplicateScorer::verdictFor(DuplicateScorer::likelyThreshold - 1),
             DuplicateVerdict::Possible);
    QCOMPARE(DuplicateScorer::verdictFor(DuplicateScorer::possibleThreshold),
             DuplicateVerdict::Possible);
    QCOMPARE(DuplicateScorer::verdictFor(DuplicateScorer::possibleThreshold - 1),
             DuplicateVerdict::Different);
    QCOMPARE(DuplicateScorer::verdictText(DuplicateVerdict::Possible),
             QStringLiteral("Possible duplicate"));
}

QTEST_GUILESS_MAIN(TestDuplicateScorer)
#include "tst_duplicatescorer.moc"
