// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Spanish translation is complete and keeps every placeholder and accelerator.
#include "common/testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spanishIsCompleteAndConsistent();
};

void TestTranslations::spanishIsCompleteAndConsistent()
{
    QFile file(TestSupport::testDataPath(QStringLiteral("../../translations/clinicdesk_es.ts")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
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
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const bool unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString where = context + QStringLiteral(": ") + source;
            QStringList forms;
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
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 900);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
