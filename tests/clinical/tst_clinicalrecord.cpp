// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/clinicalrecord.h"
#include "services/clinical/codesystems.h"

#include <QTest>

class TestClinicalRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codeSystemsByOidAndUri_data();
    void codeSystemsByOidAndUri();
    void unknownSystems();
    void codeTextFallsBack();
    void codeLabel();
    void countsSkipNoKnownAndUnreadable();
    void contentOfEmptyAndNarrativeOnly();
};

void TestClinicalRecord::codeSystemsByOidAndUri_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uri");
    QTest::newRow("snomed oid") << "2.16.840.1.113883.6.96" << "SNOMED CT" << "http://snomed.info/sct";
    QTest::newRow("snomed uri") << "http://snomed.info/sct" << "SNOMED CT" << "http://snomed.info/sct";
    QTest::newRow("snomed uri slash") << "http://snomed.info/sct/" << "SNOMED CT" << "http://snomed.info/sct";
    QTest::newRow("loinc urn") << "urn:oid:2.16.840.1.113883.6.1" << "LOINC" << "http://loinc.org";
    QTest::newRow("rxnorm") << "2.16.840.1.113883.6.88" << "RxNorm"
                            << "http://www.nlm.nih.gov/research/umls/rxnorm";
    QTest::newRow("cvx") << "2.16.840.1.113883.12.292" << "CVX" << "http://hl7.org/fhir/sid/cvx";
    QTest::newRow("icd10cm") << "2.16.840.1.113883.6.90" << "ICD-10-CM"
                             << "http://hl7.org/fhir/sid/icd-10-cm";
}

void TestClinicalRecord::codeSystemsByOidAndUri()
{
    QFETCH(QString, system);
    QFETCH(QString, name);
    QFETCH(QString, uri);
    QCOMPARE(CodeSystems::name(system), name);
    QCOMPARE(CodeSystems::fhirUri(system), uri);
    QVERIFY(!CodeSystems::oid(system).isEmpty());
}

void TestClinicalRecord::unknownSystems()
{
    QCOMPARE(CodeSystems::name(QStringLiteral("1.2.3.4")), QString());
    QCOMPARE(CodeSystems::fhirUri(QStringLiteral("1.2.3.4")), QStringLiteral("urn:oid:1.2.3.4"));
    QCOMPARE(CodeSystems::fhirUri(QStringLiteral("http://example.org/codes")),
             QStringLiteral("http://example.org/codes"));
    QCOMPARE(CodeSystems::fhirUri(QString()), QString());
}

void TestClinicalRecord::codeTextFallsBack()
{
    ClinicalCode code;
    QVERIFY(code.isEmpty());
    code.code = QStringLiteral("59621000");
    QCOMPARE(code.text(), QStringLiteral("59621000"));
    code.originalText = QStringLiteral("High blood pressure");
    QCOMPARE(code.text(), QStringLiteral("High blood pressure"));
    code.display = QStringLiteral("Essential hypertension");
    QCOMPARE(code.text(), QStringLiteral("Essential hypertension"));

    ClinicalCode nulled;
    nulled.nullFlavor = QStringLiteral("OTH");
    ClinicalCode translation;
    translation.code = QStringLiteral("I10");
    translation.systemName = QStringLiteral("ICD-10-CM");
    translation.display = QStringLiteral("Essential (primary) hypertension");
    nulled.translations.append(translation);
    QVERIFY(!nulled.isEmpty());
    QCOMPARE(nulled.text(), QStringLiteral("Essential (primary) hypertension"));
    QCOMPARE(nulled.label(), QStringLiteral("Essential (primary) hypertension (ICD-10-CM I10)"));
}

void TestClinicalRecord::codeLabel()
{
    ClinicalCode code;
    code.code = QStringLiteral("59621000");
    code.system = QStringLiteral("2.16.840.1.113883.6.96");
    code.systemName = QStringLiteral("SNOMED CT");
    code.display = QStringLiteral("Essential hypertension");
    QCOMPARE(code.label(), QStringLiteral("Essential hypertension (SNOMED CT 59621000)"));
    code.systemName.clear();
    QCOMPARE(code.label(), QStringLiteral("Essential hypertension (2.16.840.1.113883.6.96 59621000)"));
    ClinicalCode words;
    words.originalText = QStringLiteral("penicillin rash");
    QCOMPARE(words.label(), QStringLiteral("penicillin rash"));
}

void TestClinicalRecord::countsSkipNoKnownAndUnreadable()
{
    ClinicalRecord record;
    ClinicalSection allergies;
    allergies.kind = ClinicalKind::Allergy;
    ClinicalEntry penicillin;
    penicillin.kind = ClinicalKind::Allergy;
    ClinicalEntry noKnown = penicillin;
    noKnown.noKnown = true;
    ClinicalEntry broken = penicillin;
    broken.readable = false;
    allergies.entries = {penicillin, noKnown, broken};
    ClinicalSection nested;
    nested.entries = {penicillin};
    allergies.subsections = {nested};
    record.sections = {allergies};
    QCOMPARE(record.count(ClinicalKind::Allergy), 2);
    QCOMPARE(record.count(ClinicalKind::Medication), 0);
    QCOMPARE(record.unreadableCount(), 1);
    QCOMPARE(record.entries().size(), 4);
}

void TestClinicalRecord::contentOfEmptyAndNarrativeOnly()
{
    ClinicalRecord record;
    QVERIFY(!record.hasContent());
    ClinicalSection empty;
    empty.narrativeText = QStringLiteral("   ");
    record.sections = {empty};
    QVERIFY(!record.hasContent());
    ClinicalSection inner;
    inner.narrativeText = QStringLiteral("Colonoscopy findings");
    record.sections.first().subsections = {inner};
    QVERIFY(record.hasContent());
}

QTEST_GUILESS_MAIN(TestClinicalRecord)
#include "tst_clinicalrecord.moc"
