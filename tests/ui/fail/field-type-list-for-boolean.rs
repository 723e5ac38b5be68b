use slack_methods::slack_method;

// A list goes out as comma-separated text (`true,false`), which is no boolean.
#[slack_method("admin.users.session.setSettings", scope = "admin.users:write")]
pub struct AdminUsersSessionSetSettings {
    pub user_ids: Vec<String>,
    pub desktop_app_browser_quit: Option<Vec<bool>>,
}

fn main() {}
