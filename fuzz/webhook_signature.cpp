// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's webhook signature checks on any headers, secret and body.
//
// Input, split on newlines: secret, webhook-id, webhook-timestamp, webhook-signature, then the
// body (the rest, newlines included). Besides not crashing: a signature is accepted only when it
// really is the HMAC of what was sent, a signature made with the secret is always accepted, and
// a body changed by one bit never is.

#include "fuzz/fuzzsupport.h"

#include "services/common/webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace {

// A fixed "now", so that a run never depends on the clock.
constexpr qint64 nowSeconds = 1775000000;

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    Fuzz::Parts parts(input);
    const QByteArray secret = parts.take();
    StandardWebhooks::Headers headers;
    headers.id = parts.take();
    headers.timestamp = parts.take();
    headers.signature = parts.take();
    const QByteArray body = parts.rest();
    const QDateTime now = QDateTime::fromSecsSinceEpoch(nowSeconds, Qt::UTC);

    // constantTimeEquals is plain equality.
    FUZZ_CHECK(constantTimeEquals(headers.id, headers.signature) == (headers.id == headers.signature));

    // Metriport: the header is accepted exactly when it is the lowercase hex HMAC of the body.
    const bool metriport = MetriportSignature::verify(secret, body, headers.signature);
    FUZZ_CHECK(metriport == (!secret.isEmpty() && headers.signature == hmac(secret, body).toHex()));
    if (!secret.isEmpty())
        FUZZ_CHECK(MetriportSignature::verify(secret, body, MetriportSignature::sign(secret, body)));

    // Standard Webhooks.
    const std::optional<QByteArray> key = StandardWebhooks::decodeSecret(secret);
    if (key)
        FUZZ_CHECK(!key->isEmpty());
    const QList<QByteArray> keys = key ? QList<QByteArray>{*key} : QList<QByteArray>{};
    const StandardWebhooks::Failure failure = StandardWebhooks::verify(keys, headers, body, now);
    (void)StandardWebhooks::describe(failure);
    if (!key)
        FUZZ_CHECK(failure == StandardWebhooks::Failure::NoSecret);
    if (failure == StandardWebhooks::Failure::None) {
        // Accepted: one of the listed v1 entries is the HMAC of "id.timestamp.body".
        const QByteArray expected =
            "v1," + hmac(*key, headers.id + '.' + headers.timestamp + '.' + body).toBase64();
        FUZZ_CHECK(headers.signature.split(' ').contains(expected));
        const qint64 timestamp = headers.timestamp.toLongLong();
        FUZZ_CHECK(qAbs(timestamp - nowSeconds) <= 300);
    }

    // Signed with the secret just now: accepted whenever the id is one the scheme allows, and
    // refused once one bit of the body is changed.
    if (key && !headers.id.isEmpty() && headers.id.size() <= 255 && !headers.id.contains('.')) {
        StandardWebhooks::Headers signedHeaders = headers;
        const qint64 at = nowSeconds - (size % 200);
        signedHeaders.timestamp = QByteArray::number(at);
        signedHeaders.signature =
            headers.signature + ' ' + StandardWebhooks::sign(*key, headers.id, at, body);
        FUZZ_CHECK(StandardWebhooks::verify(keys, signedHeaders, body, now)
                   == StandardWebhooks::Failure::None);
        QByteArray changed = body.isEmpty() ? QByteArray(1, '\0') : body;
        changed[changed.size() / 2] = char(changed.at(changed.size() / 2) ^ 0x01);
        signedHeaders.signature = StandardWebhooks::sign(*key, headers.id, at, body);
        FUZZ_CHECK(StandardWebhooks::verify(keys, signedHeaders, changed, now)
                   == StandardWebhooks::Failure::NoMatch);
    }
    return 0;
}
