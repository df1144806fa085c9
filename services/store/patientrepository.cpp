// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/patientrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

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

//! The form of a name that search and sorting use: case-folded and without accents, so "alv"
//! finds "Álvarez" and it sorts among the A's rather than after Z.
QString nameKey(const QString &name)
{
    const QString decomposed = name.trimmed().normalized(QString::NormalizationForm_D);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            key.append(c);
    }
    return key.normalized(QString::NormalizationForm_C).toCaseFolded();
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

bool mrnExists(QSqlDatabase &db, const QString &mrn, qint64 exceptId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM patients WHERE mrn = ? AND id <> ?"));
    query.addBindValue(mrn);
    query.addBindValue(exceptId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return query.next();
}

//! The next free "MRN" + 6 digits: one above the highest generated so far, so numbers are not
//! reused and stay readable; random free numbers once the sequence is exhausted.
QString generateMrn(QSqlDatabase &db, QString *error)
{
    static const QRegularExpression generated(QStringLiteral("^MRN(\\d{6})$"),
                                              QRegularExpression::CaseInsensitiveOption);
    QSqlQuery query(db);
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
    if (next <= 999999 && !mrnExists(db, format(next), 0, error) && error->isEmpty())
        return format(next);
    for (int attempt = 0; attempt < 100 && error->isEmpty(); ++attempt) {
        const QString candidate = format(QRandomGenerator::global()->bounded(1, 1000000));
        if (!mrnExists(db, candidate, 0, error) && error->isEmpty())
            return candidate;
    }
    if (error->isEmpty()) {
        *error = QCoreApplication::translate("Store",
                                             "No free medical record number is left; enter one.");
    }
    return {};
}

void bindPatientColumns(QSqlQuery &query, const Patient &patient)
{
    query.addBindValue(SqlValues::fromText(patient.mrn));
    query.addBindValue(SqlValues::fromText(patient.firstName));
    query.addBindValue(SqlValues::fromText(patient.middleName));
    query.addBindValue(SqlValues::fromText(patient.lastName));
    query.addBindValue(SqlValues::fromText(nameKey(patient.firstName)));
    query.addBindValue(SqlValues::fromText(nameKey(patient.lastName)));
    query.addBindValue(SqlValues::fromDate(patient.dateOfBirth));
    query.addBindValue(genderCode(patient.gender));
    query.addBindValue(SqlValues::fromText(patient.address.line1));
    query.addBindValue(SqlValues::fromText(patient.address.line2));
    query.addBindValue(SqlValues::fromText(patient.address.city));
    query.addBindValue(SqlValues::fromText(patient.address.state));
    query.addBindValue(SqlValues::fromText(patient.address.zip));
    query.addBindValue(SqlValues::fromText(patient.phone));
    query.addBindValue(SqlValues::fromText(patient.email));
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the patient: %1").arg(detail);
}

//! Validates and writes one patient inside the caller's transaction. Returns the patient as
//! stored (normalized, with id, MRN and timestamps); on update the creation time is not known
//! here, the caller re-reads when it needs it.
StoreResult<Patient> writePatient(QSqlDatabase &db, const Patient &input, const QDateTime &now)
{
    Patient patient = normalized(input);
    if (const QString invalid = validationError(patient); !invalid.isEmpty())
        return StoreResult<Patient>::failure(invalid);

    QString error;
    if (!patient.mrn.isEmpty()) {
        if (mrnExists(db, patient.mrn, patient.id, &error)) {
            return StoreResult<Patient>::failure(
                QCoreApplication::translate("Store", "Another patient already has the MRN %1.")
                    .arg(patient.mrn));
        }
    } else if (patient.id == 0) {
        patient.mrn = generateMrn(db, &error);
    }
    if (!error.isEmpty())
        return StoreResult<Patient>::failure(saveFailed(error));

    QSqlQuery query(db);
    if (patient.id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO patients (mrn, first_name, middle_name, last_name, first_name_key, "
            "last_name_key, date_of_birth, gender, address_line1, address_line2, city, state, "
            "zip, phone, email, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindPatientColumns(query, patient);
        query.addBindValue(SqlValues::fromTimestamp(now));
        query.addBindValue(SqlValues::fromTimestamp(now));
        if (!query.exec())
            return StoreResult<Patient>::failure(saveFailed(query.lastError().text()));
        patient.id = query.lastInsertId().toLongLong();
        patient.createdAt = now;
    } else {
        // An empty MRN on update keeps the chart's number rather than issuing a new one.
        query.prepare(QStringLiteral(
            "UPDATE patients SET mrn = coalesce(nullif(?, ''), mrn), first_name = ?, "
            "middle_name = ?, last_name = ?, first_name_key = ?, last_name_key = ?, "
            "date_of_birth = ?, gender = ?, address_line1 = ?, address_line2 = ?, city = ?, "
            "state = ?, zip = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?"));
        bindPatientColumns(query, patient);
        query.addBindValue(SqlValues::fromTimestamp(now));
        query.addBindValue(patient.id);
        if (!query.exec())
            return StoreResult<Patient>::failure(saveFailed(query.lastError().text()));
        if (query.numRowsAffected() == 0) {
            return StoreResult<Patient>::failure(QCoreApplication::translate(
                "Store", "This patient no longer exists; someone may have removed it."));
        }
    }
    patient.updatedAt = now;
    return patient;
}
} // namespace

StoreResult<Patient> PatientRepository::save(const Patient &patient)
{
    QSqlDatabase db = Database::connection(m_connection);
    qint64 id = 0;
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Patient>::failure(saveFailed(transaction.errorText()));
        const StoreResult<Patient> written = writePatient(db, patient, SqlValues::nowUtc());
        if (!written)
            return written;
        if (!transaction.commit())
            return StoreResult<Patient>::failure(saveFailed(transaction.errorText()));
        id = written->id;
    }
    if (std::optional<Patient> stored = find(id))
        return *stored;
    return StoreResult<Patient>::failure(saveFailed(db.lastError().text()));
}

