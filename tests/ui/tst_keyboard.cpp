// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desk by keyboard alone: every screen's Alt letters are unique and none is a menu's, in
// English and in Spanish; Tab walks each page in reading order and leaves tables after one
// stop; the documented shortcuts (Ctrl+P, Ctrl+Shift+P, Ctrl+, F1…) are bound.
#include "common/trainingenvironment.h"
#include "models/coveragemodel.h"
#include "services/metriport/chartservice.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/metriportclient.h"
#include "services/metriport/outsiderecordsservice.h"
#include "models/verificationhistorymodel.h"
#include "ui/chartitemeditdialog.h"
#include "ui/reconciledialog.h"
#include "ui/signindialog.h"
#include "ui/userformdialog.h"
#include "ui/usersdialog.h"
#include "ui/emergencyaccessdialog.h"
#include "ui/passphrasedialog.h"
#include "ui/changepassphrasedialog.h"
#include "ui/auditlogdialog.h"
#include "services/common/audittrailservice.h"
#include "services/access/accesscontrol.h"
#include "services/access/userservice.h"
#include "ui/appointmentdialog.h"
#include "ui/cancelvisitdialog.h"
#include "ui/coverageform.h"
#include "ui/claimformdialog.h"
#include "ui/claimspage.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"
#include "services/domain/desksettings.h"
#include "ui/statuspanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

namespace {
//! The Alt letter of a text ("Fi&nd" → 'N'; "&&" is a literal ampersand), or none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

/*!
  Every Alt letter `root` offers while shown: labels with a buddy, buttons, group boxes, the
  tabs of tab widgets, and the menu bar's titles. Each entry is "letter: text" so a failure
  names both owners of a letter.
 */
QStringList mnemonicsOf(QWidget *root)
{
    QStringList found;
    auto add = [&found](const QString &text) {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            found << QString(letter) + QStringLiteral(": ") + text;
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w))
            add(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title());
        else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        }
    }
    if (auto *window = qobject_cast<QMainWindow *>(root)) {
        for (QAction *menu : window->menuBar()->actions())
            add(menu->text());
    }
    return found;
}

//! The entries whose letter another entry has too; empty when every letter is unique.
QStringList clashes(const QStringList &entries)
{
    QStringList clashing;
    for (const QString &entry : entries) {
        for (const QString &other : entries) {
            if (&entry != &other && entry.at(0) == other.at(0)) {
                clashing << entry;
                break;
            }
        }
    }
    return clashing;
}

//! Loads the Spanish catalogues (ours and Qt's) while alive.
struct Spanish
{
    QTranslator ours;
    QTranslator qt;
    QLocale saved;
    bool loaded = false;
    Spanish()
    {
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
        loaded = ours.load(QStringLiteral(CLINICDESK_QM_DIR "/clinicdesk_es.qm"));
        loaded = loaded && qt.load(QLocale(QLocale::Spanish), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        QCoreApplication::installTranslator(&ours);
        QCoreApplication::installTranslator(&qt);
    }
    ~Spanish()
    {
        QCoreApplication::removeTranslator(&qt);
        QCoreApplication::removeTranslator(&ours);
        QLocale::setDefault(saved);
    }
};

//! The widgets Tab visits from `start`, in order, until it leaves `within` or comes back.
QList<QWidget *> tabWalk(QWidget *start, QWidget *within, int limit = 80)
{
    QList<QWidget *> visited;
    start->setFocus();
    for (int i = 0; i < limit; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || !within->isAncestorOf(focus) || (i > 0 && focus == start))
            break;
        visited << focus;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return visited;
}
} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mnemonicsAreUniquePerScreen_data();
    void mnemonicsAreUniquePerScreen();
    void patientPageTabOrderFollowsThePage();
    void documentedShortcutsAreBound();
    void noButtonLeftInEnglishInSpanish();

private:
    static DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.appointments = &env.appointments();
        e.eligibility = &env.service();
        e.reports = &env.reports();
        e.claims = &env.claims();
        e.claimPreparer = &env.claimPreparer();
        e.claimDashboard = &env.claimDashboard();
        e.claimFiles = &env.claimFiles();
        e.user = QStringLiteral("tester");
        return e;
    }
    static PatientPage *openDemoPatient(TrainingEnvironment &env, MainWindow &window)
    {
        PatientPage *page = window.openPatient(env.patientId(QStringLiteral("Maria")));
        if (!page || !QTest::qWaitFor([page] {
                return page->isLoaded() && page->coverageModel()->rowCount() > 0;
            }, 10000))
            return nullptr;
        return page;
    }
};

