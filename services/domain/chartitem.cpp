// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/chartitem.h"

#include "services/domain/dateformats.h"

#include <QCoreApplication>
#include <QStringList>

QString chartKindCode(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Allergy:
        return QStringLiteral("allergy");
    case ChartKind::Medication:
        return QStringLiteral("medication");
    case ChartKind::Problem:
        return QStringLiteral("problem");
    }
    return QStringLiteral("allergy");
}

ChartKind chartKindFromCode(const QString &code)
{
    if (code == QLatin1String("medication"))
        return ChartKind::Medication;
    if (code == QLatin1String("problem"))
        return ChartKind::Problem;
    return ChartKind::Allergy;
}

QString chartKindTitle(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Allergy:
        return QCoreApplication::translate("Chart", "Allergies");
    case ChartKind::Medication:
        return QCoreApplication::translate("Chart", "Medications");
    case ChartKind::Problem:
        return QCoreApplication::translate("Chart", "Problems");
    }
    return {};
}

namespace {
//! An onset at the precision known: a day in the local format, a year or month as written.
QString onsetText(const QString &iso)
{
    if (iso.size() == 10) {
        const QDate day = QDate::fromString(iso, Qt::ISODate);
        if (day.isValid())
            return DateFormats::format(day);
    }
    return iso;
}
} // namespace

QString ChartItem::detailText() const
{
    QStringList parts;
    switch (kind) {
    case ChartKind::Allergy:
        parts << reaction << severity;
        if (!onset.isEmpty())
            parts << QCoreApplication::translate("Chart", "since %1").arg(onsetText(onset));
        break;
    case ChartKind::Medication:
        parts << dose << route << frequency;
        break;
    case ChartKind::Problem:
        if (!onset.isEmpty())
            parts << QCoreApplication::translate("Chart", "since %1").arg(onsetText(onset));
        break;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

QString ChartItem::label() const
{
    if (code.isEmpty())
        return display;
    const QString system = codeSystemName.isEmpty() ? codeSystem : codeSystemName;
    return QStringLiteral("%1 (%2 %3)").arg(display, system, code);
}

QString ChartItem::text() const
{
    const QString details = detailText();
    return details.isEmpty() ? label()
                             : QCoreApplication::translate("Chart", "%1 — %2").arg(label(), details);
}

QString reconcileChoiceCode(ReconcileChoice choice)
{
    switch (choice) {
    case ReconcileChoice::Accept:
        return QStringLiteral("accepted");
    case ReconcileChoice::Edit:
        return QStringLiteral("edited");
    case ReconcileChoice::Reject:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("accepted");
}

ReconcileChoice reconcileChoiceFromCode(const QString &code)
{
    if (code == QLatin1String("edited"))
        return ReconcileChoice::Edit;
    if (code == QLatin1String("rejected"))
        return ReconcileChoice::Reject;
    return ReconcileChoice::Accept;
}
