use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    pub token: String,
    pub user: String,
}

fn main() {
    // The binding is still usable: the only error is the field above.
    let request = UsersInfo { token: String::new(), user: "U1".into() };
    let _ = slack_methods::encode_params(&request);
}
