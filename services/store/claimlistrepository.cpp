// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/claimlistrepository.h"

#include "services/domain/patient.h"
#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace {
const QString rowColumns = QStringLiteral(
    "id, claim_number, payer_claim_id, patient_name, insurance_id, payer_name, date_of_service, "
    "billed_cents, allowed_cents, paid_cents, patient_resp_cents, status, status_changed_at, "
    "updated_at");
constexpr int rowColumnCount = 14;

template<typename T> StoreResult<T> fail(const QSqlQuery &query)
{
    return StoreResult<T>::failure(StoreErrors::describe(
        query.lastError(), QCoreApplication::translate("Store", "the claims")));
}

ClaimListRow readRow(const QSqlQuery &q)
{
    ClaimListRow r;
    r.id = q.value(0).toLongLong();
    r.claimNumber = q.value(1).toString();
    r.payerClaimId = q.value(2).toString();
    r.patientName = q.value(3).toString();
    r.insuranceId = q.value(4).toString();
    r.payerName = q.value(5).toString();
    r.dateOfService = SqlValues::toDate(q.value(6));
    r.billedCents = q.value(7).toLongLong();
    r.allowedCents = q.value(8).toLongLong();
    r.paidCents = q.value(9).toLongLong();
    r.patientResponsibilityCents = q.value(10).toLongLong();
    r.status = claimStatusFromKey(q.value(11).toString()).value_or(ClaimStatus::Error);
    r.statusChangedAt = SqlValues::toTimestamp(q.value(12));
    r.updatedAt = SqlValues::toTimestamp(q.value(13));
    return r;
}

