// A `cfg` added by `cfg_attr` may leave a required parameter's only field out too.
use slack_methods::slack_method;

#[slack_method("reactions.add")]
pub struct ReactionsAdd {
    #[cfg_attr(all(), cfg(unix))]
    pub channel: String,
    pub name: String,
    pub timestamp: String,
}

fn main() {}
