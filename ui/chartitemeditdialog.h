// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/chartitem.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

/*!
  Edits an outside allergy, medication or problem before it goes into the chart: its words and
  the details its kind has (reaction and severity; dose, route and frequency; onset), and its
  status. What it is (the code) stays the outside record's.
 */
class ChartItemEditDialog : public QDialog
{
    Q_OBJECT
public:
    ChartItemEditDialog(const ChartItem &item, QWidget *parent = nullptr);

    //! The item as edited (valid after accept()).
    ChartItem item() const;
    //! Why the fields cannot be kept, or empty: a name is needed; an onset is a date.
    QString validationError() const;

public Q_SLOTS:
    void accept() override;

private:
    ChartItem m_item;
    QLineEdit *m_display;
    QComboBox *m_status;
    QLineEdit *m_reaction = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_dose = nullptr;
    QLineEdit *m_route = nullptr;
    QLineEdit *m_frequency = nullptr;
    QLineEdit *m_onset = nullptr;
    QLabel *m_error;
};
