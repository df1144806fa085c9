// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgethelpers.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace WidgetHelpers {
QLabel *makeErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QTableView *makeTableView(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside it
    return view;
}

void markField(QWidget *field, const QString &label, const QString &message, QStringList &messages)
{
    const bool invalid = !message.isEmpty();
    field->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #b02323;") : QString());
    field->setToolTip(message);
    field->setAccessibleDescription(message);
    if (invalid) {
        //: A form error: %1 is the field's label, %2 what is wrong with it
        messages << QCoreApplication::translate("Form", "%1: %2").arg(label, message);
    }
}
} // namespace WidgetHelpers
