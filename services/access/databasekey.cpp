// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/databasekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

namespace {
constexpr int keyBytes = 32;
constexpr qint64 maxFileBytes = 4096; // a key file is tiny: anything bigger is not one
const QString wrappedFormat = QStringLiteral("clinicdesk-wrapped-key/1");

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseKey", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool isKeyHex(const QByteArray &text)
{
    if (text.size() != keyBytes * 2)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

bool ownerOnly(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                          | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (QFileInfo(path).permissions() & others) == 0;
}

//! Reads a small file whole; the error names it.
bool readSmallFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the database key file %1: %2.").arg(native(path), file.errorString());
        return false;
    }
    if (file.size() > maxFileBytes) {
        *error = tr("The database key file %1 is not a key file (it is too large).").arg(native(path));
        return false;
    }
    *bytes = file.readAll();
    return true;
}

//! Writes `bytes` to `path` atomically, owner-only from the start.
QString writeOwnerOnly(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write the database key file %1: %2.").arg(native(path), file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return tr("Cannot write the database key file %1: %2.").arg(native(path), file.errorString());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

//! The key-encryption key from the passphrase; empty when Argon2id could not run (memory).
QByteArray deriveKek(const QString &passphrase, const QByteArray &salt, unsigned long long ops,
                     std::size_t mem)
{
    QByteArray kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, Qt::Uninitialized);
    const QByteArray utf8 = passphrase.toUtf8();
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(kek.data()), std::size_t(kek.size()),
                      utf8.constData(), std::size_t(utf8.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return {};
    }
    return kek;
}
} // namespace

bool DatabaseKey::isKeyHex(const QByteArray &text)
{
    return ::isKeyHex(text);
}

QByteArray DatabaseKey::generate()
{
    if (!sodiumReady())
        return {};
    QByteArray raw(keyBytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), std::size_t(raw.size()));
    QByteArray hex = raw.toHex();
    wipe(raw);
    return hex;
}

DatabaseKey::Result DatabaseKey::readKeyFile(const QString &path)
{
    Result result;
    if (!QFileInfo::exists(path)) {
        result.error = tr("The database key file %1 does not exist. The database cannot be read "
                          "without it: put the key file back from where it was kept.")
                           .arg(native(path));
        return result;
    }
    if (!ownerOnly(path)) {
        result.error = tr("The database key file %1 may be read by other users of this computer, "
                          "so it is not used. Make it readable by its owner only (chmod 600).")
                           .arg(native(path));
        return result;
    }
    QByteArray bytes;
    if (!readSmallFile(path, &bytes, &result.error))
        return result;
    QByteArray key = bytes.trimmed();
    wipe(bytes);
    if (!isKeyHex(key)) {
        wipe(key);
        result.error = tr("The database key file %1 does not hold a key (64 hexadecimal digits).")
                           .arg(native(path));
        return result;
    }
    result.keyHex = key.toLower();
    wipe(key);
    return result;
}

DatabaseKey::Result DatabaseKey::loadOrCreateKeyFile(const QString &path)
{
    if (QFileInfo::exists(path))
        return readKeyFile(path);
    Result result;
    result.keyHex = generate();
    if (result.keyHex.isEmpty()) {
        result.error = tr("No random database key could be made (libsodium did not start).");
        return result;
    }
    result.error = writeOwnerOnly(path, result.keyHex + '\n');
    if (!result.error.isEmpty())
        wipe(result.keyHex);
    result.created = result.error.isEmpty();
    return result;
}

QString DatabaseKey::wrap(const QString &path, const QByteArray &keyHex, const QString &passphrase)
{
    if (!sodiumReady())
        return tr("The database key cannot be protected: libsodium did not start.");
    if (!isKeyHex(keyHex))
        return tr("The database key must be 64 hexadecimal digits.");
    const unsigned long long ops = crypto_pwhash_OPSLIMIT_MODERATE;
    const std::size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), std::size_t(salt.size()));
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    QByteArray kek = deriveKek(passphrase, salt, ops, mem);
    if (kek.isEmpty())
        return tr("The database key cannot be protected: not enough memory for Argon2id.");

    QByteArray raw = QByteArray::fromHex(keyHex);
    QByteArray sealed(raw.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long sealedLength = 0;
    const QByteArray associated = wrappedFormat.toUtf8();
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(sealed.data()), &sealedLength,
        reinterpret_cast<const unsigned char *>(raw.constData()), std::size_t(raw.size()),
        reinterpret_cast<const unsigned char *>(associated.constData()),
        std::size_t(associated.size()), nullptr,
        reinterpret_cast<const unsigned char *>(nonce.constData()),
        reinterpret_cast<const unsigned char *>(kek.constData()));
    wipe(raw);
    wipe(kek);
    sealed.resize(qsizetype(sealedLength));

    QJsonObject object;
    object.insert(QStringLiteral("format"), wrappedFormat);
    object.insert(QStringLiteral("kdf"), QStringLiteral("argon2id13"));
    object.insert(QStringLiteral("opslimit"), double(ops));
    object.insert(QStringLiteral("memlimit"), double(mem));
    object.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()));
    object.insert(QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64()));
    object.insert(QStringLiteral("wrappedKey"), QString::fromLatin1(sealed.toBase64()));
    return writeOwnerOnly(path, QJsonDocument(object).toJson());
}

