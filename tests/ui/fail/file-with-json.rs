use slack_methods::{slack_method, FormFile};

#[slack_method("reports.attach", scope = "files:write", tier = 2, verb = "POST")]
pub struct ReportsAttach {
    #[slack(file, json)]
    pub report: FormFile,
}

fn main() {}
