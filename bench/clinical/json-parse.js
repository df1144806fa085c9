// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// For scripts/bench-clinical.sh: JSON.parse over a FHIR bundle, the floor any JSON reader in
// node stands on. Usage: node json-parse.js FILE [ROUNDS]
//   ROUNDS 0 (the default): one parse, for timing the whole process;
//   ROUNDS N: the best of N parses of the text already in memory (after one to warm up).
'use strict';
const fs = require('node:fs');

const [file, roundsText] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);
const rounds = Number(roundsText || 0);
let entries = (JSON.parse(text).entry || []).length;
if (rounds === 0) {
    console.log(`${(bytes / 1e6).toFixed(2)} MB: ${entries} entries`);
} else {
    let best = Infinity;
    for (let round = 0; round < rounds; ++round) {
        const begin = process.hrtime.bigint();
        entries = (JSON.parse(text).entry || []).length;
        best = Math.min(best, Number(process.hrtime.bigint() - begin) / 1e6);
    }
    console.log(`JSON.parse in process: best ${best.toFixed(1)} ms of ${rounds} = ` +
        `${(bytes / 1e6 / (best / 1e3)).toFixed(0)} MB/s (${entries} entries)`);
}
