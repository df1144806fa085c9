// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilitycodes.h"
#include "services/x12/eligibilityresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestEligibilityResult : public QObject
{
    Q_OBJECT

private slots:
    void aaaTexts_data();
    void aaaTexts();
    void everyReferenceCodeHasItsOwnText();
    void followUpText_data();
    void followUpText();
    void transientRejections_data();
    void transientRejections();
    void roleText_data();
    void roleText();
    void coverageDates_data();
    void coverageDates();
    void benefitsWithCode();
    void copay_data();
    void copay();
    void priorAuthorization_data();
    void priorAuthorization();
    void jsonRoundTrip();
    void jsonKeepsEmptyDependentAndOptionals();
    void jsonFromPartialObject();
    void statusKeys_data();
    void statusKeys();
    void codeNames_data();
    void codeNames();
    void coverageCodes_data();
    void coverageCodes();
};

namespace {
BenefitInfo benefit(const QString &code, const QStringList &serviceTypes,
                    std::optional<qint64> cents = std::nullopt, const QString &network = {})
{
    BenefitInfo b;
    b.code = code;
    b.serviceTypes = serviceTypes;
    b.amountCents = cents;
    b.network = network;
    return b;
}

EligibilityResult fullResult()
{
    EligibilityResult r;
    r.traceNumber = QStringLiteral("TRC-1");
    r.payerName = QStringLiteral("HARBOR HEALTH PLAN");
    r.payerId = QStringLiteral("HHP01");
    r.providerName = QStringLiteral("MAPLE STREET CLINIC");
    r.providerNpi = QStringLiteral("1234567893");
    r.subscriber = {
        QStringLiteral("RIVERA"), QStringLiteral("ANA"),           QStringLiteral("M"),
        QStringLiteral("JR"),     QStringLiteral("HHP1"),          QDate(1985, 2, 14),
        QStringLiteral("F"),      QStringLiteral("12 ELM STREET"), QStringLiteral("SPRINGFIELD"),
        QStringLiteral("IL"),     QStringLiteral("627010000"),     QStringLiteral("18"),
        QStringLiteral("HHP0")};
    PersonInfo child;
    child.lastName = QStringLiteral("RIVERA");
    child.firstName = QStringLiteral("LUZ");
    child.dateOfBirth = QDate(2015, 9, 30);
    child.relationship = QStringLiteral("19");
    r.dependent = child;
    r.status = EligibilityResult::Status::Active;
    r.planName = QStringLiteral("GOLD PPO");
    r.planNumber = QStringLiteral("PLN-77");
    r.groupNumber = QStringLiteral("GRP-5521");
    r.groupName = QStringLiteral("ACME WIDGETS");
    r.insuranceType = QStringLiteral("PR");
    r.dates = {{QStringLiteral("346"), QDate(2025, 1, 1), QDate(2025, 1, 1)},
               {QStringLiteral("291"), QDate(2026, 1, 1), QDate(2026, 12, 31)}};
    BenefitInfo copay = benefit(QStringLiteral("B"), {QStringLiteral("98"), QStringLiteral("UC")},
                                2500, QStringLiteral("Y"));
    copay.coverageLevel = QStringLiteral("IND");
    copay.insuranceType = QStringLiteral("PR");
    copay.planDescription = QStringLiteral("GOLD PPO");
    copay.timePeriod = QStringLiteral("27");
    copay.percent = 0.1 + 0.2; // not exactly 0.3: JSON must keep every bit
    copay.quantityQualifier = QStringLiteral("VS");
    copay.quantity = 20;
    copay.authorizationRequired = QStringLiteral("Y");
    copay.procedure = QStringLiteral("HC:99213:25");
    copay.dates = {{QStringLiteral("348"), QDate(2026, 1, 1), QDate(2026, 12, 31)}};
    copay.messages = {QStringLiteral("FIRST"), QStringLiteral("SECOND")};
    RelatedEntity other;
    other.entityCode = QStringLiteral("PRP");
    other.name = QStringLiteral("LAKESIDE MUTUAL");
    other.idQualifier = QStringLiteral("PI");
    other.id = QStringLiteral("LKM02");
    other.benefitCode = QStringLiteral("R");
    other.serviceTypes = {QStringLiteral("30")};
    other.phone = QStringLiteral("8005551234");
    other.address = QStringLiteral("400 LAKE SHORE DR, CHICAGO, IL 60611");
    other.policyNumber = QStringLiteral("OTH-1");
    other.groupNumber = QStringLiteral("G-2");
    other.dates = {{QStringLiteral("290"), QDate(2024, 6, 1), QDate(2024, 6, 1)}};
    copay.relatedEntities = {other};
    BenefitInfo huge = benefit(QStringLiteral("C"), {}, qint64(999999999999999), {});
    huge.percent = 0.0;
    r.benefits = {benefit(QStringLiteral("1"), {QStringLiteral("30")}), copay, huge};
    r.rejections = {{QStringLiteral("2100C"), true, QStringLiteral("72"), QStringLiteral("C")},
                    {QStringLiteral("2110C"), false, QStringLiteral("57"), QString()}};
    r.otherPayers = {other};
    r.messages = {QStringLiteral("FIRST"), QStringLiteral("SECOND")};
    return r;
}
} // namespace

