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

#include <algorithm>

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
    if (isBlockedWhileLocked(event->type()) && !watched->isWindowType() && !isInCover(watched))
        return true;
    // A window that comes to the front while locked takes the keyboard: hand it back to a
    // password field that can take input.
    if (event->type() == QEvent::WindowActivate && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->isWindow())
        QTimer::singleShot(0, this, &LockScreen::focusPanel);
    // A window that opens while locked (a message from work still running) is covered too.
    if (event->type() == QEvent::Show && watched->isWidgetType()) {
        auto *window = static_cast<QWidget *>(watched);
        const Qt::WindowType type = window->windowType();
        if (window->isWindow() && type != Qt::ToolTip && type != Qt::Popup && !isCovered(window)) {
            cover(window);
            focusPanel();
        }
    }
    return false;
}

bool LockScreen::isCovered(const QWidget *window) const
{
    return std::any_of(m_covered.cbegin(), m_covered.cend(),
                       [window](const Covered &covered) { return covered.window == window; });
}

bool LockScreen::isInCover(QObject *object) const
{
    for (QObject *o = object; o; o = o->parent()) {
        for (const Covered &covered : m_covered) {
            if (covered.cover == o)
                return true;
        }
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
    cover(m_mainWindow);
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (window->isVisible() && window != m_mainWindow)
            cover(window);
    }
    focusPanel();
    if (m_users)
        m_users->recordSessionEvent(m_session, QStringLiteral("session.lock"));
    Q_EMIT screenLocked();
}

void LockScreen::cover(QWidget *window)
{
    auto *cover = new Cover(window);
    Covered covered{window, cover, nullptr, nullptr, nullptr, window->windowTitle()};
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
    const QString person = m_session.fullName.isEmpty()
        ? m_session.userName
        : QStringLiteral("%1 (%2)").arg(m_session.fullName, m_session.userName);
    auto *who = new QLabel(tr("%1 was working here. Type the password to go on where you "
                              "left off.")
                               .arg(person),
                           cover);
    who->setAlignment(Qt::AlignCenter);
    who->setWordWrap(true);
    who->setMinimumWidth(qMin(460, window->width() - 40)); // two lines, not a narrow column
    layout->addWidget(who);
    auto *label = new QLabel(tr("&Password:"), cover);
    auto *password = new QLineEdit(cover);
    password->setObjectName(QStringLiteral("lockPasswordEdit"));
    password->setEchoMode(QLineEdit::Password);
    password->setMaximumWidth(320);
    label->setBuddy(password);
    layout->addWidget(label, 0, Qt::AlignCenter);
    layout->addWidget(password, 0, Qt::AlignCenter);
    auto *error = new QLabel(cover);
    error->setObjectName(QStringLiteral("lockErrorLabel"));
    error->setStyleSheet(QStringLiteral("color: #ffb4a9;"));
    error->setWordWrap(true);
    error->setAlignment(Qt::AlignCenter);
    error->hide();
    layout->addWidget(error);
    auto *unlock = new QPushButton(tr("&Unlock"), cover);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    unlock->setDefault(true);
    layout->addWidget(unlock, 0, Qt::AlignCenter);
    connect(unlock, &QPushButton::clicked, this, [this, password] { tryUnlock(password); });
    connect(password, &QLineEdit::returnPressed, this, [this, password] { tryUnlock(password); });
    if (m_allowsSwitching) {
        // Someone else at the desk: the first person's work is theirs, so it closes (said
        // before the click, as no dialog can open over the lock).
        auto *other = new QPushButton(tr("Sign In as &Someone Else"), cover);
        other->setObjectName(QStringLiteral("switchUserButton"));
        layout->addSpacing(18);
        layout->addWidget(other, 0, Qt::AlignCenter);
        auto *warning = new QLabel(tr("This closes the patients %1 has open; work they have "
                                      "not saved is lost.")
                                       .arg(m_session.fullName.isEmpty() ? m_session.userName
                                                                         : m_session.fullName),
                                   cover);
        warning->setAlignment(Qt::AlignCenter);
        warning->setWordWrap(true);
        warning->setMinimumWidth(qMin(460, window->width() - 40));
        layout->addWidget(warning);
        connect(other, &QPushButton::clicked, this, &LockScreen::switchUser);
    }
    covered.password = password;
    covered.error = error;
    covered.unlock = unlock;
    m_covered.append(covered);
    cover->show();
    cover->raise();
}

void LockScreen::focusPanel()
{
    if (!m_locked)
        return;
    // A modal window takes the input from all others; without one, the window in front.
    QWidget *target = QApplication::activeModalWidget();
    if (!target || !isCovered(target))
        target = QApplication::activeWindow();
    if (!target || !isCovered(target))
        target = m_mainWindow;
    for (const Covered &covered : std::as_const(m_covered)) {
        if (covered.window == target && covered.password) {
            if (QApplication::activeWindow() != target) {
                target->raise();
                target->activateWindow();
            }
            if (!covered.password->hasFocus())
                covered.password->setFocus();
            return;
        }
    }
}

void LockScreen::tryUnlock(QLineEdit *password)
{
    if (m_checking || !password || !m_users)
        return;
    m_checking = true;
    for (const Covered &covered : std::as_const(m_covered)) {
        if (covered.unlock)
            covered.unlock->setEnabled(false);
        if (covered.error)
            covered.error->hide();
    }
    Async::whenReady(m_users->signIn(m_session.userName, password->text(),
                                     QStringLiteral("session.unlock")),
                     this, [this, password = QPointer<QLineEdit>(password)](const SignInResult &result) {
                         m_checking = false;
                         if (result.session) {
                             uncover();
                             return;
                         }
                         for (const Covered &covered : std::as_const(m_covered)) {
                             if (covered.unlock)
                                 covered.unlock->setEnabled(true);
                             if (covered.error) {
                                 covered.error->setText(result.error);
                                 covered.error->show();
                             }
                             if (covered.password)
                                 covered.password->clear();
                         }
                         if (password)
                             password->setFocus();
                     });
}

void LockScreen::switchUser()
{
    if (!m_locked || m_checking || m_switching)
        return;
    m_switching = true;
    for (const Covered &covered : std::as_const(m_covered)) {
        if (covered.unlock)
            covered.unlock->setEnabled(false);
        if (covered.password)
            covered.password->setEnabled(false);
    }
    // The audit row is written before the windows close (the store outlives them, but the
    // order in the trail should read: locked, switched, the next person signed in).
    if (!m_users) {
        Q_EMIT switchUserRequested();
        return;
    }
    Async::whenReady(m_users->recordSessionEvent(m_session, QStringLiteral("session.switch_user")),
                     this, [this](const StoreResult<qint64> &) { Q_EMIT switchUserRequested(); });
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
    m_locked = false;
    if (m_focusBefore)
        m_focusBefore->setFocus();
    if (m_idle.interval() > 0)
        m_idle.start();
    Q_EMIT screenUnlocked();
}
