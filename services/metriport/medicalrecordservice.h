// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"
#include "services/clinical/clinicalsummary.h"
#include "services/domain/networklink.h"
#include "services/access/accesscontrol.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QFuture>
#include <QObject>

class OutsideRecordsService;
class Store;

//! A stored document as the viewer opens it: the row, its bytes, and what the readers made of it.
struct OpenedDocument
{
    ClinicalDocument document;
    enum class Format { Ccda, Fhir, Pdf, Image, Text, Other };
    Format format = Format::Other;
    ClinicalReadResult read; // for C-CDA and FHIR
    QString error;           // the document could not be opened at all
    bool ok() const { return error.isEmpty(); }
};

/*!
  Reading the outside records: a stored document opened for the viewer (audited, parsed off
  the UI thread by CcdaReader or FhirBundleReader, told apart by type and content), and the
  clinical summary merged over every stored document and consolidated bundle of a patient.
 */
class MedicalRecordService : public QObject
{
    Q_OBJECT
public:
    MedicalRecordService(Store *store, OutsideRecordsService *records, QObject *parent = nullptr);
    ~MedicalRecordService() override;
    //! Who may read: every call about a patient's records is refused with AccessControl's
    //! words when the signed-in person may not (null: no checks, for tests of this service).
    void setAccessControl(AccessControl *access) { m_access = access; }

    QFuture<OpenedDocument> open(qint64 documentId);
    QFuture<StoreResult<ClinicalSummary>> summary(qint64 patientId, const QDate &today) const;

    static OpenedDocument::Format formatOf(const ClinicalDocument &document, const QByteArray &bytes);
    //! C-CDA or FHIR by format; an error result for other formats.
    static ClinicalReadResult read(const ClinicalDocument &document, const QByteArray &bytes);
    //! What a document holds, as the JSON text DocumentFetcher stores with it:
    //! {"format":"ccda","allergy":2,…,"unreadable":0} or {"format":"pdf"}, {"error":"…"}.
    static QString describe(const ClinicalDocument &document, const QByteArray &bytes);

private:
    Store *m_store;
    OutsideRecordsService *m_records;
    AccessControl *m_access = nullptr;
};
