#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# X12 reading benchmark. Prints figures only; asserts nothing.
#   scripts/bench-x12.sh BINARY WORKDIR
# BINARY is run as "BINARY conformance DIR" (it reads DIR/x12/*), e.g. build/app/desk/clinicdesk.
# Whole processes on the same ten copies of a generated 6.5 MB 271: ours, the npm package
# x12-parser (streaming, counts segments) and node-x12 in strict mode; wall time median of 3.
# Then the peak memory of ours on one file, and on two hostile files (a 16 MB deep HL chain,
# 63 MB of repeated EB) with the time taken.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: scripts/bench-x12.sh BINARY WORKDIR" >&2
    exit 2
fi
binary="$(realpath "$1")"
work="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
generator="$root/../shared/bench/gen-271.py"
bench="$root/bench/x12"

if [ ! -f "$generator" ]; then
    echo "skipped: the 271 generator is not at $generator"
    exit 0
fi
mkdir -p "$work"
work="$(realpath "$work")"

ms() { echo $(($(date +%s%N) / 1000000)); }
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
peak_kb() { awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$1"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# Three runs of a command (output dropped); prints the median wall time in ms, the median CPU
# time (user + system) in ms, and the wall times of the runs. CPU time says more than wall time
# on a machine that is busy with something else.
time3() {
    local walls=() cpus=() run
    for run in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$work/run.time" "$@" >/dev/null 2>&1 || true
        read -r wall user sys <"$work/run.time"
        walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    done
    echo "$(median "${walls[@]}") $(median "${cpus[@]}") ${walls[*]}"
}

echo "== X12 benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)) =="

# Data: one generated 271, ten copies of it, and the two hostile files.
file="$work/gen-5000.x12"
[ -f "$file" ] || python3 "$generator" -n 5000 -o "$file" 2>/dev/null
size=$(stat -c %s "$file")
rm -rf "$work/ten" "$work/one" "$work/empty" "$work/hl" "$work/eb"
mkdir -p "$work/ten/x12" "$work/one/x12" "$work/empty/x12" "$work/hl/x12" "$work/eb/x12"
for i in $(seq -w 1 10); do cp "$file" "$work/ten/x12/gen-$i.x12"; done
cp "$file" "$work/one/x12/"
[ -f "$work/hl-chain.x12" ] || python3 "$bench/hostile-271.py" hl-chain 16 "$work/hl-chain.x12"
[ -f "$work/repeated-eb.x12" ] || python3 "$bench/hostile-271.py" repeated-eb 63 "$work/repeated-eb.x12"
ln -s "$work/hl-chain.x12" "$work/hl/x12/hl-chain.x12"
ln -s "$work/repeated-eb.x12" "$work/eb/x12/repeated-eb.x12"
files=("$work"/ten/x12/*.x12)
echo "input: 10 x $(mb "$size") MB generated 271 (gen-271.py -n 5000; $(grep -c . "$file") segments each)"

# The npm packages, pinned, installed once into a cache outside the repository.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-bench/npm"
have_node=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node or npm is missing: the npm packages are not measured"
    have_node=0
elif ! npm_install_pinned "$npm_dir" x12-parser@1.3.0 node-x12@1.7.1; then
    echo "npm install failed (see $npm_dir/install.log): the npm packages are not measured"
    have_node=0
fi
export NODE_PATH="$npm_dir/node_modules"
# Read from the file: x12-parser's "exports" do not let require() reach its package.json.
version() { awk -F'"' '/"version"/ { print $4; exit }' "$npm_dir/node_modules/$1/package.json"; }

# Wall time, whole processes, the same ten files.
read -r ours ours_cpu ours_runs <<<"$(time3 "$binary" conformance "$work/ten")"
echo "ours ($(basename "$binary") conformance, 10 files): median $ours ms wall, $ours_cpu ms" \
    "CPU (runs: $ours_runs)"
"$binary" conformance "$work/ten" | sed -n '1s/^/   /p'
if [ "$have_node" = 1 ]; then
    read -r parser parser_cpu parser_runs <<<"$(time3 node "$bench/x12-parser-count.js" "${files[@]}")"
    echo "x12-parser (npm $(version x12-parser), streaming," \
        "10 files): median $parser ms wall, $parser_cpu ms CPU (runs: $parser_runs)"
    node "$bench/x12-parser-count.js" "${files[0]}" | sed 's/^/   /' || true
    read -r strict strict_cpu strict_runs <<<"$(time3 node "$bench/node-x12-strict.js" "${files[@]}")"
    echo "node-x12 (npm $(version node-x12), strict," \
        "10 files): median $strict ms wall, $strict_cpu ms CPU (runs: $strict_runs)"
    node "$bench/node-x12-strict.js" "${files[0]}" | sed 's/^/   /' || true
    awk -v a="$parser" -v b="$ours" -v c="$strict" -v ac="$parser_cpu" -v bc="$ours_cpu" 'BEGIN {
        printf "ratio (wall): ours is %.1fx as fast as x12-parser (target >= 10x), %.1fx as " \
            "fast as node-x12; by CPU time %.1fx x12-parser\n", a / b, c / b, ac / bc }'
fi

# Peak memory of ours: an empty folder (the process baseline), one file, the hostile files.
/usr/bin/time -v -o "$work/empty.time" "$binary" conformance "$work/empty" >/dev/null 2>&1 || true
/usr/bin/time -v -o "$work/one.time" "$binary" conformance "$work/one" >/dev/null 2>&1 || true
base=$(peak_kb "$work/empty.time")
one=$(peak_kb "$work/one.time")
awk -v k="$one" -v b="$base" -v s="$size" 'BEGIN {
    printf "peak memory, one %.1f MB file: %.1f MB = %.2fx the file (target < 3x); process " \
        "baseline (no files) %.1f MB\n", s / 1e6, k * 1024 / 1e6, k * 1024 / s, b * 1024 / 1e6 }'
for hostile in hl eb; do
    input=$(readlink "$work/$hostile/x12/"*)
    begin=$(ms)
    line=$(/usr/bin/time -v -o "$work/$hostile.time" "$binary" conformance "$work/$hostile" \
        2>/dev/null | sed -n 1p) || true
    took=$(($(ms) - begin))
    awk -v k="$(peak_kb "$work/$hostile.time")" -v s="$(stat -c %s "$input")" -v t="$took" \
        -v n="$(basename "$input")" 'BEGIN {
        printf "hostile %s (%.1f MB): peak memory %.1f MB (%.2fx the file), %d ms\n",
            n, s / 1e6, k * 1024 / 1e6, k * 1024 / s, t }'
    echo "   ${line:0:160}"
done
