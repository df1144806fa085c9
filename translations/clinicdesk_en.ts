<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>%n rows, newest first.</source>
        <translation>
            <numerusform>%n row, newest first.</numerusform>
            <numerusform>%n rows, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchVerifyDialog</name>
    <message numerus="yes">
        <source>%n coverage</source>
        <translation>
            <numerusform>%n coverage</numerusform>
            <numerusform>%n coverage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coverages</source>
        <translation>
            <numerusform>%n coverages</numerusform>
            <numerusform>%n coverages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n coverage was not verified.</source>
        <translation>
            <numerusform>Cancelled: %n coverage was not verified.</numerusform>
            <numerusform>Cancelled: %n coverage was not verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n coverages were not verified.</source>
        <translation>
            <numerusform>Cancelled: %n coverages were not verified.</numerusform>
            <numerusform>Cancelled: %n coverages were not verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimCodes</name>
    <message numerus="yes">
        <source>it has %n characters; ICD-10-CM codes have 3 to 7</source>
        <translation>
            <numerusform>it has %n character; ICD-10-CM codes have 3 to 7</numerusform>
            <numerusform>it has %n characters; ICD-10-CM codes have 3 to 7</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it has %n characters; CPT and HCPCS codes have 5</source>
        <translation>
            <numerusform>it has %n character; CPT and HCPCS codes have 5</numerusform>
            <numerusform>it has %n characters; CPT and HCPCS codes have 5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it has %n digits; an NPI has 10</source>
        <translation>
            <numerusform>it has %n digit; an NPI has 10</numerusform>
            <numerusform>it has %n digits; an NPI has 10</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimCommands</name>
    <message numerus="yes">
        <source>No decision from the payor within %n seconds; the claim stays %1.</source>
        <translation>
            <numerusform>No decision from the payor within %n second; the claim stays %1.</numerusform>
            <numerusform>No decision from the payor within %n seconds; the claim stays %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asked the payor about %n open claims</source>
        <translation>
            <numerusform>Asked the payor about %n open claim</numerusform>
            <numerusform>Asked the payor about %n open claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n changed.</numerusform>
            <numerusform>%n changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1 (837P, %2 segments).</source>
        <translation>
            <numerusform>%n claim written to %1 (837P, %2 segments).</numerusform>
            <numerusform>%n claims written to %1 (837P, %2 segments).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remittances read</source>
        <translation>
            <numerusform>%n remittance read</numerusform>
            <numerusform>%n remittances read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applied to our claims</source>
        <translation>
            <numerusform>%n applied to our claims</numerusform>
            <numerusform>%n applied to our claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not ours (kept)</source>
        <translation>
            <numerusform>%n not ours (kept)</numerusform>
            <numerusform>%n not ours (kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not balanced</source>
        <translation>
            <numerusform>%n not balanced</numerusform>
            <numerusform>%n not balanced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1.</source>
        <translation>
            <numerusform>%n claim written to %1.</numerusform>
            <numerusform>%n claims written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimFormDialog</name>
    <message numerus="yes">
        <source>%n errors to fix before submitting</source>
        <translation>
            <numerusform>%n error to fix before submitting</numerusform>
            <numerusform>%n errors to fix before submitting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n lines</source>
        <extracomment>Accessible text of the running total: %1 the amount, %n the number of lines</extracomment>
        <translation>
            <numerusform>%1 for %n line</numerusform>
            <numerusform>%1 for %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimSubmitter</name>
    <message numerus="yes">
        <source>Not delivered after %n tries: %1. Retry sends it again under the same key, so the payor cannot get it twice.</source>
        <translation>
            <numerusform>Not delivered after %n try: %1. Retry sends it again under the same key, so the payor cannot get it twice.</numerusform>
            <numerusform>Not delivered after %n tries: %1. Retry sends it again under the same key, so the payor cannot get it twice.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimValidator</name>
    <message numerus="yes">
        <source>The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n days after the service).</source>
        <translation>
            <numerusform>The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n day after the service).</numerusform>
            <numerusform>The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n days after the service).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Line %1 points at diagnosis %2, but the claim lists %n diagnoses.</source>
        <translation>
            <numerusform>Line %1 points at diagnosis %2, but the claim lists %n diagnosis.</numerusform>
            <numerusform>Line %1 points at diagnosis %2, but the claim lists %n diagnoses.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message numerus="yes">
        <source>Synced at %1: asked about %n open claims</source>
        <translation>
            <numerusform>Synced at %1: asked about %n open claim</numerusform>
            <numerusform>Synced at %1: asked about %n open claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n changed.</numerusform>
            <numerusform>%n changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remittances read</source>
        <translation>
            <numerusform>%n remittance read</numerusform>
            <numerusform>%n remittances read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applied to our claims</source>
        <translation>
            <numerusform>%n applied to our claims</numerusform>
            <numerusform>%n applied to our claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not ours (kept)</source>
        <translation>
            <numerusform>%n not ours (kept)</numerusform>
            <numerusform>%n not ours (kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not balanced</source>
        <translation>
            <numerusform>%n not balanced</numerusform>
            <numerusform>%n not balanced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1 (837P).</source>
        <translation>
            <numerusform>%n claim written to %1 (837P).</numerusform>
            <numerusform>%n claims written to %1 (837P).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1.</source>
        <translation>
            <numerusform>%n claim written to %1.</numerusform>
            <numerusform>%n claims written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicalRecordHtml</name>
    <message numerus="yes">
        <source>Show all of %1 (%n entries)</source>
        <translation>
            <numerusform>Show all of %1 (%n entry)</numerusform>
            <numerusform>Show all of %1 (%n entries)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicalSummaryHtml</name>
    <message numerus="yes">
        <source>%n entries could not be read; they are shown in the documents.</source>
        <translation>
            <numerusform>%n entry could not be read; it is shown in the document.</numerusform>
            <numerusform>%n entries could not be read; they are shown in the documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · printed %2 · from %n documents of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic&apos;s own chart.</source>
        <translation>
            <numerusform>%1 · printed %2 · from %n document of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic's own chart.</numerusform>
            <numerusform>%1 · printed %2 · from %n documents of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic's own chart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · printed %2 · from %n documents of the health information network; not compared with the clinic&apos;s own chart.</source>
        <translation>
            <numerusform>%1 · printed %2 · from %n document of the health information network; not compared with the clinic's own chart.</numerusform>
            <numerusform>%1 · printed %2 · from %n documents of the health information network; not compared with the clinic's own chart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicalSummaryModel</name>
    <message numerus="yes">
        <source>From %n documents</source>
        <translation>
            <numerusform>From %n document</numerusform>
            <numerusform>From %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message numerus="yes">
        <source>&amp;Needs Action Today (%n)</source>
        <extracomment>Heading of the dashboard&apos;s action list; %n patients need action (0 shows no number)</extracomment>
        <translation>
            <numerusform>&amp;Needs Action Today (%n)</numerusform>
            <numerusform>&amp;Needs Action Today (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentViewerDialog</name>
    <message numerus="yes">
        <source>Plain text, %n bytes.</source>
        <translation>
            <numerusform>Plain text, %n byte.</numerusform>
            <numerusform>Plain text, %n bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sections</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coded entries</source>
        <translation>
            <numerusform>%n coded entry</numerusform>
            <numerusform>%n coded entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (shown in red)</source>
        <translation>
            <numerusform>%n could not be read (shown in red)</numerusform>
            <numerusform>%n could not be read (shown in red)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n pages.</source>
        <translation>
            <numerusform>PDF, %n page.</numerusform>
            <numerusform>PDF, %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message numerus="yes">
        <source>The clearinghouse did not answer within %n seconds. Try again in a few minutes.</source>
        <translation>
            <numerusform>The clearinghouse did not answer within %n second. Try again in a few minutes.</numerusform>
            <numerusform>The clearinghouse did not answer within %n seconds. Try again in a few minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n tries)</source>
        <translation>
            <numerusform>(%n try)</numerusform>
            <numerusform>(%n tries)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FhirBundleReader</name>
    <message numerus="yes">
        <source>%n %1 resource is not shown</source>
        <translation>
            <numerusform>%n %1 resource is not shown</numerusform>
            <numerusform>%n %1 resource is not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 resources are not shown</source>
        <translation>
            <numerusform>%n %1 resource is not shown</numerusform>
            <numerusform>%n %1 resources are not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle entry has no resource</source>
        <translation>
            <numerusform>%n bundle entry has no resource</numerusform>
            <numerusform>%n bundle entry has no resource</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle entries have no resource</source>
        <translation>
            <numerusform>%n bundle entry has no resource</numerusform>
            <numerusform>%n bundle entries have no resource</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; matches %n patients; give the ID:</source>
        <translation>
            <numerusform>"%1" matches %n patient; give the ID:</numerusform>
            <numerusform>"%1" matches %n patients; give the ID:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n coverages for %1</source>
        <translation>
            <numerusform>Verifying %n coverage for %1</numerusform>
            <numerusform>Verifying %n coverages for %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message numerus="yes">
        <source>%1 did not answer within %n seconds. Try again in a few minutes.</source>
        <translation>
            <numerusform>%1 did not answer within %n second. Try again in a few minutes.</numerusform>
            <numerusform>%1 did not answer within %n seconds. Try again in a few minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveStatusLabel</name>
    <message numerus="yes">
        <source>Live: offline since %1, reconnecting in %n s</source>
        <translation>
            <numerusform>Live: offline since %1, reconnecting in %n s</numerusform>
            <numerusform>Live: offline since %1, reconnecting in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n selected appointments on %1</source>
        <translation>
            <numerusform>%n selected appointment on %1</numerusform>
            <numerusform>%n selected appointments on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment on %1</source>
        <translation>
            <numerusform>%n appointment on %1</numerusform>
            <numerusform>%n appointment on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointments on %1</source>
        <translation>
            <numerusform>%n appointments on %1</numerusform>
            <numerusform>%n appointments on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sandbox is sending %n sample events to the hub.</source>
        <translation>
            <numerusform>The sandbox is sending %n sample event to the hub.</numerusform>
            <numerusform>The sandbox is sending %n sample events to the hub.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicalHistoryPage</name>
    <message numerus="yes">
        <source>%n entries could not be read; open the documents to see them.</source>
        <translation>
            <numerusform>%n entry could not be read; open the document to see it.</numerusform>
            <numerusform>%n entries could not be read; open the documents to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outside statements to review</source>
        <translation>
            <numerusform>%n outside statement to review</numerusform>
            <numerusform>%n outside statements to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetriportCall</name>
    <message numerus="yes">
        <source>Metriport is limiting how often we may %1; try again in %n seconds.</source>
        <translation>
            <numerusform>Metriport is limiting how often we may %1; try again in %n second.</numerusform>
            <numerusform>Metriport is limiting how often we may %1; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n times.</source>
        <translation>
            <numerusform>Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n time.</numerusform>
            <numerusform>Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideDocumentModel</name>
    <message numerus="yes">
        <source>%n allergies</source>
        <translation>
            <numerusform>%n allergy</numerusform>
            <numerusform>%n allergies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n medications</source>
        <translation>
            <numerusform>%n medication</numerusform>
            <numerusform>%n medications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n immunizations</source>
        <translation>
            <numerusform>%n immunization</numerusform>
            <numerusform>%n immunizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vital signs</source>
        <translation>
            <numerusform>%n vital sign</numerusform>
            <numerusform>%n vital signs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encounters</source>
        <translation>
            <numerusform>%n encounter</numerusform>
            <numerusform>%n encounters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n procedures</source>
        <translation>
            <numerusform>%n procedure</numerusform>
            <numerusform>%n procedures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideRecordsService</name>
    <message numerus="yes">
        <source>The network did not finish within %n minutes; the documents that arrived are kept. Try again later.</source>
        <translation>
            <numerusform>The network did not finish within %n minute; the documents that arrived are kept. Try again later.</numerusform>
            <numerusform>The network did not finish within %n minutes; the documents that arrived are kept. Try again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayorConnection</name>
    <message numerus="yes">
        <source>Connected: the payor takes the API key, knows provider %1 and routes %n insurance IDs.</source>
        <translation>
            <numerusform>Connected: the payor takes the API key, knows provider %1 and routes %n insurance ID.</numerusform>
            <numerusform>Connected: the payor takes the API key, knows provider %1 and routes %n insurance IDs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n rows before it hold.</source>
        <translation>
            <numerusform>%n row before it holds.</numerusform>
            <numerusform>%n rows before it hold.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail of %1 holds: %n rows, from %2 to %3 (UTC).</source>
        <translation>
            <numerusform>The audit trail of %1 holds: %n row, from %2 to %3 (UTC).</numerusform>
            <numerusform>The audit trail of %1 holds: %n rows, from %2 to %3 (UTC).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message numerus="yes">
        <source>%n pending imports</source>
        <translation>
            <numerusform>%n pending import</numerusform>
            <numerusform>%n pending imports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choices to apply</source>
        <translation>
            <numerusform>%n choice to apply</numerusform>
            <numerusform>%n choices to apply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choices have not been applied. Close and drop them?</source>
        <translation>
            <numerusform>%n choice has not been applied. Close and drop it?</numerusform>
            <numerusform>%n choices have not been applied. Close and drop them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>%n appointments: </source>
        <translation>
            <numerusform>%n appointment: </numerusform>
            <numerusform>%n appointments: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>The payor routes %n insurance IDs; save to keep them.</source>
        <translation>
            <numerusform>The payor routes %n insurance ID; save to keep it.</numerusform>
            <numerusform>The payor routes %n insurance IDs; save to keep them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message numerus="yes">
        <source>Waited %n seconds</source>
        <translation>
            <numerusform>Waited %n second</numerusform>
            <numerusform>Waited %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Try %1 of %2 · %n seconds</source>
        <extracomment>%1 the try being made, %2 tries at most; %n seconds since the verification began</extracomment>
        <translation>
            <numerusform>Try %1 of %2 · %n second</numerusform>
            <numerusform>Try %1 of %2 · %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n minutes. An administrator can unlock it sooner.</source>
        <translation>
            <numerusform>Too many failed sign-ins: this account is locked for %n minute. An administrator can unlock it sooner.</numerusform>
            <numerusform>Too many failed sign-ins: this account is locked for %n minutes. An administrator can unlock it sooner.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>X12</name>
    <message numerus="yes">
        <source>%n interchange</source>
        <translation>
            <numerusform>%n interchange</numerusform>
            <numerusform>%n interchange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interchanges</source>
        <translation>
            <numerusform>%n interchanges</numerusform>
            <numerusform>%n interchanges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction</source>
        <translation>
            <numerusform>%n transaction</numerusform>
            <numerusform>%n transaction</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transactions</source>
        <translation>
            <numerusform>%n transactions</numerusform>
            <numerusform>%n transactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segment</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segments</source>
        <translation>
            <numerusform>%n segments</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n result</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more problem is not listed.</source>
        <translation>
            <numerusform>%n more problem is not listed.</numerusform>
            <numerusform>%n more problem is not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more problems are not listed.</source>
        <translation>
            <numerusform>%n more problems are not listed.</numerusform>
            <numerusform>%n more problems are not listed.</numerusform>
        </translation>
    </message>
</context>
</TS>
