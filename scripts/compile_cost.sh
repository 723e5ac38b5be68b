#!/usr/bin/env bash
# Compile cost of #[slack_method] against the same bindings written by hand.
#
#   scripts/compile_cost.sh              # 200 bindings, median of 3 runs
#   N=50 RUNS=5 scripts/compile_cost.sh
#   SKIP_COLD=1 scripts/compile_cost.sh  # leave out the cold build of a one-method binary
#   FROM_WORKTREE=1 scripts/compile_cost.sh  # measure uncommitted changes (default: HEAD)
#   COLD_ONLY=1 scripts/compile_cost.sh  # only the cold build of a one-method binary
#
# It generates, under target/compile-cost/ (OUT=... to move it):
#   cc-macro/  N structs, each with #[slack_method(..)]
#   cc-hand/   the same N structs with the SlackMethod impls written out, token for token what
#              macros/src/expand.rs emits for them
#   cc-one/    a binary that calls one bundled method (users.profile.set) through the Client
# All three depend on this repository's crates by path and use its Cargo.lock.
#
# cc-macro and cc-hand have the same dependencies and share one target directory whose
# dependencies are built first; each measured run then cleans only the variant's own artifacts
# (`cargo clean -p`) and times `cargo check` or `cargo build` of it. cc-one is built cold, in a
# target directory of its own, and its `Compiling` lines are counted. The crates are taken from a
# snapshot of the repository made when the script starts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/target/compile-cost}"
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

manifest() { # name, kind (lib|bin)
    cat <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
slack-methods = { path = "$SNAPSHOT" }
serde = { version = "1.0.200", features = ["derive"] }
serde_json = "1.0.120"
TOML
    if [[ "$2" == bin ]]; then
        echo 'tokio = { version = "1.40", default-features = false, features = ["rt"] }'
    fi
    printf '\n# Not part of the slack-methods workspace.\n[workspace]\n'
}

