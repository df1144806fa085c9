// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lockscreen.h"

#include "services/common/async.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>

namespace {
//! An opaque panel over all of a window, kept the window's size.
class Cover : public QWidget
{
public:
    explicit Cover(QWidget *window)
        : QWidget(window)
    {
        setObjectName(QStringLiteral("lockCover"));
        setAutoFillBackground(true);
        QPalette dark = palette();
        dark.setColor(QPalette::Window, QColor(0x26, 0x32, 0x38));
        dark.setColor(QPalette::WindowText, Qt::white);
        setPalette(dark);
        setGeometry(window->rect());
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        return false;
    }
};

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        return true;
    default:
        return false;
    }
}

bool isBlockedWhileLocked(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::ContextMenu:
        return true;
    default:
        return false;
    }
}
} // namespace

LockScreen::LockScreen(UserService *users, const Session &session, QWidget *mainWindow,
                       QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_session(session)
    , m_mainWindow(mainWindow)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &LockScreen::lock);
    setIdleTimeout(defaultMinutes * 60 * 1000);
    qApp->installEventFilter(this);
}

LockScreen::~LockScreen()
{
    qApp->removeEventFilter(this);
}

void LockScreen::setIdleTimeout(int milliseconds)
{
    m_idle.stop();
    m_idle.setInterval(milliseconds);
    if (milliseconds > 0 && !m_locked)
        m_idle.start();
}

bool LockScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_locked) {
        if (isInput(event->type()) && m_idle.interval() > 0)
            m_idle.start(); // any input starts the wait again
        return false;
    }
    // Locked: nothing reaches the windows underneath but what the lock panel itself needs.
    // Input first arrives at the QWindow, which hands it to a widget: that second delivery is
    // the one judged here.
    if (isBlockedWhileLocked(event->type()) && !watched->isWindowType() && !isInPanel(watched))
        return true;
    return false;
}

bool LockScreen::isInPanel(QObject *object) const
{
    for (QObject *o = object; o; o = o->parent()) {
        if (o == m_panel)
            return true;
    }
    return false;
}

void LockScreen::lock()
{
    if (m_locked || !m_mainWindow)
        return;
    m_locked = true;
    m_idle.stop();
    m_focusBefore = QApplication::focusWidget();
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (window->isVisible() && window != m_mainWindow)
            cover(window);
    }
    cover(m_mainWindow); // last: its panel takes the focus
    if (m_users)
        m_users->recordSessionEvent(m_session, QStringLiteral("session.lock"));
    Q_EMIT screenLocked();
}

void LockScreen::cover(QWidget *window)
{
    auto *cover = new Cover(window);
    m_covered.append({window, cover, window->windowTitle()});
    window->setWindowTitle(tr("ClinicDesk — Locked"));
    auto *layout = new QVBoxLayout(cover);
    layout->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("ClinicDesk is locked"), cover);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    if (window == m_mainWindow) {
        m_panel = cover;
        const QString person = m_session.fullName.isEmpty()
            ? m_session.userName
            : QStringLiteral("%1 (%2)").arg(m_session.fullName, m_session.userName);
        auto *who = new QLabel(tr("%1 was working here. Type the password to go on where you "
                                  "left off.")
                                   .arg(person),
                               cover);
        who->setAlignment(Qt::AlignCenter);
        who->setWordWrap(true);
        layout->addWidget(who);
        auto *label = new QLabel(tr("&Password:"), cover);
        m_password = new QLineEdit(cover);
        m_password->setObjectName(QStringLiteral("lockPasswordEdit"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setMaximumWidth(320);
        label->setBuddy(m_password);
        layout->addWidget(label, 0, Qt::AlignCenter);
        layout->addWidget(m_password, 0, Qt::AlignCenter);
        m_error = new QLabel(cover);
        m_error->setObjectName(QStringLiteral("lockErrorLabel"));
        m_error->setStyleSheet(QStringLiteral("color: #ffb4a9;"));
        m_error->setWordWrap(true);
        m_error->setAlignment(Qt::AlignCenter);
        m_error->hide();
        layout->addWidget(m_error);
        m_unlock = new QPushButton(tr("&Unlock"), cover);
        m_unlock->setObjectName(QStringLiteral("unlockButton"));
        m_unlock->setDefault(true);
        layout->addWidget(m_unlock, 0, Qt::AlignCenter);
        connect(m_unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
        connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    }
    cover->show();
    cover->raise();
    if (window == m_mainWindow) {
        window->activateWindow();
        m_password->setFocus();
    }
}

void LockScreen::tryUnlock()
{
    if (m_checking || !m_password || !m_users)
        return;
    m_checking = true;
    m_unlock->setEnabled(false);
    m_error->hide();
    Async::whenReady(m_users->signIn(m_session.userName, m_password->text(),
                                     QStringLiteral("session.unlock")),
                     this, [this](const SignInResult &result) {
                         m_checking = false;
                         if (m_unlock)
                             m_unlock->setEnabled(true);
                         if (!result.session) {
                             m_error->setText(result.error);
                             m_error->show();
                             m_password->clear();
                             m_password->setFocus();
                             return;
                         }
                         uncover();
                     });
}

void LockScreen::uncover()
{
    for (const Covered &covered : std::as_const(m_covered)) {
        if (covered.cover)
            covered.cover->deleteLater();
        if (covered.window)
            covered.window->setWindowTitle(covered.title);
    }
    m_covered.clear();
    m_panel = nullptr;
    m_password = nullptr;
    m_error = nullptr;
    m_unlock = nullptr;
    m_locked = false;
    if (m_focusBefore)
        m_focusBefore->setFocus();
    if (m_idle.interval() > 0)
        m_idle.start();
    Q_EMIT screenUnlocked();
}
