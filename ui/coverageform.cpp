// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/coverageform.h"

#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/domain/fieldvalidation.h"
#include "services/eligibility/benefitsummary.h"
#include "services/patients/patientservice.h"
#include "ui/widgethelpers.h"
#include "ui_coverageform.h"

#include <QShortcut>

CoverageForm::CoverageForm(PatientService *patients, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CoverageForm>())
    , m_patients(patients)
{
    m_ui->setupUi(this);
    // The date order of the language: the same as every date shown (DateFormats).
    m_ui->subscriberDobEdit->setPlaceholderText(DateFormats::placeholder());
    m_ui->payerCombo->setEnabled(false);
    Async::whenReady(m_patients->payers(), this, [this](const StoreResult<QList<Payer>> &payers) {
        if (!payers) {
            showMessage(payers.error());
            return;
        }
        for (const Payer &payer : *payers) {
            m_ui->payerCombo->addItem(QStringLiteral("%1 (%2)").arg(payer.name, payer.id),
                                      payer.id);
            m_payerNames.insert(payer.id, payer.name);
        }
        m_ui->payerCombo->setEnabled(true);
        m_payersLoaded = true;
        const int payerIndex = m_ui->payerCombo->findData(m_coverage.payerId);
        m_ui->payerCombo->setCurrentIndex(payerIndex >= 0 ? payerIndex : 0);
        Q_EMIT payersLoaded();
    });
    for (CoverageOrder order :
         {CoverageOrder::Primary, CoverageOrder::Secondary, CoverageOrder::Tertiary})
        m_ui->orderCombo->addItem(coverageOrderName(order), int(order));
    m_ui->relationshipCombo->addItem(tr("Self (patient is the subscriber)"),
                                     int(SubscriberRelationship::Self));
    m_ui->relationshipCombo->addItem(tr("Child"), int(SubscriberRelationship::Child));
    m_ui->relationshipCombo->addItem(tr("Spouse"), int(SubscriberRelationship::Spouse));
    m_ui->relationshipCombo->addItem(tr("Other dependent"), int(SubscriberRelationship::Other));
    for (const auto &[label, gender] :
         {std::pair{tr("Female"), Gender::Female}, std::pair{tr("Male"), Gender::Male},
          std::pair{tr("Unknown"), Gender::Unknown}})
        m_ui->subscriberGenderCombo->addItem(label, int(gender));
    for (const char *code : {"30", "98", "UC", "86", "MH", "62", "88", "AL", "35"})
        m_ui->serviceTypeCombo->addItem(
            QStringLiteral("%1 (%2)").arg(BenefitSummary::serviceTypeName(QLatin1String(code)),
                                          QLatin1String(code)),
            QLatin1String(code));
    m_ui->messageLabel->hide();

    // Ctrl+Enter verifies from anywhere on the page: the clerk's most frequent action.
    auto *verifyShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    verifyShortcut->setWhatsThis(tr("Save the coverage and verify it"));
    verifyShortcut->setProperty("where", tr("Patient"));
    verifyShortcut->setContext(Qt::WindowShortcut);
    connect(verifyShortcut, &QShortcut::activated, m_ui->verifyButton, [this] {
        if (isVisible() && m_ui->verifyButton->isEnabled())
            m_ui->verifyButton->click();
    });
    // Save has no mnemonic letter (the form's labels use them all): Ctrl+S saves.
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WindowShortcut);
    saveShortcut->setWhatsThis(tr("Save the coverage"));
    saveShortcut->setProperty("where", tr("Patient"));
    connect(saveShortcut, &QShortcut::activated, m_ui->saveButton, [this] {
        if (isVisible() && m_ui->saveButton->isEnabled())
            m_ui->saveButton->click();
    });
    m_ui->saveButton->setToolTip(tr("Save the coverage without verifying it (Ctrl+S)"));
    m_ui->verifyButton->setToolTip(tr("Save the coverage and ask the payer (Ctrl+Enter)"));
    connect(m_ui->relationshipCombo, &QComboBox::currentIndexChanged, this,
            &CoverageForm::updateSubscriberFields);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &CoverageForm::save);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, [this] {
        if (!validate().isEmpty())
            return;
        const QStringList types = serviceTypes();
        saveThen([this, types](const Coverage &saved) { Q_EMIT verifyRequested(saved, types); });
    });
    connect(m_ui->newButton, &QPushButton::clicked, this, [this] {
        const int next = qMin(3, m_ui->orderCombo->currentData().toInt() + (m_coverage.id ? 1 : 0));
        newCoverage(m_coverage.patientId, CoverageOrder(qMax(1, next)));
        m_ui->memberIdEdit->setFocus();
    });
    updateSubscriberFields();
}

