//! The code `#[slack_method]` generates passes strict lints: nothing it emits may warn in a
//! user's crate, whatever lints the user denies.

#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unused_results,
    unreachable_pub,
    clippy::all,
    clippy::pedantic
)]

use slack_methods::{encode_params, slack_method, FormValue, InvalidRequest, UserId};

/// A profile field update, sent as JSON text.
#[derive(serde::Serialize)]
pub struct Update {
    /// The status text.
    pub status_text: String,
}

/// A binding with every kind of field and every argument.
#[slack_method(
    "users.profile.set",
    scope = "users.profile:write",
    scope = "users:write",
    unchecked_scope,
    tier = 3,
    response = Response,
    verb = "POST",
    writes = true,
    paginated,
    deprecated,
    validate = Everything::check
)]
pub struct Everything<'a, T: FormValue> {
    /// A plain value.
    pub name: Option<&'a str>,
    /// A renamed value.
    #[slack(rename = "user")]
    pub user_id: Option<UserId>,
    /// A generic list, not a parameter of the spec.
    #[slack(unchecked)]
    pub ids: Vec<T>,
    /// JSON, left out when `None`.
    #[slack(json)]
    pub profile: Option<Update>,
    /// JSON, always sent.
    #[slack(json, unchecked)]
    pub extra: Vec<u8>,
    /// Never sent.
    #[slack(skip)]
    pub note: bool,
    /// A raw identifier.
    #[slack(unchecked)]
    pub r#type: Option<u8>,
}

impl<T: FormValue> Everything<'_, T> {
    fn check(&self) -> Result<(), InvalidRequest> {
        if self.note && self.name.is_none() {
            return Err(InvalidRequest::new("a note needs a `name`"));
        }
        Ok(())
    }
}

/// The response.
#[derive(serde::Deserialize)]
pub struct Response {
    /// Whatever Slack says.
    pub profile: Option<serde_json::Value>,
}

/// A binding with no parameters and only defaults.
#[slack_method("api.test")]
pub struct Nothing {}

/// A method newer than the catalog, with its metadata written out.
#[slack_method("assistant.search.context", no_scope, tier = 2, verb = "GET")]
pub struct Newer {
    /// The query.
    pub query: String,
}

/// Every fact from the catalog: a required parameter, a special tier, scopes it also accepts.
#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct Post<'a> {
    /// Where.
    pub channel: &'a str,
    /// What.
    pub text: Option<&'a str>,
}

/// A method Slack has deprecated, its warning allowed around it: the warning's own item is
/// lint-clean.
#[allow(deprecated)]
mod old {
    use slack_methods::slack_method;

    /// `users.setActive`, deprecated by Slack.
    #[slack_method("users.setActive")]
    pub(crate) struct SetActive {}
}

#[test]
fn generated_code_encodes_exactly() {
    let everything = Everything {
        name: Some("status"),
        user_id: Some(UserId::new("U0123ABCD").unwrap()),
        ids: vec![1u32, 2],
        profile: Some(Update {
            status_text: "on a train".to_owned(),
        }),
        extra: vec![7],
        note: false,
        r#type: None,
    };
    assert_eq!(
        encode_params(&everything).unwrap(),
        "name=status&user=U0123ABCD&ids=1%2C2&profile=%7B%22status_text%22%3A%22on+a+train%22%7D&extra=%5B7%5D"
    );
    let invalid = Everything {
        note: true,
        name: None,
        profile: None,
        ..everything
    };
    assert!(encode_params(&invalid).is_err());
    assert_eq!(encode_params(&Nothing {}).unwrap(), "");
    assert_eq!(encode_params(&old::SetActive {}).unwrap(), "");
    assert_eq!(
        encode_params(&Newer {
            query: "q".to_owned()
        })
        .unwrap(),
        "query=q"
    );
    let post = Post {
        channel: "C1",
        text: None,
    };
    assert_eq!(encode_params(&post).unwrap(), "channel=C1");
}