//! The expressions a sort key orders by, each answered by an index (migrations 007 and 008)
//! that ends with the id, as every SQLite index does.
QStringList sortExpressions(ClaimListFilter::SortKey key)
{
    using Key = ClaimListFilter::SortKey;
    switch (key) {
    case Key::ClaimNumber:
        return {QStringLiteral("claim_number")};
    case Key::Patient:
        return {QStringLiteral("patient_name_key")};
    case Key::Payer:
        return {QStringLiteral("payer_name")};
    case Key::DateOfService:
        return {QStringLiteral("ifnull(date_of_service, '')")};
    case Key::Billed:
        return {QStringLiteral("billed_cents")};
    case Key::Allowed:
        return {QStringLiteral("allowed_cents")};
    case Key::Paid:
        return {QStringLiteral("paid_cents")};
    case Key::PatientResponsibility:
        return {QStringLiteral("patient_resp_cents")};
    case Key::Status:
        return {QStringLiteral("status"), QStringLiteral("status_changed_at")};
    case Key::StatusChangedAt:
        return {QStringLiteral("status_changed_at")};
    case Key::UpdatedAt:
        return {QStringLiteral("updated_at")};
    }
    return {QStringLiteral("updated_at")};
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

/*!
  One term of a filter, written twice: `indexed` lets SQLite answer it from its index, `plain`
  (columns behind a unary +) stops it from doing so, so that the index the repository chose
  drives the read.
 */
struct Term
{
    QString indexed;
    QString plain;
    QVariantList values;
    bool isText = false;
    bool isStatus = false;
    //! The term on plain columns (a date range sorted by date is on the sort's expression in
    //! `indexed`), for reading through claims_filter.
    QString onColumns;
    // Text only: the name keys it starts, and its other alternatives (numbers and ids) alone.
    QStringList nameKeys;
    QString others;
    QVariantList otherValues;
};

//! "smith jane" → the name keys it may start: "smith jane", "smith, jane", "jane, smith".
QStringList nameKeys(const QString &text)
{
    QStringList keys;
    const QString key = nameKey(text);
    if (key.contains(QLatin1Char(','))) {
        const qsizetype comma = key.indexOf(QLatin1Char(','));
        const QString last = key.left(comma).simplified();
        const QString first = key.mid(comma + 1).simplified();
        keys << (first.isEmpty() ? last + QLatin1Char(',') : last + QStringLiteral(", ") + first);
        return keys;
    }
    const QStringList words = key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return keys;
    keys << words.join(QLatin1Char(' '));
    if (words.size() >= 2) {
        keys << words.mid(0, words.size() - 1).join(QLatin1Char(' ')) + QStringLiteral(", ") +
                    words.last();
        keys << words.mid(1).join(QLatin1Char(' ')) + QStringLiteral(", ") + words.first();
    }
    keys.removeDuplicates();
    // Disjoint ranges: a key that another key starts is already inside that one's range.
    QStringList disjoint;
    for (const QString &k : std::as_const(keys)) {
        bool covered = false;
        for (const QString &other : std::as_const(keys))
            covered = covered || (other != k && k.startsWith(other));
        if (!covered)
            disjoint << k;
    }
    return disjoint;
}

//! A prefix range on `column`, as indexed and as plain SQL.
void addPrefix(QStringList &indexed, QStringList &plain, QVariantList &values,
               const QString &column, const QString &prefix)
{
    indexed << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
    plain << QStringLiteral("(+%1 >= ? AND +%1 < ?)").arg(column);
    values << prefix << SqlValues::prefixUpperBound(prefix);
}

std::optional<Term> textTerm(const QString &text)
{
    const QString trimmed = text.simplified();
    if (trimmed.isEmpty())
        return std::nullopt;
    QStringList indexed;
    QStringList plain;
    QVariantList values;
    const QStringList names = nameKeys(trimmed);
    for (const QString &key : names)
        addPrefix(indexed, plain, values, QStringLiteral("patient_name_key"), key);
    const qsizetype nameParts = indexed.size();
    if (!trimmed.contains(QLatin1Char(' '))) {
        addPrefix(indexed, plain, values, QStringLiteral("claim_number"), trimmed.toUpper());
        QStringList payerIds{trimmed, trimmed.toUpper()};
        payerIds.removeDuplicates();
        for (const QString &id : payerIds)
            addPrefix(indexed, plain, values, QStringLiteral("payer_claim_id"), id);
        static const QRegularExpression digits(QStringLiteral("^\\d{1,18}$"));
        if (digits.match(trimmed).hasMatch()) {
            indexed << QStringLiteral("(id = ?)");
            plain << QStringLiteral("(+id = ?)");
            values << trimmed.toLongLong();
        }
    }
    Term term;
    term.indexed = QLatin1Char('(') + indexed.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    term.plain = QLatin1Char('(') + plain.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    term.values = values;
    term.isText = true;
    term.nameKeys = names;
    if (indexed.size() > nameParts) {
        term.others = QLatin1Char('(') + indexed.mid(nameParts).join(QStringLiteral(" OR ")) +
                      QLatin1Char(')');
        term.otherValues = values.mid(2 * nameParts);
    }
    return term;
}

/*!
  The filter's terms. A date range sorted by date of service is written on the sort's own
  expression, so the one index both finds and orders (a NULL date is '' there, and a range
  always has a lower end, so claims without a date stay out as they do on the plain column).
 */
QList<Term> termsOf(const ClaimListFilter &filter)
{
    QList<Term> terms;
    if (!filter.statuses.isEmpty()) {
        Term t;
        QStringList keys;
        for (ClaimStatus status : filter.statuses)
            keys << claimStatusKey(status);
        keys.sort(); // the same statement for the same filter (statement cache, plans)
        for (const QString &key : std::as_const(keys))
            t.values << key;
        t.indexed = QStringLiteral("status IN (%1)").arg(placeholders(keys.size()));
        t.plain = QStringLiteral("+status IN (%1)").arg(placeholders(keys.size()));
        t.onColumns = t.indexed;
        t.isStatus = true;
        terms << t;
    }
    if (!filter.insuranceIds.isEmpty()) {
        Term t;
        QStringList ids = filter.insuranceIds.values();
        ids.sort();
        for (const QString &id : std::as_const(ids))
            t.values << id;
        t.indexed = QStringLiteral("insurance_id IN (%1)").arg(placeholders(ids.size()));
        t.plain = QStringLiteral("+insurance_id IN (%1)").arg(placeholders(ids.size()));
        t.onColumns = t.indexed;
        terms << t;
    }
    if (filter.serviceFrom.isValid() || filter.serviceTo.isValid()) {
        Term t;
        const bool onSort = filter.sortKey == ClaimListFilter::SortKey::DateOfService;
        const QString column = onSort ? QStringLiteral("ifnull(date_of_service, '')")
                                      : QStringLiteral("date_of_service");
        QStringList indexed;
        QStringList plain;
        const QDate from = filter.serviceFrom.isValid() || !onSort ? filter.serviceFrom
                                                                    : QDate(1, 1, 1);
        if (from.isValid()) {
            indexed << column + QStringLiteral(" >= ?");
            plain << QLatin1Char('+') + column + QStringLiteral(" >= ?");
            t.values << from.toString(Qt::ISODate);
        }
        if (filter.serviceTo.isValid()) {
            indexed << column + QStringLiteral(" <= ?");
            plain << QLatin1Char('+') + column + QStringLiteral(" <= ?");
            t.values << filter.serviceTo.toString(Qt::ISODate);
        }
        t.indexed = indexed.join(QStringLiteral(" AND "));
        t.plain = plain.join(QStringLiteral(" AND "));
        // The same claims on the plain column (a NULL date is in no range either way); the
        // lower end sorted by date is '0001-01-01', which every date passes.
        t.onColumns = t.indexed;
        t.onColumns.replace(QStringLiteral("ifnull(date_of_service, '')"),
                            QStringLiteral("date_of_service"));
        terms << t;
    }
    if (const auto text = textTerm(filter.text))
        terms << *text;
    return terms;
}

/*!
  How a list is read. `Walk`: the sort index in order, every term checked on the way (fast when
  matches are common). Any other value is the position of the term whose index finds the
  claims, which are then sorted (fast when that term matches few).
 */
constexpr int Walk = 0;
int termPlan(qsizetype termIndex)
{
    return int(termIndex) + 1;
}

//! Binds `values` in order.
void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &value : values)
        q.addBindValue(value);
}

