// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/registerpatientdialog.h"

#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/domain/fieldvalidation.h"
#include "services/patients/patientservice.h"
#include "ui/duplicatecandidatespanel.h"
#include "ui/mergepatientsdialog.h"
#include "ui/widgethelpers.h"
#include "ui_registerpatientdialog.h"

#include <QPushButton>
#include <QRegularExpression>

namespace {
//! How long typing pauses before the duplicate check runs.
constexpr int lookupDelayMs = 350;
} // namespace

RegisterPatientDialog::RegisterPatientDialog(PatientService *patients, const Patient &patient,
                                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RegisterPatientDialog>())
    , m_patients(patients)
    , m_patient(patient)
    , m_duplicates(new DuplicateCandidatesPanel(this))
{
    m_ui->setupUi(this);
    // Under the form, above the messages and buttons; after Email in the tab order.
    m_ui->mainLayout->insertWidget(1, m_duplicates);
    setTabOrder(m_ui->emailEdit, m_duplicates->firstFocus());
    setTabOrder(m_duplicates->lastFocus(), m_ui->buttonBox);
    m_duplicates->setMergeAvailable(patient.id != 0);
    // The date order of the language: the same as every date shown (DateFormats).
    m_ui->dobEdit->setPlaceholderText(DateFormats::placeholder());
    m_ui->genderCombo->addItem(tr("Female"), QVariant::fromValue(int(Gender::Female)));
    m_ui->genderCombo->addItem(tr("Male"), QVariant::fromValue(int(Gender::Male)));
    m_ui->genderCombo->addItem(tr("Unknown"), QVariant::fromValue(int(Gender::Unknown)));
    if (patient.id != 0)
        setWindowTitle(tr("Edit Patient"));
    m_ui->firstNameEdit->setText(patient.firstName);
    m_ui->middleNameEdit->setText(patient.middleName);
    m_ui->lastNameEdit->setText(patient.lastName);
    if (patient.dateOfBirth.isValid())
        m_ui->dobEdit->setText(patient.dateOfBirth.toString(DateFormats::dateFormat()));
    m_ui->genderCombo->setCurrentIndex(
        m_ui->genderCombo->findData(int(patient.id ? patient.gender : Gender::Female)));
    m_ui->addressEdit->setText(patient.address.line1);
    m_ui->cityEdit->setText(patient.address.city);
    m_ui->stateEdit->setText(patient.address.state);
    m_ui->zipEdit->setText(patient.address.zip);
    m_ui->phoneEdit->setText(patient.phone);
    m_ui->emailEdit->setText(patient.email);
    m_ui->messageLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)
        ->setText(patient.id ? tr("Sa&ve") : tr("&Register"));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    if (patient.id == 0) {
        // Prefilled from a search: start where the clerk still has to type.
        for (QLineEdit *edit : {m_ui->firstNameEdit, m_ui->lastNameEdit, m_ui->dobEdit}) {
            if (edit->text().isEmpty()) {
                edit->setFocus();
                break;
            }
        }
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RegisterPatientDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &RegisterPatientDialog::reject);

    m_lookupTimer.setSingleShot(true);
    m_lookupTimer.setInterval(lookupDelayMs);
    connect(&m_lookupTimer, &QTimer::timeout, this, &RegisterPatientDialog::lookUpDuplicates);
    for (QLineEdit *edit : {m_ui->firstNameEdit, m_ui->middleNameEdit, m_ui->lastNameEdit,
                            m_ui->dobEdit, m_ui->addressEdit, m_ui->zipEdit, m_ui->phoneEdit,
                            m_ui->emailEdit}) {
        connect(edit, &QLineEdit::textChanged, &m_lookupTimer, qOverload<>(&QTimer::start));
    }
    connect(m_ui->genderCombo, &QComboBox::currentIndexChanged, &m_lookupTimer,
            qOverload<>(&QTimer::start));
    connect(m_duplicates, &DuplicateCandidatesPanel::openClicked, this,
            [this](const Patient &other) { openInstead(other.id); });
    connect(m_duplicates, &DuplicateCandidatesPanel::notTheSamePersonClicked, this, [this] {
        for (const DuplicateCandidate &candidate : m_duplicates->candidates())
            m_notSame.insert(candidate.patient.id);
        m_likelyConfirmed = false;
        showDuplicates({});
        m_ui->buttonBox->button(QDialogButtonBox::Save)->setFocus();
    });
    connect(m_duplicates, &DuplicateCandidatesPanel::mergeClicked, this,
            &RegisterPatientDialog::mergeWith);
    // An edit shows the record's duplicates at once: that is where Merge… starts.
    if (patient.id != 0)
        lookUpDuplicates();
}

