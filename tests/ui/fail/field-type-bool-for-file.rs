use slack_methods::slack_method;

#[slack_method("users.setPhoto")]
pub struct UsersSetPhoto {
    pub image: bool,
}

fn main() {}