void TestEligibilityResult::aaaTexts_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("loop");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("fix");

    QTest::newRow("72") << "72"
                        << "2100C"
                        << "The member ID is invalid or missing."
                        << "Check the member ID on the insurance card (no spaces or dashes) and "
                           "verify again.";
    QTest::newRow("42") << "42"
                        << "2100A"
                        << "The payer is unable to respond right now."
                        << "Try again in a few minutes. If it keeps failing, call the payer.";
    QTest::newRow("75") << "75"
                        << "2100C"
                        << "The payer cannot find the subscriber."
                        << "Check the subscriber's name, date of birth and member ID exactly as on "
                           "the card, and that the right payer is selected.";
    QTest::newRow("73") << "73"
                        << "2100C"
                        << "The subscriber's name is invalid or missing."
                        << "Check the subscriber's name exactly as printed on the insurance card "
                           "and verify again.";
    QTest::newRow("71") << "71"
                        << "2100D"
                        << "The date of birth does not match the payer's records."
                        << "Confirm the date of birth with the patient or the insurance card and "
                           "verify again.";
    QTest::newRow("15 at provider") << "15"
                                    << "2100B"
                                    << "Information the payer requires is missing from the request."
                                    << "Check the provider's name and NPI in the practice settings "
                                       "and verify again.";
    QTest::newRow("15 at subscriber") << "15"
                                      << "2100C"
                                      << "Information the payer requires is missing from the "
                                         "request."
                                      << "Check that the patient's name, date of birth and member "
                                         "ID are filled in, then verify again.";
    QTest::newRow("15 at benefit") << "15"
                                   << "2110D"
                                   << "Information the payer requires is missing from the request."
                                   << "Check the service type and the date of service, then "
                                      "verify again.";
    QTest::newRow("unknown code") << "Z9"
                                  << "2100C"
                                  << "The payer rejected the request (reason code Z9)."
                                  << "Check the patient's insurance details against the card; if "
                                     "they are right, call the payer and quote reason code Z9.";
    QTest::newRow("no code") << ""
                             << "2000A"
                             << "The payer rejected the request without giving a reason."
                             << "Check the patient's insurance details against the card; if they "
                                "are right, call the payer and quote reason code -.";
}

void TestEligibilityResult::aaaTexts()
{
    QFETCH(QString, code);
    QFETCH(QString, loop);
    QFETCH(QString, reason);
    QFETCH(QString, fix);
    AaaRejection rejection;
    rejection.code = code;
    rejection.loop = loop;
    QCOMPARE(rejection.reason(), reason);
    QCOMPARE(rejection.whatToFix(), fix);
}

