// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

//! Constant-time comparison of secrets and signatures (libsodium's sodium_memcmp): the time
//! taken never tells an attacker how many leading bytes matched. Different lengths: false.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/*!
  Metriport's webhook signature: `x-metriport-signature` is the lowercase hex HMAC-SHA256 of the
  raw body bytes, keyed with the webhook key as UTF-8. No timestamp, so no replay window.
 */
namespace MetriportSignature {
//! The header value for `body` (64 lowercase hex digits).
QByteArray sign(QByteArrayView key, QByteArrayView body);
//! True when `header` is exactly sign(key, body): 64 hex digits (upper case refused), compared
//! in constant time. An empty key verifies nothing.
bool verify(QByteArrayView key, QByteArrayView body, QByteArrayView header);
} // namespace MetriportSignature

/*!
  Standard Webhooks (standardwebhooks.com, spec/standard-webhooks.md): `webhook-signature` is a
  space-separated list of `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; the secret is
  `whsec_` + base64 of the key bytes. Several secrets may be valid at once (rotation); every
  listed signature is tried against every secret.
 */
class StandardWebhooks
{
public:
    enum class Failure {
        None,
        MissingHeader,    // webhook-id, webhook-timestamp or webhook-signature absent or empty
        InvalidId,        // contains '.', or is longer than 255 bytes
        InvalidTimestamp, // not a whole number of seconds
        TooOld,           // more than the tolerance before now
        TooNew,           // more than the tolerance after now
        NoMatch,          // no listed v1 signature matches any secret
        NoSecret,         // no usable secret configured
    };

    struct Headers
    {
        QByteArray id;        // webhook-id
        QByteArray timestamp; // webhook-timestamp (seconds since the epoch)
        QByteArray signature; // webhook-signature
    };

    //! The key bytes of a `whsec_…` secret (the prefix is optional); nothing when the base64 is
    //! malformed or decodes to no bytes.
    static std::optional<QByteArray> decodeSecret(QByteArrayView secret);
    //! `v1,<base64>` for the given key bytes (from decodeSecret()).
    static QByteArray sign(QByteArrayView key, QByteArrayView id, qint64 timestamp,
                           QByteArrayView body);
    //! Checks the headers and signatures against every key (key bytes, from decodeSecret()).
    static Failure verify(const QList<QByteArray> &keys, const Headers &headers,
                          QByteArrayView body, const QDateTime &now,
                          int toleranceSeconds = 300);
    //! A short English phrase for logs and the hub's audit rows (never sent to the caller).
    static QString describe(Failure failure);
};
