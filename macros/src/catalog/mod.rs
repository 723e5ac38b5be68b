//! The method catalog: what the project knows about each Slack Web API method.
//!
//! [`METHODS`] is generated from Slack's OpenAPI spec and the rate-limit tier table by
//! `cargo xtask catalog` (see `data.rs`); this module holds its types and the look-ups
//! the attribute uses: [`lookup`], [`suggest`], [`Method::param`] and [`suggest_param`]. Its
//! [`Verb`] and [`Tier`] are the macro's one vocabulary for both, also for what a binding writes.
//!
//! Every method of the tier table is here. Those the spec describes have `in_spec: true` and
//! full facts. The others have a name and a tier only: their verb is `None`, and their `scopes`
//! and `params` are empty because they are *unknown*, not because the method has none; they
//! count as writes. Check [`Method::in_spec`] before treating a parameter as unknown or a scope
//! list as complete.

mod data;

use crate::similar::nearest;

pub(crate) use data::METHODS;

/// The HTTP verb of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    Get,
    Post,
}

/// The type of a parameter as Slack's spec gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamType {
    /// Text, including JSON text, comma-separated lists, ids and timestamps.
    String,
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// A number that may have a fraction.
    Number,
}

impl Verb {
    /// As written in `verb = ".."` and on the wire.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
        }
    }
}

/// The rate-limit tier of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tier {
    Tier1,
    Tier2,
    Tier3,
    Tier4,
    /// A limit of the method's own (e.g. `chat.postMessage`'s).
    Special,
}

impl Tier {
    /// Tier `n` (1 to 4).
    pub(crate) fn numbered(n: u8) -> Option<Tier> {
        match n {
            1 => Some(Tier::Tier1),
            2 => Some(Tier::Tier2),
            3 => Some(Tier::Tier3),
            4 => Some(Tier::Tier4),
            _ => None,
        }
    }

    /// As written in `tier = ..`: `1`..`4` or `"special"`.
    pub(crate) fn as_argument(self) -> &'static str {
        match self {
            Tier::Tier1 => "1",
            Tier::Tier2 => "2",
            Tier::Tier3 => "3",
            Tier::Tier4 => "4",
            Tier::Special => "\"special\"",
        }
    }
}

/// One parameter of a method. The `token` parameter is never listed: the token travels in the
/// `Authorization` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Param {
    /// The wire name, e.g. `channel`.
    pub(crate) name: &'static str,
    pub(crate) ty: ParamType,
    /// Whether the spec marks the parameter as required.
    pub(crate) required: bool,
}

/// One method of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Method {
    /// E.g. `users.profile.set`.
    pub(crate) name: &'static str,
    /// `None` when the method is not in the spec.
    pub(crate) verb: Option<Verb>,
    /// Any one of these is enough; empty when the method needs no scope (or, when not
    /// `in_spec`, when the scopes are unknown).
    pub(crate) scopes: &'static [&'static str],
    /// In the spec's order; empty when not `in_spec`.
    pub(crate) params: &'static [Param],
    /// Whether the method pages its results with `cursor`.
    pub(crate) paginated: bool,
    pub(crate) tier: Tier,
    /// Whether Slack has deprecated the method.
    pub(crate) deprecated: bool,
    /// Whether the method changes state: `false` for the spec's GET methods (other than the
    /// writes it lists with GET by mistake) and for `auth.test`; `true` otherwise, also for
    /// methods outside the spec (the safe side).
    pub(crate) writes: bool,
    /// Scopes the spec names in the `token` parameter's description but not in its scope list
    /// (`chat:write` for `chat.postMessage`): accepted when a binding writes one, never a default.
    pub(crate) also_accepts: &'static [&'static str],
    /// Whether Slack's spec describes the method; if not, only `name` and `tier` are known.
    pub(crate) in_spec: bool,
}

impl Method {
    /// The parameter with this wire name, if the spec lists it.
    pub(crate) fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|param| param.name == name)
    }

    /// The parameters the spec marks as required.
    pub(crate) fn required_params(&self) -> impl Iterator<Item = &'static Param> {
        self.params.iter().filter(|param| param.required)
    }

    /// Marks a method that pages with `cursor` (used by `data.rs`).
    const fn mark_paginated(mut self) -> Method {
        self.paginated = true;
        self
    }

    /// Whether a binding may name `scope`: one of the method's scopes, or one it also accepts.
    pub(crate) fn accepts_scope(&self, scope: &str) -> bool {
        self.scopes.contains(&scope) || self.also_accepts.contains(&scope)
    }

    /// Marks a deprecated method (used by `data.rs`).
    const fn mark_deprecated(mut self) -> Method {
        self.deprecated = true;
        self
    }

    /// Marks a method that only reads (used by `data.rs`).
    const fn mark_read(mut self) -> Method {
        self.writes = false;
        self
    }

    /// Adds the scopes the method also accepts (used by `data.rs`).
    const fn also_accepts(mut self, scopes: &'static [&'static str]) -> Method {
        self.also_accepts = scopes;
        self
    }
}