void TestEligibilityResult::everyReferenceCodeHasItsOwnText()
{
    const QStringList codes =
        QStringLiteral("04 15 35 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 "
                       "60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 "
                       "97 98 AA AE AF AG AO CI E8 IA MA T4")
            .split(QLatin1Char(' '));
    QSet<QString> reasons;
    for (const QString &code : codes) {
        AaaRejection rejection;
        rejection.code = code;
        rejection.loop = QStringLiteral("2100C");
        QVERIFY2(!rejection.reason().contains(QLatin1String("reason code")), qPrintable(code));
        QVERIFY2(!rejection.whatToFix().contains(QLatin1String("reason code")), qPrintable(code));
        QVERIFY2(rejection.reason().endsWith(QLatin1Char('.')), qPrintable(code));
        reasons.insert(rejection.reason());
    }
    // Each code says something different; a copy-paste slip would collapse two reasons.
    QCOMPARE(reasons.size(), codes.size());
}

void TestEligibilityResult::followUpText_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("C") << "C"
                       << "Correct the request and send it again.";
    QTest::newRow("N") << "N"
                       << "Do not send it again: the payer does not allow resubmission.";
    QTest::newRow("P") << "P"
                       << "Send the same request again.";
    QTest::newRow("R") << "R"
                       << "The request may be sent again.";
    QTest::newRow("S") << "S"
                       << "Do not send it again: the payer passed it to a third party.";
    QTest::newRow("W") << "W"
                       << "Wait 30 days before sending it again.";
    QTest::newRow("X") << "X"
                       << "Wait 10 days before sending it again.";
    QTest::newRow("Y") << "Y"
                       << "Do not send it again: the payer will respond.";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("unknown") << "Q"
                             << "";
}

void TestEligibilityResult::followUpText()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    AaaRejection rejection;
    rejection.followUp = code;
    QCOMPARE(rejection.followUpText(), text);
}

void TestEligibilityResult::transientRejections_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("transient");
    QTest::newRow("42 unable to respond") << "42" << true;
    QTest::newRow("80 no response") << "80" << true;
    QTest::newRow("72 member id") << "72" << false;
    QTest::newRow("75 not found") << "75" << false;
    QTest::newRow("04 too many") << "04" << false;
    QTest::newRow("empty") << "" << false;
}

void TestEligibilityResult::transientRejections()
{
    QFETCH(QString, code);
    QFETCH(bool, transient);
    AaaRejection rejection;
    rejection.code = code;
    QCOMPARE(rejection.isTransient(), transient);
}

void TestEligibilityResult::roleText_data()
{
    QTest::addColumn<QString>("entityCode");
    QTest::addColumn<QString>("benefitCode");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::newRow("primary payer") << "PRP"
                                   << "R"
                                   << "LAKESIDE MUTUAL"
                                   << ""
                                   << ""
                                   << "LAKESIDE MUTUAL is the primary payer.";
    QTest::newRow("secondary payer") << "SEP"
                                     << "R"
                                     << "ACME"
                                     << ""
                                     << ""
                                     << "ACME is the secondary payer.";
    QTest::newRow("tertiary payer") << "TTP"
                                    << "R"
                                    << "ACME"
                                    << ""
                                    << ""
                                    << "ACME is the tertiary payer.";
    QTest::newRow("other payer") << "PR"
                                 << "R"
                                 << "SILVERSCRIPT"
                                 << ""
                                 << ""
                                 << "Another payer also covers this patient: SILVERSCRIPT.";
    QTest::newRow("EB R without payer code") << "IL"
                                             << "R"
                                             << "SMITH"
                                             << "JO"
                                             << ""
                                             << "Another payer also covers this patient: JO SMITH.";
    QTest::newRow("pcp") << "P3"
                         << "L"
                         << "NGUYEN"
                         << "THANH"
                         << ""
                         << "Primary care provider: THANH NGUYEN.";
    QTest::newRow("plan sponsor") << "P5"
                                  << "1"
                                  << "SPONSOR INC"
                                  << ""
                                  << ""
                                  << "Plan sponsor: SPONSOR INC.";
    QTest::newRow("unnamed with id") << "PRP"
                                     << "R"
                                     << ""
                                     << ""
                                     << "LKM02"
                                     << "LKM02 is the primary payer.";
    QTest::newRow("unnamed") << "PRP"
                             << "R"
                             << ""
                             << ""
                             << ""
                             << "an unnamed entity is the primary payer.";
}

