// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Register/Edit Patient dialog's duplicate check on the demo data: typing Kyla Fields
// (born 05/23/1927) lists Kyla Brown with the score and the reasons; Open, Not the Same
// Person, Register Anyway (asked once for a likely duplicate), and Merge… from an edit.
#include "common/trainingenvironment.h"
#include "services/domain/dateformats.h"
#include "ui/mergepatientsdialog.h"
#include "ui/registerpatientdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {
const QDate kylaBorn(1927, 5, 23);

template<typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

void type(RegisterPatientDialog &dialog, const QString &first, const QString &last,
          const QDate &dob)
{
    child<QLineEdit>(&dialog, "firstNameEdit")->setText(first);
    child<QLineEdit>(&dialog, "lastNameEdit")->setText(last);
    child<QLineEdit>(&dialog, "dobEdit")->setText(DateFormats::format(dob));
}

QPushButton *saveButton(RegisterPatientDialog &dialog)
{
    return child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Save);
}

//! The Alt letters shown in `root` ("&Open" → 'O'), as "letter: text".
QStringList mnemonics(QWidget *root)
{
    QStringList found;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root))
            continue;
        QString text;
        if (auto *label = qobject_cast<QLabel *>(w))
            text = label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            text = button->text();
        const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        if (at >= 0)
            found << text.at(at + 1).toUpper() + QStringLiteral(": ") + text;
    }
    return found;
}
} // namespace

class TestRegisterDuplicates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void kylaFieldsShowsKylaBrown();
    void possibleDuplicateDoesNotStopRegistering();
    void likelyDuplicateAsksOnce();
    void registerBeforeTheCheckAnsweredStillAsks();
    void openChoosesTheRecordThatExists();
    void notTheSamePersonHidesTheList();
    void mergeFromAnEdit();

private:
    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_brownId = 0;

    static bool checked(RegisterPatientDialog &, QSignalSpy &spy)
    {
        return spy.wait(5000) || !spy.isEmpty();
    }
    int patientsNamed(const QString &text)
    {
        return int(
            TestSupport::await(m_env->patients().search(text, 50)).valueOr({}).patients.size());
    }
};

void TestRegisterDuplicates::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_brownId = m_env->patientId(QStringLiteral("Kyla"));
    QVERIFY(m_brownId > 0);
}

void TestRegisterDuplicates::kylaFieldsShowsKylaBrown()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    auto *panel = child<QWidget>(&dialog, "duplicatesPanel");
    QVERIFY(panel);
    QVERIFY(!panel->isVisible()); // nothing typed, nothing listed
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Fields"), kylaBorn);
    QVERIFY(checked(dialog, spy));
    QCOMPARE(spy.size(), 1); // one check after the typing pauses, not one per key
    QVERIFY(panel->isVisible());

    auto *list = child<QTreeWidget>(&dialog, "duplicatesList");
    QCOMPARE(list->topLevelItemCount(), 1);
    const QTreeWidgetItem *row = list->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("Brown, Kyla"));
    QCOMPARE(row->text(1), DateFormats::format(kylaBorn));
    const Patient brown = TestSupport::await(m_env->patients().open(m_brownId)).valueOr({});
    QCOMPARE(row->text(2), brown.mrn);
    QVERIFY2(row->text(3).startsWith(QStringLiteral("Possible duplicate (")),
             qPrintable(row->text(3)));
    QVERIFY2(row->text(4).contains(QStringLiteral("first name Kyla = Kyla")),
             qPrintable(row->text(4)));
    QVERIFY(row->text(4).contains(QStringLiteral("same date of birth and sex")));
    QCOMPARE(dialog.duplicates().size(), 1);
    QCOMPARE(dialog.duplicates().constFirst().patient.id, m_brownId);

    // Open and Not the Same Person; no Merge… for a patient not registered yet.
    QVERIFY(child<QPushButton>(&dialog, "openDuplicateButton")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "notSameButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "mergeButton")->isVisible());
    // Every Alt letter on screen is still unique, and the list is reached by one.
    const QStringList letters = mnemonics(&dialog);
    QStringList firstLetters;
    for (const QString &entry : letters)
        firstLetters << entry.left(1);
    QCOMPARE(QSet<QString>(firstLetters.begin(), firstLetters.end()).size(), firstLetters.size());
    QCOMPARE(child<QLabel>(&dialog, "duplicatesTitle")->buddy(), list);

    // Another date of birth: she is no longer listed.
    child<QLineEdit>(&dialog, "dobEdit")->setText(DateFormats::format(kylaBorn.addYears(1)));
    QVERIFY(checked(dialog, spy));
    QVERIFY(!panel->isVisible());
    QCOMPARE(dialog.duplicates().size(), 0);
}

