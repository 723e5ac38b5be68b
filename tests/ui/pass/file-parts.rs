// A parameter the catalog types as a file (`users.setPhoto`'s `image`) is a `FormFile`, sent as a
// file part of a multipart form; `#[slack(file)]` makes one of a parameter the catalog does not
// know. A call without a file is still a plain form.
use slack_methods::{build_request, slack_method, BaseUrl, FormFile, RequestBody, SlackTool, Token};

#[slack_method("users.setPhoto")]
pub struct SetPhoto {
    pub image: FormFile,
    pub crop_w: Option<u32>,
}

#[slack_method("reports.attach", scope = "files:write", tier = 2, verb = "GET")]
pub struct ReportsAttach {
    pub title: String,
    #[slack(file)]
    pub report: Option<FormFile>,
}

fn body(request: &http::Request<RequestBody>) -> String {
    String::from_utf8_lossy(request.body()).into_owned()
}

fn main() {
    let token = Token::new("xoxp-1").unwrap();
    let base = BaseUrl::default();
    let photo = SetPhoto {
        image: FormFile::new("me.png", vec![0x89, b'P']).with_content_type("image/png"),
        crop_w: Some(512),
    };
    let request = build_request(&photo, &base, &token).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    let sent = body(&request);
    assert!(sent.contains("name=\"crop_w\"\r\n\r\n512\r\n"), "{sent}");
    assert!(sent.contains("name=\"image\"; filename=\"me.png\"\r\nContent-Type: image/png"), "{sent}");

    let attach = ReportsAttach {
        title: "Q3".to_owned(),
        report: Some(FormFile::new("q3.csv", &b"a,b"[..])),
    };
    let request = build_request(&attach, &base, &token).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert!(body(&request).contains("filename=\"q3.csv\"\r\nContent-Type: application/octet-stream\r\n\r\na,b\r\n"));

    let plain = ReportsAttach { title: "Q3".to_owned(), report: None };
    let request = build_request(&plain, &base, &token).unwrap();
    assert_eq!(request.method(), http::Method::GET);
    assert_eq!(request.uri(), "https://slack.com/api/reports.attach?title=Q3");

    // A file part is no tool parameter: an agent's JSON carries no file's bytes.
    let names = |params: &[slack_methods::ToolParam]| params.iter().map(|p| p.name).collect::<Vec<_>>();
    assert_eq!(names(<SetPhoto as SlackTool>::PARAMS), ["crop_w"]);
    assert_eq!(names(<ReportsAttach as SlackTool>::PARAMS), ["title"]);
    assert_eq!(names(<Shared as SlackTool>::PARAMS), ["title"]);
}

/// A tool binding with a file part: serde does not read it (it cannot: JSON carries no bytes).
#[slack_method("files.remote.update")]
#[derive(serde::Deserialize)]
pub struct Shared {
    pub title: Option<String>,
    #[slack(file)]
    #[serde(skip)]
    pub preview_image: Option<FormFile>,
}
