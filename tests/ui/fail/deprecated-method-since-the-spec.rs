#![deny(deprecated)]

use slack_methods::slack_method;

// Slack has deprecated `stars.add` since its 2020 spec, which does not say so; Slack's SDK warns
// about it. The binding warns (here denied) at the method name, as for a method the spec
// deprecates.
#[slack_method("stars.add")]
pub struct StarsAdd {
    pub channel: Option<String>,
    pub timestamp: Option<String>,
}

fn main() {}
