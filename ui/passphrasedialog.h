// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

//! Asks for the clinic's database passphrase before anything is opened: to unlock the database,
//! or (Mode::Choose, on a clinic's first encrypted start) to choose one, typed twice.
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Unlock, Choose };
    PassphraseDialog(Mode mode, const QString &problem, int minimumLength,
                     QWidget *parent = nullptr);

    QString passphrase() const;

    //! Shows the dialog; the passphrase, or empty when the person cancelled.
    static QString ask(Mode mode, const QString &problem, int minimumLength);

public Q_SLOTS:
    void accept() override;

private:
    Mode m_mode;
    int m_minimumLength;
    QLineEdit *m_passphrase;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error;
};
