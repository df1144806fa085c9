// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/auditentry.h"

#include <QDialog>

class AuditTrailService;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

/*!
  View › Audit Log… (administrators): who did what, when, filtered by user, action, patient and
  date; Save Accounting as PDF… writes the accounting of access for the patient in the filter
  (every view, print, export and emergency access of their record, by whom and when).
 */
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    AuditLogDialog(AuditTrailService *trail, QWidget *parent = nullptr);

    //! What the filter fields say now.
    AuditFilter filter() const;
    const QList<AuditEntry> &entries() const { return m_entries; }

public Q_SLOTS:
    //! Lists the rows the filter selects.
    void search();
    //! The accounting of access for the patient in the filter, as a PDF at `path`; an error or
    //! nothing.
    QString saveAccounting(const QString &path);

Q_SIGNALS:
    void searchFinished();

private:
    void showEntries(const QList<AuditEntry> &entries);

    AuditTrailService *m_trail;
    QList<AuditEntry> m_entries;
    int m_generation = 0; // of the newest search: only its answer is shown
    QLineEdit *m_user;
    QComboBox *m_action;
    QLineEdit *m_patient;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_accounting;
};
