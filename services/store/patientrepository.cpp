// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/patientrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"
#include "services/domain/dateformats.h"

#include <QSet>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString patientColumns = QStringLiteral(
    "p.id, p.mrn, p.first_name, p.middle_name, p.last_name, p.date_of_birth, p.gender, "
    "p.address_line1, p.address_line2, p.city, p.state, p.zip, p.phone, p.email, p.created_at, "
    "p.updated_at");
const QString nameOrder = QStringLiteral(" ORDER BY p.last_name_key, p.first_name_key, p.id");

Patient readPatient(const QSqlQuery &query)
{
    Patient patient;
    patient.id = query.value(0).toLongLong();
    patient.mrn = query.value(1).toString();
    patient.firstName = query.value(2).toString();
    patient.middleName = query.value(3).toString();
    patient.lastName = query.value(4).toString();
    patient.dateOfBirth = SqlValues::toDate(query.value(5));
    patient.gender = genderFromCode(query.value(6).toString());
    patient.address.line1 = query.value(7).toString();
    patient.address.line2 = query.value(8).toString();
    patient.address.city = query.value(9).toString();
    patient.address.state = query.value(10).toString();
    patient.address.zip = query.value(11).toString();
    patient.phone = query.value(12).toString();
    patient.email = query.value(13).toString();
    patient.createdAt = SqlValues::toTimestamp(query.value(14));
    patient.updatedAt = SqlValues::toTimestamp(query.value(15));
    return patient;
}

QList<Patient> readPatients(QSqlQuery &query)
{
    QList<Patient> patients;
    while (query.next())
        patients.append(readPatient(query));
    return patients;
}

Patient normalized(Patient patient)
{
    patient.mrn = patient.mrn.trimmed();
    patient.firstName = patient.firstName.trimmed();
    patient.middleName = patient.middleName.trimmed();
    patient.lastName = patient.lastName.trimmed();
    patient.address.line1 = patient.address.line1.trimmed();
    patient.address.line2 = patient.address.line2.trimmed();
    patient.address.city = patient.address.city.trimmed();
    patient.address.state = patient.address.state.trimmed().toUpper();
    patient.address.zip = patient.address.zip.trimmed();
    patient.phone = patient.phone.trimmed();
    patient.email = patient.email.trimmed();
    return patient;
}

//! Why `patient` (already normalized) cannot be stored; empty when it can.
QString validationError(const Patient &patient)
{
    if (patient.lastName.isEmpty())
        return QCoreApplication::translate("Store", "Enter the patient's last name.");
    if (!patient.dateOfBirth.isValid())
        return QCoreApplication::translate("Store", "Enter the patient's date of birth.");
    if (patient.dateOfBirth > QDate::currentDate())
        return QCoreApplication::translate("Store", "The date of birth cannot be in the future.");
    static const QRegularExpression stateCode(QStringLiteral("^[A-Z]{2}$"));
    if (!patient.address.state.isEmpty() && !stateCode.match(patient.address.state).hasMatch()) {
        return QCoreApplication::translate(
            "Store", "Enter the state as its two-letter code, for example NY.");
    }
    return {};
}