void TestKeyboard::mnemonicsAreUniquePerScreen_data()
{
    QTest::addColumn<bool>("spanish");
    QTest::newRow("en") << false;
    QTest::newRow("es") << true;
}

void TestKeyboard::mnemonicsAreUniquePerScreen()
{
    QFETCH(bool, spanish);
    std::unique_ptr<Spanish> language;
    if (spanish) {
        language = std::make_unique<Spanish>();
        QVERIFY(language->loaded);
    }
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // The outside records against the sandbox's Metriport (nothing is asked of it here).
    MetriportClient metriport(&env.network(),
                              {env.sandboxBaseUrl(), QString::fromUtf8(env.sandbox().metriportApiKey())});
    DocumentFetcher fetcher(&env.store(), &metriport);
    OutsideRecordsService outsideRecords(&env.store(), &metriport, &fetcher,
                                         QStringLiteral("tester"), {});
    MedicalRecordService medicalRecords(&env.store(), &outsideRecords);
    ChartService chart(&env.store(), QStringLiteral("tester"));
    DeskEnvironment desk = environmentFor(env);
    desk.outsideRecords = &outsideRecords;
    desk.medicalRecords = &medicalRecords;
    desk.chart = &chart;
    MainWindow window(desk);
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The front desk with the menu bar.
    QStringList frontDesk = mnemonicsOf(&window);
    QVERIFY(frontDesk.size() >= 8);
    QVERIFY2(clashes(frontDesk).isEmpty(), qPrintable(clashes(frontDesk).join(QLatin1String(" | "))));

    // A patient's tab, with the dependent's subscriber fields shown too.
    PatientPage *page = openDemoPatient(env, window);
    QVERIFY(page);
    auto *relationship = page->findChild<QComboBox *>(QStringLiteral("relationshipCombo"));
    QVERIFY(relationship);
    relationship->setCurrentIndex(1);
    QVERIFY(page->findChild<QGroupBox *>(QStringLiteral("subscriberGroup"))->isVisibleTo(page));
    QStringList patient = mnemonicsOf(&window);
    QVERIFY(patient.size() >= frontDesk.size());
    QVERIFY2(clashes(patient).isEmpty(), qPrintable(clashes(patient).join(QLatin1String(" | "))));

    // The billers' page.
    window.showClaims();
    QVERIFY(window.claimsPage() && window.claimsPage()->isVisible());
    QStringList claims = mnemonicsOf(&window);
    QVERIFY(claims.size() >= 10);
    QVERIFY2(clashes(claims).isEmpty(), qPrintable(clashes(claims).join(QLatin1String(" | "))));

    // A patient's outside records (without a network here: the buttons show, disabled).
    const Patient maria = page->patient();
    QVERIFY(window.openMedicalHistory(maria.id));
    QStringList records = mnemonicsOf(&window);
    QVERIFY2(records.size() >= 12, qPrintable(records.join(QLatin1String(" | "))));
    QVERIFY2(clashes(records).isEmpty(), qPrintable(clashes(records).join(QLatin1String(" | "))));

    // The dialogs: each is a window of its own.
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<RegisterPatientDialog>(&env.patients(), Patient{}));
    dialogs.push_back(std::make_unique<RegisterPatientDialog>(&env.patients(), maria));
    dialogs.push_back(std::make_unique<AppointmentDialog>(&env.appointments(), maria));
    Appointment visit;
    visit.id = 1;
    visit.patientId = maria.id;
    visit.start = QDateTime::currentDateTimeUtc();
    dialogs.push_back(
        std::make_unique<CancelVisitDialog>(&env.appointments(), visit, maria.fullName()));
    dialogs.push_back(std::make_unique<ClaimFormDialog>(
        &env.claims(), &env.claimPreparer(), &env.patients(), PayorJson::Provider{}, 365,
        QStringLiteral("tester")));
    dialogs.push_back(std::make_unique<SettingsDialog>(DeskSettings{}));
    dialogs.push_back(std::make_unique<ReconcileDialog>(nullptr, maria.id, maria.fullName(),
                                                        ClinicalSummary{}));
    for (ChartKind kind : {ChartKind::Allergy, ChartKind::Medication, ChartKind::Problem}) {
        ChartItem item;
        item.kind = kind;
        item.display = QStringLiteral("Penicillin");
        dialogs.push_back(std::make_unique<ChartItemEditDialog>(item));
    }
    dialogs.push_back(std::make_unique<SignInDialog>(nullptr, SignInDialog::Mode::SignIn, true,
                                                     QStringLiteral("Clinic")));
    dialogs.push_back(std::make_unique<SignInDialog>(
        nullptr, SignInDialog::Mode::FirstAdministrator, false, QStringLiteral("Clinic")));
    dialogs.push_back(std::make_unique<ChangePassphraseDialog>(ChangePassphraseDialog::Change{}, 12));
    AuditTrailService trail(&env.store());
    dialogs.push_back(std::make_unique<AuditLogDialog>(&trail));
    for (auto mode : {PassphraseDialog::Mode::Unlock, PassphraseDialog::Mode::Choose})
        dialogs.push_back(std::make_unique<PassphraseDialog>(mode, QString(), 12));
    AccessControl billerAccess(&env.store());
    billerAccess.setSession(Session{QStringLiteral("b"), QStringLiteral("B"), Role::Biller});
    dialogs.push_back(std::make_unique<EmergencyAccessDialog>(&billerAccess, maria.id, maria.fullName()));
    UserService users(&env.store());
    const Session admin{QStringLiteral("a"), QStringLiteral("A"), Role::Administrator};
    dialogs.push_back(std::make_unique<UsersDialog>(&users, admin));
    for (auto mode : {UserFormDialog::Mode::AddUser, UserFormDialog::Mode::ResetPassword,
                      UserFormDialog::Mode::ChangeOwnPassword})
        dialogs.push_back(std::make_unique<UserFormDialog>(&users, admin, mode, QStringLiteral("a")));
    for (const auto &dialog : dialogs) {
        dialog->show();
        const QStringList letters = mnemonicsOf(dialog.get());
        QVERIFY2(!letters.isEmpty(), dialog->metaObject()->className());
        QVERIFY2(clashes(letters).isEmpty(),
                 qPrintable(QLatin1String(dialog->metaObject()->className()) + QLatin1String(": ") +
                            clashes(letters).join(QLatin1String(" | "))));
        dialog->hide();
    }
}

