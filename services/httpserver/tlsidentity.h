// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QString>

/*!
  A server's TLS identity read from PEM files: the certificate chain (the server's certificate
  first, then the intermediates) and its private key (RSA or EC, not encrypted).

  load() reads both and checks that the key belongs to the certificate, so that a wrong file is
  found at start with a message naming it rather than by every client's failed handshake. The
  configuration it returns allows TLS 1.2 and later only and does not ask clients for
  certificates.
 */
class TlsIdentity
{
public:
    //! On failure returns false with `error` naming the file at fault.
    static bool load(const QString &certificatePath, const QString &keyPath,
                     QSslConfiguration *configuration, QString *error);
};
