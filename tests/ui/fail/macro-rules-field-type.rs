// A field type that certainly does not fit is caught through a `macro_rules!` type fragment too.
use slack_methods::slack_method;

macro_rules! binding {
    ($locale:ty) => {
        #[slack_method("conversations.info")]
        pub struct ConversationsInfo {
            pub channel: String,
            pub include_locale: $locale,
        }
    };
}

binding!(Option<String>);

fn main() {}
