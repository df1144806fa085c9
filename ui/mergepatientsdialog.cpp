// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mergepatientsdialog.h"

#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/patients/patientservice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
//! "Brown, Kyla — born 05/23/1927, MRN000004"
QString describe(const Patient &p)
{
    //: %1 the patient's name, %2 the date of birth, %3 the MRN
    return MergePatientsDialog::tr("%1 — born %2, %3")
        .arg(p.displayName(), DateFormats::format(p.dateOfBirth), p.mrn);
}
} // namespace

MergePatientsDialog::MergePatientsDialog(PatientService *patients, const Patient &current,
                                         const Patient &other, QWidget *parent)
    : QDialog(parent)
    , m_patients(patients)
    , m_current(current)
    , m_other(other)
    , m_keepCurrent(new QRadioButton(this))
    , m_keepOther(new QRadioButton(this))
    , m_summary(new QLabel(this))
    , m_moves(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Merge Patients"));
    setObjectName(QStringLiteral("mergePatientsDialog"));
    auto *intro = new QLabel(tr("Merge two records of the same person into one. The record that "
                                "is merged stays in the history but is no longer found; its "
                                "coverages, verifications, visits and claims move to the record "
                                "that is kept. This cannot be undone from the desk."),
                             this);
    intro->setWordWrap(true);
    m_keepCurrent->setObjectName(QStringLiteral("keepCurrent"));
    m_keepCurrent->setText(tr("Keep &this record: %1").arg(describe(current)));
    m_keepOther->setObjectName(QStringLiteral("keepOther"));
    m_keepOther->setText(tr("Keep the &other record: %1").arg(describe(other)));
    // The older record is kept unless the clerk says otherwise: it has the longer history.
    const bool currentIsOlder = current.id != 0 && current.id < other.id;
    (currentIsOlder ? m_keepCurrent : m_keepOther)->setChecked(true);
    m_summary->setObjectName(QStringLiteral("mergeSummary"));
    m_summary->setWordWrap(true);
    m_moves->setObjectName(QStringLiteral("mergeMoves"));
    m_moves->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("mergeReason"));
    m_reason->setPlaceholderText(tr("For example: registered again under her married name"));
    m_error->setObjectName(QStringLiteral("mergeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_error->hide();
    m_mergeButton = m_buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    m_mergeButton->setObjectName(QStringLiteral("confirmMergeButton"));
    m_mergeButton->setEnabled(false);
    // A merge is never the default: Enter in the reason does not merge by accident.
    m_mergeButton->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);

    auto *form = new QFormLayout;
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_keepCurrent);
    layout->addWidget(m_keepOther);
    layout->addWidget(m_summary);
    layout->addWidget(m_moves);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_keepCurrent, &QRadioButton::toggled, this, &MergePatientsDialog::updatePreview);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MergePatientsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MergePatientsDialog::reject);
    updatePreview();
}

const Patient &MergePatientsDialog::kept() const
{
    return m_keepCurrent->isChecked() ? m_current : m_other;
}

const Patient &MergePatientsDialog::merged() const
{
    return m_keepCurrent->isChecked() ? m_other : m_current;
}

qint64 MergePatientsDialog::keptId() const
{
    return kept().id;
}

qint64 MergePatientsDialog::mergedId() const
{
    return merged().id;
}

void MergePatientsDialog::updatePreview()
{
    //: %1 and %2 are patients as "Last, First — born date, MRN"
    m_summary->setText(tr("%1 will be merged into %2.").arg(describe(merged()), describe(kept())));
    m_moves->setText(tr("Counting what moves…"));
    m_previewOk = false;
    m_mergeButton->setEnabled(false);
    const int generation = ++m_previewGeneration;
    Async::whenReady(m_patients->previewMerge(keptId(), mergedId()), this,
                     [this, generation](const StoreResult<PatientMerge> &preview) {
                         if (generation != m_previewGeneration)
                             return; // the clerk chose the other record meanwhile
                         m_previewOk = preview.ok();
                         if (!preview) {
                             m_moves->clear();
                             m_error->setText(preview.error());
                             m_error->show();
                         } else {
                             m_error->hide();
                             const auto n = [&](const char *table) {
                                 return preview->movedFrom(QLatin1String(table));
                             };
                             QString moves =
                                 tr("What moves: coverages %1, verifications %2, visits %3, "
                                    "claims %4.")
                                     .arg(n("coverages"))
                                     .arg(n("verifications"))
                                     .arg(n("appointments"))
                                     .arg(n("claims"));
                             const int outside = n("clinical_documents");
                             const int chart = n("chart_items");
                             if (outside + chart > 0) {
                                 moves += QLatin1Char(' ')
                                     + tr("Outside records %1, chart lines %2.")
                                           .arg(outside)
                                           .arg(chart);
                             }
                             if (preview->coveragesDeactivated > 0) {
                                 moves += QLatin1Char(' ') +
                                          tr("Coverages that repeat a card of the record kept "
                                             "become inactive: %1.")
                                              .arg(preview->coveragesDeactivated);
                             }
                             m_moves->setText(moves);
                         }
                         m_mergeButton->setEnabled(m_previewOk && !m_merging);
                         Q_EMIT previewShown();
                     });
}

void MergePatientsDialog::accept()
{
    if (m_merging || !m_previewOk)
        return;
    m_merging = true;
    m_keepCurrent->setEnabled(false);
    m_keepOther->setEnabled(false);
    m_mergeButton->setEnabled(false);
    Async::whenReady(m_patients->mergePatients(keptId(), mergedId(), m_reason->text()), this,
                     [this](const StoreResult<PatientMerge> &result) {
                         m_merging = false;
                         if (!result) {
                             m_keepCurrent->setEnabled(true);
                             m_keepOther->setEnabled(true);
                             m_error->setText(result.error());
                             m_error->show();
                             Q_EMIT mergeFailed(result.error());
                             updatePreview();
                             return;
                         }
                         m_merge = *result;
                         QDialog::accept();
                     });
}
