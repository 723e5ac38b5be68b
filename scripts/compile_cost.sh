#!/usr/bin/env bash
# Compile cost of #[slack_method] against the same bindings written by hand.
#
#   scripts/compile_cost.sh              # 200 bindings, median of 3 runs
#   N=50 RUNS=5 scripts/compile_cost.sh
#   SHARED=/path/to/shared scripts/compile_cost.sh  # the reference data (default: ../shared)
#   SKIP_COLD=1 scripts/compile_cost.sh  # leave out the cold build of a one-method binary
#   FROM_WORKTREE=1 scripts/compile_cost.sh  # measure uncommitted changes (default: HEAD)
#   COLD_ONLY=1 scripts/compile_cost.sh  # only the cold build of a one-method binary
#   INSTRUCTIONS=1 scripts/compile_cost.sh  # also count the instructions of each variant's
#                                           # `cargo check` rustc (valgrind; about 2 minutes)
#
# It generates, under target/compile-cost/ (OUT=... to move it):
#   cc-macro/  N bindings of catalog methods (real Slack methods, from the catalog the macro
#              checks them against), each a struct with #[slack_method(..)]
#   cc-hand/   the same N structs with the SlackMethod impls written out, token for token what
#              macros/src/expand.rs emits for them
# Both are written by `cargo xtask compile-cost` (xtask/src/compile_cost.rs), which needs the
# reference data in ../shared (SHARED=... to move it).
#   cc-floor/  the hand-written structs, each under an attribute of cc-floor-macro/ that does no
#              work: it gives the struct back and appends the impls, lexed from text. Measured
#              with INSTRUCTIONS=1 only: what the compiler charges for an attribute at all
#   cc-one/    a binary that calls one bundled method (users.profile.set) through the Client
# All three depend on this repository's crates by path and use its Cargo.lock.
#
# cc-macro and cc-hand have the same dependencies and share one target directory whose
# dependencies are built first; each measured run then cleans only the variant's own artifacts
# (`cargo clean -p`) and times `cargo check` or `cargo build` of it, the two variants taking turns. cc-one is built cold, in a
# target directory of its own, and its `Compiling` lines are counted. The crates are taken from a
# snapshot of the repository made when the script starts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/target/compile-cost}"
SHARED="${SHARED:-$ROOT/../shared}"
N="${N:-200}"
RUNS="${RUNS:-3}"
JOBS="${JOBS:-}"
JOBS_FLAG=()
if [[ -n "$JOBS" ]]; then JOBS_FLAG=(-j "$JOBS"); fi

mkdir -p "$OUT"
SHARED_TARGET="$OUT/target"

# A snapshot of the repository, so that edits made while the script runs cannot change what is
# measured half-way: the last commit, or the working tree with FROM_WORKTREE=1.
SNAPSHOT="$OUT/snapshot"
rm -rf "$SNAPSHOT"
mkdir -p "$SNAPSHOT"
if [[ -n "${FROM_WORKTREE:-}" ]] || ! git -C "$ROOT" rev-parse -q --verify HEAD > /dev/null 2>&1; then
    SOURCE="the working tree"
    tar -C "$ROOT" --exclude=./target --exclude=./.git -cf - . | tar -C "$SNAPSHOT" -xf -
else
    SOURCE="commit $(git -C "$ROOT" rev-parse --short HEAD)"
    git -C "$ROOT" archive HEAD | tar -C "$SNAPSHOT" -xf -
fi

manifest() { # name, kind (lib|bin|floor|proc-macro)
    cat <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2021"
publish = false

TOML
    if [[ "$2" == proc-macro ]]; then
        printf '[lib]\nproc-macro = true\n'
    else
        cat <<TOML
[dependencies]
slack-methods = { path = "$SNAPSHOT" }
serde = { version = "1.0.200", features = ["derive"] }
serde_json = "1.0.120"
TOML
    fi
    if [[ "$2" == bin ]]; then
        echo 'tokio = { version = "1.40", default-features = false, features = ["rt"] }'
    fi
    if [[ "$2" == floor ]]; then
        echo 'cc-floor-macro = { path = "../cc-floor-macro" }'
    fi
    printf '\n# Not part of the slack-methods workspace.\n[workspace]\n'
}

