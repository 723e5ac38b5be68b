use slack_methods::slack_method;

#[slack_method("reports.attach", scope = "files:write", tier = 2, verb = "POST")]
pub struct ReportsAttach {
    #[slack(file)]
    pub report: Vec<u8>,
}

fn main() {}