void TestKeyboard::patientPageTabOrderFollowsThePage()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PatientPage *page = openDemoPatient(env, window);
    QVERIFY(page);
    QTRY_VERIFY(page->statusPanel()->benefitsView()->isVisible() ||
                page->historyModel()->rowCount() >= 0);

    auto *coverages = page->findChild<QTableView *>(QStringLiteral("coverageView"));
    QVERIFY(coverages);
    const QList<QWidget *> walk = tabWalk(coverages, page);
    auto at = [&walk](const QWidget *w) { return walk.indexOf(const_cast<QWidget *>(w)); };

    // Each table is one stop: Tab never stays in it.
    for (QTableView *table : page->findChildren<QTableView *>()) {
        if (table->isVisible() && table->isEnabled())
            QVERIFY2(walk.count(table) == 1, qPrintable(table->objectName()));
    }
    // The page's order: coverages → the form → the answer → its actions → the history.
    const QList<const QWidget *> expected{
        coverages,
        page->findChild<QWidget *>(QStringLiteral("verifyAllButton")),
        page->findChild<QWidget *>(QStringLiteral("payerCombo")),
        page->findChild<QWidget *>(QStringLiteral("memberIdEdit")),
        page->findChild<QWidget *>(QStringLiteral("verifyButton")),
        page->findChild<QWidget *>(QStringLiteral("visitView")),
        page->findChild<QWidget *>(QStringLiteral("previewButton")),
        page->findChild<QWidget *>(QStringLiteral("historyView")),
        page->findChild<QWidget *>(QStringLiteral("retryButton")),
    };
    int previous = -1;
    for (const QWidget *w : expected) {
        QVERIFY(w);
        if (!w->isEnabled())
            continue; // disabled buttons take no stop
        const int position = at(w);
        QVERIFY2(position > previous, qPrintable(w->objectName() + QLatin1String(" out of order")));
        previous = position;
    }
    // The answer's table, when shown, sits between the form and the report buttons.
    QTableView *benefits = page->statusPanel()->benefitsView();
    if (benefits->isVisible()) {
        QVERIFY(at(benefits) > at(expected.at(4)));
        QVERIFY(at(benefits) < at(expected.at(6)));
    }
    // The walk ends on the page's last stop, the history's buttons, before leaving the page.
    QVERIFY(walk.last() == page->findChild<QWidget *>(QStringLiteral("retryButton")) ||
            walk.last() == page->findChild<QWidget *>(QStringLiteral("verifyAgainButton")));
}