//! Counts what one term matches on its own index, stopping at `cap`.
StoreResult<int> countUpTo(const QString &connection, const Term &term, int cap)
{
    QSqlQuery q(Database::connection(connection));
    q.prepare(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM claims WHERE %1 LIMIT %2)")
                  .arg(term.indexed)
                  .arg(cap));
    bindAll(q, term.values);
    if (!q.exec() || !q.next())
        return fail<int>(q);
    return q.value(0).toInt();
}

//! The term matching fewest claims, when it matches fewer than the limit; else Walk.
StoreResult<int> choosePlan(const QString &connection, const QList<Term> &terms,
                            int selectiveLimit)
{
    int plan = Walk;
    int fewest = selectiveLimit;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const auto counted = countUpTo(connection, terms.at(i), fewest);
        if (!counted)
            return StoreResult<int>::failure(counted.error());
        if (*counted < fewest) {
            fewest = *counted;
            plan = termPlan(i);
        }
    }
    return plan;
}

//! The SQL of one read: its WHERE (terms and the seek past `after`) and ORDER BY.
struct Statement
{
    QString from = QStringLiteral("claims");
    QString where;
    QString orderBy;
    QVariantList values;
};

Statement statementFor(const ClaimListFilter &filter, const QList<Term> &terms, int plan,
                       const ClaimListCursor *after, const ClaimListCursor *upTo = nullptr)
{
    Statement s;
    QStringList conditions;
    // Driven by status, claims_filter (status, payer, date of service) seeks the payers within
    // each status and checks the dates in the index, before a claim is read.
    const bool byStatus = plan > Walk && plan <= terms.size() && terms.at(plan - 1).isStatus;
    if (byStatus)
        s.from = QStringLiteral("claims INDEXED BY claims_filter");
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const Term &term = terms.at(i);
        if (byStatus && !term.isText) {
            conditions << term.onColumns;
            s.values += term.values;
            continue;
        }
        // The driving term stays indexable; so does a date range on the date being walked.
        const bool drives = plan == termPlan(i) ||
                            (plan == Walk && !term.isText && term.indexed.startsWith(
                                                                 QLatin1String("ifnull(")));
        conditions << (drives ? term.indexed : term.plain);
        s.values += term.values;
    }
    const bool walking = plan == Walk;
    const QStringList expressions = sortExpressions(filter.sortKey);
    QStringList keys;
    QStringList ordered;
    const QString direction = filter.sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC")
                                                                     : QStringLiteral(" DESC");
    for (const QString &e : expressions) {
        // A unary + keeps SQLite from walking the sort index when a filter index drives.
        keys << (walking ? e : QLatin1Char('+') + e);
        ordered << keys.constLast() + direction;
    }
    keys << QStringLiteral("id");
    ordered << QStringLiteral("id") + direction;
    const QString tuple = QLatin1Char('(') + keys.join(QStringLiteral(", ")) + QLatin1Char(')');
    const QString marks = QLatin1Char('(') + placeholders(keys.size()) + QLatin1Char(')');
    const bool ascending = filter.sortOrder == Qt::AscendingOrder;
    if (after && after->keys.size() == expressions.size()) {
        conditions << tuple + (ascending ? QStringLiteral(" > ") : QStringLiteral(" < ")) + marks;
        s.values += after->keys;
        s.values << after->id;
    }
    if (upTo && upTo->keys.size() == expressions.size()) {
        conditions << tuple + (ascending ? QStringLiteral(" <= ") : QStringLiteral(" >= ")) + marks;
        s.values += upTo->keys;
        s.values << upTo->id;
    }
    s.where = conditions.isEmpty() ? QString()
                                   : QStringLiteral(" WHERE ") +
                                         conditions.join(QStringLiteral(" AND "));
    s.orderBy = QStringLiteral(" ORDER BY ") + ordered.join(QStringLiteral(", "));
    return s;
}

