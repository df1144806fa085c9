// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/batchverifydialog.h"

#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <tuple>

using Outcome = BatchVerification::Outcome;

namespace {
constexpr int PatientIdRole = Qt::UserRole;
constexpr int CoverageIdRole = Qt::UserRole + 1;
constexpr int RankRole = Qt::UserRole + 2;
constexpr int NameKeyRole = Qt::UserRole + 3;
// How many of the coverages left after a Cancel the summary names (the list shows them all).
constexpr int namedInSummary = 8;

//! Problems first, in the order they need the clerk: rejected (fix the data), could not
//! verify (try again), inactive, needs review; then what is left to do, then the good ones.
int rankOf(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Rejected:
        return 0;
    case Outcome::CouldNotVerify:
        return 1;
    case Outcome::Inactive:
        return 2;
    case Outcome::NeedsReview:
        return 3;
    case Outcome::NotVerified:
        return 4;
    case Outcome::Active:
        return 5;
    }
    return 4;
}

QColor colorOf(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Active:
        return BenefitSummary::verdictColor(Verdict::Active);
    case Outcome::Inactive:
        return BenefitSummary::verdictColor(Verdict::Inactive);
    case Outcome::NeedsReview:
        return BenefitSummary::verdictColor(Verdict::NeedsReview);
    case Outcome::Rejected:
    case Outcome::CouldNotVerify:
        return QColor(0xb0, 0x23, 0x23);
    case Outcome::NotVerified:
        break;
    }
    return BenefitSummary::verdictColor(Verdict::None);
}
} // namespace

BatchVerifyDialog::BatchVerifyDialog(EligibilityService *service, BatchVerification *batch,
                                     const QString &title, const QString &scope, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_batch(batch)
    , m_scope(scope)
    , m_intro(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_start(new QPushButton(tr("&Start"), this))
{
    m_batch->setParent(this);
    m_batch->setAutoDelete(false);
    setWindowTitle(title);
    m_intro->setObjectName(QStringLiteral("batchIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Finding the coverages to verify…"));
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setRange(0, 0); // busy until the coverages are known
    m_counts->setObjectName(QStringLiteral("batchCounts"));
    m_counts->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();
    m_list->setObjectName(QStringLiteral("batchList"));
    m_list->setAccessibleName(tr("Coverages to verify"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels(
        {tr("Patient"), tr("Payer"), tr("Member ID"), tr("Status"), tr("Details")});
    m_list->header()->setStretchLastSection(true);
    m_start->setObjectName(QStringLiteral("batchStart"));
    m_start->setEnabled(false); // until the coverages are known
    m_start->setDefault(true);
    m_buttons->addButton(m_start, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(720, 460);

    connect(m_start, &QPushButton::clicked, this, &BatchVerifyDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BatchVerifyDialog::reject);
    connect(m_batch, &BatchVerification::prepared, this, &BatchVerifyDialog::onPrepared);
    connect(m_batch, &BatchVerification::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_batch, &BatchVerification::itemFinished, this, &BatchVerifyDialog::onItemFinished);
    connect(m_batch, &Job::finished, this, &BatchVerifyDialog::onFinished);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT patientActivated(item->data(PatientColumn, PatientIdRole).toLongLong());
    });
    m_list->installEventFilter(this);
    m_batch->prepare();
}

QString BatchVerifyDialog::coveragesText(int count) const
{
    // Two sources so that English reads right without a catalogue; each has its %n forms.
    return count == 1 ? tr("%n coverage", nullptr, count) : tr("%n coverages", nullptr, count);
}

QString BatchVerifyDialog::whatText(int total) const
{
    //: %1 is "20 coverages", %2 what they are for ("14 appointments on 11/24/2026")
    return m_scope.isEmpty() ? tr("%1 to verify.").arg(coveragesText(total))
                             : tr("%1 to verify for %2.").arg(coveragesText(total), m_scope);
}

void BatchVerifyDialog::onPrepared()
{
    if (m_batch->isFinished())
        return;
    if (!m_batch->isPrepared()) {
        m_progress->setRange(0, 1);
        m_intro->setText(tr("The coverages to verify could not be found."));
        m_summary->setText(m_batch->preparationError());
        m_summary->setStyleSheet(QStringLiteral("color: #b02323;"));
        m_summary->show();
        return;
    }
    const int total = m_batch->total();
    for (const CoverageSubject &subject : m_batch->items()) {
        auto *item = new QTreeWidgetItem;
        fill(item, subject.patient, subject.coverage);
        item->setText(StatusColumn, outcomeText(Outcome::NotVerified, {}, false));
        item->setData(StatusColumn, RankRole, rankOf(Outcome::NotVerified));
        place(item);
    }
    for (int column = 0; column < DetailsColumn; ++column)
        m_list->resizeColumnToContents(column);
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m checked"));
    if (total == 0) {
        m_progress->setFormat(tr("Nothing to verify"));
        m_intro->setText(m_scope.isEmpty()
                             ? tr("Nothing to verify: there is no active insurance on file.")
                             : tr("Nothing to verify: there is no active insurance on file for "
                                  "%1.")
                                   .arg(m_scope));
        return;
    }
    updateCounts();
    if (m_batch->isStarted()) {
        showRunning(); // started before the coverages were known
        return;
    }
    m_intro->setText(whatText(total) + QLatin1Char('\n') +
                     tr("Nothing is sent to the payers until you press Start."));
    m_start->setEnabled(true);
    m_start->setFocus();
}

void BatchVerifyDialog::showRunning()
{
    const int total = m_batch->total();
    //: %1 is "20 coverages", %2 what they are for ("14 appointments on 11/24/2026")
    m_intro->setText(m_scope.isEmpty()
                         ? tr("Verifying %1…").arg(coveragesText(total))
                         : tr("Verifying %1 for %2…").arg(coveragesText(total), m_scope));
}

void BatchVerifyDialog::start()
{
    if (m_batch->isStarted())
        return;
    // Out of the button box: it would show it again when Cancel becomes Close.
    m_buttons->removeButton(m_start);
    m_start->setParent(this);
    m_start->hide();
    if (m_batch->isPrepared() && m_batch->total() > 0)
        showRunning();
    m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
    m_batch->start();
}

void BatchVerifyDialog::reject()
{
    if (m_batch->isRunning()) {
        // Stopping waits only for answers already being stored; then Cancel becomes Close.
        m_batch->stop();
        if (auto *cancel = m_buttons->button(QDialogButtonBox::Cancel);
            cancel && m_batch->isStopping())
            cancel->setEnabled(false);
        return;
    }
    if (!m_batch->isStarted())
        m_batch->cancel(); // asked, not started: nothing was sent
    QDialog::reject();
}

bool BatchVerifyDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter on a row opens its patient and stops there: it must not also press the dialog's
    // default button (Start or Close) as an Enter the list ignores would.
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_list->currentItem()) {
            Q_EMIT m_list->itemActivated(m_list->currentItem(), m_list->currentColumn());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QTreeWidgetItem *BatchVerifyDialog::itemFor(qint64 coverageId) const
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(PatientColumn, CoverageIdRole).toLongLong() == coverageId)
            return item;
    }
    return nullptr;
}

