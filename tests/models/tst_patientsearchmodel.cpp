// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Patient search as the front desk uses it: as-you-type results, pages fetched as the list
// scrolls, stale answers dropped, edits shown in place, and read errors reported.
#include "common/trainingenvironment.h"
#include "models/modelroles.h"
#include "models/patientsearchmodel.h"
#include "services/store/patientrepository.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <algorithm>

using Tester = QAbstractItemModelTester;

namespace {
// Every patient added for paging has one of these last names; no demo patient does, so the
// search "qu" finds exactly them.
const QStringList pagingLastNames = {"Quinn",  "Quade",   "Quésada", "Quimby",
                                     "Quayle", "Quesada", "Quinlan", "Quarles"};
const QStringList pagingFirstNames = {"Noor", "Ada",  "Lev", "Mina", "Ivo",
                                      "Ana",  "Ezra", "Ada", "Zoe",  "Ben"};

//! Lets every queued store task finish and the answers reach their receivers.
void settle(Store &store)
{
    store.drain();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

//! A Store over a file that is not a database: every read and write fails.
struct DamagedStore
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Database::OpenResult opened;

    DamagedStore()
    {
        const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray(8192, 'x'));
        file.close();
        store = std::make_unique<Store>(Store::Options{
            path, 1,
            QStringLiteral("damaged-") + QUuid::createUuid().toString(QUuid::WithoutBraces)});
        opened = TestSupport::await(store->open());
    }
    ~DamagedStore() { store->drain(); }
};

QStringList names(const PatientSearchModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, PatientSearchModel::NameColumn).data().toString();
    return list;
}
} // namespace

class TestPatientSearchModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void search_data();
    void search();
    void fetchMoreAppendsPagesInNameOrder();
    void pagesUnderTheModelTester();
    void staleAnswerIsDropped();
    void editUpdatesRowAndKeepsSelection();
    void readErrorIsReported();

private:
    //! Adds `count` patients named after pagingLastNames in a scrambled order; their ids in
    //! name order (last, first, id with case and accents ignored), or empty on failure.
    static QList<qint64> addPagingPatients(TrainingEnvironment &env, int count);
};

QList<qint64> TestPatientSearchModel::addPagingPatients(TrainingEnvironment &env, int count)
{
    QList<Patient> patients;
    for (int i = 0; i < count; ++i) {
        const int n = (i * 37) % count; // scrambled: insertion order is not name order
        Patient p;
        p.firstName = pagingFirstNames.at(n % pagingFirstNames.size());
        p.lastName = pagingLastNames.at((n / pagingFirstNames.size()) % pagingLastNames.size());
        p.dateOfBirth = QDate(1970, 1, 1).addDays(n);
        p.gender = n % 2 ? Gender::Male : Gender::Female;
        patients << p;
    }
    const auto stored = env.write([patients](const QString &connection) {
        return PatientRepository(connection).insertMany(patients);
    });
    if (!stored) {
        qWarning() << "patients not added:" << stored.error();
        return {};
    }
    QList<Patient> sorted = *stored;
    std::sort(sorted.begin(), sorted.end(), [](const Patient &a, const Patient &b) {
        const QString lastA = nameKey(a.lastName), lastB = nameKey(b.lastName);
        if (lastA != lastB)
            return lastA < lastB;
        const QString firstA = nameKey(a.firstName), firstB = nameKey(b.firstName);
        if (firstA != firstB)
            return firstA < firstB;
        return a.id < b.id;
    });
    QList<qint64> ids;
    for (const Patient &p : std::as_const(sorted))
        ids << p.id;
    return ids;
}

void TestPatientSearchModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("last name prefix") << "garc" << QStringList{"Garcia, Maria"};
    QTest::newRow("first and last") << "smith jane" << QStringList{"Smith, Jane"};
    QTest::newRow("member id") << "ACT200002" << QStringList{"Smith, Chris"};
    QTest::newRow("date of birth") << "02/10/1996" << QStringList{"Smith, Jane"};
    QTest::newRow("year of birth") << "1996" << QStringList{"Smith, Jane"};
    QTest::newRow("name and year of birth") << "smith 1995" << QStringList{"Smith, Chris"};
    QTest::newRow("nobody") << "zzzz" << QStringList{};
    QTest::newRow("nobody born that year") << "1901" << QStringList{};
}

void TestPatientSearchModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientSearchModel model(&env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &PatientSearchModel::searchFinished);

    model.setSearchText(text);
    QCOMPARE(model.searchText(), text);
    QVERIFY(model.isSearching());
    QVERIFY(!model.foundNobody()); // not before the answer
    QVERIFY(finished.wait());
    QVERIFY(!model.isSearching());
    QCOMPARE(model.errorString(), QString());
    QCOMPARE(::names(model), names);
    // Nobody found is what the front desk offers to register.
    QCOMPARE(model.foundNobody(), names.isEmpty());
    QVERIFY(!model.canFetchMore({}));
    if (!names.isEmpty()) {
        const QModelIndex first = model.index(0, 0);
        QVERIFY(first.data(ModelRoles::PatientIdRole).toLongLong() > 0);
        QCOMPARE(model.patientAt(0).id, first.data(ModelRoles::IdRole).toLongLong());
        QCOMPARE(model.rowOfPatient(model.patientAt(0).id), 0);
    }

    // An empty text lists everybody.
    model.setSearchText(QString());
    QVERIFY(finished.wait());
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.index(0, PatientSearchModel::NameColumn).data().toString(),
             QStringLiteral("Brown, Andreas"));
    QVERIFY(!model.foundNobody());
}

void TestPatientSearchModel::fetchMoreAppendsPagesInNameOrder()
{
    // No model tester here: it calls fetchMore() itself on every change, which would page on
    // its own (that is checked in pagesUnderTheModelTester); here the test pages by hand.
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const int count = 3 * PatientSearchModel::pageSize + 50;
    const QList<qint64> expected = addPagingPatients(env, count);
    QCOMPARE(expected.size(), count);

    PatientSearchModel model(&env.patients());
    QSignalSpy finished(&model, &PatientSearchModel::searchFinished);
    QSignalSpy fetched(&model, &PatientSearchModel::pageFetched);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setSearchText(QStringLiteral("qu"));
    QVERIFY(!model.canFetchMore({})); // nothing to add to before the first page
    QVERIFY(finished.wait());
    QCOMPARE(model.rowCount(), int(PatientSearchModel::pageSize));
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(resets.size(), 1);

    int pages = 1;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page at a time
        QVERIFY(fetched.wait());
        ++pages;
        QCOMPARE(inserted.size(), pages - 1);
        const QList<QVariant> args = inserted.constLast();
        QCOMPARE(args.at(1).toInt(), before);
        QCOMPARE(args.at(2).toInt(), qMin(before + int(PatientSearchModel::pageSize), count) - 1);
        QVERIFY(pages <= 4);
    }
    QCOMPARE(pages, 4);
    QCOMPARE(model.rowCount(), count);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(model.errorString(), QString());

    // Each match once, in name order.
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ModelRoles::PatientIdRole).toLongLong();
    QCOMPARE(ids, expected);

    // A fetchMore() with nothing left does nothing.
    model.fetchMore({});
    settle(env.store());
    QCOMPARE(fetched.size(), 3);
    QCOMPARE(model.rowCount(), count);
}

void TestPatientSearchModel::pagesUnderTheModelTester()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const int count = 3 * PatientSearchModel::pageSize + 50;
    const QList<qint64> expected = addPagingPatients(env, count);
    QCOMPARE(expected.size(), count);

    PatientSearchModel model(&env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setSearchText(QStringLiteral("qu"));
    // The tester asks for more after every change, as a view scrolled to the end does.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), count, 10000);
    settle(env.store());
    QCOMPARE(model.rowCount(), count);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(removed.size(), 0);
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.patientAt(row).id;
    QCOMPARE(ids, expected);
}

