use slack_methods::slack_method;

#[slack_method("users.list")]
pub struct UsersList {
    pub limit: Option<f32>,
}

fn main() {}