void TestEligibilityResult::roleText()
{
    QFETCH(QString, entityCode);
    QFETCH(QString, benefitCode);
    QFETCH(QString, name);
    QFETCH(QString, firstName);
    QFETCH(QString, id);
    QFETCH(QString, text);
    RelatedEntity entity;
    entity.entityCode = entityCode;
    entity.benefitCode = benefitCode;
    entity.name = name;
    entity.firstName = firstName;
    entity.id = id;
    QCOMPARE(entity.roleText(), text);
}

void TestEligibilityResult::coverageDates_data()
{
    QTest::addColumn<QList<EligibilityDate>>("dates");
    QTest::addColumn<QDate>("begin");
    QTest::addColumn<QDate>("end");
    const QDate jan(2026, 1, 1), dec(2026, 12, 31), jun(2026, 6, 1), jul(2026, 7, 1);
    auto d = [](const char *q, QDate from, QDate to) {
        return EligibilityDate{QLatin1String(q), from, to};
    };
    QTest::newRow("none") << QList<EligibilityDate>() << QDate() << QDate();
    QTest::newRow("plan begin and end")
        << QList<EligibilityDate>{d("347", dec, dec), d("346", jan, jan)} << jan << dec;
    QTest::newRow("plan begin wins over eligibility")
        << QList<EligibilityDate>{d("356", jun, jun), d("346", jan, jan), d("357", jul, jul)} << jan
        << jul;
    QTest::newRow("eligibility begin and end")
        << QList<EligibilityDate>{d("356", jun, jun), d("357", jul, jul)} << jun << jul;
    QTest::newRow("plan period range") << QList<EligibilityDate>{d("291", jan, dec)} << jan << dec;
    QTest::newRow("single plan date has no end")
        << QList<EligibilityDate>{d("291", jan, jan)} << jan << QDate();
    QTest::newRow("eligibility range") << QList<EligibilityDate>{d("307", jun, jul)} << jun << jul;
    QTest::newRow("other qualifiers ignored")
        << QList<EligibilityDate>{d("290", jan, dec), d("348", jun, jul)} << QDate() << QDate();
}

void TestEligibilityResult::coverageDates()
{
    QFETCH(QList<EligibilityDate>, dates);
    QFETCH(QDate, begin);
    QFETCH(QDate, end);
    EligibilityResult result;
    result.dates = dates;
    QCOMPARE(result.coverageBegin(), begin);
    QCOMPARE(result.coverageEnd(), end);
}

void TestEligibilityResult::benefitsWithCode()
{
    EligibilityResult result;
    result.benefits = {benefit(QStringLiteral("1"), {QStringLiteral("30")}),
                       benefit(QStringLiteral("C"), {QStringLiteral("30")}, 150000),
                       benefit(QStringLiteral("B"), {QStringLiteral("98")}, 2500),
                       benefit(QStringLiteral("C"), {QStringLiteral("30")}, 70000)};
    const QList<BenefitInfo> deductibles = result.benefitsWithCode(QStringLiteral("C"));
    QCOMPARE(deductibles.size(), 2);
    QCOMPARE(deductibles.at(0).amountCents, std::optional<qint64>(150000));
    QCOMPARE(deductibles.at(1).amountCents, std::optional<qint64>(70000));
    QVERIFY(result.benefitsWithCode(QStringLiteral("G")).isEmpty());
}

