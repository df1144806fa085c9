// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QTest>

/*!
  A self-signed certificate for 127.0.0.1 and localhost, with its key, made at test time by the
  `openssl` command (QSslKey cannot make keys) into `directory` as NAME.crt and NAME.key.
 */
struct TestCertificate
{
    enum class Key { Rsa, Ec };

    QString certificatePath;
    QString keyPath;
    QSslCertificate certificate;

    //! False (with the tool's output in `error`) when openssl failed.
    static bool create(const QString &directory, const QString &name, Key key,
                       TestCertificate *result, QString *error)
    {
        const QDir dir(directory);
        TestCertificate made;
        made.certificatePath = dir.filePath(name + QStringLiteral(".crt"));
        made.keyPath = dir.filePath(name + QStringLiteral(".key"));
        QStringList arguments{QStringLiteral("req"),
                              QStringLiteral("-x509"),
                              QStringLiteral("-nodes"),
                              QStringLiteral("-days"),
                              QStringLiteral("2"),
                              QStringLiteral("-subj"),
                              QStringLiteral("/CN=clinichub test ") + name,
                              QStringLiteral("-addext"),
                              QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                              QStringLiteral("-keyout"),
                              made.keyPath,
                              QStringLiteral("-out"),
                              made.certificatePath,
                              QStringLiteral("-newkey")};
        if (key == Key::Rsa)
            arguments << QStringLiteral("rsa:2048");
        else
            arguments << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
                      << QStringLiteral("ec_paramgen_curve:prime256v1");
        if (!run(arguments, error))
            return false;
        QFile file(made.certificatePath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return false;
        }
        made.certificate = QSslCertificate(file.readAll(), QSsl::Pem);
        *result = made;
        return !made.certificate.isNull();
    }

    //! A client configuration that trusts this certificate (and nothing less than TLS 1.2).
    QSslConfiguration trustingClient() const
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificate(certificate);
        return configuration;
    }

    //! Runs `openssl arguments…` with an empty input, the event loop running meanwhile (it
    //! may talk to a server in this thread); false with its output when it fails.
    static bool run(const QStringList &arguments, QString *output, int timeoutMs = 30000)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        process.closeWriteChannel();
        const bool finished =
            process.waitForStarted(5000) &&
            QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
        if (!finished) {
            process.kill();
            process.waitForFinished(1000);
        }
        *output = QString::fromLocal8Bit(process.readAll());
        if (!finished)
            *output += QStringLiteral("\nopenssl did not run: ") + process.errorString();
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }
};
