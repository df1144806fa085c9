// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"
#include "services/store/storeerror.h"

#include <QList>
#include <QStringList>
#include <QString>

#include <atomic>
#include <optional>

//! Where a page of patients in name order ends: the next page starts after it.
struct PatientCursor
{
    QString lastNameKey;
    QString firstNameKey;
    qint64 id = 0;
    bool operator==(const PatientCursor &) const = default;
};

//! A patient with the member IDs of their coverages (for duplicate checks).
struct PatientWithMemberIds
{
    Patient patient;
    QStringList memberIds;
};

//! A page of patients in name order (last, first, id).
struct PatientSearchResult
{
    QList<Patient> patients;
    bool hasMore = false; //!< more patients match after the last one
    PatientCursor next;   //!< where the next page starts (the last patient's keys)
};

class PatientRepository
{
public:
    explicit PatientRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Inserts (id == 0) or updates; returns the stored patient with id and timestamps set.
    //! An empty MRN gets a generated one ("MRN" + 6 digits).
    StoreResult<Patient> save(const Patient &patient);
    //! The patient, or no value when there is none with that id.
    StoreResult<std::optional<Patient>> find(qint64 id) const;
    StoreResult<std::optional<Patient>> findByMrn(const QString &mrn) const;
    //! The patients with these ids (those that exist), in no particular order.
    StoreResult<QList<Patient>> findMany(const QList<qint64> &ids) const;

    /*!
      As-you-type search, one page at a time in name order. Each word must match the start of
      the last or first name (case and accents ignored), of the MRN or of a member ID of the
      patient's coverages, or be the date of birth (YYYY-MM-DD, or as the language writes dates:
      DateFormats::parse), or the year of birth: four digits alone from 1800 to 2199 ("1996").
      A year is still also a prefix of names and member IDs (a member ID may start with
      digits); it never clashes with MRNs, which start with letters ("MRN000013"). Dates and
      years are ranges on the date-of-birth index. An empty text pages through every patient.
      Every query is an index range that stops once the page is full, so the cost does not grow
      with the number of patients. When `cancelled` turns true the search stops early (its
      result is then of no use).
     */
    StoreResult<PatientSearchResult>
    search(const QString &text, int limit = 100,
           const std::optional<PatientCursor> &after = std::nullopt,
           const std::atomic_bool *cancelled = nullptr) const;
    StoreResult<QList<Patient>> all() const; // ordered by last, first name (small databases)

    /*!
      The block of a duplicate check: patients born on `dateOfBirth` whose sex is `gender` or
      not recorded (every sex when `gender` is Unknown), except `exceptId` and patients merged
      into another, with their coverages' member IDs. One seek on patients_birth_sex; at most
      `limit` patients.
     */
    StoreResult<QList<PatientWithMemberIds>> sameBirth(const QDate &dateOfBirth, Gender gender,
                                                       qint64 exceptId = 0,
                                                       int limit = 500) const;
    //! The member IDs of a patient's coverages.
    StoreResult<QStringList> memberIds(qint64 patientId) const;
    //! The patient this one was merged into, or 0 when it was not merged.
    StoreResult<qint64> mergedInto(qint64 patientId) const;
    StoreResult<int> count() const;
    //! True when there is at least one patient (without counting them all).
    StoreResult<bool> isEmpty() const;

    //! Inserts every patient (ids must be 0) in one transaction: all or nothing. For seeding
    //! training data and imports. The error names the first rejected patient by its position.
    StoreResult<QList<Patient>> insertMany(const QList<Patient> &patients);

    //! The cursor just after `patient` in name order.
    static PatientCursor cursorAfter(const Patient &patient);

private:
    QString m_connection;
};
