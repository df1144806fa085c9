// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

/*!
  What a new password must be, per NIST SP 800-63B 5.1.1.2: at least 8 characters and up to 128
  (any characters, spaces and Unicode included), not a commonly used or breached password (the
  shipped list, also with digits or symbols only added around it), not the user's own name or
  the application's, not one character repeated nor a plain sequence. No composition rules (no
  "one upper case, one digit"): they make passwords worse, not stronger.
 */
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)
public:
    static constexpr int minLength = 8;
    static constexpr int maxLength = 128;

    //! Why the password cannot be used (translated), or an empty string when it can.
    static QString check(const QString &password, const QString &userName = {});
    //! Whether the list of common passwords has it (case does not matter).
    static bool isCommon(const QString &password);
};