void BatchVerifyDialog::fill(QTreeWidgetItem *item, const Patient &patient,
                             const Coverage &coverage)
{
    item->setText(PatientColumn, patient.displayName());
    item->setText(PayerColumn,
                  coverage.payerName.isEmpty() ? coverage.payerId : coverage.payerName);
    item->setText(MemberIdColumn, coverage.memberId);
    item->setData(PatientColumn, PatientIdRole, patient.id);
    item->setData(PatientColumn, CoverageIdRole, coverage.id);
    item->setData(PatientColumn, NameKeyRole,
                  (patient.lastName + QLatin1Char('\n') + patient.firstName).toCaseFolded());
}

void BatchVerifyDialog::place(QTreeWidgetItem *item)
{
    // Kept in order by hand as answers arrive: rank, then name, then payer.
    if (const int current = m_list->indexOfTopLevelItem(item); current >= 0)
        m_list->takeTopLevelItem(current);
    const auto key = [](const QTreeWidgetItem *i) {
        return std::make_tuple(i->data(StatusColumn, RankRole).toInt(),
                               i->data(PatientColumn, NameKeyRole).toString(),
                               i->text(PayerColumn));
    };
    int row = 0;
    while (row < m_list->topLevelItemCount() && !(key(item) < key(m_list->topLevelItem(row))))
        ++row;
    m_list->insertTopLevelItem(row, item);
}

QString BatchVerifyDialog::outcomeText(Outcome outcome, const Verification &v, bool finished)
{
    switch (outcome) {
    case Outcome::Rejected:
        if (!v.aaaCodes.isEmpty())
            //: %1 is the payer's AAA rejection code, e.g. 72
            return tr("REJECTED (AAA %1)").arg(v.aaaCodes.join(QStringLiteral(", ")));
        return tr("REJECTED");
    case Outcome::CouldNotVerify:
        return tr("COULD NOT VERIFY");
    case Outcome::Inactive:
        return BenefitSummary::verdictText(Verdict::Inactive);
    case Outcome::NeedsReview:
        return BenefitSummary::verdictText(Verdict::NeedsReview);
    case Outcome::Active:
        return BenefitSummary::verdictText(Verdict::Active);
    case Outcome::NotVerified:
        //: a coverage of the batch that has not been sent yet
        return finished ? tr("NOT VERIFIED") : tr("Waiting");
    }
    return {};
}

