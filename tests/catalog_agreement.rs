//! The bundled bindings agree with Slack's own facts, read here straight from the reference data
//! (`../shared/slack-api/methods.tsv`, Slack's Python SDK table and the rate-limit tier table),
//! independently of the macro's catalog: method name, scopes, tier, verb, whether the method
//! writes, the parameter names each binding sends and which of them it requires.

mod common;

use common::{form_pairs, read_shared, shared_dir};
use slack_methods::methods::*;
use slack_methods::types::ProfileUpdate;
use slack_methods::{encode_params, HttpVerb, RateLimitTier, SlackMethod, SlackTool, UserId};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const METHODS_TSV: &str = "slack-api/methods.tsv";
const SDK_TSV: &str = "slack-api/python-sdk-methods.tsv";
const TIERS_JSON: &str = "slack-fixtures/java-slack-sdk/metadata/web-api/rate_limit_tiers.json";

/// One row of a tab-separated table, by column name.
struct Row(HashMap<String, String>);

impl Row {
    fn get(&self, column: &str) -> &str {
        self.0
            .get(column)
            .unwrap_or_else(|| panic!("the table has no column `{column}`"))
    }

    /// A comma-separated list column; `-` and `none` mean an empty list.
    fn list(&self, column: &str) -> BTreeSet<String> {
        match self.get(column) {
            "-" | "none" | "" => BTreeSet::new(),
            text => text.split(',').map(|item| item.trim().to_owned()).collect(),
        }
    }

    /// A parameter list column. The SDK table writes each parameter as `name:type`; only the
    /// name is kept.
    fn param_list(&self, column: &str) -> BTreeSet<String> {
        self.list(column)
            .into_iter()
            .map(|item| match item.split_once(':') {
                Some((name, _type)) => name.to_owned(),
                None => item,
            })
            .collect()
    }

    /// Every parameter: the required and the optional ones, without `token` (the client sends
    /// it in a header).
    fn params(&self) -> BTreeSet<String> {
        let mut params = self.param_list("required_params");
        params.extend(self.param_list("optional_params"));
        params.remove("token");
        params
    }
}

/// A tab-separated table with a `method` column, by method name.
fn table(bytes: &[u8]) -> HashMap<String, Row> {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cells = line.split('\t').map(str::to_owned);
            let row: HashMap<String, String> =
                header.iter().map(|h| (*h).to_owned()).zip(cells).collect();
            (row["method"].clone(), Row(row))
        })
        .collect()
}

/// Slack's facts, by method name: the spec's table (the 174 methods of 2020), the Python SDK's
/// (the 318 methods it calls) and the rate-limit tiers.
struct Facts {
    spec: HashMap<String, Row>,
    sdk: HashMap<String, Row>,
    tiers: serde_json::Map<String, serde_json::Value>,
}