# The bindings: N catalog methods, spread over the catalog (methods of Slack's spec and methods
# only Slack's SDK describes), written with the macro and by hand, by the project tool
# (`cargo xtask compile-cost`, xtask/src/compile_cost.rs) run from the snapshot.
generate_bindings() {
    cargo run -q --manifest-path "$SNAPSHOT/xtask/Cargo.toml" --target-dir "$OUT/target-xtask" \
        -- compile-cost "$OUT" --count "$N" --shared "$SHARED"
    for v in cc-macro cc-hand cc-floor; do
        manifest "$v" "$([[ $v == cc-floor ]] && echo floor || echo lib)" > "$OUT/$v/Cargo.toml"
        cp "$SNAPSHOT/Cargo.lock" "$OUT/$v/Cargo.lock"
    done
    manifest cc-floor-macro proc-macro > "$OUT/cc-floor-macro/Cargo.toml"
}

generate_one() {
    local dir="$OUT/cc-one"
    mkdir -p "$dir/src"
    manifest cc-one bin > "$dir/Cargo.toml"
    cp "$SNAPSHOT/Cargo.lock" "$dir/Cargo.lock"
    cat > "$dir/src/main.rs" <<'RS'
//! One bundled method through the Client: the smallest real program.
use slack_methods::methods::UsersProfileSet;
use slack_methods::types::ProfileUpdate;
use slack_methods::{Client, Token};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(token) = Token::from_env("SLACK_TOKEN")? else {
        eprintln!("set SLACK_TOKEN");
        return Ok(());
    };
    let client = Client::new(token)?;
    let set = UsersProfileSet::profile(ProfileUpdate::new().status("riding a train", ":train:", 0));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let answer = runtime.block_on(client.call(&set))?;
    println!("{}", answer.username);
    Ok(())
}
RS
}

now() { date +%s.%N; }

# Seconds one command takes.
timed() {
    local start end
    start=$(now)
    "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }
    end=$(now)
    echo "$end - $start" | bc
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else printf "%.3f\n", (a[m]+a[m+1])/2}'; }

# Seconds one clean `cargo <cmd>` of variant $1 takes (only the variant's own artifacts are
# cleaned).
time_variant() { # name, cargo subcommand
    cargo clean -q -p "$1" --manifest-path "$OUT/$1/Cargo.toml" --target-dir "$SHARED_TARGET"
    timed cargo "$2" "${JOBS_FLAG[@]}" --manifest-path "$OUT/$1/Cargo.toml" --target-dir "$SHARED_TARGET"
}

generate_bindings
generate_one
echo "generated $N bindings: $(wc -l < "$OUT/cc-macro/src/lib.rs") lines with the macro, $(wc -l < "$OUT/cc-hand/src/lib.rs") by hand, under $OUT"
echo "slack-methods from $SOURCE; rustc: $(rustc --version); $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -z "${COLD_ONLY:-}" ]]; then
# Dependencies first, for check and build, so that the runs below time the variant alone.
for v in cc-macro cc-hand; do
    cargo check -q "${JOBS_FLAG[@]}" --manifest-path "$OUT/$v/Cargo.toml" --target-dir "$SHARED_TARGET"
    cargo build -q "${JOBS_FLAG[@]}" --manifest-path "$OUT/$v/Cargo.toml" --target-dir "$SHARED_TARGET"
done

# The hand-written impls must be what the macro generates: compare the two crates after macro
# expansion (rustc's -Zunpretty=expanded, the output cargo-expand shows, unlocked on stable with
# RUSTC_BOOTSTRAP). Only the crate doc, the `use` line that names the macro and the inert helper
# attributes the derive leaves on a struct handed over to it (`#[slack_method_args(..)]`,
# `#[slack(..)]`) may differ; a struct the attribute binds itself comes back without them.
expanded() {
    RUSTC_BOOTSTRAP=1 cargo rustc -q --lib --manifest-path "$OUT/$1/Cargo.toml" \
        --target-dir "$OUT/target-expand" -- -Zunpretty=expanded |
        grep -v -e '^use slack_methods::' -e '^//!' -e '^ *#\[slack(' |
        awk 'skip { if ($0 ~ /\)\]$/) skip = 0; next }
             /^ *#\[slack_method_args\(/ { if ($0 !~ /\)\]$/) skip = 1; next }
             { print }'
}
expanded cc-macro > "$OUT/cc-macro.expanded.rs"
expanded cc-hand > "$OUT/cc-hand.expanded.rs"
if ! diff "$OUT/cc-macro.expanded.rs" "$OUT/cc-hand.expanded.rs" > "$OUT/expansion.diff"; then
    echo "the hand-written impls differ from the macro's expansion; see $OUT/expansion.diff" >&2
    exit 1
