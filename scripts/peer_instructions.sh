#!/usr/bin/env bash
# Client-side instructions per users.profile.set call for each client of the peer benchmark
# (../shared/peer-bench: plain reqwest, reqwest with typing, slack-morphism, this crate), counted
# by valgrind (callgrind): exact and repeatable where wall-clock and CPU times are noisy.
#
#   ../shared/peer-bench/bench.sh bench          # builds WORK/target/release/{mock,driver} first
#   scripts/peer_instructions.sh                 # then this; about 2 minutes per mode and level
#   WORK=/tmp/peer-bench-perf MODES="ours morphism" CS="1 32" scripts/peer_instructions.sh
#
# The mock server runs outside valgrind. Each mode runs under callgrind with SMALL and with LARGE
# measured calls (after 200 warm-up calls); the marginal count (LARGE run - SMALL run) / (LARGE -
# SMALL) leaves start-up, client construction and warm-up out. It counts the whole driver process
# in user space (every thread); the kernel's share (socket syscalls) is not counted.
set -euo pipefail
WORK=${WORK:-/tmp/peer-bench}
MODES=${MODES:-"reqwest reqwest-typed morphism ours"}
CS=${CS:-"1 32"}
SMALL=${SMALL:-1000}
LARGE=${LARGE:-3000}
MOCK="$WORK/target/release/mock"
DRIVER="$WORK/target/release/driver"
command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 1; }
[ -x "$DRIVER" ] && [ -x "$MOCK" ] || { echo "no $DRIVER: run ../shared/peer-bench/bench.sh bench first" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/peer-instructions.XXXX")
"$MOCK" --port 0 --ready-file "$OUT/port" > "$OUT/mock.out" &
mock=$!
trap 'kill "$mock" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$OUT/port" ] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$OUT/port")/api/"

total() { # mode, concurrency, calls -> instructions
    local file="$OUT/$1-c$2-$3"
    valgrind --tool=callgrind --callgrind-out-file="$file" "$DRIVER" --mode "$1" \
        --base-url "$base" --n "$3" --c "$2" --warmup 200 > "$file.log" 2>&1
    awk '/^(totals|summary):/ {print $2; exit}' "$file"
}

echo "client instructions per call (callgrind, marginal over $((LARGE - SMALL)) calls):"
for c in $CS; do
    for mode in $MODES; do
        small=$(total "$mode" "$c" "$SMALL")
        large=$(total "$mode" "$c" "$LARGE")
        printf '  C=%-3s %-14s %8d\n' "$c" "$mode" $(( (large - small) / (LARGE - SMALL) ))
    done
done
echo "profiles: $OUT (callgrind_annotate --inclusive=yes <file>)"
