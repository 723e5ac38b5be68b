use slack_methods::slack_method;

#[slack_method("canvases.create", scope = "canvases:write")]
pub struct CanvasesCreate {
    pub document_content: u32,
}

fn main() {}