//! The statements of a patient write, prepared once and reused for every row of a bulk insert.
class PatientStatements
{
public:
    explicit PatientStatements(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    QSqlQuery &mrnExists()
    {
        return prepared(m_mrnExists, "SELECT 1 FROM patients WHERE mrn = ? AND id <> ?");
    }
    QSqlQuery &insert()
    {
        return prepared(m_insert,
                        "INSERT INTO patients (mrn, first_name, middle_name, last_name, "
                        "first_name_key, last_name_key, date_of_birth, gender, address_line1, "
                        "address_line2, city, state, zip, phone, email, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    QSqlQuery &update()
    {
        // An empty MRN on update keeps the chart's number rather than issuing a new one.
        return prepared(m_update,
                        "UPDATE patients SET mrn = coalesce(nullif(?, ''), mrn), first_name = ?, "
                        "middle_name = ?, last_name = ?, first_name_key = ?, last_name_key = ?, "
                        "date_of_birth = ?, gender = ?, address_line1 = ?, address_line2 = ?, "
                        "city = ?, state = ?, zip = ?, phone = ?, email = ?, updated_at = ? "
                        "WHERE id = ?");
    }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlQuery &prepared(std::optional<QSqlQuery> &query, const char *sql)
    {
        if (!query) {
            query.emplace(m_db);
            query->prepare(QLatin1String(sql));
        }
        return *query;
    }

    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_mrnExists;
    std::optional<QSqlQuery> m_insert;
    std::optional<QSqlQuery> m_update;
};

bool mrnExists(PatientStatements &statements, const QString &mrn, qint64 exceptId, QString *error)
{
    QSqlQuery &query = statements.mrnExists();
    query.bindValue(0, mrn);
    query.bindValue(1, exceptId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    const bool exists = query.next();
    query.finish();
    return exists;
}

//! The next free "MRN" + 6 digits: one above the highest generated so far, so numbers are not
//! reused and stay readable; random free numbers once the sequence is exhausted.
QString generateMrn(PatientStatements &statements, QString *error)
{
    static const QRegularExpression generated(QStringLiteral("^MRN(\\d{6})$"),
                                              QRegularExpression::CaseInsensitiveOption);
    QSqlQuery query(statements.db());
    // The range uses the NOCASE unique index on mrn; typed MRNs inside it are skipped below.
    if (!query.exec(QStringLiteral("SELECT mrn FROM patients WHERE mrn >= 'MRN000000' AND "
                                   "mrn <= 'MRN999999' ORDER BY mrn DESC"))) {
        *error = query.lastError().text();
        return {};
    }
    int next = 1;
    while (query.next()) {
        const QRegularExpressionMatch match = generated.match(query.value(0).toString());
        if (match.hasMatch()) {
            next = match.captured(1).toInt() + 1;
            break;
        }
    }
    query.finish();
    auto format = [](int number) {
        return QStringLiteral("MRN%1").arg(number, 6, 10, QLatin1Char('0'));
    };
    if (next <= 999999 && !mrnExists(statements, format(next), 0, error) && error->isEmpty())
        return format(next);
    for (int attempt = 0; attempt < 100 && error->isEmpty(); ++attempt) {
        const QString candidate = format(QRandomGenerator::global()->bounded(1, 1000000));
        if (!mrnExists(statements, candidate, 0, error) && error->isEmpty())
            return candidate;
    }
    if (error->isEmpty()) {
        *error = QCoreApplication::translate("Store",
                                             "No free medical record number is left; enter one.");
    }
    return {};
}

//! Binds the columns both statements share, from position 0; returns the next position.
int bindPatientColumns(QSqlQuery &query, const Patient &patient)
{
    const QVariant values[] = {SqlValues::fromText(patient.mrn),
                               SqlValues::fromText(patient.firstName),
                               SqlValues::fromText(patient.middleName),
                               SqlValues::fromText(patient.lastName),
                               SqlValues::fromText(nameKey(patient.firstName)),
                               SqlValues::fromText(nameKey(patient.lastName)),
                               SqlValues::fromDate(patient.dateOfBirth),
                               genderCode(patient.gender),
                               SqlValues::fromText(patient.address.line1),
                               SqlValues::fromText(patient.address.line2),
                               SqlValues::fromText(patient.address.city),
                               SqlValues::fromText(patient.address.state),
                               SqlValues::fromText(patient.address.zip),
                               SqlValues::fromText(patient.phone),
                               SqlValues::fromText(patient.email)};
    int position = 0;
    for (const QVariant &value : values)
        query.bindValue(position++, value);
    return position;
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the patient: %1").arg(detail);
}

//! A write the database itself refused (busy, unreadable, disk full) is worded for the person
//! at the screen; a refused row keeps SQLite's text.
QString saveFailed(const QSqlError &error)
{
    if (StoreErrors::isDatabaseProblem(error))
        return StoreErrors::describe(error, QCoreApplication::translate("Store", "the patient"));
    return saveFailed(error.text());
}

//! Validates and writes one patient inside the caller's transaction. Returns the patient as
//! stored (normalized, with id, MRN and timestamps); on update the creation time is not known
//! here, the caller re-reads when it needs it.
StoreResult<Patient> writePatient(PatientStatements &statements, const Patient &input,
                                  const QDateTime &now)
{
    Patient patient = normalized(input);
    if (const QString invalid = validationError(patient); !invalid.isEmpty())
        return StoreResult<Patient>::failure(invalid);

    QString error;
    if (!patient.mrn.isEmpty()) {
        if (mrnExists(statements, patient.mrn, patient.id, &error)) {
            return StoreResult<Patient>::failure(
                QCoreApplication::translate("Store", "Another patient already has the MRN %1.")
                    .arg(patient.mrn));
        }
    } else if (patient.id == 0) {
        patient.mrn = generateMrn(statements, &error);
    }
    if (!error.isEmpty())
        return StoreResult<Patient>::failure(saveFailed(error));

    if (patient.id == 0) {
        QSqlQuery &query = statements.insert();
        int position = bindPatientColumns(query, patient);
        query.bindValue(position++, SqlValues::fromTimestamp(now));
        query.bindValue(position, SqlValues::fromTimestamp(now));
        if (!query.exec())
            return StoreResult<Patient>::failure(saveFailed(query.lastError()));
        patient.id = query.lastInsertId().toLongLong();
        patient.createdAt = now;
    } else {
        QSqlQuery &query = statements.update();
        int position = bindPatientColumns(query, patient);
        query.bindValue(position++, SqlValues::fromTimestamp(now));
        query.bindValue(position, patient.id);
        if (!query.exec())
            return StoreResult<Patient>::failure(saveFailed(query.lastError()));
        if (query.numRowsAffected() == 0) {
            return StoreResult<Patient>::failure(QCoreApplication::translate(
                "Store", "This patient no longer exists; someone may have removed it."));
        }
    }
    patient.updatedAt = now;
    return patient;
}
} // namespace

namespace {
QString readFailed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(),
                                 QCoreApplication::translate("Store", "the patients"));
}

// Up to this many candidates a field of a word is "selective": its ids are fetched and sorted
// by name. Beyond it the name index is walked in order, which stops once the page is full. A
// name walk is cheap (the index is in name order); an ID or date walk has to look at each
// patient, so those fields are fetched by id up to a higher count.
constexpr int selectiveNames = 2000;
constexpr int selectiveIds = 20000;
// Words past this many only filter (they do not pick indexes): every word must still match.
constexpr int maxIndexedWords = 4;

//! The fields a search word can match, each with its own index.
enum class Field { LastName, FirstName, Mrn, MemberId, DateOfBirth };
constexpr Field fields[] = {Field::LastName, Field::FirstName, Field::Mrn, Field::MemberId,
                            Field::DateOfBirth};

//! The years a word of four digits alone stands for as a year of birth.
constexpr int firstBirthYear = 1800;
constexpr int lastBirthYear = 2199;

//! One word of a search and what it means in each field.
struct Word
{
    QString nameKey; // case-folded, accent-free
    QString idKey;   // ASCII lower case (MRN and member IDs compare NOCASE)
    // Dates of birth from bornFrom up to (not including) bornBefore: one day for a date, a
    // whole year for a year alone; both null when the word is neither.
    QDate bornFrom;
    QDate bornBefore;

    Word(const QString &text)
        : nameKey(::nameKey(text))
        , idKey(SqlValues::asciiLower(text))
    {
        static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
        if (const QDate date = DateFormats::parse(text); date.isValid()) {
            bornFrom = date;
            bornBefore = date.addDays(1);
        } else if (year.match(text).hasMatch() && text.toInt() >= firstBirthYear &&
                   text.toInt() <= lastBirthYear) {
            bornFrom = QDate(text.toInt(), 1, 1);
            bornBefore = QDate(text.toInt() + 1, 1, 1);
        }
    }
    bool canMatch(Field field) const
    {
        if (field == Field::DateOfBirth)
            return bornFrom.isValid();
        return field == Field::LastName || field == Field::FirstName ? !nameKey.isEmpty()
                                                                     : !idKey.isEmpty();
    }
    //! The prefix a name or ID field must start with.
    QString prefix(Field field) const
    {
        return field == Field::LastName || field == Field::FirstName ? nameKey : idKey;
    }
};

//! The SQL that matches `word` in `field` of patients p, with its values appended.
QString condition(const Word &word, Field field, QVariantList &values,
                  const QString &start = QString())
{
    if (field == Field::DateOfBirth) {
        values << SqlValues::fromDate(word.bornFrom) << SqlValues::fromDate(word.bornBefore);
        return QStringLiteral("p.date_of_birth >= ? AND p.date_of_birth < ?");
    }
    const QString prefix = word.prefix(field);
    values << (start.isEmpty() ? prefix : start) << SqlValues::prefixUpperBound(prefix);
    switch (field) {
    case Field::LastName:
        return QStringLiteral("p.last_name_key >= ? AND p.last_name_key < ?");
    case Field::FirstName:
        return QStringLiteral("p.first_name_key >= ? AND p.first_name_key < ?");
    case Field::Mrn:
        return QStringLiteral("p.mrn >= ? AND p.mrn < ?");
    case Field::MemberId:
        return QStringLiteral("EXISTS (SELECT 1 FROM coverages c WHERE c.patient_id = p.id AND "
                              "c.member_id >= ? AND c.member_id < ?)");
    case Field::DateOfBirth:
        break;
    }
    return {};
}

//! The SQL that matches `word` in any field: the filter for words that pick no index.
QString anyField(const Word &word, QVariantList &values)
{
    QStringList alternatives;
    for (const Field field : fields) {
        if (word.canMatch(field))
            alternatives << QLatin1Char('(') + condition(word, field, values) + QLatin1Char(')');
    }
    return QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

//! The ids one field of one word matches, on that field's own index, stopping at the limit.
struct Probe
{
    QList<qint64> ids;
    bool selective = true; // fewer than the field's limit: ids is complete
};

int selectiveLimit(Field field)
{
    return field == Field::LastName || field == Field::FirstName ? selectiveNames : selectiveIds;
}

QString probeStatement(Field field)
{
    switch (field) {
    case Field::LastName:
        return QStringLiteral("SELECT id FROM patients WHERE last_name_key >= ? AND "
                              "last_name_key < ? LIMIT ?");
    case Field::FirstName:
        return QStringLiteral("SELECT id FROM patients WHERE first_name_key >= ? AND "
                              "first_name_key < ? LIMIT ?");
    case Field::Mrn:
        return QStringLiteral("SELECT id FROM patients WHERE mrn >= ? AND mrn < ? LIMIT ?");
    case Field::MemberId:
        return QStringLiteral("SELECT DISTINCT patient_id FROM coverages WHERE member_id >= ? "
                              "AND member_id < ? LIMIT ?");
    case Field::DateOfBirth:
        return QStringLiteral("SELECT id FROM patients WHERE date_of_birth >= ? AND "
                              "date_of_birth < ? LIMIT ?");
    }
    return {};
}

bool sortsBefore(const Patient &a, const Patient &b)
{
    const PatientCursor ka = PatientRepository::cursorAfter(a);
    const PatientCursor kb = PatientRepository::cursorAfter(b);
    if (ka.lastNameKey != kb.lastNameKey)
        return ka.lastNameKey < kb.lastNameKey;
    if (ka.firstNameKey != kb.firstNameKey)
        return ka.firstNameKey < kb.firstNameKey;
    return ka.id < kb.id;
}
} // namespace

StoreResult<Patient> PatientRepository::save(const Patient &patient)
{
    QSqlDatabase db = Database::connection(m_connection);
    qint64 id = 0;
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Patient>::failure(saveFailed(transaction.lastError()));
        PatientStatements statements(db);
        const StoreResult<Patient> written = writePatient(statements, patient, SqlValues::nowUtc());
        if (!written)
            return written;
        if (!transaction.commit())
            return StoreResult<Patient>::failure(saveFailed(transaction.lastError()));
        id = written->id;
    }
    const StoreResult<std::optional<Patient>> stored = find(id);
    if (!stored)
        return StoreResult<Patient>::failure(stored.error());
    if (!stored->has_value())
        return StoreResult<Patient>::failure(saveFailed(db.lastError().text()));
    return **stored;
}

StoreResult<QList<Patient>> PatientRepository::insertMany(const QList<Patient> &patients)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<QList<Patient>>::failure(saveFailed(transaction.lastError()));
    const QDateTime now = SqlValues::nowUtc();
    QList<Patient> stored;
    stored.reserve(patients.size());
    PatientStatements statements(db); // prepared once for every row
    for (qsizetype i = 0; i < patients.size(); ++i) {
        Patient patient = patients.at(i);
        patient.id = 0;
        StoreResult<Patient> written = writePatient(statements, patient, now);
        if (!written) {
            //: %1 is the position of the patient in the list, %2 the list's size, %3 the reason
            return StoreResult<QList<Patient>>::failure(
                QCoreApplication::translate("Store", "Patient %1 of %2: %3")
                    .arg(i + 1)
                    .arg(patients.size())
                    .arg(written.error()));
        }
        stored.append(std::move(written.value()));
    }
    if (!transaction.commit())
        return StoreResult<QList<Patient>>::failure(saveFailed(transaction.lastError()));
    return stored;
}

