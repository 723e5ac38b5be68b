use slack_methods::slack_method;

#[slack_method("reminders.complete", destructive = "yes")]
pub struct RemindersComplete {
    pub reminder: String,
}

fn main() {}
