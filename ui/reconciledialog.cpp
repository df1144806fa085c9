// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reconciledialog.h"

#include "models/reconcilemodel.h"
#include "services/common/async.h"
#include "services/metriport/chartservice.h"
#include "ui/chartitemeditdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

ReconcileDialog::ReconcileDialog(ChartService *chart, qint64 patientId, const QString &patientName,
                                 const ClinicalSummary &summary, QWidget *parent)
    : QDialog(parent)
    , m_chart(chart)
    , m_patientId(patientId)
    , m_model(new ReconcileModel(chart, this))
    , m_view(new QTableView(this))
    , m_counts(new QLabel(this))
    , m_error(new QLabel(this))
    , m_reportTitle(new QLabel(this))
    , m_report(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Reconcile into the Chart — %1").arg(patientName));
    auto *intro = new QLabel(
        tr("The outside records' allergies, active medications and active problems beside "
           "%1's chart. Accept adds a line to the chart (or brings the chart's line up to "
           "date), Edit lets you change it first, Reject keeps it out. Nothing changes until "
           "you apply; Dry Run shows what would.")
            .arg(patientName),
        this);
    intro->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("reconcileView"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Outside statements and the chart"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_counts->setObjectName(QStringLiteral("reconcileCounts"));
    m_error->setObjectName(QStringLiteral("reconcileError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_error->hide();

    m_acceptButton = new QPushButton(tr("&Accept"), this);
    m_acceptButton->setObjectName(QStringLiteral("acceptButton"));
    m_editButton = new QPushButton(tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_rejectButton = new QPushButton(tr("&Reject…"), this);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_clearButton = new QPushButton(tr("&Undo Choice"), this);
    m_clearButton->setObjectName(QStringLiteral("undoChoiceButton"));
    connect(m_acceptButton, &QPushButton::clicked, this, &ReconcileDialog::acceptSelected);
    connect(m_editButton, &QPushButton::clicked, this, &ReconcileDialog::editSelected);
    connect(m_rejectButton, &QPushButton::clicked, this, &ReconcileDialog::rejectSelected);
    connect(m_clearButton, &QPushButton::clicked, this, &ReconcileDialog::clearSelected);
    auto *choices = new QHBoxLayout;
    choices->addWidget(m_acceptButton);
    choices->addWidget(m_editButton);
    choices->addWidget(m_rejectButton);
    choices->addWidget(m_clearButton);
    choices->addStretch(1);
    choices->addWidget(m_counts);

    m_reportTitle->setObjectName(QStringLiteral("reportTitle"));
    m_reportTitle->hide();
    m_report->setObjectName(QStringLiteral("reconcileReport"));
    m_report->setReadOnly(true);
    m_report->setAccessibleName(tr("What applying does"));
    m_report->setMaximumHeight(140);
    m_report->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_dryRunButton = buttons->addButton(tr("&Dry Run"), QDialogButtonBox::ActionRole);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_applyButton = buttons->addButton(tr("A&pply"), QDialogButtonBox::ApplyRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(m_dryRunButton, &QPushButton::clicked, this, &ReconcileDialog::dryRun);
    connect(m_applyButton, &QPushButton::clicked, this, &ReconcileDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReconcileDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addLayout(choices);
    layout->addWidget(m_error);
    layout->addWidget(m_reportTitle);
    layout->addWidget(m_report);
    layout->addWidget(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReconcileDialog::updateState);
    connect(m_view, &QTableView::activated, this, &ReconcileDialog::acceptSelected);
    connect(m_model, &ReconcileModel::choicesChanged, this, &ReconcileDialog::updateState);
    connect(m_model, &ReconcileModel::loaded, this, [this] {
        if (!m_model->errorString().isEmpty()) {
            m_error->setText(m_model->errorString());
            m_error->show();
        }
        m_view->resizeColumnsToContents();
        // The decision must stay in view: the statements get the room, the sources less
        // (their tooltips have the rest).
        const int width = m_view->viewport()->width();
        const int caps[] = {width, width * 30 / 100, width * 14 / 100, width * 24 / 100};
        for (int column = 0; column < ReconcileModel::DecisionColumn; ++column) {
            if (m_view->columnWidth(column) > caps[column])
                m_view->setColumnWidth(column, caps[column]);
        }
        // Start on the first statement waiting for a decision.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->rowAt(row).isPending()) {
                m_view->setCurrentIndex(m_model->index(row, 0));
                break;
            }
        }
        updateState();
    });
    resize(1120, 600);
    updateState();
    m_model->load(patientId, summary);
}

int ReconcileDialog::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ReconcileDialog::updateState()
{
    const int row = currentRow();
    const bool decidable = !m_running && m_model->isDecidable(row);
    m_acceptButton->setEnabled(decidable);
    m_editButton->setEnabled(decidable);
    m_rejectButton->setEnabled(decidable);
    m_clearButton->setEnabled(!m_running && row >= 0 && m_model->choiceAt(row).has_value());
    const bool any = m_model->chosenCount() > 0;
    m_dryRunButton->setEnabled(!m_running && any);
    m_applyButton->setEnabled(!m_running && any);
    if (m_model->isLoading()) {
        m_counts->setText(tr("Reading the outside records…"));
        return;
    }
    m_counts->setText(tr("%n pending imports", nullptr, m_model->pendingCount()) + QStringLiteral(" · ")
                      + tr("%n choices to apply", nullptr, m_model->chosenCount()));
}

void ReconcileDialog::acceptSelected()
{
    const int row = currentRow();
    if (!m_model->isDecidable(row) || m_running)
        return;
    m_model->accept(row);
    if (row + 1 < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(row + 1, 0));
}

void ReconcileDialog::editSelected()
{
    const int row = currentRow();
    if (!m_model->isDecidable(row) || m_running)
        return;
    const std::optional<ChartChange> chosen = m_model->choiceAt(row);
    const ChartItem start = chosen && chosen->choice == ReconcileChoice::Edit
        ? chosen->item
        : m_model->rowAt(row).proposed;
    ChartItemEditDialog editor(start, this);
    if (editor.exec() == QDialog::Accepted)
        m_model->edit(row, editor.item());
}

void ReconcileDialog::rejectSelected()
{
    const int row = currentRow();
    if (!m_model->isDecidable(row) || m_running)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Do Not Import"),
        tr("Why is \"%1\" kept out of the chart? (optional)").arg(m_model->rowAt(row).proposed.display),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    m_model->reject(row, reason.left(200));
}

void ReconcileDialog::clearSelected()
{
    m_model->clearChoice(currentRow());
}

void ReconcileDialog::dryRun()
{
    run(true);
}

void ReconcileDialog::apply()
{
    run(false);
}

void ReconcileDialog::run(bool dryRun)
{
    if (m_running || m_model->chosenCount() == 0)
        return;
    m_running = true;
    m_error->hide();
    updateState();
    Async::whenReady(
        m_chart->apply(m_patientId, m_model->changes(), dryRun), this,
        [this, dryRun](const StoreResult<QList<ChartChangeOutcome>> &result) {
            m_running = false;
            if (!result) {
                m_error->setText(dryRun ? tr("The dry run found a problem; nothing was saved: %1")
                                              .arg(result.error())
                                        : tr("Nothing was saved: %1").arg(result.error()));
                m_error->show();
                updateState();
                Q_EMIT dryRun ? dryRunFinished(result.error()) : applyFinished(result.error());
                return;
            }
            QStringList lines;
            for (const ChartChangeOutcome &outcome : *result)
                lines.append(ChartService::describe(outcome, dryRun));
            m_reportTitle->setText(dryRun ? tr("Dry run — nothing has been saved. Apply would:")
                                          : tr("Applied and recorded in the audit trail:"));
            m_reportTitle->show();
            m_report->setPlainText(lines.join(u'\n'));
            m_report->show();
            if (!dryRun)
                m_model->reload(); // the decided lines leave the pending list
            updateState();
            Q_EMIT dryRun ? dryRunFinished(QString()) : applyFinished(QString());
        });
}

QString ReconcileDialog::report() const
{
    return m_report->toPlainText();
}

void ReconcileDialog::reject()
{
    if (m_running)
        return;
    if (m_model->chosenCount() > 0) {
        const auto answer = QMessageBox::question(
            this, tr("Close Without Applying"),
            tr("%n choices have not been applied. Close and drop them?", nullptr,
               m_model->chosenCount()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}
