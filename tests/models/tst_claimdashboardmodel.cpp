// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The billers' claims dashboard model on a real store: pages as the view scrolls, every column
// sorted both ways, each filter, the figures of the filtered set, a claim changed live updated
// in place (selection kept, a brief flash), and the CSV export (content, quoting, owner-only,
// audited). Bulk claims are written as given (ClaimBulkWriter), so their times and amounts are
// known; live changes go through ClaimService as they do in the app.
#include "common/claimlistfixtures.h"
#include "common/trainingenvironment.h"
#include "models/claimdashboardmodel.h"
#include "models/modelroles.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimservice.h"
#include "services/store/claimbulkwriter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace ClaimListFixtures;
using Tester = QAbstractItemModelTester;
using Key = ClaimListFilter::SortKey;

Q_DECLARE_METATYPE(ClaimListFilter)

namespace {
constexpr int claimCount = 450; // more than two pages

//! Waits for the model's first page (after setFilter, sort or refresh).
bool waitForRows(ClaimDashboardModel &model, const std::function<void()> &change)
{
    QSignalSpy loaded(&model, &ClaimDashboardModel::rowsLoaded);
    change();
    return loaded.wait(10000);
}

//! Fetches every page, as a view scrolled to the end would. (The model tester fetches too.)
bool fetchAll(ClaimDashboardModel &model)
{
    while (model.hasMore()) {
        QSignalSpy fetched(&model, &ClaimDashboardModel::pageFetched);
        if (model.canFetchMore({}))
            model.fetchMore({});
        if (!model.isFetching() || !fetched.wait(10000))
            return false;
    }
    return true;
}

QList<qint64> ids(const ClaimDashboardModel &model)
{
    QList<qint64> list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data(ModelRoles::IdRole).toLongLong();
    return list;
}

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QString amount(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}
} // namespace

class TestClaimDashboardModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesUnderTheModelTester();
    void everyColumnSortsBothWays_data();
    void everyColumnSortsBothWays();
    void filters_data();
    void filters();
    void displayAndRoles();
    void liveChangeUpdatesTheRowInPlace();
    void staleAnswerIsDropped();
    void csvExport();
    void csvField_data();
    void csvField();

private:
    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<ClaimService> m_claims;
    std::unique_ptr<ClaimDashboardService> m_service;
    QList<Stored> m_stored;
    QDate m_today = QDate::currentDate();
};

void TestClaimDashboardModel::initTestCase()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_claims = std::make_unique<ClaimService>(&m_env->store(), QStringLiteral("biller.bo"));
    m_service = std::make_unique<ClaimDashboardService>(&m_env->store(), QStringLiteral("biller.bo"));
    m_service->follow(m_claims.get());
    const QList<Claim> made = claims(claimCount, m_today, QDateTime::currentDateTimeUtc());
    const auto first = m_env->write([made](const QString &connection) {
        return ClaimBulkWriter(connection).insertMany(made);
    });
    QVERIFY2(first, qPrintable(first.error()));
    for (int i = 0; i < made.size(); ++i) {
        const auto row = TestSupport::await(m_service->row(*first + i));
        QVERIFY(row && row->has_value());
        m_stored << Stored{*first + i, (*row)->claimNumber, made.at(i)};
    }
}

void TestClaimDashboardModel::pagesUnderTheModelTester()
{
    ClaimDashboardModel model(m_service.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 11);
    QVERIFY(waitForRows(model, [&] { model.setFilter({}); }));
    QVERIFY2(model.errorString().isEmpty(), qPrintable(model.errorString()));
    QVERIFY(model.rowCount() == ClaimDashboardModel::pageSize ||
            model.rowCount() == 2 * ClaimDashboardModel::pageSize); // the tester may fetch one
    QVERIFY(model.hasMore());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(fetchAll(model));
    QVERIFY(inserted.count() >= 1); // 450 claims: pages of 200, 200 and 50
    QCOMPARE(model.rowCount(), claimCount);
    QVERIFY(!model.canFetchMore({}));
    // Default order: the last update first.
    ClaimListFilter byUpdate;
    QCOMPARE(ids(model), expectedIds(m_stored, byUpdate));
    QCOMPARE(model.sortColumn(), int(ClaimDashboardModel::LastUpdateColumn));
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
}