void TestPatientSearchModel::staleAnswerIsDropped()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientSearchModel model(&env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QStringList everShown;
    auto record = [&] {
        everShown += names(model);
    };
    connect(&model, &QAbstractItemModel::modelReset, this, record);
    connect(&model, &QAbstractItemModel::rowsInserted, this, record);
    connect(&model, &QAbstractItemModel::dataChanged, this, record);
    QSignalSpy finished(&model, &PatientSearchModel::searchFinished);

    // The clerk types on before the first answer is back.
    model.setSearchText(QStringLiteral("garc"));
    model.setSearchText(QStringLiteral("smith"));
    QCOMPARE(model.searchText(), QStringLiteral("smith"));
    QVERIFY(finished.wait());
    settle(env.store()); // the answer to "garc" has arrived by now too
    QCOMPARE(finished.size(), 1);
    QCOMPARE(names(model), (QStringList{"Smith, Chris", "Smith, Jane", "Smith, Lily"}));
    QVERIFY2(!everShown.contains(QStringLiteral("Garcia, Maria")),
             qPrintable(everShown.join(QLatin1String("; "))));
    QVERIFY(!everShown.isEmpty());
}

void TestPatientSearchModel::editUpdatesRowAndKeepsSelection()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientSearchModel model(&env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &PatientSearchModel::searchFinished);
    model.setSearchText(QStringLiteral("smith"));
    QVERIFY(finished.wait());
    QCOMPARE(model.rowCount(), 3);
    const int janeRow = 1;
    const int lilyRow = 2;
    QCOMPARE(model.patientAt(janeRow).firstName, QStringLiteral("Jane"));
    QCOMPARE(model.patientAt(lilyRow).firstName, QStringLiteral("Lily"));

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(lilyRow, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    Patient jane = model.patientAt(janeRow);
    jane.middleName = QStringLiteral("Quinn");
    jane.phone = QStringLiteral("541-555-0199");
    const StoreResult<Patient> saved = TestSupport::await(env.patients().updatePatient(jane));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), janeRow);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), janeRow);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.index(janeRow, PatientSearchModel::NameColumn).data().toString(),
             QStringLiteral("Smith, Jane Q"));
    QCOMPARE(model.index(janeRow, PatientSearchModel::PhoneColumn).data().toString(),
             QStringLiteral("541-555-0199"));
    // The clerk's selection on another row stays where it was.
    QVERIFY(selection.isRowSelected(lilyRow, {}));
    QVERIFY(!selection.isRowSelected(janeRow, {}));
    QCOMPARE(selection.currentIndex().row(), lilyRow);

    // A patient who is not listed changes nothing here.
    const qint64 maria = env.patientId(QStringLiteral("Maria"));
    const StoreResult<Patient> opened = TestSupport::await(env.patients().open(maria));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    Patient other = opened.value();
    other.phone = QStringLiteral("541-555-0177");
    QVERIFY(TestSupport::await(env.patients().updatePatient(other)).ok());
    settle(env.store());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
}

void TestPatientSearchModel::readErrorIsReported()
{
    DamagedStore damaged;
    QVERIFY(!damaged.opened.ok);
    PatientService patients(damaged.store.get(), QStringLiteral("tester"));
    PatientSearchModel model(&patients);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &PatientSearchModel::searchFinished);
    QSignalSpy errors(&model, &PatientSearchModel::errorChanged);

    model.setSearchText(QStringLiteral("smith"));
    QVERIFY(finished.wait());
    QVERIFY(!model.errorString().isEmpty());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), model.errorString());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.foundNobody()); // an error is not "nobody": no offer to register
}

QTEST_GUILESS_MAIN(TestPatientSearchModel)
#include "tst_patientsearchmodel.moc"
