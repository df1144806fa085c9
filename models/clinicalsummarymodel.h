// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"

#include <QAbstractItemModel>

class MedicalRecordService;

/*!
  The clinical summary as a tree: one row per category (Allergies (2), Active Medications (5),
  …) with its lines below — what, details, date, status and every document it came from.
  "No known allergies" shows as its own line under Allergies, never counted. Built off the UI
  thread by MedicalRecordService; reload() when documents arrive.
 */
class ClinicalSummaryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { WhatColumn, DetailsColumn, DateColumn, StatusColumn, SourcesColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, DocumentIdsRole, IsCategoryRole };

    explicit ClinicalSummaryModel(MedicalRecordService *records, QObject *parent = nullptr);

    void setPatient(qint64 patientId);
    void reload();
    //! Shows a summary built elsewhere (tests, print).
    void setSummary(const ClinicalSummary &summary);
    const ClinicalSummary &summary() const { return m_summary; }
    QString errorString() const { return m_error; }
    bool isLoading() const { return m_loading; }

    //! The categories in the order shown.
    static QList<ClinicalKind> categories();
    static QString categoryTitle(ClinicalKind kind);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();

private:
    struct Line
    {
        ClinicalEntry entry;
        QList<SummarySource> sources;
    };
    QList<Line> linesOf(ClinicalKind kind) const;
    void rebuild();

    MedicalRecordService *m_records;
    qint64 m_patientId = 0;
    quint64 m_generation = 0;
    bool m_loading = false;
    ClinicalSummary m_summary;
    QList<QList<Line>> m_lines; // per category
    QString m_error;
};