/// Parameters Slack's tables list that a bundled binding leaves out on purpose, each with why.
/// A parameter missing from a binding and not named here fails the check.
const NOT_BOUND: &[(&str, &str, &str)] = &[
    (
        "chat.postMessage",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    (
        "chat.update",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    (
        "chat.delete",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    (
        "chat.postEphemeral",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    (
        "chat.scheduleMessage",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    (
        "chat.deleteScheduledMessage",
        "as_user",
        "legacy: only classic apps may post as the user",
    ),
    ("chat.postMessage", "container_id", "not bound yet"),
    (
        "chat.update",
        "file_ids",
        "not bound yet: new files to send with the edited message",
    ),
    (
        "reactions.remove",
        "file",
        "legacy: reactions to files (the binding does messages)",
    ),
    (
        "reactions.remove",
        "file_comment",
        "legacy: reactions to file comments",
    ),
    (
        "reactions.get",
        "file",
        "legacy: reactions to files (the binding does messages)",
    ),
    (
        "reactions.get",
        "file_comment",
        "legacy: reactions to file comments",
    ),
    (
        "reactions.list",
        "count",
        "legacy page/count paging (cursor and limit kept)",
    ),
    (
        "reactions.list",
        "page",
        "legacy page/count paging (cursor and limit kept)",
    ),
    (
        "files.info",
        "count",
        "legacy page/count paging of file comments (cursor and limit kept)",
    ),
    (
        "files.info",
        "page",
        "legacy page/count paging of file comments (cursor and limit kept)",
    ),
    (
        "reminders.add",
        "user",
        "Slack's reminders.add page: no longer supported, reminders cannot be set for other users",
    ),
    (
        "chat.unfurl",
        "metadata",
        "not bound yet: Work Objects entities, which Slack's page takes instead of unfurls",
    ),
];

/// Parameters a bundled binding sends as file parts of a multipart form: bound, but no tool
/// parameters (an agent's JSON carries no file's bytes), so its `PARAMS` leave them out.
/// `tests/files_remote.rs` sends each one.
const FILE_PARTS: &[(&str, &str, &str)] = &[
    (
        "files.remote.add",
        "preview_image",
        "the image shown for the file, a FormFile",
    ),
    (
        "files.remote.update",
        "preview_image",
        "the image shown for the file, a FormFile",
    ),
];

/// Parameters a bundled binding sends that Slack's method pages document but the tables do not
/// list yet (they are bound with `#[slack(unchecked)]`), each with where Slack names it.
const NEWER_THAN_TABLES: &[(&str, &str, &str)] = &[
    (
        "canvases.create",
        "channel_id",
        "Slack's canvases.create page: the channel to tab the canvas in (required on free teams)",
    ),
    (
        "conversations.canvases.create",
        "title",
        "Slack's conversations.canvases.create page: the canvas's title, optional",
    ),
    (
        "dnd.teamInfo",
        "team_id",
        "Slack's dnd.teamInfo page: the users' workspace, required with an org-level token",
    ),
    (
        "auth.teams.list",
        "cursor",
        "Slack's auth.teams.list page: the next_cursor of the page before",
    ),
    (
        "auth.teams.list",
        "limit",
        "Slack's auth.teams.list page: workspaces a page, a positive integer at most 1000",
    ),
    (
        "auth.teams.list",
        "include_icon",
        "Slack's auth.teams.list page: whether to give each workspace's icon",
    ),
    (
        "conversations.inviteShared",
        "external_limited",
        "Slack's conversations.inviteShared page: whether the invited may only post, true by default",
    ),    (
        "users.discoverableContacts.lookup",
        "email",
        "Slack's users.discoverableContacts.lookup page: the email address to look up, required",
    ),
    (
        "entity.presentDetails",
        "trigger_id",
        "Slack's entity.presentDetails page: the entity_details_requested event's trigger, required",
    ),
    (
        "entity.presentDetails",
        "metadata",
        "Slack's entity.presentDetails page: the entity's metadata, a JSON object, optional",
    ),
    (
        "entity.presentDetails",
        "user_auth_required",
        "Slack's entity.presentDetails page: whether the user must sign in first, optional",
    ),
    (
        "entity.presentDetails",
        "user_auth_url",
        "Slack's entity.presentDetails page: where the user signs in, optional",
    ),
    (
        "entity.presentDetails",
        "error",
        "Slack's entity.presentDetails page: why the entity cannot be shown, an object, optional",
    ),
];

/// Parameters a bundled binding requires although Slack's tables call them optional, each with
/// why. Any other difference in requiredness fails the check.
const REQUIRED_HERE: &[(&str, &str, &str)] = &[
    (
        "reactions.remove",
        "channel",
        "the binding removes reactions from messages only",
    ),
    (
        "reactions.remove",
        "timestamp",
        "the binding removes reactions from messages only",
    ),
    (
        "reactions.get",
        "channel",
        "the binding gets a message's reactions",
    ),
    (
        "reactions.get",
        "timestamp",
        "the binding gets a message's reactions",
    ),
    (
        "pins.add",
        "timestamp",
        "the binding pins a message, which its timestamp names",
    ),
    (
        "pins.remove",
        "timestamp",
        "the binding un-pins a message, which its timestamp names",
    ),
    (
        "dnd.teamInfo",
        "users",
        "Slack's dnd.teamInfo page requires it (`no_users_provided` without it)",
    ),
    (
        "chat.unfurl",
        "unfurls",
        "Slack's chat.unfurl page: either unfurls or metadata must be provided, and metadata is not bound",
    ),    (
        "users.discoverableContacts.lookup",
        "email",
        "Slack's users.discoverableContacts.lookup page requires it (its tables know no parameter)",
    ),
    (
        "entity.presentDetails",
        "trigger_id",
        "Slack's entity.presentDetails page requires it (its tables know no parameter)",
    ),
];

/// Tiers a bundled binding takes from Slack's method page because the tier table does not list
/// the method, each with where Slack states it. A method the table lists is checked against it.
const TIERS_FROM_PAGES: &[(&str, RateLimitTier, &str)] = &[(
    "entity.presentDetails",
    RateLimitTier::Tier3,
    "Slack's entity.presentDetails page: Tier 3",
)];

/// Methods whose verb in Slack's SDK is POST although they change nothing.
const READS_BY_POST: &[&str] = &[
    "auth.teams.list",
    "auth.test",
    "bookmarks.list",
    "canvases.sections.lookup",
    "conversations.listConnectInvites",
    "conversations.requestSharedInvite.list",
    "openid.connect.userInfo",
    "team.externalTeams.list",
    "apps.manifest.validate",
    "apps.manifest.export",
    "team.billing.info",
    "team.preferences.list",
    "workflows.featured.list",
    "users.discoverableContacts.lookup",
    "slackLists.items.info",
    "slackLists.items.list",
    "slackLists.download.start",
    "slackLists.download.get",
];

/// Reads a bundled binding sends by GET although Slack's SDK POSTs them, each with why. Any
/// other difference in verb fails the check.
const GET_WHERE_SDK_POSTS: &[(&str, &str)] = &[
    (
        "chat.scheduledMessages.list",
        "the spec's verb: a read, which Slack answers by GET or POST alike",
    ),
    (
        "calls.info",
        "the spec's verb: a read, which Slack answers by GET or POST alike",
    ),
    (
        "apps.event.authorizations.list",
        "the spec's verb: a read, which Slack answers by GET or POST alike",
    ),
    (
        "api.test",
        "the spec's verb: a call that reads nothing, which Slack answers by GET or POST alike",
    ),
];

/// Writes a bundled binding sends by POST although Slack's SDK sends them by GET, each with why.
/// Any other difference in verb fails the check.
const POST_WHERE_SDK_GETS: &[(&str, &str)] = &[
    (
        "dnd.setSnooze",
        "the spec's verb: a write (it starts or changes a snooze), which Slack answers by POST",
    ),
    (
        "files.remote.share",
        "a write (it posts the file in channels), which the catalog corrects to POST",
    ),
    (
        "conversations.inviteShared",
        "a write (it makes an invitation), which the catalog corrects to POST",
    ),
    (
        "conversations.declineSharedInvite",
        "a write (it ends an invitation), which the catalog corrects to POST",
    ),
    (
        "team.externalTeams.list",
        "the catalog's verb for a method outside the 2020 spec: a read, which Slack answers by GET or POST alike",
    ),
    (
        "users.deletePhoto",
        "the spec's verb: a write (it deletes the profile photo), which Slack answers by POST",
    ),
];

fn listed(table: &[(&str, &str, &str)], method: &str) -> BTreeSet<String> {
    table
        .iter()
        .filter(|(name, _, _)| *name == method)
        .map(|(_, param, _)| (*param).to_owned())
        .collect()
}

impl Facts {
    fn load(shared: &Path) -> Facts {
        let tiers: serde_json::Value =
            serde_json::from_slice(&read_shared(shared, TIERS_JSON)).unwrap();
        Facts {
            spec: table(&read_shared(shared, METHODS_TSV)),
            sdk: table(&read_shared(shared, SDK_TSV)),
            tiers: tiers.as_object().unwrap().clone(),
        }
    }

    /// Whether `tier` is the one the table gives `name`; a special tier is the method's own.
    fn tier_agrees(&self, name: &str, tier: RateLimitTier) -> bool {
        let Some(expected) = self.tiers.get(name).and_then(|tier| tier.as_str()) else {
            return false;
        };
        match (expected, tier) {
            ("Tier1", RateLimitTier::Tier1)
            | ("Tier2", RateLimitTier::Tier2)
            | ("Tier3", RateLimitTier::Tier3)
            | ("Tier4", RateLimitTier::Tier4) => true,
            (special, RateLimitTier::Special(owner)) => {
                special.strip_prefix("SpecialTier_") == Some(&owner.replace('.', "_"))
            }
            _ => false,
        }
    }

    /// Checks `M`'s scopes, tier and verb against the spec's table, for a method of the spec;
    /// `wire_names` are the parameter names its values put on the wire, together covering every
    /// field.
    fn check<M: SlackMethod>(&self, wire_names: BTreeSet<String>) {
        let name = M::NAME;
        let row = self
            .spec
            .get(name)
            .unwrap_or_else(|| panic!("`{name}` is not in methods.tsv"));
        assert_eq!(row.get("method"), name);

        let scopes: BTreeSet<String> = M::SCOPES.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(scopes, row.list("scopes"), "scopes of {name}");
        assert!(
            self.tier_agrees(name, M::TIER),
            "tier of {name}: {:?}",
            M::TIER
        );

        // For these methods the spec's verb tells reads from writes (`auth.test` is GET there).
        assert_eq!(
            M::WRITES,
            row.get("http_verb") == "POST",
            "writes of {name}"
        );
        assert_eq!(wire_names, row.params(), "parameters of {name}");
    }

    /// Checks any binding against Slack's newest facts, reading its parameters from the tool
    /// description the macro generates: the names it sends, which it requires, its verb and
    /// tier, that it writes exactly when Slack's SDK POSTs (but for [`READS_BY_POST`]), and that
    /// its scopes include the spec's, where the spec has the method. Returns what differs, so
    /// that one run reports every binding.
    fn differences<M: SlackTool>(&self) -> Vec<String> {
        let name = M::NAME;
        let mut found = Vec::new();
        let Some(sdk) = self.sdk.get(name) else {
            return vec![format!("{name}: not in Slack's SDK table")];
        };
        let ours: BTreeSet<String> = M::PARAMS.iter().map(|p| p.name.to_owned()).collect();
        let required: BTreeSet<String> = M::PARAMS
            .iter()
            .filter(|p| p.required)
            .map(|p| p.name.to_owned())
            .collect();

        let mut known = sdk.params();
        let spec = self.spec.get(name);
        if let Some(spec) = spec {
            known.extend(spec.params());
        }
        let newer = listed(NEWER_THAN_TABLES, name);
        let unknown: Vec<_> = ours
            .difference(&known)
            .filter(|param| !newer.contains(*param))
            .collect();
        if !unknown.is_empty() {
            found.push(format!("{name}: Slack's tables do not know {unknown:?}"));
        }
        let not_bound = listed(NOT_BOUND, name);
        let file_parts = listed(FILE_PARTS, name);
        let missing: Vec<_> = known
            .difference(&ours)
            .filter(|param| !not_bound.contains(*param) && !file_parts.contains(*param))
            .collect();
        if !missing.is_empty() {
            found.push(format!("{name}: the binding leaves out {missing:?}"));
        }
        let outdated: Vec<_> = newer.intersection(&known).collect();
        if !outdated.is_empty() {
            found.push(format!(
                "{name}: NEWER_THAN_TABLES names {outdated:?}, which the tables now list"
            ));
        }
        let stale: Vec<_> = not_bound.intersection(&ours).collect();
        if !stale.is_empty() {
            found.push(format!("{name}: NOT_BOUND names {stale:?}, which it binds"));
        }
        let tool_params: Vec<_> = file_parts.intersection(&ours).collect();
        if !tool_params.is_empty() {
            found.push(format!(
                "{name}: FILE_PARTS names {tool_params:?}, which are tool parameters"
            ));
        }

        let mut expected = sdk.param_list("required_params");
        expected.extend(listed(REQUIRED_HERE, name));
        if required != expected {
            found.push(format!(
                "{name}: requires {required:?}, Slack's SDK (with REQUIRED_HERE) {expected:?}"
            ));
        }

        let verb = match M::VERB {
            HttpVerb::Get => "GET",
            HttpVerb::Post => "POST",
        };
        let get_here = GET_WHERE_SDK_POSTS
            .iter()
            .any(|(method, _)| *method == name);
        let post_here = POST_WHERE_SDK_GETS
            .iter()
            .any(|(method, _)| *method == name);
        if verb != sdk.get("http_verb")
            && !(get_here && verb == "GET")
            && !(post_here && verb == "POST")
        {
            found.push(format!(
                "{name}: {verb}, Slack's SDK {}",
                sdk.get("http_verb")
            ));
        }
        if M::WRITES != (verb == "POST" && !READS_BY_POST.contains(&name)) {
            found.push(format!("{name}: writes is {} for a {verb}", M::WRITES));
        }
        let from_page = self.tiers.get(name).is_none()
            && TIERS_FROM_PAGES
                .iter()
                .any(|(method, tier, _)| *method == name && *tier == M::TIER);
        if !self.tier_agrees(name, M::TIER) && !from_page {
            found.push(format!(
                "{name}: {:?}, the tier table {:?}",
                M::TIER,
                self.tiers.get(name)
            ));
        }
        if let Some(spec) = spec {
            let scopes: BTreeSet<String> = M::SCOPES.iter().map(|s| (*s).to_owned()).collect();
            let lost: Vec<_> = spec.list("scopes").difference(&scopes).cloned().collect();
            if !lost.is_empty() {
                found.push(format!("{name}: the spec's scopes {lost:?} are missing"));
            }
        }
        found
    }
}

/// The parameter names of the encoded values.
fn wire_names<M: SlackMethod>(values: &[M]) -> BTreeSet<String> {
    values
        .iter()
        .flat_map(|value| form_pairs(encode_params(value).unwrap().as_bytes()))
        .map(|(name, _)| name)
        .collect()
}

fn user() -> UserId {
    UserId::new("U0123ABCD").unwrap()
}

#[test]
fn bundled_bindings_agree_with_slack() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let facts = Facts::load(&shared);

    // `profile` and `name`/`value` cannot be sent together (the binding's `validate` refuses
    // it), so two values between them fill every field.
    facts.check::<UsersProfileSet>(wire_names(&[
        UsersProfileSet::field("first_name", "Jane").for_user(user()),
        UsersProfileSet::profile(ProfileUpdate::new().title("Engineer")).for_user(user()),
    ]));
    facts.check::<UsersProfileGet>(wire_names(&[UsersProfileGet::of(user()).with_labels()]));
    facts.check::<AuthTest>(wire_names(&[AuthTest::new()]));
}

#[test]
fn the_check_sees_a_wrong_parameter_set() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let facts = Facts::load(&shared);
    // Only half of users.profile.set's parameters: the comparison must notice.
    let partial = wire_names(&[UsersProfileSet::field("first_name", "Jane")]);
    let result = std::panic::catch_unwind(|| facts.check::<UsersProfileSet>(partial));
    assert!(result.is_err());
}

/// Checks every binding [`visit_all`] visits.
struct Check<'a> {
    facts: &'a Facts,
    names: Vec<&'static str>,
    found: Vec<String>,
}

impl Visit for Check<'_> {
    fn visit<M>(&mut self)
    where
        M: SlackTool + serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        self.names.push(M::NAME);
        self.found.extend(self.facts.differences::<M>());
    }
}

