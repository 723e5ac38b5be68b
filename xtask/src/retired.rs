//! Rule 10: the methods Slack has retired since its 2020 spec, with what replaces each, as
//! Slack's changelog announced them. No source marks them: the spec predates the retirements,
//! and the SDK still lists the methods (it warns at run time instead). A retired method is
//! deprecated in the catalog, with its replacement, so that a binding of it warns at the method
//! name and says what to bind instead.
//!
//! Slack's Python SDK (the commit of its method table, `ae87985e`) warns at run time about the
//! methods Slack has deprecated since the spec, in `slack_sdk/web/deprecation.py`:
//! [`deprecated_by_the_sdk`] holds its list. Most are retirements above; `stars.*` and
//! `admin.conversations.whitelist.*` are deprecated with no replacement named, so they are
//! deprecated in the catalog without one.

/// What replaces a retired method.
#[derive(Clone, Copy, Debug)]
enum Replacement {
    /// The `conversations.*` method of the same last name where the catalog has one
    /// (`channels.history`: `conversations.history`), else the family as a whole.
    Conversations,
    /// These methods, as the warning names them.
    Named(&'static str),
}

/// Methods Slack retired: by name, or by family (a name ending with `.`).
#[derive(Clone, Copy, Debug)]
struct Retirement {
    methods: &'static str,
    replacement: Replacement,
}

/// The retirements, with when and where Slack announced each.
const RETIRED: &[Retirement] = &[
    // 2021-02-24, every method of the four families: "We retired every Web API method in the
    // channels.*, im.*, mpim.*, and groups.* namespaces" (api.slack.com/changelog/
    // 2021-02-24-how-we-broke-your-slack-app); they answer `method_deprecated`.
    Retirement {
        methods: "channels.",
        replacement: Replacement::Conversations,
    },
    Retirement {
        methods: "groups.",
        replacement: Replacement::Conversations,
    },
    Retirement {
        methods: "im.",
        replacement: Replacement::Conversations,
    },
    Retirement {
        methods: "mpim.",
        replacement: Replacement::Conversations,
    },
    // 2025-11-12 (first announced for 2025-03-11): files.upload sunset, replaced by the upload
    // in sequence (api.slack.com/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay,
    // and the later date in docs.slack.dev/changelog's breaking changes).
    Retirement {
        methods: "files.upload",
        replacement: Replacement::Named(
            "`files.getUploadURLExternal` and `files.completeUploadExternal`",
        ),
    },
    // September 2024: Steps from Apps retired (api.slack.com/legacy/workflows/steps/migration);
    // custom steps for workflows replace them.
    Retirement {
        methods: "workflows.stepCompleted",
        replacement: Replacement::Named("`functions.completeSuccess`"),
    },
    Retirement {
        methods: "workflows.stepFailed",
        replacement: Replacement::Named("`functions.completeError`"),
    },
    Retirement {
        methods: "workflows.updateStep",
        replacement: Replacement::Named("a custom step's `functions.*` methods"),
    },
];

/// The methods Slack's Python SDK warns are deprecated, by name or by family (a name ending
/// with `.`), as its `slack_sdk/web/deprecation.py` lists them, with the changelog it cites:
const DEPRECATED_BY_THE_SDK: &[&str] = &[
    // 2020-01 (docs.slack.dev/changelog/2020-01-deprecating-antecedents-to-the-conversations-api);
    // the four families are retired above too
    "channels.",
    "groups.",
    "im.",
    "mpim.",
    "admin.conversations.whitelist.",
    // 2023-07 (docs.slack.dev/changelog/2023-07-its-later-already-for-stars-and-reminders)
    "stars.",
    // 2024-09 (docs.slack.dev/changelog/2023-08-workflow-steps-from-apps-step-back), retired
    // above too
    "workflows.stepCompleted",
    "workflows.updateStep",
    "workflows.stepFailed",
];

/// Whether Slack's Python SDK warns that `name` is deprecated (merge rule 9).
pub fn deprecated_by_the_sdk(name: &str) -> bool {
    DEPRECATED_BY_THE_SDK
        .iter()
        .any(|listed| match listed.strip_suffix('.') {
            Some(_) => name.starts_with(listed),
            None => name == *listed,
        })
}

/// What replaces `name`, as the warning names it, when Slack has retired the method; `known`
/// says whether the catalog has a method of that name.
pub fn replacement(name: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let retirement = RETIRED.iter().find(|r| match r.methods.strip_suffix('.') {
        Some(_) => name.starts_with(r.methods),
        None => name == r.methods,
    })?;
    Some(match retirement.replacement {
        Replacement::Named(text) => text.to_owned(),
        Replacement::Conversations => {
            let last = name.rsplit('.').next().unwrap_or(name);
            let successor = format!("conversations.{last}");
            if known(&successor) {
                format!("`{successor}`")
            } else {
                "a `conversations.*` method".to_owned()
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retired_methods_name_their_replacement() {
        let known = |name: &str| ["conversations.history", "conversations.open"].contains(&name);
        assert_eq!(
            replacement("channels.history", known).as_deref(),
            Some("`conversations.history`")
        );
        assert_eq!(
            replacement("im.open", known).as_deref(),
            Some("`conversations.open`")
        );
        assert_eq!(
            replacement("groups.createChild", known).as_deref(),
            Some("a `conversations.*` method")
        );
        assert!(replacement("files.upload", known)
            .is_some_and(|text| text.contains("files.completeUploadExternal")));
        // A family is matched by its prefix with the dot, a method by its whole name.
        assert_eq!(replacement("channelsx.list", known), None);
        assert_eq!(replacement("files.uploadV2", known), None);
        assert_eq!(replacement("conversations.history", known), None);
        assert_eq!(
            replacement("workflows.triggers.permissions.add", known),
            None
        );
    }

    #[test]
    fn the_sdks_deprecations_are_known_by_family_and_by_name() {
        for name in [
            "stars.add",
            "stars.list",
            "admin.conversations.whitelist.add",
            "channels.history",
            "workflows.updateStep",
        ] {
            assert!(deprecated_by_the_sdk(name), "{name}");
        }
        for name in [
            "starsx.add",
            "reminders.add",
            "admin.conversations.restrictAccess.addGroup",
            "admin.conversations.whitelistx",
            "workflows.updateStepX",
            "conversations.history",
        ] {
            assert!(!deprecated_by_the_sdk(name), "{name}");
        }
    }
}
