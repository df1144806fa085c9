// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Spanish translation is complete and keeps every placeholder and accelerator.
#include "common/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spanishIsCompleteAndConsistent();
    void spanishCoversEverySourceString();
    void englishPluralsAreComplete();
};

namespace {
//! What is wrong with a catalogue: untranslated messages, placeholders or accelerators lost.
QStringList problemsIn(const QString &path, int *messages, QString *error)
{
    QStringList problems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(" cannot be read");
        return problems;
    }
    QXmlStreamReader xml(&file);
    static const QRegularExpression placeholder(QStringLiteral("%(?:n|L?\\d)"));
    auto placeholders = [](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured(0);
        found.sort();
        return found;
    };
    auto accelerators = [](const QString &text) {
        // "&&" is a literal ampersand, not an accelerator.
        return QString(text).remove(QStringLiteral("&&")).count(QLatin1Char('&'));
    };
    QString context;
    QString source;
    *messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++*messages;
            const bool unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString where = context + QStringLiteral(": ") + source;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty()) {
                problems << QStringLiteral("untranslated: ") + where;
                continue;
            }
            if (placeholders(text) != placeholders(source) && !source.contains(QLatin1String("%n")))
                problems << QStringLiteral("placeholders differ: ") + where;
            if (accelerators(source) > 0 && accelerators(text) == 0)
                problems << QStringLiteral("accelerator lost: ") + where;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return problems;
}
} // namespace

void TestTranslations::spanishIsCompleteAndConsistent()
{
    int messages = 0;
    QString error;
    const QStringList problems = problemsIn(
        TestSupport::testDataPath(QStringLiteral("../../translations/clinicdesk_es.ts")), &messages,
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages > 900);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestTranslations::spanishCoversEverySourceString()
{
    // The catalogue as lupdate would make it from today's sources: a string added to the code
    // and not to clinicdesk_es.ts shows up here as untranslated (run the update_translations
    // target, then translate).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("clinicdesk_es.ts"));
    QVERIFY(QFile::copy(
        TestSupport::testDataPath(QStringLiteral("../../translations/clinicdesk_es.ts")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QString root = TestSupport::testDataPath(QStringLiteral("../.."));
    QProcess lupdate;
    lupdate.setWorkingDirectory(root);
    lupdate.start(QStringLiteral(CLINICDESK_LUPDATE),
                  {QStringLiteral("services"), QStringLiteral("models"), QStringLiteral("ui"),
                   QStringLiteral("app/desk"), QStringLiteral("-extensions"),
                   QStringLiteral("cpp,h,ui"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"),
                   copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitCode(), 0);
    int messages = 0;
    QString error;
    const QStringList problems = problemsIn(copy, &messages, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages > 900);
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) +
                                            QStringLiteral(" problems; the first: ") +
                                            problems.mid(0, 25).join(QLatin1Char('\n'))));
}

namespace {
//! Every numerus ("%n") message of a catalogue: source → its forms ("" when unfinished).
QHash<QString, QStringList> numerusMessages(const QString &path, QString *error)
{
    QHash<QString, QStringList> found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(" cannot be read");
        return found;
    }
    QXmlStreamReader xml(&file);
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && numerus) {
            const bool unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            QStringList forms;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
            found.insert(source, unfinished ? QStringList{} : forms);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return found;
}
} // namespace

void TestTranslations::englishPluralsAreComplete()
{
    // English reads "1 coverage" / "2 coverages" through its plural-only catalogue: every %n
    // message the Spanish one has is there, with a singular and a plural, and no "(s)".
    QString error;
    const auto english = numerusMessages(
        TestSupport::testDataPath(QStringLiteral("../../translations/clinicdesk_en.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto spanish = numerusMessages(
        TestSupport::testDataPath(QStringLiteral("../../translations/clinicdesk_es.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(english.size() >= 10);
    QStringList problems;
    for (auto it = spanish.cbegin(); it != spanish.cend(); ++it) {
        if (!english.contains(it.key()))
            problems << QStringLiteral("not in clinicdesk_en.ts: ") + it.key();
    }
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        const QStringList &forms = it.value();
        if (forms.size() != 2 || forms.at(0).isEmpty() || forms.at(1).isEmpty())
            problems << QStringLiteral("no singular and plural: ") + it.key();
        else if (!forms.at(0).contains(QLatin1String("%n")) || !forms.at(1).contains(QLatin1String("%n")))
            problems << QStringLiteral("%n lost: ") + it.key();
        if (it.key().contains(QLatin1String("(s)")) || forms.join(QString()).contains(QLatin1String("(s)")))
            problems << QStringLiteral("\"(s)\" instead of a plural: ") + it.key();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // And the built catalogue reads so.
    QTranslator plurals;
    QVERIFY(plurals.load(QStringLiteral(CLINICDESK_QM_DIR "/clinicdesk_en.qm")));
    QCOMPARE(plurals.translate("Eligibility", "(%n tries)", nullptr, 1), QStringLiteral("(%n try)"));
    QCOMPARE(plurals.translate("Eligibility", "(%n tries)", nullptr, 3), QStringLiteral("(%n tries)"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
