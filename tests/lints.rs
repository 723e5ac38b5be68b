//! The code `#[slack_method]` generates passes strict lints: nothing it emits may warn in a
//! user's crate, whatever lints the user denies. Besides the groups, restriction lints a user
//! may deny that would apply to generated code located at the user's tokens: the `?` of a JSON
//! field sits at its type.

#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unused_results,
    unreachable_pub,
    rust_2018_idioms,
    clippy::all,
    clippy::pedantic,
    clippy::question_mark_used
)]
#![forbid(unsafe_code)]

use slack_methods::{
    encode_params, slack_method, FormValue, InvalidRequest, SlackTool, ToolFacts, UserId,
};

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
    destructive = true,
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
    /// The cursor `paginated` needs on a method the catalog knows without one.
    #[slack(unchecked)]
    pub cursor: Option<&'a str>,
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

/// Bindings in a module without the implicit prelude: the generated code names everything it
/// uses by its full path. Every kind of binding the macro accepts is here.
pub mod no_prelude {
    #![no_implicit_prelude]

    /// A unit struct: a method without parameters.
    #[::slack_methods::slack_method("auth.test")]
    pub struct AuthTest;

    /// Plain, renamed, JSON (plain and optional), skipped, unchecked and `cfg` fields.
    #[::slack_methods::slack_method("chat.postMessage", scope = "chat:write")]
    pub struct Post {
        /// Where.
        pub channel: ::std::string::String,
        /// What.
        pub text: ::std::option::Option<&'static str>,
        /// Blocks, as JSON.
        #[slack(json)]
        pub blocks: ::std::option::Option<::std::vec::Vec<::serde_json::Value>>,
        /// Metadata, as JSON, always sent.
        #[slack(json, unchecked)]
        pub metadata: ::serde_json::Value,
        /// Under another name.
        #[cfg_attr(all(), slack(rename = "thread_ts"))]
        pub thread: ::std::option::Option<::std::string::String>,
        /// Never sent.
        #[slack(skip)]
        pub note: bool,
        /// Not compiled in.
        #[cfg(any())]
        pub absent: bool,
    }

    /// Slack deprecated this method; the struct allows it.
    #[allow(deprecated)]
    #[::slack_methods::slack_method("users.setActive")]
    pub struct SetActive {}

    macro_rules! through_a_macro {
        ($name:ident, $user:ty) => {
            /// Declared through `macro_rules!`.
            #[::slack_methods::slack_method("users.info")]
            pub struct $name {
                /// Whose.
                pub user: $user,
            }
        };
    }
    through_a_macro!(UsersInfo, ::std::string::String);
}

#[test]
fn bindings_without_the_prelude_encode() {
    let post = no_prelude::Post {
        channel: "C1".to_owned(),
        text: Some("hi"),
        blocks: None,
        metadata: serde_json::json!({"event_type": "x"}),
        thread: Some("1.5".to_owned()),
        note: true,
    };
    assert_eq!(
        encode_params(&post).unwrap(),
        "channel=C1&text=hi&metadata=%7B%22event_type%22%3A%22x%22%7D&thread_ts=1.5"
    );
    assert!(post.note);
    assert_eq!(encode_params(&no_prelude::AuthTest).unwrap(), "");
    assert_eq!(encode_params(&no_prelude::SetActive {}).unwrap(), "");
    let info = no_prelude::UsersInfo {
        user: "U1".to_owned(),
    };
    assert_eq!(encode_params(&info).unwrap(), "user=U1");
}

#[test]
fn bindings_without_the_prelude_are_tools() {
    let names: Vec<&str> = no_prelude::Post::PARAMS.iter().map(|p| p.name).collect();
    assert_eq!(
        names,
        ["channel", "text", "blocks", "metadata", "thread_ts"]
    );
    assert_eq!(no_prelude::Post::OPERATION_ID, "chatPostMessage");
    assert_eq!(
        no_prelude::Post::DESCRIPTION,
        "Plain, renamed, JSON (plain and optional), skipped, unchecked and `cfg` fields."
    );
    let schema = ToolFacts::of::<no_prelude::UsersInfo>().input_schema();
    assert_eq!(schema["required"], serde_json::json!(["user"]));
    // A generic field type is described as anything; the others by their types.
    let everything = serde_json::Value::Object(Everything::<'_, u8>::input_schema());
    assert_eq!(
        everything["properties"]["ids"]["description"],
        "A generic list, not a parameter of the spec."
    );
    assert_eq!(
        everything["properties"]["user"]["type"],
        serde_json::json!(["string", "null"])
    );
    assert!(no_prelude::AuthTest::PARAMS.is_empty());
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
        cursor: None,
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
