// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

/*!
  File › Change Database Passphrase… (administrators, a clinic's desk): the current passphrase
  and the new one twice. `change(current, next)` does the work (on a worker: Argon2id takes a
  moment) and returns an error, or nothing; the dialog closes only when it succeeded.
 */
class ChangePassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    using Change = std::function<QString(const QString &current, const QString &next)>;
    ChangePassphraseDialog(Change change, int minimumLength, QWidget *parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    void showError(const QString &text);

    Change m_change;
    int m_minimumLength;
    QLineEdit *m_current;
    QLineEdit *m_next;
    QLineEdit *m_again;
    QLabel *m_error;
    QPushButton *m_ok;
};
