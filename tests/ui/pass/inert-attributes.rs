// A struct whose other attributes are the compiler's own and serde's, with no `cfg`, is bound
// by the attribute itself, without the hidden derive: derives before and after it still run,
// serde's helper attributes stay for serde, `#[slack(..)]` is read and removed, and the doc
// comments make the tool's descriptions. A field attribute that comes from a `macro_rules!`
// `meta` fragment is read as well.
#![deny(warnings)]

use slack_methods::{encode_params, slack_method, ToolFacts, UserId};

/// Derives first.
#[derive(Clone, Debug, PartialEq)]
#[slack_method("users.info")]
#[must_use]
pub struct DerivesFirst {
    /// Whom to read.
    #[slack(rename = "user")]
    pub who: UserId,
    pub include_locale: Option<bool>,
}

/// Reads a bookmark's
/// settings.
#[slack_method("bookmarks.add", scope = "bookmarks:write")]
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_field_names)]
#[non_exhaustive]
#[repr(C)]
pub struct AttributeFirst<'a> {
    #[serde(borrow)]
    pub channel_id: &'a str,
    pub title: &'a str,
    /// The kind of bookmark.
    #[slack(rename = "type")]
    #[serde(rename = "type")]
    pub kind: &'a str,
    #[slack(skip)]
    #[serde(default)]
    pub note: Option<String>,
}

macro_rules! binding {
    ($name:ident { $($(#[$attr:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        #[slack_method("users.info")]
        pub struct $name {
            $($(#[$attr])* pub $field: $ty),*
        }
    };
}

binding!(ThroughFragments {
    #[slack(rename = "user")]
    #[doc = "Whom to read."]
    who: String,
    include_locale: Option<bool>,
});

fn main() {
    let fragments = ThroughFragments {
        who: "U3".to_owned(),
        include_locale: None,
    };
    assert_eq!(encode_params(&fragments).unwrap(), "user=U3");
    assert_eq!(
        ToolFacts::of::<ThroughFragments>().params[0].description,
        "Whom to read."
    );

    let first = DerivesFirst {
        who: UserId::new("U1").unwrap(),
        include_locale: Some(true),
    };
    assert_eq!(first.clone(), first);
    assert_eq!(
        encode_params(&first).unwrap(),
        "user=U1&include_locale=true"
    );
    let facts = ToolFacts::of::<DerivesFirst>();
    assert_eq!(facts.description, "Derives first.");
    assert_eq!(facts.params[0].description, "Whom to read.");

    let second: AttributeFirst =
        serde_json::from_str(r#"{"channel_id":"C1","title":"Docs","type":"link"}"#).unwrap();
    assert_eq!(second.kind, "link");
    assert_eq!(second.note, None);
    assert_eq!(
        encode_params(&second).unwrap(),
        "channel_id=C1&title=Docs&type=link"
    );
    let facts = ToolFacts::of::<AttributeFirst>();
    assert_eq!(facts.description, "Reads a bookmark's settings.");
    assert_eq!(facts.params.len(), 3);
    assert_eq!(facts.params[2].name, "type");
    assert_eq!(facts.params[2].description, "The kind of bookmark.");
}