void TestRegisterDuplicates::possibleDuplicateDoesNotStopRegistering()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Fieldsen"), kylaBorn);
    QVERIFY(checked(dialog, spy));
    QCOMPARE(dialog.duplicates().size(), 1);
    QSignalSpy finished(&dialog, &QDialog::finished);
    saveButton(dialog)->click();
    QVERIFY(finished.wait(5000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.patient().id > 0);
    QCOMPARE(patientsNamed(QStringLiteral("fieldsen")), 1);
    // Clean up for the next tests: she was Kyla Brown after all.
    QVERIFY(TestSupport::await(m_env->patients().mergePatients(m_brownId, dialog.patient().id,
                                                               QStringLiteral("test")))
                .ok());
}

void TestRegisterDuplicates::likelyDuplicateAsksOnce()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Brown"), kylaBorn);
    QVERIFY(checked(dialog, spy));
    QCOMPARE(dialog.duplicates().size(), 1);
    QCOMPARE(dialog.duplicates().constFirst().match.verdict, DuplicateVerdict::Likely);

    QSignalSpy finished(&dialog, &QDialog::finished);
    saveButton(dialog)->click();
    QTest::qWait(200);
    QCOMPARE(finished.size(), 0); // not saved: asked
    QCOMPARE(saveButton(dialog)->text(), QStringLiteral("Register Any&way"));
    QVERIFY(child<QLabel>(&dialog, "messageLabel")->isVisible());
    QVERIFY(
        child<QLabel>(&dialog, "messageLabel")->text().contains(QStringLiteral("Register Anyway")));
    QCOMPARE(patientsNamed(QStringLiteral("kyla brown")), 1);

    saveButton(dialog)->click(); // the second press registers
    QVERIFY(finished.wait(5000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(patientsNamed(QStringLiteral("kyla brown")), 2);
    // Clean up for the next tests: merge the new chart back.
    QVERIFY(TestSupport::await(m_env->patients().mergePatients(m_brownId, dialog.patient().id,
                                                               QStringLiteral("test")))
                .ok());
}

void TestRegisterDuplicates::registerBeforeTheCheckAnsweredStillAsks()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Brown"), kylaBorn);
    QSignalSpy finished(&dialog, &QDialog::finished);
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    saveButton(dialog)->click(); // at once, before the pause in typing runs the check
    QVERIFY(checked(dialog, spy));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(saveButton(dialog)->text(), QStringLiteral("Register Any&way"));
    QCOMPARE(patientsNamed(QStringLiteral("kyla brown")), 1);
}

void TestRegisterDuplicates::openChoosesTheRecordThatExists()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Fields"), kylaBorn);
    QVERIFY(checked(dialog, spy));
    QCOMPARE(dialog.duplicates().size(), 1);
    // From the keyboard: Alt+U reaches the list, Alt+O opens the selected record (a button's
    // Alt letter clicks it a moment later, as it shows the press).
    QTest::keyClick(&dialog, Qt::Key_U, Qt::AltModifier);
    QWidget *list = child<QWidget>(&dialog, "duplicatesList");
    QCOMPARE(QApplication::focusWidget(), list);
    QTest::keyClick(list, Qt::Key_O, Qt::AltModifier);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.patientToOpen(), m_brownId);
    QCOMPARE(patientsNamed(QStringLiteral("kyla fields")), 0); // nothing registered
}

