#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the benchmarks against a built tree (called by scripts/bench). Prints figures only.
# Sizes: BENCH_PATIENTS and BENCH_VERIFICATIONS (default 1,000,000 each), BENCH_DAYS (365);
# the hub: HUB_BENCH_RATE webhooks/s (200) for HUB_BENCH_SECONDS (30), HUB_BENCH_IN_FLIGHT (64)
# for HUB_BENCH_BLAST_SECONDS (10), HUB_BENCH_CLIENTS desks in the reconnect storm (50).
# The claims dashboard: BENCH_CLAIMS generated claims (1,000,000); the claims outbox:
# BENCH_OUTBOX_CLAIMS claims (10,000); the kill soak BENCH_SOAK_CLAIMS claims (1,000) with
# BENCH_SOAK_KILLS kills (40). The encrypted store against a plaintext one:
# BENCH_ENCRYPTION_PATIENTS (100,000). Medical history (scripts/bench-clinical.sh): BENCH_CCDA_MB (10),
# BENCH_FHIR_MB (20), BENCH_REGISTRY patients (100,000), BENCH_DUP_SAMPLE originals looked up
# (1,000), BENCH_CLINICAL_RUNS (5), BENCH_READER_ROUNDS (10); BENCH_ONLY=clinical runs only
# that section.
# The generated database is kept in ${XDG_CACHE_HOME:-~/.cache}/clinicdesk-bench, keyed by the
# generator and the schema, so a second run measures without generating again.
set -euo pipefail
build="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$build/bench/clinicdesk_bench"
desk="$build/app/desk/clinicdesk"
patients="${BENCH_PATIENTS:-1000000}"
verifications="${BENCH_VERIFICATIONS:-1000000}"
days="${BENCH_DAYS:-365}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

peak() { # peak resident memory in MB from GNU time's output file
    awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# The load average says how much else the machine was doing: the hub's figures share its cores.
echo "== ClinicDesk benchmarks ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(date -u +%Y-%m-%dT%H:%MZ)) =="

# The medical history section alone (its sizes above), without the others' long set-up.
if [ "${BENCH_ONLY:-}" = clinical ]; then
    "$root/scripts/bench-clinical.sh" "$build/bench/clinical_bench" "$work/clinical"
    exit 0
fi

echo "-- X12 --"
/usr/bin/time -v -o "$work/parse.time" "$bench" parse 5000
echo "   peak memory: $(peak "$work/parse.time") MB"
if [ -x "$root/scripts/bench-x12.sh" ]; then
    "$root/scripts/bench-x12.sh" "$desk" "$work/x12"
fi

echo "-- eligibility --"
/usr/bin/time -v -o "$work/batch.time" "$bench" batch 500
echo "   peak memory: $(peak "$work/batch.time") MB"

echo "-- encrypted store --"
# The same clinic written, searched, summed up and verified on a plaintext and an encrypted
# file (BENCH_ENCRYPTION_PATIENTS patients and as many verifications, 100,000).
"$bench" encryption "${BENCH_ENCRYPTION_PATIENTS:-100000}"

echo "-- a large clinic: $patients patients, $verifications verifications over $days days --"
key="$(cat "$root"/resources/migrations/*.sql "$root"/services/sandbox/datagenerator.cpp \
    "$root"/services/sandbox/sandboxclearinghouse.cpp | sha256sum | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-bench/$patients-$verifications-$days-$key"
if [ ! -f "$cache/done" ] || [ "$(cat "$cache/done")" != "$(date +%F)" ]; then
    # Regenerated each day: the schedule and "today" on the dashboard follow the calendar.
    rm -rf "$cache"
    mkdir -p "$(dirname "$cache")"
    /usr/bin/time -v -o "$work/generate.time" "$desk" generate --data-dir "$cache" \
        --patients "$patients" --verifications "$verifications" --days "$days" | tail -1
    echo "   generated in $(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/generate.time")," \
         "$(du -h "$cache/clinicdesk-training.sqlite" | cut -f1) on disk," \
         "peak memory $(peak "$work/generate.time") MB"
    date +%F > "$cache/done"
fi
db="$cache/clinicdesk-training.sqlite"

