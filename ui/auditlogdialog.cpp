// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auditlogdialog.h"

#include "services/common/async.h"
#include "services/common/audittrailservice.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfWriter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

AuditLogDialog::AuditLogDialog(AuditTrailService *trail, QWidget *parent)
    : QDialog(parent)
    , m_trail(trail)
{
    setWindowTitle(tr("Audit Log"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("Any user"));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("action"));
    m_action->setEditable(true);
    m_action->addItem(tr("Any action"), QString());
    for (const char *family : {"patient.", "verification.", "report.", "claim.", "outside_records.",
                               "chart.", "session.", "user.", "break_glass.", "database."})
        m_action->addItem(QLatin1String(family) + QLatin1Char('*'), QLatin1String(family));
    m_patient = new QLineEdit(this);
    m_patient->setObjectName(QStringLiteral("patient"));
    m_patient->setPlaceholderText(tr("Any patient (or a patient's number)"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setCalendarPopup(true);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(m_to);
    dates->addStretch(1);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("&Patient:"), m_patient);
    // A label for a row of fields: it needs its buddy set, or the "&" shows.
    auto *datesLabel = new QLabel(tr("&Dates:"), this);
    datesLabel->setBuddy(m_from);
    form->addRow(datesLabel, dates);
    layout->addLayout(form);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("entries"));
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("User"), tr("Action"), tr("About"), tr("Number")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *find = buttons->addButton(tr("&Search"), QDialogButtonBox::ActionRole);
    m_accounting = buttons->addButton(tr("Save Accounting as PD&F…"), QDialogButtonBox::ActionRole);
    m_accounting->setToolTip(tr("Who viewed, printed or exported the patient's record, and when"));
    connect(find, &QPushButton::clicked, this, &AuditLogDialog::search);
    connect(m_accounting, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Accounting of Access"),
            tr("accounting-of-access-%1.pdf").arg(m_patient->text().trimmed()),
            tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        // From the rows the filter selects now, read again.
        connect(
            this, &AuditLogDialog::searchFinished, this,
            [this, path] {
                const QString error = saveAccounting(path);
                m_status->setText(error.isEmpty() ? tr("Saved %1.").arg(path) : error);
            },
            Qt::SingleShotConnection);
        search();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &AuditLogDialog::reject);
    layout->addWidget(buttons);
    connect(m_patient, &QLineEdit::textChanged, this, [this] {
        m_accounting->setEnabled(m_patient->text().trimmed().toLongLong() > 0);
    });
    m_accounting->setEnabled(false);
    resize(820, 560);
    search();
}

AuditFilter AuditLogDialog::filter() const
{
    AuditFilter filter;
    filter.user = m_user->text().trimmed();
    const int index = m_action->currentIndex();
    const QString typed = m_action->currentText().trimmed();
    if (index >= 0 && m_action->itemText(index) == typed)
        filter.action = m_action->itemData(index).toString();
    else
        filter.action = typed.endsWith(QLatin1Char('*')) ? typed.chopped(1) : typed;
    filter.patientId = m_patient->text().trimmed().toLongLong();
    filter.from = m_from->date().startOfDay().toUTC();
    filter.to = m_to->date().addDays(1).startOfDay().toUTC();
    return filter;
}

void AuditLogDialog::search()
{
    m_status->setText(tr("Searching…"));
    const int generation = ++m_generation;
    Async::whenReady(m_trail->entries(filter()), this,
                     [this, generation](const StoreResult<QList<AuditEntry>> &found) {
                         if (generation != m_generation)
                             return; // an earlier search's answer: a later one is coming
                         if (!found) {
                             m_entries.clear();
                             m_table->setRowCount(0);
                             m_status->setText(found.error());
                         } else {
                             showEntries(*found);
                         }
                         Q_EMIT searchFinished();
                     });
}

void AuditLogDialog::showEntries(const QList<AuditEntry> &entries)
{
    m_entries = entries;
    m_table->setRowCount(int(entries.size()));
    const QLocale locale;
    for (int row = 0; row < int(entries.size()); ++row) {
        const AuditEntry &entry = entries.at(row);
        const QStringList cells = {
            locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat), entry.user,
            entry.action, entry.entity,
            entry.entityId > 0 ? QString::number(entry.entityId) : QString()};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    m_status->setText(tr("%n rows, newest first.", nullptr, int(entries.size())));
}

QString AuditLogDialog::saveAccounting(const QString &path)
{
    const AuditFilter shown = filter();
    if (shown.patientId <= 0)
        return tr("Enter the patient's number first.");
    QString rows;
    const QLocale locale;
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        if (entry.entity != QLatin1String("patient") || entry.entityId != shown.patientId)
            continue;
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped(),
                         entry.user.toHtmlEscaped(), entry.action.toHtmlEscaped());
    }
    QTextDocument document;
    document.setHtml(
        tr("<h2>Accounting of access</h2><p>Patient number %1, from %2 to %3. Every access to "
           "the patient's record that ClinicDesk recorded, newest first.</p>")
            .arg(shown.patientId)
            .arg(locale.toString(m_from->date(), QLocale::ShortFormat),
                 locale.toString(m_to->date(), QLocale::ShortFormat))
        + QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th>"
                         "<th>%2</th><th>%3</th></tr>%4</table>")
              .arg(tr("When"), tr("Who"), tr("What"),
                   rows.isEmpty() ? QStringLiteral("<tr><td colspan=\"3\">%1</td></tr>")
                                        .arg(tr("No access was recorded in these dates."))
                                  : rows));
    QPdfWriter writer(path);
    writer.setTitle(tr("Accounting of access"));
    document.print(&writer);
    if (!QFile::exists(path))
        return tr("The PDF %1 could not be written.").arg(path);
    // It names who saw a patient's record: owner-only, like every file with PHI.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}
