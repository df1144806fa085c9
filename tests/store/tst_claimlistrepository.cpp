// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's reads over the claims table, every way a list can be read: walking the sort
// index, driven by a filter index, and a walk that gives up half-way to a filter index. Each
// order and filter is checked page by page against the same list worked out in C++.
#include "common/claimlistfixtures.h"
#include "common/storetestmain.h"
#include "services/store/claimbulkwriter.h"
#include "services/store/claimlistrepository.h"
#include "services/store/claimrepository.h"
#include "testdatabase.h"

#include <QTest>

using namespace ClaimListFixtures;
using Key = ClaimListFilter::SortKey;

Q_DECLARE_METATYPE(ClaimListFilter)
Q_DECLARE_METATYPE(ClaimListRepository::Tuning)

namespace {
constexpr int claimCount = 240;

QList<Key> allKeys()
{
    return {Key::ClaimNumber, Key::Patient, Key::Payer,  Key::DateOfService,
            Key::Billed,      Key::Allowed, Key::Paid,   Key::PatientResponsibility,
            Key::Status,      Key::StatusChangedAt, Key::UpdatedAt};
}

QMap<QString, ClaimListFilter> filters(const QDate &today)
{
    QMap<QString, ClaimListFilter> map;
    map.insert(QStringLiteral("everything"), {});
    ClaimListFilter f;
    f.statuses = {ClaimStatus::Denied, ClaimStatus::Pended, ClaimStatus::Paid};
    map.insert(QStringLiteral("three statuses"), f);
    f = {};
    f.insuranceIds = {QStringLiteral("INS003")};
    map.insert(QStringLiteral("one payer"), f);
    f = {};
    f.serviceFrom = today.addDays(-90);
    f.serviceTo = today.addDays(-20);
    map.insert(QStringLiteral("dates of service"), f);
    f = {};
    f.serviceTo = today.addDays(-150);
    map.insert(QStringLiteral("dates before"), f);
    f = {};
    f.text = QStringLiteral("smi");
    map.insert(QStringLiteral("text"), f);
    f.statuses = {ClaimStatus::Accepted, ClaimStatus::Paid, ClaimStatus::Corrected,
                  ClaimStatus::Queued};
    f.insuranceIds = {QStringLiteral("INS001"), QStringLiteral("INS003")};
    f.serviceFrom = today.addDays(-180);
    map.insert(QStringLiteral("all four"), f);
    return map;
}
} // namespace

class TestClaimListRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesFollowTheOrder_data();
    void pagesFollowTheOrder();
    void textFindsStartsOnly_data();
    void textFindsStartsOnly();
    void summaryIsTheSumOfTheRows_data();
    void summaryIsTheSumOfTheRows();
    void forEachHandsOverTheWholeSetInOrder();
    void rowReadsOneClaim();
    void plansUseIndexes();
    void totalsFollowEveryChange();

private:
    QList<qint64> readAll(const ClaimListFilter &filter, ClaimListRepository::Tuning tuning,
                          int pageSize);
    TestDatabase m_db;
    QList<Stored> m_stored;
    QDate m_today = QDate::currentDate();
};

void TestClaimListRepository::initTestCase()
{
    QVERIFY2(m_db.open(), qPrintable(m_db.result().error));
    const QList<Claim> made = claims(claimCount, m_today, QDateTime::currentDateTimeUtc());
    const qint64 first = STORE_VALUE(ClaimBulkWriter(m_db.connection()).insertMany(made));
    QVERIFY(first > 0);
    ClaimRepository claims(m_db.connection());
    for (int i = 0; i < made.size(); ++i) {
        const auto stored = STORE_VALUE(claims.find(first + i));
        QVERIFY(stored.has_value());
        // What the writer stored is what it was given.
        QCOMPARE(stored->status, made.at(i).status);
        QCOMPARE(stored->statusChangedAt, made.at(i).statusChangedAt);
        QCOMPARE(stored->lines, made.at(i).lines);
        m_stored << Stored{first + i, stored->claimNumber, made.at(i)};
    }
    QVERIFY(m_stored.first().claimNumber.startsWith(QLatin1String("CLM")));
}

QList<qint64> TestClaimListRepository::readAll(const ClaimListFilter &filter,
                                               ClaimListRepository::Tuning tuning, int pageSize)
{
    ClaimListRepository repository(m_db.connection(), tuning);
    QList<qint64> ids;
    ClaimListCursor cursor;
    for (int pages = 0; pages < 1000; ++pages) {
        const auto page = repository.page(filter, pageSize, cursor);
        if (!page) {
            qWarning() << page.error();
            return {-1};
        }
        for (const ClaimListRow &row : page->rows)
            ids << row.id;
        if (!page->hasMore)
            return ids;
        if (page->rows.size() != pageSize)
            return {-2}; // a page short of its size yet more to come
        cursor = page->next;
    }
    return {-3};
}