void TestClaimDashboardModel::everyColumnSortsBothWays_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (int column = 0; column < ClaimDashboardModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            QTest::addRow("column %d %s", column, order == Qt::AscendingOrder ? "asc" : "desc")
                << column << int(order);
        }
    }
}

void TestClaimDashboardModel::everyColumnSortsBothWays()
{
    QFETCH(int, column);
    QFETCH(int, order);
    ClaimDashboardModel model(m_service.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    // A filter too, so a filter index (not only the sort index) reads the list.
    ClaimListFilter filter;
    filter.insuranceIds = {QStringLiteral("INS001"), QStringLiteral("INS002")};
    QVERIFY(waitForRows(model, [&] { model.setFilter(filter); }));
    QVERIFY(waitForRows(model, [&] { model.sort(column, Qt::SortOrder(order)); }));
    QVERIFY(fetchAll(model));
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), Qt::SortOrder(order));

    // The values shown are in order (by hand, per column type), and so are the ids: the same
    // list as worked out in C++.
    ClaimListFilter expected = model.filter();
    QCOMPARE(ids(model), expectedIds(m_stored, expected));
    const bool ascending = Qt::SortOrder(order) == Qt::AscendingOrder;
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant a = model.index(row - 1, column).data(ModelRoles::ValueRole);
        const QVariant b = model.index(row, column).data(ModelRoles::ValueRole);
        if (column == ClaimDashboardModel::PatientColumn)
            continue; // by name key (accents ignored): covered by the ids
        if (column == ClaimDashboardModel::DaysInStatusColumn) {
            QVERIFY(ascending ? a.toInt() <= b.toInt() : a.toInt() >= b.toInt());
            continue;
        }
        const int c = QVariant::compare(a, b) == QPartialOrdering::Less      ? -1
                      : QVariant::compare(a, b) == QPartialOrdering::Greater ? 1
                                                                             : 0;
        if (column == ClaimDashboardModel::DateOfServiceColumn && (!a.toDate().isValid() || !b.toDate().isValid()))
            continue;
        QVERIFY2(ascending ? c <= 0 : c >= 0,
                 qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(a.toString(), b.toString())));
    }
}

void TestClaimDashboardModel::filters_data()
{
    QTest::addColumn<ClaimListFilter>("filter");
    ClaimListFilter f;
    f.statuses = {ClaimStatus::Denied};
    QTest::newRow("one status") << f;
    f.statuses = {ClaimStatus::Queued, ClaimStatus::Submitted, ClaimStatus::Accepted,
                  ClaimStatus::Pended, ClaimStatus::Appealed};
    QTest::newRow("open statuses") << f;
    f = {};
    f.insuranceIds = {QStringLiteral("INS003")};
    QTest::newRow("payer") << f;
    f = {};
    f.serviceFrom = m_today.addDays(-60);
    f.serviceTo = m_today.addDays(-10);
    QTest::newRow("date range") << f;
    f = {};
    f.text = QStringLiteral("Smith");
    QTest::newRow("text: last name") << f;
    f.text = QStringLiteral("maría álv");
    QTest::newRow("text: first and last") << f;
    f.text = QStringLiteral("PCL-T-0002");
    QTest::newRow("text: payor's claim id") << f;
    f = {};
    f.statuses = {ClaimStatus::Paid, ClaimStatus::Denied, ClaimStatus::PartiallyPaid};
    f.insuranceIds = {QStringLiteral("INS001"), QStringLiteral("HI12345")};
    f.serviceFrom = m_today.addDays(-150);
    f.text = QStringLiteral("s");
    f.sortKey = Key::Billed;
    f.sortOrder = Qt::AscendingOrder;
    QTest::newRow("everything at once") << f;
    f = {};
    f.text = QStringLiteral("nobody-like-this");
    QTest::newRow("nothing matches") << f;
}

