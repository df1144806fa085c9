// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/visitfee.h"

#include <QCoreApplication>

namespace VisitFees {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VisitFees)
};
} // namespace

QList<VisitFee> defaults()
{
    // The names match what the appointment form offers in the same language.
    return {
        {Tr::tr("Follow-up"), QStringLiteral("98"), 15000},
        {Tr::tr("New patient"), QStringLiteral("98"), 25000},
        {Tr::tr("Annual physical"), QStringLiteral("81"), 27500},
        {Tr::tr("Sick visit"), QStringLiteral("98"), 15000},
        {Tr::tr("Lab review"), QStringLiteral("98"), 10000},
        {Tr::tr("Vaccines"), QStringLiteral("80"), 6000},
        {Tr::tr("Chronic care"), QStringLiteral("98"), 17500},
        {Tr::tr("Well child visit"), QStringLiteral("81"), 20000},
    };
}
} // namespace VisitFees