DatabaseKey::Result DatabaseKey::unwrap(const QString &path, const QString &passphrase)
{
    Result result;
    if (!sodiumReady()) {
        result.error = tr("The database key cannot be read: libsodium did not start.");
        return result;
    }
    QByteArray bytes;
    if (!readSmallFile(path, &bytes, &result.error))
        return result;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(bytes, &parseError).object();
    const auto damaged = [&](const QString &what) {
        result.error = tr("The database key file %1 is damaged (%2). Restore it from the backup "
                          "kept with the database's.")
                           .arg(native(path), what);
        return result;
    };
    if (parseError.error != QJsonParseError::NoError)
        return damaged(parseError.errorString());
    if (object.value(QStringLiteral("format")).toString() != wrappedFormat
        || object.value(QStringLiteral("kdf")).toString() != QLatin1String("argon2id13")) {
        return damaged(tr("unknown format"));
    }
    const double ops = object.value(QStringLiteral("opslimit")).toDouble();
    const double mem = object.value(QStringLiteral("memlimit")).toDouble();
    // Bounded, so a planted file cannot make the desk spend minutes or gigabytes here.
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > 16 || mem < 8192 || mem > 1024.0 * 1024 * 1024)
        return damaged(tr("Argon2id parameters out of range"));
    const QByteArray salt =
        QByteArray::fromBase64(object.value(QStringLiteral("salt")).toString().toLatin1());
    const QByteArray nonce =
        QByteArray::fromBase64(object.value(QStringLiteral("nonce")).toString().toLatin1());
    const QByteArray sealed =
        QByteArray::fromBase64(object.value(QStringLiteral("wrappedKey")).toString().toLatin1());
    if (salt.size() != crypto_pwhash_SALTBYTES
        || nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || sealed.size() != keyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
        return damaged(tr("wrong field sizes"));
    }
    QByteArray kek = deriveKek(passphrase, salt, static_cast<unsigned long long>(ops),
                               static_cast<std::size_t>(mem));
    if (kek.isEmpty()) {
        result.error = tr("The database key cannot be read: not enough memory for Argon2id.");
        return result;
    }
    QByteArray raw(keyBytes, Qt::Uninitialized);
    unsigned long long rawLength = 0;
    const QByteArray associated = wrappedFormat.toUtf8();
    const int opened = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<unsigned char *>(raw.data()), &rawLength, nullptr,
        reinterpret_cast<const unsigned char *>(sealed.constData()), std::size_t(sealed.size()),
        reinterpret_cast<const unsigned char *>(associated.constData()),
        std::size_t(associated.size()),
        reinterpret_cast<const unsigned char *>(nonce.constData()),
        reinterpret_cast<const unsigned char *>(kek.constData()));
    wipe(kek);
    if (opened != 0 || rawLength != keyBytes) {
        wipe(raw);
        result.error = tr("The database passphrase is wrong. Nothing was opened or changed.");
        return result;
    }
    result.keyHex = raw.toHex();
    wipe(raw);
    return result;
}

DatabaseKey::Result DatabaseKey::loadOrCreateWrapped(const QString &path, const QString &passphrase)
{
    if (QFileInfo::exists(path))
        return unwrap(path, passphrase);
    Result result;
    if (passphrase.size() < minimumPassphraseLength) {
        result.error = tr("The database passphrase must have at least %1 characters.")
                           .arg(minimumPassphraseLength);
        return result;
    }
    result.keyHex = generate();
    if (result.keyHex.isEmpty()) {
        result.error = tr("No random database key could be made (libsodium did not start).");
        return result;
    }
    result.error = wrap(path, result.keyHex, passphrase);
    if (!result.error.isEmpty())
        wipe(result.keyHex);
    result.created = result.error.isEmpty();
    return result;
}
