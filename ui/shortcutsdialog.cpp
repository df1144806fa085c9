// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QString plain(QString text)
{
    // "&Print…" → "Print…"; "&&" stays one ampersand.
    const QString kept(QChar(0x1));
    text.replace(QStringLiteral("&&"), kept);
    text.remove(QLatin1Char('&'));
    text.replace(kept, QStringLiteral("&"));
    return text;
}
} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QMainWindow *window)
{
    QList<Entry> entries;
    for (QAction *menuAction : window->menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator() && !action->shortcut().isEmpty())
                entries.append({plain(menuAction->text()), plain(action->text()), action->shortcut()});
        }
    }
    // Shortcuts of the screens (Ctrl+Enter verifies, Ctrl+S saves the coverage, …).
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        if (shortcut->whatsThis().isEmpty())
            continue;
        // The screen says where it works (a "where" property on the shortcut).
        const QString where = shortcut->property("where").toString();
        const Entry entry{where, shortcut->whatsThis(), shortcut->key()};
        const bool listed = std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &e) {
            return e.command == entry.command && e.keys == entry.keys;
        });
        if (!listed)
            entries.append(entry);
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<Entry> entries = collect(window);
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Command"), tr("Keys")});
    m_table->setRowCount(int(entries.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    for (int row = 0; row < entries.size(); ++row) {
        const Entry &entry = entries.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(entry.where));
        m_table->setItem(row, 1, new QTableWidgetItem(entry.command));
        m_table->setItem(row, 2,
                         new QTableWidgetItem(entry.keys.toString(QKeySequence::NativeText)));
    }
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}
