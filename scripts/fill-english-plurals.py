#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills the English plural catalogue (translations/clinicdesk_en.ts, made by lupdate -pluralonly).

Sources are written in the plural ("%n coverages to verify"); SINGULAR gives each one's singular.
Sources that already choose their form in code (the X12 library's "%n segment" / "%n segments")
keep their text in both forms. A source in neither list stays unfinished, and tst_translations
fails on it: add its singular here and run this again after `update_translations`.
"""
import html
import re
import sys
from pathlib import Path

SINGULAR = {
    "%n outside statements to review":
        "%n outside statement to review",
    "%n pending imports":
        "%n pending import",
    "%n choices to apply":
        "%n choice to apply",
    "%n choices have not been applied. Close and drop them?":
        "%n choice has not been applied. Close and drop it?",
    "Show all of %1 (%n entries)":
        "Show all of %1 (%n entry)",
    "%1 · printed %2 · from %n documents of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic's own chart.":
        "%1 · printed %2 · from %n document of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic's own chart.",
    "%1 · printed %2 · from %n documents of the health information network; not compared with the clinic's own chart.":
        "%1 · printed %2 · from %n document of the health information network; not compared with the clinic's own chart.",
    "%n entries could not be read; they are shown in the documents.":
        "%n entry could not be read; it is shown in the document.",
    "%n rows, newest first.":
        "%n row, newest first.",
    "%n rows before it hold.":
        "%n row before it holds.",
    "The audit trail of %1 holds: %n rows, from %2 to %3 (UTC).":
        "The audit trail of %1 holds: %n row, from %2 to %3 (UTC).",
    "Too many failed sign-ins: this account is locked for %n minutes. An administrator can unlock it sooner.":
        "Too many failed sign-ins: this account is locked for %n minute. An administrator can unlock it sooner.",
    "From %n documents":
        "From %n document",
    "Plain text, %n bytes.":
        "Plain text, %n byte.",
    "%n sections":
        "%n section",
    "%n coded entries":
        "%n coded entry",
    "%n could not be read (shown in red)":
        "%n could not be read (shown in red)",
    "PDF, %n pages.":
        "PDF, %n page.",
    "%n %1 resources are not shown":
        "%n %1 resource is not shown",
    "%n %1 resource is not shown":
        "%n %1 resource is not shown",
    "%n bundle entries have no resource":
        "%n bundle entry has no resource",
    "%n bundle entry has no resource":
        "%n bundle entry has no resource",
    "%n entries could not be read; open the documents to see them.":
        "%n entry could not be read; open the document to see it.",
    "Metriport is limiting how often we may %1; try again in %n seconds.":
        "Metriport is limiting how often we may %1; try again in %n second.",
    "Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n times.":
        "Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n time.",
    "%n allergies":
        "%n allergy",
    "%n medications":
        "%n medication",
    "%n problems":
        "%n problem",
    "%n immunizations":
        "%n immunization",
    "%n results":
        "%n result",
    "%n vital signs":
        "%n vital sign",
    "%n encounters":
        "%n encounter",
    "%n procedures":
        "%n procedure",
    "%n could not be read":
        "%n could not be read",
    "The network did not finish within %n minutes; the documents that arrived are kept. Try again later.":
        "The network did not finish within %n minute; the documents that arrived are kept. Try again later.",
    "No decision from the payor within %n seconds; the claim stays %1.":
        "No decision from the payor within %n second; the claim stays %1.",
    "Asked the payor about %n open claims":
        "Asked the payor about %n open claim",
    "%n changed.":
        "%n changed.",
    "%n claims written to %1 (837P, %2 segments).":
        "%n claim written to %1 (837P, %2 segments).",
    "%n remittances read":
        "%n remittance read",
    "%n applied to our claims":
        "%n applied to our claims",
    "%n not ours (kept)":
        "%n not ours (kept)",
    "%n not balanced":
        "%n not balanced",
    "%n errors to fix before submitting":
        "%n error to fix before submitting",
    "%n warnings":
        "%n warning",
    "%n errors":
        "%n error",
    "%1 for %n lines":
        "%1 for %n line",
    "Synced at %1: asked about %n open claims":
        "Synced at %1: asked about %n open claim",
    "%n claims":
        "%n claim",
    "%n claims written to %1 (837P).":
        "%n claim written to %1 (837P).",
    "%n claims written to %1.":
        "%n claim written to %1.",
    "Connected: the payor takes the API key, knows provider %1 and routes %n insurance IDs.":
        "Connected: the payor takes the API key, knows provider %1 and routes %n insurance ID.",
    "The payor routes %n insurance IDs; save to keep them.":
        "The payor routes %n insurance ID; save to keep it.",
    "it has %n characters; ICD-10-CM codes have 3 to 7":
        "it has %n character; ICD-10-CM codes have 3 to 7",
    "it has %n characters; CPT and HCPCS codes have 5":
        "it has %n character; CPT and HCPCS codes have 5",
    "it has %n digits; an NPI has 10": "it has %n digit; an NPI has 10",
    "The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n days after the service).":
        "The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n day after the service).",
    "Line %1 points at diagnosis %2, but the claim lists %n diagnoses.":
        "Line %1 points at diagnosis %2, but the claim lists %n diagnosis.",
    "Not delivered after %n tries: %1. Retry sends it again under the same key, so the payor cannot get it twice.":
        "Not delivered after %n try: %1. Retry sends it again under the same key, so the payor cannot get it twice.",
    "The clearinghouse did not answer within %n seconds. Try again in a few minutes.":
        "The clearinghouse did not answer within %n second. Try again in a few minutes.",
    "%1 did not answer within %n seconds. Try again in a few minutes.":
        "%1 did not answer within %n second. Try again in a few minutes.",
    "(%n attempts)": "(%n attempt)",
    "%n attempts": "%n attempt",
    '"%1" matches %n patients; give the ID:': '"%1" matches %n patient; give the ID:',
    "Verifying %n coverages for %1": "Verifying %n coverage for %1",
    "%n appointments: ": "%n appointment: ",
    "(%n tries)": "(%n try)",
    "%n selected appointments on %1": "%n selected appointment on %1",
    "Waited %n seconds": "Waited %n second",
    "%1 and %n more": "%1 and %n more",
    "&Needs Action Today (%n)": "&Needs Action Today (%n)",
    "Try %1 of %2 · %n seconds": "Try %1 of %2 · %n second",
    "Live: offline since %1, reconnecting in %n s": "Live: offline since %1, reconnecting in %n s",
    "The sandbox is sending %n sample events to the hub.":
        "The sandbox is sending %n sample event to the hub.",
    "%1 (and %n more)": "%1 (and %n more)",
}
# Chosen in code by count (the X12 library runs without catalogues): the text is already right.
FIXED = re.compile(r"^%n (interchange|transaction|segment|result|coverage)s?$"
                   r"|^%n more problems? (is|are) not listed\.$"
                   r"|^Cancelled: %n coverages? (was|were) not verified\.$"
                   r"|^%n appointments? on %1$")


def fill(match):
    source = html.unescape(match.group(1))
    if source in SINGULAR:
        singular, plural = SINGULAR[source], source
    elif FIXED.match(source):
        singular = plural = source
    else:
        return match.group(0)
    return (f"<source>{match.group(1)}</source>{match.group(2)}\n        <translation>\n"
            f"            <numerusform>{html.escape(singular, quote=False)}</numerusform>\n"
            f"            <numerusform>{html.escape(plural, quote=False)}</numerusform>\n"
            f"        </translation>")


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent /
                "translations" / "clinicdesk_en.ts")
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(r"<source>([^<]*)</source>((?:\s*<extracomment>[^<]*</extracomment>)?)"
                         r"\s*<translation[^>]*>.*?</translation>", re.S)
    path.write_text(pattern.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    main()