void TestClaimListRepository::pagesFollowTheOrder_data()
{
    QTest::addColumn<ClaimListFilter>("filter");
    QTest::addColumn<ClaimListRepository::Tuning>("tuning");
    // Walk: no term is selective. Driven: every term is. Bounded: walks give up after 5
    // entries and a filter index finishes the page.
    const QList<std::pair<const char *, ClaimListRepository::Tuning>> tunings = {
        {"walk", {0, 1000000}}, {"driven", {1000000, 1000000}}, {"bounded walk", {0, 5}}};
    const auto all = filters(m_today);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        for (const auto &[tuningName, tuning] : tunings) {
            for (Key key : allKeys()) {
                for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    ClaimListFilter f = it.value();
                    f.sortKey = key;
                    f.sortOrder = order;
                    QTest::addRow("%s, %s, key %d %s", qPrintable(it.key()), tuningName, int(key),
                                  order == Qt::AscendingOrder ? "asc" : "desc")
                        << f << tuning;
                }
            }
        }
    }
}

void TestClaimListRepository::pagesFollowTheOrder()
{
    QFETCH(ClaimListFilter, filter);
    QFETCH(ClaimListRepository::Tuning, tuning);
    const QList<qint64> expected = expectedIds(m_stored, filter);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(readAll(filter, tuning, 29), expected);
}

void TestClaimListRepository::textFindsStartsOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("atLeast");
    QTest::newRow("last name start") << "smi" << 2;
    QTest::newRow("accents ignored") << "ALV" << 2;
    QTest::newRow("first then last") << "jane smith" << 2;
    QTest::newRow("last, first start") << "smith, j" << 2;
    QTest::newRow("particles") << "de la cruz" << 2;
    QTest::newRow("formula-like name") << "=form" << 2;
    QTest::newRow("payor's claim id") << "pcl-t-0001" << 2;
    QTest::newRow("middle of a name is not a start") << "ither" << 0;
    QTest::newRow("nothing") << "zzyzx" << 0;
}

void TestClaimListRepository::textFindsStartsOnly()
{
    QFETCH(QString, text);
    QFETCH(int, atLeast);
    ClaimListFilter filter;
    filter.text = text;
    const QList<qint64> expected = expectedIds(m_stored, filter);
    QVERIFY(expected.size() >= atLeast);
    if (atLeast == 0)
        QVERIFY(expected.isEmpty());
    QCOMPARE(readAll(filter, {}, 50), expected);

    // Our claim number (any case) and the id in digits find that claim.
    const Stored &some = m_stored.at(42);
    filter.text = some.claimNumber.toLower();
    QCOMPARE(readAll(filter, {}, 50), QList<qint64>{some.id});
    filter.text = QString::number(some.id);
    QVERIFY(readAll(filter, {}, 50).contains(some.id));
    QCOMPARE(readAll(filter, {}, 50), expectedIds(m_stored, filter));
}

void TestClaimListRepository::summaryIsTheSumOfTheRows_data()
{
    QTest::addColumn<ClaimListFilter>("filter");
    const auto all = filters(m_today);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.value();
}

void TestClaimListRepository::summaryIsTheSumOfTheRows()
{
    QFETCH(ClaimListFilter, filter);
    const ClaimListSummary expected = expectedSummary(m_stored, filter, m_today);
    const ClaimListSummary summary =
        STORE_VALUE(ClaimListRepository(m_db.connection()).summary(filter, m_today));
    QCOMPARE(summary.totals.claims, qint64(expectedIds(m_stored, filter).size()));
    QCOMPARE(summary.totals, expected.totals);
    QCOMPARE(summary.byStatus, expected.byStatus);
    QCOMPARE(summary.aging, expected.aging);
    QCOMPARE(summary.asOf, m_today);
    QCOMPARE(summary.aging[3].fromDays, 91);
    QCOMPARE(summary.aging[3].toDays, -1);
}

void TestClaimListRepository::forEachHandsOverTheWholeSetInOrder()
{
    const auto all = filters(m_today);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            ClaimListFilter filter = it.value();
            filter.sortKey = Key::Billed;
            filter.sortOrder = order;
            QList<qint64> ids;
            const qint64 count = STORE_VALUE(ClaimListRepository(m_db.connection())
                                                 .forEach(filter, [&](const ClaimListRow &row) {
                                                     ids << row.id;
                                                     return true;
                                                 }));
            QCOMPARE(count, qint64(ids.size()));
            QCOMPARE(ids, expectedIds(m_stored, filter));
        }
    }
    // A sink that says stop ends the read with an error.
    int seen = 0;
    const auto stopped = ClaimListRepository(m_db.connection()).forEach({}, [&](const ClaimListRow &) {
        return ++seen < 3;
    });
    QVERIFY(!stopped);
    QCOMPARE(seen, 3);
}