//! The select list of a page: the row, then its sort values (for the cursor).
QString pageColumns(const ClaimListFilter &filter)
{
    return rowColumns + QStringLiteral(", ") + sortExpressions(filter.sortKey).join(QStringLiteral(", "));
}

ClaimListCursor cursorOf(const QSqlQuery &q, qsizetype keyCount, int plan)
{
    ClaimListCursor cursor;
    for (qsizetype i = 0; i < keyCount; ++i)
        cursor.keys << q.value(int(rowColumnCount + i));
    cursor.id = q.value(0).toLongLong();
    cursor.plan = plan;
    return cursor;
}

//! Reads up to `limit` rows into `rows`, and the cursor after each into `cursors`.
StoreResult<bool> readRows(const QString &connection, const ClaimListFilter &filter,
                           const QList<Term> &terms, int plan, const ClaimListCursor &after,
                           const ClaimListCursor *upTo, int limit, QList<ClaimListRow> &rows,
                           QList<ClaimListCursor> &cursors)
{
    const Statement s = statementFor(filter, terms, plan, &after, upTo);
    QSqlQuery q(Database::connection(connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2%3%4 LIMIT %5")
                  .arg(pageColumns(filter), s.from, s.where, s.orderBy)
                  .arg(limit));
    bindAll(q, s.values);
    if (!q.exec())
        return fail<bool>(q);
    const qsizetype keyCount = sortExpressions(filter.sortKey).size();
    while (q.next()) {
        rows << readRow(q);
        cursors << cursorOf(q, keyCount, plan);
    }
    return true;
}

//! The index entry `walkBound` places after `after` in the sort order, if there is one: how
//! far a walk looks. (When a walk finds too few claims in that stretch of the order, they are
//! rare there, and a filter index finds the rest.)
StoreResult<std::optional<ClaimListCursor>> walkEnd(const QString &connection,
                                                    const ClaimListFilter &filter,
                                                    const ClaimListCursor &after, int walkBound)
{
    using Result = StoreResult<std::optional<ClaimListCursor>>;
    const Statement s = statementFor(filter, {}, Walk, &after);
    const QStringList expressions = sortExpressions(filter.sortKey);
    QSqlQuery q(Database::connection(connection));
    q.prepare(QStringLiteral("SELECT id, %1 FROM claims%2%3 LIMIT 1 OFFSET %4")
                  .arg(expressions.join(QStringLiteral(", ")), s.where, s.orderBy)
                  .arg(walkBound - 1));
    bindAll(q, s.values);
    if (!q.exec())
        return fail<std::optional<ClaimListCursor>>(q);
    if (!q.next())
        return Result(std::nullopt);
    ClaimListCursor end;
    end.id = q.value(0).toLongLong();
    for (qsizetype i = 0; i < expressions.size(); ++i)
        end.keys << q.value(int(i + 1));
    return Result(std::optional<ClaimListCursor>(end));
}

//! The plan for a read of the whole set by a term index (a walk that found too little).
int smallestTermPlan(const QString &connection, const QList<Term> &terms, int selectiveLimit)
{
    int plan = Walk;
    int fewest = std::numeric_limits<int>::max();
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const auto counted = countUpTo(connection, terms.at(i), 4 * selectiveLimit);
        if (counted && *counted < fewest) {
            fewest = *counted;
            plan = termPlan(i);
        }
    }
    return plan;
}
} // namespace

int ClaimListRow::daysInStatus(const QDateTime &now) const
{
    if (!statusChangedAt.isValid())
        return 0;
    return int(qMax<qint64>(0, statusChangedAt.secsTo(now) / 86400));
}

