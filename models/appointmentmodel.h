// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"

#include <QAbstractTableModel>
#include <QList>

class AppointmentService;

/*!
  A patient's upcoming visits (from the start of today, in order of start), read through the
  AppointmentService on the store's workers. Follows the service live, row by row: a booked
  visit is inserted in its place, a rescheduled one moves, an edited one changes in place and a
  cancelled one leaves the list (or stays, marked cancelled, with CancelledVisits::Include).
  Only a change of patient resets the model, so selection and scroll position stay.
 */
class AppointmentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        TimeColumn,
        ProviderColumn,
        VisitTypeColumn,
        DurationColumn,
        StatusColumn,
        NotesColumn,
        ColumnCount
    };

    explicit AppointmentModel(AppointmentService *appointments, QObject *parent = nullptr);

    //! Lists this patient's visits (0: none); loaded() follows.
    void setPatient(qint64 patientId);
    qint64 patientId() const { return m_patientId; }
    //! Whether cancelled visits stay listed, marked cancelled (Include), or leave (Exclude,
    //! the default). Reads the list again.
    void setCancelledVisits(CancelledVisits cancelled);
    CancelledVisits cancelledVisits() const { return m_cancelled; }
    //! Reads the visits again; rows that stayed are updated in place, no reset.
    void reload();
    bool isLoading() const { return m_loading; }
    //! Why the visits could not be read; empty when fine.
    QString errorString() const { return m_error; }
    Appointment appointmentAt(int row) const { return m_rows.value(row); }
    int rowOfAppointment(qint64 appointmentId) const;

    //! "Scheduled", "Checked in", "Completed", "Cancelled", "No-show".
    static QString statusText(AppointmentStatus status);
    //! "30 min".
    static QString durationText(int minutes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! The visits were read (or could not be: see errorString()).
    void loaded();

private:
    void apply(const QList<Appointment> &rows);
    //! A visit saved or cancelled elsewhere: inserted, moved, updated or removed.
    void follow(const Appointment &appointment);
    //! Puts `appointment` in its place by start: inserts, or moves and updates its row.
    void put(const Appointment &appointment);
    void removeAt(int row);
    //! Where `appointment` goes among the rows other than `skipRow`.
    int placeFor(const Appointment &appointment, int skipRow) const;

    AppointmentService *m_appointments;
    qint64 m_patientId = 0;
    CancelledVisits m_cancelled = CancelledVisits::Exclude;
    QList<Appointment> m_rows;
    QList<Appointment> m_changedWhileLoading; // replayed over a read that may predate them
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
};
