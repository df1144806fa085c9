// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// For scripts/bench-x12.sh: streams each file named on the command line through the npm
// package x12-parser and prints its segment count. Usage: node x12-parser-count.js FILE...
'use strict';
const fs = require('node:fs');
const { X12parser } = require('x12-parser');

function count(file) {
    return new Promise((resolve, reject) => {
        let segments = 0;
        const parser = new X12parser();
        parser.on('error', reject);
        parser.on('data', () => {
            ++segments;
        });
        parser.on('end', () => resolve(segments));
        const input = fs.createReadStream(file);
        input.on('error', reject);
        input.pipe(parser);
    });
}

(async () => {
    for (const file of process.argv.slice(2)) {
        try {
            console.log(`${file}: ${await count(file)} segments`);
        } catch (error) {
            console.log(`${file}: refused: ${error.message}`);
            process.exitCode = 1;
        }
    }
})();
