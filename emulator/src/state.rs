//! The emulator's in-memory workspace: team, users and profiles, tokens, stubs, faults, limits,
//! the request log and the write counters.

use crate::directory::{Directory, SLACKBOT};
use crate::faults::FaultQueue;
use crate::limits::Limits;
use crate::uploads::Files;
use crate::workspace::Workspace;
use crate::Fault;
use serde_json::{json, Map, Value};
use slack_methods_runtime::{MethodFacts, SECRET_NAMES};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// A user of the emulated workspace, given to [`Emulator::add_user`](crate::Emulator::add_user).
///
/// ```
/// use slack_methods_emulator::UserSpec;
/// let jane = UserSpec::new("U0JANE", "jane").real_name("Jane Doe").admin();
/// assert!(jane.admin && !jane.owner);
/// assert_eq!(jane.real_name, "Jane Doe");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UserSpec {
    /// The user id, e.g. `U0123ABCD`.
    pub id: String,
    /// The username (`auth.test`'s `user`, `users.profile.set`'s `username`).
    pub name: String,
    /// The profile's starting `real_name` (the username unless set).
    pub real_name: String,
    /// The profile's starting `display_name` (empty unless set).
    pub display_name: String,
    /// The profile's `email`, if any.
    pub email: Option<String>,
    /// A workspace admin may set other users' profiles.
    pub admin: bool,
    /// A workspace owner may also set other admins' profiles.
    pub owner: bool,
    /// The bot id, for a bot user; `auth.test` reports it as `bot_id`.
    pub bot_id: Option<String>,
}

impl UserSpec {
    /// A regular member with this id and username.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> UserSpec {
        let name = name.into();
        UserSpec {
            id: id.into(),
            real_name: name.clone(),
            name,
            display_name: String::new(),
            email: None,
            admin: false,
            owner: false,
            bot_id: None,
        }
    }

    /// Sets the starting `real_name`.
    pub fn real_name(mut self, real_name: impl Into<String>) -> UserSpec {
        self.real_name = real_name.into();
        self
    }

    /// Sets the starting `display_name`.
    pub fn display_name(mut self, display_name: impl Into<String>) -> UserSpec {
        self.display_name = display_name.into();
        self
    }

    /// Sets the `email`.
    pub fn email(mut self, email: impl Into<String>) -> UserSpec {
        self.email = Some(email.into());
        self
    }

    /// Makes the user a workspace admin.
    pub fn admin(mut self) -> UserSpec {
        self.admin = true;
        self
    }

    /// Makes the user the workspace owner (and an admin).
    pub fn owner(mut self) -> UserSpec {
        self.owner = true;
        self.admin = true;
        self
    }

    /// Makes the user a bot user with this bot id.
    pub fn bot(mut self, bot_id: impl Into<String>) -> UserSpec {
        self.bot_id = Some(bot_id.into());
        self
    }
}

/// One HTTP request the emulator received, as it arrived.
///
/// `Debug` shows the `Authorization` header as `<redacted>`, and the text of a secret argument
/// (`token`, `client_secret`, `code` and the other names of the runtime's `SECRET_NAMES`, in the
/// query or the body, percent-encoded or not) as `<redacted>` wherever it appears, also
/// in a body the emulator could not read (a form sent without its `Content-Type`, a JSON body
/// cut short); read the token with [`RecordedRequest::bearer_token`] or
/// [`RecordedRequest::param`].
#[derive(Clone)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The HTTP verb (`"POST"`, `"GET"`, ...).
    pub verb: String,
    /// The request target as sent: path and query string.
    pub target: String,
    /// The path part of the target (of an absolute-form target, the part after its authority).
    pub path: String,
    /// The Slack method the path names (`/api/<method>`), if it names one.
    pub method: Option<String>,
    /// The request headers, in the order sent (names lowercase).
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body bytes, exactly as received (a chunked body's data, without its framing).
    pub body: Vec<u8>,
    /// The parameters: the query string's pairs, percent-decoded, then the body's, read as its
    /// `Content-Type` says (a form, a JSON object whose objects and lists are kept as JSON
    /// text, or multipart form data); none from a body the emulator could not read, nor from
    /// the body of a request to the upload site, which is the file.
    pub params: Vec<(String, String)>,
    /// The fault injected into the answer, if one was.
    pub fault: Option<Fault>,
    /// When the emulator had read the whole request.
    pub received: std::time::Instant,
}

