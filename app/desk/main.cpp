// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcontext.h"
#include "claimcommands.h"
#include "headlesscommands.h"
#include "models/patientsearchmodel.h"
#include "models/schedulemodel.h"
#include "services/common/audittrailservice.h"
#include "services/sandbox/datagenerator.h"
#include "services/store/databaseencryption.h"
#include "services/store/store.h"
#include "ui/lockscreen.h"
#include "ui/mainwindow.h"
#include "ui/passphrasedialog.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace {
bool isHeadless(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    for (const char *command : {"verify", "verify-day", "claim", "claims", "remit"}) {
        if (std::strcmp(argv[1], command) == 0)
            return true;
    }
    return false;
}

//! `generate` needs neither a window nor fonts: a bare QCoreApplication. (`conformance` is
//! answered by the clinicdesk launcher, on Qt Core alone.)
bool isCoreCommand(int argc, char *argv[])
{
    return argc >= 2 && std::strcmp(argv[1], "generate") == 0;
}

int runCoreCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClinicDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("clinicdesk"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("generate --data-dir DIR --patients N --verifications M [--days D]"));
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("generate: folder for the database."),
                                        QStringLiteral("dir"));
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QStringLiteral("generate: how many patients."),
                                            QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption verificationsOption(
        QStringLiteral("verifications"), QStringLiteral("generate: how many verifications."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption daysOption(
        QStringLiteral("days"), QStringLiteral("generate: days of schedule and verifications."),
        QStringLiteral("d"), QStringLiteral("30"));
    const QCommandLineOption perDayOption(QStringLiteral("appointments-per-day"),
                                          QStringLiteral("generate: appointments on each day."),
                                          QStringLiteral("n"), QStringLiteral("150"));
    parser.addOptions({dataOption, patientsOption, verificationsOption, daysOption, perDayOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("generate"));
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();

    bool ok = true;
    DataGenerator::Options options;
    options.patients = parser.value(patientsOption).toInt(&ok);
    bool ok2 = true, ok3 = true, ok4 = true;
    options.verifications = parser.value(verificationsOption).toInt(&ok2);
    options.days = parser.value(daysOption).toInt(&ok3);
    options.appointmentsPerDay = parser.value(perDayOption).toInt(&ok4);
    if (!parser.isSet(dataOption) || !ok || !ok2 || !ok3 || !ok4 || options.patients < 1 ||
        options.verifications < 0 || options.days < 1 || options.appointmentsPerDay < 0) {
        err << "usage: clinicdesk generate --data-dir DIR --patients N --verifications M "
               "[--days D] [--appointments-per-day N]"
            << Qt::endl;
        return 2;
    }
    const QString dir = parser.value(dataOption);
    if (!QDir().mkpath(dir)) {
        err << "Cannot create the folder " << dir << Qt::endl;
        return 1;
    }
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // The file a desk started with --data-dir DIR opens (training mode uses the same name).
    const QString path = QDir(dir).filePath(QStringLiteral("clinicdesk-training.sqlite"));
    if (QFileInfo::exists(path)) {
        err << "The database " << path << " exists already; generate writes a new one." << Qt::endl;
        return 1;
    }
    // Encrypted like the training desk's own: a desk started with --data-dir DIR finds the key.
    DeskContext::Location location;
    location.training = true;
    location.dataDir = dir;
    location.databasePath = path;
    const DatabaseKey::Result key = DeskContext::databaseKey(location, true);
    if (!key.ok()) {
        err << key.error << Qt::endl;
        return 1;
    }
    Store store(Store::Options{path, 1, QStringLiteral("generate"), key.keyHex});
    QFuture<Database::OpenResult> opened = store.open();
    opened.waitForFinished();
    if (!opened.result().ok) {
        err << opened.result().error << Qt::endl;
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    QFuture<QString> generated = store.write([options](const QString &connection) {
        return DataGenerator::generate(connection, options, [](const QString &message) {
            QTextStream(stdout) << message << Qt::endl;
        });
    });
    generated.waitForFinished();
    if (!generated.result().isEmpty()) {
        err << generated.result() << Qt::endl;
        return 1;
    }
    out << "generated " << path << " in " << clock.elapsed() << " ms" << Qt::endl;
    return 0;
}

void installTranslations(QCoreApplication &app, const QString &lang)
{
    QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    // A US clinic: dates, money and numbers in US style whatever the language ("es" is es_US),
    // and English (US) when the system has no locale at all (C/POSIX, as on servers and CI).
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    else if (!lang.isEmpty() && !lang.contains(QLatin1Char('_')) &&
             !lang.contains(QLatin1Char('-')))
        locale = QLocale(locale.language(), QLocale::UnitedStates);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("clinicdesk"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

/*!
  Who works at this desk: in training `--user NAME` signs in without a password (the data is
  fake; a demo user's role, else the front desk's); otherwise the sign-in screen, or on a
  clinic's first start (no users yet) the creation of the administrator. Nothing when the
  person quits instead.
 */
std::optional<Session> signIn(DeskContext &context, const QString &requestedUser)
{
    if (context.isTraining() && !requestedUser.trimmed().isEmpty()) {
        QFuture<SignInResult> signedIn = context.users()->signInForTraining(requestedUser);
        signedIn.waitForFinished();
        if (signedIn.result().session)
            return signedIn.result().session;
    }
    QFuture<StoreResult<int>> counted = context.users()->userCount();
    counted.waitForFinished();
    const SignInDialog::Mode mode = counted.result().valueOr(1) == 0
        ? SignInDialog::Mode::FirstAdministrator
        : SignInDialog::Mode::SignIn;
    SignInDialog dialog(context.users(), mode, context.isTraining(), context.clinic().name);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.session();
}

/*!
  `clinicdesk audit verify [--data-dir DIR] [--training]`: checks the audit trail's hash chain
  of the database a desk started the same way would open, on Qt Core alone. Exit 0 when the
  chain holds (its head printed, to compare with later), 1 when it is broken (the first row that
  does not hold named), 2 for bad arguments, 3 when the database cannot be read.
 */
int runAuditCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClinicDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("clinicdesk"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("audit verify [--data-dir DIR] [--training] [--lang CODE]"));
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("The desk's data folder."),
                                        QStringLiteral("dir"));
    const QCommandLineOption trainingOption(QStringLiteral("training"),
                                            QStringLiteral("The training database."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language of the messages."),
                                        QStringLiteral("code"));
    parser.addOptions({dataOption, trainingOption, langOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("audit verify"));
    parser.process(app);
    installTranslations(app, parser.value(langOption));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments() != QStringList{QStringLiteral("audit"), QStringLiteral("verify")}) {
        err << "usage: clinicdesk audit verify [--data-dir DIR] [--training] [--lang CODE]"
            << Qt::endl;
        return 2;
    }
    DeskOptions options;
    options.dataDir = parser.value(dataOption);
    options.forceTraining = parser.isSet(trainingOption);
    const DeskContext::Location location = DeskContext::locate(options);
    if (!QFileInfo::exists(location.databasePath)) {
        err << QObject::tr("There is no ClinicDesk database at %1.")
                   .arg(QDir::toNativeSeparators(location.databasePath))
            << Qt::endl;
        return 3;
    }
    // An encrypted database is read with the desk's key; one written before encryption (not
    // yet started by this version) is read as it is.
    QByteArray keyHex;
    if (DatabaseEncryption::stateOf(location.databasePath)
        != DatabaseEncryption::FileState::Plaintext) {
        const DatabaseKey::Result key = DeskContext::databaseKey(location, false);
        if (!key.ok()) {
            err << key.error << Qt::endl;
            return 3;
        }
        keyHex = key.keyHex;
    }
    Store store(Store::Options{location.databasePath, 1, QStringLiteral("audit"), keyHex});
    QFuture<Database::OpenResult> opened = store.open();
    opened.waitForFinished();
    if (!opened.result().ok) {
        err << opened.result().error << Qt::endl;
        return 3;
    }
    QFuture<StoreResult<AuditCheck>> verified = AuditTrailService(&store).verify();
    verified.waitForFinished();
    const StoreResult<AuditCheck> check = verified.result();
    if (!check) {
        err << check.error() << Qt::endl;
        return 3;
    }
    const QString database = QDir::toNativeSeparators(location.databasePath);
    if (!check->ok()) {
        out << QObject::tr("The audit trail of %1 is broken. %2").arg(database, check->problem)
            << Qt::endl
            << QObject::tr("%n rows before it hold.", nullptr, int(check->rows)) << Qt::endl;
        return 1;
    }
    if (check->rows == 0) {
        out << QObject::tr("The audit trail of %1 is empty.").arg(database) << Qt::endl;
        return 0;
    }
    const QLocale locale;
    out << QObject::tr("The audit trail of %1 holds: %n rows, from %2 to %3 (UTC).", nullptr,
                       int(check->rows))
               .arg(database,
                    locale.toString(check->firstAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")),
                    locale.toString(check->lastAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")))
        << Qt::endl
        << QObject::tr("Newest row's hash: %1 (note it: a later check must still find it, which "
                       "shows no row was deleted from the end).")
               .arg(QString::fromLatin1(check->lastHash))
        << Qt::endl;
    return 0;
}
/*!
  The window's first part: the database opened (its passphrase asked for, or an earlier
  version's file encrypted, with progress), a person signed in and the services started in
  their name. An exit code when the desk does not get that far (quit on the sign-in screen: 0).
 */
std::optional<int> openAndSignIn(DeskContext &context, const DeskOptions &options)
{
    QString error;
    context.setPassphrasePrompt([](bool creating, const QString &problem) {
        return PassphraseDialog::ask(creating ? PassphraseDialog::Mode::Choose
                                              : PassphraseDialog::Mode::Unlock,
                                     problem, DatabaseKey::minimumPassphraseLength);
    });
    // Encrypting a database from an earlier version reads and rewrites all of it.
    // Made only when there is something to encrypt.
    std::unique_ptr<QProgressDialog> encrypting;
    context.setEncryptionProgress([&encrypting](int done, int total) {
        if (!encrypting) {
            encrypting = std::make_unique<QProgressDialog>(
                QObject::tr("Encrypting the database. Every row is checked before and "
                            "after; this can take a few minutes for a large database…"),
                QString(), 0, total);
            encrypting->setWindowTitle(QObject::tr("ClinicDesk"));
            encrypting->setMinimumDuration(0);
            encrypting->setAutoClose(false);
            encrypting->show();
        }
        encrypting->setMaximum(total);
        encrypting->setValue(done);
    });
    const bool opened = context.openStore(&error);
    encrypting.reset();
    context.setEncryptionProgress({});
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("ClinicDesk Cannot Start"), error);
        return 1;
    }
    const std::optional<Session> session = signIn(context, options.user);
    if (!session)
        return 0; // Quit on the sign-in screen
    context.setSession(*session);
    if (!context.start(&error)) {
        QMessageBox::critical(nullptr, QObject::tr("ClinicDesk Cannot Start"), error);
        return 1;
    }
    return std::nullopt;
}

/*!
  The window, with its lock, until the person quits (then the sign-out is audited) or someone
  else takes the desk from the lock (`*switchUser`; the lock audited it).
 */
int showWindow(QApplication &app, DeskContext &context, bool quitWhenShown, bool *switchUser,
               QTextStream &out, const QElapsedTimer &startClock)
{
    DeskEnvironment environment;
    environment.patients = context.patients();
    environment.appointments = context.appointments();
    environment.eligibility = context.eligibility();
    environment.reports = context.reports();
    environment.maintenance = context.maintenance();
    environment.live = context.live();
    environment.sampleEvents = context.sampleEvents();
    environment.claims = context.claims();
    environment.claimPreparer = context.claimPreparer();
    environment.claimSubmitter = context.claimSubmitter();
    environment.claimSync = context.claimSync();
    environment.claimFiles = context.claimFiles();
    environment.claimDashboard = context.claimDashboard();
    environment.outsideRecords = context.outsideRecords();
    environment.medicalRecords = context.medicalRecords();
    environment.chart = context.chart();
    environment.access = context.access();
    environment.auditTrail = context.auditTrail();
    environment.users = context.users();
    environment.secrets = context.secrets();
    if (!context.isTraining()) {
        environment.changeDatabasePassphrase = [&context](const QString &current,
                                                          const QString &next) {
            return context.changeDatabasePassphrase(current, next);
        };
    }
    environment.providerId = context.providerId();
    environment.providerName = context.providerName();
    environment.timelyFilingDays = context.timelyFilingDays();
    environment.network = context.network();
    environment.trainingPayorUrl = context.trainingPayorUrl();
    environment.trainingPayorKey = context.trainingPayorKey();
    environment.clinic = context.clinic();
    environment.training = context.isTraining();
    environment.user = context.user();
    environment.session = context.session();
    MainWindow window(environment);
    window.show();
    // Automatic logoff: the screen locks after the clinic's idle time (2–60 minutes).
    LockScreen lockScreen(context.users(), context.session(), &window);
    lockScreen.setIdleTimeout(
        std::clamp(context.configured().lockMinutes, LockScreen::minMinutes,
                   LockScreen::maxMinutes) * 60 * 1000);
    QObject::connect(&window, &MainWindow::lockRequested, &lockScreen, &LockScreen::lock);
    // Another person at the desk, from the lock: this person's window closes with its tabs.
    lockScreen.setAllowsSwitching(true);
    QObject::connect(&lockScreen, &LockScreen::switchUserRequested, &app, [&app, switchUser] {
        *switchUser = true;
        app.exit(0); // every event loop, also a dialog's left open under the lock
    });
    // Queued claims go out, and open ones are synced, once the window is up.
    QTimer::singleShot(0, &context, [&context] {
        context.startClaimWork(true);
        context.startOutsideRecordsWork();
    });
    if (quitWhenShown) {
        // Two moments: the window on screen, and the first patients and today's schedule in it
        // (read on the store's workers after the window is up).
        // The connections outlive this block: the count lives with them.
        auto waiting = std::make_shared<int>(2);
        // The window's moment is said first, even when the lists fill before the event loop
        // gets to the timer below (a fast disk on a busy machine).
        auto windowSaid = std::make_shared<bool>(false);
        auto sayWindow = [windowSaid, &out, &startClock] {
            if (std::exchange(*windowSaid, true))
                return;
            out << "main window shown after " << startClock.elapsed() << " ms" << Qt::endl;
        };
        auto dataShown = [waiting, sayWindow, &out, &startClock] {
            if (--*waiting > 0)
                return;
            sayWindow();
            out << "first patients and schedule shown after " << startClock.elapsed() << " ms"
                << Qt::endl;
            QApplication::quit();
        };
        QObject::connect(window.searchModel(), &PatientSearchModel::searchFinished, &app, dataShown,
                         Qt::SingleShotConnection);
        QObject::connect(window.scheduleModel(), &ScheduleModel::loaded, &app, dataShown,
                         Qt::SingleShotConnection);
        QTimer::singleShot(0, &app, sayWindow);
    }
    const int code = app.exec();
    if (!*switchUser) {
        // Quitting ends the session (a switch was recorded by the lock screen).
        context.users()->recordSessionEvent(context.session(), QStringLiteral("session.sign_out"))
            .waitForFinished();
    }
    return code;
}

/*!
  The desk with a window. Someone else signing in from the lock closes the first person's
  window with its tabs and starts the desk again in the new person's name (every service
  records who acts), with the database key this process already unlocked.
 */
int runDesk(QApplication &app, DeskOptions options, bool quitWhenShown, QTextStream &out,
            const QElapsedTimer &startClock)
{
    for (;;) {
        DeskContext context(options);
        if (const std::optional<int> stopped = openAndSignIn(context, options))
            return *stopped;
        bool switchUser = false;
        const int code = showWindow(app, context, quitWhenShown, &switchUser, out, startClock);
        if (!switchUser)
            return code;
        options.user.clear(); // the next person signs in on the screen
        options.databaseKeyHex = context.databaseKeyHex();
        quitWhenShown = false;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startClock;
    startClock.start();
    if (isCoreCommand(argc, argv))
        return runCoreCommand(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "audit") == 0)
        return runAuditCommand(argc, argv);
    const bool headless = isHeadless(argc, argv);
    // Headless commands still render PDFs (fonts need a GUI application) but never a window.
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClinicDesk"));
    QApplication::setApplicationName(QStringLiteral("clinicdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClinicDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ClinicDesk: insurance verification for the clinic front desk.\n\n"
                       "Commands (headless):\n"
                       "  verify --patient <id|name> [--pdf FILE] [--force]\n"
                       "  verify-day --date YYYY-MM-DD [--pdf FILE] [--force]\n"
                       "  claim submit --patient <id|name> --dx J20.9 [--dx …]\n"
                       "      --line CPT[:MOD…]:UNITS:CHARGE[:PTRS] [--line …] [--dos YYYY-MM-DD]\n"
                       "      [--wait] [--override REASON]\n"
                       "  claims list [--status S] [--since YYYY-MM-DD] [--csv FILE]\n"
                       "  claims sync\n"
                       "  claims export-837 --since YYYY-MM-DD --out FILE\n"
                       "  remit import FILE.835\n"
                       "  conformance DIR      read every X12 file under DIR/x12\n"
                       "  audit verify [--data-dir DIR] [--training]\n"
                       "                       check the audit trail's hash chain\n"
                       "  generate --data-dir DIR --patients N --verifications M [--days D]"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language (e.g. es, en)."),
                                        QStringLiteral("code"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Folder for the database."),
                                        QStringLiteral("dir"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("User name recorded on verifications."),
                                        QStringLiteral("name"));
    const QCommandLineOption trainingOption(
        QStringLiteral("training"),
        QStringLiteral("Training mode even when a clearinghouse is configured."));
    const QCommandLineOption urlOption(QStringLiteral("clearinghouse-url"),
                                       QStringLiteral("Clearinghouse endpoint for 270 requests."),
                                       QStringLiteral("url"));
    const QCommandLineOption quitOption(
        QStringLiteral("quit-after-show"),
        QStringLiteral("Quit once the main window is shown; print the start time."));
    const QCommandLineOption patientOption(QStringLiteral("patient"),
                                           QStringLiteral("verify: patient ID or name."),
                                           QStringLiteral("patient"));
    const QCommandLineOption dateOption(QStringLiteral("date"),
                                        QStringLiteral("verify-day: the day (YYYY-MM-DD)."),
                                        QStringLiteral("date"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"),
                                       QStringLiteral("Also save the report as a PDF file."),
                                       QStringLiteral("file"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral("Verify again even if verified in the last 24 hours."));
    const QCommandLineOption hubOption(
        QStringLiteral("hub"),
        QStringLiteral("The hub's live feed, e.g. wss://hub.example.org/feed (the token comes "
                       "from Settings or CLINICDESK_HUB_TOKEN, never the command line)."),
        QStringLiteral("url"));
    const QCommandLineOption deviceOption(QStringLiteral("device"),
                                          QStringLiteral("This desk's device name at the hub."),
                                          QStringLiteral("name"));
    const QCommandLineOption dxOption(QStringLiteral("dx"),
                                      QStringLiteral("claim submit: an ICD-10-CM diagnosis (repeat "
                                                     "for more, in pointer order)."),
                                      QStringLiteral("code"));
    const QCommandLineOption lineOption(
        QStringLiteral("line"),
        QStringLiteral("claim submit: a service line CPT[:MOD…]:UNITS:CHARGE[:PTRS] (repeat)."),
        QStringLiteral("line"));
    const QCommandLineOption dosOption(QStringLiteral("dos"),
                                       QStringLiteral("claim submit: date of service (today "
                                                      "when not given)."),
                                       QStringLiteral("date"));
    const QCommandLineOption waitOption(
        QStringLiteral("wait"),
        QStringLiteral("claim submit: wait for the payor's decision (paid, denied, …)."));
    const QCommandLineOption overrideOption(
        QStringLiteral("override"),
        QStringLiteral("claim submit: send although coverage is not verified active, for this "
                       "reason (recorded with the claim)."),
        QStringLiteral("reason"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("claims: dates of service from this day."),
                                         QStringLiteral("date"));
    const QCommandLineOption statusOption(
        QStringLiteral("status"),
        QStringLiteral("claims list: only claims with this status (paid, denied, open, …)."),
        QStringLiteral("status"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QStringLiteral("claims list: also write the list as CSV."),
                                       QStringLiteral("file"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("claims export-837: the file to write."),
                                       QStringLiteral("file"));
    parser.addOptions({langOption, dataOption, userOption, trainingOption, urlOption, quitOption,
                       patientOption, dateOption, pdfOption, forceOption, hubOption,
                       deviceOption, dxOption, lineOption, dosOption, waitOption, overrideOption,
                       sinceOption, outOption, statusOption, csvOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("verify, verify-day, conformance or generate "
                                                "(optional)."));
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);

    if (!command.isEmpty() && !headless) {
        err << QStringLiteral("Unknown command \"%1\". Try --help.").arg(command) << Qt::endl;
        return 2;
    }

    installTranslations(app, parser.value(langOption));

    DeskOptions options;
    options.dataDir = parser.value(dataOption);
    options.clearinghouseUrl = QUrl(parser.value(urlOption));
    options.forceTraining = parser.isSet(trainingOption);
    options.user = parser.value(userOption);
    options.hubUrl = QUrl(parser.value(hubOption));
    options.device = parser.value(deviceOption);
    // The window starts in the name of the person who signs in; headless commands run as
    // --user (a service account with a keychain token comes with the encrypted store).
    if (!headless)
        return runDesk(app, options, parser.isSet(quitOption), out, startClock);
    DeskContext context(options);
    QString error;
    if (!context.start(&error)) {
        err << error << Qt::endl;
        return 1;
    }

    if (command == QLatin1String("claim") || command == QLatin1String("claims") ||
        command == QLatin1String("remit")) {
        const QString sub = positional.value(1);
        ClaimCommands claims(&context, out, err);
        if (command == QLatin1String("claim") && sub == QLatin1String("submit")) {
            ClaimCommands::SubmitArguments arguments;
            arguments.patient = parser.value(patientOption);
            arguments.diagnoses = parser.values(dxOption);
            arguments.lines = parser.values(lineOption);
            arguments.wait = parser.isSet(waitOption);
            arguments.overrideReason = parser.value(overrideOption).trimmed();
            if (parser.isSet(dosOption))
                arguments.dateOfService =
                    QDate::fromString(parser.value(dosOption), Qt::ISODate);
            if (arguments.patient.isEmpty() || arguments.diagnoses.isEmpty() ||
                arguments.lines.isEmpty() ||
                (parser.isSet(dosOption) && !arguments.dateOfService.isValid())) {
                err << "usage: clinicdesk claim submit --patient <id|name> --dx CODE [--dx …] "
                       "--line CPT[:MOD…]:UNITS:CHARGE[:PTRS] [--line …] [--dos YYYY-MM-DD] "
                       "[--wait] [--override REASON]"
                    << Qt::endl;
                return 2;
            }
            return claims.submit(arguments);
        }
        if (command == QLatin1String("claims") && sub == QLatin1String("sync"))
            return claims.sync();
        if (command == QLatin1String("claims") && sub == QLatin1String("list")) {
            const QDate since = QDate::fromString(parser.value(sinceOption), Qt::ISODate);
            if (parser.isSet(sinceOption) && !since.isValid()) {
                err << "usage: clinicdesk claims list [--status S] [--since YYYY-MM-DD] "
                       "[--csv FILE]"
                    << Qt::endl;
                return 2;
            }
            QStringList statuses;
            for (const QString &value : parser.values(statusOption))
                statuses += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            return claims.list(statuses, since, parser.value(csvOption));
        }
        if (command == QLatin1String("claims") && sub == QLatin1String("export-837")) {
            const QDate since = QDate::fromString(parser.value(sinceOption), Qt::ISODate);
            if (!since.isValid() || parser.value(outOption).isEmpty()) {
                err << "usage: clinicdesk claims export-837 --since YYYY-MM-DD --out FILE"
                    << Qt::endl;
                return 2;
            }
            return claims.export837(since, parser.value(outOption));
        }
        if (command == QLatin1String("remit") && sub == QLatin1String("import") &&
            positional.size() == 3)
            return claims.importRemittance(positional.at(2));
        err << "usage: clinicdesk claim submit … | claims list … | claims sync | "
               "claims export-837 … | "
               "remit import FILE.835 (see --help)"
            << Qt::endl;
        return 2;
    }
    if (command == QLatin1String("verify")) {
        if (!parser.isSet(patientOption)) {
            err << "usage: clinicdesk verify --patient <id|name> [--pdf FILE] [--force]"
                << Qt::endl;
            return 2;
        }
        HeadlessCommands commands(&context, out, err);
        return commands.verify(parser.value(patientOption), parser.value(pdfOption),
                               parser.isSet(forceOption));
    }
    if (command == QLatin1String("verify-day")) {
        const QDate day = QDate::fromString(parser.value(dateOption), Qt::ISODate);
        if (!day.isValid()) {
            err << "usage: clinicdesk verify-day --date YYYY-MM-DD [--pdf FILE] [--force]"
                << Qt::endl;
            return 2;
        }
        HeadlessCommands commands(&context, out, err);
        return commands.verifyDay(day, parser.value(pdfOption), parser.isSet(forceOption));
    }
    err << QStringLiteral("Unknown command \"%1\". Try --help.").arg(command) << Qt::endl;
    return 2;
}
