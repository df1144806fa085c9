#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the benchmarks against a built tree (called by scripts/bench). Prints figures only.
set -euo pipefail
build="$1"
bench="$build/bench/clinicdesk_bench"
desk="$build/app/desk/clinicdesk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

peak() { # peak resident memory in MB from GNU time's output file
    awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

echo "== ClinicDesk benchmarks ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)) =="
/usr/bin/time -v -o "$work/parse.time" "$bench" parse 5000
echo "   peak memory: $(peak "$work/parse.time") MB"
/usr/bin/time -v -o "$work/batch.time" "$bench" batch 500
echo "   peak memory: $(peak "$work/batch.time") MB"

mkdir -p "$work/data" "$work/home"
"$bench" seed "$work/data" 10000
# One X server for all runs, so its own start-up is not counted.
display=":$((150 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
inside=()
wall=()
for run in 1 2 3 4 5; do
    begin=$(date +%s%N)
    line=$(DISPLAY="$display" HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" \
        /usr/bin/time -v -o "$work/start.time" \
        "$desk" --data-dir "$work/data" --quit-after-show 2>/dev/null | grep "main window shown")
    end=$(date +%s%N)
    inside+=("$(echo "$line" | grep -o '[0-9]\+ ms' | grep -o '[0-9]\+')")
    wall+=("$(((end - begin) / 1000000))")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
echo "cold start with 10,000 patients (120 visits today): main() to main window shown, median $(median "${inside[@]}") ms;" \
     "whole process (exec to exit), median $(median "${wall[@]}") ms (runs: ${wall[*]}; target < 1500 ms)"
echo "   peak memory of clinicdesk: $(peak "$work/start.time") MB (target < 200 MB)"