fi
echo "the hand-written impls match the macro's expansion token for token"

echo
echo "seconds, median of $RUNS (all runs), dependencies already built; the two variants"
echo "alternate run by run, so that a change in the machine's load hits both:"
for cmd in check build; do
    macro_times=(); hand_times=()
    for ((r = 0; r < RUNS; r++)); do
        macro_times+=("$(time_variant cc-macro "$cmd")")
        hand_times+=("$(time_variant cc-hand "$cmd")")
    done
    macro=$(median "${macro_times[@]}"); hand=$(median "${hand_times[@]}")
    printf '  cargo %-5s %-8s %7.2f   (%s)\n' "$cmd" cc-macro "$macro" "${macro_times[*]}"
    printf '  cargo %-5s %-8s %7.2f   (%s)\n' "$cmd" cc-hand "$hand" "${hand_times[*]}"
    printf '  cargo %-5s ratio macro/hand: %.2f\n' "$cmd" "$(echo "$macro / $hand" | bc -l)"
done
fi

# Instructions are not disturbed by other work on the machine, unlike seconds: the rustc
# command of a clean `cargo check` of each variant, run again under cachegrind (without its
# incremental state, as in a clean check).
if [[ -n "${INSTRUCTIONS:-}" && -z "${COLD_ONLY:-}" ]]; then
    echo
    echo "instructions of the rustc of one clean cargo check (valgrind --tool=cachegrind):"
    # The floor's structs and impls are the hand-written ones, which its expansion shows (the
    # printer leaves no blank line between the items an attribute gives back: blank lines
    # aside).
    expanded cc-floor > "$OUT/cc-floor.expanded.rs"
    if ! diff -B "$OUT/cc-floor.expanded.rs" "$OUT/cc-hand.expanded.rs" > "$OUT/floor-expansion.diff"; then
        echo "cc-floor's expansion differs from cc-hand; see $OUT/floor-expansion.diff" >&2
        exit 1
    fi
    declare -A instructions
    for v in cc-macro cc-hand cc-floor; do
        cargo clean -q -p "$v" --manifest-path "$OUT/$v/Cargo.toml" --target-dir "$SHARED_TARGET"
        command=$(cargo check -v --manifest-path "$OUT/$v/Cargo.toml" --target-dir "$SHARED_TARGET" 2>&1 |
            sed -n 's/^ *Running `\(.*\)`$/\1/p' | tail -1)
        rm -rf "$SHARED_TARGET"/debug/incremental/"${v//-/_}"-*
        instructions[$v]=$(cd "$OUT/$v" &&
            sh -c "exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null $command" 2>&1 |
            sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,)
        printf '  %-8s %15s\n' "$v" "${instructions[$v]}"
    done
    printf '  ratio macro/hand: %.3f\n' "$(echo "${instructions[cc-macro]} / ${instructions[cc-hand]}" | bc -l)"
    printf '  ratio floor/hand: %.3f   (an attribute that does no work, handing back the same code)\n' \
        "$(echo "${instructions[cc-floor]} / ${instructions[cc-hand]}" | bc -l)"
fi

if [[ -z "${SKIP_COLD:-}" ]]; then
    echo
    rm -rf "$OUT/target-one"
    start=$(now)
    log=$(cargo build "${JOBS_FLAG[@]}" --manifest-path "$OUT/cc-one/Cargo.toml" --target-dir "$OUT/target-one" 2>&1)
    end=$(now)
    crates=$(grep -c '^ *Compiling ' <<< "$log" || true)
    printf 'cold cargo build of a binary calling users.profile.set: %.1f s, %s crates compiled\n' \
        "$(echo "$end - $start" | bc)" "$crates"
    grep '^ *Compiling ' <<< "$log" | awk '{print $2}' | sort | tr '\n' ' ' | fold -s -w 100 | sed 's/^/  /'
    echo
fi