void TestClaimDashboardModel::filters()
{
    QFETCH(ClaimListFilter, filter);
    ClaimDashboardModel model(m_service.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy summaries(&model, &ClaimDashboardModel::summaryChanged);
    QVERIFY(waitForRows(model, [&] { model.setFilter(filter); }));
    QVERIFY(fetchAll(model));
    const QList<qint64> expected = expectedIds(m_stored, filter);
    QCOMPARE(ids(model), expected);

    // The figures: the sums of the rows listed, and of the rows worked out in C++.
    QTRY_VERIFY(summaries.count() >= 1);
    const auto summary = summaries.constLast().at(0).value<ClaimListSummary>();
    QCOMPARE(summary, model.summary());
    ClaimMoneyTotals listed;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ClaimListRow r = model.rowAt(row);
        listed.claims += 1;
        listed.billedCents += r.billedCents;
        listed.allowedCents += r.allowedCents;
        listed.paidCents += r.paidCents;
        listed.patientResponsibilityCents += r.patientResponsibilityCents;
    }
    QCOMPARE(summary.totals, listed);
    const ClaimListSummary independent = expectedSummary(m_stored, filter, m_today);
    QCOMPARE(summary.totals, independent.totals);
    QCOMPARE(summary.byStatus, independent.byStatus);
    QCOMPARE(summary.aging, independent.aging);
    qint64 inBreakdown = 0;
    for (const ClaimStatusTotals &s : summary.byStatus)
        inBreakdown += s.totals.claims;
    QCOMPARE(inBreakdown, summary.totals.claims);
}

