use slack_methods::slack_method;

#[slack_method("bookmarks.add", scope = "bookmarks:write")]
pub struct BookmarksAdd {
    pub channel_id: String,
    pub title: Option<String>,
    #[slack(rename = "type")]
    pub kind: String,
    pub link: Option<String>,
}

fn main() {}
