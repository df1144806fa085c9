// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/networklink.h"

#include <QAbstractTableModel>

class OutsideRecordsService;

/*!
  A patient's outside documents as the network announced them: title, type, date, source and
  where each stands (fetched, waiting, failed with its reason), with what the reader found.
  Read on the store's workers; reloads when the service says the patient's documents changed,
  so documents appear as they arrive.
 */
class OutsideDocumentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, TypeColumn, DateColumn, SourceColumn, StatusColumn, ContentsColumn,
                  ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, StoredRole, FailedRole };

    explicit OutsideDocumentModel(OutsideRecordsService *records, QObject *parent = nullptr);

    void setPatient(qint64 patientId);
    qint64 patientId() const { return m_patientId; }
    void reload();
    QString errorString() const { return m_error; }
    ClinicalDocument documentAt(int row) const { return m_rows.value(row); }
    int storedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! "2 allergies, 5 medications, 1 unreadable" from the stored description; "PDF" etc.
    static QString contentsText(const QString &parsed);
    static QString statusText(const ClinicalDocument &document);

Q_SIGNALS:
    void loaded();

private:
    OutsideRecordsService *m_records;
    qint64 m_patientId = 0;
    quint64 m_generation = 0;
    QList<ClinicalDocument> m_rows;
    QString m_error;
};
