// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresult.h"

#include "services/x12/eligibilitycodes.h"
#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

// ---- AAA ------------------------------------------------------------------------------------

struct AaaText
{
    const char *code;
    const char *reason;
    const char *fix;
};

// AAA03 codes of 005010X279A1 in words a front-desk clerk can act on.
constexpr AaaText aaaTexts[] = {
    {"04", QT_TRANSLATE_NOOP("X12", "The payer has received more requests than it allows."),
     QT_TRANSLATE_NOOP("X12", "Wait a while and verify again; for a batch, send fewer patients at "
                              "a time.")},
    {"15", QT_TRANSLATE_NOOP("X12", "Information the payer requires is missing from the request."),
     QT_TRANSLATE_NOOP("X12", "Check that the patient's name, date of birth and member ID are "
                              "filled in, then verify again.")},
    {"35", QT_TRANSLATE_NOOP("X12", "The provider is out of network for this patient's plan."),
     QT_TRANSLATE_NOOP("X12", "Tell the patient the visit may be billed as out of network, or "
                              "check whether the plan covers out-of-network care.")},
    {"41", QT_TRANSLATE_NOOP("X12", "The payer does not allow this practice to check eligibility."),
     QT_TRANSLATE_NOOP("X12", "Ask the clearinghouse or the payer to enroll the practice for "
                              "eligibility checks.")},
    {"42", QT_TRANSLATE_NOOP("X12", "The payer is unable to respond right now."),
     QT_TRANSLATE_NOOP("X12", "Try again in a few minutes. If it keeps failing, call the payer.")},
    {"43", QT_TRANSLATE_NOOP("X12", "The provider's NPI is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider NPI in the practice settings and verify again.")},
    {"44", QT_TRANSLATE_NOOP("X12", "The provider's name is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider name in the practice settings (as registered "
                              "with the payer) and verify again.")},
    {"45", QT_TRANSLATE_NOOP("X12", "The provider's specialty is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider's specialty (taxonomy) in the practice settings "
                              "and verify again.")},
    {"46", QT_TRANSLATE_NOOP("X12", "The provider's phone number is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider's phone number in the practice settings and "
                              "verify again.")},
    {"47", QT_TRANSLATE_NOOP("X12", "The provider's state is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider's address and state in the practice settings "
                              "and verify again.")},
    {"48", QT_TRANSLATE_NOOP("X12", "The referring provider's ID is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the referring provider's NPI and verify again.")},
    {"49", QT_TRANSLATE_NOOP("X12", "The provider is not the patient's primary care physician."),
     QT_TRANSLATE_NOOP("X12", "Check who the patient's primary care physician is; the visit may "
                              "need a referral.")},
    {"50",
     QT_TRANSLATE_NOOP("X12", "The provider is not eligible to check coverage with this "
                              "payer."),
     QT_TRANSLATE_NOOP("X12", "Ask the payer to enroll the provider for eligibility inquiries.")},
    {"51", QT_TRANSLATE_NOOP("X12", "The payer has no record of this provider."),
     QT_TRANSLATE_NOOP("X12", "Check the provider NPI; the provider may need to register with the "
                              "payer.")},
    {"52",
     QT_TRANSLATE_NOOP("X12", "The date of service is outside the provider's enrollment "
                              "with the plan."),
     QT_TRANSLATE_NOOP("X12", "Check the date of service; call the payer if the provider should "
                              "be enrolled for that date.")},
    {"53", QT_TRANSLATE_NOOP("X12", "The benefit asked about does not fit the provider's type."),
     QT_TRANSLATE_NOOP("X12", "Verify again with general coverage (service type 30) or a service "
                              "type that fits this provider.")},
    {"54", QT_TRANSLATE_NOOP("X12", "The kind of procedure code in the request is not accepted."),
     QT_TRANSLATE_NOOP("X12", "Verify again with a service type instead of a procedure code.")},
    {"55", QT_TRANSLATE_NOOP("X12", "The procedure or service code is not accepted."),
     QT_TRANSLATE_NOOP("X12", "Check the procedure or service type code and verify again.")},
    {"56", QT_TRANSLATE_NOOP("X12", "The date asked about is not accepted."),
     QT_TRANSLATE_NOOP("X12", "Use today's date or the appointment date and verify again.")},
    {"57", QT_TRANSLATE_NOOP("X12", "The date of service is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Enter the date of service and verify again.")},
    {"58", QT_TRANSLATE_NOOP("X12", "The date of birth is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's date of birth and verify again.")},
    {"60", QT_TRANSLATE_NOOP("X12", "The date of birth is after the date of service."),
     QT_TRANSLATE_NOOP("X12", "Check the date of birth and the date of service, then verify "
                              "again.")},
    {"61",
     QT_TRANSLATE_NOOP("X12", "The payer's records show a date of death before the date of "
                              "service."),
     QT_TRANSLATE_NOOP("X12", "Check that the right patient was selected; call the payer if their "
                              "record is wrong.")},
    {"62",
     QT_TRANSLATE_NOOP("X12", "The date of service is outside the period the payer answers "
                              "for."),
     QT_TRANSLATE_NOOP("X12", "Use a date of service closer to today and verify again.")},
    {"63", QT_TRANSLATE_NOOP("X12", "The date of service is in the future."),
     QT_TRANSLATE_NOOP("X12", "Use today's date, or verify again on the day of the visit.")},
    {"64", QT_TRANSLATE_NOOP("X12", "The patient's ID is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's ID on the insurance card and verify again.")},
    {"65", QT_TRANSLATE_NOOP("X12", "The patient's name is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's name exactly as printed on the insurance card "
                              "and verify again.")},
    {"66", QT_TRANSLATE_NOOP("X12", "The patient's sex is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's sex in the registration and verify again.")},
    {"67", QT_TRANSLATE_NOOP("X12", "The payer cannot find the patient."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's name and date of birth and the subscriber's "
                              "member ID exactly as on the card, then verify again.")},
    {"68", QT_TRANSLATE_NOOP("X12", "The payer has more than one record with this patient ID."),
     QT_TRANSLATE_NOOP("X12", "Add the patient's date of birth if it is missing; otherwise call "
                              "the payer.")},
    {"69", QT_TRANSLATE_NOOP("X12", "The service asked about does not fit the patient's age."),
     QT_TRANSLATE_NOOP("X12", "Check the date of birth and the service type, then verify again.")},
    {"70", QT_TRANSLATE_NOOP("X12", "The service asked about does not fit the patient's sex."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's sex and the service type, then verify again.")},
    {"71", QT_TRANSLATE_NOOP("X12", "The date of birth does not match the payer's records."),
     QT_TRANSLATE_NOOP("X12", "Confirm the date of birth with the patient or the insurance card "
                              "and verify again.")},
    {"72", QT_TRANSLATE_NOOP("X12", "The member ID is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the member ID on the insurance card (no spaces or dashes) "
                              "and verify again.")},
    {"73", QT_TRANSLATE_NOOP("X12", "The subscriber's name is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the subscriber's name exactly as printed on the insurance "
                              "card and verify again.")},
    {"74", QT_TRANSLATE_NOOP("X12", "The subscriber's sex is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the subscriber's sex in the registration and verify again.")},
    {"75", QT_TRANSLATE_NOOP("X12", "The payer cannot find the subscriber."),
     QT_TRANSLATE_NOOP("X12", "Check the subscriber's name, date of birth and member ID exactly as "
                              "on the card, and that the right payer is selected.")},
    {"76", QT_TRANSLATE_NOOP("X12", "The payer has more than one record with this member ID."),
     QT_TRANSLATE_NOOP("X12", "Add the subscriber's date of birth if it is missing; otherwise call "
                              "the payer.")},
    {"77", QT_TRANSLATE_NOOP("X12", "The payer found the subscriber but not the patient."),
     QT_TRANSLATE_NOOP("X12", "Check the patient's name and date of birth; the patient may not be "
                              "on this policy. Ask for the patient's own card.")},
    {"78", QT_TRANSLATE_NOOP("X12", "The subscriber is not in the group or plan given."),
     QT_TRANSLATE_NOOP("X12", "Check the group number on the card, or verify again without it.")},
    {"79", QT_TRANSLATE_NOOP("X12", "The payer does not recognize the sender of the request."),
     QT_TRANSLATE_NOOP("X12", "Ask the clearinghouse to check the practice's set-up with this "
                              "payer.")},
    {"80", QT_TRANSLATE_NOOP("X12", "The payer did not answer in time."),
     QT_TRANSLATE_NOOP("X12", "Try again in a few minutes. If it keeps failing, call the payer.")},
    {"97", QT_TRANSLATE_NOOP("X12", "The provider's address is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the provider's address in the practice settings and verify "
                              "again.")},
    {"98", QT_TRANSLATE_NOOP("X12", "The payer considers the service experimental."),
     QT_TRANSLATE_NOOP("X12", "Tell the patient the service may not be covered.")},
    {"AA", QT_TRANSLATE_NOOP("X12", "The service needs an authorization number."),
     QT_TRANSLATE_NOOP("X12", "Get an authorization number from the payer before the visit.")},
    {"AE",
     QT_TRANSLATE_NOOP("X12", "The service needs the primary care physician's "
                              "authorization."),
     QT_TRANSLATE_NOOP("X12", "Get a referral from the patient's primary care physician before "
                              "the visit.")},
    {"AF", QT_TRANSLATE_NOOP("X12", "The diagnosis code is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the diagnosis code and verify again.")},
    {"AG", QT_TRANSLATE_NOOP("X12", "The procedure code is invalid or missing."),
     QT_TRANSLATE_NOOP("X12", "Check the procedure code and verify again.")},
    {"AO",
     QT_TRANSLATE_NOOP("X12", "The payer needs more information about the patient's "
                              "condition."),
     QT_TRANSLATE_NOOP("X12", "Call the payer to give the information they need.")},
    {"CI", QT_TRANSLATE_NOOP("X12", "The certification information does not match the patient."),
     QT_TRANSLATE_NOOP("X12", "Check the authorization or certification number for this "
                              "patient.")},
    {"E8", QT_TRANSLATE_NOOP("X12", "The service needs a medical review."),
     QT_TRANSLATE_NOOP("X12", "Contact the payer for a medical review before the service.")},
    {"IA", QT_TRANSLATE_NOOP("X12", "The authorization number is not in a valid format."),
     QT_TRANSLATE_NOOP("X12", "Check the authorization number and verify again.")},
    {"MA", QT_TRANSLATE_NOOP("X12", "The authorization is missing."),
     QT_TRANSLATE_NOOP("X12", "Get an authorization from the payer before the service.")},
    {"T4", QT_TRANSLATE_NOOP("X12", "The payer's name or ID is missing."),
     QT_TRANSLATE_NOOP("X12", "Check the payer chosen for this coverage and its payer ID, then "
                              "verify again.")},
};

const AaaText *aaaText(const QString &code)
{
    for (const AaaText &text : aaaTexts) {
        if (code == QLatin1String(text.code))
            return &text;
    }
    return nullptr;
}

// ---- JSON -----------------------------------------------------------------------------------

void putString(QJsonObject &json, const char *key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(QLatin1String(key), value);
}

void putDate(QJsonObject &json, const char *key, QDate date)
{
    if (date.isValid())
        json.insert(QLatin1String(key), date.toString(Qt::ISODate));
}

void putStrings(QJsonObject &json, const char *key, const QStringList &values)
{
    if (!values.isEmpty())
        json.insert(QLatin1String(key), QJsonArray::fromStringList(values));
}

template<typename T, typename F>
void putList(QJsonObject &json, const char *key, const QList<T> &values, F toJson)
{
    if (values.isEmpty())
        return;
    QJsonArray array;
    for (const T &value : values)
        array.append(toJson(value));
    json.insert(QLatin1String(key), array);
}

QString getString(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QDate getDate(const QJsonObject &json, const char *key)
{
    return QDate::fromString(getString(json, key), Qt::ISODate);
}

QStringList getStrings(const QJsonObject &json, const char *key)
{
    QStringList values;
    const QJsonArray array = json.value(QLatin1String(key)).toArray();
    for (const QJsonValue &value : array)
        values.append(value.toString());
    return values;
}

template<typename F> auto getList(const QJsonObject &json, const char *key, F fromJson)
{
    QList<decltype(fromJson(QJsonObject()))> values;
    const QJsonArray array = json.value(QLatin1String(key)).toArray();
    for (const QJsonValue &value : array)
        values.append(fromJson(value.toObject()));
    return values;
}

QJsonObject dateToJson(const EligibilityDate &date)
{
    QJsonObject json;
    putString(json, "qualifier", date.qualifier);
    putDate(json, "from", date.from);
    putDate(json, "to", date.to);
    return json;
}

EligibilityDate dateFromJson(const QJsonObject &json)
{
    return {getString(json, "qualifier"), getDate(json, "from"), getDate(json, "to")};
}

QJsonObject rejectionToJson(const AaaRejection &rejection)
{
    QJsonObject json;
    putString(json, "loop", rejection.loop);
    json.insert(QLatin1String("validRequest"), rejection.validRequest);
    putString(json, "code", rejection.code);
    putString(json, "followUp", rejection.followUp);
    return json;
}

AaaRejection rejectionFromJson(const QJsonObject &json)
{
    AaaRejection rejection;
    rejection.loop = getString(json, "loop");
    rejection.validRequest = json.value(QLatin1String("validRequest")).toBool();
    rejection.code = getString(json, "code");
    rejection.followUp = getString(json, "followUp");
    return rejection;
}

QJsonObject entityToJson(const RelatedEntity &entity)
{
    QJsonObject json;
    putString(json, "entityCode", entity.entityCode);
    putString(json, "name", entity.name);
    putString(json, "firstName", entity.firstName);
    putString(json, "idQualifier", entity.idQualifier);
    putString(json, "id", entity.id);
    putString(json, "benefitCode", entity.benefitCode);
    putStrings(json, "serviceTypes", entity.serviceTypes);
    putString(json, "phone", entity.phone);
    putString(json, "address", entity.address);
    putString(json, "policyNumber", entity.policyNumber);
    putString(json, "groupNumber", entity.groupNumber);
    putList(json, "dates", entity.dates, dateToJson);
    return json;
}

RelatedEntity entityFromJson(const QJsonObject &json)
{
    RelatedEntity entity;
    entity.entityCode = getString(json, "entityCode");
    entity.name = getString(json, "name");
    entity.firstName = getString(json, "firstName");
    entity.idQualifier = getString(json, "idQualifier");
    entity.id = getString(json, "id");
    entity.benefitCode = getString(json, "benefitCode");
    entity.serviceTypes = getStrings(json, "serviceTypes");
    entity.phone = getString(json, "phone");
    entity.address = getString(json, "address");
    entity.policyNumber = getString(json, "policyNumber");
    entity.groupNumber = getString(json, "groupNumber");
    entity.dates = getList(json, "dates", dateFromJson);
    return entity;
}

QJsonObject benefitToJson(const BenefitInfo &benefit)
{
    QJsonObject json;
    putString(json, "code", benefit.code);
    putString(json, "coverageLevel", benefit.coverageLevel);
    putStrings(json, "serviceTypes", benefit.serviceTypes);
    putString(json, "insuranceType", benefit.insuranceType);
    putString(json, "planDescription", benefit.planDescription);
    putString(json, "timePeriod", benefit.timePeriod);
    if (benefit.amountCents)
        json.insert(QLatin1String("amountCents"), *benefit.amountCents);
    if (benefit.percent)
        json.insert(QLatin1String("percent"), *benefit.percent);
    putString(json, "quantityQualifier", benefit.quantityQualifier);
    if (benefit.quantity)
        json.insert(QLatin1String("quantity"), *benefit.quantity);
    putString(json, "authorizationRequired", benefit.authorizationRequired);
    putString(json, "network", benefit.network);
    putString(json, "procedure", benefit.procedure);
    putList(json, "dates", benefit.dates, dateToJson);
    putStrings(json, "messages", benefit.messages);
    putList(json, "relatedEntities", benefit.relatedEntities, entityToJson);
    return json;
}

BenefitInfo benefitFromJson(const QJsonObject &json)
{
    BenefitInfo benefit;
    benefit.code = getString(json, "code");
    benefit.coverageLevel = getString(json, "coverageLevel");
    benefit.serviceTypes = getStrings(json, "serviceTypes");
    benefit.insuranceType = getString(json, "insuranceType");
    benefit.planDescription = getString(json, "planDescription");
    benefit.timePeriod = getString(json, "timePeriod");
    if (const QJsonValue amount = json.value(QLatin1String("amountCents")); amount.isDouble())
        benefit.amountCents = amount.toInteger();
    if (const QJsonValue percent = json.value(QLatin1String("percent")); percent.isDouble())
        benefit.percent = percent.toDouble();
    benefit.quantityQualifier = getString(json, "quantityQualifier");
    if (const QJsonValue quantity = json.value(QLatin1String("quantity")); quantity.isDouble())
        benefit.quantity = quantity.toDouble();
    benefit.authorizationRequired = getString(json, "authorizationRequired");
    benefit.network = getString(json, "network");
    benefit.procedure = getString(json, "procedure");
    benefit.dates = getList(json, "dates", dateFromJson);
    benefit.messages = getStrings(json, "messages");
    benefit.relatedEntities = getList(json, "relatedEntities", entityFromJson);
    return benefit;
}

QJsonObject personToJson(const PersonInfo &person)
{
    QJsonObject json;
    putString(json, "lastName", person.lastName);
    putString(json, "firstName", person.firstName);
    putString(json, "middleName", person.middleName);
    putString(json, "suffix", person.suffix);
    putString(json, "memberId", person.memberId);
    putString(json, "priorMemberId", person.priorMemberId);
    putDate(json, "dateOfBirth", person.dateOfBirth);
    putString(json, "gender", person.gender);
    putString(json, "addressLine", person.addressLine);
    putString(json, "city", person.city);
    putString(json, "state", person.state);
    putString(json, "zip", person.zip);
    putString(json, "relationship", person.relationship);
    return json;
}

PersonInfo personFromJson(const QJsonObject &json)
{
    PersonInfo person;
    person.lastName = getString(json, "lastName");
    person.firstName = getString(json, "firstName");
    person.middleName = getString(json, "middleName");
    person.suffix = getString(json, "suffix");
    person.memberId = getString(json, "memberId");
    person.priorMemberId = getString(json, "priorMemberId"); // absent in JSON stored before it
    person.dateOfBirth = getDate(json, "dateOfBirth");
    person.gender = getString(json, "gender");
    person.addressLine = getString(json, "addressLine");
    person.city = getString(json, "city");
    person.state = getString(json, "state");
    person.zip = getString(json, "zip");
    person.relationship = getString(json, "relationship");
    return person;
}

bool networkMatches(const QString &benefitNetwork, const QString &wanted)
{
    if (wanted == QLatin1String("Y")) // W (both) and an empty EB12 apply in network too
        return benefitNetwork.isEmpty() || benefitNetwork == QLatin1String("Y") ||
               benefitNetwork == QLatin1String("W");
    if (wanted == QLatin1String("N"))
        return benefitNetwork == QLatin1String("N") || benefitNetwork == QLatin1String("W");
    return benefitNetwork == wanted;
}

// EB13 is "HC:70551"; a caller may ask for "70551" or the whole composite.
bool procedureMatches(const QString &procedure, const QString &wanted)
{
    if (procedure.isEmpty() || wanted.isEmpty())
        return false;
    if (procedure == wanted)
        return true;
    const QStringList parts = procedure.split(QLatin1Char(':'));
    return parts.size() > 1 && parts.at(1) == wanted;
}

const EligibilityDate *findDate(const QList<EligibilityDate> &dates, const char *qualifier)
{
    for (const EligibilityDate &date : dates) {
        if (date.qualifier == QLatin1String(qualifier) && date.from.isValid())
            return &date;
    }
    return nullptr;
}

} // namespace

// ---- AaaRejection ----------------------------------------------------------------------------

QString AaaRejection::reason() const
{
    if (const AaaText *text = aaaText(code))
        return QCoreApplication::translate("X12", text->reason);
    if (code.isEmpty())
        return QCoreApplication::translate(
            "X12", "The payer rejected the request without giving a reason.");
    return QCoreApplication::translate("X12", "The payer rejected the request (reason code %1).")
        .arg(code);
}

QString AaaRejection::whatToFix() const
{
    if (code == QLatin1String("15")) {
        // "Required data missing" means different fields depending on where it was reported.
        if (loop == QLatin1String("2100B"))
            return QCoreApplication::translate(
                "X12", "Check the provider's name and NPI in the practice settings and verify "
                       "again.");
        if (loop.startsWith(QLatin1String("2110")))
            return QCoreApplication::translate(
                "X12", "Check the service type and the date of service, then verify again.");
    }
    if (const AaaText *text = aaaText(code))
        return QCoreApplication::translate("X12", text->fix);
    return QCoreApplication::translate(
               "X12",
               "Check the patient's insurance details against the card; if they are right, call "
               "the payer and quote reason code %1.")
        .arg(code.isEmpty() ? QStringLiteral("-") : code);
}

QString AaaRejection::followUpText() const
{
    if (followUp == QLatin1String("C"))
        return QCoreApplication::translate("X12", "Correct the request and send it again.");
    if (followUp == QLatin1String("N"))
        return QCoreApplication::translate(
            "X12", "Do not send it again: the payer does not allow resubmission.");
    if (followUp == QLatin1String("P"))
        return QCoreApplication::translate("X12", "Send the same request again.");
    if (followUp == QLatin1String("R"))
        return QCoreApplication::translate("X12", "The request may be sent again.");
    if (followUp == QLatin1String("S"))
        return QCoreApplication::translate(
            "X12", "Do not send it again: the payer passed it to a third party.");
    if (followUp == QLatin1String("W"))
        return QCoreApplication::translate("X12", "Wait 30 days before sending it again.");
    if (followUp == QLatin1String("X"))
        return QCoreApplication::translate("X12", "Wait 10 days before sending it again.");
    if (followUp == QLatin1String("Y"))
        return QCoreApplication::translate("X12", "Do not send it again: the payer will respond.");
    return {};
}

bool AaaRejection::isTransient() const
{
    return code == QLatin1String("42") || code == QLatin1String("80");
}

// ---- RelatedEntity ---------------------------------------------------------------------------

QString RelatedEntity::roleText() const
{
    QString who = firstName.isEmpty() ? name : firstName + QLatin1Char(' ') + name;
    if (who.trimmed().isEmpty())
        who = id.isEmpty() ? QCoreApplication::translate("X12", "an unnamed entity") : id;
    if (entityCode == QLatin1String("PRP"))
        return QCoreApplication::translate("X12", "%1 is the primary payer.").arg(who);
    if (entityCode == QLatin1String("SEP"))
        return QCoreApplication::translate("X12", "%1 is the secondary payer.").arg(who);
    if (entityCode == QLatin1String("TTP"))
        return QCoreApplication::translate("X12", "%1 is the tertiary payer.").arg(who);
    if (entityCode == QLatin1String("P3"))
        return QCoreApplication::translate("X12", "Primary care provider: %1.").arg(who);
    if (benefitCode == QLatin1String("R") || entityCode == QLatin1String("PR"))
        return QCoreApplication::translate("X12", "Another payer also covers this patient: %1.")
            .arg(who);
    if (entityCode.isEmpty())
        return who;
    //: %1 is a kind of entity (Plan sponsor, Employer ...), %2 its name
    return QCoreApplication::translate("X12", "%1: %2.")
        .arg(EligibilityCodes::entityName(entityCode), who);
}

// ---- EligibilityResult -----------------------------------------------------------------------

QDate EligibilityResult::coverageBegin() const
{
    for (const char *qualifier : {"346", "356", "291", "307"}) {
        if (const EligibilityDate *date = findDate(dates, qualifier))
            return date->from;
    }
    return {};
}

QDate EligibilityResult::coverageEnd() const
{
    for (const char *qualifier : {"347", "357"}) {
        if (const EligibilityDate *date = findDate(dates, qualifier))
            return date->to.isValid() ? date->to : date->from;
    }
    for (const char *qualifier : {"291", "307"}) {
        const EligibilityDate *date = findDate(dates, qualifier);
        if (date && date->to.isValid() && date->to != date->from)
            return date->to;
    }
    return {};
}

QList<BenefitInfo> EligibilityResult::benefitsWithCode(const QString &code) const
{
    QList<BenefitInfo> out;
    for (const BenefitInfo &benefit : benefits) {
        if (benefit.code == code)
            out.append(benefit);
    }
    return out;
}

std::optional<qint64> EligibilityResult::copayCents(const QString &serviceType,
                                                    const QString &network) const
{
    // A copay listed for the exact service type wins over the plan-wide one (30).
    for (const QString &wanted : {serviceType, QStringLiteral("30")}) {
        for (const BenefitInfo &benefit : benefits) {
            if (benefit.code == QLatin1String("B") && benefit.amountCents &&
                benefit.appliesTo(wanted) && networkMatches(benefit.network, network)) {
                return benefit.amountCents;
            }
        }
        if (wanted == QLatin1String("30"))
            break;
    }
    return std::nullopt;
}

bool EligibilityResult::requiresPriorAuthorization(const QString &serviceType) const
{
    for (const BenefitInfo &benefit : benefits) {
        if (benefit.authorizationRequired == QLatin1String("Y") &&
            (benefit.appliesTo(serviceType) || procedureMatches(benefit.procedure, serviceType)))
            return true;
    }
    return false;
}

QJsonObject EligibilityResult::toJson() const
{
    QJsonObject json;
    putString(json, "traceNumber", traceNumber);
    putString(json, "payerName", payerName);
    putString(json, "payerId", payerId);
    putString(json, "providerName", providerName);
    putString(json, "providerNpi", providerNpi);
    json.insert(QLatin1String("subscriber"), personToJson(subscriber));
    if (dependent)
        json.insert(QLatin1String("dependent"), personToJson(*dependent));
    json.insert(QLatin1String("status"), eligibilityStatusKey(status));
    putString(json, "planName", planName);
    putString(json, "planNumber", planNumber);
    putString(json, "groupNumber", groupNumber);
    putString(json, "groupName", groupName);
    putString(json, "insuranceType", insuranceType);
    putList(json, "dates", dates, dateToJson);
    putList(json, "benefits", benefits, benefitToJson);
    putList(json, "rejections", rejections, rejectionToJson);
    putList(json, "otherPayers", otherPayers, entityToJson);
    putStrings(json, "messages", messages);
    return json;
}

EligibilityResult EligibilityResult::fromJson(const QJsonObject &json)
{
    EligibilityResult result;
    result.traceNumber = getString(json, "traceNumber");
    result.payerName = getString(json, "payerName");
    result.payerId = getString(json, "payerId");
    result.providerName = getString(json, "providerName");
    result.providerNpi = getString(json, "providerNpi");
    result.subscriber = personFromJson(json.value(QLatin1String("subscriber")).toObject());
    if (const QJsonValue dependent = json.value(QLatin1String("dependent")); dependent.isObject())
        result.dependent = personFromJson(dependent.toObject());
    result.status = eligibilityStatusFromKey(getString(json, "status"));
    result.planName = getString(json, "planName");
    result.planNumber = getString(json, "planNumber");
    result.groupNumber = getString(json, "groupNumber");
    result.groupName = getString(json, "groupName");
    result.insuranceType = getString(json, "insuranceType");
    result.dates = getList(json, "dates", dateFromJson);
    result.benefits = getList(json, "benefits", benefitFromJson);
    result.rejections = getList(json, "rejections", rejectionFromJson);
    result.otherPayers = getList(json, "otherPayers", entityFromJson);
    result.messages = getStrings(json, "messages");
    return result;
}

QString eligibilityStatusKey(EligibilityResult::Status status)
{
    switch (status) {
    case EligibilityResult::Status::Unknown:
        break;
    case EligibilityResult::Status::Active:
        return QStringLiteral("active");
    case EligibilityResult::Status::Inactive:
        return QStringLiteral("inactive");
    case EligibilityResult::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("unknown");
}

EligibilityResult::Status eligibilityStatusFromKey(const QString &key)
{
    for (auto status : {EligibilityResult::Status::Active, EligibilityResult::Status::Inactive,
                        EligibilityResult::Status::Rejected}) {
        if (eligibilityStatusKey(status) == key)
            return status;
    }
    return EligibilityResult::Status::Unknown;
}

QString eligibilityStatusText(EligibilityResult::Status status)
{
    switch (status) {
    case EligibilityResult::Status::Unknown:
        break;
    case EligibilityResult::Status::Active:
        return QCoreApplication::translate("X12", "Active");
    case EligibilityResult::Status::Inactive:
        return QCoreApplication::translate("X12", "Inactive");
    case EligibilityResult::Status::Rejected:
        return QCoreApplication::translate("X12", "Rejected");
    }
    return QCoreApplication::translate("X12", "Unknown");
}
