use slack_methods::slack_method;

#[slack_method("users.setPhoto")]
pub struct UsersSetPhoto {
    pub image: String,
    pub crop_w: Option<String>,
}

fn main() {}