void TestKeyboard::documentedShortcutsAreBound()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QHash<QString, QString> byShortcut; // shortcut → action text
    for (QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name = key.toString(QKeySequence::PortableText);
            QVERIFY2(!byShortcut.contains(name),
                     qPrintable(name + QLatin1String(" is both ") + byShortcut.value(name) +
                                QLatin1String(" and ") + action->text()));
            byShortcut.insert(name, action->text());
        }
    }
    for (const char *key : {"Ctrl+P", "Ctrl+Shift+P", "Ctrl+Shift+S", "Ctrl+,", "F1", "F5", "Ctrl+F",
                            "Ctrl+N", "Ctrl+B", "Ctrl+R", "Ctrl+Del", "Ctrl+Shift+V", "Ctrl+Q"}) {
        QVERIFY2(byShortcut.contains(QLatin1String(key)), key);
    }
    QCOMPARE(byShortcut.value(QStringLiteral("Ctrl+P")).remove(QLatin1Char('&')),
             QStringLiteral("Print…"));
    QCOMPARE(byShortcut.value(QStringLiteral("Ctrl+Shift+P")).remove(QLatin1Char('&')),
             QStringLiteral("Print Preview…"));
    QCOMPARE(byShortcut.value(QStringLiteral("Ctrl+,")).remove(QLatin1Char('&')),
             QStringLiteral("Settings…"));
}

void TestKeyboard::noButtonLeftInEnglishInSpanish()
{
    // Qt's own buttons (Cancel, Close, OK…) come from Qt's catalogue, ours from ours: under
    // Spanish no button of any dialog may still read in English.
    Spanish language;
    QVERIFY(language.loaded);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 mariaId = env.patientId(QStringLiteral("Maria"));
    Patient maria;
    maria.id = mariaId;
    maria.firstName = QStringLiteral("Maria");
    maria.lastName = QStringLiteral("Garcia");
    Appointment visit;
    visit.id = 1;
    visit.patientId = mariaId;
    visit.start = QDateTime::currentDateTimeUtc();
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<RegisterPatientDialog>(&env.patients(), Patient{}));
    dialogs.push_back(std::make_unique<AppointmentDialog>(&env.appointments(), maria));
    dialogs.push_back(std::make_unique<CancelVisitDialog>(&env.appointments(), visit, maria.fullName()));
    dialogs.push_back(std::make_unique<SettingsDialog>(DeskSettings{}));
    static const QStringList english{QStringLiteral("OK"),     QStringLiteral("Cancel"),
                                     QStringLiteral("Close"),  QStringLiteral("Save"),
                                     QStringLiteral("Apply"),  QStringLiteral("Yes"),
                                     QStringLiteral("No"),     QStringLiteral("Reset"),
                                     QStringLiteral("Help"),   QStringLiteral("Discard"),
                                     QStringLiteral("Restore Defaults")};
    int buttons = 0;
    dialogs.push_back(std::make_unique<SignInDialog>(nullptr, SignInDialog::Mode::SignIn, true,
                                                     QStringLiteral("Clinic")));
    dialogs.push_back(std::make_unique<SignInDialog>(
        nullptr, SignInDialog::Mode::FirstAdministrator, false, QStringLiteral("Clinic")));
    for (const auto &dialog : dialogs) {
        dialog->show();
        for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
            if (!button->isVisibleTo(dialog.get()) || button->text().isEmpty())
                continue;
            ++buttons;
            const QString text = QString(button->text()).remove(QLatin1Char('&'));
            QVERIFY2(!english.contains(text, Qt::CaseInsensitive),
                     qPrintable(QLatin1String(dialog->metaObject()->className()) +
                                QLatin1String(": ") + text));
        }
        dialog->hide();
    }
    QVERIFY(buttons >= 8);
    // Qt's catalogue is really in use: its Cancel is Spanish.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