void TestEligibilityResult::copay_data()
{
    QTest::addColumn<QList<BenefitInfo>>("benefits");
    QTest::addColumn<QString>("serviceType");
    QTest::addColumn<QString>("network");
    QTest::addColumn<qint64>("expected"); // -1: none

    const QList<BenefitInfo> typical = {
        benefit(QStringLiteral("B"), {QStringLiteral("30")}, 4000, QStringLiteral("Y")),
        benefit(QStringLiteral("B"), {QStringLiteral("98"), QStringLiteral("UC")}, 2500,
                QStringLiteral("Y")),
        benefit(QStringLiteral("B"), {QStringLiteral("98")}, 6000, QStringLiteral("N")),
        benefit(QStringLiteral("A"), {QStringLiteral("86")}, 9900, QStringLiteral("Y")),
    };
    QTest::newRow("exact service type in network") << typical << "98"
                                                   << "Y" << qint64(2500);
    QTest::newRow("exact service type out of network") << typical << "98"
                                                       << "N" << qint64(6000);
    QTest::newRow("second repetition") << typical << "UC"
                                       << "Y" << qint64(2500);
    QTest::newRow("falls back to 30") << typical << "AL"
                                      << "Y" << qint64(4000);
    QTest::newRow("no fallback out of network") << typical << "AL"
                                                << "N" << qint64(-1);
    QTest::newRow("coinsurance is not a copay") << QList<BenefitInfo>{typical.at(3)} << "86"
                                                << "Y" << qint64(-1);
    QTest::newRow("W matches in network")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("98")}, 1000,
                                      QStringLiteral("W"))}
        << "98"
        << "Y" << qint64(1000);
    QTest::newRow("W matches out of network")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("98")}, 1000,
                                      QStringLiteral("W"))}
        << "98"
        << "N" << qint64(1000);
    QTest::newRow("empty network matches in network")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("98")}, 1500)} << "98"
        << "Y" << qint64(1500);
    QTest::newRow("empty network is not out of network")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("98")}, 1500)} << "98"
        << "N" << qint64(-1);
    QTest::newRow("copay without amount is skipped")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("98")}),
                              benefit(QStringLiteral("B"), {QStringLiteral("98")}, 3000)}
        << "98"
        << "Y" << qint64(3000);
    QTest::newRow("exact beats earlier plan-wide")
        << QList<BenefitInfo>{benefit(QStringLiteral("B"), {QStringLiteral("30")}, 100),
                              benefit(QStringLiteral("B"), {QStringLiteral("98")}, 200)}
        << "98"
        << "Y" << qint64(200);
    QTest::newRow("nothing") << QList<BenefitInfo>() << "98"
                             << "Y" << qint64(-1);
}

void TestEligibilityResult::copay()
{
    QFETCH(QList<BenefitInfo>, benefits);
    QFETCH(QString, serviceType);
    QFETCH(QString, network);
    QFETCH(qint64, expected);
    EligibilityResult result;
    result.benefits = benefits;
    const std::optional<qint64> cents = result.copayCents(serviceType, network);
    QCOMPARE(cents.value_or(-1), expected);
    if (network == QLatin1String("Y"))
        QCOMPARE(result.copayCents(serviceType).value_or(-1), expected); // the default
}

void TestEligibilityResult::priorAuthorization_data()
{
    QTest::addColumn<QString>("authorization");
    QTest::addColumn<QString>("serviceType");
    QTest::addColumn<bool>("required");
    QTest::newRow("service type with Y") << "Y"
                                         << "62" << true;
    QTest::newRow("procedure code") << "Y"
                                    << "70551" << true;
    QTest::newRow("whole composite") << "Y"
                                     << "HC:70551" << true;
    QTest::newRow("other service type") << "Y"
                                        << "98" << false;
    QTest::newRow("N") << "N"
                       << "62" << false;
    QTest::newRow("U") << "U"
                       << "62" << false;
}

void TestEligibilityResult::priorAuthorization()
{
    QFETCH(QString, authorization);
    QFETCH(QString, serviceType);
    QFETCH(bool, required);
    BenefitInfo mri = benefit(QStringLiteral("B"), {QStringLiteral("62")}, 15000);
    mri.authorizationRequired = authorization;
    mri.procedure = QStringLiteral("HC:70551");
    EligibilityResult result;
    result.benefits = {benefit(QStringLiteral("1"), {QStringLiteral("30")}), mri};
    QCOMPARE(result.requiresPriorAuthorization(serviceType), required);
}

