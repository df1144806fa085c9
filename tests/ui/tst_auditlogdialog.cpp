// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// View › Audit Log…: filters by user, action family, patient and date select exactly the rows
// they name; the accounting of access for one patient is a PDF of who touched their record;
// other roles than the administrator are refused by the service.
#include "common/trainingenvironment.h"
#include "services/access/accesscontrol.h"
#include "services/common/audittrailservice.h"
#include "services/store/auditlog.h"
#include "ui/auditlogdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAuditLogDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filtersSelectWhatTheyName();
    void accountingOfAccessIsAPdf();
    void otherRolesAreRefused();

private:
    void searchWith(AuditLogDialog &dialog, const QString &user, const QString &action,
                    qint64 patient);

    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_maria = 0;
    qint64 m_other = 0;
};

void TestAuditLogDialog::initTestCase()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_maria = m_env->patientId(QStringLiteral("Maria"));
    m_other = m_env->patientId(QStringLiteral("Jane"));
    QVERIFY(m_maria > 0 && m_other > 0 && m_maria != m_other);
    const qint64 maria = m_maria;
    const qint64 other = m_other;
    const QString written = m_env->write([maria, other](const QString &connection) {
        AuditLog log(connection);
        for (const auto &[user, action, patient] :
             {std::tuple{"clerk2", "patient.view", maria}, std::tuple{"clerk2", "report.print", maria},
              std::tuple{"clerk2", "patient.view", other}, std::tuple{"biller9", "claim.create", qint64(0)},
              std::tuple{"nurse3", "break_glass.open", maria}}) {
            const auto id = log.record(QLatin1String(user), QLatin1String(action),
                                       patient > 0 ? QStringLiteral("patient") : QStringLiteral("claim"),
                                       patient > 0 ? patient : 77);
            if (!id)
                return id.error();
        }
        return QString();
    });
    QVERIFY2(written.isEmpty(), qPrintable(written));
}

void TestAuditLogDialog::searchWith(AuditLogDialog &dialog, const QString &user,
                                    const QString &action, qint64 patient)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(user);
    dialog.findChild<QComboBox *>(QStringLiteral("action"))->setCurrentText(action);
    dialog.findChild<QLineEdit *>(QStringLiteral("patient"))
        ->setText(patient > 0 ? QString::number(patient) : QString());
    QSignalSpy finished(&dialog, &AuditLogDialog::searchFinished);
    dialog.search();
    QVERIFY(finished.wait(10000));
}

void TestAuditLogDialog::filtersSelectWhatTheyName()
{
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("admin"), QStringLiteral("Admin"), Role::Administrator});
    AuditTrailService trail(&m_env->store());
    trail.setAccessControl(&access);
    AuditLogDialog dialog(&trail);
    dialog.show();

    searchWith(dialog, {}, {}, 0);
    QVERIFY(dialog.entries().size() >= 5);

    searchWith(dialog, QStringLiteral("clerk2"), {}, 0);
    QCOMPARE(dialog.entries().size(), 3);
    for (const AuditEntry &entry : dialog.entries())
        QCOMPARE(entry.user, QStringLiteral("clerk2"));

    searchWith(dialog, {}, QStringLiteral("report.*"), m_maria);
    QCOMPARE(dialog.entries().size(), 1);
    QCOMPARE(dialog.entries().first().action, QStringLiteral("report.print"));

    searchWith(dialog, {}, QStringLiteral("break_glass.open"), 0);
    QCOMPARE(dialog.entries().size(), 1);
    QCOMPARE(dialog.entries().first().user, QStringLiteral("nurse3"));

    searchWith(dialog, QStringLiteral("clerk2"), {}, m_maria);
    QCOMPARE(dialog.entries().size(), 2);
    for (const AuditEntry &entry : dialog.entries())
        QVERIFY(entry.entity == QLatin1String("patient") && entry.entityId == m_maria);

    // Dates: yesterday's window holds none of today's rows.
    dialog.findChild<QDateEdit *>(QStringLiteral("from"))->setDate(QDate::currentDate().addDays(-3));
    dialog.findChild<QDateEdit *>(QStringLiteral("to"))->setDate(QDate::currentDate().addDays(-2));
    searchWith(dialog, QStringLiteral("clerk2"), {}, 0);
    QCOMPARE(dialog.entries().size(), 0);
}

void TestAuditLogDialog::accountingOfAccessIsAPdf()
{
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("admin"), QStringLiteral("Admin"), Role::Administrator});
    AuditTrailService trail(&m_env->store());
    trail.setAccessControl(&access);
    AuditLogDialog dialog(&trail);
    searchWith(dialog, {}, {}, m_maria);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("accounting.pdf"));
    QCOMPARE(dialog.saveAccounting(pdf), QString());
    QVERIFY(QFileInfo(pdf).size() > 500);
    QVERIFY(!(QFileInfo(pdf).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(20000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(content.contains(QStringLiteral("Accounting of access")), qPrintable(content));
    QVERIFY2(content.contains(QStringLiteral("report.print")), qPrintable(content));
    QVERIFY2(content.contains(QStringLiteral("nurse3")), qPrintable(content));
    QVERIFY2(!content.contains(QStringLiteral("claim.create")), qPrintable(content)); // not hers
}

void TestAuditLogDialog::otherRolesAreRefused()
{
    AccessControl access(&m_env->store());
    access.setSession(Session{QStringLiteral("clerk"), QStringLiteral("Clerk"), Role::FrontDesk});
    AuditTrailService trail(&m_env->store());
    trail.setAccessControl(&access);
    AuditLogDialog dialog(&trail);
    searchWith(dialog, {}, {}, 0);
    QVERIFY(dialog.entries().isEmpty());
    const QString status = dialog.findChild<QLabel *>(QStringLiteral("status"))->text();
    QVERIFY2(status.contains(roleTitle(Role::FrontDesk)), qPrintable(status));
}

QTEST_MAIN(TestAuditLogDialog)
#include "tst_auditlogdialog.moc"
