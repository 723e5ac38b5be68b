use slack_methods::slack_method;

#[slack_method("files.getUploadURLExternal", scope = "files:write")]
pub struct FilesGetUploadUrlExternal {
    pub filename: String,
    pub length: f64,
}

fn main() {}