void TestClaimListRepository::rowReadsOneClaim()
{
    const Stored &s = m_stored.at(7);
    const auto row = STORE_VALUE(ClaimListRepository(m_db.connection()).row(s.id));
    QVERIFY(row.has_value());
    QCOMPARE(row->claimNumber, s.claimNumber);
    QCOMPARE(row->patientName, s.claim.patientName);
    QCOMPARE(row->payerName, s.claim.payerName);
    QCOMPARE(row->insuranceId, s.claim.insuranceId);
    QCOMPARE(row->dateOfService, s.claim.dateOfService);
    QCOMPARE(row->billedCents, s.claim.totalChargeCents());
    QCOMPARE(row->allowedCents, s.claim.allowedCents);
    QCOMPARE(row->paidCents, s.claim.paidCents);
    QCOMPARE(row->patientResponsibilityCents, s.claim.patientResponsibilityCents);
    QCOMPARE(row->status, s.claim.status);
    QCOMPARE(row->statusChangedAt, s.claim.statusChangedAt);
    QCOMPARE(row->updatedAt, s.claim.updatedAt);
    QCOMPARE(row->daysInStatus(s.claim.statusChangedAt.addSecs(3 * 86400 + 5)), 3);
    QVERIFY(!STORE_VALUE(ClaimListRepository(m_db.connection()).row(999999)).has_value());
}

void TestClaimListRepository::plansUseIndexes()
{
    // Every sort walks an index, never a sort of the whole table; the figures of a name search
    // read only its covering index.
    QSqlQuery plan(Database::connection(m_db.connection()));
    const QList<QStringList> orders = {
        {QStringLiteral("claim_number")},       {QStringLiteral("patient_name_key")},
        {QStringLiteral("payer_name")},         {QStringLiteral("ifnull(date_of_service, '')")},
        {QStringLiteral("billed_cents")},       {QStringLiteral("allowed_cents")},
        {QStringLiteral("paid_cents")},         {QStringLiteral("patient_resp_cents")},
        {QStringLiteral("status"), QStringLiteral("status_changed_at")},
        {QStringLiteral("status_changed_at")}, {QStringLiteral("updated_at")}};
    for (const QStringList &order : orders) {
        QVERIFY2(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM claims ORDER BY %1 "
                                          "DESC, id DESC LIMIT 10")
                               .arg(order.join(QStringLiteral(" DESC, ")))),
                 qPrintable(plan.lastError().text()));
        QString detail;
        while (plan.next())
            detail += plan.value(3).toString() + QLatin1Char(';');
        QVERIFY2(detail.contains(QLatin1String("INDEX")) && !detail.contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(order.join(QLatin1Char(',')) + QStringLiteral(": ") + detail));
    }
    QVERIFY(plan.exec(QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT status, count(*), sum(billed_cents), sum(allowed_cents), "
        "sum(paid_cents), sum(patient_resp_cents) FROM claims INDEXED BY claims_name_totals "
        "WHERE patient_name_key >= 'smi' AND patient_name_key < 'smj' AND +insurance_id IN "
        "('INS001') GROUP BY status")));
    QString detail;
    while (plan.next())
        detail += plan.value(3).toString() + QLatin1Char(';');
    QVERIFY2(detail.contains(QLatin1String("COVERING INDEX claims_name_totals")), qPrintable(detail));
}

void TestClaimListRepository::totalsFollowEveryChange()
{
    // Written the way the app writes claims: a new draft, status and payor figures changed, a
    // claim's content edited (its date, payer and charges), one removed. The daily totals
    // follow every change.
    ClaimRepository claims(m_db.connection());
    Claim fresh = m_stored.at(4).claim;
    fresh.status = ClaimStatus::Draft;
    fresh.payerClaimId.clear();
    fresh.dateOfService = m_today.addDays(-45);
    const Claim inserted = STORE_VALUE(claims.insert(fresh));
    m_stored << Stored{inserted.id, inserted.claimNumber, inserted};

    for (int i : {10, 11, 12, 40}) {
        Stored &s = m_stored[i];
        Claim changed = *STORE_VALUE(claims.find(s.id));
        changed.status = i == 40 ? ClaimStatus::Pended : ClaimStatus::Paid;
        changed.allowedCents = 9000 + i;
        changed.paidCents = 7000 + i;
        changed.patientResponsibilityCents = 2000;
        s.claim = STORE_VALUE(claims.saveStatus(changed, {}));
    }
    Claim edited = inserted;
    edited.insuranceId = QStringLiteral("INS002");
    edited.dateOfService = m_today.addDays(-75);
    edited.lines.append({QStringLiteral("94640"), {}, 2, 6000, {1}, QStringLiteral("Neb")});
    m_stored.last().claim = STORE_VALUE(claims.updateContent(edited));
    QCOMPARE(m_stored.last().claim.totalChargeCents(), edited.totalChargeCents());

    QVERIFY(m_db.exec(QStringLiteral("DELETE FROM claims WHERE id = %1").arg(m_stored.at(20).id))
                .isEmpty());
    m_stored.removeAt(20);

    const auto all = filters(m_today);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const ClaimListSummary summary =
            STORE_VALUE(ClaimListRepository(m_db.connection()).summary(it.value(), m_today));
        const ClaimListSummary expected = expectedSummary(m_stored, it.value(), m_today);
        QVERIFY2(summary == expected, qPrintable(it.key()));
    }
}

CLINICDESK_STORE_TEST_MAIN(TestClaimListRepository)
#include "tst_claimlistrepository.moc"
