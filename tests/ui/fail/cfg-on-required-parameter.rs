// A required parameter whose only field is behind a `cfg` would be left out when the `cfg` is off.
use slack_methods::slack_method;

#[slack_method("reactions.add")]
pub struct ReactionsAdd {
    #[cfg(unix)]
    pub channel: String,
    pub name: String,
    pub timestamp: String,
}

fn main() {}
