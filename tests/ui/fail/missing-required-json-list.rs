use slack_methods::slack_method;

#[slack_method("files.completeUploadExternal", scope = "files:write")]
pub struct FilesCompleteUploadExternal {
    pub channel_id: Option<String>,
}

fn main() {}
