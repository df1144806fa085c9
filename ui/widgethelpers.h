// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace WidgetHelpers {
//! A read-only table of whole rows, as every list in ClinicDesk is.
QTableView *makeTableView(QAbstractItemModel *model, const QString &objectName, QWidget *parent);
//! Marks a form field valid (empty message) or invalid: red border, tooltip and accessible
//! description; an invalid field adds "Label: message" to `messages`.
void markField(QWidget *field, const QString &label, const QString &message, QStringList &messages);
//! The line under a dialog's fields that says what went wrong: red, wrapped, hidden until
//! it has something to say.
QLabel *makeErrorLabel(const QString &objectName, QWidget *parent);
} // namespace WidgetHelpers
