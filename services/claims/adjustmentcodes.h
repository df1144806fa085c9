// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

/*!
  What the codes of a remittance mean: the adjustment groups (CO, PR, OA, PI), Claim
  Adjustment Reason Codes (CARC) and Remittance Advice Remark Codes (RARC). The descriptions
  come from a data file (`resources/claims/adjustment-codes.json`, built in as
  `:/claims/adjustment-codes.json`) that names the release of the code lists it follows, so
  that updating them is a data change. A value: load it once and hand it to whoever shows
  remittances.
 */
class AdjustmentCodes
{
public:
    static constexpr const char *resourcePath = ":/claims/adjustment-codes.json";

    //! The built-in list. An empty list (that says so in describe()) if the resource is damaged,
    //! which a test guards against.
    static AdjustmentCodes builtIn();
    //! From the JSON of the data file; nothing, and why in error, when it is not one.
    static std::optional<AdjustmentCodes> fromJson(const QByteArray &json,
                                                   QString *error = nullptr);

    //! The code-list release the descriptions follow ("2024-03-01").
    QString version() const { return m_version; }
    int carcCount() const { return int(m_carcs.size()); }
    int rarcCount() const { return int(m_rarcs.size()); }

    //! "Contractual Obligation" for CO; the code itself when unknown.
    QString groupName(const QString &group) const;
    //! The description, or an empty string when the code is not in the list.
    QString carc(const QString &code) const;
    QString rarc(const QString &code) const;

    //! A sentence for the screen: "Contractual Obligation (CO-45): The charge is above …";
    //! for a code not in the list, "Reason code 999 (not in the code list version 2024-03-01)".
    QString describe(const QString &group, const QString &reason) const;
    //! "N130: See the plan's benefit documents …", or "Remark code X (not in …)".
    QString describeRemark(const QString &code) const;

private:
    QString m_version;
    QHash<QString, QString> m_groups;
    QHash<QString, QString> m_carcs;
    QHash<QString, QString> m_rarcs;
};
