// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/passwordhasher.h"

#include <sodium.h>

namespace {
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

QByteArray PasswordHasher::hash(const QString &password)
{
    if (!sodiumReady())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), std::size_t(utf8.size()), opsLimit, memLimit) != 0)
        return {};
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &hash, const QString &password)
{
    if (!sodiumReady() || hash.isEmpty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    // crypto_pwhash_str_verify wants a NUL-terminated string; QByteArray keeps one.
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(),
                                    std::size_t(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &hash)
{
    if (!sodiumReady())
        return false;
    return crypto_pwhash_str_needs_rehash(hash.constData(), opsLimit, memLimit) != 0;
}

const QByteArray &PasswordHasher::decoy()
{
    static const QByteArray decoyHash = hash(QStringLiteral("decoy: no account has this"));
    return decoyHash;
}
