// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"

#include "ui_settingsdialog.h"

#include "services/eligibility/benefitsummary.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>

namespace {
enum FeeColumn { VisitTypeColumn, ServiceTypeColumn, ChargeColumn, FeeColumnCount };

// The item keeps the code (service type) or the cents (charge) here; the text is for reading.
constexpr int valueRole = Qt::UserRole;

// Service types a clinic's visits are usually stated under; any other code can be typed.
const char *const commonServiceTypes[] = {"98", "81", "BZ", "BY", "80", "UC", "3",
                                          "5",  "4",  "MH", "A6", "33", "AL", "30"};

QString serviceTypeText(const QString &code)
{
    //: A service type in the visit fees table: "98 — Office visit"
    return SettingsDialog::tr("%1 — %2").arg(code, BenefitSummary::serviceTypeName(code));
}

double dollars(qint64 cents)
{
    return double(cents) / 100.0;
}

//! Edits the service type with a list of common codes (or a typed one) and the charge with a
//! money spin box; the visit type is plain text.
class VisitFeeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() == ServiceTypeColumn) {
            auto *combo = new QComboBox(parent);
            combo->setEditable(true);
            for (const char *code : commonServiceTypes)
                combo->addItem(serviceTypeText(QLatin1String(code)), QLatin1String(code));
            return combo;
        }
        if (index.column() == ChargeColumn) {
            auto *spin = new QDoubleSpinBox(parent);
            spin->setPrefix(QStringLiteral("$"));
            spin->setDecimals(2);
            spin->setRange(0.0, dollars(VisitFees::maxChargeCents));
            return spin;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const QString code = index.data(valueRole).toString();
            const int found = combo->findData(code);
            if (found >= 0)
                combo->setCurrentIndex(found);
            else
                combo->setEditText(code);
            return;
        }
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
            spin->setValue(dollars(index.data(valueRole).toLongLong()));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            // A listed entry gives its code; a typed one is the code up to the first space.
            QString code = combo->currentData().toString();
            if (combo->currentText() != combo->itemText(combo->currentIndex()))
                code = combo->currentText().trimmed().section(QLatin1Char(' '), 0, 0).toUpper();
            model->setData(index, code, valueRole);
            model->setData(index, serviceTypeText(code), Qt::DisplayRole);
            return;
        }
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
            const qint64 cents = qRound64(spin->value() * 100.0);
            model->setData(index, cents, valueRole);
            model->setData(index, BenefitSummary::formatMoney(cents), Qt::DisplayRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};
} // namespace

