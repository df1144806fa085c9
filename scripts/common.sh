# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the scripts: install missing Debian packages (checking first), configure, build;
# install pinned npm packages into a cache.
set -euo pipefail

CLINICDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CLINICDESK_BUILD_DIR:-$CLINICDESK_ROOT/build}"

# lld: CMakeLists.txt links with it when it is installed (much faster links of the test programs).
# nodejs, npm: configure fetches SQLite3 Multiple Ciphers with `npm pack` (deps/sqlite3mc); the
# 837P test also reads our file with the npm parser node-x12 (scripts/node-x12-check.sh).
BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-pdf-dev
    qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev
    libgl-dev fonts-dejavu-core qt6-translations-l10n libsodium-dev libqt6sql6-psql
    libsimdjson-dev lld nodejs npm qtkeychain-qt6-dev libsecret-1-0
)
# postgresql: the hub's tests start a throw-away server (tests/common/postgrescluster.cpp);
# openssl: they make a self-signed certificate for the TLS tests (tests/common/testcertificate.h).
# gnome-keyring and dbus-daemon: a private Secret Service for the keychain tests.
TEST_PACKAGES=(poppler-utils xvfb xauth tzdata postgresql openssl gnome-keyring dbus-daemon)
# scripts/fuzz: clang with libFuzzer and the ASan/UBSan runtimes (Debian 12's clang is 14).
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

# Installs the given packages that dpkg does not already report as installed.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        # NodeSource's nodejs carries npm itself and conflicts with Debian's npm package.
        if [ "$pkg" = npm ] && command -v npm >/dev/null; then
            continue
        fi
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]})); then
        echo "Installing missing packages: ${missing[*]}" >&2
        local sudo=""
        if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}

# Configures once, then builds incrementally. Extra arguments are targets.
build_clinicdesk() {
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        cmake -S "$CLINICDESK_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
    fi
    local targets=()
    local t
    for t in "$@"; do targets+=(--target "$t"); done
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${targets[@]}"
}

# Installs the npm packages given as NAME@VERSION into DIR (a cache outside the repository)
# unless they are there at those versions, under a lock so that tests and benchmarks running at
# once do not install over each other. Returns 1 when npm fails; its output is in DIR/install.log.
# The packages only read what we write or are measured against us: they never ship.
npm_install_pinned() {
    local dir="$1"
    shift
    mkdir -p "$dir"
    (
        flock 9
        local missing=() spec
        for spec in "$@"; do
            grep -q "\"version\": \"${spec##*@}\"" "$dir/node_modules/${spec%@*}/package.json" \
                2>/dev/null || missing+=("$spec")
        done
        [ ${#missing[@]} -eq 0 ] ||
            npm install --no-audit --no-fund --prefix "$dir" "${missing[@]}" \
                >"$dir/install.log" 2>&1
    ) 9>"$dir/.lock"
}
