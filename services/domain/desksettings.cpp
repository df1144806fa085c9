// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/desksettings.h"

#include "services/domain/fieldvalidation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeskSettings)
};

const QString urlKey = QStringLiteral("clearinghouse/url");
const QString feesKey = QStringLiteral("visitFees");
const QString officeVisitKey = QStringLiteral("fees/officeVisitCents");

bool isServiceTypeCode(const QString &code)
{
    // X12 service type codes are one or two letters or digits ("1", "98", "UC").
    static const QRegularExpression shape(QStringLiteral("^[0-9A-Z]{1,2}$"));
    return shape.match(code).hasMatch();
}
} // namespace

DeskSettings DeskSettings::load(const QSettings &s)
{
    DeskSettings d;
    d.clearinghouseUrl = QUrl(s.value(urlKey).toString());
    d.clinic.name = s.value(QStringLiteral("clinic/name"), d.clinic.name).toString();
    d.clinic.addressLine =
        s.value(QStringLiteral("clinic/address"), d.clinic.addressLine).toString();
    d.clinic.cityStateZip =
        s.value(QStringLiteral("clinic/cityStateZip"), d.clinic.cityStateZip).toString();
    d.clinic.phone = s.value(QStringLiteral("clinic/phone"), d.clinic.phone).toString();
    d.clinic.npi = s.value(QStringLiteral("clinic/npi"), d.clinic.npi).toString();
    d.timeoutSeconds =
        s.value(QStringLiteral("eligibility/timeoutSeconds"), d.timeoutSeconds).toInt();
    d.maxTries = s.value(QStringLiteral("eligibility/maxTries"), d.maxTries).toInt();
    d.reuseHours = s.value(QStringLiteral("eligibility/reuseHours"), d.reuseHours).toInt();
    d.maxAgeDays = s.value(QStringLiteral("eligibility/maxAgeDays"), d.maxAgeDays).toInt();
    d.lockMinutes = s.value(QStringLiteral("security/lockMinutes"), d.lockMinutes).toInt();
    d.officeVisitCents = s.value(officeVisitKey, d.officeVisitCents).toLongLong();
    d.hubUrl = QUrl(s.value(QStringLiteral("hub/url")).toString());
    d.deviceName = s.value(QStringLiteral("hub/device")).toString();
    d.deviceToken = s.value(QStringLiteral("hub/token")).toString();
    d.payorUrl = QUrl(s.value(QStringLiteral("payor/url")).toString());
    d.payorApiKey = s.value(QStringLiteral("payor/apiKey")).toString();
    d.providerId = s.value(QStringLiteral("payor/providerId")).toString();
    d.providerName = s.value(QStringLiteral("payor/providerName")).toString();
    d.payorWebhookSecret = s.value(QStringLiteral("payor/webhookSecret")).toString();
    d.timelyFilingDays =
        s.value(QStringLiteral("payor/timelyFilingDays"), d.timelyFilingDays).toInt();
    d.claimSyncMinutes =
        s.value(QStringLiteral("payor/syncMinutes"), d.claimSyncMinutes).toInt();
    d.metriportUrl = QUrl(s.value(QStringLiteral("metriport/url")).toString());
    d.metriportApiKey = s.value(QStringLiteral("metriport/apiKey")).toString();
    d.metriportFacilityId = s.value(QStringLiteral("metriport/facilityId")).toString();
    // Read as QSettings writes an array (visitFees/1/visitType ... visitFees/size): load() has
    // a const QSettings, and beginReadArray() is not const.
    if (s.contains(feesKey + QStringLiteral("/size"))) {
        d.visitFees.clear();
        const int size = s.value(feesKey + QStringLiteral("/size")).toInt();
        for (int i = 1; i <= size; ++i) {
            const QString prefix = QStringLiteral("%1/%2/").arg(feesKey).arg(i);
            VisitFee fee;
            fee.visitType = s.value(prefix + QStringLiteral("visitType")).toString();
            fee.serviceType = s.value(prefix + QStringLiteral("serviceType")).toString();
            fee.chargeCents = s.value(prefix + QStringLiteral("chargeCents")).toLongLong();
            d.visitFees.append(fee);
        }
    }
    return d;
}

