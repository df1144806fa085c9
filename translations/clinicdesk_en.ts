<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BatchVerifyDialog</name>
    <message numerus="yes">
        <source>%n coverage(s) to verify.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n not verified.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <source>(%n attempts)</source>
        <translation>
            <numerusform>(%n attempt)</numerusform>
            <numerusform>(%n attempts)</numerusform>
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
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Verify %n Selected Appointment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
            <numerusform>%n results</numerusform>
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
