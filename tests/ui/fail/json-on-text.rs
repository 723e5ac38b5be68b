use slack_methods::slack_method;

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct Post {
    pub channel: String,
    #[slack(json)]
    pub text: String,
    #[slack(json)]
    pub blocks: Option<&'static str>,
}

fn main() {}