QStringList DeskSettings::secretKeys()
{
    return {QStringLiteral("hub/token"), QStringLiteral("payor/apiKey"),
            QStringLiteral("payor/webhookSecret"), QStringLiteral("metriport/apiKey")};
}

QHash<QString, QString> DeskSettings::secrets() const
{
    return {{QStringLiteral("hub/token"), deviceToken},
            {QStringLiteral("payor/apiKey"), payorApiKey},
            {QStringLiteral("payor/webhookSecret"), payorWebhookSecret},
            {QStringLiteral("metriport/apiKey"), metriportApiKey}};
}

void DeskSettings::setSecrets(const QHash<QString, QString> &secrets)
{
    deviceToken = secrets.value(QStringLiteral("hub/token"));
    payorApiKey = secrets.value(QStringLiteral("payor/apiKey"));
    payorWebhookSecret = secrets.value(QStringLiteral("payor/webhookSecret"));
    metriportApiKey = secrets.value(QStringLiteral("metriport/apiKey"));
}

void DeskSettings::save(QSettings &s) const
{
    if (clearinghouseUrl.isEmpty())
        s.remove(urlKey);
    else
        s.setValue(urlKey, clearinghouseUrl.toString());
    s.setValue(QStringLiteral("clinic/name"), clinic.name);
    s.setValue(QStringLiteral("clinic/address"), clinic.addressLine);
    s.setValue(QStringLiteral("clinic/cityStateZip"), clinic.cityStateZip);
    s.setValue(QStringLiteral("clinic/phone"), clinic.phone);
    s.setValue(QStringLiteral("clinic/npi"), clinic.npi);
    s.setValue(QStringLiteral("eligibility/timeoutSeconds"), timeoutSeconds);
    s.setValue(QStringLiteral("eligibility/maxTries"), maxTries);
    s.setValue(QStringLiteral("eligibility/reuseHours"), reuseHours);
    s.setValue(QStringLiteral("eligibility/maxAgeDays"), maxAgeDays);
    s.setValue(QStringLiteral("security/lockMinutes"), lockMinutes);
    s.setValue(officeVisitKey, officeVisitCents);
    if (hubUrl.isEmpty())
        s.remove(QStringLiteral("hub/url"));
    else
        s.setValue(QStringLiteral("hub/url"), hubUrl.toString());
    s.setValue(QStringLiteral("hub/device"), deviceName);
    if (payorUrl.isEmpty())
        s.remove(QStringLiteral("payor/url"));
    else
        s.setValue(QStringLiteral("payor/url"), payorUrl.toString());
    s.setValue(QStringLiteral("payor/providerId"), providerId);
    s.setValue(QStringLiteral("payor/providerName"), providerName);
    s.setValue(QStringLiteral("payor/timelyFilingDays"), timelyFilingDays);
    s.setValue(QStringLiteral("payor/syncMinutes"), claimSyncMinutes);
    if (metriportUrl.isEmpty())
        s.remove(QStringLiteral("metriport/url"));
    else
        s.setValue(QStringLiteral("metriport/url"), metriportUrl.toString());
    s.setValue(QStringLiteral("metriport/facilityId"), metriportFacilityId);
    // The secrets live in the encrypted database (SecretService); a file any program of the
    // user can read keeps none, also none an earlier version wrote.
    for (const QString &key : secretKeys())
        s.remove(key);
    s.remove(feesKey); // a shorter list leaves no old rows behind
    s.beginWriteArray(feesKey, int(visitFees.size()));
    for (int i = 0; i < visitFees.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("visitType"), visitFees.at(i).visitType);
        s.setValue(QStringLiteral("serviceType"), visitFees.at(i).serviceType);
        s.setValue(QStringLiteral("chargeCents"), visitFees.at(i).chargeCents);
    }
    s.endArray();
    s.sync();
}