#[test]
fn every_bundled_binding_agrees_with_slack_s_newest_table() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let facts = Facts::load(&shared);
    let mut check = Check {
        facts: &facts,
        names: Vec::new(),
        found: Vec::new(),
    };
    visit_all(&mut check);
    let Check { names, found, .. } = check;
    let listed: BTreeSet<&str> = names.iter().copied().collect();
    let bundled: BTreeSet<&str> = ALL.iter().map(|facts| facts.name).collect();
    assert_eq!(listed, bundled, "visit_all and methods::ALL differ");
    assert_eq!(names.len(), ALL.len());
    assert!(found.is_empty(), "{}", found.join("\n"));

    // Every exception names a bundled method, so none outlives its binding.
    for (method, param, _) in NOT_BOUND
        .iter()
        .chain(FILE_PARTS)
        .chain(REQUIRED_HERE)
        .chain(NEWER_THAN_TABLES)
    {
        assert!(
            bundled.contains(method),
            "{method} ({param}) is not bundled"
        );
    }
}

#[test]
fn the_newest_check_sees_a_missing_parameter() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let mut facts = Facts::load(&shared);
    // Slack's table gains a parameter `users.info` does not bind: the check must report it.
    let row = facts.sdk.get_mut("users.info").unwrap();
    let optional = format!("{},new_param:string", row.get("optional_params"));
    row.0.insert("optional_params".to_owned(), optional);
    let found = facts.differences::<UsersInfo>();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("new_param"), "{found:?}");
}
