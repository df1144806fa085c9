// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class CcdaTree;

/*!
  The rules that read C-CDA entries (and header parts) from a CcdaTree: codes with their
  fallbacks, times as ISO text, people's names, and one ClinicalEntry per statement of each
  section kind. An entry that does not fit its kind is kept as not readable, with its words.
 */
class CcdaEntries
{
public:
    CcdaEntries(const CcdaTree &tree, const QHash<QString, QString> &narrativeIds);

    //! The kind of a section from its LOINC code or its templateIds; Other when unknown.
    static ClinicalKind sectionKind(const QString &loinc, const QStringList &templateIds);
    //! C-CDA TS → ISO 8601 at the precision given ("20190304103000-0500" →
    //! "2019-03-04T10:30:00-05:00"); text that is not a TS is returned as it was.
    static QString isoTime(QStringView ts);

    //! Reads the `<entry>` at the tree's root into `out` (one or more entries).
    void read(ClinicalKind sectionKind, QList<ClinicalEntry> &out) const;

    ClinicalCode code(int node) const;
    //! "Given Family Suffix", or the name's own text when it has no parts.
    QString personName(int nameNode) const;
    //! "root^extension", or root alone.
    QString identifier(int idNode) const;
    //! The words a `text` or `originalText` element gives: its #reference resolved, else its text.
    QString words(int node, QString *reference = nullptr) const;

private:
    void readAllergies(int statement, QList<ClinicalEntry> &out) const;
    ClinicalEntry allergy(int observation, int concern) const;
    void readMedications(int statement, QList<ClinicalEntry> &out) const;
    ClinicalEntry medication(int administration) const;
    void readProblems(int statement, QList<ClinicalEntry> &out) const;
    ClinicalEntry problem(int observation, int concern) const;
    ClinicalEntry immunization(int administration) const;
    void readResults(int statement, ClinicalKind kind, QList<ClinicalEntry> &out) const;
    ClinicalEntry result(int observation, ClinicalKind kind, const QString &panel,
                         int organizer) const;
    ClinicalEntry encounter(int statement) const;
    ClinicalEntry procedure(int statement) const;
    ClinicalEntry other(int statement) const;

    ClinicalEntry start(int statement, ClinicalKind kind) const;
    void finish(ClinicalEntry &entry) const;
    ClinicalEntry unreadable(int statement, ClinicalKind kind, const QString &why) const;
    void times(int statement, QString &start, QString &end) const;
    QString valueText(int value, QString *unit) const;
    QString performer(int statement) const;
    QString status(int statement) const;
    bool negated(int statement) const;
    //! Observations under entryRelationship children of `statement`.
    QList<int> related(int statement, QLatin1StringView element) const;

    const CcdaTree &m_tree;
    const QHash<QString, QString> &m_ids;
};
