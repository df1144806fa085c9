// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/appointmentdialog.h"

#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/eligibility/benefitsummary.h"
#include "ui_appointmentdialog.h"

#include <QPushButton>
#include <QTimer>

#include <memory>

namespace {
constexpr int quarterHour = 15;
constexpr int lastQuarter = 23 * 60 + 45;

//! The next quarter hour from now, or 9:00 the next morning once the day is over.
QDateTime defaultStart()
{
    const QDateTime now = QDateTime::currentDateTime();
    const int minutes = now.time().hour() * 60 + now.time().minute();
    const int next = (minutes / quarterHour + 1) * quarterHour;
    if (next > 17 * 60)
        return QDateTime(now.date().addDays(1), QTime(9, 0));
    return QDateTime(now.date(), QTime(next / 60, next % 60));
}

//! `values` in order, then the `extra` ones not among them, each name once regardless of case.
QStringList merged(const QStringList &values, const QStringList &extra)
{
    QStringList all;
    for (const QStringList &list : {values, extra}) {
        for (const QString &value : list) {
            const QString name = value.trimmed();
            if (!name.isEmpty() && !all.contains(name, Qt::CaseInsensitive))
                all.append(name);
        }
    }
    return all;
}

//! Fills an editable combo box without losing what the clerk has typed into it meanwhile.
void fill(QComboBox *combo, const QStringList &items)
{
    const QString typed = combo->currentText();
    combo->clear();
    combo->addItems(items);
    const int found = combo->findText(typed, Qt::MatchFixedString);
    combo->setCurrentIndex(found);
    if (found < 0)
        combo->setEditText(typed);
}
} // namespace

void QuarterHourTimeEdit::stepBy(int steps)
{
    if (currentSection() != MinuteSection) {
        QTimeEdit::stepBy(steps);
        return;
    }
    // From 9:07, up goes to 9:15 and down to 9:00: onto the quarter hours, then along them.
    const int minutes = time().hour() * 60 + time().minute();
    const int from = steps > 0 ? minutes / quarterHour : (minutes + quarterHour - 1) / quarterHour;
    const int to = qBound(0, (from + steps) * quarterHour, lastQuarter);
    setTime(QTime(to / 60, to % 60));
    setSelectedSection(MinuteSection);
}

QAbstractSpinBox::StepEnabled QuarterHourTimeEdit::stepEnabled() const
{
    if (currentSection() != MinuteSection)
        return QTimeEdit::stepEnabled();
    const int minutes = time().hour() * 60 + time().minute();
    StepEnabled enabled = StepNone;
    if (minutes > 0)
        enabled |= StepDownEnabled;
    if (minutes < lastQuarter)
        enabled |= StepUpEnabled;
    return enabled;
}

AppointmentDialog::AppointmentDialog(AppointmentService *appointments, const Patient &patient,
                                     const Appointment &appointment, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AppointmentDialog>())
    , m_appointments(appointments)
    , m_patient(patient)
    , m_appointment(appointment)
    , m_conflictTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    if (m_appointment.patientId == 0)
        m_appointment.patientId = patient.id;
    const bool editing = m_appointment.id != 0;
    setWindowTitle(editing ? tr("Edit Appointment") : tr("New Appointment"));
    m_ui->patientNameLabel->setText(patient.displayName());

    // The date order of the language, with its year: the same as every date shown.
    const QLocale locale = DateFormats::displayLocale();
    m_ui->dateEdit->setLocale(locale);
    m_ui->dateEdit->setDisplayFormat(DateFormats::dateFormat(locale));
    m_ui->timeEdit->setLocale(locale);
    m_ui->timeEdit->setDisplayFormat(locale.timeFormat(QLocale::ShortFormat));
    m_ui->durationSpin->setSuffix(tr(" min"));

    const QDateTime start =
        m_appointment.start.isValid() ? m_appointment.start.toLocalTime() : defaultStart();
    m_ui->dateEdit->setDate(start.date());
    m_ui->timeEdit->setTime(QTime(start.time().hour(), start.time().minute()));
    m_ui->durationSpin->setValue(m_appointment.durationMinutes);
    m_ui->providerCombo->setEditText(m_appointment.provider);
    m_ui->visitTypeCombo->setEditText(m_appointment.visitType);
    m_ui->notesEdit->setPlainText(m_appointment.notes);
    m_ui->conflictLabel->hide();
    m_ui->messageLabel->hide();

    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setText(tr("&Save"));
    save->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AppointmentDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AppointmentDialog::reject);

    m_conflictTimer->setSingleShot(true);
    m_conflictTimer->setInterval(conflictCheckDelayMs);
    connect(m_conflictTimer, &QTimer::timeout, this, &AppointmentDialog::checkConflicts);
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this,
            &AppointmentDialog::scheduleConflictCheck);
    connect(m_ui->timeEdit, &QTimeEdit::timeChanged, this,
            &AppointmentDialog::scheduleConflictCheck);
    connect(m_ui->durationSpin, &QSpinBox::valueChanged, this,
            &AppointmentDialog::scheduleConflictCheck);
    connect(m_ui->providerCombo, &QComboBox::currentTextChanged, this,
            &AppointmentDialog::scheduleConflictCheck);

    loadLists();
    if (!m_appointment.provider.isEmpty())
        scheduleConflictCheck();
}

