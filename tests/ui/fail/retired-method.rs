#![deny(deprecated)]

use slack_methods::slack_method;

// Slack has retired `channels.history` and `files.upload`: each binding warns (here denied) at
// the method name, naming what to bind instead.
#[slack_method("channels.history", scope = "channels:history")]
pub struct ChannelsHistory {
    pub channel: String,
}

#[slack_method("files.upload")]
pub struct FilesUpload {
    pub channels: Option<String>,
}

// Acknowledged, it binds as before.
#[slack_method("im.open", scope = "im:write", deprecated)]
pub struct ImOpen {
    pub user: String,
}

fn main() {}
