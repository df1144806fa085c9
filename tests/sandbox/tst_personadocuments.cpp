// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The documents of the sandbox's Metriport personas: six per persona (the C-CDA, three PDFs,
// two images) that open as what they claim to be, found by first name in any case, none for
// anyone else, the same ids on every call; and each C-CDA a well-formed R2.1 CCD with every
// section, about the right person and holding the persona's conditions.
#include "services/sandbox/personadocuments.h"

#include <QHash>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <QXmlStreamReader>

#include <memory>

namespace {

//! What a test needs to know of a C-CDA: the document's templateIds and code, the patient, and
//! per section (by its LOINC code) the codes of its entries, as "system|code".
struct CcdaOutline
{
    QString error;
    QSet<QString> documentTemplates; // "root" or "root|extension"
    QString documentCode;
    QString given;
    QString family;
    QString birthTime;
    QString gender;
    QHash<QString, QSet<QString>> sectionEntryCodes;
    QHash<QString, QSet<QString>> sectionTemplates;
    QHash<QString, int> sectionEntries;
    QHash<QString, int> sectionNegations; // entries' acts with negationInd="true"
    QSet<QString> narrativeIds;
    QStringList references;
};

CcdaOutline outline(const QByteArray &xml)
{
    CcdaOutline result;
    QXmlStreamReader reader(xml);
    QStringList path;
    QString section; // code of the section being read
    QStringList sectionTemplatesPending;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement()) {
            if (path.constLast() == QLatin1String("section"))
                section.clear();
            path.removeLast();
            continue;
        }
        if (!reader.isStartElement())
            continue;
        const QString name = reader.name().toString();
        const QXmlStreamAttributes attributes = reader.attributes();
        const QString parent = path.isEmpty() ? QString() : path.constLast();
        path << name;
        const QString id = attributes.value(QLatin1String("ID")).toString();
        if (!id.isEmpty())
            result.narrativeIds << id;
        if (name == QLatin1String("reference"))
            result.references << attributes.value(QLatin1String("value")).toString();

        const QString code = attributes.value(QLatin1String("code")).toString();
        const QString system = attributes.value(QLatin1String("codeSystem")).toString();
        if (path.size() == 2) { // children of ClinicalDocument
            if (name == QLatin1String("templateId")) {
                const QString extension = attributes.value(QLatin1String("extension")).toString();
                result.documentTemplates
                    << attributes.value(QLatin1String("root")).toString() +
                           (extension.isEmpty() ? QString() : QLatin1Char('|') + extension);
            } else if (name == QLatin1String("code")) {
                result.documentCode = system + QLatin1Char('|') + code;
            }
        }
        if (parent == QLatin1String("patient")) {
            if (name == QLatin1String("birthTime"))
                result.birthTime = attributes.value(QLatin1String("value")).toString();
            else if (name == QLatin1String("administrativeGenderCode"))
                result.gender = code;
        }
        if (parent == QLatin1String("name") && path.size() >= 3 &&
            path.at(path.size() - 3) == QLatin1String("patient")) {
            const QString value = reader.readElementText();
            path.removeLast();
            if (name == QLatin1String("given") && result.given.isEmpty())
                result.given = value;
            else if (name == QLatin1String("family"))
                result.family = value;
            continue;
        }
        if (parent == QLatin1String("section")) {
            if (name == QLatin1String("templateId")) {
                sectionTemplatesPending << attributes.value(QLatin1String("root")).toString();
            } else if (name == QLatin1String("code")) {
                section = code;
                for (const QString &root : std::as_const(sectionTemplatesPending))
                    result.sectionTemplates[section] << root;
                sectionTemplatesPending.clear();
                result.sectionEntryCodes[section]; // a section with no coded entry shows
            } else if (name == QLatin1String("entry")) {
                ++result.sectionEntries[section];
            }
        } else if (!section.isEmpty() && path.contains(QLatin1String("entry"))) {
            if (!code.isEmpty() && !system.isEmpty())
                result.sectionEntryCodes[section] << system + QLatin1Char('|') + code;
            if (attributes.value(QLatin1String("negationInd")) == QLatin1String("true"))
                ++result.sectionNegations[section];
        }
    }
    if (reader.hasError())
        result.error = reader.errorString();
    return result;
}

