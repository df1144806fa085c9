// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog's visit fees: shown as stored, edited from the keyboard, added, removed,
// validated before saving; unique mnemonics on both tabs.
#include "services/claims/payorconnection.h"
#include "services/domain/desksettings.h"
#include "services/sandbox/sandboxhost.h"
#include "ui/settingsdialog.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

namespace {
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

DeskSettings twoFees()
{
    DeskSettings d;
    d.visitFees = {{QStringLiteral("Follow-up"), QStringLiteral("98"), 15000},
                   {QStringLiteral("Vaccines"), QStringLiteral("80"), 6000}};
    d.officeVisitCents = 12500;
    return d;
}

//! Types into the cell's editor as a clerk does: F2 opens it, Enter commits.
void typeInto(QTableWidget *table, int row, int column, const QString &text)
{
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != table);
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        spin->selectAll();
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->lineEdit()->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on the next turn of the loop
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheStoredFees();
    void editAddAndRemoveFees();
    void emptyVisitTypeIsRefused();
    void mnemonicsAreUnique();
    void testConnectionNamesTheStepThatFailed();
    void mappingsFromThePayorAndEdited();
};

void TestSettingsDialog::showsTheStoredFees()
{
    SettingsDialog dialog(twoFees());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("feesTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Vaccines"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("80 — Immunizations"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("$60.00"));
    QCOMPARE(dialog.findChild<QDoubleSpinBox *>(QStringLiteral("officeVisitSpin"))->value(), 125.0);
    // Unchanged, the dialog gives back what it was given.
    QCOMPARE(dialog.settings(), twoFees());
}

void TestSettingsDialog::editAddAndRemoveFees()
{
    SettingsDialog dialog(twoFees());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("feesTable"));
    table->setFocus();

    typeInto(table, 0, 2, QStringLiteral("162.5"));
    typeInto(table, 1, 1, QStringLiteral("BZ"));
    QCOMPARE(dialog.settings().visitFees.at(0).chargeCents, qint64(16250));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("$162.50"));
    QCOMPARE(dialog.settings().visitFees.at(1).serviceType, QStringLiteral("BZ"));

    // Add Visit Type puts the keyboard in the new row's name.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addFeeButton")),
                      Qt::LeftButton);
    QCOMPARE(table->rowCount(), 3);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, QStringLiteral("Therapy"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    typeInto(table, 2, 2, QStringLiteral("180"));
    const QList<VisitFee> fees = dialog.settings().visitFees;
    QCOMPARE(fees.size(), 3);
    QCOMPARE(fees.at(2), (VisitFee{QStringLiteral("Therapy"), QStringLiteral("98"), 18000}));

    table->setCurrentCell(0, 0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeFeeButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.settings().visitFees.size(), 2);
    QCOMPARE(dialog.settings().visitFees.first().visitType, QStringLiteral("Vaccines"));

    dialog.findChild<QDoubleSpinBox *>(QStringLiteral("officeVisitSpin"))->setValue(99.99);
    QCOMPARE(dialog.settings().officeVisitCents, qint64(9999));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSettingsDialog::emptyVisitTypeIsRefused()
{
    SettingsDialog dialog(twoFees());
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addFeeButton")),
                      Qt::LeftButton);
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    const QString message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(QLatin1String("Visit fees")), qPrintable(message));
}

void TestSettingsDialog::mnemonicsAreUnique()
{
    // Qt ignores the shortcuts of hidden widgets: what must not clash is each tab's own
    // fields and buttons with the tab titles and the rest of the dialog.
    SettingsDialog dialog(DeskSettings{});
    const auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("tabs"));
    const auto textsIn = [](const QWidget *root, const QWidget *except) {
        QStringList texts;
        for (const QLabel *label : root->findChildren<QLabel *>()) {
            if (!except || !except->isAncestorOf(label))
                texts << label->text();
        }
        for (const QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
            if (qobject_cast<const QDialogButtonBox *>(button->parentWidget()))
                continue;
            if (!except || !except->isAncestorOf(button))
                texts << button->text();
        }
        return texts;
    };
    QStringList shared = textsIn(&dialog, tabs);
    for (int i = 0; i < tabs->count(); ++i)
        shared << tabs->tabText(i);
    int total = 0;
    for (int i = 0; i < tabs->count(); ++i) {
        const QStringList texts = shared + textsIn(tabs->widget(i), nullptr);
        QHash<QChar, QString> seen;
        for (const QString &text : texts) {
            const QChar letter = mnemonicOf(text);
            if (letter.isNull())
                continue;
            QVERIFY2(!seen.contains(letter),
                     qPrintable(QStringLiteral("%1 and %2 share Alt+%3")
                                    .arg(seen.value(letter), text, letter)));
            seen.insert(letter, text);
        }
        total += int(seen.size());
    }
    QVERIFY(total >= 30);
}

