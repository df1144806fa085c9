// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <sodium.h>

#include <algorithm>

namespace {
constexpr qsizetype sha256Bytes = 32;
constexpr qsizetype maxIdBytes = 255;
// Up to 18 digits fit a qint64 with room for now − timestamp; more cannot be a time at all.
constexpr qsizetype maxTimestampDigits = 18;
const QByteArray secretPrefix = QByteArrayLiteral("whsec_");
const QByteArray v1Prefix = QByteArrayLiteral("v1,");

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key.toByteArray());
    mac.addData(message.data(), message.size());
    return mac.result();
}

bool isLowerHex(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool isDigits(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

//! The 32 signature bytes of one `v1,` entry's base64, or nothing when it is not exactly the
//! canonical padded base64 of 32 bytes (anything else cannot match, so it is refused early).
std::optional<QByteArray> decodeSignature(QByteArrayView base64)
{
    const QByteArray text = base64.toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != sha256Bytes || decoded.decoded.toBase64() != text)
        return std::nullopt;
    return std::move(decoded.decoded);
}
} // namespace

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // sodium_init() is itself safe to call from several threads; the static makes it once.
    static const bool sodiumReady = sodium_init() >= 0;
    Q_UNUSED(sodiumReady);
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

namespace MetriportSignature {
QByteArray sign(QByteArrayView key, QByteArrayView body)
{
    return hmacSha256(key, body).toHex();
}

bool verify(QByteArrayView key, QByteArrayView body, QByteArrayView header)
{
    if (key.isEmpty() || header.size() != 2 * sha256Bytes || !isLowerHex(header))
        return false;
    return constantTimeEquals(sign(key, body), header);
}
} // namespace MetriportSignature

std::optional<QByteArray> StandardWebhooks::decodeSecret(QByteArrayView secret)
{
    QByteArrayView base64 = secret;
    if (base64.startsWith(QByteArrayView(secretPrefix)))
        base64 = base64.sliced(secretPrefix.size());
    auto decoded = QByteArray::fromBase64Encoding(base64.toByteArray(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return std::move(decoded.decoded);
}

QByteArray StandardWebhooks::sign(QByteArrayView key, QByteArrayView id, qint64 timestamp,
                                  QByteArrayView body)
{
    QByteArray message;
    message.reserve(id.size() + body.size() + 24);
    message.append(id).append('.').append(QByteArray::number(timestamp)).append('.').append(body);
    return v1Prefix + hmacSha256(key, message).toBase64();
}

StandardWebhooks::Failure StandardWebhooks::verify(const QList<QByteArray> &keys,
                                                   const Headers &headers, QByteArrayView body,
                                                   const QDateTime &now, int toleranceSeconds)
{
    // A configuration problem comes first: with no key, nothing could ever be accepted.
    QList<QByteArray> usableKeys;
    for (const QByteArray &key : keys) {
        if (!key.isEmpty())
            usableKeys.append(key);
    }
    if (usableKeys.isEmpty())
        return Failure::NoSecret;

    if (headers.id.isEmpty() || headers.timestamp.isEmpty() || headers.signature.isEmpty())
        return Failure::MissingHeader;
    // A '.' would make "id.timestamp.body" ambiguous.
    if (headers.id.size() > maxIdBytes || headers.id.contains('.'))
        return Failure::InvalidId;
    if (headers.timestamp.size() > maxTimestampDigits || !isDigits(headers.timestamp))
        return Failure::InvalidTimestamp;

    const qint64 timestamp = headers.timestamp.toLongLong();
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const qint64 tolerance = qMax(0, toleranceSeconds);
    if (nowSeconds - timestamp > tolerance)
        return Failure::TooOld;
    if (timestamp - nowSeconds > tolerance)
        return Failure::TooNew;

    // Signed over the timestamp as sent, so leading zeros cannot make two spellings of one time.
    QByteArray message;
    message.reserve(headers.id.size() + headers.timestamp.size() + body.size() + 2);
    message.append(headers.id).append('.').append(headers.timestamp).append('.').append(body);
    QList<QByteArray> expected;
    expected.reserve(usableKeys.size());
    for (const QByteArray &key : std::as_const(usableKeys))
        expected.append(hmacSha256(key, message));

    for (const QByteArray &entry : headers.signature.split(' ')) {
        // Other versions (v1a, v2…) are for other schemes; an empty piece is a doubled space.
        if (!entry.startsWith(v1Prefix))
            continue;
        const auto signature = decodeSignature(QByteArrayView(entry).sliced(v1Prefix.size()));
        if (!signature)
            continue;
        for (const QByteArray &candidate : std::as_const(expected)) {
            if (constantTimeEquals(*signature, candidate))
                return Failure::None;
        }
    }
    return Failure::NoMatch;
}

QString StandardWebhooks::describe(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return QStringLiteral("signature verified");
    case Failure::MissingHeader:
        return QStringLiteral("webhook-id, webhook-timestamp or webhook-signature missing");
    case Failure::InvalidId:
        return QStringLiteral("webhook-id contains '.' or is longer than 255 bytes");
    case Failure::InvalidTimestamp:
        return QStringLiteral("webhook-timestamp is not a whole number of seconds");
    case Failure::TooOld:
        return QStringLiteral("webhook-timestamp is older than the tolerance");
    case Failure::TooNew:
        return QStringLiteral("webhook-timestamp is further in the future than the tolerance");
    case Failure::NoMatch:
        return QStringLiteral("no v1 signature matches any configured secret");
    case Failure::NoSecret:
        return QStringLiteral("no usable webhook secret configured");
    }
    return QStringLiteral("unknown failure");
}
