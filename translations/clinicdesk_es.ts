<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BatchVerifyDialog</name>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n coverage(s) to verify.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(verified earlier today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: %1 · Needs review: %2 · Failed: %3</source>
        <translation type="unfinished"></translation>
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
    <name>BenefitSummary</name>
    <message>
        <source>per visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per calendar year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per service year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior authorization required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHECKING…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEEDS REVIEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coinsurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out-of-pocket maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BenefitsModel</name>
    <message>
        <source>Benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tertiary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageForm</name>
    <message>
        <source>&amp;Payer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As printed on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lan name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient is the &amp;subscriber&apos;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber (the policy holder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber &amp;first name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber las&amp;t name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vice type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify &amp;Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self (patient is the subscriber)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other dependent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer: choose the payer from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date as MM/DD/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Verified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the figures and the recent activity (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished verifications; pending and cancelled ones are not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of verifications the payer answered, including those that need review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of verifications rejected by the payer or not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean time from request to answer, automatic retries included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th Percentile Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 of 100 verifications were answered at least this fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verifications in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status breakdown chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most Common Rejection Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most common rejection reasons chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed verifications in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Status chart legend: %1 status name, %2 number of verifications</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>Response time in milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Response time in seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>Percentage; %1 is a number like 97.5</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskContext</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training data could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse is unavailable (HTTP %1). Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse refused the request (HTTP %1). Check the clearinghouse address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the clearinghouse: %1. Check the network connection and the address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot verify: missing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The clearinghouse answer could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Confirm the order of benefits with the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has the name as %1 %2 (sent %3 %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has the date of birth as %1 (sent %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EligibilityService</name>
    <message>
        <source>ClinicDesk closed before the payer answered. Retry to ask again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldValidation</name>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most 60 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, spaces, apostrophes and hyphens only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is more than 130 years ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the two-letter state code, e.g. OR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 5 digits, or 9 as 12345-6789.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter 10 digits, e.g. 541-555-0100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address like name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the member ID from the insurance card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member ID has 2 to 30 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group number has up to 30 letters, digits and dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 10-digit NPI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid NPI (10 digits with a check digit).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>office copay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; matches %n patients; give the ID:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no active insurance on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n coverage(s) for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 verified, %2 need review, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day sheet saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified earlier, reused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ClinicDesk — Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClinicDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING MODE — simulated payers and demo patients. Nothing here reaches a real payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, date of birth, MRN or member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register Patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;hedule for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the insurance of every appointment (or the selected ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;Day Sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Day Sheet as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify &amp;Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Front Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ClinicDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ClinicDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ClinicDesk&lt;/b&gt; %1&lt;br/&gt;Insurance verification for the clinic front desk.&lt;br/&gt;Licensed under the GNU GPL version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments with insurance on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Schedule — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verify %n Selected Appointment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>&amp;Edit Patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify &amp;All Coverages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify primary, secondary and tertiary insurance at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the selected failed verification again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify A&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the payer again even if verified in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>ClinicDesk Cannot Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentActivityModel</name>
    <message>
        <source>CANCELLED</source>
        <extracomment>Status of a verification the clerk stopped; upper case like the other verdicts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>Response time of a verification in milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer / Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown patient</source>
        <extracomment>Shown when a verification&apos;s patient record no longer exists</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>%1 payer name, %2 member ID</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterPatientDialog</name>
    <message>
        <source>Register Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;iddle name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex at birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City, state, ZIP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>97477</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date as MM/DD/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the PDF to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other coverage: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance Verification — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day Sheet — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 active, %2 need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider / visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING — simulated payer answers, not for patient use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer returned no benefit details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it failed and what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance Verification Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient has no insurance on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No insurance on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify again before the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments on this day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Print Preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The sandbox could not listen on %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a coverage and press Verify Insurance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 about member %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office visit copay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer is out of date. Verify again before the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage ended on %1. Ask the patient for current insurance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage is not active. Ask the patient for current insurance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot save the appointment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the patient for the appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date and time of the appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment must last at least one minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient of this appointment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment no longer exists; someone may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the patient before adding insurance coverage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the insurance payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the member ID from the insurance card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether the coverage is primary, secondary or tertiary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the subscriber&apos;s name and date of birth: the patient is not the subscriber of this coverage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coverage ends before it begins; check the effective and termination dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the coverage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient of this coverage no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer %1 is not in the payer list; add it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This coverage no longer exists; someone may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the payer ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the payer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: it is not a ClinicDesk database or it is damaged (%2). Restore it from the latest backup, or ask your administrator for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2. Check that the folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: its schema version is %2, but this ClinicDesk knows versions up to %3 only. This database was written by a newer ClinicDesk; update the app to open it. The database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use write-ahead logging for the database %1 (%2). Keep the database on a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ClinicDesk build is broken: database update %1 is missing. Reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ClinicDesk build is broken: cannot read database update %1. Reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the database %1 to version %2 (%3). It was left at version %4; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database connection %1 is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed. Reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the patient&apos;s last name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the patient&apos;s date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the state as its two-letter code, for example NY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free medical record number is left; enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the patient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another patient already has the MRN %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient no longer exists; someone may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1 of %2: %3</source>
        <extracomment>%1 is the position of the patient in the list, %2 the list&apos;s size, %3 the reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification needs the patient and the coverage it checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification needs the time it was requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coverage of this verification no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coverage of this verification belongs to another patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This verification no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationHistoryModel</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationJob</name>
    <message>
        <source>This coverage no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscriber name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscriber date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider NPI (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clearinghouse address (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationStats</name>
    <message>
        <source>Clearinghouse timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse unavailable (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable clearinghouse answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage incomplete for a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer busy (AAA %1)</source>
        <extracomment>%1 is one or more X12 AAA reject reason codes, e.g. &quot;42&quot; or &quot;42, 80&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other failure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>X12</name>
    <message>
        <source>Medical care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiation therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anesthesia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgical assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used durable medical equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durable medical equipment purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambulatory service center facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renal supplies in the home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate method dialysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronic renal disease equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-admission testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durable medical equipment rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pneumonia vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second surgical opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third surgical opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic dental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periodontics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restorative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endodontics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maxillofacial prosthetics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjunctive dental services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health benefit plan coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan waiting period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiropractic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiropractic office visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dental care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dental crowns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dental accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orthodontics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prosthodontics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oral surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine (preventive) dental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home health care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home health prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home health visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respite care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - room and board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - emergency accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - emergency medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital - ambulatory surgical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long term care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medically related transportation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Air transportation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cabulance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed ambulance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-vitro fertilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRI/CAT scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acupuncture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newborn care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoking cessation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well baby care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maternity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transplants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audiology exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhalation therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private duty nursing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prosthetic device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otological exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infertility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abortion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AIDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-standing prescription drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail order prescription drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand name prescription drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic prescription drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podiatry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podiatry - office visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podiatry - nursing home visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional (physician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anesthesiologist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - nursing home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - skilled nursing facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychiatric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychiatric - room and board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychiatric - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychiatric - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehabilitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehabilitation - room and board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehabilitation - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehabilitation - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupational therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skilled nursing care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skilled nursing care - room and board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alcoholism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug addiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vision (optometry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-medically necessary physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experimental drug therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burn care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand name prescription drug - formulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand name prescription drug - non-formulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent medical evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial hospitalization (psychiatric)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day care (psychiatric)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognitive therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Massage therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulmonary rehabilitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiac rehabilitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pediatric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nursery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orthopedic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiac</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lymphatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gastrointestinal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endocrine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invasive procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gynecological</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obstetrical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obstetrical/gynecological</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail order prescription drug - brand name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail order prescription drug - generic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - office: sick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician visit - office: well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coronary care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private duty nursing - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private duty nursing - home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgical benefits - professional (physician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgical benefits - facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health provider - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health provider - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health facility - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health facility - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance abuse facility - inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance abuse facility - outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening laboratory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mammogram, high risk patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mammogram, low risk patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flu vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyewear and eyewear accessories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durable medical equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diabetic supplies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic prescription drug - formulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic prescription drug - non-formulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intensive care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neonatal intensive care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oncology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulmonary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residential psychiatric treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitional care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitional nursery care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active - full risk capitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active - services capitated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active - services capitated to primary care physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active - pending investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive - pending eligibility update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive - pending investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deductible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of pocket (stop loss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost containment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary care provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-existing condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed care coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services restricted to following provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deemed a medical necessity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second surgical opinion required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other or additional payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior year(s) history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card(s) reported lost/stolen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact following entity for information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other source of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health care facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependents only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee and children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee and spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse and children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: working aged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: end-stage renal disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: no-fault insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: workers&apos; compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: public health service or federal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: black lung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: veterans administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: large group health plan for the disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare secondary: other liability insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HMO - Medicare risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare Part A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare Part B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point of service (POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified Medicare beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered - actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered - estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of co-insurance days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deductible blood units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime reserve - actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime reserve - estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of services or procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age, high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age, low value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior authorization required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prior authorization required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior authorization unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In and out of network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective date of change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination of benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest visit or consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COBRA begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COBRA end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium paid to date begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium paid to date end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organ donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadaver donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contracted service provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred provider organization (PPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent physicians association (IPA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured or subscriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior insurance carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan sponsor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tertiary payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilization management organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed care organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has received more requests than it allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a while and verify again; for a batch, send fewer patients at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information the payer requires is missing from the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the patient&apos;s name, date of birth and member ID are filled in, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is out of network for this patient&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the patient the visit may be billed as out of network, or check whether the plan covers out-of-network care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer does not allow this practice to check eligibility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the clearinghouse or the payer to enroll the practice for eligibility checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer is unable to respond right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it keeps failing, call the payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s NPI is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider NPI in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s name is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider name in the practice settings (as registered with the payer) and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s specialty is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s specialty (taxonomy) in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s phone number is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s phone number in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s state is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s address and state in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referring provider&apos;s ID is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the referring provider&apos;s NPI and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is not the patient&apos;s primary care physician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check who the patient&apos;s primary care physician is; the visit may need a referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is not eligible to check coverage with this payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the payer to enroll the provider for eligibility inquiries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has no record of this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider NPI; the provider may need to register with the payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of service is outside the provider&apos;s enrollment with the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the date of service; call the payer if the provider should be enrolled for that date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The benefit asked about does not fit the provider&apos;s type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify again with general coverage (service type 30) or a service type that fits this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of procedure code in the request is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify again with a service type instead of a procedure code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The procedure or service code is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the procedure or service type code and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date asked about is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use today&apos;s date or the appointment date and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of service is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of service and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s date of birth and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is after the date of service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the date of birth and the date of service, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer&apos;s records show a date of death before the date of service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the right patient was selected; call the payer if their record is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of service is outside the period the payer answers for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a date of service closer to today and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of service is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use today&apos;s date, or verify again on the day of the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s ID is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s ID on the insurance card and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s name is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s name exactly as printed on the insurance card and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s sex is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s sex in the registration and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer cannot find the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s name and date of birth and the subscriber&apos;s member ID exactly as on the card, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has more than one record with this patient ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the patient&apos;s date of birth if it is missing; otherwise call the payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service asked about does not fit the patient&apos;s age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the date of birth and the service type, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service asked about does not fit the patient&apos;s sex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s sex and the service type, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth does not match the payer&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the date of birth with the patient or the insurance card and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member ID is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the member ID on the insurance card (no spaces or dashes) and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriber&apos;s name is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s name exactly as printed on the insurance card and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriber&apos;s sex is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s sex in the registration and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer cannot find the subscriber.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s name, date of birth and member ID exactly as on the card, and that the right payer is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer has more than one record with this member ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the subscriber&apos;s date of birth if it is missing; otherwise call the payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer found the subscriber but not the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s name and date of birth; the patient may not be on this policy. Ask for the patient&apos;s own card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriber is not in the group or plan given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the group number on the card, or verify again without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer does not recognize the sender of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the clearinghouse to check the practice&apos;s set-up with this payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s address is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s address in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer considers the service experimental.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the patient the service may not be covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service needs an authorization number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get an authorization number from the payer before the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service needs the primary care physician&apos;s authorization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a referral from the patient&apos;s primary care physician before the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnosis code is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the diagnosis code and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The procedure code is invalid or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the procedure code and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer needs more information about the patient&apos;s condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the payer to give the information they need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certification information does not match the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the authorization or certification number for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service needs a medical review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact the payer for a medical review before the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization number is not in a valid format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the authorization number and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get an authorization from the payer before the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer&apos;s name or ID is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the payer chosen for this coverage and its payer ID, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1 bytes long, more than the limit of %2 bytes; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: the reader failed without saying why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: the interchange written back reads differently (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 x%2, %3 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, 270: %1 of %2 requests read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: the 271 parser disagrees with itself (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, 271: %1 results (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 270 has no payer: NM1*PR is missing from loop 2100A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 270 has no subscriber loop (HL with HL03 = 22).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dependent loop (2000D) has no NM1*03 segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriber loop (2000C) has no NM1*IL segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer NM1*PR has no payer ID (NM109).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriber NM1*IL has no member ID (NM109).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMG02 &quot;%1&quot; is not a valid date of birth (CCYYMMDD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTP03 &quot;%1&quot; is not a valid date of service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange holds no transaction, so no 270 eligibility request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange holds no 270 eligibility request (found: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMG02 &quot;%1&quot; is not a valid date of birth; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EB07 &quot;%1&quot; is not an amount; the benefit was kept without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EB08 &quot;%1&quot; is not a percentage; the benefit was kept without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EB10 &quot;%1&quot; is not a quantity; the benefit was kept without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTP %1 date &quot;%2&quot; (format %3) is not a valid date; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange holds no transaction, so no 271 eligibility response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange holds no 271 eligibility response (found: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer rejected the request without giving a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer rejected the request (reason code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s name and NPI in the practice settings and verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the service type and the date of service, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the patient&apos;s insurance details against the card; if they are right, call the payer and quote reason code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the request and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send it again: the payer does not allow resubmission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the same request again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request may be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send it again: the payer passed it to a third party.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait 30 days before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait 10 days before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send it again: the payer will respond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the primary payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the secondary payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the tertiary payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary care provider: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another payer also covers this patient: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <extracomment>%1 is a kind of entity (Plan sponsor, Employer ...), %2 its name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X12 data is %1 bytes long, more than the limit of %2 bytes; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X12 data is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not X12 data: it must start with an ISA segment, but starts with &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ISA segment is too short: an ISA has 16 elements and is 106 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character after ISA is %1, which cannot be the element separator; it must be a special character such as &apos;*&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ISA segment has only %1 of its 16 elements separated by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment terminator (the character after ISA16) is %1; it must be a special character such as &apos;~&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The component separator (ISA16) is %1; it must be a special character such as &apos;:&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>component separator (ISA16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment terminator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ISA uses %1 as both the %2 and the %3; the separators must differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISA%1 contains the segment terminator %2: the ISA is incomplete or its separators are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISA%1 is %2 characters long; the standard fixes it at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISA11 (repetition separator) %1 is also the %2; repetitions are not split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a segment ID (after segment %2, %3); the data is damaged or is not X12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data ends in the middle of this segment (no segment terminator %1): the input is truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last segment has no segment terminator %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second ISA starts before the IEA of the interchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A functional group starts inside the transaction that began at segment %1 (its SE is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A functional group starts before the GE of the group that began at segment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction is outside a functional group (GS is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transaction starts before the SE of the transaction that began at segment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SE without a matching ST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The functional group ends inside the transaction that began at segment %1 (its SE is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GE without a matching GS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange ends inside the transaction that began at segment %1 (its SE and GE are missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange ends inside the functional group that began at segment %1 (its GE is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment is outside a transaction (not between ST and SE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment is outside a functional group and transaction: GS and ST are missing before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SE01 &quot;%1&quot; is not a segment count; the transaction has %2 segments (ST to SE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SE01 says %1 segments; the transaction has %2 (ST to SE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SE02 &quot;%1&quot; does not match ST02 &quot;%2&quot; of segment %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GE01 &quot;%1&quot; is not a transaction count; the functional group has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GE01 says %1 transactions; the functional group has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GE02 &quot;%1&quot; does not match GS06 &quot;%2&quot; of segment %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IEA01 &quot;%1&quot; is not a functional group count; the interchange has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IEA01 says %1 functional groups; the interchange has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IEA02 &quot;%1&quot; does not match the interchange control number ISA13 &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second interchange (ISA) follows the IEA; only one interchange is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data follows the IEA trailer: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data ends after segment %1 (%2) before the SE of this transaction: the input is truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The functional group has no GE trailer: the data ends after segment %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interchange has no IEA trailer: the data ends after segment %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
