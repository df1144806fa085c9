// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDate>
#include <QString>

//! Coordination-of-benefits order of a coverage.
enum class CoverageOrder { Primary = 1, Secondary = 2, Tertiary = 3 };

//! The patient's relationship to the subscriber (X12 INS02 / PAT01).
enum class SubscriberRelationship { Self, Spouse, Child, Other };

QString relationshipCode(SubscriberRelationship relationship); // X12: 18, 01, 19, G8
SubscriberRelationship relationshipFromCode(const QString &code);
QString coverageOrderName(CoverageOrder order); // translated "Primary", ...

//! A payer we can send eligibility requests to.
struct Payer
{
    QString id;   // X12 payer id (NM109 of 2100A), e.g. "INS001"
    QString name; // "BlueCross BlueShield"
    bool operator==(const Payer &) const = default;
};

//! The subscriber of a coverage when the patient is a dependent.
struct Subscriber
{
    QString firstName;
    QString lastName;
    QDate dateOfBirth;
    Gender gender = Gender::Unknown;
    bool operator==(const Subscriber &) const = default;
};

struct Coverage
{
    qint64 id = 0;
    qint64 patientId = 0;
    QString payerId;
    QString payerName;
    QString memberId;
    QString groupNumber;
    QString planName;
    CoverageOrder order = CoverageOrder::Primary;
    SubscriberRelationship relationship = SubscriberRelationship::Self;
    Subscriber subscriber; // used only when relationship != Self
    bool active = true;
    QDate effectiveDate;   // may be null
    QDate terminationDate; // may be null

    bool patientIsSubscriber() const { return relationship == SubscriberRelationship::Self; }
    bool operator==(const Coverage &) const = default;
};