/// A method the spec describes (used by `data.rs`).
const fn spec(
    name: &'static str,
    verb: Verb,
    tier: Tier,
    scopes: &'static [&'static str],
    params: &'static [Param],
) -> Method {
    Method {
        name,
        verb: Some(verb),
        scopes,
        params,
        paginated: false,
        tier,
        deprecated: false,
        writes: true,
        also_accepts: &[],
        in_spec: true,
    }
}

/// A method of the tier table that the spec does not describe (used by `data.rs`).
const fn not_in_spec(name: &'static str, tier: Tier) -> Method {
    Method {
        name,
        verb: None,
        scopes: &[],
        params: &[],
        paginated: false,
        tier,
        deprecated: false,
        writes: true,
        also_accepts: &[],
        in_spec: false,
    }
}

/// An optional parameter (used by `data.rs`).
const fn opt(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        required: false,
    }
}

/// A required parameter (used by `data.rs`).
const fn req(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        required: true,
    }
}

/// The method with this exact name.
pub(crate) fn lookup(name: &str) -> Option<&'static Method> {
    METHODS
        .binary_search_by(|method| method.name.cmp(name))
        .ok()
        .and_then(|index| METHODS.get(index))
}

/// Whether some method of the spec types a parameter of this name as a boolean. The spec is not
/// consistent (`as_user` is a boolean for `chat.delete` and a string for `chat.postMessage`), so
/// a `bool` field for a string parameter of such a name is not certainly wrong.
pub(crate) fn boolean_somewhere(param: &str) -> bool {
    METHODS.iter().any(|method| {
        method
            .param(param)
            .is_some_and(|found| found.ty == ParamType::Boolean)
    })
}

/// Known method names close to `name`, best first, for a "did you mean" (at most 3; empty when
/// nothing is close). `users.profile.sett` gives `users.profile.set`.
pub(crate) fn suggest(name: &str) -> Vec<&'static str> {
    nearest(name, METHODS.iter().map(|method| method.name))
}

/// Parameter names of `method` close to `name`, best first (at most 3; empty when nothing is
/// close or the method is not in the spec). `nmae` gives `name`.
pub(crate) fn suggest_param(method: &Method, name: &str) -> Vec<&'static str> {
    nearest(name, method.params.iter().map(|param| param.name))
}