StoreResult<ClaimListPage> ClaimListRepository::page(const ClaimListFilter &filter, int limit,
                                                    const ClaimListCursor &after) const
{
    using Result = StoreResult<ClaimListPage>;
    const QList<Term> terms = termsOf(filter);
    int plan = after.plan;
    if (plan < 0 || plan > terms.size()) {
        const auto chosen = choosePlan(m_connection, terms, m_tuning.selectiveLimit);
        if (!chosen)
            return Result::failure(chosen.error());
        plan = *chosen;
    }
    ClaimListPage page;
    QList<ClaimListCursor> cursors;
    const int wanted = limit + 1; // one more says whether there is more
    if (plan == Walk && !terms.isEmpty()) {
        // A walk looks at most walkBound entries; when the filter's claims are not there, they
        // are rare in this part of the order, and a filter index finds the rest of the page.
        const auto end = walkEnd(m_connection, filter, after, m_tuning.walkBound);
        if (!end)
            return Result::failure(end.error());
        const auto read = readRows(m_connection, filter, terms, Walk, after,
                                   end->has_value() ? &**end : nullptr, wanted, page.rows, cursors);
        if (!read)
            return Result::failure(read.error());
        if (page.rows.size() < wanted && end->has_value()) {
            plan = smallestTermPlan(m_connection, terms, m_tuning.selectiveLimit);
            const auto rest = readRows(m_connection, filter, terms, plan, **end, nullptr,
                                       wanted - int(page.rows.size()), page.rows, cursors);
            if (!rest)
                return Result::failure(rest.error());
        }
    } else {
        const auto read = readRows(m_connection, filter, terms, plan, after, nullptr, wanted,
                                   page.rows, cursors);
        if (!read)
            return Result::failure(read.error());
    }
    page.hasMore = page.rows.size() > limit;
    if (page.hasMore) {
        page.rows.removeLast();
        page.next = cursors.at(limit - 1);
        page.next.plan = plan; // later pages read as this one ended
    }
    return page;
}

StoreResult<std::optional<ClaimListRow>> ClaimListRepository::row(qint64 id) const
{
    using Result = StoreResult<std::optional<ClaimListRow>>;
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claims WHERE id = ?").arg(rowColumns));
    q.addBindValue(id);
    if (!q.exec())
        return fail<std::optional<ClaimListRow>>(q);
    if (!q.next())
        return Result(std::nullopt);
    return Result(std::optional<ClaimListRow>(readRow(q)));
}

