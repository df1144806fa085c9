// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

/*!
  Filters and sorts a list of verification attempts (the dashboard's recent activity): by
  status key ("verified", "inactive", "failed", "manual_review", "expired", "cancelled"; none:
  all) and by what the clerk types about the patient or payer. Sorting uses
  ModelRoles::SortRole, so times and durations sort as values. Live inserts and updates of the
  source pass through row by row.
 */
class ActivityFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ActivityFilterModel(QObject *parent = nullptr);

    //! Only attempts with one of these status keys; an empty set shows every attempt.
    void setStatusKeys(const QSet<QString> &keys);
    QSet<QString> statusKeys() const { return m_statusKeys; }
    //! Only attempts whose patient or payer text contains `text` (case and accents ignored).
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_statusKeys;
    QString m_text;
    QString m_textKey;
};
