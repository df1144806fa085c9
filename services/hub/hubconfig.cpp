// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/hubconfig.h"

#include "services/access/databasekey.h"

#include "services/common/webhooksignature.h"
#include "services/httpserver/tlsidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {
//! QSettings splits an unquoted "a,b" into a list; join it back.
QString settingText(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (value.userType() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(','));
    return value.toString().trimmed();
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items.append(item);
    }
    return items;
}
} // namespace

bool HubConfig::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress parsed(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                   : host);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (parsed.isNull() || !ok || number > 65535)
        return false;
    *address = parsed;
    *port = quint16(number);
    return true;
}

bool HubConfig::parseDeviceTokens(const QString &text, QHash<QString, QByteArray> *tokens,
                                  QString *error)
{
    tokens->clear();
    for (const QString &entry : splitList(text)) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        const QString device = colon < 0 ? entry : entry.left(colon).trimmed();
        const QString token = colon < 0 ? QString() : entry.mid(colon + 1).trimmed();
        if (device.isEmpty() || token.isEmpty()) {
            *error = QStringLiteral("an entry without a device name or token (\"%1:…\")")
                         .arg(device);
            return false;
        }
        if (tokens->contains(device)) {
            *error = QStringLiteral("device %1 is listed twice").arg(device);
            return false;
        }
        tokens->insert(device, token.toUtf8());
    }
    return true;
}

bool HubConfig::load(const QString &path, const QProcessEnvironment &environment,
                     HubConfig *config, QString *error)
{
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable()) {
        *error = QStringLiteral("cannot read the configuration file %1").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("%1 is not a valid INI file").arg(path);
        return false;
    }
    auto bad = [&](const QString &key, const QString &why) {
        *error = QStringLiteral("%1: [%2] %3").arg(path, key, why);
        return false;
    };
    auto fromEnvironment = [&](const char *name, const QString &key) {
        const QString value = environment.value(QString::fromLatin1(name));
        return value.isEmpty() ? settingText(settings, key) : value.trimmed();
    };

    HubConfig loaded;
    const QString listen = settingText(settings, QStringLiteral("server/listen"));
    if (!listen.isEmpty() && !parseListen(listen, &loaded.address, &loaded.port))
        return bad(QStringLiteral("server/listen"),
                   QStringLiteral("expected HOST:PORT such as 127.0.0.1:8787, got %1").arg(listen));

    loaded.database = fromEnvironment("CLINICHUB_DATABASE", QStringLiteral("server/database"));
    if (loaded.database.isEmpty())
        return bad(QStringLiteral("server/database"),
                   QStringLiteral("is required: a file path or postgresql://…"));
    if (!loaded.database.startsWith(QLatin1String("postgresql://"))
        && QFileInfo(loaded.database).isRelative()) {
        loaded.database = file.absoluteDir().absoluteFilePath(loaded.database);
    }
    if (!loaded.database.startsWith(QLatin1String("postgresql://"))) {
        const QString passphrase = environment.value(QStringLiteral("CLINICHUB_DATABASE_PASSPHRASE"));
        QString keyFile = fromEnvironment("CLINICHUB_DATABASE_KEY_FILE",
                                          QStringLiteral("server/databaseKeyFile"));
        if (!keyFile.isEmpty() && QFileInfo(keyFile).isRelative())
            keyFile = file.absoluteDir().absoluteFilePath(keyFile);
        const DatabaseKey::Result key =
            !passphrase.isEmpty()
                ? DatabaseKey::loadOrCreateWrapped(loaded.database + QStringLiteral(".key"),
                                                   passphrase)
                : DatabaseKey::loadOrCreateKeyFile(
                      keyFile.isEmpty() ? loaded.database + QStringLiteral(".key") : keyFile);
        if (!key.ok())
            return bad(QStringLiteral("server/databaseKeyFile"), key.error);
        loaded.databaseKeyHex = key.keyHex;
    }

    const QString retention = settingText(settings, QStringLiteral("server/retentionDays"));
    if (!retention.isEmpty()) {
        bool ok = false;
        loaded.retentionDays = retention.toInt(&ok);
        if (!ok || loaded.retentionDays < 1 || loaded.retentionDays > 3650)
            return bad(QStringLiteral("server/retentionDays"),
                       QStringLiteral("expected days from 1 to 3650, got %1").arg(retention));
    }

    loaded.tlsCertificate = settingText(settings, QStringLiteral("server/tlsCertificate"));
    loaded.tlsKey = settingText(settings, QStringLiteral("server/tlsKey"));
    if (loaded.tlsCertificate.isEmpty() != loaded.tlsKey.isEmpty())
        return bad(QStringLiteral("server/tlsCertificate"),
                   QStringLiteral("and tlsKey must both be set for TLS, or both be empty"));
    for (QString *pem : {&loaded.tlsCertificate, &loaded.tlsKey}) {
        if (!pem->isEmpty() && QFileInfo(*pem).isRelative())
            *pem = file.absoluteDir().absoluteFilePath(*pem);
    }
    if (loaded.tlsEnabled()) {
        // Read now so that a wrong file is named before anything starts (HubServer reads them
        // again when it starts listening).
        QSslConfiguration tls;
        QString tlsError;
        if (!TlsIdentity::load(loaded.tlsCertificate, loaded.tlsKey, &tls, &tlsError))
            return bad(QStringLiteral("server/tlsCertificate"), tlsError);
    }

    loaded.metriportWebhookKey =
        fromEnvironment("CLINICHUB_METRIPORT_WEBHOOK_KEY", QStringLiteral("metriport/webhookKey"))
            .toUtf8();

    const QString secrets =
        fromEnvironment("CLINICHUB_PAYOR_SECRETS", QStringLiteral("payor/secrets"));
    for (const QString &secret : splitList(secrets)) {
        const std::optional<QByteArray> key = StandardWebhooks::decodeSecret(secret.toLatin1());
        if (!key)
            return bad(QStringLiteral("payor/secrets"),
                       QStringLiteral("a secret is not whsec_ followed by base64"));
        loaded.payorKeys.append(*key);
    }

    QString tokenError;
    if (!parseDeviceTokens(fromEnvironment("CLINICHUB_DEVICE_TOKENS",
                                           QStringLiteral("devices/tokens")),
                           &loaded.deviceTokens, &tokenError)) {
        return bad(QStringLiteral("devices/tokens"), tokenError);
    }
    if (loaded.deviceTokens.isEmpty())
        return bad(QStringLiteral("devices/tokens"),
                   QStringLiteral("no device may connect: list device:token pairs"));
    if (loaded.metriportWebhookKey.isEmpty() && loaded.payorKeys.isEmpty())
        return bad(QStringLiteral("metriport/webhookKey"),
                   QStringLiteral("and payor/secrets are both empty: no webhook could be "
                                  "verified"));
    *config = loaded;
    return true;
}