QStringList DeskSettings::validate() const
{
    QStringList messages;
    if (!clearinghouseUrl.isEmpty()) {
        const QString scheme = clearinghouseUrl.scheme();
        if (!clearinghouseUrl.isValid() || clearinghouseUrl.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            messages << Tr::tr("Clearinghouse address: enter a full https:// address, or leave it "
                               "empty for training mode.");
        }
    }
    if (!hubUrl.isEmpty()) {
        const QString scheme = hubUrl.scheme();
        if (!hubUrl.isValid() || hubUrl.host().isEmpty()
            || (scheme != QLatin1String("wss") && scheme != QLatin1String("ws"))) {
            messages << Tr::tr("Hub address: enter a full wss:// address such as "
                               "wss://hub.example.org/feed, or leave it empty.");
        } else if (deviceName.trimmed().isEmpty() || deviceToken.trimmed().isEmpty()) {
            messages << Tr::tr("Hub: enter this desk's device name and token as listed on the "
                               "hub.");
        }
    }
    if (!payorUrl.isEmpty()) {
        const QString scheme = payorUrl.scheme();
        if (!payorUrl.isValid() || payorUrl.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            messages << Tr::tr("Payor address: enter a full https:// address, or leave it empty "
                               "for training mode.");
        } else if (payorApiKey.trimmed().isEmpty() || providerId.trimmed().isEmpty()) {
            messages << Tr::tr("Payor: enter the API key and the provider ID the payor gave "
                               "you.");
        }
    }
    if (!metriportUrl.isEmpty()) {
        const QString scheme = metriportUrl.scheme();
        if (!metriportUrl.isValid() || metriportUrl.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            messages << Tr::tr("Metriport address: enter a full https:// address such as "
                               "https://api.metriport.com, or leave it empty for training mode.");
        } else if (metriportApiKey.trimmed().isEmpty()) {
            messages << Tr::tr("Metriport: enter the API key of your Metriport account.");
        }
    }
    if (timelyFilingDays < 30 || timelyFilingDays > 730)
        messages << Tr::tr("Timely filing: between 30 and 730 days.");
    if (claimSyncMinutes < 1 || claimSyncMinutes > 60)
        messages << Tr::tr("Claim sync: every 1 to 60 minutes.");
    if (clinic.name.trimmed().isEmpty())
        messages << Tr::tr("Clinic name: required (it is printed on every report).");
    if (const QString npi = FieldValidation::npi(clinic.npi); !npi.isEmpty())
        messages << Tr::tr("Clinic NPI: %1").arg(npi);
    if (const QString phone = FieldValidation::phone(clinic.phone); !phone.isEmpty())
        messages << Tr::tr("Clinic phone: %1").arg(phone);
    if (timeoutSeconds < 5 || timeoutSeconds > 120)
        messages << Tr::tr("Timeout: between 5 and 120 seconds.");
    if (maxTries < 1 || maxTries > 5)
        messages << Tr::tr("Tries: between 1 and 5.");
    if (reuseHours < 0 || reuseHours > 72)
        messages << Tr::tr("Reuse answers for: between 0 and 72 hours.");
    if (maxAgeDays < 1 || maxAgeDays > 365)
        messages << Tr::tr("Answers expire after: between 1 and 365 days.");
    if (lockMinutes < 2 || lockMinutes > 60)
        messages << Tr::tr("Lock the screen after: between 2 and 60 minutes.");
    if (officeVisitCents < 0 || officeVisitCents > VisitFees::maxChargeCents)
        messages << Tr::tr("Office visit charge: between $0.00 and $100,000.00.");
    QSet<QString> seen;
    for (const VisitFee &fee : visitFees) {
        const QString name = fee.visitType.trimmed();
        if (name.isEmpty()) {
            messages << Tr::tr("Visit fees: every row needs a visit type.");
            continue;
        }
        if (seen.contains(name.toCaseFolded()))
            messages << Tr::tr("Visit fees: %1 is listed twice.").arg(name);
        seen.insert(name.toCaseFolded());
        if (!isServiceTypeCode(fee.serviceType))
            messages
                << Tr::tr("Visit fees: %1 needs an X12 service type code such as 98.").arg(name);
        if (fee.chargeCents < 0 || fee.chargeCents > VisitFees::maxChargeCents)
            messages << Tr::tr("Visit fees: the charge for %1 must be between $0.00 and "
                               "$100,000.00.")
                            .arg(name);
    }
    return messages;
}