SettingsDialog::SettingsDialog(const DeskSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_initial(settings)
{
    m_ui->setupUi(this);
    m_ui->timeoutSpin->setRange(5, 120);
    m_ui->triesSpin->setRange(1, 5);
    m_ui->reuseSpin->setRange(0, 72);
    m_ui->expireSpin->setRange(1, 365);
    m_ui->clearinghouseEdit->setText(settings.clearinghouseUrl.toString());
    m_ui->clinicNameEdit->setText(settings.clinic.name);
    m_ui->addressEdit->setText(settings.clinic.addressLine);
    m_ui->cityStateZipEdit->setText(settings.clinic.cityStateZip);
    m_ui->phoneEdit->setText(settings.clinic.phone);
    m_ui->npiEdit->setText(settings.clinic.npi);
    m_ui->timeoutSpin->setValue(settings.timeoutSeconds);
    m_ui->triesSpin->setValue(settings.maxTries);
    m_ui->reuseSpin->setValue(settings.reuseHours);
    m_ui->expireSpin->setValue(settings.maxAgeDays);
    m_ui->hubUrlEdit->setText(settings.hubUrl.toString());
    m_ui->deviceNameEdit->setText(settings.deviceName);
    m_ui->deviceTokenEdit->setText(settings.deviceToken);

    QTableWidget *fees = m_ui->feesTable;
    fees->setColumnCount(FeeColumnCount);
    fees->setHorizontalHeaderLabels({tr("Visit Type"), tr("Service Type"), tr("Expected Charge")});
    fees->setItemDelegate(new VisitFeeDelegate(fees));
    fees->verticalHeader()->hide();
    fees->horizontalHeader()->setSectionResizeMode(VisitTypeColumn, QHeaderView::Stretch);
    fees->horizontalHeader()->setSectionResizeMode(ServiceTypeColumn, QHeaderView::Stretch);
    fees->horizontalHeader()->setSectionResizeMode(ChargeColumn, QHeaderView::ResizeToContents);
    fees->setAccessibleName(tr("Fees per visit type"));
    for (const VisitFee &fee : settings.visitFees)
        addFeeRow(fee);
    m_ui->officeVisitSpin->setPrefix(QStringLiteral("$"));
    m_ui->officeVisitSpin->setDecimals(2);
    m_ui->officeVisitSpin->setRange(0.0, dollars(VisitFees::maxChargeCents));
    m_ui->officeVisitSpin->setValue(dollars(settings.officeVisitCents));
    connect(m_ui->addFeeButton, &QPushButton::clicked, this, [this] {
        addFeeRow({QString(), VisitFees::officeVisitServiceType(), m_initial.officeVisitCents});
        QTableWidget *table = m_ui->feesTable;
        const QModelIndex name = table->model()->index(table->rowCount() - 1, VisitTypeColumn);
        table->setCurrentIndex(name);
        table->setFocus();
        table->edit(name);
    });
    connect(m_ui->removeFeeButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->feesTable->currentRow();
        if (row >= 0)
            m_ui->feesTable->removeRow(row);
        m_ui->removeFeeButton->setEnabled(m_ui->feesTable->rowCount() > 0);
    });
    m_ui->removeFeeButton->setEnabled(fees->rowCount() > 0);

    m_ui->messageLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addFeeRow(const VisitFee &fee)
{
    QTableWidget *table = m_ui->feesTable;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, VisitTypeColumn, new QTableWidgetItem(fee.visitType));
    auto *service = new QTableWidgetItem(serviceTypeText(fee.serviceType));
    service->setData(valueRole, fee.serviceType);
    table->setItem(row, ServiceTypeColumn, service);
    auto *charge = new QTableWidgetItem(BenefitSummary::formatMoney(fee.chargeCents));
    charge->setData(valueRole, fee.chargeCents);
    charge->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, ChargeColumn, charge);
    m_ui->removeFeeButton->setEnabled(true);
}

QList<VisitFee> SettingsDialog::visitFees() const
{
    QList<VisitFee> fees;
    const QTableWidget *table = m_ui->feesTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        VisitFee fee;
        fee.visitType = table->item(row, VisitTypeColumn)->text().trimmed();
        fee.serviceType = table->item(row, ServiceTypeColumn)->data(valueRole).toString();
        fee.chargeCents = table->item(row, ChargeColumn)->data(valueRole).toLongLong();
        fees.append(fee);
    }
    return fees;
}

DeskSettings SettingsDialog::settings() const
{
    DeskSettings s = m_initial;
    s.clearinghouseUrl = QUrl(m_ui->clearinghouseEdit->text().trimmed());
    s.clinic.name = m_ui->clinicNameEdit->text().trimmed();
    s.clinic.addressLine = m_ui->addressEdit->text().trimmed();
    s.clinic.cityStateZip = m_ui->cityStateZipEdit->text().trimmed();
    s.clinic.phone = m_ui->phoneEdit->text().trimmed();
    s.clinic.npi = m_ui->npiEdit->text().trimmed();
    s.timeoutSeconds = m_ui->timeoutSpin->value();
    s.maxTries = m_ui->triesSpin->value();
    s.reuseHours = m_ui->reuseSpin->value();
    s.maxAgeDays = m_ui->expireSpin->value();
    s.visitFees = visitFees();
    s.officeVisitCents = qRound64(m_ui->officeVisitSpin->value() * 100.0);
    s.hubUrl = QUrl(m_ui->hubUrlEdit->text().trimmed());
    s.deviceName = m_ui->deviceNameEdit->text().trimmed();
    s.deviceToken = m_ui->deviceTokenEdit->text().trimmed();
    return s;
}

void SettingsDialog::accept()
{
    const QStringList messages = settings().validate();
    m_ui->messageLabel->setText(messages.join(QLatin1Char('\n')));
    m_ui->messageLabel->setVisible(!messages.isEmpty());
    if (messages.isEmpty())
        QDialog::accept();
}