StoreResult<ClaimListSummary> ClaimListRepository::summary(const ClaimListFilter &filter,
                                                           const QDate &today) const
{
    ClaimListFilter unsorted = filter;
    unsorted.sortKey = ClaimListFilter::SortKey::UpdatedAt; // dates on the plain column
    QList<Term> terms = termsOf(unsorted);
    std::optional<Term> text;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        if (terms.at(i).isText)
            text = terms.takeAt(i);
    }
    // Status, payer and dates: on the same columns of claim_daily_totals as of claims.
    QStringList conditions;
    QVariantList values;
    for (const Term &term : std::as_const(terms)) {
        conditions << (text ? term.plain : term.indexed);
        values += term.values;
    }
    QString source;
    QVariantList sourceValues;
    const QString money = QStringLiteral("billed_cents, allowed_cents, paid_cents, patient_resp_cents");
    if (!text) {
        // Kept per status, payer and day by triggers (migration 008): a few thousand rows
        // whatever the number of claims. A day of '' holds claims without a date of service.
        if (filter.serviceFrom.isValid() || filter.serviceTo.isValid())
            conditions << QStringLiteral("date_of_service <> ''");
        source = QStringLiteral("SELECT status, date_of_service, claims, %1 FROM claim_daily_totals%2")
                     .arg(money, conditions.isEmpty() ? QString()
                                                      : QStringLiteral(" WHERE ") +
                                                            conditions.join(QStringLiteral(" AND ")));
        sourceValues = values;
    } else {
        // Text: each name range reads claims_name_totals alone (it holds every column summed);
        // claim numbers and ids, which match few claims, read the claims not already counted
        // by a name.
        QStringList parts;
        const QString rest = conditions.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" AND ") + conditions.join(QStringLiteral(" AND "));
        const QString columns = QStringLiteral("status, date_of_service, 1 AS claims, ") + money;
        QStringList notNames;
        QVariantList nameBounds;
        for (const QString &key : text->nameKeys) {
            parts << QStringLiteral("SELECT %1 FROM claims INDEXED BY claims_name_totals WHERE "
                                    "patient_name_key >= ? AND patient_name_key < ?%2")
                         .arg(columns, rest);
            sourceValues << key << SqlValues::prefixUpperBound(key);
            sourceValues += values;
            notNames << QStringLiteral("NOT (+patient_name_key >= ? AND +patient_name_key < ?)");
            nameBounds << key << SqlValues::prefixUpperBound(key);
        }
        if (!text->others.isEmpty()) {
            QStringList where{text->others};
            where += notNames;
            parts << QStringLiteral("SELECT %1 FROM claims WHERE %2%3")
                         .arg(columns, where.join(QStringLiteral(" AND ")), rest);
            sourceValues += text->otherValues;
            sourceValues += nameBounds;
            sourceValues += values;
        }
        source = parts.join(QStringLiteral(" UNION ALL "));
    }
    QSqlQuery q(Database::connection(m_connection));
    q.setForwardOnly(true);
    // Aging by date of service: 0-30 days, 31-60, 61-90, 91 and more (a future date counts as
    // 0); -1 for claims without a date.
    q.prepare(QStringLiteral(
                  "SELECT status, CASE WHEN ifnull(date_of_service, '') = '' THEN -1 "
                  "WHEN date_of_service >= ? THEN 0 WHEN date_of_service >= ? THEN 1 "
                  "WHEN date_of_service >= ? THEN 2 ELSE 3 END AS bucket, sum(claims), "
                  "sum(billed_cents), sum(allowed_cents), sum(paid_cents), "
                  "sum(patient_resp_cents) FROM (%1) GROUP BY status, bucket")
                  .arg(source));
    q.addBindValue(today.addDays(-30).toString(Qt::ISODate));
    q.addBindValue(today.addDays(-60).toString(Qt::ISODate));
    q.addBindValue(today.addDays(-90).toString(Qt::ISODate));
    bindAll(q, sourceValues);
    if (!q.exec())
        return fail<ClaimListSummary>(q);
    ClaimListSummary summary;
    summary.asOf = today;
    QHash<ClaimStatus, ClaimMoneyTotals> byStatus;
    while (q.next()) {
        const auto status = claimStatusFromKey(q.value(0).toString());
        if (!status || q.value(2).toLongLong() == 0)
            continue;
        const int bucket = q.value(1).toInt();
        const ClaimMoneyTotals group{q.value(2).toLongLong(), q.value(3).toLongLong(),
                                     q.value(4).toLongLong(), q.value(5).toLongLong(),
                                     q.value(6).toLongLong()};
        for (ClaimMoneyTotals *sum : {&byStatus[*status], &summary.totals}) {
            sum->claims += group.claims;
            sum->billedCents += group.billedCents;
            sum->allowedCents += group.allowedCents;
            sum->paidCents += group.paidCents;
            sum->patientResponsibilityCents += group.patientResponsibilityCents;
        }
        if (bucket >= 0 && bucket < int(summary.aging.size()) && claimStatusIsOpen(*status)) {
            summary.aging[bucket].claims += group.claims;
            summary.aging[bucket].billedCents += group.billedCents;
        }
    }
    for (ClaimStatus status : allClaimStatuses()) {
        if (byStatus.contains(status))
            summary.byStatus.append({status, byStatus.value(status)});
    }
    return summary;
}

StoreResult<qint64> ClaimListRepository::forEach(const ClaimListFilter &filter,
                                                 const RowSink &sink) const
{
    const QList<Term> terms = termsOf(filter);
    // The whole set is read: sorting what a filter index finds beats walking every claim in
    // order for many more claims than a page does.
    const auto plan = choosePlan(m_connection, terms, 10 * m_tuning.selectiveLimit);
    if (!plan)
        return StoreResult<qint64>::failure(plan.error());
    const Statement s = statementFor(filter, terms, *plan, nullptr);
    // One statement read forward only: SQLite hands the rows over as it finds them, from one
    // snapshot, and nothing is kept here.
    QSqlQuery q(Database::connection(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2%3%4").arg(rowColumns, s.from, s.where, s.orderBy));
    bindAll(q, s.values);
    if (!q.exec())
        return fail<qint64>(q);
    qint64 count = 0;
    while (q.next()) {
        if (!sink(readRow(q)))
            return StoreResult<qint64>::failure(QCoreApplication::translate("Store", "The export was stopped."));
        ++count;
    }
    if (q.lastError().isValid())
        return fail<qint64>(q);
    return count;
}
