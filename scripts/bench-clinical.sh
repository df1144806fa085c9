#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Medical history benchmark (called by scripts/bench-run.sh). Prints figures only; asserts
# nothing.
#   scripts/bench-clinical.sh BENCH WORKDIR
# BENCH is build/bench/clinical_bench; clinical_read beside it times the readers. Figures, each beside its target:
# - C-CDA reading (CcdaReader) on a generated CCD and on every C-CDA in ../shared/data/ccda
#   (when that folder exists): whole process and reader only, MB/s, best of several runs;
#   beside it the npm package @medplum/ccda (C-CDA to FHIR), whole process on the same files;
# - the real DocumentViewerDialog opening the generated CCD (offscreen), median;
# - FHIR reading (FhirBundleReader) on a generated bundle beside JSON.parse in node;
# - duplicate search (PatientService::findDuplicates) over a generated registry: ms per
#   lookup, precision and recall on the planted duplicates, a table by variant.
# Sizes (for a quick run, make them small):
#   BENCH_CCDA_MB        the generated CCD in MB (10)
#   BENCH_FHIR_MB        the generated FHIR bundle in MB (20)
#   BENCH_REGISTRY       patients in the generated registry (100000)
#   BENCH_DUP_SAMPLE     originals looked up besides every duplicate and twin (1000)
#   BENCH_CLINICAL_RUNS  whole-process runs and viewer openings (5)
#   BENCH_READER_ROUNDS  in-process passes of the readers (10)
# Generated inputs are kept in ${XDG_CACHE_HOME:-~/.cache}/clinicdesk-bench/clinical, keyed by
# the generator and the size; @medplum/ccda is installed once (pinned) into
# ${XDG_CACHE_HOME:-~/.cache}/clinicdesk-test/npm-medplum-ccda.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: scripts/bench-clinical.sh BENCH WORKDIR" >&2
    exit 2
fi
bench="$(realpath "$1")"
reader="$(dirname "$bench")/clinical_read" # the readers alone, a program of their own
work="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scripts="$root/bench/clinical"
ccda_mb="${BENCH_CCDA_MB:-10}"
fhir_mb="${BENCH_FHIR_MB:-20}"
registry_size="${BENCH_REGISTRY:-100000}"
dup_sample="${BENCH_DUP_SAMPLE:-1000}"
runs="${BENCH_CLINICAL_RUNS:-5}"
rounds="${BENCH_READER_ROUNDS:-10}"
mkdir -p "$work"
work="$(realpath "$work")"

mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }
rate() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.1f", (ms > 0 ? b / 1e6 / (ms / 1e3) : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
bytes_of() { cat "$@" | wc -c; }

