// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/duplicatecandidatespanel.h"

#include "services/domain/dateformats.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column { NameColumn, BirthColumn, MrnColumn, MatchColumn, ReasonsColumn, ColumnCount };
}

DuplicateCandidatesPanel::DuplicateCandidatesPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_notSame(new QPushButton(tr("&Not the Same Person"), this))
    , m_merge(new QPushButton(tr("&Merge…"), this))
{
    setObjectName(QStringLiteral("duplicatesPanel"));
    m_title->setObjectName(QStringLiteral("duplicatesTitle"));
    m_title->setWordWrap(true);
    m_title->setBuddy(m_list);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; color: #8a5300;"));
    m_list->setObjectName(QStringLiteral("duplicatesList"));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Date of birth"), tr("MRN"), tr("Match"), tr("Why")});
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Possible duplicates"));
    // A few rows: the form stays in view above it.
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) > 0 ? 6 * m_list->sizeHintForRow(0) : 130);
    m_open->setObjectName(QStringLiteral("openDuplicateButton"));
    m_open->setToolTip(tr("Close this form and open the selected patient's record instead"));
    m_notSame->setObjectName(QStringLiteral("notSameButton"));
    m_notSame->setToolTip(tr("These are different people: hide the list and go on"));
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setToolTip(tr("Make the two records one, after you confirm what moves"));
    m_merge->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_notSame);
    buttons->addWidget(m_merge);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    setTabOrder(m_list, m_open);
    setTabOrder(m_open, m_notSame);
    setTabOrder(m_notSame, m_merge);

    auto selected = [this]() -> std::optional<Patient> {
        if (const auto candidate = current())
            return candidate->patient;
        return std::nullopt;
    };
    connect(m_open, &QPushButton::clicked, this, [this, selected] {
        if (const auto patient = selected())
            Q_EMIT openClicked(*patient);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this, selected] {
        if (const auto patient = selected())
            Q_EMIT openClicked(*patient);
    });
    connect(m_notSame, &QPushButton::clicked, this,
            &DuplicateCandidatesPanel::notTheSamePersonClicked);
    connect(m_merge, &QPushButton::clicked, this, [this, selected] {
        if (const auto patient = selected())
            Q_EMIT mergeClicked(*patient);
    });
    setVisible(false);
}

void DuplicateCandidatesPanel::setCandidates(const QList<DuplicateCandidate> &candidates)
{
    m_candidates = candidates;
    m_list->clear();
    bool likely = false;
    for (const DuplicateCandidate &candidate : candidates) {
        likely = likely || candidate.match.verdict == DuplicateVerdict::Likely;
        const Patient &p = candidate.patient;
        //: %1 is "Likely duplicate" or "Possible duplicate", %2 the score out of 100
        const QString match = tr("%1 (%2)")
                                  .arg(DuplicateScorer::verdictText(candidate.match.verdict))
                                  .arg(candidate.match.score);
        auto *item = new QTreeWidgetItem(
            m_list, {p.displayName(), DateFormats::format(p.dateOfBirth), p.mrn, match,
                     candidate.match.reasons.join(QStringLiteral("; "))});
        item->setToolTip(ReasonsColumn, candidate.match.reasons.join(QLatin1Char('\n')));
        item->setData(NameColumn, Qt::UserRole, p.id);
    }
    m_title->setText(likely ? tr("Possible d&uplicates: this is likely a patient already "
                                 "registered. Open the record, or say they are not the same "
                                 "person.")
                            : tr("Possible d&uplicates: this may be a patient already "
                                 "registered."));
    for (int column = 0; column < ReasonsColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (!candidates.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_merge->setVisible(m_mergeAvailable);
    setVisible(!candidates.isEmpty());
}

void DuplicateCandidatesPanel::setMergeAvailable(bool available)
{
    m_mergeAvailable = available;
    m_merge->setVisible(available && !m_candidates.isEmpty());
}

std::optional<DuplicateCandidate> DuplicateCandidatesPanel::current() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
    if (row < 0 || row >= m_candidates.size())
        return std::nullopt;
    return m_candidates.at(row);
}

QWidget *DuplicateCandidatesPanel::firstFocus() const
{
    return m_list;
}

QWidget *DuplicateCandidatesPanel::lastFocus() const
{
    return m_merge;
}