impl RecordedRequest {
    /// The first value of header `name` (any case), as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, value)| std::str::from_utf8(value).ok())
    }

    /// The value of parameter `name`: the last one sent, so the body wins over the query.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The token of `Authorization: Bearer <token>`, if the request had one.
    pub fn bearer_token(&self) -> Option<&str> {
        bearer(self.header("authorization")?)
    }
}

impl RecordedRequest {
    /// The texts `Debug` hides: the bearer token, and the value of every secret argument
    /// ([`SECRET_NAMES`]) the request carries where a client may have put one, whether or not
    /// the emulator could read it as arguments: in the query string, in the body read as a form
    /// (whatever its `Content-Type` says), or as a JSON body's string under such a name (even in
    /// a body cut short). Each value both percent-decoded and as sent.
    fn secrets(&self) -> Vec<String> {
        let mut secrets: Vec<String> = self
            .params
            .iter()
            .filter(|(name, _)| SECRET_NAMES.contains(&name.as_str()))
            .map(|(_, value)| value.clone())
            .chain(self.bearer_token().map(str::to_owned))
            .collect();
        if let Some((_, query)) = self.target.split_once('?') {
            form_tokens(query.as_bytes(), &mut secrets);
        }
        form_tokens(&self.body, &mut secrets);
        json_tokens(&String::from_utf8_lossy(&self.body), &mut secrets);
        secrets.retain(|secret| !secret.is_empty());
        // The longest first, so that a token containing another is hidden whole.
        secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
        secrets.dedup();
        secrets
    }
}

/// The values of the secret pairs ([`SECRET_NAMES`]: `token`, `client_secret`, `code`, ...) of
/// form-encoded `text`, percent-decoded and as sent.
fn form_tokens(text: &[u8], out: &mut Vec<String>) {
    for pair in text.split(|&b| b == b'&') {
        let mut halves = pair.splitn(2, |&b| b == b'=');
        let (Some(name), Some(value)) = (halves.next(), halves.next()) else {
            continue;
        };
        let decode = |bytes: &[u8]| -> String {
            form_urlencoded::parse(&[b"x=", bytes].concat())
                .next()
                .map(|(_, value)| value.into_owned())
                .unwrap_or_default()
        };
        if SECRET_NAMES.contains(&decode(name).as_str()) {
            out.push(String::from_utf8_lossy(value).into_owned());
            out.push(decode(value));
        }
    }
}

/// The text of each `"<secret name>": "<text>"` string in `body` ([`SECRET_NAMES`]), read as far
/// as it goes: a JSON body, or the start of one.
fn json_tokens(body: &str, out: &mut Vec<String>) {
    for name in SECRET_NAMES {
        json_strings_of(body, &format!("\"{name}\""), out);
    }
}

