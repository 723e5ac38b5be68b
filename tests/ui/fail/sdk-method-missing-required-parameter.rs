use slack_methods::slack_method;

#[slack_method("canvases.create", scope = "canvases:write")]
pub struct CanvasesCreate {
    pub title: Option<String>,
}

fn main() {}
