#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/node-x12-check.sh FILE...: reads each X12 file with the npm package node-x12 in strict
# mode (it refuses a short ISA, a segment outside its envelope, and any SE01/SE02, GE01/GE02 or
# IEA01/IEA02 that does not match) and prints its counts. Exits 0 only when every file is read
# without error; 3 when node or npm is missing, 4 when node-x12 cannot be installed.
# node-x12 is installed once into a cache outside the repository, as scripts/bench-x12.sh does.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: scripts/node-x12-check.sh FILE..." >&2
    exit 2
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node-x12-check: node and npm are needed (scripts/test installs them)" >&2
    exit 3
fi

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
version=1.7.1
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-test/npm"
if ! npm_install_pinned "$npm_dir" "node-x12@$version"; then
    echo "node-x12-check: npm could not install node-x12@$version:" >&2
    tail -n 20 "$npm_dir/install.log" >&2
    exit 4
fi

NODE_PATH="$npm_dir/node_modules" node - "$@" <<'JS'
'use strict';
const fs = require('node:fs');
const { X12Parser } = require('node-x12');

for (const file of process.argv.slice(2)) {
    try {
        const parser = new X12Parser(true);
        const parsed = parser.parse(fs.readFileSync(file, 'latin1'));
        // Several interchanges give an X12FatInterchange.
        const interchanges = parsed.interchanges || [parsed];
        let groups = 0;
        let transactions = 0;
        let segments = 0;
        for (const interchange of interchanges) {
            groups += interchange.functionalGroups.length;
            for (const group of interchange.functionalGroups) {
                for (const transaction of group.transactions) {
                    transactions += 1;
                    segments += transaction.segments.length + 2;
                }
            }
        }
        if (parser.diagnostics.length > 0)
            throw new Error(parser.diagnostics.map((d) => d.message).join('; '));
        console.log(`${file}: ${interchanges.length} interchanges, ${groups} groups, ` +
            `${transactions} transactions, ${segments} transaction segments`);
    } catch (error) {
        console.log(`${file}: refused: ${error.message}`);
        process.exitCode = 1;
    }
}
JS
