// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/medicalrecordservice.h"

#include "services/clinical/ccdareader.h"
#include "services/clinical/fhirbundlereader.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace {
QByteArrayView start(const QByteArray &bytes)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\n' || view.front() == '\r'
                               || view.front() == '\t'))
        view = view.sliced(1);
    return view.first(qMin<qsizetype>(view.size(), 16));
}
} // namespace

MedicalRecordService::MedicalRecordService(Store *store, OutsideRecordsService *records,
                                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_records(records)
{
}

MedicalRecordService::~MedicalRecordService() = default;

OpenedDocument::Format MedicalRecordService::formatOf(const ClinicalDocument &document,
                                                      const QByteArray &bytes)
{
    const QString type = document.mimeType.toLower();
    const QByteArrayView head = start(bytes);
    // The bytes decide over the label: a network's "application/octet-stream" is common.
    if (head.startsWith("%PDF"))
        return OpenedDocument::Format::Pdf;
    if (head.startsWith("\x89PNG") || head.startsWith("\xFF\xD8\xFF") || head.startsWith("GIF8")
        || type.startsWith(QLatin1String("image/")))
        return OpenedDocument::Format::Image;
    if (head.startsWith("<") || type.contains(QLatin1String("xml")))
        return OpenedDocument::Format::Ccda;
    if (head.startsWith("{") || type.contains(QLatin1String("json")))
        return OpenedDocument::Format::Fhir;
    if (type.startsWith(QLatin1String("text/")))
        return OpenedDocument::Format::Text;
    return OpenedDocument::Format::Other;
}

ClinicalReadResult MedicalRecordService::read(const ClinicalDocument &document, const QByteArray &bytes)
{
    switch (formatOf(document, bytes)) {
    case OpenedDocument::Format::Ccda:
        return CcdaReader::read(bytes);
    case OpenedDocument::Format::Fhir:
        return FhirBundleReader::read(bytes);
    default:
        break;
    }
    ClinicalReadResult result;
    result.error.code = ClinicalReadError::Code::NotClinical;
    result.error.message = tr("This document is not a C-CDA or FHIR document.");
    return result;
}

QString MedicalRecordService::describe(const ClinicalDocument &document, const QByteArray &bytes)
{
    QJsonObject json;
    const OpenedDocument::Format format = formatOf(document, bytes);
    static const char *names[] = {"ccda", "fhir", "pdf", "image", "text", "other"};
    json.insert(QStringLiteral("format"), QLatin1String(names[int(format)]));
    if (format == OpenedDocument::Format::Ccda || format == OpenedDocument::Format::Fhir) {
        const ClinicalReadResult result = read(document, bytes);
        if (!result.ok()) {
            json.insert(QStringLiteral("error"), result.error.message);
        } else {
            for (ClinicalKind kind : {ClinicalKind::Allergy, ClinicalKind::Medication,
                                      ClinicalKind::Problem, ClinicalKind::Immunization,
                                      ClinicalKind::Result, ClinicalKind::VitalSign,
                                      ClinicalKind::Encounter, ClinicalKind::Procedure}) {
                json.insert(clinicalKindKey(kind), result.record.count(kind));
            }
            json.insert(QStringLiteral("unreadable"), result.record.unreadableCount());
            json.insert(QStringLiteral("sections"), int(result.record.sections.size()));
            if (!result.record.header.title.isEmpty())
                json.insert(QStringLiteral("title"), result.record.header.title);
        }
    }
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QFuture<OpenedDocument> MedicalRecordService::open(qint64 documentId)
{
    AccessControl *access = m_access;
    return m_records->openDocument(documentId).then(
        QtFuture::Launch::Async,
        [documentId, access](const StoreResult<std::optional<ClinicalDocument>> &found) {
            OpenedDocument opened;
            if (!found) {
                opened.error = found.error();
                return opened;
            }
            if (!*found) {
                opened.error = tr("The document %1 is no longer stored.").arg(documentId);
                return opened;
            }
            // Whose it is is known only now: the document is read only for who may.
            if (access && !access->can(Permission::Documents, (*found)->patientId)) {
                opened.error = access->refusal(Permission::Documents, (*found)->patientId);
                return opened;
            }
            opened.document = **found;
            if (!opened.document.isStored()) {
                opened.error = opened.document.lastError.isEmpty()
                    ? tr("This document has not been fetched yet.")
                    : tr("This document could not be fetched: %1").arg(opened.document.lastError);
                return opened;
            }
            opened.format = formatOf(opened.document, opened.document.content);
            if (opened.format == OpenedDocument::Format::Ccda
                || opened.format == OpenedDocument::Format::Fhir)
                opened.read = read(opened.document, opened.document.content);
            return opened;
        });
}

QFuture<StoreResult<ClinicalSummary>> MedicalRecordService::summary(qint64 patientId,
                                                                    const QDate &today) const
{
    if (m_access && !m_access->can(Permission::MedicalHistory, patientId))
        return AccessControl::refused<ClinicalSummary>(
            m_access->refusal(Permission::MedicalHistory, patientId));
    auto stored = m_store->read([patientId](const QString &connection) {
        return OutsideRecordRepository(connection).storedWithContent(patientId);
    });
    return stored.then(QtFuture::Launch::Async,
                       [today](const StoreResult<QList<ClinicalDocument>> &documents)
                           -> StoreResult<ClinicalSummary> {
                           if (!documents)
                               return StoreResult<ClinicalSummary>::failure(documents.error());
                           QList<ClinicalSummary::Input> inputs;
                           for (const ClinicalDocument &document : *documents) {
                               const auto format = formatOf(document, document.content);
                               if (format != OpenedDocument::Format::Ccda
                                   && format != OpenedDocument::Format::Fhir)
                                   continue;
                               ClinicalReadResult result = read(document, document.content);
                               if (!result.ok())
                                   continue;
                               ClinicalSummary::Input input;
                               input.source.documentId = document.id;
                               input.source.title = document.title.isEmpty() ? document.fileName
                                                                             : document.title;
                               input.source.date = document.documentDate.toString(Qt::ISODate);
                               input.record = std::move(result.record);
                               inputs.append(std::move(input));
                           }
                           return ClinicalSummary::build(inputs, today);
                       });
}
