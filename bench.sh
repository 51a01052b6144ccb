#!/usr/bin/env bash
# Measures Newsroom against the physical limit (issue 6).
#
#   ./bench.sh [--articles N] [--duration S] [--postgres CS] [--reuse DIR] [--keep] [options]
#   ./bench.sh --micro [BenchmarkDotNet args, e.g. --filter '*Route*']
#
# Builds the site and the benchmark tool in Release, generates a corpus of N articles (default
# 100,000) through the real import path into a fresh SQLite database in a temp folder (PostgreSQL:
# --postgres "Host=...;Username=...;Password=...;Database=postgres", a fresh database is created on
# that server), starts the site as its own process on a free loopback port, loads each scenario with
# wrk (-t2 -c32, S seconds each, default 10, after a warm-up that lasts until the server stops compiling,
# at most --warmup-max S2 seconds, default 90) next to a minimal Kestrel baseline, and prints one table;
# the same table is saved as JSON under BenchmarkResults/. The corpus is deleted afterwards unless
# --keep is given; --reuse DIR loads an existing corpus instead of generating one.
# Other options (passed to the tool): --bylines N, --batch N, --data DIR, --site DLL, --results DIR,
# --warmup-max S2, --pairs N, --cache-setting KEY, --data-cache-setting KEY, --login-path PATH, --only key1,key2, --path key=/path (e.g. --path feed=/rss).
# --micro runs the BenchmarkDotNet micro-benchmarks instead of the load run.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log() { echo "bench.sh: $*" >&2; }

MICRO=0
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --micro) MICRO=1 ;;
        -h | --help)
            sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) ARGS+=("$arg") ;;
    esac
done

install_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    log "installing wrk (Debian package)"
    local apt_log
    apt_log="$(mktemp /tmp/newsroom-apt.XXXXXX.log)"
    if ! { apt-get -q -o DPkg::Lock::Timeout=600 update &&
        DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y --no-install-recommends wrk; } >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        rm -f "$apt_log"
        log "could not install wrk"
        return 1
    fi
    rm -f "$apt_log"
}

log "building Release"
# The tool references the site, so this builds src/Newsroom.Web in Release too (the harness runs that build).
dotnet build tests/Newsroom.Benchmarks/Newsroom.Benchmarks.csproj -c Release -v quiet -nologo >/dev/null ||
    { dotnet build tests/Newsroom.Benchmarks/Newsroom.Benchmarks.csproj -c Release -v quiet -nologo; exit 1; }
TOOL=tests/Newsroom.Benchmarks/bin/Release/net10.0/Newsroom.Benchmarks.dll

if ((MICRO)); then
    exec dotnet "$TOOL" micro "${ARGS[@]}"
fi

install_wrk
exec dotnet "$TOOL" run "${ARGS[@]}"
