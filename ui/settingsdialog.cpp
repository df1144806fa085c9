// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"

#include "ui_settingsdialog.h"

#include "services/claims/payorconnection.h"
#include "services/eligibility/benefitsummary.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>

namespace {
enum FeeColumn { VisitTypeColumn, ServiceTypeColumn, ChargeColumn, FeeColumnCount };
enum MappingColumn { InsuranceIdColumn, PayorNameColumn, SourceColumn, MappingColumnCount };

QString mappingSourceText(const QString &source)
{
    if (source == QLatin1String("payor"))
        return SettingsDialog::tr("From the payor");
    if (source == QLatin1String("default"))
        return SettingsDialog::tr("Built in");
    return SettingsDialog::tr("Entered here");
}

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
    qRegisterMetaType<PayorCheck>();
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

    m_ui->payorUrlEdit->setText(settings.payorUrl.toString());
    m_ui->payorApiKeyEdit->setText(settings.payorApiKey);
    m_ui->providerIdEdit->setText(settings.providerId);
    m_ui->providerNameEdit->setText(settings.providerName);
    m_ui->webhookSecretEdit->setText(settings.payorWebhookSecret);
    m_ui->timelyFilingSpin->setRange(30, 730);
    m_ui->timelyFilingSpin->setValue(settings.timelyFilingDays);
    m_ui->syncMinutesSpin->setRange(1, 60);
    m_ui->syncMinutesSpin->setValue(settings.claimSyncMinutes);
    m_ui->testConnectionButton->setEnabled(false);
    m_ui->fetchMappingsButton->setEnabled(false);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_ui->fetchMappingsButton, &QPushButton::clicked, this, &SettingsDialog::fetchMappings);
    QTableWidget *mappings = m_ui->mappingsTable;
    mappings->setColumnCount(MappingColumnCount);
    mappings->setHorizontalHeaderLabels({tr("Insurance ID"), tr("Payor"), tr("Source")});
    mappings->verticalHeader()->hide();
    mappings->horizontalHeader()->setSectionResizeMode(InsuranceIdColumn,
                                                       QHeaderView::ResizeToContents);
    mappings->horizontalHeader()->setSectionResizeMode(PayorNameColumn, QHeaderView::Stretch);
    mappings->horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
    mappings->setAccessibleName(tr("Insurance IDs routed to each payor"));
    connect(m_ui->addMappingButton, &QPushButton::clicked, this, [this] {
        addMappingRow({QString(), QString(), QStringLiteral("local")});
        QTableWidget *table = m_ui->mappingsTable;
        const QModelIndex id = table->model()->index(table->rowCount() - 1, InsuranceIdColumn);
        table->setCurrentIndex(id);
        table->setFocus();
        table->edit(id);
    });
    connect(m_ui->removeMappingButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->mappingsTable->currentRow();
        if (row >= 0)
            m_ui->mappingsTable->removeRow(row);
        m_ui->removeMappingButton->setEnabled(m_ui->mappingsTable->rowCount() > 0);
    });
    // An edited row is the desk's own from then on.
    connect(mappings, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == SourceColumn)
            return;
        QTableWidgetItem *source = m_ui->mappingsTable->item(item->row(), SourceColumn);
        if (source && source->data(valueRole).toString() != QLatin1String("local")) {
            source->setData(valueRole, QStringLiteral("local"));
            source->setText(mappingSourceText(QStringLiteral("local")));
        }
    });
    m_ui->removeMappingButton->setEnabled(false);

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
    s.payorUrl = QUrl(m_ui->payorUrlEdit->text().trimmed());
    s.payorApiKey = m_ui->payorApiKeyEdit->text().trimmed();
    s.providerId = m_ui->providerIdEdit->text().trimmed();
    s.providerName = m_ui->providerNameEdit->text().trimmed();
    s.payorWebhookSecret = m_ui->webhookSecretEdit->text().trimmed();
    s.timelyFilingDays = m_ui->timelyFilingSpin->value();
    s.claimSyncMinutes = m_ui->syncMinutesSpin->value();
    s.hubUrl = QUrl(m_ui->hubUrlEdit->text().trimmed());
    s.deviceName = m_ui->deviceNameEdit->text().trimmed();
    s.deviceToken = m_ui->deviceTokenEdit->text().trimmed();
    return s;
}

void SettingsDialog::accept()
{
    const QStringList messages = settings().validate() + mappingProblems();
    m_ui->messageLabel->setText(messages.join(QLatin1Char('\n')));
    m_ui->messageLabel->setVisible(!messages.isEmpty());
    if (messages.isEmpty())
        QDialog::accept();
}

void SettingsDialog::setPayorAccess(QNetworkAccessManager *network, const PayorFallback &fallback)
{
    m_network = network;
    m_fallback = fallback;
    m_ui->testConnectionButton->setEnabled(network != nullptr);
    m_ui->fetchMappingsButton->setEnabled(network != nullptr);
}

