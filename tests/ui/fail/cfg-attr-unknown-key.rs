// A mistake inside `cfg_attr(.., slack(..))` is reported at its key, as one written plainly.
use slack_methods::slack_method;

#[slack_method("conversations.info")]
pub struct ConversationsInfo {
    pub channel: String,
    #[cfg_attr(all(), slack(renmae = "include_locale"))]
    pub locale: Option<bool>,
}

fn main() {}
