// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chartitemeditdialog.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace {
QLineEdit *lineEdit(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(200);
    return edit;
}

void addRow(QFormLayout *form, const QString &label, QWidget *field)
{
    auto *name = new QLabel(label, field->parentWidget());
    name->setBuddy(field);
    form->addRow(name, field);
}
} // namespace

ChartItemEditDialog::ChartItemEditDialog(const ChartItem &item, QWidget *parent)
    : QDialog(parent)
    , m_item(item)
    , m_display(lineEdit(item.display, QStringLiteral("displayEdit"), this))
    , m_status(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Edit Before Importing"));
    auto *what = new QLabel(
        item.code.isEmpty()
            ? tr("From the outside records, without a code.")
            : tr("From the outside records: %1 %2. The code stays as the record gave it.")
                  .arg(item.codeSystemName.isEmpty() ? item.codeSystem : item.codeSystemName,
                       item.code),
        this);
    what->setWordWrap(true);

    auto *form = new QFormLayout;
    addRow(form, tr("&Name:"), m_display);
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Inactive"), QStringLiteral("inactive"));
    if (item.kind != ChartKind::Medication)
        m_status->addItem(tr("Resolved"), QStringLiteral("resolved"));
    m_status->setCurrentIndex(qMax(0, m_status->findData(item.status)));
    addRow(form, tr("&Status:"), m_status);

    switch (item.kind) {
    case ChartKind::Allergy:
        m_reaction = lineEdit(item.reaction, QStringLiteral("reactionEdit"), this);
        addRow(form, tr("&Reaction:"), m_reaction);
        m_severity = new QComboBox(this);
        m_severity->setObjectName(QStringLiteral("severityCombo"));
        m_severity->setEditable(true);
        m_severity->setInsertPolicy(QComboBox::NoInsert);
        m_severity->addItems({QString(), tr("mild"), tr("moderate"), tr("severe")});
        m_severity->setCurrentText(item.severity);
        addRow(form, tr("Se&verity:"), m_severity);
        m_onset = lineEdit(item.onset, QStringLiteral("onsetEdit"), this);
        addRow(form, tr("&Onset:"), m_onset);
        break;
    case ChartKind::Medication:
        m_dose = lineEdit(item.dose, QStringLiteral("doseEdit"), this);
        addRow(form, tr("&Dose:"), m_dose);
        m_route = lineEdit(item.route, QStringLiteral("routeEdit"), this);
        addRow(form, tr("&Route:"), m_route);
        m_frequency = lineEdit(item.frequency, QStringLiteral("frequencyEdit"), this);
        addRow(form, tr("&Frequency:"), m_frequency);
        break;
    case ChartKind::Problem:
        m_onset = lineEdit(item.onset, QStringLiteral("onsetEdit"), this);
        addRow(form, tr("&Onset:"), m_onset);
        break;
    }
    if (m_onset)
        m_onset->setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD"));

    m_error->setObjectName(QStringLiteral("editError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *keep = buttons->addButton(tr("&Use These Details"), QDialogButtonBox::AcceptRole);
    keep->setObjectName(QStringLiteral("useDetailsButton"));
    keep->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartItemEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChartItemEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

ChartItem ChartItemEditDialog::item() const
{
    ChartItem item = m_item;
    item.display = m_display->text().simplified();
    item.status = m_status->currentData().toString();
    if (m_reaction)
        item.reaction = m_reaction->text().simplified();
    if (m_severity)
        item.severity = m_severity->currentText().simplified();
    if (m_dose)
        item.dose = m_dose->text().simplified();
    if (m_route)
        item.route = m_route->text().simplified();
    if (m_frequency)
        item.frequency = m_frequency->text().simplified();
    if (m_onset)
        item.onset = m_onset->text().trimmed();
    return item;
}

QString ChartItemEditDialog::validationError() const
{
    const ChartItem edited = item();
    if (edited.display.isEmpty())
        return tr("Give the name the chart should show.");
    if (!edited.onset.isEmpty()) {
        static const QRegularExpression partial(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
        bool valid = partial.match(edited.onset).hasMatch();
        if (valid) {
            const QString full = edited.onset.size() == 4 ? edited.onset + QStringLiteral("-01-01")
                : edited.onset.size() == 7               ? edited.onset + QStringLiteral("-01")
                                                         : edited.onset;
            const QDate date = QDate::fromString(full, Qt::ISODate);
            valid = date.isValid() && date <= QDate::currentDate();
        }
        if (!valid)
            return tr("The onset \"%1\" is not a past date: write a year (2019), a month "
                      "(2019-03) or a day (2019-03-04).")
                .arg(edited.onset);
    }
    return {};
}

void ChartItemEditDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}