/// The text of each string after `key` and a colon in `body`.
fn json_strings_of(body: &str, key: &str, out: &mut Vec<String>) {
    let mut rest = body;
    while let Some(at) = rest.find(key) {
        rest = &rest[at + key.len()..];
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let Some(value) = value.trim_start().strip_prefix('"') else {
            continue;
        };
        let mut end = value.len();
        let mut escaped = false;
        for (i, c) in value.char_indices() {
            match c {
                '"' if !escaped => {
                    end = i;
                    break;
                }
                '\\' => escaped = !escaped,
                _ => escaped = false,
            }
        }
        let text = &value[..end];
        out.push(text.to_owned());
        if let Ok(decoded) = serde_json::from_str::<String>(&format!("\"{text}\"")) {
            out.push(decoded);
        }
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a, F>(&'a [(String, Vec<u8>)], F);
        impl<F: Fn(&str) -> String> fmt::Debug for Headers<'_, F> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_list();
                for (name, value) in self.0 {
                    if name.eq_ignore_ascii_case("authorization") {
                        list.entry(&(name, "<redacted>"));
                    } else {
                        list.entry(&(name, (self.1)(&String::from_utf8_lossy(value))));
                    }
                }
                list.finish()
            }
        }
        let secrets = self.secrets();
        let hide = |text: &str| {
            secrets.iter().fold(text.to_owned(), |text, secret| {
                text.replace(secret.as_str(), "<redacted>")
            })
        };
        let params: Vec<(&str, String)> = self
            .params
            .iter()
            .map(|(name, value)| (name.as_str(), hide(value)))
            .collect();
        f.debug_struct("RecordedRequest")
            .field("verb", &self.verb)
            .field("target", &hide(&self.target))
            .field("method", &self.method)
            .field("headers", &Headers(&self.headers, &hide))
            .field("body", &hide(&String::from_utf8_lossy(&self.body)))
            .field("params", &params)
            .field("fault", &self.fault)
            .field("received", &self.received)
            .finish()
    }
}

/// A number no other call of this function in the process gives, the emulators' ids are made
/// from (triggers, files, conversations, views, ...). One counter for every emulator: Slack's
/// ids are unique across workspaces, so an id one emulator handed out is unknown to another
/// in the same test, and a test that sends it to the wrong one sees Slack's refusal.
pub(crate) fn fresh_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed).wrapping_add(1)
}

/// The token of an `Authorization` header value: `Bearer <token>` (scheme in any case).
pub(crate) fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[derive(Clone, Debug)]
pub(crate) struct Team {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) domain: String,
}

#[derive(Clone, Debug)]
pub(crate) struct User {
    pub(crate) spec: UserSpec,
    pub(crate) profile: Map<String, Value>,
}

/// A custom profile field of the workspace: its id (`Xf...`), label, hint, kind (`text`,
/// `options_list`, ...), the values of an `options_list`, and whether it is hidden.
#[derive(Clone, Debug)]
pub(crate) struct ProfileField {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) hint: String,
    pub(crate) kind: &'static str,
    pub(crate) possible_values: Vec<String>,
    pub(crate) hidden: bool,
}

