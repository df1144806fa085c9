// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QMainWindow;
class QTableWidget;

/*!
  Help > Keyboard Shortcuts: every shortcut of the window, read from its menus' actions and from
  the QShortcuts of its screens (those carry their description in whatsThis), so the list is
  always what the keys really do.
 */
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString where;   // the menu, or the screen
        QString command; // without its & mnemonic
        QKeySequence keys;
    };

    ShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    //! What the dialog lists for `window`: menu actions first (in menu order), then the
    //! shortcuts of its screens.
    static QList<Entry> collect(QMainWindow *window);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