# Cold start: the real program under Xvfb (one X server for all runs, so its own start-up is
# not counted), main() to the main window shown, and the whole process.
display=":$((150 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
mkdir -p "$work/home"
inside=()
filled=()
wall=()
for run in 1 2 3 4 5; do
    begin=$(date +%s%N)
    lines=$(DISPLAY="$display" HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" \
        /usr/bin/time -v -o "$work/start.time" \
        "$desk" --data-dir "$cache" --user frontdesk1 --quit-after-show 2>/dev/null)
    end=$(date +%s%N)
    inside+=("$(echo "$lines" | grep "main window shown" | grep -o '[0-9]\+ ms' | grep -o '[0-9]\+')")
    filled+=("$(echo "$lines" | grep "schedule shown" | grep -o '[0-9]\+ ms' | grep -o '[0-9]\+')")
    wall+=("$(((end - begin) / 1000000))")
done
echo "cold start: main() to main window shown, median $(median "${inside[@]}") ms" \
     "(runs: ${inside[*]}; target < 1000 ms); to the first patients and today's schedule in it," \
     "median $(median "${filled[@]}") ms; whole process (exec to exit) median" \
     "$(median "${wall[@]}") ms"
echo "   peak memory of clinicdesk: $(peak "$work/start.time") MB"

/usr/bin/time -v -o "$work/search.time" "$bench" search "$db" 3
echo "   peak memory: $(peak "$work/search.time") MB"
"$bench" dashboard "$db"

echo "-- hub --"
# A real clinichub process each time; the desks and the webhook sender run in clinichub_bench.
hubbench="$build/bench/clinichub_bench"
hub="$build/app/hub/clinichub"
"$hubbench" latency "$hub" || echo "   (the latency could not be measured)"
"$hubbench" throughput "$hub" sqlite || echo "   (the SQLite throughput could not be measured)"
"$hubbench" throughput "$hub" postgres || echo "   (the PostgreSQL throughput could not be measured)"
"$hubbench" storm "$hub" || echo "   (the reconnect storm could not be measured)"

echo "-- claims dashboard --"
# BENCH_CLAIMS generated claims (default 1,000,000) in their own database, kept like the large
# clinic's: keyed by the generator, the bulk writer and the schema, made again each day (the
# aging and "days in status" follow the calendar).
claims="${BENCH_CLAIMS:-1000000}"
claimsbench="$build/bench/claims_dashboard_bench"
claimskey="$(cat "$root"/resources/migrations/*.sql "$root"/services/sandbox/claimgenerator.cpp \
    "$root"/services/sandbox/datagenerator.cpp "$root"/services/store/claimbulkwriter.cpp \
    | sha256sum | cut -c1-12)"
claimscache="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-bench/claims-$claims-$claimskey"
if [ ! -f "$claimscache/done" ] || [ "$(cat "$claimscache/done")" != "$(date +%F)" ]; then
    rm -rf "$claimscache"
    mkdir -p "$claimscache"
    /usr/bin/time -v -o "$work/claims-generate.time" "$claimsbench" generate \
        "$claimscache/claims.sqlite" "$claims"
    echo "   $(du -h "$claimscache/claims.sqlite" | cut -f1) on disk," \
         "peak memory $(peak "$work/claims-generate.time") MB"
    date +%F > "$claimscache/done"
fi
/usr/bin/time -v -o "$work/claims.time" "$claimsbench" run "$claimscache/claims.sqlite"
echo "   peak memory of the run (GNU time): $(peak "$work/claims.time") MB"

echo "-- claims outbox --"
# 10,000 claims queued, then sent to the sandbox payor (no faults, then 1,000 with the soak's
# faults): claims/s against the 200 target, duplicates at the payor (must be 0), peak memory.
"$build/bench/claims_outbox_bench" "${BENCH_OUTBOX_CLAIMS:-10000}" 1000 ||
    echo "   (the claims outbox bench reported a problem)"
# The kill soak at full size: a desk process SIGKILLed while 1,000 claims go through the outbox
# to a payor with 30 % 503s, 5 % 409s and 10 % lost replies.
soak_claims="${BENCH_SOAK_CLAIMS:-1000}"
soak_kills="${BENCH_SOAK_KILLS:-40}"
soak_begin=$(date +%s%N)
if CLINICDESK_SQL_GUARD=fatal CLINICDESK_SOAK_CLAIMS="$soak_claims" CLINICDESK_SOAK_KILLS="$soak_kills" \
    "$build/tests/tst_claimoutboxsoak" >"$work/soak.log" 2>&1; then
    soak_result="passed"
else
    soak_result="FAILED"
fi
soak_end=$(date +%s%N)
echo "claims outbox kill soak ($soak_claims claims, $soak_kills kills): $soak_result in" \
     "$(((soak_end - soak_begin) / 1000000)) ms"
grep -o 'soak: .*' "$work/soak.log" | sed 's/^/   /' || true
[ "$soak_result" = passed ] || tail -20 "$work/soak.log"

echo "-- medical history --"
# C-CDA and FHIR reading beside @medplum/ccda and JSON.parse, the document viewer, duplicate
# search over a generated registry (scripts/bench-clinical.sh; its own header line).
"$root/scripts/bench-clinical.sh" "$build/bench/clinical_bench" "$work/clinical" ||
    echo "   (the medical history benchmark reported a problem)"