void TestRegisterDuplicates::notTheSamePersonHidesTheList()
{
    RegisterPatientDialog dialog(&m_env->patients());
    dialog.show();
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    type(dialog, QStringLiteral("Kyla"), QStringLiteral("Brown"), kylaBorn);
    QVERIFY(checked(dialog, spy));
    QCOMPARE(dialog.duplicates().size(), 1);
    child<QPushButton>(&dialog, "notSameButton")->click();
    QVERIFY(!child<QWidget>(&dialog, "duplicatesPanel")->isVisible());
    QCOMPARE(dialog.duplicates().size(), 0);
    // A change to the form checks again; the person set aside stays hidden.
    spy.clear();
    child<QLineEdit>(&dialog, "phoneEdit")->setText(QStringLiteral("541-555-0199"));
    QVERIFY(checked(dialog, spy));
    QVERIFY(!child<QWidget>(&dialog, "duplicatesPanel")->isVisible());
    // Registering asks nothing more: the clerk answered.
    QSignalSpy finished(&dialog, &QDialog::finished);
    saveButton(dialog)->click();
    QVERIFY(finished.wait(5000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(TestSupport::await(m_env->patients().mergePatients(m_brownId, dialog.patient().id,
                                                               QStringLiteral("test")))
                .ok());
}

void TestRegisterDuplicates::mergeFromAnEdit()
{
    Patient fields;
    fields.firstName = QStringLiteral("Kyla");
    fields.lastName = QStringLiteral("Fields");
    fields.dateOfBirth = kylaBorn;
    fields.gender = Gender::Female;
    fields = TestSupport::await(m_env->patients().registerPatient(fields)).valueOr({});
    QVERIFY(fields.id > m_brownId);

    RegisterPatientDialog dialog(&m_env->patients(), fields);
    QSignalSpy spy(&dialog, &RegisterPatientDialog::duplicatesChecked);
    dialog.show();
    QVERIFY(checked(dialog, spy)); // an edit checks at once
    QCOMPARE(dialog.duplicates().size(), 1);
    QCOMPARE(dialog.duplicates().constFirst().patient.id, m_brownId);
    auto *merge = child<QPushButton>(&dialog, "mergeButton");
    QVERIFY(merge->isVisible());
    QCOMPARE(merge->text(), QStringLiteral("&Merge…"));

    // The confirmation names both and says what moves; the older record is kept.
    QString summary, moves;
    bool mergeEnabled = false;
    QTimer clerk;
    clerk.setInterval(20);
    connect(&clerk, &QTimer::timeout, this, [&] {
        auto *confirm = qobject_cast<MergePatientsDialog *>(QApplication::activeModalWidget());
        if (!confirm)
            return;
        auto *button = child<QPushButton>(confirm, "confirmMergeButton");
        if (!button->isEnabled())
            return; // the preview has not come yet
        clerk.stop();
        mergeEnabled = true;
        summary = child<QLabel>(confirm, "mergeSummary")->text();
        moves = child<QLabel>(confirm, "mergeMoves")->text();
        QVERIFY(child<QRadioButton>(confirm, "keepOther")->isChecked());
        child<QLineEdit>(confirm, "mergeReason")->setText(QStringLiteral("married name"));
        button->click();
    });
    clerk.start();
    QSignalSpy merged(&dialog, &RegisterPatientDialog::patientsMerged);
    merge->click(); // runs the confirmation's event loop until the clerk confirms
    clerk.stop();
    QVERIFY(mergeEnabled);
    QVERIFY2(summary.contains(QStringLiteral("Fields, Kyla")) &&
                 summary.contains(QStringLiteral("Brown, Kyla")) &&
                 summary.indexOf(QStringLiteral("Fields")) <
                     summary.indexOf(QStringLiteral("Brown")),
             qPrintable(summary));
    QVERIFY2(moves.contains(QStringLiteral("coverages 0")), qPrintable(moves));
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.at(0).at(0).toLongLong(), m_brownId);
    QCOMPARE(merged.at(0).at(1).toLongLong(), fields.id);
    // This record went into Kyla Brown's: the form closes for hers.
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.patientToOpen(), m_brownId);
    QCOMPARE(patientsNamed(QStringLiteral("fields")), 0);
}

QTEST_MAIN(TestRegisterDuplicates)
#include "tst_registerduplicates.moc"