void SettingsDialog::addMappingRow(const PayorMapping &mapping)
{
    QTableWidget *table = m_ui->mappingsTable;
    const QSignalBlocker quiet(table); // filling in is not editing
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, InsuranceIdColumn, new QTableWidgetItem(mapping.insuranceId));
    table->setItem(row, PayorNameColumn, new QTableWidgetItem(mapping.payorName));
    auto *source = new QTableWidgetItem(mappingSourceText(mapping.source));
    source->setData(valueRole, mapping.source);
    source->setFlags(source->flags() & ~Qt::ItemIsEditable);
    table->setItem(row, SourceColumn, source);
    m_ui->removeMappingButton->setEnabled(true);
}

void SettingsDialog::setMappings(const QList<PayorMapping> &mappings)
{
    m_ui->mappingsTable->setRowCount(0);
    m_initialMappings.clear();
    for (const PayorMapping &mapping : mappings) {
        addMappingRow(mapping);
        m_initialMappings.append(mapping.insuranceId.trimmed().toUpper());
    }
    m_ui->removeMappingButton->setEnabled(!mappings.isEmpty());
}

QList<PayorMapping> SettingsDialog::mappings() const
{
    QList<PayorMapping> list;
    const QTableWidget *table = m_ui->mappingsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        PayorMapping mapping;
        mapping.insuranceId = table->item(row, InsuranceIdColumn)->text().trimmed().toUpper();
        mapping.payorName = table->item(row, PayorNameColumn)->text().trimmed();
        mapping.source = table->item(row, SourceColumn)->data(valueRole).toString();
        list.append(mapping);
    }
    return list;
}

QStringList SettingsDialog::removedMappings() const
{
    QStringList kept;
    for (const PayorMapping &mapping : mappings())
        kept.append(mapping.insuranceId);
    QStringList removed;
    for (const QString &id : m_initialMappings) {
        if (!kept.contains(id))
            removed.append(id);
    }
    return removed;
}

QStringList SettingsDialog::mappingProblems() const
{
    QStringList problems;
    QStringList seen;
    for (const PayorMapping &mapping : mappings()) {
        if (mapping.insuranceId.isEmpty() || mapping.payorName.isEmpty()) {
            problems << tr("Payor: every mapping needs an insurance ID and a payor name.");
            break;
        }
        if (seen.contains(mapping.insuranceId)) {
            problems << tr("Payor: insurance ID %1 is listed twice.").arg(mapping.insuranceId);
            break;
        }
        seen.append(mapping.insuranceId);
    }
    return problems;
}

PayorConnection *SettingsDialog::newConnection()
{
    PayorConnection::Config config;
    config.baseUrl = QUrl(m_ui->payorUrlEdit->text().trimmed());
    config.apiKey = m_ui->payorApiKeyEdit->text().trimmed();
    config.providerId = m_ui->providerIdEdit->text().trimmed();
    if (config.baseUrl.isEmpty()) {
        config.baseUrl = m_fallback.url;
        if (config.apiKey.isEmpty())
            config.apiKey = m_fallback.apiKey;
        if (config.providerId.isEmpty())
            config.providerId = m_fallback.providerId;
    }
    delete m_connection;
    m_connection = new PayorConnection(m_network, config, this);
    return m_connection;
}

void SettingsDialog::testConnection()
{
    if (!m_network)
        return;
    PayorConnection *connection = newConnection();
    m_ui->testConnectionButton->setEnabled(false);
    m_ui->connectionLabel->setText(tr("Testing…"));
    connect(connection, &PayorConnection::checkFinished, this, [this](const PayorCheck &result) {
        m_ui->testConnectionButton->setEnabled(true);
        m_ui->connectionLabel->setText(result.message);
        m_ui->connectionLabel->setStyleSheet(result.ok() ? QString()
                                                         : QStringLiteral("color: #a31515;"));
        Q_EMIT connectionTested(result);
    });
    connection->check();
}

void SettingsDialog::fetchMappings()
{
    if (!m_network)
        return;
    PayorConnection *connection = newConnection();
    m_ui->fetchMappingsButton->setEnabled(false);
    connect(connection, &PayorConnection::mappingsFetched, this,
            [this](const QList<PayorMapping> &fetched) {
                m_ui->fetchMappingsButton->setEnabled(true);
                // The payor's list replaces the rows with the same IDs; the desk's own stay.
                QList<PayorMapping> merged = fetched;
                for (const PayorMapping &mine : mappings()) {
                    const bool known = std::any_of(fetched.cbegin(), fetched.cend(), [&](const auto &m) {
                        return m.insuranceId == mine.insuranceId;
                    });
                    if (!known)
                        merged.append(mine);
                }
                const QStringList initial = m_initialMappings;
                setMappings(merged);
                m_initialMappings = initial;
                m_ui->connectionLabel->setStyleSheet(QString());
                m_ui->connectionLabel->setText(
                    tr("The payor routes %n insurance IDs; save to keep them.", nullptr,
                       int(fetched.size())));
            });
    connect(connection, &PayorConnection::mappingsFailed, this, [this](const QString &error) {
        m_ui->fetchMappingsButton->setEnabled(true);
        m_ui->connectionLabel->setStyleSheet(QStringLiteral("color: #a31515;"));
        m_ui->connectionLabel->setText(error);
    });
    connection->fetchMappings();
}
