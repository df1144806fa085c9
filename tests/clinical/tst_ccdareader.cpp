// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/ccdareader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(CLINICDESK_TEST_DATA "/clinical/ccda/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

ClinicalRecord readFixture(const char *name)
{
    const ClinicalReadResult result = CcdaReader::read(fixture(name));
    if (!result.ok())
        qWarning() << name << result.error.message;
    return result.record;
}

} // namespace

class TestCcdaReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void header();
    void timesAtTheirPrecision_data();
    void timesAtTheirPrecision();
    void allergiesFieldByField();
    void noKnownAllergiesIsNotAnAllergy();
    void noInformationSectionIsNotNoKnown();
    void medications();
    void noKnownMedications();
    void sectionKindFromItsEntries();
    void problems();
    void immunizationsGivenAndRefused();
    void resultsPanelWithPendingComponent();
    void twoVitalSignPanels();
    void encounter();
    void procedures();
    void narrativeIsSanitised();
    void unknownSectionKeepsNarrativeAndSubsection();
    void nonXmlBodies();
    void rejected_data();
    void rejected();
    void tooLargeIsRefusedBeforeParsing();
    void byteOrderMarkAndOtherEncodings();
    void characterAcrossReadSlices();
};

void TestCcdaReader::header()
{
    const ClinicalReadResult result = CcdaReader::read(fixture("header.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const ClinicalRecord &record = result.record;
    QCOMPARE(record.format, ClinicalRecord::Format::Ccda);
    const ClinicalHeader &h = record.header;
    QCOMPARE(h.documentId, QStringLiteral("1.2.840.99999.1^DOC-7"));
    QCOMPARE(h.type.code, QStringLiteral("34133-9"));
    QCOMPARE(h.type.systemName, QStringLiteral("LOINC"));
    QCOMPARE(h.title, QStringLiteral("Clinic Summary for Testing"));
    QCOMPARE(h.date, QStringLiteral("2019-03-04T10:30:00-05:00"));
    QCOMPARE(h.patientName, QStringLiteral("Dana Q Tester"));
    QCOMPARE(h.patientBirthDate, QStringLiteral("1980-02-15"));
    QCOMPARE(h.patientGender, QStringLiteral("Female"));
    QCOMPARE(h.patientIds, QStringList({QStringLiteral("2.16.840.1.113883.4.1^123-45-6789"),
                                        QStringLiteral("1.2.840.99999.3^MRN-42")}));
    QCOMPARE(h.authors.size(), 2);
    QCOMPARE(h.authors.at(0).name, QStringLiteral("Omar Doctorson"));
    QCOMPARE(h.authors.at(0).organization, QStringLiteral("Lakeside Test Clinic"));
    QCOMPARE(h.authors.at(1).software, QStringLiteral("ChartMaker 9.1"));
    QVERIFY(h.authors.at(1).name.isEmpty());
    QCOMPARE(h.custodian, QStringLiteral("Lakeside Records Office"));
    QCOMPARE(h.setId, QStringLiteral("1.2.840.99999.2^SET-1"));
    QCOMPARE(h.version, 3);
    QCOMPARE(h.replacesDocumentId, QStringLiteral("1.2.840.99999.1^DOC-6"));
    // The xml-stylesheet instruction is ignored: the document reads as any other.
    QCOMPARE(record.sections.size(), 1);
    QCOMPARE(record.sections.at(0).title, QStringLiteral("History of Present Illness"));
    QCOMPARE(record.sections.at(0).narrativeText, QStringLiteral("Feels well."));
}

void TestCcdaReader::timesAtTheirPrecision_data()
{
    QTest::addColumn<QString>("ts");
    QTest::addColumn<QString>("iso");
    QTest::newRow("year") << "2019"
                          << "2019";
    QTest::newRow("month") << "201903"
                           << "2019-03";
    QTest::newRow("day") << "20190304"
                         << "2019-03-04";
    QTest::newRow("minutes") << "201903041030"
                             << "2019-03-04T10:30";
    QTest::newRow("zone") << "20190304103000-0500"
                          << "2019-03-04T10:30:00-05:00";
    QTest::newRow("fraction") << "20190304103000.25+0100"
                              << "2019-03-04T10:30:00.25+01:00";
    QTest::newRow("not a time") << "soon"
                                << "soon";
}

void TestCcdaReader::timesAtTheirPrecision()
{
    QFETCH(QString, ts);
    QFETCH(QString, iso);
    const QByteArray document =
        "<ClinicalDocument><effectiveTime value=\"" + ts.toUtf8() + "\"/></ClinicalDocument>";
    const ClinicalReadResult result = CcdaReader::read(document);
    QVERIFY(result.ok());
    QCOMPARE(result.record.header.date, iso);
}

void TestCcdaReader::allergiesFieldByField()
{
    const ClinicalRecord record = readFixture("allergies.xml");
    QCOMPARE(record.sections.size(), 1); // a root <section> is read as a one-section document
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Allergy);
    QCOMPARE(section.code.code, QStringLiteral("48765-2"));
    QCOMPARE(section.templateId, QStringLiteral("2.16.840.1.113883.10.20.22.2.6.1"));
    QCOMPARE(section.entries.size(), 3);
    QCOMPARE(record.count(ClinicalKind::Allergy), 3);

    const ClinicalEntry &peanut = section.entries.at(0);
    QCOMPARE(peanut.kind, ClinicalKind::Allergy);
    QVERIFY(peanut.readable);
    QVERIFY(!peanut.negated);
    QVERIFY(!peanut.noKnown);
    QCOMPARE(peanut.id, QStringLiteral("1.2.3^A1"));
    QCOMPARE(peanut.code.code, QStringLiteral("256349002"));
    QCOMPARE(peanut.code.systemName, QStringLiteral("SNOMED CT"));
    QCOMPARE(peanut.code.display, QStringLiteral("Peanut"));
    QCOMPARE(peanut.category, QStringLiteral("food"));
    QCOMPARE(peanut.status, QStringLiteral("active"));
    QCOMPARE(peanut.criticality, QStringLiteral("high"));
    QCOMPARE(peanut.start, QStringLiteral("2010-05-01"));
    QCOMPARE(peanut.reactions.size(), 1);
    QCOMPARE(peanut.reactions.at(0).display, QStringLiteral("Hives"));
    QCOMPARE(peanut.severity, QStringLiteral("severe")); // nested inside the reaction
    QCOMPARE(peanut.narrativeRef, QStringLiteral("#al1"));
    QCOMPARE(peanut.text, QStringLiteral("Peanut Hives"));

    const ClinicalEntry &sulfa = section.entries.at(1);
    QVERIFY(sulfa.readable);
    QCOMPARE(sulfa.code.nullFlavor, QStringLiteral("OTH"));
    QCOMPARE(sulfa.code.text(), QStringLiteral("Sulfa drugs")); // originalText reference
    QCOMPARE(sulfa.category, QStringLiteral("medication"));
    QCOMPARE(sulfa.status, QStringLiteral("completed"));

    const ClinicalEntry &dander = section.entries.at(2);
    QCOMPARE(dander.code.text(), QStringLiteral("Cat dander"));
    QCOMPARE(dander.category, QStringLiteral("environment"));
}

void TestCcdaReader::noKnownAllergiesIsNotAnAllergy()
{
    const ClinicalRecord record = readFixture("allergies-nka.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.entries.size(), 2);
    for (const ClinicalEntry &entry : section.entries) {
        QVERIFY(entry.noKnown);
        QVERIFY(!entry.negated);
        QVERIFY(entry.readable);
    }
    QCOMPARE(section.entries.at(0).text, QStringLiteral("No known allergies"));
    QCOMPARE(record.count(ClinicalKind::Allergy), 0);
    QVERIFY(section.nullFlavor.isEmpty());
}

void TestCcdaReader::noInformationSectionIsNotNoKnown()
{
    const ClinicalRecord record = readFixture("allergies-ni.xml");
    QCOMPARE(record.sections.size(), 1); // <component><section> fragment
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.nullFlavor, QStringLiteral("NI"));
    QCOMPARE(section.kind, ClinicalKind::Allergy);
    QVERIFY(section.entries.isEmpty());
    QCOMPARE(section.narrativeText, QStringLiteral("No information"));
}

void TestCcdaReader::medications()
{
    const ClinicalRecord record = readFixture("medications.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Medication);
    QCOMPARE(section.entries.size(), 3);
    const ClinicalEntry &lisinopril = section.entries.at(0);
    QCOMPARE(lisinopril.code.code, QStringLiteral("314076"));
    QCOMPARE(lisinopril.code.systemName, QStringLiteral("RxNorm"));
    QCOMPARE(lisinopril.dose, QStringLiteral("10 mg"));
    QCOMPARE(lisinopril.route, QStringLiteral("Oral"));
    QCOMPARE(lisinopril.frequency, QStringLiteral("every 12 hours"));
    QCOMPARE(lisinopril.start, QStringLiteral("2018-01-10"));
    QCOMPARE(lisinopril.end, QStringLiteral("2020-12-31"));
    QCOMPARE(lisinopril.status, QStringLiteral("active"));
    QCOMPARE(lisinopril.text, QStringLiteral("Lisinopril 10 mg tablet, once daily"));

    const ClinicalEntry &mixture = section.entries.at(1);
    QVERIFY(mixture.readable);
    QCOMPARE(mixture.code.nullFlavor, QStringLiteral("OTH"));
    QCOMPARE(mixture.code.text(), QStringLiteral("Test rinse: alpha 2 mg, beta 4 mg per 5 mL"));
    QCOMPARE(mixture.frequency, QStringLiteral("every day"));
    QCOMPARE(mixture.start, QStringLiteral("2017-05"));
    QVERIFY(mixture.end.isEmpty()); // high nullFlavor UNK
    QStringList ingredients;
    for (const auto &detail : mixture.details)
        ingredients << detail.second;
    QCOMPARE(ingredients, QStringList({QStringLiteral("alphacaine (RxNorm 1001) (2 mg)"),
                                       QStringLiteral("betamine (RxNorm 1002)")}));

    // A third of a day reads in hours; a route given by code alone still gets its name.
    const ClinicalEntry &cefazolin = section.entries.at(2);
    QCOMPARE(cefazolin.frequency, QStringLiteral("every 8 hours"));
    QCOMPARE(cefazolin.route, QStringLiteral("Intravenous"));
    QCOMPARE(cefazolin.dose, QStringLiteral("1-2"));
}

void TestCcdaReader::sectionKindFromItsEntries()
{
    // Discharge medications: not a section code we know, but medication activities inside.
    const ClinicalRecord record = readFixture("section-by-entries.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Medication);
    QCOMPARE(section.entries.size(), 1);
    QCOMPARE(section.entries.at(0).code.code, QStringLiteral("855332"));
    QCOMPARE(record.count(ClinicalKind::Medication), 1);
    QVERIFY(record.notes.isEmpty());
}

void TestCcdaReader::noKnownMedications()
{
    const ClinicalRecord record = readFixture("medications-none.xml");
    QCOMPARE(record.sections.at(0).entries.size(), 1);
    QVERIFY(record.sections.at(0).entries.at(0).noKnown);
    QCOMPARE(record.count(ClinicalKind::Medication), 0);
}

void TestCcdaReader::problems()
{
    const ClinicalRecord record = readFixture("problems.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Problem);
    QCOMPARE(section.entries.size(), 3);
    const ClinicalEntry &hypertension = section.entries.at(0);
    QCOMPARE(hypertension.code.code, QStringLiteral("59621000"));
    QCOMPARE(hypertension.code.translations.size(), 1);
    QCOMPARE(hypertension.code.translations.at(0).code, QStringLiteral("I10"));
    QCOMPARE(hypertension.code.translations.at(0).systemName, QStringLiteral("ICD-10-CM"));
    QCOMPARE(hypertension.start, QStringLiteral("2015-03"));
    QCOMPARE(hypertension.end, QStringLiteral("2019-01-01"));
    QCOMPARE(hypertension.status, QStringLiteral("resolved")); // the status observation wins
    QCOMPARE(hypertension.problemType, QStringLiteral("Diagnosis"));
    QCOMPARE(hypertension.id, QStringLiteral("1.2.3^P1"));

    const ClinicalEntry &asthma = section.entries.at(1);
    QVERIFY(asthma.negated);
    QVERIFY(!asthma.noKnown);
    QCOMPARE(asthma.code.display, QStringLiteral("Asthma"));
    QCOMPARE(asthma.status, QStringLiteral("completed")); // the concern's statusCode

    const ClinicalEntry &knee = section.entries.at(2);
    QVERIFY(knee.readable);
    QCOMPARE(knee.code.nullFlavor, QStringLiteral("OTH"));
    QCOMPARE(knee.code.text(), QStringLiteral("Left knee pain after a fall"));
    QCOMPARE(knee.code.label(), QStringLiteral("Left knee pain after a fall (ICD-10-CM M25.562)"));
    QCOMPARE(record.count(ClinicalKind::Problem), 3);
}

void TestCcdaReader::immunizationsGivenAndRefused()
{
    const ClinicalRecord record = readFixture("immunizations.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Immunization);
    QCOMPARE(section.entries.size(), 2);
    const ClinicalEntry &flu = section.entries.at(0);
    QCOMPARE(flu.code.code, QStringLiteral("140"));
    QCOMPARE(flu.code.systemName, QStringLiteral("CVX"));
    QCOMPARE(flu.start, QStringLiteral("2018-10-15"));
    QCOMPARE(flu.status, QStringLiteral("completed"));
    QCOMPARE(flu.lotNumber, QStringLiteral("LOT-778"));
    QVERIFY(!flu.negated);
    const ClinicalEntry &tdap = section.entries.at(1);
    QVERIFY(tdap.negated);
    QCOMPARE(tdap.refusalReason, QStringLiteral("patient objection"));
    QCOMPARE(tdap.text, QStringLiteral("Tetanus vaccine, refused"));
}

void TestCcdaReader::resultsPanelWithPendingComponent()
{
    const ClinicalRecord record = readFixture("results.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Result);
    QCOMPARE(section.entries.size(), 3);
    const ClinicalEntry &glucose = section.entries.at(0);
    QCOMPARE(glucose.panel, QStringLiteral("Comprehensive metabolic panel"));
    QCOMPARE(glucose.code.code, QStringLiteral("2345-7"));
    QCOMPARE(glucose.value, QStringLiteral("182"));
    QCOMPARE(glucose.unit, QStringLiteral("mg/dL"));
    QCOMPARE(glucose.referenceRange, QStringLiteral("70-99 mg/dL"));
    QCOMPARE(glucose.interpretation, QStringLiteral("High"));
    QCOMPARE(glucose.start, QStringLiteral("2020-01-02T08:30:00"));
    const ClinicalEntry &culture = section.entries.at(1);
    QCOMPARE(culture.status, QStringLiteral("active"));
    QCOMPARE(culture.value, QStringLiteral("pending"));
    QCOMPARE(culture.referenceRange, QStringLiteral("No growth"));
    QCOMPARE(culture.start, QStringLiteral("2020-01-02T08:30:00")); // from the organizer
    QCOMPARE(culture.text, QStringLiteral("Culture: pending"));
    QCOMPARE(section.entries.at(2).value, QStringLiteral("Yellow"));
}

void TestCcdaReader::twoVitalSignPanels()
{
    const ClinicalRecord record = readFixture("vitals.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::VitalSign);
    QCOMPARE(section.entries.size(), 5);
    QCOMPARE(record.count(ClinicalKind::VitalSign), 5);
    QCOMPARE(section.entries.at(0).value, QStringLiteral("142"));
    QCOMPARE(section.entries.at(0).unit, QStringLiteral("mm[Hg]"));
    QCOMPARE(section.entries.at(0).start, QStringLiteral("2019-01-10"));
    QCOMPARE(section.entries.at(2).value, QStringLiteral("128"));
    QCOMPARE(section.entries.at(2).start, QStringLiteral("2019-06-10"));
    QCOMPARE(section.entries.at(4).code.display, QStringLiteral("Body weight"));
    QCOMPARE(section.entries.at(4).panel, QStringLiteral("Vital signs"));
}

void TestCcdaReader::encounter()
{
    const ClinicalRecord record = readFixture("encounters.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Encounter);
    QCOMPARE(section.entries.size(), 1);
    const ClinicalEntry &visit = section.entries.at(0);
    QCOMPARE(visit.code.code, QStringLiteral("99213"));
    QCOMPARE(visit.code.systemName, QStringLiteral("CPT"));
    // A system we do not know keeps its OID and gets no name, whatever the document calls it.
    QCOMPARE(visit.code.translations.size(), 1);
    QCOMPARE(visit.code.translations.at(0).system, QStringLiteral("1.2.840.99999.9"));
    QVERIFY(visit.code.translations.at(0).systemName.isEmpty());
    QCOMPARE(visit.start, QStringLiteral("2019-02-01T10:00"));
    QCOMPARE(visit.end, QStringLiteral("2019-02-01T10:30"));
    QCOMPARE(visit.performer, QStringLiteral("Rita Nurseworth"));
    QCOMPARE(visit.location, QStringLiteral("North Test Clinic"));
    QCOMPARE(visit.diagnoses.size(), 1);
    QCOMPARE(visit.diagnoses.at(0).code, QStringLiteral("J06.9"));
}

void TestCcdaReader::procedures()
{
    const ClinicalRecord record = readFixture("procedures.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Procedure);
    QCOMPARE(section.entries.size(), 2);
    const ClinicalEntry &appendectomy = section.entries.at(0);
    QCOMPARE(appendectomy.code.display, QStringLiteral("Appendectomy"));
    QCOMPARE(appendectomy.start, QStringLiteral("2017-08-22"));
    QCOMPARE(appendectomy.status, QStringLiteral("completed"));
    QCOMPARE(appendectomy.performer, QStringLiteral("General Test Hospital"));
    QCOMPARE(appendectomy.diagnoses.size(), 1);
    QCOMPARE(appendectomy.diagnoses.at(0).display, QStringLiteral("Appendicitis"));
    // A procedure that names nothing is kept, marked unreadable.
    const ClinicalEntry &unknown = section.entries.at(1);
    QVERIFY(!unknown.readable);
    QVERIFY(!unknown.text.isEmpty());
    QCOMPARE(record.count(ClinicalKind::Procedure), 1);
    QCOMPARE(record.unreadableCount(), 1);
}

void TestCcdaReader::narrativeIsSanitised()
{
    const ClinicalRecord record = readFixture("narrative.xml");
    QCOMPARE(record.sections.size(), 1);
    const QString html = record.sections.at(0).narrativeHtml;
    QVERIFY2(
        html.contains(QStringLiteral("<p><b><i>Walks</i></b> with a <span class=\"xHighlight\">"
                                     "cane</span>.</p>")),
        qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<th colspan=\"2\">Item</th>")));
    QVERIFY(
        html.contains(QStringLiteral("<td>a&lt;b</td><td>&amp;ok</td>"))); // bad rowspan dropped
    QVERIFY(html.contains(QStringLiteral("<ol><li>first</li><li><sup>2</sup>nd</li></ol>")));
    QVERIFY(html.contains(QStringLiteral("see chart")));
    QVERIFY(html.contains(QStringLiteral("alert(&quot;x&quot;)"))); // a script's text, inert
    QVERIFY(html.contains(QStringLiteral("framed")));
    for (const char *forbidden : {"<script", "<iframe", "href", "src=", "onclick", "style",
                                  "border", "width", "javascript", "hidden caption", "<a "}) {
        QVERIFY2(!html.contains(QLatin1StringView(forbidden), Qt::CaseInsensitive), forbidden);
    }
    const QString text = record.sections.at(0).narrativeText;
    QVERIFY(text.startsWith(QStringLiteral("Walks with a cane.")));
    QVERIFY(text.contains(QStringLiteral("a<b")));
}

void TestCcdaReader::unknownSectionKeepsNarrativeAndSubsection()
{
    const ClinicalRecord record = readFixture("narrative.xml");
    const ClinicalSection &section = record.sections.at(0);
    QCOMPARE(section.kind, ClinicalKind::Other);
    QCOMPARE(section.title, QStringLiteral("Functional Status"));
    QCOMPARE(section.templateId, QStringLiteral("2.16.840.1.113883.10.20.22.2.14"));
    QCOMPARE(section.subsections.size(), 1);
    QCOMPARE(section.subsections.at(0).title, QStringLiteral("Mental Status"));
    QCOMPARE(section.subsections.at(0).narrativeText, QStringLiteral("Alert and oriented."));
    QVERIFY(record.hasContent());
    QVERIFY(record.notes.join(u'\n').contains(QStringLiteral("Functional Status")));
}

void TestCcdaReader::nonXmlBodies()
{
    ClinicalRecord text = readFixture("nonxml-text.xml");
    QCOMPARE(text.attachments.size(), 1);
    QCOMPARE(text.attachments.at(0).mediaType, QStringLiteral("text/plain"));
    QCOMPARE(text.attachments.at(0).data, QByteArray("Patient called about a refill."));
    QCOMPARE(text.attachments.at(0).title, QStringLiteral("Phone note"));
    QVERIFY(!text.notes.isEmpty());
    QVERIFY(text.hasContent());

    ClinicalRecord pdf = readFixture("nonxml-pdf.xml");
    QCOMPARE(pdf.attachments.size(), 1);
    QCOMPARE(pdf.attachments.at(0).mediaType, QStringLiteral("application/pdf"));
    QVERIFY(pdf.attachments.at(0).data.startsWith("%PDF-1.4\n"));
    QVERIFY(pdf.attachments.at(0).data.endsWith("%%EOF\n"));

    ClinicalRecord referenced = readFixture("nonxml-reference.xml");
    QCOMPARE(referenced.attachments.size(), 1);
    QCOMPARE(referenced.attachments.at(0).reference, QStringLiteral("report-2019.pdf"));
    QVERIFY(referenced.attachments.at(0).data.isEmpty());
}

void TestCcdaReader::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    using Code = ClinicalReadError::Code;
    QTest::newRow("billion laughs")
        << fixture("billion-laughs.xml") << int(Code::ForbiddenMarkup) << "DOCTYPE";
    QTest::newRow("external entity")
        << fixture("external-entity.xml") << int(Code::ForbiddenMarkup) << "DOCTYPE";
    QTest::newRow("undeclared entity")
        << fixture("undeclared-entity.xml") << int(Code::ForbiddenMarkup) << "&chips;";
    QTest::newRow("unclosed") << QByteArray("<ClinicalDocument>\n<title>x</ClinicalDocument>")
                              << int(Code::Malformed) << "line 2";
    QTest::newRow("not xml") << QByteArray("{\"resourceType\":\"Bundle\"}") << int(Code::Malformed)
                             << "line 1";
    QTest::newRow("empty") << QByteArray() << int(Code::Malformed) << "well-formed";
    QTest::newRow("other root") << QByteArray("<html><body>hi</body></html>")
                                << int(Code::NotClinical) << "<html>";
    QByteArray deep = "<ClinicalDocument>";
    for (int i = 0; i < 300; ++i)
        deep += "<a>";
    for (int i = 0; i < 300; ++i)
        deep += "</a>";
    deep += "</ClinicalDocument>";
    QTest::newRow("300 deep") << deep << int(Code::TooDeep) << "256";
}

void TestCcdaReader::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(QString, mentions);
    QElapsedTimer timer;
    timer.start();
    const ClinicalReadResult result = CcdaReader::read(bytes);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(int(result.error.code), code);
    QVERIFY2(result.error.message.contains(mentions), qPrintable(result.error.message));
    QVERIFY(result.record.sections.isEmpty());
    QVERIFY(result.record.header.title.isEmpty()); // nothing half-read is handed back
}

void TestCcdaReader::tooLargeIsRefusedBeforeParsing()
{
    // Not even XML: the size alone decides, before any parsing.
    QByteArray big(CcdaReader::MaxBytes + 1, 'x');
    QElapsedTimer timer;
    timer.start();
    const ClinicalReadResult result = CcdaReader::read(big);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(result.error.code, ClinicalReadError::Code::TooLarge);
    QVERIFY2(result.error.message.contains(QStringLiteral("20 MB")),
             qPrintable(result.error.message));
    // Exactly at the cap is parsed (and here found not to be XML).
    big.resize(CcdaReader::MaxBytes);
    QCOMPARE(CcdaReader::read(big).error.code, ClinicalReadError::Code::Malformed);
}

void TestCcdaReader::byteOrderMarkAndOtherEncodings()
{
    const QByteArray withBom = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                               "<ClinicalDocument><title>Caf\xC3\xA9</title></ClinicalDocument>";
    ClinicalReadResult result = CcdaReader::read(withBom);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.record.header.title, QStringLiteral("Caf\u00e9"));
    const QByteArray latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                              "<ClinicalDocument><title>Caf\xE9</title></ClinicalDocument>";
    result = CcdaReader::read(latin1);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.record.header.title, QStringLiteral("Caf\u00e9"));
}

void TestCcdaReader::characterAcrossReadSlices()
{
    // The reader is fed in 64 KiB slices: a two-byte character split between two of them
    // still reads as one character.
    QByteArray document = "<ClinicalDocument><title>";
    document += QByteArray(64 * 1024 - document.size() - 1, 'a');
    document += "\xC3\xA9</title></ClinicalDocument>";
    const ClinicalReadResult result = CcdaReader::read(document);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.record.header.title.size(), 64 * 1024 - 25);
    QVERIFY(result.record.header.title.endsWith(QStringLiteral("a\u00e9")));
}

QTEST_GUILESS_MAIN(TestCcdaReader)
#include "tst_ccdareader.moc"