const QString snomed = QStringLiteral("2.16.840.1.113883.6.96");
const QString icd10 = QStringLiteral("2.16.840.1.113883.6.90");
const QString loinc = QStringLiteral("2.16.840.1.113883.6.1");
const QString rxnorm = QStringLiteral("2.16.840.1.113883.6.88");
const QString cvx = QStringLiteral("2.16.840.1.113883.12.292");

QString coded(const QString &system, const char *code)
{
    return system + QLatin1Char('|') + QLatin1String(code);
}

bool isPdf(const QByteArray &bytes)
{
    return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF");
}

} // namespace

class TestPersonaDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachPersonaHasSixDocuments_data();
    void eachPersonaHasSixDocuments();
    void namesMatchWhateverTheirCase();
    void otherPatientsHaveNone();
    void idsAreStable();
    void documentsAreMadeOffTheMainThread();
    void ccdaIsACompleteCcd_data();
    void ccdaIsACompleteCcd();

private:
    PersonaDocuments m_documents; // one for the whole test, as the sandbox keeps one
};

void TestPersonaDocuments::eachPersonaHasSixDocuments_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("lastName");
    for (const Persona &persona : PersonaDocuments::personas())
        QTest::newRow(qPrintable(persona.key)) << persona.firstName << persona.lastName;
}

void TestPersonaDocuments::eachPersonaHasSixDocuments()
{
    QFETCH(QString, firstName);
    QFETCH(QString, lastName);
    QVERIFY(PersonaDocuments::isPersona(firstName));
    const QList<PersonaDocument> documents = m_documents.documents(firstName);
    QCOMPARE(documents.size(), 6);

    QStringList mimeTypes;
    QSet<QString> ids;
    QSet<QString> fileNames;
    for (const PersonaDocument &document : documents) {
        mimeTypes << document.mimeType;
        ids << document.id;
        fileNames << document.fileName;
        QVERIFY2(!document.content.isEmpty(), qPrintable(document.fileName));
        QCOMPARE(document.size, document.content.size());
        QVERIFY2(document.fileName.startsWith(firstName.toLower() + QLatin1Char('-')),
                 qPrintable(document.fileName));
        QVERIFY(!document.description.isEmpty());
        QVERIFY(document.indexed.isValid());
        QCOMPARE(document.indexed.timeSpec(), Qt::UTC);
        QVERIFY2(document.indexed.date().year() >= 2025 && document.indexed.date().year() <= 2026,
                 qPrintable(document.indexed.toString(Qt::ISODate)));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4,5}-\\d$"))
                    .match(document.typeCode)
                    .hasMatch());
        QVERIFY(!document.typeDisplay.isEmpty());
    }
    QCOMPARE(ids.size(), 6);
    QCOMPARE(fileNames.size(), 6);
    QCOMPARE(mimeTypes,
             QStringList({QStringLiteral("application/xml"), QStringLiteral("application/pdf"),
                          QStringLiteral("application/pdf"), QStringLiteral("application/pdf"),
                          QStringLiteral("image/png"), QStringLiteral("image/jpeg")}));

    // The C-CDA is the resource, and about this persona.
    QCOMPARE(documents.at(0).content, PersonaDocuments::ccda(firstName));
    QCOMPARE(documents.at(0).typeCode, QStringLiteral("34133-9"));
    QVERIFY(documents.at(0).content.contains("<family>" + lastName.toUtf8() + "</family>"));

    // Three whole PDFs, each a different paper (discharge summary, lab report, referral).
    QSet<QString> pdfTypes;
    for (int i = 1; i <= 3; ++i) {
        const PersonaDocument &pdf = documents.at(i);
        QVERIFY2(isPdf(pdf.content), qPrintable(pdf.fileName));
        QVERIFY2(pdf.content.contains("/Type /Page"), qPrintable(pdf.fileName));
        QVERIFY2(pdf.fileName.endsWith(QLatin1String(".pdf")), qPrintable(pdf.fileName));
        pdfTypes << pdf.typeCode;
    }
    QCOMPARE(pdfTypes, QSet<QString>({QStringLiteral("18842-5"), QStringLiteral("11502-2"),
                                      QStringLiteral("57133-1")}));

    // Two images that load at the size they state, in the format they state.
    const char *formats[] = {"PNG", "JPEG"};
    for (int i = 4; i <= 5; ++i) {
        const PersonaDocument &picture = documents.at(i);
        QVERIFY(picture.imageSize.isValid());
        QImage image;
        QVERIFY2(image.loadFromData(picture.content, formats[i - 4]), qPrintable(picture.fileName));
        QCOMPARE(image.size(), picture.imageSize);
        QVERIFY(image.width() >= 800 && image.height() >= 300);
        // Not one flat colour: something was drawn.
        QVERIFY(image.pixel(image.width() / 2, image.height() / 2) != image.pixel(0, 0) ||
                image.pixel(image.width() / 3, image.height() / 3) != image.pixel(0, 0));
    }
}

