// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The status panel offscreen, over real answers of the sandbox: what to collect today for the
// patient's visit (or an office visit when none is booked) with how it was worked out, and the
// deductible and out-of-pocket met as figures and bars.
#include "common/trainingenvironment.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "ui/statuspanel.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

class TestStatusPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void collectForTodaysVisit();
    void collectEstimateForAVisitWithoutCopay();
    void officeVisitWhenNothingIsBookedToday();
    void nothingToCollectWhenNotActive();
    void withoutTheServiceDefaultFees();

private:
    struct Shown
    {
        std::unique_ptr<StatusPanel> panel;
        CoverageStatus status;
    };
    //! Verifies the patient's primary coverage and shows the answer on a new panel.
    static Shown verifyAndShow(TrainingEnvironment &env, qint64 patientId, bool withService = true)
    {
        Shown shown;
        const auto before = TestSupport::await(env.service().coverageStatuses(patientId));
        if (!before || before->isEmpty())
            return shown;
        env.verifyAndWait(before->first().coverage.id);
        const auto after = TestSupport::await(env.service().coverageStatuses(patientId));
        shown.status = after->first();
        shown.panel = std::make_unique<StatusPanel>();
        if (withService)
            shown.panel->setEligibilityService(&env.service());
        shown.panel->resize(640, 700);
        shown.panel->show();
        if (shown.status.latest)
            shown.panel->showVerification(shown.status.coverage, *shown.status.latest,
                                          shown.status.latest->status);
        return shown;
    }
    static QString text(const StatusPanel &panel, const char *name)
    {
        const auto *label = panel.findChild<QLabel *>(QLatin1String(name));
        return label && label->isVisible() ? label->text() : QString();
    }
    //! Waits until the panel has read the visit today and shows an amount.
    static bool waitForCollect(StatusPanel &panel)
    {
        return QTest::qWaitFor([&] {
            return !text(panel, "collectLabel").isEmpty() &&
                   !text(panel, "collectLabel").contains(QLatin1String("working"));
        });
    }
};

void TestStatusPanel::collectForTodaysVisit()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 jane = env.patientId(QStringLiteral("Jane"));
    Shown shown = verifyAndShow(env, jane);
    QVERIFY(shown.panel);
    StatusPanel &panel = *shown.panel;
    QVERIFY(waitForCollect(panel));
    // Jane's follow-up today: the PPO's in-network office visit copay.
    QCOMPARE(text(panel, "collectLabel"), QStringLiteral("Collect today: $25.00"));
    const QString how = text(panel, "collectExplanation");
    QVERIFY2(how.contains(QLatin1String("copay")) && how.contains(QLatin1String("Follow-up")),
             qPrintable(how));
    QVERIFY2(how.contains(QLatin1String("9:00")), qPrintable(how)); // which visit
    QVERIFY(panel.collectToday());
    QCOMPARE(panel.collectToday()->basis, CollectToday::Basis::Copay);

    // Deductible and out-of-pocket met: figures and a bar for each that can be worked out.
    QStringList figures;
    for (const QLabel *label : panel.findChildren<QLabel *>(QStringLiteral("accumulatorText")))
        figures << label->text();
    QVERIFY2(figures.contains(QStringLiteral("$800.00 of $1,500.00 met")),
             qPrintable(figures.join(QLatin1Char('|'))));
    QVERIFY(figures.contains(QStringLiteral("$1,800.00 of $5,000.00 met")));
    const QList<QProgressBar *> bars = panel.findChildren<QProgressBar *>();
    // The family deductible states no amount left: nothing met to show (its total is in the
    // benefits table).
    QCOMPARE(figures.size(), 2);
    QCOMPARE(bars.size(), 2);
    QCOMPARE(bars.at(0)->value(), 53);
    QCOMPARE(bars.at(0)->accessibleName(),
             QStringLiteral("Deductible (individual): $800.00 of $1,500.00 met"));
    QCOMPARE(bars.at(1)->value(), 36);
    QVERIFY(bars.at(1)->accessibleName().startsWith(QLatin1String("Out-of-pocket maximum")));

    // Reading the visit was audited once, however often the panel shows the patient.
    panel.showVerification(shown.status.coverage, *shown.status.latest,
                           shown.status.latest->status);
    QVERIFY(waitForCollect(panel));
    int views = 0;
    for (const AuditEntry &entry : env.auditEntries()) {
        if (entry.action == QLatin1String("appointment.view") && entry.entityId == jane)
            ++views;
    }
    QCOMPARE(views, 1);
}

