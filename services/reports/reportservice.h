// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/reports/reportdata.h"
#include "services/reports/reportprinter.h"
#include "services/store/audittrail.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QObject>

class EligibilityService;
class Store;

/*!
  The printed reports: the data of a patient's verification report and of a day sheet (read on
  the store's workers), their HTML and print options, and the audit of every preview, print and
  export (recorded before the report leaves the screen; a record that cannot be written
  refuses the output).
 */
class ReportService : public QObject
{
    Q_OBJECT
public:
    enum class Output { Preview, Print, Export };
    Q_ENUM(Output)

    ReportService(Store *store, EligibilityService *eligibility, ClinicInfo clinic, bool training,
                  QString user, QObject *parent = nullptr);

    const ClinicInfo &clinic() const { return m_clinic; }
    bool isTraining() const { return m_training; }

    //! A patient with each coverage and its latest answer (effective status applied).
    QFuture<StoreResult<VerificationReportData>> verificationReport(qint64 patientId) const;
    //! A day's appointments with their coverage status.
    QFuture<StoreResult<DaySheetData>> daySheet(const QDate &day) const;

    static ReportPrinter::Options printOptions(const VerificationReportData &data);
    static ReportPrinter::Options printOptions(const DaySheetData &data);

    //! Records a preview, print or export of a patient's report (entity patient) or of a day
    //! sheet (entity day_sheet, the day as yyyymmdd). The error says the output is refused.
    QFuture<StoreResult<qint64>> recordOutput(Output output, const VerificationReportData &data);
    QFuture<StoreResult<qint64>> recordOutput(Output output, const DaySheetData &data);

    //! Records the export, then writes the PDF (owner-only: it holds PHI). The path, or why not.
    QFuture<StoreResult<QString>> exportPdf(const VerificationReportData &data,
                                            const QString &path);
    QFuture<StoreResult<QString>> exportPdf(const DaySheetData &data, const QString &path);

private:
    template<typename Data>
    QFuture<StoreResult<QString>> exportReport(const Data &data, const QString &html,
                                               const QString &path);
    AuditTrail audit() const { return AuditTrail(m_store, m_user); }
    QFuture<StoreResult<qint64>> record(const AuditTrail::Entry &entry);

    Store *m_store;
    EligibilityService *m_eligibility;
    ClinicInfo m_clinic;
    bool m_training;
    QString m_user;
};
