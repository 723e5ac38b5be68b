//! `api.test`: answered with or without a token, before any token check (Slack's page says it
//! needs none).
//!
//! It echoes its arguments (all but a `token` argument) in `args`, leaving `args` out when there
//! are none, as Slack's page shows its standard answer; with `error`, it fails with that code and
//! the same `args`. Slack's page does not say what an empty `error` does: the emulator's choice
//! is that it is no error (`ok`, with `error` echoed among the `args`). A token given is not
//! checked, and the call counts against no rate limit (the emulator's choices: Slack's page says
//! neither).

use super::{ok_body, Reply};
use serde_json::{Map, Value};

/// The name the emulator answers without a token.
pub(crate) const TEST: &str = "api.test";

/// `api.test`: `args` echoed; Slack's error `error` when one is given.
pub(crate) fn test(params: &[(String, String)]) -> Reply {
    let mut args = Map::new();
    for (key, value) in params.iter().filter(|(key, _)| key != "token") {
        args.insert(key.clone(), Value::String(value.clone()));
    }
    let error = args
        .get("error")
        .and_then(Value::as_str)
        .filter(|error| !error.is_empty())
        .map(str::to_owned);
    let mut data = Map::new();
    if !args.is_empty() {
        data.insert("args".into(), Value::Object(args));
    }
    match error {
        Some(error) => {
            let mut body = Map::new();
            body.insert("ok".into(), Value::Bool(false));
            body.insert("error".into(), Value::String(error));
            body.extend(data);
            Reply::json(200, serde_json::to_vec(&body).unwrap_or_default())
        }
        None => Reply::json(200, ok_body(&data)),
    }
}
