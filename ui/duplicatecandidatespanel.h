// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/patients/duplicatecandidate.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

/*!
  The stored patients who may be the one being registered or edited, under the patient form:
  name, date of birth, MRN, verdict with score, and the reasons; Open, Not the Same Person and
  (when editing) Merge… act on the selected one.
 */
class DuplicateCandidatesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DuplicateCandidatesPanel(QWidget *parent = nullptr);

    //! Shows these candidates (best first) and selects the first; hides the panel when empty.
    void setCandidates(const QList<DuplicateCandidate> &candidates);
    const QList<DuplicateCandidate> &candidates() const { return m_candidates; }
    //! Merge… is offered only when editing a stored patient.
    void setMergeAvailable(bool available);
    //! The selected candidate, if any.
    std::optional<DuplicateCandidate> current() const;
    //! The list, first in the panel's tab order.
    QWidget *firstFocus() const;
    QWidget *lastFocus() const;

Q_SIGNALS:
    void openClicked(const Patient &patient);
    void notTheSamePersonClicked();
    void mergeClicked(const Patient &patient);

private:
    QList<DuplicateCandidate> m_candidates;
    QLabel *m_title;
    QTreeWidget *m_list;
    QPushButton *m_open;
    QPushButton *m_notSame;
    QPushButton *m_merge;
    bool m_mergeAvailable = false;
};
