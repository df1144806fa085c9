// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/clinicaltext.h"
#include "services/domain/dateformats.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

QString ClinicalText::what(const ClinicalEntry &entry)
{
    if (entry.noKnown) {
        switch (entry.kind) {
        case ClinicalKind::Allergy:
            return tr("No known allergies");
        case ClinicalKind::Medication:
            return tr("No known medications");
        case ClinicalKind::Problem:
            return tr("No known problems");
        default:
            return tr("None known");
        }
    }
    QString name = entry.code.label();
    if (name.isEmpty())
        name = entry.text.simplified();
    if (!entry.readable)
        return name.isEmpty() ? tr("Could not be read") : tr("Could not be read: %1").arg(name);
    if (name.isEmpty())
        name = tr("(not named)");
    if (entry.negated) {
        switch (entry.kind) {
        case ClinicalKind::Immunization:
            return tr("Not given: %1").arg(name);
        case ClinicalKind::Problem:
        case ClinicalKind::Allergy:
            return tr("Ruled out: %1").arg(name);
        default:
            return tr("Not done: %1").arg(name);
        }
    }
    return name;
}

QString ClinicalText::details(const ClinicalEntry &entry)
{
    QStringList parts;
    switch (entry.kind) {
    case ClinicalKind::Allergy: {
        QStringList reactions;
        for (const ClinicalCode &reaction : entry.reactions)
            reactions.append(reaction.text());
        if (!reactions.isEmpty())
            parts.append(reactions.join(QStringLiteral(", ")));
        if (!entry.severity.isEmpty())
            parts.append(entry.severity);
        if (!entry.criticality.isEmpty())
            parts.append(tr("criticality %1").arg(entry.criticality));
        break;
    }
    case ClinicalKind::Medication:
        for (const QString &part : {entry.dose, entry.route, entry.frequency, entry.instructions}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        break;
    case ClinicalKind::Immunization:
        if (entry.negated && !entry.refusalReason.isEmpty())
            parts.append(tr("reason: %1").arg(entry.refusalReason));
        if (!entry.lotNumber.isEmpty())
            parts.append(tr("lot %1").arg(entry.lotNumber));
        break;
    case ClinicalKind::Result:
    case ClinicalKind::VitalSign: {
        QString value = entry.value;
        if (!entry.unit.isEmpty() && !value.isEmpty())
            value += u' ' + entry.unit;
        if (!value.isEmpty())
            parts.append(value);
        if (!entry.referenceRange.isEmpty())
            parts.append(tr("range %1").arg(entry.referenceRange));
        if (!entry.interpretation.isEmpty())
            parts.append(entry.interpretation);
        if (!entry.panel.isEmpty())
            parts.append(tr("in %1").arg(entry.panel));
        break;
    }
    case ClinicalKind::Problem:
        if (!entry.problemType.isEmpty())
            parts.append(entry.problemType);
        break;
    case ClinicalKind::Encounter:
    case ClinicalKind::Procedure: {
        if (!entry.performer.isEmpty())
            parts.append(entry.performer);
        if (!entry.location.isEmpty())
            parts.append(entry.location);
        QStringList diagnoses;
        for (const ClinicalCode &diagnosis : entry.diagnoses)
            diagnoses.append(diagnosis.text());
        if (!diagnoses.isEmpty())
            parts.append(diagnoses.join(QStringLiteral(", ")));
        break;
    }
    case ClinicalKind::Other:
        break;
    }
    if (!entry.readable && !entry.text.isEmpty() && entry.code.isEmpty())
        parts.append(entry.text.simplified().left(200));
    return parts.join(QStringLiteral(" · "));
}

QString ClinicalText::date(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    if (iso.size() == 4)
        return iso; // a year
    if (iso.size() == 7) {
        const QDate month = QDate::fromString(iso + QStringLiteral("-01"), Qt::ISODate);
        return month.isValid() ? DateFormats::displayLocale().toString(month, QStringLiteral("MMM yyyy")) : iso;
    }
    const QDate day = QDate::fromString(iso.left(10), Qt::ISODate);
    if (!day.isValid())
        return iso;
    return DateFormats::format(day);
}

QString ClinicalText::when(const ClinicalEntry &entry)
{
    const QString from = date(entry.start);
    const QString to = date(entry.end);
    if (from.isEmpty() && to.isEmpty())
        return {};
    if (to.isEmpty() || to == from)
        return from;
    if (from.isEmpty())
        return tr("until %1").arg(to);
    return tr("%1 – %2").arg(from, to);
}

QString ClinicalText::status(const ClinicalEntry &entry)
{
    const QString status = entry.status.toLower();
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("resolved"))
        return tr("Resolved");
    if (status == QLatin1String("inactive"))
        return tr("Inactive");
    if (status == QLatin1String("aborted") || status == QLatin1String("stopped"))
        return tr("Stopped");
    if (status == QLatin1String("new") || status == QLatin1String("pending"))
        return tr("Pending");
    return entry.status;
}
