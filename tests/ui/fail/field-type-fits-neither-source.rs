use slack_methods::slack_method;

// Slack's spec types `count` as a string, its SDK as an integer: a `bool` fits neither.
#[slack_method("files.list")]
pub struct FilesList {
    pub count: Option<bool>,
}

fn main() {}
