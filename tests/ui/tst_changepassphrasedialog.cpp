// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// File › Change Database Passphrase…: the dialog checks what it can, hands the rest to the
// desk (here: the real wrapped key file), shows its error and closes only on success.
#include "services/access/databasekey.h"
#include "ui/changepassphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

class TestChangePassphraseDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void changesOnlyWithTheCurrentPassphrase();
};

void TestChangePassphraseDialog::changesOnlyWithTheCurrentPassphrase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database-key.json"));
    const QString first = QStringLiteral("first clinic passphrase");
    const DatabaseKey::Result made = DatabaseKey::loadOrCreateWrapped(path, first);
    QVERIFY(made.ok());
    int calls = 0;
    ChangePassphraseDialog dialog(
        [&](const QString &current, const QString &next) {
            ++calls;
            const DatabaseKey::Result key = DatabaseKey::unwrap(path, current);
            return key.ok() ? DatabaseKey::wrap(path, key.keyHex, next) : key.error;
        },
        DatabaseKey::minimumPassphraseLength);
    dialog.show();
    auto *current = dialog.findChild<QLineEdit *>(QStringLiteral("current"));
    auto *next = dialog.findChild<QLineEdit *>(QStringLiteral("next"));
    auto *again = dialog.findChild<QLineEdit *>(QStringLiteral("again"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);

    // Checked in the dialog, the desk not asked.
    current->setText(first);
    next->setText(QStringLiteral("too short"));
    again->setText(QStringLiteral("too short"));
    ok->click();
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QString::number(DatabaseKey::minimumPassphraseLength)));
    next->setText(QStringLiteral("second clinic passphrase"));
    again->setText(QStringLiteral("second clinic passphrasE"));
    ok->click();
    QVERIFY(error->text().contains(QStringLiteral("differ")));
    QCOMPARE(calls, 0);

    // A wrong current passphrase: the key file's answer, the dialog still open.
    current->setText(QStringLiteral("not the passphrase"));
    again->setText(next->text());
    ok->click();
    QTRY_VERIFY(error->text().contains(QStringLiteral("passphrase is wrong")));
    QCOMPARE(calls, 1);
    QVERIFY(dialog.isVisible());
    QVERIFY(DatabaseKey::unwrap(path, first).ok());

    // The right one: closed, and only the new passphrase opens the same key.
    current->setText(first);
    ok->click();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(calls, 2);
    QVERIFY(!DatabaseKey::unwrap(path, first).ok());
    QCOMPARE(DatabaseKey::unwrap(path, QStringLiteral("second clinic passphrase")).keyHex, made.keyHex);
}

QTEST_MAIN(TestChangePassphraseDialog)
#include "tst_changepassphrasedialog.moc"
