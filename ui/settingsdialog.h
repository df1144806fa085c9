// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/desksettings.h"
#include "services/domain/claim.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <memory>

class PayorConnection;
class QNetworkAccessManager;
struct PayorCheck;

namespace Ui {
class SettingsDialog;
}

//! File > Settings…: the clearinghouse (empty for training), the clinic printed on reports and
//! sent as the provider, the verification timings, the visit fees what to collect is estimated
//! from, the payor claims go to (with Test Connection) and its insurance-ID mappings, and the
//! hub. Validates before saving.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const DeskSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    DeskSettings settings() const;
    void accept() override;

    //! Where Test Connection and Get from Payor go when the address is left empty (training:
    //! the sandbox payor).
    struct PayorFallback
    {
        QUrl url;
        QString apiKey;
        QString providerId;
    };
    //! Enables Test Connection and Get from Payor.
    void setPayorAccess(QNetworkAccessManager *network, const PayorFallback &fallback);
    void setMappings(const QList<PayorMapping> &mappings);
    //! The mapping table as edited (insurance IDs upper case).
    QList<PayorMapping> mappings() const;
    //! Insurance IDs that were listed when the dialog opened and were removed.
    QStringList removedMappings() const;
    //! Runs Test Connection with what the fields say (tests call it).
    void testConnection();

Q_SIGNALS:
    void connectionTested(const PayorCheck &result);

private:
    void addFeeRow(const VisitFee &fee);
    QList<VisitFee> visitFees() const;
    void addMappingRow(const PayorMapping &mapping);
    PayorConnection *newConnection();
    void fetchMappings();
    QStringList mappingProblems() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    DeskSettings m_initial; // what the dialog does not edit is kept as it was
    QNetworkAccessManager *m_network = nullptr;
    PayorFallback m_fallback;
    QStringList m_initialMappings;
    QPointer<PayorConnection> m_connection;
};
