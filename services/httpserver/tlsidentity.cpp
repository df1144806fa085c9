// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/httpserver/tlsidentity.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <optional>

namespace {
//! One DER element: its whole encoding and its content.
struct DerElement
{
    quint8 tag = 0;
    QByteArrayView encoded;
    QByteArrayView content;
};

//! The DER element at the start of `bytes` (definite lengths only, as DER requires).
std::optional<DerElement> readDer(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return std::nullopt;
    const quint8 tag = quint8(bytes.at(0));
    qsizetype length = quint8(bytes.at(1));
    qsizetype header = 2;
    if (length & 0x80) {
        const int count = length & 0x7f;
        if (count == 0 || count > 4 || bytes.size() < 2 + count)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | quint8(bytes.at(2 + i));
        header += count;
    }
    if (length < 0 || bytes.size() - header < length)
        return std::nullopt;
    return DerElement{tag, bytes.first(header + length), bytes.sliced(header, length)};
}

//! The elements inside a constructed element's content.
QList<DerElement> children(QByteArrayView content)
{
    QList<DerElement> elements;
    while (!content.isEmpty()) {
        const std::optional<DerElement> element = readDer(content);
        if (!element)
            return {};
        elements.append(*element);
        content = content.sliced(element->encoded.size());
    }
    return elements;
}

/*!
  The public half inside a private key's DER, encoded as a certificate's SubjectPublicKeyInfo
  also holds it: the modulus of an RSA key (PKCS #1: version, modulus, …), the public point of
  an EC key (SEC 1: version, private key, [0] curve, [1] public point).
 */
QByteArray publicPart(const QSslKey &key)
{
    const QByteArray der = key.toDer();
    const std::optional<DerElement> top = readDer(der);
    if (!top || top->tag != 0x30)
        return {};
    const QList<DerElement> fields = children(top->content);
    if (key.algorithm() == QSsl::Rsa)
        return fields.size() > 1 && fields.at(1).tag == 0x02 ? fields.at(1).encoded.toByteArray()
                                                             : QByteArray();
    for (const DerElement &field : fields) {
        if (field.tag == 0xa1) {
            const std::optional<DerElement> point = readDer(field.content);
            return point && point->tag == 0x03 ? point->encoded.toByteArray() : QByteArray();
        }
    }
    return {};
}

bool failed(QString *error, const QString &message)
{
    *error = message;
    return false;
}
} // namespace

bool TlsIdentity::load(const QString &certificatePath, const QString &keyPath,
                       QSslConfiguration *configuration, QString *error)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return failed(error, QStringLiteral("cannot read the TLS certificate %1 (%2)")
                                 .arg(certificatePath, certificateFile.errorString()));
    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return failed(
            error,
            QStringLiteral("the TLS certificate %1 holds no PEM certificate").arg(certificatePath));

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return failed(
            error,
            QStringLiteral("cannot read the TLS key %1 (%2)").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    // The certificate says which algorithm its key must be.
    const QSslKey publicKey = chain.constFirst().publicKey();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return failed(error, QStringLiteral("the TLS key %1 holds no RSA or EC private key in "
                                            "PEM form (an encrypted key is not supported)")
                                 .arg(keyPath));
    if (publicKey.isNull() ||
        (publicKey.algorithm() != QSsl::Rsa && publicKey.algorithm() != QSsl::Ec))
        return failed(error, QStringLiteral("the TLS certificate %1 has a key type other than "
                                            "RSA or EC")
                                 .arg(certificatePath));
    const QByteArray part = publicPart(key);
    if (key.algorithm() != publicKey.algorithm() || part.isEmpty() ||
        !publicKey.toDer().contains(part)) {
        return failed(error, QStringLiteral("the TLS key %1 does not belong to the certificate %2")
                                 .arg(keyPath, certificatePath));
    }

    *configuration = QSslConfiguration::defaultConfiguration();
    configuration->setLocalCertificateChain(chain);
    configuration->setPrivateKey(key);
    configuration->setProtocol(QSsl::TlsV1_2OrLater);
    configuration->setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}
