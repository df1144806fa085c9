// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Metriport's own npm client (@metriport/api-sdk, unchanged) against our sandbox's Metriport:
// if the official SDK can use it, our shapes are Metriport's. scripts/metriport-sdk-check.sh
// installs the SDK once into a cache outside the repository; without node the test fails
// (scripts/test installs node and npm).
#include "services/sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

class TestMetriportSdk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void officialSdkWorksUnchanged();
};

void TestMetriportSdk::officialSdkWorksUnchanged()
{
    SandboxServer::Options options;
    options.metriport.apiKey = QByteArrayLiteral("sdk-test-key");
    options.metriport.documentQueryDelayMs = 100;
    options.metriport.conversionDelayMs = 50;
    options.metriport.consolidatedDelayMs = 100;
    options.metriport.networkQueryDelayMs = 100;
    SandboxServer sandbox(options);
    QVERIFY(sandbox.listen());
    sandbox.metriport()->setDocumentSource([](const QString &firstName) {
        QList<SandboxMetriportDocument> documents;
        if (firstName.compare(QLatin1String("jane"), Qt::CaseInsensitive) != 0)
            return documents;
        SandboxMetriportDocument ccd;
        ccd.meta.id = QStringLiteral("1.2.840.1");
        ccd.meta.fileName = QStringLiteral("jane-ccd.xml");
        ccd.meta.description = QStringLiteral("Continuity of Care Document");
        ccd.meta.mimeType = QStringLiteral("application/xml");
        ccd.bytes = QByteArrayLiteral("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>");
        ccd.meta.size = ccd.bytes.size();
        ccd.meta.indexed = QDateTime::currentDateTimeUtc();
        documents.append(ccd);
        return documents;
    });

    QProcess process;
    process.setProgram(QStringLiteral("bash"));
    process.setArguments({QStringLiteral(CLINICDESK_TEST_DATA "/../../scripts/metriport-sdk-check.sh"),
                          sandbox.baseUrl().toString(), QStringLiteral("sdk-test-key")});
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    // The sandbox runs in this thread: wait with the event loop turning. The first run may
    // install the SDK from the registry.
    QVERIFY2(finished.wait(240000), "the SDK check did not finish");
    const QByteArray errors = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, errors.constData());
    const QJsonObject seen = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QVERIFY2(!seen.isEmpty(), errors.constData());

    QVERIFY(!seen.value(QStringLiteral("facilityId")).toString().isEmpty());
    QCOMPARE(seen.value(QStringLiteral("secondCreateSameId")).toBool(), true);
    QCOMPARE(seen.value(QStringLiteral("updatedLastName")).toString(), QStringLiteral("Smith-Jones"));
    QCOMPARE(seen.value(QStringLiteral("eTagChanged")).toBool(), true);
    QCOMPARE(seen.value(QStringLiteral("staleUpdate")).toInt(), 412);
    QCOMPARE(seen.value(QStringLiteral("page1")).toInt(), 2);
    QCOMPARE(seen.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(seen.value(QStringLiteral("page2")).toInt(), 1);
    QCOMPARE(seen.value(QStringLiteral("matchId")), seen.value(QStringLiteral("patientId")));
    QCOMPARE(seen.value(QStringLiteral("noMatch")).toBool(), true);
    QCOMPARE(seen.value(QStringLiteral("queryStarted")).toString(), QStringLiteral("processing"));
    QCOMPARE(seen.value(QStringLiteral("downloaded")).toInt(), 1);
    QCOMPARE(seen.value(QStringLiteral("documents")).toInt(), 1);
    QCOMPARE(seen.value(QStringLiteral("downloadStatus")).toInt(), 200);
    QCOMPARE(seen.value(QStringLiteral("downloadBytes")).toInt(), 42);
    QCOMPARE(seen.value(QStringLiteral("consolidatedDone")).toString(), QStringLiteral("completed"));
    QCOMPARE(seen.value(QStringLiteral("networkSources")).toString(), QStringLiteral("hie,pharmacy"));
    QCOMPARE(seen.value(QStringLiteral("networkStatus")).toString(), QStringLiteral("completed"));
    QCOMPARE(seen.value(QStringLiteral("settingsHasKey")).toBool(), true);
    // No webhook URL is set here, so every message failed and the status says why.
    QCOMPARE(seen.value(QStringLiteral("webhookStatusKeys")).toString(),
             QStringLiteral("webhookEnabled,webhookRequestsFailed,webhookRequestsProcessing,"
                            "webhookStatusDetail"));
    QCOMPARE(seen.value(QStringLiteral("afterDelete")).toInt(), 404);
}

QTEST_GUILESS_MAIN(TestMetriportSdk)
#include "tst_metriportsdk.moc"
