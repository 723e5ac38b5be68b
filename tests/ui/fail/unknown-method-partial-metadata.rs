use slack_methods::slack_method;

// Not in the catalog and nothing like a known method: a method newer than the catalog needs its
// tier and verb as well as its scope.
#[slack_method("widgets.frobnicate", scope = "widgets:write")]
pub struct WidgetsFrobnicate {
    pub widget: String,
}

fn main() {}
