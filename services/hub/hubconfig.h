// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

/*!
  clinichub's configuration: a QSettings INI file, with the secrets allowed in the environment
  instead (never on the command line, where `ps` shows them):

    [server]    listen=HOST:PORT (port 0: any free one), database=PATH or postgresql://…,
                retentionDays=30, tlsCertificate=PEM, tlsKey=PEM,
                databaseKeyFile=PATH             or CLINICHUB_DATABASE_KEY_FILE

  A SQLite event log is always encrypted. Its key is wrapped by the passphrase in
  CLINICHUB_DATABASE_PASSPHRASE (kept in DATABASE.key) when that is set; else it is the key file
  (64 hex digits, owner-only; DATABASE.key by default, made on first start). Keep a key file out
  of the database's backups.
    [metriport] webhookKey=…                     or CLINICHUB_METRIPORT_WEBHOOK_KEY
    [payor]     secrets=whsec_…,whsec_…          or CLINICHUB_PAYOR_SECRETS
    [devices]   tokens=desk-1:TOKEN1,desk-2:…    or CLINICHUB_DEVICE_TOKENS

  The environment wins over the file. A relative database path, certificate or key is relative
  to the config file. With both tlsCertificate and tlsKey set (PEM: the certificate chain, then
  an unencrypted RSA or EC key) the hub serves HTTPS and WSS only; load() checks that both can
  be read and belong together.
 */
struct HubConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    QString database;
    QByteArray databaseKeyHex; // a SQLite database's key (64 hex digits); see load()
    int retentionDays = 30;
    QString tlsCertificate;
    QString tlsKey;
    QByteArray metriportWebhookKey;   // as UTF-8 bytes
    QList<QByteArray> payorKeys;      // decoded from whsec_… secrets
    QHash<QString, QByteArray> deviceTokens; // device → token

    bool tlsEnabled() const { return !tlsCertificate.isEmpty() && !tlsKey.isEmpty(); }

    //! Reads and checks `path`; on failure returns false with `error` naming the setting.
    static bool load(const QString &path, const QProcessEnvironment &environment,
                     HubConfig *config, QString *error);
    //! "HOST:PORT" → address and port; false when either is malformed.
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);
    //! "desk-1:TOKEN1,desk-2:TOKEN2" → map; false (with the offending entry in `error`) when an
    //! entry has no name or no token, or a name appears twice.
    static bool parseDeviceTokens(const QString &text, QHash<QString, QByteArray> *tokens,
                                  QString *error);
};
