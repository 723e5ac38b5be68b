#!/usr/bin/env bash
# Client-side instructions per users.profile.set call, for the project's Client and for the
# plain-reqwest floor, counted by valgrind (callgrind): exact and repeatable on a shared
# machine where wall-clock and CPU times are noisy.
#
#   scripts/e2e_instructions.sh            # needs valgrind; about 2 minutes
#   SMALL=500 LARGE=2000 scripts/e2e_instructions.sh
#
# Runs the e2e bench (benches/e2e.rs) at concurrency 1 under callgrind with --separate-threads,
# once with SMALL and once with LARGE calls per side; the main thread is the client side (the
# responder has a thread of its own). The marginal count (LARGE run − SMALL run) / (calls more)
# leaves start-up, client construction and warm-up out. User-space instructions only: the
# kernel's share of each call (socket syscalls) is the same for both clients and is not counted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SMALL="${SMALL:-1000}"
LARGE="${LARGE:-3000}"
OUT="${OUT:-$ROOT/target/e2e-instructions}"
mkdir -p "$OUT"

command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 1; }
cargo bench --bench e2e --no-run --manifest-path "$ROOT/Cargo.toml" 2> "$OUT/build.log" || {
    cat "$OUT/build.log" >&2
    exit 1
}
BIN=$(grep -o 'target/release/deps/e2e-[0-9a-f]*' "$OUT/build.log" | tail -1)
BIN="$ROOT/$BIN"

total() { # side, calls -> instructions on the main thread
    local file="$OUT/$1-$2"
    E2E_ONLY=$1 E2E_CONC=1 E2E_CALLS=$2 E2E_REPS=1 valgrind --tool=callgrind \
        --separate-threads=yes --callgrind-out-file="$file" "$BIN" --bench > "$file.log" 2>&1
    awk '/^totals:/ {print $2}' "$file-01"
}

# Each run makes max(200, calls/10) warm-up calls before the measured ones.
calls() { echo $(( $1 + ($1 / 10 > 200 ? $1 / 10 : 200) )); }
extra=$(( $(calls "$LARGE") - $(calls "$SMALL") ))

declare -A per_call
for side in ours floor; do
    small=$(total "$side" "$SMALL")
    large=$(total "$side" "$LARGE")
    per_call[$side]=$(( (large - small) / extra ))
done
echo "client-side instructions per call (callgrind, concurrency 1, $extra calls):"
echo "  slack-methods Client  ${per_call[ours]}"
echo "  reqwest floor         ${per_call[floor]}"
printf '  ratio ours/floor      %.3f\n' "$(echo "${per_call[ours]} / ${per_call[floor]}" | bc -l)"
echo "profiles: $OUT/{ours,floor}-$LARGE-01 (callgrind_annotate --inclusive=yes <file>)"