impl ProfileField {
    /// A visible text field.
    pub(crate) fn text(id: &str, label: &str, hint: &str) -> ProfileField {
        ProfileField {
            id: id.to_owned(),
            label: label.to_owned(),
            hint: hint.to_owned(),
            kind: "text",
            possible_values: Vec::new(),
            hidden: false,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct TokenEntry {
    pub(crate) user: String,
    pub(crate) scopes: Vec<String>,
    pub(crate) revoked: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Stub {
    pub(crate) scopes: Vec<String>,
    pub(crate) response: Value,
}

/// Everything the emulator knows, behind one lock that is never held across an await.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) team: Team,
    /// Conversations and their messages.
    pub(crate) workspace: Workspace,
    /// User groups, and the ids of new conversations.
    pub(crate) directory: Directory,
    /// Uploads in progress and completed files.
    pub(crate) files: Files,
    /// The workspace's preferences and plan (`team.preferences.list`, `team.billing.info`).
    pub(crate) team_settings: crate::methods::team::Settings,
    /// Canvases, standalone and of channels.
    pub(crate) canvases: crate::canvases::Canvases,
    /// Streamed messages (`chat.startStream`), by conversation and `ts`.
    pub(crate) streams: crate::methods::stream::Streams,
    /// Reminders, of every user.
    pub(crate) reminders: crate::reminders::Reminders,
    /// The app's Socket Mode URLs and its events' contexts.
    pub(crate) apps: crate::apps::Apps,
    /// Each user's snooze (`dnd.setSnooze`).
    pub(crate) snoozes: crate::dnd::Snoozes,
    /// The runs of the app's custom steps (`functions.completeSuccess`, `.completeError`).
    pub(crate) functions: crate::functions::Executions,
    /// The other workspaces the app is approved for (`auth.teams.list`), as (id, name).
    pub(crate) approved_teams: Vec<(String, String)>,
    /// Slack Connect invitations, sent and received.
    pub(crate) connect: crate::methods::connect::Invites,
    /// The calls apps registered (`calls.add`).
    pub(crate) calls: crate::methods::calls::Calls,
    /// Slack Lists (`slackLists.create`).
    pub(crate) lists: crate::methods::lists::Lists,
    /// Link triggers, and the ones each channel features (`workflows.featured.*`).
    pub(crate) featured: crate::methods::workflows::Featured,
    /// The people of other organizations who may be found for Slack Connect, their team ids
    /// by their lowercased addresses (`users.discoverableContacts.lookup`).
    pub(crate) discoverable_contacts: HashMap<String, String>,
    /// Whether each user is connected to the app, as it last reported
    /// (`apps.user.connection.update`).
    pub(crate) user_connections: HashMap<String, String>,
    /// The triggers of Work Objects opened (`entity.presentDetails`).
    pub(crate) entities: crate::methods::entity::Entities,
    /// The methods served, by name, with the facts of the bindings they are served for.
    pub(crate) served: HashMap<&'static str, MethodFacts>,
    pub(crate) users: HashMap<String, User>,
    pub(crate) tokens: HashMap<String, TokenEntry>,
    /// The workspace's custom profile fields, in their order (`team.profile.get`).
    pub(crate) profile_fields: Vec<ProfileField>,
    /// The custom emoji, by name: an image URL or `alias:<name>`.
    pub(crate) emoji: BTreeMap<String, String>,
    /// The users who set themselves away (`users.setPresence`); the others are active.
    pub(crate) away: HashSet<String>,
    /// The users who dismissed the app's prompts to sign in before unfurling (`chat.unfurl`).
    pub(crate) unfurl_prompts_dismissed: HashSet<String>,
    pub(crate) stubs: HashMap<String, Stub>,
    pub(crate) faults: HashMap<String, FaultQueue>,
    pub(crate) limits: Limits,
    pub(crate) requests: Vec<RecordedRequest>,
    pub(crate) applied_writes: HashMap<String, usize>,
    pub(crate) responses_429: usize,
    /// Scheduled and ephemeral messages, bookmarks, views and trigger ids.
    pub(crate) messaging: crate::messaging::Messaging,
    /// The scopes of the token of the call being answered.
    pub(crate) call_scopes: Vec<String>,
    /// The token of the call being answered.
    pub(crate) call_token: String,
    /// The file parts of the call being answered, with their bytes (`users.setPhoto`).
    pub(crate) call_files: Vec<crate::bodies::FilePart>,
    /// The profile photos users set (`users.setPhoto`), by user id.
    pub(crate) photos: HashMap<String, Photo>,
    /// The OAuth apps and the codes given to them.
    pub(crate) oauth: crate::oauth::Oauth,
}

impl State {
    pub(crate) fn new(team: Team, max_page: usize) -> State {
        State {
            team,
            workspace: Workspace::new(max_page),
            directory: Directory::default(),
            files: Files::default(),
            team_settings: crate::methods::team::Settings::default(),
            canvases: crate::canvases::Canvases::default(),
            streams: crate::methods::stream::Streams::new(),
            reminders: crate::reminders::Reminders::default(),
            apps: crate::apps::Apps::default(),
            snoozes: crate::dnd::Snoozes::default(),
            functions: crate::functions::Executions::default(),
            approved_teams: Vec::new(),
            connect: crate::methods::connect::Invites::default(),
            calls: crate::methods::calls::Calls::default(),
            lists: crate::methods::lists::Lists::default(),
            featured: crate::methods::workflows::Featured::default(),
            discoverable_contacts: HashMap::new(),
            user_connections: HashMap::new(),
            call_files: Vec::new(),
            photos: HashMap::new(),
            entities: crate::methods::entity::Entities::default(),
            served: HashMap::new(),
            users: HashMap::new(),
            tokens: HashMap::new(),
            profile_fields: Vec::new(),
            emoji: BTreeMap::new(),
            away: HashSet::new(),
            unfurl_prompts_dismissed: HashSet::new(),
            stubs: HashMap::new(),
            faults: HashMap::new(),
            limits: Limits::default(),
            requests: Vec::new(),
            applied_writes: HashMap::new(),
            responses_429: 0,
            messaging: crate::messaging::Messaging::default(),
            call_scopes: Vec::new(),
            call_token: String::new(),
            oauth: crate::oauth::Oauth::default(),
        }
    }

    /// Serves the implemented methods among `methods`, with their facts.
    pub(crate) fn serve(&mut self, methods: &[MethodFacts]) {
        for facts in methods {
            if crate::Emulator::implemented().any(|name| name == facts.name) {
                self.served.insert(facts.name, *facts);
            }
        }
    }

    /// Seeds the demo workspace (see [`crate::demo`]).
    pub(crate) fn seed_demo(&mut self) {
        use crate::workspace::{demo, ChannelSpec};
        use crate::UsergroupSpec;
        self.add_user(
            UserSpec::new(demo::ADA, "ada")
                .real_name("Ada Lovelace")
                .email("ada@emulated.invalid")
                .admin(),
        );
        self.add_user(
            UserSpec::new(demo::GRACE, "grace")
                .real_name("Grace Hopper")
                .email("grace@emulated.invalid"),
        );
        self.add_user(
            UserSpec::new(demo::LINUS, "linus")
                .real_name("Linus Pauling")
                .email("linus@emulated.invalid"),
        );
        self.add_user(
            UserSpec::new(demo::BOT, "demo-bot")
                .real_name("Demo Bot")
                .bot(demo::BOT_ID),
        );
        let scopes: Vec<String> = demo::SCOPES.iter().map(|s| (*s).to_owned()).collect();
        for (token, user) in [(demo::BOT_TOKEN, demo::BOT), (demo::USER_TOKEN, demo::ADA)] {
            let mut scopes = scopes.clone();
            if user == demo::ADA {
                scopes.push("users.profile:write".to_owned());
                scopes.push("users:write".to_owned());
                scopes.push("reminders:read".to_owned());
                scopes.push("reminders:write".to_owned());
                scopes.push("search:read".to_owned());
                scopes.push("dnd:write".to_owned());
                scopes.push("openid".to_owned());
                scopes.push("admin".to_owned());
                scopes.push("identity.basic".to_owned());
            }
            // Slack Connect, on both tokens (Slack's scope pages name bot tokens; the demo user
            // token has every bundled binding's scope).
            scopes.push("conversations.connect:write".to_owned());
            scopes.push("conversations.connect:manage".to_owned());
            // The workspace's settings and plan, on both tokens (Slack's pages name both).
            scopes.push("team.preferences:read".to_owned());
            scopes.push("team.billing:read".to_owned());
            // Remote files, on both tokens: Slack takes the writes from bots only, which the
            // user token then shows (`bot_user_required`).
            for scope in [
                "remote_files:read",
                "remote_files:write",
                "remote_files:share",
            ] {
                scopes.push(scope.to_owned());
            }
            self.tokens.insert(
                token.to_owned(),
                TokenEntry {
                    user: user.to_owned(),
                    scopes,
                    revoked: false,
                },
            );
        }
        self.tokens.insert(
            demo::APP_TOKEN.to_owned(),
            TokenEntry {
                user: demo::BOT.to_owned(),
                scopes: vec!["connections:write".into(), "authorizations:read".into()],
                revoked: false,
            },
        );
        self.tokens.insert(
            demo::CONFIG_TOKEN.to_owned(),
            TokenEntry {
                user: demo::ADA.to_owned(),
                scopes: Vec::new(),
                revoked: false,
            },
        );
        self.apps
            .config_tokens
            .insert(demo::CONFIG_TOKEN.to_owned());
        self.apps
            .refresh_tokens
            .insert(demo::CONFIG_REFRESH_TOKEN.to_owned(), demo::ADA.to_owned());
        for (id, label, hint) in demo::PROFILE_FIELDS {
            self.profile_fields
                .push(ProfileField::text(id, label, hint));
        }
        self.profile_fields.push(ProfileField {
            possible_values: demo::OFFICES.iter().map(|o| (*o).to_owned()).collect(),
            kind: "options_list",
            ..ProfileField::text(demo::OFFICE_FIELD, "Office", "Where you work from")
        });
        self.profile_fields.push(ProfileField {
            hidden: true,
            ..ProfileField::text(demo::BADGE_FIELD, "Badge number", "For the front desk")
        });
        for (name, value) in demo::CUSTOM_EMOJI {
            self.emoji.insert((*name).to_owned(), (*value).to_owned());
        }
        let everyone = [demo::ADA, demo::GRACE, demo::LINUS, demo::BOT];
        let people = [demo::ADA, demo::GRACE, demo::LINUS];
        self.workspace.add(
            ChannelSpec::new(demo::GENERAL, "general")
                .members(&everyone)
                .general()
                .topic("Company-wide announcements")
                .purpose("This channel is for workspace-wide communication"),
        );
        self.workspace.add(
            ChannelSpec::new(demo::RANDOM, "random")
                .members(&people)
                .purpose("Non-work banter"),
        );
        self.workspace.add(
            ChannelSpec::new(demo::LEADS, "leads")
                .private()
                .members(&[demo::ADA, demo::BOT]),
        );
        for n in 1..=demo::PROJECTS {
            self.workspace.add(
                ChannelSpec::new(format!("C0DEMOP{n:03}"), format!("project-{n:02}"))
                    .members(&[demo::ADA, demo::BOT])
                    .purpose(format!("Project {n}")),
            );
        }
        let created = self.workspace.clock.seconds();
        self.directory.add_usergroup(
            UsergroupSpec::new(demo::LEADS_GROUP, "leads", "Leads")
                .description("Whoever leads a project")
                .users(&[demo::ADA, demo::GRACE]),
            created,
            SLACKBOT,
        );
        self.directory.add_usergroup(
            UsergroupSpec::new(demo::EVERYONE_GROUP, "people", "People").users(&[
                demo::ADA,
                demo::GRACE,
                demo::LINUS,
            ]),
            created,
            SLACKBOT,
        );
        self.directory.add_usergroup(
            UsergroupSpec::new(demo::ALUMNI_GROUP, "alumni", "Alumni").disabled(),
            created,
            SLACKBOT,
        );
    }

    pub(crate) fn add_user(&mut self, spec: UserSpec) {
        let profile = initial_profile(&spec, &self.team);
        self.users.insert(spec.id.clone(), User { spec, profile });
    }

    pub(crate) fn take_fault(&mut self, method: &str) -> Option<Fault> {
        let queue = self.faults.get_mut(method)?;
        let fault = queue.take();
        if queue.is_empty() {
            self.faults.remove(method);
        }
        fault
    }

    pub(crate) fn count_write(&mut self, method: &str) {
        *self.applied_writes.entry(method.to_owned()).or_insert(0) += 1;
    }
}

/// A profile with every key Slack's profile object requires, so typed clients can parse it.
fn initial_profile(spec: &UserSpec, team: &Team) -> Map<String, Value> {
    let hash = avatar_hash(&spec.id);
    let mut profile = match json!({
        "title": "",
        "phone": "",
        "skype": "",
        "real_name": spec.real_name,
        "real_name_normalized": normalize(&spec.real_name),
        "display_name": spec.display_name,
        "display_name_normalized": normalize(&spec.display_name),
        "fields": {},
        "status_text": "",
        "status_emoji": "",
        "status_emoji_display_info": [],
        "status_expiration": 0,
        "status_text_canonical": "",
        "avatar_hash": hash,
        "is_custom_image": false,
        "first_name": "",
        "last_name": "",
        "pronouns": "",
        "team": team.id,
    }) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    default_photo(&mut profile, &spec.id);
    if let Some(email) = &spec.email {
        profile.insert("email".into(), Value::String(email.clone()));
    }
    if let Some(bot_id) = &spec.bot_id {
        profile.insert("bot_id".into(), Value::String(bot_id.clone()));
    }
    profile
}

/// The default avatar in `profile`: `image_*` at each size Slack gives, `avatar_hash` and
/// `is_custom_image` false (and no `image_original` or `image_1024`, which only a photo has).
pub(crate) fn default_photo(profile: &mut Map<String, Value>, id: &str) {
    let hash = avatar_hash(id);
    for size in ["24", "32", "48", "72", "192", "512"] {
        let url = format!("https://avatars.emulator.invalid/{id}/{hash}_{size}.png");
        profile.insert(format!("image_{size}"), Value::String(url));
    }
    profile.remove("image_original");
    profile.remove("image_1024");
    profile.insert("avatar_hash".into(), Value::String(hash));
    profile.insert("is_custom_image".into(), Value::Bool(false));
}

/// A profile photo a user set with `users.setPhoto`, as [`Emulator::user_photo`] gives it back.
///
/// [`Emulator::user_photo`]: crate::Emulator::user_photo
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Photo {
    /// The image's bytes, exactly as they arrived.
    pub bytes: Vec<u8>,
    /// The file name the image part gave.
    pub filename: String,
    /// The image part's `Content-Type`, if it gave one.
    pub content_type: Option<String>,
    /// The crop box asked for, as `(crop_x, crop_y, crop_w)`; the emulator keeps it, it does not
    /// crop.
    pub crop: Option<(u32, u32, u32)>,
}

/// A stable 12-hex-digit hash of the user id, standing in for Slack's avatar hash.
fn avatar_hash(id: &str) -> String {
    hash12(id.as_bytes())
}

/// A stable 12-hex-digit hash of `bytes`.
pub(crate) fn hash12(bytes: &[u8]) -> String {
    // FNV-1a: stable across runs and platforms, unlike std's RandomState.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes.iter().copied() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:012x}", hash & 0xffff_ffff_ffff)
}

/// Slack's `*_normalized` names: the name with accents folded to ASCII letters where a plain
/// counterpart exists.
pub(crate) fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => 'E',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ň' => 'N',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' => 'Y',
            'š' | 'ś' => 's',
            'Š' | 'Ś' => 'S',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ź' | 'Ż' => 'Z',
            'ł' => 'l',
            'Ł' => 'L',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_start_complete() {
        let team = Team {
            id: "T1".into(),
            name: "t".into(),
            domain: "t".into(),
        };
        let profile = initial_profile(&UserSpec::new("U1", "jo").real_name("Zoë"), &team);
        for key in [
            "real_name",
            "display_name",
            "avatar_hash",
            "real_name_normalized",
            "display_name_normalized",
            "title",
            "phone",
            "skype",
            "status_text",
            "status_emoji",
            "fields",
        ] {
            assert!(profile.contains_key(key), "{key}");
        }
        assert_eq!(profile["real_name_normalized"], "Zoe");
        assert_eq!(avatar_hash("U1").len(), 12);
    }

    #[test]
    fn bearer_needs_the_scheme() {
        assert_eq!(bearer("Bearer xoxp-1"), Some("xoxp-1"));
        assert_eq!(bearer("bearer  xoxp-1 "), Some("xoxp-1"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
    }
}