void BatchVerifyDialog::onItemFinished(const VerificationOutcome &outcome)
{
    const Verification &v = outcome.verification;
    const Outcome result = m_batch->outcomeOf(outcome);
    QTreeWidgetItem *item = itemFor(outcome.coverage.id);
    if (!item) {
        item = new QTreeWidgetItem; // not prepared: rows come as answers do
        fill(item, outcome.patient, outcome.coverage);
    }
    item->setText(StatusColumn, outcomeText(result, v));
    item->setForeground(StatusColumn, colorOf(result));
    item->setData(StatusColumn, RankRole, rankOf(result));
    QString details = v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    if (outcome.reused)
        details = tr("Answer from earlier today") +
                  (details.isEmpty() ? QString() : QStringLiteral(" — ") + details);
    item->setText(DetailsColumn, details);
    item->setToolTip(DetailsColumn, v.errorMessage);
    // Keep the clerk's place: the row under the cursor stays current while rows move.
    QTreeWidgetItem *current = m_list->currentItem();
    place(item);
    if (current)
        m_list->setCurrentItem(current);
    m_list->resizeColumnToContents(StatusColumn);
    updateCounts();
}

void BatchVerifyDialog::updateCounts()
{
    m_counts->setText(tr("Verified active: %1 · Inactive: %2 · Needs review: %3 · Rejected: %4 · "
                         "Could not verify: %5 · Not verified: %6")
                          .arg(m_batch->count(Outcome::Active))
                          .arg(m_batch->count(Outcome::Inactive))
                          .arg(m_batch->count(Outcome::NeedsReview))
                          .arg(m_batch->count(Outcome::Rejected))
                          .arg(m_batch->count(Outcome::CouldNotVerify))
                          .arg(m_batch->count(Outcome::NotVerified)));
}

void BatchVerifyDialog::onFinished()
{
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    const int done = m_batch->done();
    const int total = m_batch->total();
    if (m_batch->wasCancelled() && m_batch->isStarted()) {
        // The bar stays where it got; what was left is named.
        m_progress->setFormat(
            //: %1 and %2 are numbers: 7 of 20 coverages
            tr("%1 of %2 checked before you cancelled").arg(done).arg(total));
        QStringList names;
        const QList<CoverageSubject> left = m_batch->notVerified();
        for (const CoverageSubject &subject : left.mid(0, namedInSummary)) {
            //: a patient and the payer of a coverage not verified: "Jane Smith (Aetna Health)"
            names << tr("%1 (%2)").arg(subject.patient.displayName(), subject.coverage.payerName);
        }
        QString text;
        if (names.isEmpty()) {
            text = m_batch->notStarted() == 1
                       ? tr("Cancelled: %n coverage was not verified.", nullptr, 1)
                       : tr("Cancelled: %n coverages were not verified.", nullptr,
                            m_batch->notStarted());
        } else {
            QString list = names.join(QStringLiteral(", "));
            if (left.size() > namedInSummary)
                list = tr("%1 and %n more", nullptr, int(left.size() - namedInSummary)).arg(list);
            //: %1 names the patients (and payers) whose coverage was not verified
            text = tr("Cancelled. Not verified, still to do: %1.").arg(list);
        }
        m_intro->setText(whatText(total)); // what was asked; the summary says what is left
        m_summary->setText(text);
        m_summary->setStyleSheet(QString());
        m_summary->show();
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = m_list->topLevelItem(row);
            if (item->data(StatusColumn, RankRole).toInt() == rankOf(Outcome::NotVerified))
                item->setText(StatusColumn, outcomeText(Outcome::NotVerified));
        }
    } else if (m_batch->error() != Job::Error::NoError &&
               m_batch->error() != Job::Error::Cancelled) {
        m_summary->setText(m_batch->errorString());
        m_summary->setStyleSheet(QStringLiteral("color: #b02323;"));
        m_summary->show();
    } else if (!m_batch->wasCancelled() && total > 0) {
        m_intro->setText(tr("Finished: %1 checked.").arg(coveragesText(total)));
    }
    updateCounts();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close)) {
        close->setDefault(true);
        close->setFocus();
    }
}