AppointmentDialog::~AppointmentDialog() = default;

void AppointmentDialog::loadLists()
{
    //: Visit types offered before any is in use
    const QStringList defaultVisitTypes{tr("Follow-up"), tr("New patient"), tr("Annual physical"),
                                        tr("Sick visit")};
    // Both lists arrive before the form is filled, so it changes once.
    auto providers = std::make_shared<std::optional<QStringList>>();
    auto visitTypes = std::make_shared<std::optional<QStringList>>();
    auto fillWhenBoth = [this, providers, visitTypes, defaultVisitTypes] {
        if (!providers->has_value() || !visitTypes->has_value())
            return;
        fill(m_ui->providerCombo, merged(**providers, {m_appointment.provider}));
        fill(m_ui->visitTypeCombo,
             merged(**visitTypes, QStringList(defaultVisitTypes) << m_appointment.visitType));
        Q_EMIT listsLoaded();
    };
    // A list that cannot be read leaves only the defaults: typing a name still works.
    Async::whenReady(m_appointments->providers(), this,
                     [providers, fillWhenBoth](const StoreResult<QStringList> &result) {
                         *providers = result.valueOr({});
                         fillWhenBoth();
                     });
    Async::whenReady(m_appointments->visitTypes(), this,
                     [visitTypes, fillWhenBoth](const StoreResult<QStringList> &result) {
                         *visitTypes = result.valueOr({});
                         fillWhenBoth();
                     });
}

Appointment AppointmentDialog::appointmentFromForm() const
{
    Appointment a = m_appointment;
    const QTime time = m_ui->timeEdit->time();
    a.start =
        QDateTime(m_ui->dateEdit->date(), QTime(time.hour(), time.minute()), Qt::LocalTime).toUTC();
    a.durationMinutes = m_ui->durationSpin->value();
    a.provider = m_ui->providerCombo->currentText().trimmed();
    a.visitType = m_ui->visitTypeCombo->currentText().trimmed();
    a.notes = m_ui->notesEdit->toPlainText().trimmed();
    return a;
}

void AppointmentDialog::scheduleConflictCheck()
{
    ++m_conflictGeneration; // whatever is on its way describes a visit no longer on the form
    m_conflictTimer->start();
}

bool AppointmentDialog::isCheckingConflicts() const
{
    return m_conflictTimer->isActive() || m_conflictShown != m_conflictGeneration;
}

void AppointmentDialog::checkConflicts()
{
    const quint64 generation = m_conflictGeneration;
    const Appointment a = appointmentFromForm();
    if (a.provider.isEmpty()) {
        showConflicts(QList<AppointmentConflict>());
        return;
    }
    Async::whenReady(m_appointments->conflicts(a), this,
                     [this, generation](const StoreResult<QList<AppointmentConflict>> &result) {
                         if (generation == m_conflictGeneration)
                             showConflicts(result);
                     });
}

void AppointmentDialog::showConflicts(const StoreResult<QList<AppointmentConflict>> &result)
{
    m_conflictShown = m_conflictGeneration;
    m_conflicts = result.valueOr({});
    const QString text =
        result ? conflictText()
               : tr("Could not check the provider's other visits: %1").arg(result.error());
    m_ui->conflictLabel->setText(text);
    m_ui->conflictLabel->setVisible(!text.isEmpty());
    Q_EMIT conflictsChecked();
}

QString AppointmentDialog::conflictText() const
{
    using BenefitSummary::formatTime;
    QStringList lines;
    for (const AppointmentConflict &conflict : m_conflicts) {
        const Appointment &other = conflict.appointment;
        const QString from = formatTime(other.start.toLocalTime().time());
        const QString to = formatTime(other.end().toLocalTime().time());
        if (conflict.patientName.isEmpty()) {
            //: %1 provider, %2 and %3 times
            lines.append(tr("%1 already has a visit from %2 to %3.").arg(other.provider, from, to));
        } else {
            //: %1 provider, %2 and %3 times, %4 the other visit's patient
            lines.append(tr("%1 already has a visit from %2 to %3 (%4).")
                             .arg(other.provider, from, to, conflict.patientName));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void AppointmentDialog::accept()
{
    if (m_saving)
        return;
    const Appointment a = appointmentFromForm();
    Appointment moved = m_appointment;
    moved.start = a.start;
    moved.durationMinutes = a.durationMinutes;
    QFuture<StoreResult<Appointment>> saved;
    if (a.id == 0)
        saved = m_appointments->add(a);
    else if (a == moved) // only the time or length changed
        saved = m_appointments->reschedule(a.id, a.start, a.durationMinutes);
    else
        saved = m_appointments->update(a);

    m_saving = true;
    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    m_ui->messageLabel->hide();
    Async::whenReady(saved, this, [this, save](const StoreResult<Appointment> &result) {
        m_saving = false;
        save->setEnabled(true);
        if (!result) {
            m_ui->messageLabel->setText(result.error());
            m_ui->messageLabel->show();
            Q_EMIT saveFailed(result.error());
            return;
        }
        m_appointment = result.value();
        QDialog::accept();
    });
}