StoreResult<std::optional<Patient>> PatientRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE p.id = ?").arg(patientColumns));
    query.addBindValue(id);
    if (!query.exec())
        return StoreResult<std::optional<Patient>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Patient>();
    return std::optional<Patient>(readPatient(query));
}

StoreResult<std::optional<Patient>> PatientRepository::findByMrn(const QString &mrn) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE p.mrn = ?").arg(patientColumns));
    query.addBindValue(mrn.trimmed());
    if (!query.exec())
        return StoreResult<std::optional<Patient>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Patient>();
    return std::optional<Patient>(readPatient(query));
}

StoreResult<QList<Patient>> PatientRepository::findMany(const QList<qint64> &ids) const
{
    QList<Patient> patients;
    // Chunks keep each statement well under SQLite's limit on bound values.
    for (qsizetype from = 0; from < ids.size(); from += 500) {
        const QList<qint64> chunk = ids.mid(from, 500);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery query(Database::connection(m_connection));
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE p.id IN (%2)")
                          .arg(patientColumns, marks.join(QLatin1Char(','))));
        for (const qint64 id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return StoreResult<QList<Patient>>::failure(readFailed(query));
        patients += readPatients(query);
        if (query.lastError().isValid()) // a row that could not be read ends the list early
            return StoreResult<QList<Patient>>::failure(readFailed(query));
    }
    return patients;
}

