use slack_methods::slack_method;

// Newer than Slack's spec: the catalog knows its verb, tier and parameters from Slack's SDK,
// which names no scopes.
#[slack_method("files.completeUploadExternal")]
pub struct FilesCompleteUploadExternal {
    #[slack(json)]
    pub files: Vec<serde_json::Value>,
    pub channel_id: Option<String>,
}

fn main() {}