RegisterPatientDialog::~RegisterPatientDialog() = default;

Patient RegisterPatientDialog::draftFromSearch(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s;]+"));
    static const QRegularExpression digit(QStringLiteral("\\d"));
    const bool capitalise = text == text.toLower();
    Patient draft;
    // Name words, without the date and the IDs; `last` holds the words before a comma.
    QStringList before;
    QStringList after;
    const int comma = int(text.indexOf(QLatin1Char(',')));
    const QList<QPair<QString, QStringList *>> parts = {
        {comma < 0 ? text : text.left(comma), &before},
        {comma < 0 ? QString() : text.mid(comma + 1), &after}};
    for (const auto &[part, words] : parts) {
        for (QString word : part.split(separators, Qt::SkipEmptyParts)) {
            word.remove(QLatin1Char(','));
            if (word.isEmpty())
                continue;
            if (const QDate date = DateFormats::parse(word); date.isValid()) {
                if (!draft.dateOfBirth.isValid())
                    draft.dateOfBirth = date;
                continue;
            }
            if (word.contains(digit))
                continue; // an MRN, a member ID or a year: nothing to prefill
            if (capitalise)
                word = word.left(1).toUpper() + word.mid(1);
            words->append(word);
        }
    }
    const QString space = QStringLiteral(" ");
    if (comma >= 0) {
        draft.lastName = before.join(space);
        draft.firstName = after.join(space);
    } else if (before.size() == 1) {
        draft.lastName = before.constFirst(); // a clerk looks people up by last name
    } else if (!before.isEmpty()) {
        draft.firstName = before.constFirst();
        draft.lastName = before.mid(1).join(space);
    }
    return draft;
}

Patient RegisterPatientDialog::patientFromForm() const
{
    Patient p = m_patient;
    p.firstName = m_ui->firstNameEdit->text().trimmed();
    p.middleName = m_ui->middleNameEdit->text().trimmed();
    p.lastName = m_ui->lastNameEdit->text().trimmed();
    p.dateOfBirth = FieldValidation::parseDate(m_ui->dobEdit->text());
    p.gender = Gender(m_ui->genderCombo->currentData().toInt());
    p.address.line1 = m_ui->addressEdit->text().trimmed();
    p.address.city = m_ui->cityEdit->text().trimmed();
    p.address.state = m_ui->stateEdit->text().trimmed().toUpper();
    p.address.zip = m_ui->zipEdit->text().trimmed();
    p.phone = m_ui->phoneEdit->text().trimmed();
    p.email = m_ui->emailEdit->text().trimmed();
    return p;
}

QStringList RegisterPatientDialog::validate()
{
    using namespace FieldValidation;
    QStringList messages;
    const Patient p = patientFromForm();
    WidgetHelpers::markField(m_ui->firstNameEdit, tr("First name"), personName(p.firstName, true),
                             messages);
    WidgetHelpers::markField(m_ui->middleNameEdit, tr("Middle name"),
                             personName(p.middleName, false), messages);
    WidgetHelpers::markField(m_ui->lastNameEdit, tr("Last name"), personName(p.lastName, true),
                             messages);
    QString dobMessage;
    if (!m_ui->dobEdit->text().trimmed().isEmpty() && !p.dateOfBirth.isValid())
        dobMessage = tr("Type the date as %1.").arg(DateFormats::placeholder());
    else
        dobMessage = dateOfBirth(p.dateOfBirth, QDate::currentDate());
    WidgetHelpers::markField(m_ui->dobEdit, tr("Date of birth"), dobMessage, messages);
    WidgetHelpers::markField(m_ui->stateEdit, tr("State"), state(p.address.state), messages);
    WidgetHelpers::markField(m_ui->zipEdit, tr("ZIP"), zip(p.address.zip), messages);
    WidgetHelpers::markField(m_ui->phoneEdit, tr("Phone"), phone(p.phone), messages);
    WidgetHelpers::markField(m_ui->emailEdit, tr("Email"), email(p.email), messages);
    m_ui->messageLabel->setText(messages.join(QLatin1Char('\n')));
    m_ui->messageLabel->setVisible(!messages.isEmpty());
    return messages;
}

QString RegisterPatientDialog::lookupKey(const Patient &p) const
{
    return QStringList{p.firstName, p.middleName, p.lastName,
                       p.dateOfBirth.toString(Qt::ISODate), genderCode(p.gender),
                       p.address.line1, p.address.zip, p.phone, p.email}
        .join(QChar(0x1f));
}

