//! `api.test`: a call that reaches Slack and reads nothing, to check the connection and the
//! calling code's handling of answers and errors.

use crate::slack_method;
use serde::Deserialize;
use serde_json::{Map, Value};

/// `api.test`: checks that Slack's Web API answers, with no token needed. Slack echoes the
/// arguments given (`args`); with `error`, it fails with that error code, to try how the calling
/// code handles an error.
///
/// It reads and changes nothing, so it is a tool too: an agent may check that Slack answers.
///
/// ```
/// use slack_methods::methods::ApiTest;
/// assert_eq!(slack_methods::encode_params(&ApiTest::new().foo("bar"))?, "foo=bar");
/// assert_eq!(
///     slack_methods::encode_params(&ApiTest::failing_with("my_error"))?,
///     "error=my_error",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
///
/// Called with a client that has no token of its own, or with any other:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::ApiTest;
/// use slack_methods::CallOptions;
/// let echo = client
///     .call_with(&ApiTest::new().foo("bar"), &CallOptions::new().without_token())
///     .await?;
/// assert_eq!(echo.args["foo"], "bar");
/// # Ok(()) }
/// ```
#[slack_method("api.test", response = ApiTestResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ApiTest {
    /// An error code for Slack to fail with, such as `my_error`.
    pub error: Option<String>,
    /// Any text, which Slack echoes back in `args`.
    pub foo: Option<String>,
}

impl ApiTest {
    /// The call with no arguments: Slack answers `ok`.
    pub fn new() -> Self {
        ApiTest::default()
    }

    /// The call that Slack fails with the error code `error`.
    pub fn failing_with(error: impl Into<String>) -> Self {
        ApiTest {
            error: Some(error.into()),
            foo: None,
        }
    }

    /// Sends `foo`, which Slack echoes back in `args`.
    pub fn foo(mut self, text: impl Into<String>) -> Self {
        self.foo = Some(text.into());
        self
    }
}

crate::slack_object! {
    /// What `api.test` answers: the arguments it was given, echoed.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ApiTestResponse {
        /// The arguments, as Slack read them (empty when none were given).
        pub args: Map<String, Value>,
    }
}
