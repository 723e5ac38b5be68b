use slack_methods::slack_method;

// `filename` is required: its misspelling is one mistake, reported once.
#[slack_method("files.getUploadURLExternal", scope = "files:write")]
pub struct FilesGetUploadUrlExternal {
    pub filname: String,
    pub length: u64,
}

fn main() {}