CoverageForm::~CoverageForm() = default;

void CoverageForm::setCoverage(const Coverage &coverage)
{
    m_coverage = coverage;
    const int payerIndex = m_ui->payerCombo->findData(coverage.payerId);
    m_ui->payerCombo->setCurrentIndex(payerIndex >= 0 ? payerIndex : 0);
    m_ui->memberIdEdit->setText(coverage.memberId);
    m_ui->groupEdit->setText(coverage.groupNumber);
    m_ui->planEdit->setText(coverage.planName);
    m_ui->orderCombo->setCurrentIndex(m_ui->orderCombo->findData(int(coverage.order)));
    m_ui->relationshipCombo->setCurrentIndex(
        m_ui->relationshipCombo->findData(int(coverage.relationship)));
    m_ui->subscriberFirstEdit->setText(coverage.subscriber.firstName);
    m_ui->subscriberLastEdit->setText(coverage.subscriber.lastName);
    m_ui->subscriberDobEdit->setText(
        coverage.subscriber.dateOfBirth.isValid()
            ? coverage.subscriber.dateOfBirth.toString(DateFormats::dateFormat())
            : QString());
    m_ui->subscriberGenderCombo->setCurrentIndex(
        m_ui->subscriberGenderCombo->findData(int(coverage.subscriber.gender)));
    m_ui->messageLabel->hide();
    for (QWidget *field :
         {static_cast<QWidget *>(m_ui->memberIdEdit), static_cast<QWidget *>(m_ui->groupEdit),
          static_cast<QWidget *>(m_ui->subscriberFirstEdit),
          static_cast<QWidget *>(m_ui->subscriberLastEdit),
          static_cast<QWidget *>(m_ui->subscriberDobEdit)})
        field->setStyleSheet({});
    updateSubscriberFields();
}

void CoverageForm::newCoverage(qint64 patientId, CoverageOrder order)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.order = order;
    setCoverage(coverage);
}

void CoverageForm::newCoverageWithPayer(qint64 patientId, CoverageOrder order, const Payer &payer,
                                        const QString &memberId)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.order = order;
    coverage.payerId = payer.id.trimmed();
    coverage.payerName = payer.name;
    coverage.memberId = memberId;
    if (!coverage.payerId.isEmpty() && m_ui->payerCombo->findData(coverage.payerId) < 0) {
        //: A payer named by the insurance answer that is not in the payer list yet
        m_ui->payerCombo->addItem(tr("%1 (%2, new)").arg(payer.name, coverage.payerId),
                                  coverage.payerId);
        m_newPayers.insert(coverage.payerId, payer.name);
        m_payerNames.insert(coverage.payerId, payer.name);
    }
    setCoverage(coverage);
    if (coverage.payerId.isEmpty())
        showMessage(tr("Choose the payer for %1 from the list.").arg(payer.name));
}

QStringList CoverageForm::serviceTypes() const
{
    return {m_ui->serviceTypeCombo->currentData().toString()};
}

Coverage CoverageForm::coverageFromForm() const
{
    Coverage c = m_coverage;
    c.payerId = m_ui->payerCombo->currentData().toString();
    c.payerName = m_payerNames.value(c.payerId, c.payerName);
    c.memberId = FieldValidation::normalizedMemberId(m_ui->memberIdEdit->text());
    c.groupNumber = m_ui->groupEdit->text().trimmed();
    c.planName = m_ui->planEdit->text().trimmed();
    c.order = CoverageOrder(m_ui->orderCombo->currentData().toInt());
    c.relationship = SubscriberRelationship(m_ui->relationshipCombo->currentData().toInt());
    if (c.patientIsSubscriber()) {
        c.subscriber = {};
    } else {
        c.subscriber.firstName = m_ui->subscriberFirstEdit->text().trimmed();
        c.subscriber.lastName = m_ui->subscriberLastEdit->text().trimmed();
        c.subscriber.dateOfBirth = FieldValidation::parseDate(m_ui->subscriberDobEdit->text());
        c.subscriber.gender = Gender(m_ui->subscriberGenderCombo->currentData().toInt());
    }
    return c;
}