void TestStatusPanel::collectEstimateForAVisitWithoutCopay()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    EligibilitySettings settings = env.service().settings();
    settings.visitFees = {{QStringLiteral("Well child visit"), QStringLiteral("81"), 18000}};
    env.service().setSettings(settings);
    // Lily's well child visit: no copay for a routine physical on the family plan, $2,400.00
    // left of the family deductible: the whole $180.00 charge.
    Shown shown = verifyAndShow(env, env.patientId(QStringLiteral("Lily")));
    QVERIFY(shown.panel);
    QVERIFY(waitForCollect(*shown.panel));
    QCOMPARE(text(*shown.panel, "collectLabel"), QStringLiteral("Collect today: $180.00"));
    const QString how = text(*shown.panel, "collectExplanation");
    QVERIFY2(how.contains(QLatin1String("Well child visit")) &&
                 how.contains(QLatin1String("$180.00 toward the deductible ($2,400.00 left)")),
             qPrintable(how));
    QCOMPARE(shown.panel->collectToday()->basis, CollectToday::Basis::Deductible);
    const QList<QProgressBar *> bars = shown.panel->findChildren<QProgressBar *>();
    QCOMPARE(bars.size(), 1);
    QCOMPARE(bars.first()->value(), 20); // $600.00 of the $3,000.00 family deductible
}

void TestStatusPanel::officeVisitWhenNothingIsBookedToday()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.addPatientWithCoverage(
        QStringLiteral("Ana"), QStringLiteral("Lopez"), QStringLiteral("ACT100777"));
    QVERIFY(coverageId > 0);
    const auto coverage = env.read([coverageId](const QString &connection) {
        return CoverageRepository(connection).find(coverageId);
    });
    QVERIFY(coverage && coverage->has_value());
    Shown shown = verifyAndShow(env, (*coverage)->patientId);
    QVERIFY(shown.panel);
    QVERIFY(waitForCollect(*shown.panel));
    QCOMPARE(text(*shown.panel, "collectLabel"), QStringLiteral("Collect today: $25.00"));
    QVERIFY2(text(*shown.panel, "collectExplanation")
                 .contains(QLatin1String("no visit today, office visit assumed")),
             qPrintable(text(*shown.panel, "collectExplanation")));
}

void TestStatusPanel::nothingToCollectWhenNotActive()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Andreas's plan ended: INACTIVE, no amount and no bars.
    Shown shown = verifyAndShow(env, env.patientId(QStringLiteral("Andreas")));
    QVERIFY(shown.panel);
    QCOMPARE(shown.panel->verdictText(), BenefitSummary::verdictText(Verdict::Inactive));
    QCOMPARE(text(*shown.panel, "collectLabel"), QString());
    QVERIFY(!shown.panel->collectToday());
    QVERIFY(!shown.panel->findChild<QWidget *>(QStringLiteral("accumulators"))->isVisible());

    // A panel that showed an active answer hides it again for the next one.
    Shown jane = verifyAndShow(env, env.patientId(QStringLiteral("Jane")));
    QVERIFY(waitForCollect(*jane.panel));
    QSignalSpy changed(jane.panel.get(), &StatusPanel::collectTodayChanged);
    jane.panel->showNothing();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(text(*jane.panel, "collectLabel"), QString());
}

void TestStatusPanel::withoutTheServiceDefaultFees()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Without a service the panel cannot read the visit: an office visit, said so.
    Shown shown = verifyAndShow(env, env.patientId(QStringLiteral("Jane")), false);
    QVERIFY(shown.panel);
    QCOMPARE(text(*shown.panel, "collectLabel"), QStringLiteral("Collect today: $25.00"));
    QVERIFY(text(*shown.panel, "collectExplanation").contains(QLatin1String("office visit")));
}

QTEST_MAIN(TestStatusPanel)
#include "tst_statuspanel.moc"
