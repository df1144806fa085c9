// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// For scripts/bench-clinical.sh: converts each C-CDA file named on the command line to a FHIR
// Bundle with the npm package @medplum/ccda (XML to its C-CDA object, then to FHIR), as one
// pass, and prints the files, bytes, resources made and files it refused, and the time the
// conversions took inside the process. Usage: node medplum-ccda.js FILE...
'use strict';
const fs = require('node:fs');
const { convertXmlToCcda, convertCcdaToFhir } = require('@medplum/ccda');

let bytes = 0;
let resources = 0;
let refused = 0;
let convertMs = 0;
const files = process.argv.slice(2);
for (const file of files) {
    const xml = fs.readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(xml);
    const begin = process.hrtime.bigint();
    try {
        const bundle = convertCcdaToFhir(convertXmlToCcda(xml));
        resources += (bundle.entry || []).length;
    } catch (error) {
        ++refused;
    }
    convertMs += Number(process.hrtime.bigint() - begin) / 1e6;
}
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB: ${resources} FHIR resources, ` +
    `${refused} refused; conversions ${convertMs.toFixed(0)} ms in process`);