void CoverageForm::updateSubscriberFields()
{
    const bool dependent =
        m_ui->relationshipCombo->currentData().toInt() != int(SubscriberRelationship::Self);
    m_ui->subscriberGroup->setEnabled(dependent);
    m_ui->subscriberGroup->setVisible(dependent);
}

QStringList CoverageForm::validate()
{
    using namespace FieldValidation;
    QStringList messages;
    const Coverage c = coverageFromForm();
    if (c.payerId.isEmpty())
        messages << tr("Payer: choose the payer from the list.");
    WidgetHelpers::markField(m_ui->memberIdEdit, tr("Member ID"), memberId(c.memberId), messages);
    WidgetHelpers::markField(m_ui->groupEdit, tr("Group number"), groupNumber(c.groupNumber),
                             messages);
    if (!c.patientIsSubscriber()) {
        WidgetHelpers::markField(m_ui->subscriberFirstEdit, tr("Subscriber first name"),
                                 personName(c.subscriber.firstName, true), messages);
        WidgetHelpers::markField(m_ui->subscriberLastEdit, tr("Subscriber last name"),
                                 personName(c.subscriber.lastName, true), messages);
        QString dob = dateOfBirth(c.subscriber.dateOfBirth, QDate::currentDate());
        if (!m_ui->subscriberDobEdit->text().trimmed().isEmpty() &&
            !c.subscriber.dateOfBirth.isValid())
            dob = tr("Type the date as %1.").arg(DateFormats::placeholder());
        WidgetHelpers::markField(m_ui->subscriberDobEdit, tr("Subscriber date of birth"), dob,
                                 messages);
    }
    m_ui->messageLabel->setText(messages.join(QLatin1Char('\n')));
    m_ui->messageLabel->setVisible(!messages.isEmpty());
    return messages;
}

bool CoverageForm::save()
{
    if (!validate().isEmpty())
        return false;
    saveThen({});
    return true;
}

void CoverageForm::saveThen(std::function<void(const Coverage &)> next)
{
    if (m_saving)
        return;
    m_saving = true;
    m_ui->saveButton->setEnabled(false);
    m_ui->verifyButton->setEnabled(false);
    const Coverage coverage = coverageFromForm();
    // A payer offered from an answer joins the payer list with its first coverage.
    const bool newPayer = coverage.id == 0 && m_newPayers.contains(coverage.payerId);
    QFuture<StoreResult<Coverage>> saving =
        newPayer ? m_patients->addCoverageWithPayer(
                       coverage, Payer{coverage.payerId, m_newPayers.value(coverage.payerId)})
                 : m_patients->saveCoverage(coverage);
    Async::whenReady(saving, this, [this, next, newPayer](const StoreResult<Coverage> &saved) {
        m_saving = false;
        m_ui->saveButton->setEnabled(true);
        m_ui->verifyButton->setEnabled(!m_busy);
        if (!saved) {
            showMessage(saved.error());
            Q_EMIT saveFailed(saved.error());
            return;
        }
        m_coverage = saved.value();
        if (newPayer)
            m_newPayers.remove(m_coverage.payerId);
        Q_EMIT coverageSaved(m_coverage);
        if (next)
            next(m_coverage);
    });
}

void CoverageForm::showMessage(const QString &message)
{
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

QList<QWidget *> CoverageForm::tabStops() const
{
    return {m_ui->payerCombo,          m_ui->memberIdEdit,        m_ui->groupEdit,
            m_ui->planEdit,            m_ui->orderCombo,          m_ui->relationshipCombo,
            m_ui->subscriberFirstEdit, m_ui->subscriberLastEdit,  m_ui->subscriberDobEdit,
            m_ui->subscriberGenderCombo, m_ui->serviceTypeCombo, m_ui->verifyButton,
            m_ui->saveButton,          m_ui->newButton};
}

void CoverageForm::focusMemberId()
{
    m_ui->memberIdEdit->setFocus();
    m_ui->memberIdEdit->selectAll();
}

void CoverageForm::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->verifyButton->setEnabled(!busy && !m_saving);
    m_ui->verifyButton->setText(busy ? tr("Verifying…") : tr("Verif&y Insurance"));
}