void TestPersonaDocuments::namesMatchWhateverTheirCase()
{
    const QList<PersonaDocument> expected = m_documents.documents(QStringLiteral("Kyla"));
    QCOMPARE(expected.size(), 6);
    for (const QString &name : {QStringLiteral("kyla"), QStringLiteral("KYLA"),
                                QStringLiteral("kYlA"), QStringLiteral(" Kyla ")}) {
        QVERIFY2(PersonaDocuments::isPersona(name), qPrintable(name));
        const QList<PersonaDocument> documents = m_documents.documents(name);
        QCOMPARE(documents.size(), expected.size());
        for (int i = 0; i < documents.size(); ++i) {
            QCOMPARE(documents.at(i).id, expected.at(i).id);
            QCOMPARE(documents.at(i).content, expected.at(i).content);
        }
    }
    const auto persona = PersonaDocuments::persona(QStringLiteral("ANDREAS"));
    QVERIFY(persona.has_value());
    QCOMPARE(persona->lastName, QStringLiteral("Brown"));
    QCOMPARE(persona->birthDate, QDate(1952, 1, 1));
    QCOMPARE(persona->genderAtBirth, QStringLiteral("M"));
}

void TestPersonaDocuments::otherPatientsHaveNone()
{
    for (const QString &name :
         {QStringLiteral("Kylie"), QStringLiteral("Janet"), QStringLiteral("Jane Smith"),
          QStringLiteral("Smith"), QStringLiteral(""), QStringLiteral("Fields")}) {
        QVERIFY2(!PersonaDocuments::isPersona(name), qPrintable(name));
        QVERIFY2(m_documents.documents(name).isEmpty(), qPrintable(name));
        QVERIFY2(PersonaDocuments::ccda(name).isEmpty(), qPrintable(name));
    }
    QVERIFY(!m_documents.document(QStringLiteral("00000000-0000-0000-0000-000000000000")));
}

void TestPersonaDocuments::idsAreStable()
{
    const QList<PersonaDocument> first = m_documents.documents(QStringLiteral("jane"));
    const QList<PersonaDocument> again = m_documents.documents(QStringLiteral("Jane"));
    PersonaDocuments another; // a second sandbox, or the same one after a restart
    const QList<PersonaDocument> elsewhere = another.documents(QStringLiteral("jane"));
    QCOMPARE(first.size(), 6);
    QCOMPARE(elsewhere.size(), 6);
    for (int i = 0; i < first.size(); ++i) {
        QCOMPARE(again.at(i).id, first.at(i).id);
        QCOMPARE(elsewhere.at(i).id, first.at(i).id);
        QCOMPARE(elsewhere.at(i).fileName, first.at(i).fileName);
        QCOMPARE(elsewhere.at(i).indexed, first.at(i).indexed);
        QVERIFY(!QUuid::fromString(first.at(i).id).isNull());
        const auto found = m_documents.document(first.at(i).id);
        QVERIFY(found.has_value());
        QCOMPARE(found->fileName, first.at(i).fileName);
        QCOMPARE(found->content, first.at(i).content);
    }
    // Every persona's ids are its own.
    QSet<QString> ids;
    int count = 0;
    for (const Persona &persona : PersonaDocuments::personas()) {
        for (const PersonaDocument &document : m_documents.documents(persona.firstName)) {
            ids << document.id;
            ++count;
        }
    }
    QCOMPARE(count, 30);
    QCOMPARE(ids.size(), 30);
    // And their papers differ: Chris's ECG is not Jane's.
    QVERIFY(m_documents.documents(QStringLiteral("chris")).at(4).content !=
            m_documents.documents(QStringLiteral("jane")).at(4).content);
}

