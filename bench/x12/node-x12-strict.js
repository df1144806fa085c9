// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// For scripts/bench-x12.sh: parses each file named on the command line with the npm package
// node-x12 in strict mode and prints its interchange, transaction and segment counts, or why
// it refused the file. Usage: node node-x12-strict.js FILE...
'use strict';
const fs = require('node:fs');
const { X12Parser } = require('node-x12');

function counts(interchange) {
    // Strict parsing of a file with several interchanges gives an X12FatInterchange.
    const interchanges = interchange.interchanges || [interchange];
    let transactions = 0;
    let segments = 0;
    for (const one of interchanges) {
        segments += 2;
        for (const group of one.functionalGroups) {
            segments += 2;
            for (const transaction of group.transactions)
                segments += transaction.segments.length + 2;
            transactions += group.transactions.length;
        }
    }
    return `${interchanges.length} interchanges, ${transactions} transactions, ${segments} segments`;
}

for (const file of process.argv.slice(2)) {
    try {
        const parser = new X12Parser(true);
        console.log(`${file}: ${counts(parser.parse(fs.readFileSync(file, 'latin1')))}`);
    } catch (error) {
        console.log(`${file}: refused: ${error.message}`);
        process.exitCode = 1;
    }
}