/// Scopes `method` accepts that are close to `scope`, best first (at most 3), for a "did you
/// mean" on a misspelt scope.
pub(crate) fn suggest_scope(method: &Method, scope: &str) -> Vec<&'static str> {
    nearest(
        scope,
        method.scopes.iter().chain(method.also_accepts).copied(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_sorted_and_unique() {
        for pair in METHODS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} / {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn facts_are_consistent() {
        for method in METHODS {
            assert_eq!(method.in_spec, method.verb.is_some(), "{}", method.name);
            if !method.in_spec {
                assert!(method.scopes.is_empty() && method.params.is_empty());
                assert!(method.writes && method.also_accepts.is_empty());
            }
            if method.verb == Some(Verb::Get) {
                assert!(!method.writes, "{}", method.name);
            }
            for scope in method.also_accepts {
                assert!(!method.scopes.contains(scope), "{}", method.name);
            }
            assert_eq!(
                method.paginated,
                method.param("cursor").is_some(),
                "{}",
                method.name
            );
            assert!(method.param("token").is_none(), "{}", method.name);
            assert!(!method.scopes.contains(&"none"), "{}", method.name);
        }
    }

    #[test]
    fn lookup_finds_exact_names_only() {
        let set = lookup("users.profile.set").unwrap();
        assert_eq!(set.name, "users.profile.set");
        assert_eq!(set.verb, Some(Verb::Post));
        assert_eq!(set.scopes, ["users.profile:write"]);
        assert_eq!(set.tier, Tier::Tier3);
        assert!(set.in_spec && !set.paginated && !set.deprecated);
        let names: Vec<&str> = set.params.iter().map(|param| param.name).collect();
        assert_eq!(names, ["name", "profile", "user", "value"]);
        assert!(set.params.iter().all(|param| param.ty == ParamType::String));

        assert!(lookup("users.profile.sett").is_none());
        assert!(lookup("Users.profile.set").is_none());
        assert!(lookup("").is_none());
        assert_eq!(lookup(METHODS[0].name), Some(&METHODS[0]));
        let last = &METHODS[METHODS.len() - 1];
        assert_eq!(lookup(last.name), Some(last));
    }

    #[test]
    fn lookup_knows_the_corrected_and_special_cases() {
        let list = lookup("conversations.list").unwrap();
        assert_eq!(list.verb, Some(Verb::Get));
        assert!(list.paginated);
        assert_eq!(
            list.scopes,
            ["channels:read", "groups:read", "im:read", "mpim:read"]
        );
        assert_eq!(list.param("limit").map(|p| p.ty), Some(ParamType::Integer));

        let auth = lookup("auth.test").unwrap();
        assert_eq!(auth.verb, Some(Verb::Post));
        assert!(!auth.writes);
        assert!(auth.scopes.is_empty());
        assert_eq!(auth.tier, Tier::Special);

        for name in [
            "views.open",
            "views.publish",
            "views.push",
            "views.update",
            "dialog.open",
            "auth.revoke",
            "apps.uninstall",
            "files.remote.share",
            "workflows.stepCompleted",
            "workflows.stepFailed",
            "workflows.updateStep",
            "apps.permissions.request",
            "apps.permissions.users.request",
        ] {
            let method = lookup(name).unwrap();
            assert_eq!(method.verb, Some(Verb::Post), "{name}");
            assert!(method.writes, "{name}");
        }
        assert!(!lookup("users.info").unwrap().writes);
        assert!(lookup("users.profile.set").unwrap().writes);

        assert!(lookup("users.setActive").unwrap().deprecated);

        let post = lookup("chat.postMessage").unwrap();
        assert_eq!(post.tier, Tier::Special);
        assert!(post.accepts_scope("chat:write:bot") && post.accepts_scope("chat:write"));
        assert!(!post.accepts_scope("chat:read"));
        assert_eq!(post.also_accepts, ["chat:write"]);
        assert_eq!(post.param("channel").map(|p| p.required), Some(true));
    }

    #[test]
    fn methods_missing_from_the_spec_have_name_and_tier_only() {
        let open = lookup("apps.connections.open").unwrap();
        assert!(!open.in_spec);
        assert_eq!(open.verb, None);
        assert_eq!(open.tier, Tier::Tier1);
        assert!(open.param("app_token").is_none());
    }

    #[test]
    fn suggests_near_method_names() {
        assert_eq!(suggest("users.profile.sett"), ["users.profile.set"]);
        assert_eq!(suggest("users.porfile.set"), ["users.profile.set"]);
        assert_eq!(suggest("users.profile.Set"), ["users.profile.set"]);
        assert_eq!(suggest("chat.postmessage"), ["chat.postMessage"]);
        assert_eq!(suggest("conversation.list"), ["conversations.list"]);
        assert!(suggest("nothing.like.this").is_empty());
        assert!(suggest("").is_empty());
        assert!(suggest("users.profile.set").is_empty());
        assert!(suggest("users.lst").len() <= 3);
    }

    #[test]
    fn suggests_near_parameter_names() {
        let set = lookup("users.profile.set").unwrap();
        assert_eq!(suggest_param(set, "nmae"), ["name"]);
        assert_eq!(suggest_param(set, "profil"), ["profile"]);
        assert_eq!(suggest_param(set, "users"), ["user"]);
        assert!(suggest_param(set, "channel").is_empty());
        let open = lookup("apps.connections.open").unwrap();
        assert!(suggest_param(open, "nmae").is_empty());
    }

    #[test]
    fn knows_parameter_names_the_spec_types_as_boolean() {
        assert!(boolean_somewhere("as_user"));
        assert!(boolean_somewhere("include_locale"));
        assert!(!boolean_somewhere("channel"));
        assert!(!boolean_somewhere("nothing_like_this"));
    }

    #[test]
    fn suggests_near_scopes() {
        let set = lookup("users.profile.set").unwrap();
        assert_eq!(
            suggest_scope(set, "users.profile:wirte"),
            ["users.profile:write"]
        );
        assert!(suggest_scope(set, "chat:write").is_empty());
        // Four edits for eighteen characters is past the limit of three.
        assert!(suggest_scope(set, "users.profile:read").is_empty());
        let post = lookup("chat.postMessage").unwrap();
        assert_eq!(suggest_scope(post, "chat:wrte"), ["chat:write"]);
    }
}
