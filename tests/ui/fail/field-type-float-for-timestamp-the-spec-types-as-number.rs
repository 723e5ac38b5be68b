use slack_methods::slack_method;

// Slack's 2020 spec types timestamps such as `oldest` as numbers, its SDK as strings: a float
// still does not keep their digits.
#[slack_method("conversations.history")]
pub struct History {
    pub channel: String,
    pub oldest: Option<f64>,
}

fn main() {}