void TestEligibilityResult::jsonRoundTrip()
{
    const EligibilityResult original = fullResult();
    const QJsonObject json = original.toJson();
    QCOMPARE(EligibilityResult::fromJson(json), original);

    // Through text too, as the store keeps it.
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const EligibilityResult fromText =
        EligibilityResult::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(fromText, original);
    QCOMPARE(fromText.benefits.at(1).percent, std::optional<double>(0.1 + 0.2));
    QCOMPARE(fromText.benefits.at(2).amountCents, std::optional<qint64>(999999999999999));

    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(json.value(QLatin1String("subscriber"))
                 .toObject()
                 .value(QLatin1String("priorMemberId"))
                 .toString(),
             QStringLiteral("HHP0"));
    QCOMPARE(json.value(QLatin1String("subscriber"))
                 .toObject()
                 .value(QLatin1String("dateOfBirth"))
                 .toString(),
             QStringLiteral("1985-02-14"));
    QCOMPARE(json.value(QLatin1String("benefits"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("amountCents"))
                 .toInteger(),
             2500);
}

void TestEligibilityResult::jsonKeepsEmptyDependentAndOptionals()
{
    EligibilityResult result;
    result.status = EligibilityResult::Status::Rejected;
    result.dependent = PersonInfo();
    BenefitInfo zero;
    zero.code = QStringLiteral("B");
    zero.amountCents = 0; // a zero copay is not "no copay"
    zero.percent = 0.0;
    zero.quantity = 0.0;
    result.benefits = {zero, BenefitInfo()};
    const EligibilityResult back = EligibilityResult::fromJson(result.toJson());
    QCOMPARE(back, result);
    QVERIFY(back.dependent.has_value());
    QCOMPARE(back.benefits.at(0).amountCents, std::optional<qint64>(0));
    QVERIFY(!back.benefits.at(1).amountCents.has_value());
    QVERIFY(!back.benefits.at(1).percent.has_value());

    EligibilityResult noDependent;
    QVERIFY(!EligibilityResult::fromJson(noDependent.toJson()).dependent.has_value());
}

void TestEligibilityResult::jsonFromPartialObject()
{
    const QJsonObject json =
        QJsonDocument::fromJson(
            R"({"status":"inactive","payerName":"X","dates":[{"qualifier":"346","from":"not a date"}]})")
            .object();
    const EligibilityResult result = EligibilityResult::fromJson(json);
    QCOMPARE(result.status, EligibilityResult::Status::Inactive);
    QCOMPARE(result.payerName, QStringLiteral("X"));
    QCOMPARE(result.dates.size(), 1);
    QVERIFY(!result.dates.first().from.isValid());
    QCOMPARE(EligibilityResult::fromJson(QJsonObject()), EligibilityResult());

    // Stored before REF*Q4 was kept: no priorMemberId, the rest as it was.
    const EligibilityResult old = EligibilityResult::fromJson(
        QJsonDocument::fromJson(R"({"subscriber":{"lastName":"RIVERA","memberId":"HHP1"}})")
            .object());
    QCOMPARE(old.subscriber.memberId, QStringLiteral("HHP1"));
    QVERIFY(old.subscriber.priorMemberId.isEmpty());
}

void TestEligibilityResult::statusKeys_data()
{
    QTest::addColumn<EligibilityResult::Status>("status");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << EligibilityResult::Status::Unknown << "unknown"
                             << "Unknown";
    QTest::newRow("active") << EligibilityResult::Status::Active << "active"
                            << "Active";
    QTest::newRow("inactive") << EligibilityResult::Status::Inactive << "inactive"
                              << "Inactive";
    QTest::newRow("rejected") << EligibilityResult::Status::Rejected << "rejected"
                              << "Rejected";
}

void TestEligibilityResult::statusKeys()
{
    QFETCH(EligibilityResult::Status, status);
    QFETCH(QString, key);
    QFETCH(QString, text);
    QCOMPARE(eligibilityStatusKey(status), key);
    QCOMPARE(eligibilityStatusFromKey(key), status);
    QCOMPARE(eligibilityStatusText(status), text);
    QCOMPARE(eligibilityStatusFromKey(QStringLiteral("bogus")), EligibilityResult::Status::Unknown);
}

void TestEligibilityResult::codeNames_data()
{
    using Lookup = QString (*)(const QString &);
    QTest::addColumn<quintptr>("function");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    auto row = [](const char *tag, Lookup f, const char *code, const char *name) {
        QTest::newRow(tag) << quintptr(f) << QString::fromLatin1(code) << QString::fromLatin1(name);
    };
    row("service 98", &EligibilityCodes::serviceTypeName, "98", "Office visit");
    row("service 30", &EligibilityCodes::serviceTypeName, "30", "Health benefit plan coverage");
    row("service UC", &EligibilityCodes::serviceTypeName, "UC", "Urgent care");
    row("service AL", &EligibilityCodes::serviceTypeName, "AL", "Vision (optometry)");
    row("service unknown", &EligibilityCodes::serviceTypeName, "ZZ", "ZZ");
    row("service empty", &EligibilityCodes::serviceTypeName, "", "");
    row("EB01 1", &EligibilityCodes::benefitCodeName, "1", "Active coverage");
    row("EB01 B", &EligibilityCodes::benefitCodeName, "B", "Co-payment");
    // The letters from N on are where a published table went wrong by one.
    row("EB01 N", &EligibilityCodes::benefitCodeName, "N",
        "Services restricted to following provider");
    row("EB01 O", &EligibilityCodes::benefitCodeName, "O", "Not deemed a medical necessity");
    row("EB01 R", &EligibilityCodes::benefitCodeName, "R", "Other or additional payer");
    row("EB01 V", &EligibilityCodes::benefitCodeName, "V", "Cannot process");
    row("EB01 Y", &EligibilityCodes::benefitCodeName, "Y", "Spend down");
    row("EB01 MC", &EligibilityCodes::benefitCodeName, "MC", "Managed care coordinator");
    row("EB02 FAM", &EligibilityCodes::coverageLevelName, "FAM", "Family");
    row("EB04 HM", &EligibilityCodes::insuranceTypeName, "HM", "HMO");
    row("EB06 29", &EligibilityCodes::timePeriodName, "29", "Remaining");
    row("EB06 23", &EligibilityCodes::timePeriodName, "23", "Calendar year");
    row("EB09 VS", &EligibilityCodes::quantityQualifierName, "VS", "Visits");
    row("EB11 Y", &EligibilityCodes::authorizationName, "Y", "Prior authorization required");
    row("EB12 W", &EligibilityCodes::networkName, "W", "In and out of network");
    row("EB12 N", &EligibilityCodes::networkName, "N", "Out of network");
    row("DTP 346", &EligibilityCodes::dateQualifierName, "346", "Plan begin");
    row("INS 19", &EligibilityCodes::relationshipName, "19", "Child");
    row("NM1 P3", &EligibilityCodes::entityName, "P3", "Primary care provider");
}

void TestEligibilityResult::codeNames()
{
    using Lookup = QString (*)(const QString &);
    QFETCH(quintptr, function);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QCOMPARE(reinterpret_cast<Lookup>(function)(code), name);
}

void TestEligibilityResult::coverageCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("active");
    QTest::addColumn<bool>("inactive");
    for (const char *code : {"1", "2", "3", "4", "5"})
        QTest::newRow(code) << QString::fromLatin1(code) << true << false;
    for (const char *code : {"6", "7", "8"})
        QTest::newRow(code) << QString::fromLatin1(code) << false << true;
    for (const char *code : {"", "0", "9", "A", "B", "R", "10", "1 ", "CB", "MC"})
        QTest::newRow(code) << QString::fromLatin1(code) << false << false;
}

void TestEligibilityResult::coverageCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, active);
    QFETCH(bool, inactive);
    QCOMPARE(EligibilityCodes::isActiveCoverage(code), active);
    QCOMPARE(EligibilityCodes::isInactiveCoverage(code), inactive);
}

QTEST_GUILESS_MAIN(TestEligibilityResult)
#include "tst_eligibilityresult.moc"