void TestPersonaDocuments::documentsAreMadeOffTheMainThread()
{
    // In training mode the sandbox runs on its own thread: the papers are printed there.
    PersonaDocuments documents;
    QList<PersonaDocument> made;
    std::unique_ptr<QThread> thread(
        QThread::create([&] { made = documents.documents(QStringLiteral("ollie")); }));
    thread->start();
    QVERIFY(thread->wait(60000));
    QCOMPARE(made.size(), 6);
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(isPdf(made.at(i).content), qPrintable(made.at(i).fileName));
    QCOMPARE(QImage::fromData(made.at(4).content).size(), made.at(4).imageSize);
    QCOMPARE(made.at(0).id, m_documents.documents(QStringLiteral("Ollie")).at(0).id);
}

void TestPersonaDocuments::ccdaIsACompleteCcd_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QStringList>("conditions"); // SNOMED CT, in the problems section
    QTest::addColumn<QStringList>("icd10Codes"); // their ICD-10-CM translations
    QTest::addColumn<bool>("noKnownAllergies");
    QTest::addColumn<bool>("refusedVaccine");
    QTest::newRow("jane") << QStringLiteral("Jane") << QStringList{QStringLiteral("370143000")}
                          << QStringList{QStringLiteral("F32.9")} << false << false;
    QTest::newRow("chris") << QStringLiteral("Chris") << QStringList{QStringLiteral("433144002")}
                           << QStringList{QStringLiteral("N18.30")} << true << false;
    QTest::newRow("ollie") << QStringLiteral("Ollie") << QStringList{QStringLiteral("21897009")}
                           << QStringList{QStringLiteral("F41.1")} << false << true;
    QTest::newRow("andreas") << QStringLiteral("Andreas")
                             << QStringList{QStringLiteral("44054006"), QStringLiteral("433144002")}
                             << QStringList{QStringLiteral("E11.9"), QStringLiteral("N18.30")}
                             << false << false;
    QTest::newRow("kyla") << QStringLiteral("Kyla")
                          << QStringList{QStringLiteral("38341003"), QStringLiteral("44054006")}
                          << QStringList{QStringLiteral("I10"), QStringLiteral("E11.9")} << false
                          << false;
}