QList<DuplicateCandidate> RegisterPatientDialog::duplicates() const
{
    return m_duplicates->isVisibleTo(this) ? m_duplicates->candidates()
                                           : QList<DuplicateCandidate>();
}

void RegisterPatientDialog::lookUpDuplicates()
{
    m_lookupTimer.stop();
    const Patient typed = patientFromForm();
    const QString key = lookupKey(typed);
    const int generation = ++m_lookupGeneration;
    if (!typed.dateOfBirth.isValid() || (typed.firstName.isEmpty() && typed.lastName.isEmpty())) {
        // Nothing to compare yet.
        m_checkedKey = key;
        showDuplicates({});
        Q_EMIT duplicatesChecked();
        if (std::exchange(m_saveAfterLookup, false))
            accept();
        return;
    }
    Async::whenReady(m_patients->findDuplicates(typed), this,
                     [this, key, generation](const StoreResult<QList<DuplicateCandidate>> &found) {
                         if (generation != m_lookupGeneration)
                             return; // the form changed meanwhile; a newer check follows
                         m_checkedKey = key;
                         if (!found) {
                             // The check is a help, not a gate: say so and let the clerk save.
                             m_ui->messageLabel->setText(
                                 tr("Could not check for patients already registered: %1")
                                     .arg(found.error()));
                             m_ui->messageLabel->show();
                             showDuplicates({});
                         } else {
                             showDuplicates(*found);
                         }
                         Q_EMIT duplicatesChecked();
                         if (std::exchange(m_saveAfterLookup, false))
                             accept();
                     });
}

void RegisterPatientDialog::showDuplicates(const QList<DuplicateCandidate> &candidates)
{
    QList<DuplicateCandidate> shown;
    for (const DuplicateCandidate &candidate : candidates) {
        if (!m_notSame.contains(candidate.patient.id))
            shown.append(candidate);
    }
    m_duplicates->setCandidates(shown);
    if (m_patient.id == 0) {
        m_ui->buttonBox->button(QDialogButtonBox::Save)
            ->setText(m_likelyConfirmed && !shown.isEmpty() ? tr("Register Any&way")
                                                            : tr("&Register"));
    }
}

void RegisterPatientDialog::openInstead(qint64 patientId)
{
    if (patientId <= 0)
        return;
    m_patientToOpen = patientId;
    reject();
}

void RegisterPatientDialog::mergeWith(const Patient &other)
{
    if (m_patient.id == 0)
        return; // only two stored records can be merged
    MergePatientsDialog dialog(m_patients, m_patient, other, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Q_EMIT patientsMerged(dialog.keptId(), dialog.mergedId());
    if (dialog.keptId() != m_patient.id) {
        // This record is gone into the other: continue there.
        openInstead(dialog.keptId());
        return;
    }
    m_notSame.insert(dialog.mergedId());
    lookUpDuplicates();
}

void RegisterPatientDialog::accept()
{
    if (m_saving || !validate().isEmpty())
        return;
    if (m_patient.id == 0) {
        const Patient typed = patientFromForm();
        if (lookupKey(typed) != m_checkedKey) {
            // Saved before the check answered for what is typed now: check, then come back.
            m_saveAfterLookup = true;
            lookUpDuplicates();
            return;
        }
        const QList<DuplicateCandidate> listed = duplicates();
        const bool likely =
            std::any_of(listed.cbegin(), listed.cend(), [](const DuplicateCandidate &c) {
                return c.match.verdict == DuplicateVerdict::Likely;
            });
        if (likely && !m_likelyConfirmed) {
            // Asked once: the clerk looks at the list, then registers anyway or opens the record.
            m_likelyConfirmed = true;
            showDuplicates(listed);
            m_ui->messageLabel->setText(
                tr("%1 may already be registered (see the list). Press Register Anyway to "
                   "register a new patient, or Open to use the record that exists.")
                    .arg(typed.fullName()));
            m_ui->messageLabel->show();
            m_duplicates->firstFocus()->setFocus();
            return;
        }
    }
    save();
}

void RegisterPatientDialog::save()
{
    m_saving = true;
    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    const Patient patient = patientFromForm();
    const auto saved =
        patient.id == 0 ? m_patients->registerPatient(patient) : m_patients->updatePatient(patient);
    Async::whenReady(saved, this, [this, save](const StoreResult<Patient> &result) {
        m_saving = false;
        save->setEnabled(true);
        if (!result) {
            m_ui->messageLabel->setText(result.error());
            m_ui->messageLabel->show();
            Q_EMIT saveFailed(result.error());
            return;
        }
        m_patient = result.value();
        QDialog::accept();
    });
}