namespace {
PayorCheck tested(SettingsDialog &dialog)
{
    QSignalSpy spy(&dialog, &SettingsDialog::connectionTested);
    dialog.testConnection();
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<PayorCheck>();
}

void setField(SettingsDialog &dialog, const char *name, const QString &text)
{
    dialog.findChild<QLineEdit *>(QLatin1String(name))->setText(text);
}
} // namespace

void TestSettingsDialog::testConnectionNamesTheStepThatFailed()
{
    SandboxHost sandbox;
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    QNetworkAccessManager network;
    DeskSettings settings;
    settings.payorUrl = sandbox.baseUrl();
    settings.payorApiKey = QString::fromUtf8(sandbox.payorApiKey());
    settings.providerId = QStringLiteral("PRV-TEST");
    SettingsDialog dialog(settings);
    dialog.setPayorAccess(&network, {});

    PayorCheck result = tested(dialog);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.mappings, 4);
    QVERIFY(result.message.contains(QLatin1String("PRV-TEST")));

    setField(dialog, "payorApiKeyEdit", QStringLiteral("wrong-key"));
    result = tested(dialog);
    QVERIFY(result.reachable && !result.authenticated);
    QVERIFY2(result.message.contains(QLatin1String("API key")), qPrintable(result.message));

    setField(dialog, "payorApiKeyEdit", QString::fromUtf8(sandbox.payorApiKey()));
    setField(dialog, "providerIdEdit", QString());
    result = tested(dialog);
    QVERIFY(result.reachable && result.authenticated && !result.configured);
    QVERIFY2(result.message.contains(QLatin1String("provider ID")), qPrintable(result.message));

    // Nothing listens on the sandbox's port once it stopped.
    const QUrl stopped = sandbox.baseUrl();
    sandbox.stop();
    setField(dialog, "payorUrlEdit", stopped.toString());
    result = tested(dialog);
    QVERIFY(!result.reachable);
    QVERIFY2(result.message.contains(stopped.toString()), qPrintable(result.message));
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QCOMPARE(label->text(), result.message);
}

void TestSettingsDialog::mappingsFromThePayorAndEdited()
{
    SandboxHost sandbox;
    QVERIFY(sandbox.start());
    QNetworkAccessManager network;
    SettingsDialog dialog(DeskSettings{});
    // Training: the payor fields stay empty and the sandbox payor answers.
    dialog.setPayorAccess(&network, {sandbox.baseUrl(), QString::fromUtf8(sandbox.payorApiKey()),
                                     QStringLiteral("PRV-TEST")});
    dialog.setMappings({{QStringLiteral("INS001"), QStringLiteral("Blue Cross (old name)"),
                         QStringLiteral("local")},
                        {QStringLiteral("ZZ9"), QStringLiteral("Local Plan"),
                         QStringLiteral("local")}});
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("mappingsTable"));
    dialog.findChild<QPushButton *>(QStringLiteral("fetchMappingsButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 20000);
    QList<PayorMapping> mappings = dialog.mappings();
    const auto find = [&](const QString &id) {
        for (const PayorMapping &m : mappings) {
            if (m.insuranceId == id)
                return m;
        }
        return PayorMapping{};
    };
    QCOMPARE(find(QStringLiteral("INS001")).payorName, QStringLiteral("BlueCross BlueShield"));
    QCOMPARE(find(QStringLiteral("INS001")).source, QStringLiteral("payor"));
    QCOMPARE(find(QStringLiteral("ZZ9")).source, QStringLiteral("local")); // kept
    QVERIFY(dialog.removedMappings().isEmpty());

    // Removing a row lists it as removed; a duplicate ID is refused on Save.
    table->setCurrentCell(int(mappings.indexOf(find(QStringLiteral("ZZ9")))), 0);
    dialog.findChild<QPushButton *>(QStringLiteral("removeMappingButton"))->click();
    QCOMPARE(dialog.removedMappings(), QStringList{QStringLiteral("ZZ9")});
    dialog.findChild<QPushButton *>(QStringLiteral("addMappingButton"))->click();
    table->item(table->rowCount() - 1, 0)->setText(QStringLiteral("ins002"));
    table->item(table->rowCount() - 1, 1)->setText(QStringLiteral("Another"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    const auto *message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY2(message->text().contains(QLatin1String("INS002")), qPrintable(message->text()));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