StoreResult<PatientSearchResult>
PatientRepository::search(const QString &text, int limit, const std::optional<PatientCursor> &after,
                          const std::atomic_bool *cancelled) const
{
    /*
      Every word must match the start of some field. Written out, the search is a union of
      "terms": one field chosen for each word (smith→last name AND j→first name, smith→last
      name AND j→member ID, …). Each word's fields are first probed on their own indexes, up to
      a limit of ids. A term with a selective field is answered by fetching those few ids;
      a term whose fields all match many patients is answered by walking the name index with
      the term's conditions ANDed (so "smith j" seeks last name smith, first name j… in the
      index rather than filtering tens of thousands of Smiths), stopping once the page is full.
      Every query returns its first rows in name order, so the first rows of the union, in name
      order, are the first rows of the answer; the cursor pages through it.
     */
    using Result = StoreResult<PatientSearchResult>;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QList<Word> words;
    for (const QString &text : text.split(separators, Qt::SkipEmptyParts))
        words.append(Word(text));
    const int pageSize = limit > 0 ? limit : 100;
    QSqlDatabase db = Database::connection(m_connection);
    auto isCancelled = [cancelled] {
        return cancelled && cancelled->load();
    };
    const qsizetype indexed = qMin<qsizetype>(words.size(), maxIndexedWords);

    // Words that pick no index, and the cursor, filter every query.
    QString filters;
    QVariantList filterValues;
    for (qsizetype i = indexed; i < words.size(); ++i)
        filters += QStringLiteral(" AND ") + anyField(words.at(i), filterValues);
    // A chart merged into another is found as the one it was merged into.
    filters += QStringLiteral(" AND p.merged_into IS NULL");
    if (after) {
        filters += QStringLiteral(" AND (p.last_name_key, p.first_name_key, p.id) > (?, ?, ?)");
        filterValues << after->lastNameKey << after->firstNameKey << after->id;
    }
    const QString order =
        QStringLiteral(" ORDER BY p.last_name_key, p.first_name_key, p.id LIMIT %1")
            .arg(pageSize + 1);

    QList<Patient> found;
    QSet<qint64> seen;
    auto runPage = [&](const QString &sql, const QVariantList &values) -> QString {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return readFailed(query);
        while (query.next()) {
            Patient patient = readPatient(query);
            if (!seen.contains(patient.id)) {
                seen.insert(patient.id);
                found.append(std::move(patient));
            }
        }
        return query.lastError().isValid() ? readFailed(query) : QString();
    };

    if (words.isEmpty()) {
        const QString error = runPage(QStringLiteral("SELECT %1 FROM patients p INDEXED BY "
                                                     "patients_name WHERE 1%2%3")
                                          .arg(patientColumns, filters, order),
                                      filterValues);
        if (!error.isEmpty())
            return Result::failure(error);
    } else {
        // Probe each field of each indexed word.
        QList<QHash<Field, Probe>> probes(indexed);
        for (qsizetype w = 0; w < indexed; ++w) {
            for (const Field field : fields) {
                if (!words.at(w).canMatch(field))
                    continue;
                if (isCancelled())
                    return PatientSearchResult{};
                QSqlQuery query(db);
                query.setForwardOnly(true);
                query.prepare(probeStatement(field));
                QVariantList values;
                if (field == Field::DateOfBirth) {
                    values << SqlValues::fromDate(words.at(w).bornFrom)
                           << SqlValues::fromDate(words.at(w).bornBefore);
                } else {
                    const QString prefix = words.at(w).prefix(field);
                    values << prefix << SqlValues::prefixUpperBound(prefix);
                }
                values << selectiveLimit(field);
                for (const QVariant &value : std::as_const(values))
                    query.addBindValue(value);
                if (!query.exec())
                    return Result::failure(readFailed(query));
                Probe probe;
                while (query.next())
                    probe.ids.append(query.value(0).toLongLong());
                if (query.lastError().isValid())
                    return Result::failure(readFailed(query));
                probe.selective = probe.ids.size() < selectiveLimit(field);
                if (!probe.ids.isEmpty())
                    probes[w].insert(field, probe);
            }
        }

        // Every term: one matching field per word (a word none of whose fields matches
        // leaves no term, and no patient).
        QSet<qint64> candidates; // from terms with a selective field
        QList<QList<Field>> walks;
        QList<Field> term(indexed);
        std::function<void(qsizetype)> enumerate = [&](qsizetype w) {
            if (w == indexed) {
                // Two prefixes in one field meet only when one starts with the other.
                for (qsizetype a = 0; a < indexed; ++a) {
                    for (qsizetype b = a + 1; b < indexed; ++b) {
                        if (term.at(a) != term.at(b) || term.at(a) == Field::MemberId)
                            continue;
                        if (term.at(a) == Field::DateOfBirth) {
                            // A year and a date (or two of either) meet where they overlap.
                            const Word &wa = words.at(a);
                            const Word &wb = words.at(b);
                            if (qMax(wa.bornFrom, wb.bornFrom) >=
                                qMin(wa.bornBefore, wb.bornBefore))
                                return;
                            continue;
                        }
                        const QString pa = words.at(a).prefix(term.at(a));
                        const QString pb = words.at(b).prefix(term.at(b));
                        if (!pa.startsWith(pb) && !pb.startsWith(pa))
                            return;
                    }
                }
                // The smallest selective field of the term bounds its candidates.
                const QList<qint64> *smallest = nullptr;
                for (qsizetype i = 0; i < indexed; ++i) {
                    const Probe &probe = probes.at(i).value(term.at(i));
                    if (probe.selective && (!smallest || probe.ids.size() < smallest->size()))
                        smallest = &probes.at(i).find(term.at(i))->ids;
                }
                if (smallest) {
                    for (const qint64 id : *smallest)
                        candidates.insert(id);
                } else {
                    walks.append(term);
                }
                return;
            }
            for (auto it = probes.at(w).cbegin(); it != probes.at(w).cend(); ++it) {
                term[w] = it.key();
                enumerate(w + 1);
            }
        };
        enumerate(0);

        if (!candidates.isEmpty()) {
            if (isCancelled())
                return PatientSearchResult{};
            // Fetched by id (integers from the database: safe to write into the statement)
            // and filtered by every word in any field, so only real matches stay.
            QStringList ids;
            ids.reserve(candidates.size());
            for (const qint64 id : std::as_const(candidates))
                ids.append(QString::number(id));
            QVariantList values;
            QString all;
            for (qsizetype w = 0; w < indexed; ++w)
                all += QStringLiteral(" AND ") + anyField(words.at(w), values);
            values += filterValues;
            const QString error =
                runPage(QStringLiteral("SELECT %1 FROM patients p WHERE p.id IN (%2)%3%4%5")
                            .arg(patientColumns, ids.join(QLatin1Char(',')), all, filters, order),
                        values);
            if (!error.isEmpty())
                return Result::failure(error);
        }
        for (const QList<Field> &walk : std::as_const(walks)) {
            if (isCancelled())
                return PatientSearchResult{};
            QStringList conditions;
            QVariantList values;
            for (qsizetype w = 0; w < indexed; ++w) {
                // A next page starts a last-name range at the cursor, so page k does not walk
                // the k pages before it.
                QString start;
                if (walk.at(w) == Field::LastName && after &&
                    after->lastNameKey > words.at(w).prefix(Field::LastName))
                    start = after->lastNameKey;
                conditions << condition(words.at(w), walk.at(w), values, start);
            }
            values += filterValues;
            const QString error = runPage(
                QStringLiteral("SELECT %1 FROM patients p INDEXED BY patients_name WHERE %2%3%4")
                    .arg(patientColumns, conditions.join(QStringLiteral(" AND ")), filters, order),
                values);
            if (!error.isEmpty())
                return Result::failure(error);
        }
    }
    std::sort(found.begin(), found.end(), sortsBefore);
    PatientSearchResult page;
    page.hasMore = found.size() > pageSize;
    if (page.hasMore)
        found.resize(pageSize);
    if (!found.isEmpty())
        page.next = cursorAfter(found.constLast());
    page.patients = std::move(found);
    return page;
}

