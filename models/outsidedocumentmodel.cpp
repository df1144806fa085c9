// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outsidedocumentmodel.h"

#include "services/clinical/clinicalrecord.h"
#include "services/common/async.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/domain/dateformats.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

OutsideDocumentModel::OutsideDocumentModel(OutsideRecordsService *records, QObject *parent)
    : QAbstractTableModel(parent)
    , m_records(records)
{
    if (m_records) {
        connect(m_records, &OutsideRecordsService::documentsChanged, this, [this](qint64 patientId) {
            if (patientId == m_patientId)
                reload();
        });
    }
}

void OutsideDocumentModel::setPatient(qint64 patientId)
{
    if (patientId == m_patientId)
        return;
    m_patientId = patientId;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    reload();
}

void OutsideDocumentModel::reload()
{
    if (!m_records || m_patientId == 0) {
        Q_EMIT loaded();
        return;
    }
    const quint64 generation = ++m_generation;
    Async::whenReady(m_records->documents(m_patientId), this,
                     [this, generation](const StoreResult<QList<ClinicalDocument>> &result) {
                         if (generation != m_generation)
                             return; // another patient or a newer read meanwhile
                         m_error = result ? QString() : result.error();
                         beginResetModel();
                         m_rows = result ? *result : QList<ClinicalDocument>();
                         endResetModel();
                         Q_EMIT loaded();
                     });
}

int OutsideDocumentModel::storedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const ClinicalDocument &d) { return d.isStored(); }));
}

int OutsideDocumentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutsideDocumentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutsideDocumentModel::contentsText(const QString &parsed)
{
    const QJsonObject json = QJsonDocument::fromJson(parsed.toUtf8()).object();
    if (json.isEmpty())
        return {};
    if (json.contains(QStringLiteral("error")))
        return tr("Could not be read: %1").arg(json.value(QStringLiteral("error")).toString());
    const QString format = json.value(QStringLiteral("format")).toString();
    if (format == QLatin1String("pdf"))
        return tr("PDF");
    if (format == QLatin1String("image"))
        return tr("Image");
    if (format == QLatin1String("text"))
        return tr("Text");
    QStringList parts;
    const struct
    {
        ClinicalKind kind;
        const char *text;
    } kinds[] = {{ClinicalKind::Allergy, QT_TR_N_NOOP("%n allergies")},
                 {ClinicalKind::Medication, QT_TR_N_NOOP("%n medications")},
                 {ClinicalKind::Problem, QT_TR_N_NOOP("%n problems")},
                 {ClinicalKind::Immunization, QT_TR_N_NOOP("%n immunizations")},
                 {ClinicalKind::Result, QT_TR_N_NOOP("%n results")},
                 {ClinicalKind::VitalSign, QT_TR_N_NOOP("%n vital signs")},
                 {ClinicalKind::Encounter, QT_TR_N_NOOP("%n encounters")},
                 {ClinicalKind::Procedure, QT_TR_N_NOOP("%n procedures")}};
    for (const auto &item : kinds) {
        const int n = json.value(clinicalKindKey(item.kind)).toInt();
        if (n > 0)
            parts.append(tr(item.text, nullptr, n));
    }
    const int unreadable = json.value(QStringLiteral("unreadable")).toInt();
    if (unreadable > 0)
        parts.append(tr("%n could not be read", nullptr, unreadable));
    if (parts.isEmpty())
        return tr("Text only, no coded entries");
    return parts.join(QStringLiteral(", "));
}

QString OutsideDocumentModel::statusText(const ClinicalDocument &document)
{
    switch (document.status) {
    case ClinicalDocumentStatus::Stored:
        return tr("Received");
    case ClinicalDocumentStatus::Announced:
        return tr("Fetching…");
    case ClinicalDocumentStatus::Failed:
        return document.nextAttemptAt.isValid()
            ? tr("Failed, trying again at %1: %2")
                  .arg(QLocale().toString(document.nextAttemptAt.toLocalTime().time(),
                                          QLocale::ShortFormat),
                       document.lastError)
            : tr("Failed: %1").arg(document.lastError);
    }
    return {};
}

QVariant OutsideDocumentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ClinicalDocument &document = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return document.title.isEmpty() ? document.fileName : document.title;
        case TypeColumn:
            if (document.kind == ClinicalDocumentKind::Consolidated)
                return tr("FHIR data");
            return document.typeDisplay.isEmpty() ? document.mimeType : document.typeDisplay;
        case DateColumn:
            return document.documentDate.isValid()
                ? DateFormats::format(document.documentDate.toLocalTime().date())
                : QString();
        case SourceColumn:
            return document.source;
        case StatusColumn:
            return statusText(document);
        case ContentsColumn:
            return contentsText(document.parsed);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !document.lastError.isEmpty())
            return document.lastError;
        if (index.column() == TitleColumn)
            return document.fileName;
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && document.status == ClinicalDocumentStatus::Failed)
            return QBrush(QColor(0xb0, 0x23, 0x23));
        break;
    case DocumentIdRole:
        return document.id;
    case StoredRole:
        return document.isStored();
    case FailedRole:
        return document.status == ClinicalDocumentStatus::Failed;
    }
    return {};
}

QVariant OutsideDocumentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case TypeColumn:
        return tr("Type");
    case DateColumn:
        return tr("Date");
    case SourceColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    case ContentsColumn:
        return tr("Contents");
    }
    return {};
}
