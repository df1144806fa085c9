// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/clinicalsummarymodel.h"

#include "models/clinicaltext.h"
#include "services/common/async.h"
#include "services/metriport/medicalrecordservice.h"

#include <QFont>

namespace {
// Category rows carry this in their internal id; lines carry their category's row + 1.
constexpr quintptr categoryId = 0;
} // namespace

ClinicalSummaryModel::ClinicalSummaryModel(MedicalRecordService *records, QObject *parent)
    : QAbstractItemModel(parent)
    , m_records(records)
{
    rebuild();
}

QList<ClinicalKind> ClinicalSummaryModel::categories()
{
    return {ClinicalKind::Allergy,      ClinicalKind::Medication, ClinicalKind::Problem,
            ClinicalKind::Immunization, ClinicalKind::Result,     ClinicalKind::VitalSign};
}

QString ClinicalSummaryModel::categoryTitle(ClinicalKind kind)
{
    switch (kind) {
    case ClinicalKind::Allergy:
        return tr("Allergies");
    case ClinicalKind::Medication:
        return tr("Active Medications");
    case ClinicalKind::Problem:
        return tr("Active Problems");
    case ClinicalKind::Immunization:
        return tr("Immunizations");
    case ClinicalKind::Result:
        return tr("Recent Results");
    case ClinicalKind::VitalSign:
        return tr("Recent Vital Signs");
    default:
        return clinicalKindTitle(kind);
    }
}

void ClinicalSummaryModel::setPatient(qint64 patientId)
{
    m_patientId = patientId;
    setSummary({});
    reload();
}

void ClinicalSummaryModel::reload()
{
    if (!m_records || m_patientId == 0)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Async::whenReady(m_records->summary(m_patientId, QDate::currentDate()), this,
                     [this, generation](const StoreResult<ClinicalSummary> &result) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = result ? QString() : result.error();
                         setSummary(result ? *result : ClinicalSummary());
                         Q_EMIT loaded();
                     });
}

void ClinicalSummaryModel::setSummary(const ClinicalSummary &summary)
{
    beginResetModel();
    m_summary = summary;
    rebuild();
    endResetModel();
}

QList<ClinicalSummaryModel::Line> ClinicalSummaryModel::linesOf(ClinicalKind kind) const
{
    QList<Line> lines;
    for (const SummaryItem &item : m_summary.items(kind))
        lines.append({item.entry, item.sources});
    if (kind == ClinicalKind::Allergy && !m_summary.noKnownAllergies.isEmpty()) {
        ClinicalEntry none;
        none.kind = ClinicalKind::Allergy;
        none.noKnown = true;
        lines.append({none, m_summary.noKnownAllergies});
    }
    return lines;
}

void ClinicalSummaryModel::rebuild()
{
    m_lines.clear();
    for (ClinicalKind kind : categories())
        m_lines.append(linesOf(kind));
}

QModelIndex ClinicalSummaryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_lines.size() ? createIndex(row, column, categoryId) : QModelIndex();
    if (parent.internalId() != categoryId || parent.row() >= m_lines.size())
        return {};
    if (row >= m_lines.at(parent.row()).size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ClinicalSummaryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == categoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, categoryId);
}

int ClinicalSummaryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_lines.size());
    if (parent.internalId() != categoryId || parent.column() != 0)
        return 0;
    return int(m_lines.value(parent.row()).size());
}

int ClinicalSummaryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ClinicalSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == categoryId) {
        const ClinicalKind kind = categories().value(index.row());
        const QList<Line> &lines = m_lines.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() != WhatColumn)
                return {};
            {
                const int count = int(std::count_if(lines.cbegin(), lines.cend(),
                                                    [](const Line &l) { return !l.entry.noKnown; }));
                return count > 0 ? tr("%1 (%2)").arg(categoryTitle(kind)).arg(count)
                                 : tr("%1: none found").arg(categoryTitle(kind));
            }
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case KindRole:
            return int(kind);
        case IsCategoryRole:
            return true;
        }
        return {};
    }
    const int category = int(index.internalId() - 1);
    const Line &line = m_lines.at(category).at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhatColumn:
            return ClinicalText::what(line.entry);
        case DetailsColumn:
            return ClinicalText::details(line.entry);
        case DateColumn:
            return ClinicalText::when(line.entry);
        case StatusColumn:
            return ClinicalText::status(line.entry);
        case SourcesColumn: {
            QStringList titles;
            for (const SummarySource &source : line.sources)
                titles.append(source.title);
            return titles.join(QStringLiteral("; "));
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SourcesColumn)
            return tr("From %n documents", nullptr, int(line.sources.size()));
        if (index.column() == WhatColumn)
            return line.entry.text.isEmpty() ? ClinicalText::what(line.entry) : line.entry.text.left(500);
        if (index.column() == DetailsColumn)
            return ClinicalText::details(line.entry);
        break;
    case KindRole:
        return int(line.entry.kind);
    case IsCategoryRole:
        return false;
    case DocumentIdsRole: {
        QVariantList ids;
        for (const SummarySource &source : line.sources)
            ids.append(source.documentId);
        return ids;
    }
    }
    return {};
}

QVariant ClinicalSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn:
        return tr("What");
    case DetailsColumn:
        return tr("Details");
    case DateColumn:
        return tr("Date");
    case StatusColumn:
        return tr("Status");
    case SourcesColumn:
        return tr("From");
    }
    return {};
}