# Sets the attribute arguments, fields, encoder body and metadata of binding $1, by its kind
# ($1 % 4). The method names are not Slack's, so every binding writes its metadata in full (scope,
# tier, verb) and the macro takes nothing from its catalog.
binding() {
    local i=$1 kind=$(( $1 % 4 ))
    local name="benchgen.method$i"
    case $kind in
    0)  # POST, plain fields, a list
        ATTR="\"$name\", scope = \"chat:write\", tier = 3, verb = \"POST\""
        MACRO_FIELDS="    pub channel: String,
    pub text: Option<String>,
    pub limit: Option<u32>,
    pub users: Vec<UserId>,"
        HAND_FIELDS="$MACRO_FIELDS"
        ENCODE="        form.append(\"channel\", &self.channel);
        form.append(\"text\", &self.text);
        form.append(\"limit\", &self.limit);
        form.append(\"users\", &self.users);"
        VALIDATE=""; RESPONSE="::slack_methods::__private::UntypedResponse"
        VERB=Post; SCOPES='"chat:write"'; TIER="Tier3"; WRITES=true; PAGINATED=false ;;
    1)  # GET, paginated, reads
        ATTR="\"$name\", scope = \"users:read\", scope = \"users:read.email\", tier = 4, verb = \"GET\", writes = false, paginated"
        MACRO_FIELDS="    pub user: Option<UserId>,
    pub include_locale: Option<bool>,
    pub cursor: Option<String>,
    pub limit: Option<u16>,"
        HAND_FIELDS="$MACRO_FIELDS"
        ENCODE="        form.append(\"user\", &self.user);
        form.append(\"include_locale\", &self.include_locale);
        form.append(\"cursor\", &self.cursor);
        form.append(\"limit\", &self.limit);"
        VALIDATE=""; RESPONSE="::slack_methods::__private::UntypedResponse"
        VERB=Get; SCOPES='"users:read", "users:read.email"'; TIER="Tier4"; WRITES=false; PAGINATED=true ;;
    2)  # JSON fields, a rename, a skipped field
        ATTR="\"$name\", scope = \"chat:write\", tier = 2, verb = \"POST\""
        MACRO_FIELDS="    pub channel: ChannelId,
    #[slack(json)]
    pub blocks: Option<Vec<serde_json::Value>>,
    #[slack(json)]
    pub metadata: serde_json::Value,
    #[slack(rename = \"thread_ts\")]
    pub thread: Option<String>,
    #[slack(skip)]
    pub local_note: String,"
        HAND_FIELDS="    pub channel: ChannelId,
    pub blocks: Option<Vec<serde_json::Value>>,
    pub metadata: serde_json::Value,
    pub thread: Option<String>,
    pub local_note: String,"
        ENCODE="        form.append(\"channel\", &self.channel);
        if let ::slack_methods::__private::Option::Some(value) = &self.blocks {
            form.append_json(\"blocks\", value)?;
        }
        form.append_json(\"metadata\", &self.metadata)?;
        form.append(\"thread_ts\", &self.thread);"
        VALIDATE=""; RESPONSE="::slack_methods::__private::UntypedResponse"
        VERB=Post; SCOPES='"chat:write"'; TIER="Tier2"; WRITES=true; PAGINATED=false ;;
    3)  # typed response, validate function, special tier
        ATTR="\"$name\", scope = \"files:write\", tier = \"special\", verb = \"POST\", response = Reply$i, validate = check$i"
        MACRO_FIELDS="    pub name: Option<String>,
    pub value: Option<String>,
    pub team: Option<TeamId>,"
        HAND_FIELDS="$MACRO_FIELDS"
        ENCODE="        form.append(\"name\", &self.name);
        form.append(\"value\", &self.value);
        form.append(\"team\", &self.team);"
        VALIDATE="yes"; RESPONSE="Reply$i"
        VERB=Post; SCOPES='"files:write"'; TIER="Special(\"$name\")"; WRITES=true; PAGINATED=false ;;
    esac
}

support_items() { # i: the response type and validate function of kind-3 bindings
    local i=$1
    if (( i % 4 == 3 )); then
        cat <<RS
/// What \`benchgen.method$i\` answers.
#[derive(Debug, serde::Deserialize)]
pub struct Reply$i {
    pub id: String,
    pub count: Option<u64>,
}

fn check$i(value: &Bench$i) -> Result<(), InvalidRequest> {
    if value.name.is_some() != value.value.is_some() {
        return Err(InvalidRequest::new("\`name\` and \`value\` go together"));
    }
    Ok(())
}

RS
    fi
}

generate_macro() {
    local dir="$OUT/cc-macro"
    mkdir -p "$dir/src"
    manifest cc-macro lib > "$dir/Cargo.toml"
    cp "$SNAPSHOT/Cargo.lock" "$dir/Cargo.lock"
    {
        echo "//! $N bindings written with #[slack_method] (generated by scripts/compile_cost.sh)."
        echo '#![allow(dead_code, missing_docs)]'
        echo 'use slack_methods::{slack_method, ChannelId, InvalidRequest, TeamId, UserId};'
        echo
        for ((i = 0; i < N; i++)); do
            binding "$i"
            support_items "$i"
            echo "#[slack_method($ATTR)]"
            echo "#[derive(Debug, Clone)]"
            echo "pub struct Bench$i {"
            echo "$MACRO_FIELDS"
            echo "}"
            echo
        done
    } > "$dir/src/lib.rs"
}

generate_hand() {
    local dir="$OUT/cc-hand"
    local p='::slack_methods::__private'
    mkdir -p "$dir/src"
    manifest cc-hand lib > "$dir/Cargo.toml"
    cp "$SNAPSHOT/Cargo.lock" "$dir/Cargo.lock"
    {
        echo "//! The same $N bindings with the impls #[slack_method] would generate, written out."
        echo '#![allow(dead_code, missing_docs)]'
        echo 'use slack_methods::{ChannelId, InvalidRequest, TeamId, UserId};'
        echo
        for ((i = 0; i < N; i++)); do
            binding "$i"
            support_items "$i"
            echo "#[derive(Debug, Clone)]"
            echo "pub struct Bench$i {"
            echo "$HAND_FIELDS"
            echo "}"
            echo "#[automatically_derived]"
            echo "impl $p::SlackMethod for Bench$i {"
            echo "    const NAME: &'static str = \"benchgen.method$i\";"
            echo "    const VERB: $p::HttpVerb = $p::HttpVerb::$VERB;"
            echo "    const SCOPES: &'static [&'static str] = &[$SCOPES];"
            echo "    const TIER: $p::RateLimitTier = $p::RateLimitTier::$TIER;"
            echo "    const WRITES: bool = $WRITES;"
            echo "    const PAGINATED: bool = $PAGINATED;"
            echo "    const DEPRECATED: bool = false;"
            echo "    type Response = $RESPONSE;"
            if [[ -n "$VALIDATE" ]]; then
                echo "    fn validate(&self) -> $p::Result<(), $p::InvalidRequest> {"
                echo "        check$i(self)"
                echo "    }"
            fi
            echo "    fn encode_form(&self, form: &mut $p::FormEncoder) -> $p::Result<(), $p::EncodeError> {"
            echo "$ENCODE"
            echo "        $p::Result::Ok(())"
            echo "    }"
            echo "}"
            echo
        done
    } > "$dir/src/lib.rs"
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

measure_variant() { # name, cargo subcommand
    local name=$1 cmd=$2 times=()
    for ((r = 0; r < RUNS; r++)); do
        cargo clean -q -p "$name" --manifest-path "$OUT/$name/Cargo.toml" --target-dir "$SHARED_TARGET"
        times+=("$(timed cargo "$cmd" "${JOBS_FLAG[@]}" --manifest-path "$OUT/$name/Cargo.toml" --target-dir "$SHARED_TARGET")")
    done
    echo "$(median "${times[@]}") ${times[*]}"
}

generate_macro
generate_hand
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
# RUSTC_BOOTSTRAP). Only the crate doc and the `use` line that names the macro may differ.
expanded() {
    RUSTC_BOOTSTRAP=1 cargo rustc -q --lib --manifest-path "$OUT/$1/Cargo.toml" \
        --target-dir "$OUT/target-expand" -- -Zunpretty=expanded | grep -v -e '^use slack_methods::' -e '^//!'
}
expanded cc-macro > "$OUT/cc-macro.expanded.rs"
expanded cc-hand > "$OUT/cc-hand.expanded.rs"
if ! diff "$OUT/cc-macro.expanded.rs" "$OUT/cc-hand.expanded.rs" > "$OUT/expansion.diff"; then
    echo "the hand-written impls differ from the macro's expansion; see $OUT/expansion.diff" >&2
    exit 1
fi
echo "the hand-written impls match the macro's expansion token for token"

echo
echo "seconds, median of $RUNS (all runs), dependencies already built:"
declare -A result
for cmd in check build; do
    for v in cc-macro cc-hand; do
        line=$(measure_variant "$v" "$cmd")
        result[$v-$cmd]=${line%% *}
        printf '  cargo %-5s %-8s %7.2f   (%s)\n' "$cmd" "$v" "${line%% *}" "${line#* }"
    done
    printf '  cargo %-5s ratio macro/hand: %.2f\n' "$cmd" "$(echo "${result[cc-macro-$cmd]} / ${result[cc-hand-$cmd]}" | bc -l)"
done
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
