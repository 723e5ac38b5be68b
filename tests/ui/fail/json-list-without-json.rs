use slack_methods::slack_method;

// Slack takes `files` as a JSON array of file objects; a `Vec` without `json` would go out
// comma-joined (`files=F1,F2`), which Slack refuses.
#[slack_method("files.completeUploadExternal", scope = "files:write")]
pub struct FilesCompleteUploadExternal {
    pub files: Vec<String>,
    pub channel_id: Option<String>,
}

fn main() {}
