// Field types that arrive through `macro_rules!` fragments (`$ty:ty`, wrapped in an invisible
// group) are seen through: an `Option` JSON field is left out when `None`, exactly as when the
// struct is written out, and the tool schema is the same. So is a type the macro names through
// `$crate`.
#![deny(warnings)]

use slack_methods::{encode_params, slack_method, ToolFacts, UserId};

/// Text, named by the macro below through `$crate`.
pub type Text = String;

macro_rules! crate_path_binding {
    ($name:ident) => {
        #[slack_method("users.profile.set")]
        pub struct $name {
            pub user: Option<$crate::UserIdHere>,
            #[slack(json)]
            pub profile: Option<serde_json::Value>,
            pub name: Option<$crate::Text>,
            pub value: Option<$crate::Text>,
        }
    };
}

use slack_methods::UserId as UserIdHere;
crate_path_binding!(ThroughCratePath);

macro_rules! profile_binding {
    ($name:ident, $method:literal, $user:ty, $profile:ty, $text:ty) => {
        #[slack_method($method)]
        pub struct $name {
            pub user: $user,
            #[slack(json)]
            pub profile: $profile,
            pub name: $text,
            pub value: $text,
        }
    };
}

profile_binding!(
    ThroughMacro,
    "users.profile.set",
    Option<UserId>,
    Option<serde_json::Value>,
    Option<String>
);

#[slack_method("users.profile.set")]
pub struct WrittenOut {
    pub user: Option<UserId>,
    #[slack(json)]
    pub profile: Option<serde_json::Value>,
    pub name: Option<String>,
    pub value: Option<String>,
}

fn main() {
    let through = ThroughMacro {
        user: None,
        profile: None,
        name: Some("title".into()),
        value: Some("Conductor".into()),
    };
    let written = WrittenOut {
        user: None,
        profile: None,
        name: Some("title".into()),
        value: Some("Conductor".into()),
    };
    assert_eq!(encode_params(&through).unwrap(), "name=title&value=Conductor");
    assert_eq!(
        encode_params(&through).unwrap(),
        encode_params(&written).unwrap()
    );
    let schema = ToolFacts::of::<WrittenOut>().input_schema();
    assert_eq!(ToolFacts::of::<ThroughMacro>().input_schema(), schema);
    assert_eq!(ToolFacts::of::<ThroughCratePath>().input_schema(), schema);
    assert_eq!(schema["properties"]["user"]["type"], serde_json::json!(["string", "null"]));
}