StoreResult<QList<Patient>> PatientRepository::all() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM patients p WHERE p.merged_into IS NULL%2")
                        .arg(patientColumns, nameOrder)))
        return StoreResult<QList<Patient>>::failure(readFailed(query));
    QList<Patient> patients = readPatients(query);
    if (query.lastError().isValid())
        return StoreResult<QList<Patient>>::failure(readFailed(query));
    return patients;
}

StoreResult<int> PatientRepository::count() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM patients WHERE merged_into IS NULL")) ||
        !query.next())
        return StoreResult<int>::failure(readFailed(query));
    return query.value(0).toInt();
}

StoreResult<bool> PatientRepository::isEmpty() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM patients)")) || !query.next())
        return StoreResult<bool>::failure(readFailed(query));
    return query.value(0).toBool();
}

StoreResult<QList<PatientWithMemberIds>>
PatientRepository::sameBirth(const QDate &dateOfBirth, Gender gender, qint64 exceptId,
                             int limit) const
{
    using Result = StoreResult<QList<PatientWithMemberIds>>;
    if (!dateOfBirth.isValid())
        return QList<PatientWithMemberIds>();
    // Unit separator: member IDs are typed, but never with control characters.
    const QChar separator(0x1f);
    const QString sexes = gender == Gender::Unknown ? QStringLiteral("'F', 'M', 'U'")
                                                    : QStringLiteral("?, 'U'");
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, (SELECT group_concat(c.member_id, char(31)) FROM "
                                 "coverages c WHERE c.patient_id = p.id) FROM patients p "
                                 "INDEXED BY patients_birth_sex WHERE p.date_of_birth = ? AND "
                                 "p.gender IN (%2) AND p.id <> ? AND p.merged_into IS NULL "
                                 "ORDER BY p.id LIMIT ?")
                      .arg(patientColumns, sexes));
    query.addBindValue(SqlValues::fromDate(dateOfBirth));
    if (gender != Gender::Unknown)
        query.addBindValue(genderCode(gender));
    query.addBindValue(exceptId);
    query.addBindValue(limit > 0 ? limit : 500);
    if (!query.exec())
        return Result::failure(readFailed(query));
    QList<PatientWithMemberIds> found;
    const int memberColumn = int(patientColumns.count(QLatin1Char(','))) + 1;
    while (query.next()) {
        found.append({readPatient(query),
                      query.value(memberColumn).toString().split(separator, Qt::SkipEmptyParts)});
    }
    if (query.lastError().isValid())
        return Result::failure(readFailed(query));
    return found;
}

StoreResult<QStringList> PatientRepository::memberIds(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT member_id FROM coverages WHERE patient_id = ?"));
    query.addBindValue(patientId);
    if (!query.exec())
        return StoreResult<QStringList>::failure(readFailed(query));
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    if (query.lastError().isValid())
        return StoreResult<QStringList>::failure(readFailed(query));
    return ids;
}

StoreResult<qint64> PatientRepository::mergedInto(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT ifnull(merged_into, 0) FROM patients WHERE id = ?"));
    query.addBindValue(patientId);
    if (!query.exec())
        return StoreResult<qint64>::failure(readFailed(query));
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

PatientCursor PatientRepository::cursorAfter(const Patient &patient)
{
    return {nameKey(patient.lastName), nameKey(patient.firstName), patient.id};
}