# Runs a command $runs times (its output kept from the last run in $work/last.out); prints the
# best wall time in ms, the best CPU time (user + system) in ms, and the wall times of the runs.
best_of() {
    local walls=() cpus=() run
    for run in $(seq 1 "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/run.time" "$@" >"$work/last.out" 2>"$work/last.err" || true
        read -r wall user sys < <(tail -1 "$work/run.time")
        walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    done
    echo "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
        "$(printf '%s\n' "${cpus[@]}" | sort -n | head -1)" "${walls[*]}"
}

echo "== Medical history benchmark ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(date -u +%Y-%m-%dT%H:%MZ)) =="

# Inputs, generated once and kept.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-bench/clinical"
mkdir -p "$cache"
key() { sha256sum "$1" | cut -c1-12; }
ccd="$cache/ccd-${ccda_mb}mb-$(key "$root/bench/gen-ccda.py").xml"
bundle="$cache/fhir-${fhir_mb}mb-$(key "$root/bench/gen-fhir.py").json"
registry="$cache/registry-${registry_size}-$(key "$root/bench/gen-registry.py").csv"
generate() { # FILE COMMAND...: COMMAND's output kept in FILE unless FILE is there already
    local file="$1"
    shift
    [ -s "$file" ] && return 0
    "$@" >"$file.tmp" 2>"$work/generate.err" && mv "$file.tmp" "$file" ||
        { echo "could not generate $(basename "$file"): $(tail -1 "$work/generate.err")"; rm -f "$file.tmp"; }
}
generate "$ccd" python3 "$root/bench/gen-ccda.py" --mb "$ccda_mb" --seed 8
generate "$bundle" python3 "$root/bench/gen-fhir.py" --mb "$fhir_mb" --seed 8
generate "$registry" python3 "$root/bench/gen-registry.py" --count "$registry_size" --seed 8

# @medplum/ccda, pinned, installed once into a cache outside the repository.
source "$root/scripts/common.sh"
medplum_version=4.5.2
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-test/npm-medplum-ccda"
have_medplum=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node or npm is missing: @medplum/ccda and JSON.parse are not measured"
    have_medplum=0
elif ! npm_install_pinned "$npm_dir" "@medplum/ccda@$medplum_version"; then
    echo "npm could not install @medplum/ccda@$medplum_version (see $npm_dir/install.log):" \
        "it is not measured"
    have_medplum=0
fi
export NODE_PATH="$npm_dir/node_modules"

# C-CDA: ours and @medplum/ccda, whole processes on the same files; ours in process too.
ccda_set() { # NAME FILE...
    local name="$1"
    shift
    local size ours ours_cpu ours_runs
    size=$(bytes_of "$@")
    echo "-- C-CDA reading: $name ($# files, $(mb "$size") MB) --"
    read -r ours ours_cpu ours_runs <<<"$(best_of "$reader" read ccda "$@")"
    echo "ours (CcdaReader), whole process: best $ours ms of $runs runs (runs: $ours_runs) =" \
        "$(rate "$size" "$ours") MB/s (target >= 50 MB/s); by CPU time $ours_cpu ms =" \
        "$(rate "$size" "$ours_cpu") MB/s"
    sed 's/^/   /' "$work/last.out"
    local reader_line
    reader_line=$("$reader" reader ccda "$rounds" "$@" 2>/dev/null)
    echo "ours, $reader_line (target >= 50 MB/s)"
    if [ "$have_medplum" = 1 ]; then
        local theirs theirs_cpu theirs_runs
        read -r theirs theirs_cpu theirs_runs <<<"$(best_of node "$scripts/medplum-ccda.js" "$@")"
        echo "@medplum/ccda $medplum_version (C-CDA to FHIR, node $(node --version)), whole process:" \
            "best $theirs ms of $runs runs (runs: $theirs_runs) = $(rate "$size" "$theirs") MB/s;" \
            "by CPU time $theirs_cpu ms = $(rate "$size" "$theirs_cpu") MB/s"
        sed 's/^/   /' "$work/last.out"
        echo "ratio, whole process: ours is $(ratio "$theirs" "$ours")x as fast as @medplum/ccda" \
            "(target >= 5x); by CPU time $(ratio "$theirs_cpu" "$ours_cpu")x"
    fi
}

ccda_set "generated CCD (gen-ccda.py --mb $ccda_mb)" "$ccd"
shared="$root/../shared/data/ccda"
if [ -d "$shared" ]; then
    ccda_set "../shared/data/ccda" "$shared"/*.xml
else
    echo "-- C-CDA reading: ../shared/data/ccda is absent here: skipped --"
fi

echo "-- document viewer --"
QT_QPA_PLATFORM=offscreen "$bench" viewer "$ccd" "$runs" 2>"$work/viewer.err" ||
    { echo "   (the viewer could not be measured)"; tail -5 "$work/viewer.err"; }

echo "-- FHIR reading: generated bundle (gen-fhir.py --mb $fhir_mb, $(mb "$(bytes_of "$bundle")") MB) --"
size=$(bytes_of "$bundle")
read -r ours ours_cpu ours_runs <<<"$(best_of "$reader" read fhir "$bundle")"
echo "ours (FhirBundleReader), whole process: best $ours ms of $runs runs (runs: $ours_runs) =" \
    "$(rate "$size" "$ours") MB/s (target >= 100 MB/s); by CPU time $ours_cpu ms =" \
    "$(rate "$size" "$ours_cpu") MB/s"
sed 's/^/   /' "$work/last.out"
echo "ours, $("$reader" reader fhir "$rounds" "$bundle" 2>/dev/null) (target >= 100 MB/s)"
if command -v node >/dev/null; then
    read -r theirs theirs_cpu theirs_runs <<<"$(best_of node "$scripts/json-parse.js" "$bundle")"
    echo "JSON.parse (node $(node --version)), whole process: best $theirs ms of $runs runs" \
        "(runs: $theirs_runs) = $(rate "$size" "$theirs") MB/s; by CPU time $theirs_cpu ms =" \
        "$(rate "$size" "$theirs_cpu") MB/s"
    echo "   $(node "$scripts/json-parse.js" "$bundle" "$rounds")"
    echo "ratio, whole process: ours takes $(ratio "$ours" "$theirs")x the time of JSON.parse" \
        "(which only parses; ours also builds the record)"
fi

echo "-- duplicate search --"
if [ -s "$registry" ]; then
    "$bench" duplicates "$registry" "$dup_sample" 2>"$work/duplicates.err" ||
        { echo "   (the duplicate search could not be measured)"; tail -5 "$work/duplicates.err"; }
else
    echo "   the registry could not be generated: skipped"
fi
