// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/userservice.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

/*!
  Automatic logoff (HIPAA 164.312(a)(2)(iii)): after a while without keyboard or mouse input the
  desk locks. Every window of the app is covered by an opaque panel and its title replaced, so
  nothing of a patient shows; dialogs and unsaved work stay as they were underneath. Only the
  person who signed in unlocks it, with their password (failures count towards the account's
  lockout); while locked, no shortcut reaches the windows. Locking and unlocking are audited.
  Someone else may take the desk from the lock: the first person's windows then close.
 */
class LockScreen : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMinutes = 15;
    static constexpr int minMinutes = 2;
    static constexpr int maxMinutes = 60;

    LockScreen(UserService *users, const Session &session, QWidget *mainWindow,
               QObject *parent = nullptr);
    ~LockScreen() override;

    //! Idle time before locking; 0 turns it off (tests).
    void setIdleTimeout(int milliseconds);
    int idleTimeout() const { return m_idle.interval(); }
    bool isLocked() const { return m_locked; }
    //! Offers "Sign In as Someone Else" on the lock (the app then closes this person's work and
    //! shows the sign-in screen); off by default.
    void setAllowsSwitching(bool allows) { m_allowsSwitching = allows; }

public Q_SLOTS:
    void lock();
    //! Ends this person's session for another's: audited as session.switch_user, then
    //! switchUserRequested(). The screen stays covered until the app closes the window.
    void switchUser();

Q_SIGNALS:
    void screenLocked();
    void screenUnlocked();
    //! Another person wants the desk: close the windows (this session is over) and sign in.
    void switchUserRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cover(QWidget *window);
    //! The password field to type in: on the modal window if one is open (it takes the input),
    //! else on the main window.
    void focusPanel();
    void uncover();
    void tryUnlock(QLineEdit *password);
    bool isInCover(QObject *object) const;
    bool isCovered(const QWidget *window) const;

    UserService *m_users;
    Session m_session;
    QPointer<QWidget> m_mainWindow;
    QTimer m_idle;
    bool m_locked = false;
    bool m_checking = false;
    bool m_allowsSwitching = false;
    bool m_switching = false;
    //! Every window is covered with the same panel (a modal dialog left open takes the input
    //! from the windows under it, so each cover must be able to unlock).
    struct Covered
    {
        QPointer<QWidget> window;
        QPointer<QWidget> cover;
        QPointer<QLineEdit> password;
        QPointer<QLabel> error;
        QPointer<QPushButton> unlock;
        QString title; // the window's title before locking
    };
    QList<Covered> m_covered;
    QPointer<QWidget> m_focusBefore;
};
