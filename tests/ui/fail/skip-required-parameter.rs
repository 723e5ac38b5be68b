// A required parameter cannot be skipped.
use slack_methods::slack_method;

#[slack_method("reactions.add")]
pub struct ReactionsAdd {
    #[slack(skip)]
    pub channel: String,
    pub name: String,
    pub timestamp: String,
}

fn main() {}
