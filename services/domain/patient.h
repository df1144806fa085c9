// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

//! Sex assigned at birth, as X12 DMG03 and our forms know it.
enum class Gender { Unknown, Female, Male };

QString genderCode(Gender gender);          // "F", "M", "U"
Gender genderFromCode(const QString &code); // tolerant: "f", "Female" ...

//! The form of a name that search and sorting use: case-folded and without accents, so "alv"
//! finds "Álvarez" and it sorts among the A's rather than after Z.
QString nameKey(const QString &name);

struct Address
{
    QString line1;
    QString line2;
    QString city;
    QString state; // two-letter code
    QString zip;

    bool isEmpty() const { return line1.isEmpty() && city.isEmpty() && zip.isEmpty(); }
    bool operator==(const Address &) const = default;
};

struct Patient
{
    qint64 id = 0;
    QString mrn;
    QString firstName;
    QString middleName;
    QString lastName;
    QDate dateOfBirth;
    Gender gender = Gender::Unknown;
    Address address;
    QString phone;
    QString email;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    //! "Last, First M" as lists and reports show it.
    QString displayName() const;
    //! "First Last" for sentences.
    QString fullName() const;
    bool operator==(const Patient &) const = default;
};