void TestClaimDashboardModel::displayAndRoles()
{
    ClaimDashboardModel model(m_service.get());
    ClaimListFilter filter;
    filter.text = m_stored.at(12).claimNumber;
    QVERIFY(waitForRows(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 1);
    const Stored &s = m_stored.at(12);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(ClaimDashboardModel::ClaimNumberColumn).toString(), s.claimNumber);
    QCOMPARE(cell(0, ModelRoles::IdRole).toLongLong(), s.id);
    QCOMPARE(cell(ClaimDashboardModel::PatientColumn).toString(), s.claim.patientName);
    QCOMPARE(cell(ClaimDashboardModel::PayerColumn).toString(), s.claim.payerName);
    QCOMPARE(cell(ClaimDashboardModel::BilledColumn).toString(), formatCents(s.claim.totalChargeCents()));
    QCOMPARE(cell(ClaimDashboardModel::BilledColumn, ModelRoles::ValueRole).toLongLong(),
             s.claim.totalChargeCents());
    QCOMPARE(cell(ClaimDashboardModel::PaidColumn).toString(), formatCents(s.claim.paidCents));
    QCOMPARE(cell(ClaimDashboardModel::PatientResponsibilityColumn, ModelRoles::ValueRole).toLongLong(),
             s.claim.patientResponsibilityCents);
    QCOMPARE(cell(ClaimDashboardModel::StatusColumn).toString(), claimStatusName(s.claim.status));
    QCOMPARE(cell(ClaimDashboardModel::StatusColumn, ModelRoles::StatusKeyRole).toString(),
             claimStatusKey(s.claim.status));
    QCOMPARE(cell(ClaimDashboardModel::DateOfServiceColumn, ModelRoles::ValueRole).toDate(),
             s.claim.dateOfService);
    QCOMPARE(cell(ClaimDashboardModel::DaysInStatusColumn, ModelRoles::ValueRole).toInt(),
             int(s.claim.statusChangedAt.secsTo(QDateTime::currentDateTimeUtc()) / 86400));
    QCOMPARE(cell(ClaimDashboardModel::LastUpdateColumn, ModelRoles::ValueRole).toDateTime(),
             s.claim.updatedAt);
    QCOMPARE(cell(0, ModelRoles::FlashingRole).toBool(), false);
    for (int column = 0; column < ClaimDashboardModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestClaimDashboardModel::liveChangeUpdatesTheRowInPlace()
{
    // A claim written the way billers write them, listed in the middle of the page.
    Claim draft = m_stored.at(3).claim;
    draft.status = ClaimStatus::Draft;
    draft.patientName = QStringLiteral("Live, Lena");
    const auto saved = TestSupport::await(m_claims->saveDraft(draft));
    QVERIFY2(saved, qPrintable(saved.error()));
    ClaimDashboardModel model(m_service.get());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    ClaimListFilter filter;
    filter.sortKey = Key::Patient;
    filter.sortOrder = Qt::AscendingOrder;
    QVERIFY(waitForRows(model, [&] { model.setFilter(filter); }));
    QVERIFY(fetchAll(model));
    const int row = model.rowOfClaim(saved->id);
    QVERIFY(row > 0 && row < model.rowCount() - 1);
    QCOMPARE(model.index(row, ClaimDashboardModel::StatusColumn).data().toString(),
             claimStatusName(ClaimStatus::Draft));
    QItemSelectionModel selection(&model);
    selection.select(model.index(row, 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    QTRY_VERIFY(model.summary().totals.claims > 0);
    const qint64 claimsBefore = model.summary().totals.claims;

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy refreshed(&model, &ClaimDashboardModel::claimRefreshed);
    QSignalSpy summaries(&model, &ClaimDashboardModel::summaryChanged);
    const auto queued = TestSupport::await(m_claims->setStatus(
        saved->id, ClaimStatus::Error, ClaimEventSource::Person, QStringLiteral("test")));
    QVERIFY2(queued, qPrintable(queued.error()));
    // (It may have arrived while the status was awaited.)
    QVERIFY(refreshed.count() > 0 || refreshed.wait(5000));
    QCOMPARE(refreshed.constFirst().at(0).toInt(), row);
    QCOMPARE(model.rowOfClaim(saved->id), row);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex(), model.index(row, 0));
    QCOMPARE(changed.constFirst().at(1).toModelIndex(), model.index(row, ClaimDashboardModel::ColumnCount - 1));
    QCOMPARE(model.index(row, ClaimDashboardModel::StatusColumn).data().toString(),
             claimStatusName(ClaimStatus::Error));
    QVERIFY(selection.isRowSelected(row, {}));
    QVERIFY(model.isFlashing(row));
    QVERIFY(model.index(row, 3).data(ModelRoles::FlashingRole).toBool());
    QVERIFY(!model.isFlashing(row - 1));
    // The figures are read again after the change (one claim more is not expected: it was
    // listed already).
    QTRY_VERIFY_WITH_TIMEOUT(summaries.count() > 0, 5000);
    QCOMPARE(model.summary().totals.claims, claimsBefore);
    // The flash ends on its own, with a repaint of that row.
    changed.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFlashing(row), ClaimDashboardModel::flashDurationMs + 1500);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().at(0).toModelIndex().row(), row);
    QVERIFY(!model.index(row, 0).data(ModelRoles::FlashingRole).toBool());

    // Put back as it was, for the other tests: remove from the expected set instead.
    m_stored << Stored{saved->id, saved->claimNumber, *queued};
}

void TestClaimDashboardModel::staleAnswerIsDropped()
{
    ClaimDashboardModel model(m_service.get());
    ClaimListFilter denied;
    denied.statuses = {ClaimStatus::Denied};
    ClaimListFilter paid;
    paid.statuses = {ClaimStatus::Paid};
    QSignalSpy loaded(&model, &ClaimDashboardModel::rowsLoaded);
    model.setFilter(denied);
    model.setFilter(paid); // before the first answers
    QVERIFY(loaded.wait(10000));
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(fetchAll(model));
    QCOMPARE(ids(model), expectedIds(m_stored, model.filter()));
}

void TestClaimDashboardModel::csvExport()
{
    ClaimListFilter filter;
    filter.insuranceIds = {QStringLiteral("INS003")}; // "Blue "Plus", Health": quoting
    filter.sortKey = Key::Billed;
    filter.sortOrder = Qt::DescendingOrder;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("claims.csv"));
    const auto exported = TestSupport::await(m_service->exportCsv(filter, path));
    QVERIFY2(exported, qPrintable(exported.error()));
    const QList<qint64> expected = expectedIds(m_stored, filter);
    QCOMPARE(*exported, qint64(expected.size()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains("\"Blue \"\"Plus\"\", Health\""));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(rows.size(), expected.size() + 1);
    QCOMPARE(rows.first().size(), 11);
    QCOMPARE(rows.first().first(), QStringLiteral("Claim"));
    QHash<qint64, const Stored *> byId;
    for (const Stored &s : std::as_const(m_stored))
        byId.insert(s.id, &s);
    bool sawFormula = false;
    for (int i = 0; i < expected.size(); ++i) {
        const Stored &s = *byId.value(expected.at(i));
        const QStringList &r = rows.at(i + 1);
        QCOMPARE(r.size(), 11);
        QCOMPARE(r.at(0), s.claimNumber);
        // A name a spreadsheet would run as a formula is defused.
        if (s.claim.patientName.startsWith(QLatin1Char('='))) {
            QCOMPARE(r.at(1), QLatin1Char('\'') + s.claim.patientName);
            sawFormula = true;
        } else {
            QCOMPARE(r.at(1), s.claim.patientName);
        }
        QCOMPARE(r.at(2), s.claim.payerName);
        QCOMPARE(r.at(3), s.claim.dateOfService.toString(Qt::ISODate));
        QCOMPARE(r.at(4), amount(s.claim.totalChargeCents()));
        QCOMPARE(r.at(5), amount(s.claim.allowedCents));
        QCOMPARE(r.at(6), amount(s.claim.paidCents));
        QCOMPARE(r.at(7), amount(s.claim.patientResponsibilityCents));
        QCOMPARE(r.at(8), claimStatusName(s.claim.status));
        QCOMPARE(r.at(10), s.claim.updatedAt.toUTC().toString(Qt::ISODate));
    }
    QVERIFY(sawFormula);

    // Owner only: it holds PHI.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(path).permissions() & others, QFileDevice::Permissions());
    QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOwner);

    // In the audit trail, under the user.
    bool audited = false;
    for (const AuditEntry &entry : m_env->auditEntries())
        audited = audited || (entry.action == QLatin1String("claims.export_csv") &&
                              entry.user == QLatin1String("biller.bo"));
    QVERIFY(audited);

    // A file that cannot be written is an error, and nothing is left behind.
    const QString nowhere = dir.filePath(QStringLiteral("missing/claims.csv"));
    const auto failed = TestSupport::await(m_service->exportCsv(filter, nowhere));
    QVERIFY(!failed);
    QVERIFY(failed.error().contains(nowhere));
    QVERIFY(!QFile::exists(nowhere));
}

void TestClaimDashboardModel::csvField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "Aetna Health" << "Aetna Health";
    QTest::newRow("comma") << "Smith, Jane" << "\"Smith, Jane\"";
    QTest::newRow("quote") << "Blue \"Plus\"" << "\"Blue \"\"Plus\"\"\"";
    QTest::newRow("line break") << "two\nlines" << "\"two\nlines\"";
    QTest::newRow("formula") << "=HYPERLINK(1)" << "'=HYPERLINK(1)";
    QTest::newRow("formula with comma") << "@SUM(1,2)" << "\"'@SUM(1,2)\"";
    QTest::newRow("empty") << "" << "";
}

void TestClaimDashboardModel::csvField()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(ClaimDashboardService::csvField(text), field);
}

QTEST_GUILESS_MAIN(TestClaimDashboardModel)
#include "tst_claimdashboardmodel.moc"
