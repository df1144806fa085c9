// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The layering of DESIGN.md, checked in the sources: widgets and models talk to services, never
// to repositories or SQL; services have no widgets; no service befriends its jobs.
#include "common/testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
QString sourceRoot()
{
    return QDir(TestSupport::testDataPath(QStringLiteral("../.."))).absolutePath();
}

//! Every C++ file under `folder` (relative to the source root) with its text.
QList<std::pair<QString, QString>> sources(const QString &folder)
{
    QList<std::pair<QString, QString>> files;
    QDirIterator it(QDir(sourceRoot()).filePath(folder),
                    {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.append(
                {QDir(sourceRoot()).relativeFilePath(path), QString::fromUtf8(file.readAll())});
    }
    return files;
}

QStringList offenders(const QString &folder, const QRegularExpression &pattern)
{
    QStringList found;
    for (const auto &[path, text] : sources(folder)) {
        const QRegularExpressionMatch match = pattern.match(text);
        if (match.hasMatch())
            found << QStringLiteral("%1: %2").arg(path, match.captured(0));
    }
    return found;
}
} // namespace

class TestLayering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldersExist();
    void widgetsAndModelsNeverReachTheDatabase_data();
    void widgetsAndModelsNeverReachTheDatabase();
    void servicesHaveNoWidgets();
    void noFriendsBetweenServicesAndJobs();
    void sqlOnlyInTheStore();
};

void TestLayering::foldersExist()
{
    // A wrong root would make every other check pass on nothing.
    QVERIFY(sources(QStringLiteral("ui")).size() > 10);
    QVERIFY(sources(QStringLiteral("models")).size() > 8);
    QVERIFY(sources(QStringLiteral("services")).size() > 50);
}

void TestLayering::widgetsAndModelsNeverReachTheDatabase_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("ui") << "ui";
    QTest::newRow("models") << "models";
}

void TestLayering::widgetsAndModelsNeverReachTheDatabase()
{
    QFETCH(QString, folder);
    static const QRegularExpression repository(QStringLiteral(
        "#include \"services/store/(\\w*repository|auditlog|database|store|"
        "sqlvalues|sqlscript)\\.h\"|#include <QSql\\w*>|\\bQSql(Query|Database)\\b"));
    const QStringList found = offenders(folder, repository);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestLayering::servicesHaveNoWidgets()
{
    static const QRegularExpression widgets(
        QStringLiteral("#include <(QtWidgets/)?(QWidget|QDialog|QMessageBox|QApplication|"
                       "QMainWindow|QLabel|QPushButton)>"));
    const QStringList found = offenders(QStringLiteral("services"), widgets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestLayering::noFriendsBetweenServicesAndJobs()
{
    static const QRegularExpression friends(QStringLiteral("\\bfriend\\s+class\\b"));
    const QStringList found = offenders(QStringLiteral("services"), friends);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestLayering::sqlOnlyInTheStore()
{
    static const QRegularExpression sql(QStringLiteral("\\bQSqlQuery\\b"));
    QStringList found;
    for (const QString &folder :
         {QStringLiteral("services/eligibility"), QStringLiteral("services/patients"),
          QStringLiteral("services/reports"), QStringLiteral("services/sandbox"),
          QStringLiteral("services/x12"), QStringLiteral("services/common"),
          QStringLiteral("services/live"), QStringLiteral("services/hub"), QStringLiteral("app")})
        found += offenders(folder, sql);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