void TestPersonaDocuments::ccdaIsACompleteCcd()
{
    QFETCH(QString, firstName);
    QFETCH(QStringList, conditions);
    QFETCH(QStringList, icd10Codes);
    QFETCH(bool, noKnownAllergies);
    QFETCH(bool, refusedVaccine);
    const QByteArray xml = PersonaDocuments::ccda(firstName);
    QVERIFY(!xml.isEmpty());
    QVERIFY2(xml.size() < 200 * 1024, QByteArray::number(xml.size()));
    const CcdaOutline ccda = outline(xml);
    QVERIFY2(ccda.error.isEmpty(), qPrintable(ccda.error));

    // A C-CDA R2.1 CCD on the US Realm Header.
    QVERIFY(ccda.documentTemplates.contains(
        QStringLiteral("2.16.840.1.113883.10.20.22.1.2|2015-08-01")));
    QVERIFY(ccda.documentTemplates.contains(
        QStringLiteral("2.16.840.1.113883.10.20.22.1.1|2015-08-01")));
    QCOMPARE(ccda.documentCode, coded(loinc, "34133-9"));

    // About the persona.
    const auto persona = PersonaDocuments::persona(firstName);
    QVERIFY(persona.has_value());
    QCOMPARE(ccda.given, persona->firstName);
    QCOMPARE(ccda.family, persona->lastName);
    QCOMPARE(ccda.birthTime, persona->birthDate.toString(QStringLiteral("yyyyMMdd")));
    QCOMPARE(ccda.gender, persona->genderAtBirth);

    // Every section, with entries, under its entries-required template where R2.1 has one.
    const QHash<QString, QString> sections = {
        {QStringLiteral("48765-2"), QStringLiteral("2.16.840.1.113883.10.20.22.2.6.1")},
        {QStringLiteral("10160-0"), QStringLiteral("2.16.840.1.113883.10.20.22.2.1.1")},
        {QStringLiteral("11450-4"), QStringLiteral("2.16.840.1.113883.10.20.22.2.5.1")},
        {QStringLiteral("11369-6"), QStringLiteral("2.16.840.1.113883.10.20.22.2.2.1")},
        {QStringLiteral("30954-2"), QStringLiteral("2.16.840.1.113883.10.20.22.2.3.1")},
        {QStringLiteral("8716-3"), QStringLiteral("2.16.840.1.113883.10.20.22.2.4.1")},
        {QStringLiteral("46240-8"), QStringLiteral("2.16.840.1.113883.10.20.22.2.22.1")},
        {QStringLiteral("47519-4"), QStringLiteral("2.16.840.1.113883.10.20.22.2.7.1")},
        {QStringLiteral("29762-2"), QStringLiteral("2.16.840.1.113883.10.20.22.2.17")},
        {QStringLiteral("18776-5"), QStringLiteral("2.16.840.1.113883.10.20.22.2.10")},
    };
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        QVERIFY2(ccda.sectionEntryCodes.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(ccda.sectionTemplates.value(it.key()).contains(it.value()), qPrintable(it.key()));
        QVERIFY2(ccda.sectionEntries.value(it.key()) >= 1, qPrintable(it.key()));
    }
    QVERIFY(ccda.sectionEntries.value(QStringLiteral("8716-3")) >= 2); // vital-sign organizers

    // The persona's conditions, in SNOMED CT and ICD-10-CM.
    const QSet<QString> problems = ccda.sectionEntryCodes.value(QStringLiteral("11450-4"));
    for (const QString &condition : conditions)
        QVERIFY2(problems.contains(snomed + QLatin1Char('|') + condition), qPrintable(condition));
    for (const QString &code : icd10Codes)
        QVERIFY2(problems.contains(icd10 + QLatin1Char('|') + code), qPrintable(code));

    // Allergies: real ones, or the one "no known allergies" statement.
    const QSet<QString> allergies = ccda.sectionEntryCodes.value(QStringLiteral("48765-2"));
    if (noKnownAllergies) {
        QCOMPARE(ccda.sectionEntries.value(QStringLiteral("48765-2")), 1);
        QCOMPARE(ccda.sectionNegations.value(QStringLiteral("48765-2")), 1);
        QVERIFY(allergies.contains(coded(snomed, "419199007")));
    } else {
        QVERIFY(ccda.sectionEntries.value(QStringLiteral("48765-2")) >= 2);
        QCOMPARE(ccda.sectionNegations.value(QStringLiteral("48765-2")), 0);
        bool substance = false;
        for (const QString &code : allergies)
            substance = substance || code.startsWith(rxnorm + QLatin1Char('|'));
        QVERIFY(substance);
    }
    // One persona turned a vaccine down, with the reason.
    QCOMPARE(ccda.sectionNegations.value(QStringLiteral("11369-6")), refusedVaccine ? 1 : 0);
    QCOMPARE(ccda.sectionEntryCodes.value(QStringLiteral("11369-6"))
                 .contains(coded(QStringLiteral("2.16.840.1.113883.5.8"), "PATOBJ")),
             refusedVaccine);

    // Medications in RxNorm, vaccines in CVX, results in LOINC.
    for (const auto &[section, system] :
         {std::pair{QStringLiteral("10160-0"), rxnorm}, std::pair{QStringLiteral("11369-6"), cvx},
          std::pair{QStringLiteral("30954-2"), loinc}}) {
        bool found = false;
        for (const QString &code : ccda.sectionEntryCodes.value(section))
            found = found || code.startsWith(system + QLatin1Char('|'));
        QVERIFY2(found, qPrintable(section));
    }

    // Every narrative reference points at an ID in the document.
    QVERIFY(ccda.references.size() > 40);
    for (const QString &reference : ccda.references) {
        QVERIFY2(reference.startsWith(QLatin1Char('#')), qPrintable(reference));
        QVERIFY2(ccda.narrativeIds.contains(reference.mid(1)), qPrintable(reference));
    }
}

QTEST_MAIN(TestPersonaDocuments)
#include "tst_personadocuments.moc"