StoreResult<QList<Patient>> PatientRepository::insertMany(const QList<Patient> &patients)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<QList<Patient>>::failure(saveFailed(transaction.errorText()));
    const QDateTime now = SqlValues::nowUtc();
    QList<Patient> stored;
    stored.reserve(patients.size());
    for (qsizetype i = 0; i < patients.size(); ++i) {
        Patient patient = patients.at(i);
        patient.id = 0;
        StoreResult<Patient> written = writePatient(db, patient, now);
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
        return StoreResult<QList<Patient>>::failure(saveFailed(transaction.errorText()));
    return stored;
}

std::optional<Patient> PatientRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE p.id = ?").arg(patientColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readPatient(query);
}

std::optional<Patient> PatientRepository::findByMrn(const QString &mrn) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE p.mrn = ?").arg(patientColumns));
    query.addBindValue(mrn.trimmed());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readPatient(query);
}

QList<Patient> PatientRepository::search(const QString &text, int limit) const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (words.isEmpty()) {
        query.prepare(
            QStringLiteral("SELECT %1 FROM patients p%2 LIMIT ?").arg(patientColumns, nameOrder));
        query.addBindValue(limit > 0 ? limit : -1);
        if (!query.exec())
            return {};
        return readPatients(query);
    }

    // Every word is a prefix range on an indexed column (or an exact date of birth), so SQLite
    // answers each OR branch from an index instead of scanning the patients.
    QStringList conditions;
    QVariantList values;
    for (const QString &word : words) {
        const QString name = nameKey(word);
        const QString id = SqlValues::asciiLower(word);
        QString condition = QStringLiteral("((p.last_name_key >= ? AND p.last_name_key < ?)"
                                           " OR (p.first_name_key >= ? AND p.first_name_key < ?)"
                                           " OR (p.mrn >= ? AND p.mrn < ?)"
                                           " OR p.id IN (SELECT c.patient_id FROM coverages c"
                                           " WHERE c.member_id >= ? AND c.member_id < ?)");
        values << name << SqlValues::prefixUpperBound(name) << name
               << SqlValues::prefixUpperBound(name) << id << SqlValues::prefixUpperBound(id) << id
               << SqlValues::prefixUpperBound(id);
        QDate dateOfBirth = QDate::fromString(word, QStringLiteral("yyyy-MM-dd"));
        if (!dateOfBirth.isValid())
            dateOfBirth = QDate::fromString(word, QStringLiteral("M/d/yyyy"));
        if (dateOfBirth.isValid()) {
            condition += QStringLiteral(" OR p.date_of_birth = ?");
            values << SqlValues::fromDate(dateOfBirth);
        }
        condition += QLatin1Char(')');
        conditions.append(condition);
    }
    query.prepare(QStringLiteral("SELECT %1 FROM patients p WHERE %2%3 LIMIT ?")
                      .arg(patientColumns, conditions.join(QLatin1String(" AND ")), nameOrder));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return {};
    return readPatients(query);
}

QList<Patient> PatientRepository::all() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM patients p%2").arg(patientColumns, nameOrder)))
        return {};
    return readPatients(query);
}

int PatientRepository::count() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM patients")) || !query.next())
        return 0;
    return query.value(0).toInt();
}
