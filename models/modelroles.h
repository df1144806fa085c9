// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

//! Custom roles shared by every ClinicDesk model.
namespace ModelRoles {
enum Role {
    IdRole = Qt::UserRole + 1, // qint64 row id (patient, coverage, verification, appointment)
    PatientIdRole,
    CoverageIdRole,
    StatusKeyRole, // stable status key ("verified", "failed" ...)
    SortRole,      // value used for sorting when display text would sort wrongly
    ValueRole,     // the raw typed value behind the display text
    FlashingRole,  // bool: the row just changed live (views paint a brief highlight)
};
}
