//! The MCP side: a `ServerHandler` over a tool registry, written by hand (the registry already
//! holds every tool's name, description and schema), and how a call's outcome becomes a tool
//! result.

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, CustomRequest,
    CustomResult, Implementation, ListToolsResult, PaginatedRequestParams, ServerCapabilities,
    ServerConfig, Tool, ToolAnnotations,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler};
use serde_json::{json, Map, Value};
use slack_methods::tools::{Registry, ToolError};
use slack_methods::{Client, Error, ErrorCode, ToolFacts};
use std::sync::Arc;

/// What the server tells a host about itself.
const INSTRUCTIONS: &str = "Slack Web API methods as tools: each tool is one method, named \
after it in camelCase (usersProfileSet is users.profile.set), its arguments the method's \
parameters. The server holds the Slack token: never pass one. A Slack error comes back as a \
tool error with Slack's code (and, for missing_scope, the scopes the call needs). A tool error \
with may_have_been_applied (a timeout, a lost connection, a Slack outage) may still have \
reached Slack: before calling a writing tool again, read what it would have changed, or it may \
apply twice.";

/// The server: the tools it offers and the client it calls Slack with.
pub struct Server {
    registry: Registry,
    client: Client,
    /// The tools as MCP describes them, made once.
    tools: Vec<Tool>,
    /// The bundled tools it does not offer, each with the option that leaves it out.
    hidden: Vec<(&'static str, &'static str)>,
}

impl Server {
    /// Offers every tool of `registry`, calling Slack through `client`.
    pub fn new(registry: Registry, client: Client) -> Server {
        let tools = registry.tools().map(tool).collect();
        Server {
            registry,
            client,
            tools,
            hidden: Vec::new(),
        }
    }

    /// Names the bundled tools left out by an option (tool name, option, as `--read-only`), to
    /// say so when one is called.
    pub fn hiding(mut self, hidden: Vec<(&'static str, &'static str)>) -> Server {
        self.hidden = hidden;
        self
    }

    /// How many tools it offers.
    pub fn len(&self) -> usize {
        self.tools.len()
    }

    /// Why no tool called `name` is served: an option left it out, naming the option, or no
    /// tool has the name (and the tool it probably meant, if one is near).
    fn not_served(&self, name: &str) -> String {
        let hidden_by = |tool: &str| {
            self.hidden
                .iter()
                .find(|(hidden, _)| *hidden == tool)
                .map(|(_, option)| *option)
        };
        if let Some(option) = hidden_by(name) {
            return format!("`{name}` is not served: this server was started with `{option}`");
        }
        let known: Vec<&str> = self.registry.tools().map(|t| t.operation_id).collect();
        if let Some(meant) = crate::options::meant(&known, name) {
            return format!("no tool is called `{name}` here; did you mean `{meant}`?");
        }
        let hidden: Vec<&str> = self.hidden.iter().map(|(tool, _)| *tool).collect();
        if let Some(meant) = crate::options::meant(&hidden, name) {
            if let Some(option) = hidden_by(meant) {
                return format!(
                    "no tool is called `{name}` here; `{meant}` is not served: this server was \
                     started with `{option}`"
                );
            }
        }
        format!("no tool is called `{name}` here")
    }
}

/// The error for a custom request. rmcp reads a `tools/call` whose params do not fit
/// (`arguments` not an object, no `name`, no params) as a custom request, which its dispatch
/// would answer `-32601` (method not found); it is `-32602` (invalid params), saying what is
/// wrong (an `_meta` or `task` that does not fit: only that the params do not). Any other
/// custom request is a method this server does not have, as before.
fn malformed(request: &CustomRequest) -> McpError {
    if request.method != "tools/call" {
        return McpError::new(
            rmcp::model::ErrorCode::METHOD_NOT_FOUND,
            request.method.clone(),
            None,
        );
    }
    // Said without the values sent (rmcp logs an error's message), so no argument is logged.
    let fault = match &request.params {
        None | Some(Value::Null) => "no params",
        Some(Value::Object(params)) => match (params.get("name"), params.get("arguments")) {
            (None, _) => "no `name`",
            (Some(name), _) if !name.is_string() => "`name` is not a string",
            (_, Some(arguments)) if !(arguments.is_object() || arguments.is_null()) => {
                "`arguments` is not an object"
            }
            _ => "the params do not fit it",
        },
        Some(_) => "the params are not an object",
    };
    McpError::invalid_params(
        format!(
            "`tools/call`: {fault}; its params are an object with the tool's `name` and its \
             `arguments` (an object)"
        ),
        None,
    )
}

/// One tool as MCP lists it: its name, a title (the method's name), the binding's description
/// with the method and its scopes, the input schema, and the annotations: `readOnlyHint` for a
/// method that does not write, `destructiveHint` for writes that may delete, end or overwrite
/// something (see `slack_methods::is_destructive`; MCP reads `false` as "only additive"),
/// `openWorldHint` always (Slack is outside).
pub fn tool(facts: &ToolFacts) -> Tool {
    let method = facts.method;
    let scopes = match method.scopes {
        [] => "it needs no scope".to_owned(),
        [one] => format!("it needs the scope `{one}`"),
        many => {
            let names: Vec<String> = many.iter().map(|scope| format!("`{scope}`")).collect();
            format!("it needs one of the scopes {}", names.join(", "))
        }
    };
    let description = format!(
        "{}\n\nSlack Web API method `{}`; {scopes}.",
        facts.description, method.name
    );
    let annotations = ToolAnnotations::with_title(method.name)
        .read_only(facts.read_only())
        .destructive(facts.destructive)
        .open_world(true);
    Tool::new(
        facts.operation_id,
        description,
        Arc::new(facts.input_schema()),
    )
    .with_title(method.name)
    .with_annotations(annotations)
}

/// The result of a call: the response data on success (as JSON text and as structured
/// content), else a tool error.
pub fn result(outcome: Result<Value, ToolError>) -> CallToolResult {
    match outcome {
        Ok(data) => CallToolResult::structured(data),
        Err(error) => failure(&error),
    }
}

/// A failed call as a tool error (`isError`): the error's message, and as structured content
/// the error code (Slack's, or one of `unknown_tool`, `invalid_arguments`, `invalid_request`,
/// `ratelimited`, `timeout`, `transport`, `http`, `unreadable_answer`, `response_mismatch`
/// (Slack answered `ok: true`, so the call was applied), `unencodable_arguments`,
/// `configuration` (the server's client or token), `rate_limit_store`) with what helps to fix
/// it: the argument at fault, or for `missing_scope` the scopes the call needs and the token's,
/// and `may_have_been_applied` when the call may have reached Slack
/// ([`Error::may_have_been_applied`]). The token is in none of it.
pub fn failure(error: &ToolError) -> CallToolResult {
    let mut details = Map::new();
    let code = match error {
        ToolError::UnknownTool { .. } => "unknown_tool".to_owned(),
        ToolError::Arguments { error, .. } => {
            details.insert("argument".into(), error.argument().into());
            "invalid_arguments".to_owned()
        }
        ToolError::Call(Error::Api(api)) => {
            if api.code == ErrorCode::MissingScope {
                let list = |text: &Option<String>| match text {
                    Some(text) => text.split(',').map(|s| Value::from(s.trim())).collect(),
                    None => Vec::new(),
                };
                let needed = if api.needed.is_some() {
                    list(&api.needed)
                } else {
                    api.declared_scopes
                        .iter()
                        .map(|s| Value::from(*s))
                        .collect()
                };
                details.insert("needed".into(), Value::Array(needed));
                details.insert("provided".into(), Value::Array(list(&api.provided)));
            }
            if !api.messages.is_empty() {
                details.insert("messages".into(), json!(api.messages));
            }
            api.code.as_str().to_owned()
        }
        ToolError::Call(limited @ Error::RateLimited { .. }) => {
            // Rounded up, as the message gives it.
            if let Some(seconds) = limited.retry_after_seconds() {
                details.insert("retry_after_seconds".into(), seconds.into());
            }
            "ratelimited".to_owned()
        }
        ToolError::Call(Error::InvalidRequest { .. }) => "invalid_request".to_owned(),
        ToolError::Call(Error::Timeout { .. }) => "timeout".to_owned(),
        ToolError::Call(Error::Transport { .. }) => "transport".to_owned(),
        ToolError::Call(Error::Http { status, .. }) => {
            details.insert("status".into(), (*status).into());
            "http".to_owned()
        }
        // Slack answered `ok: true`: the call was applied, though its answer cannot be shown.
        ToolError::Call(Error::ResponseMismatch { .. }) => "response_mismatch".to_owned(),
        ToolError::Call(Error::Decode { .. }) => "unreadable_answer".to_owned(),
        ToolError::Call(Error::Encode { .. }) => "unencodable_arguments".to_owned(),
        ToolError::Call(Error::MissingToken { .. } | Error::Config(_)) => {
            "configuration".to_owned()
        }
        ToolError::Call(Error::RateLimitStore { .. }) => "rate_limit_store".to_owned(),
        // A kind of error newer than this server.
        _ => "failed".to_owned(),
    };
    if let ToolError::Call(call) = error {
        if call.may_have_been_applied() {
            details.insert("may_have_been_applied".into(), true.into());
        }
    }
    let message = error.to_string();
    details.insert("error".into(), code.into());
    details.insert("message".into(), message.clone().into());
    let mut result = CallToolResult::error(vec![ContentBlock::text(message)]);
    result.structured_content = Some(Value::Object(details));
    result
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
                    .with_title("Slack Web API methods"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        // Every tool is on the one page, which gives no cursor: any cursor is one this server
        // never gave, which MCP asks to refuse as invalid params.
        if request.is_some_and(|request| request.cursor.is_some()) {
            return Err(McpError::invalid_params(
                "no such cursor: this server lists every tool on one page, so `tools/list` takes \
                 no cursor",
                None,
            ));
        }
        Ok(ListToolsResult::with_all_items(self.tools.clone()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.tools.iter().find(|tool| tool.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        let name = request.name.as_ref();
        if self.registry.get(name).is_none() {
            // Not a tool of this server: a protocol error, as MCP asks for an unknown tool.
            return Err(McpError::invalid_params(self.not_served(name), None));
        }
        let args = request.arguments.map_or(Value::Null, Value::Object);
        let outcome = self.registry.call(&self.client, name, args).await;
        Ok(result(outcome).into())
    }

    async fn on_custom_request(
        &self,
        request: CustomRequest,
        _context: RequestContext<RoleServer>,
    ) -> Result<CustomResult, McpError> {
        Err(malformed(&request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slack_methods::ArgumentError;
    use std::time::Duration;

    #[test]
    fn tools_carry_their_method_and_annotations() {
        let registry = Registry::bundled();
        let set = tool(registry.get("usersProfileSet").unwrap());
        assert_eq!(set.name, "usersProfileSet");
        assert_eq!(set.title.as_deref(), Some("users.profile.set"));
        let description = set.description.as_deref().unwrap();
        assert!(description.starts_with("`users.profile.set`: changes a user's profile"));
        assert!(description.ends_with(
            "Slack Web API method `users.profile.set`; it needs the scope `users.profile:write`."
        ));
        let annotations = set.annotations.unwrap();
        assert_eq!(annotations.read_only_hint, Some(false));
        assert_eq!(annotations.destructive_hint, Some(true));
        let get = tool(registry.get("usersProfileGet").unwrap());
        assert_eq!(get.annotations.unwrap().read_only_hint, Some(true));
        assert_eq!(get.input_schema["additionalProperties"], false);
    }

    #[test]
    fn a_wait_in_part_seconds_is_rounded_up_as_the_message_says() {
        let refused = |retry_after| {
            failure(&ToolError::Call(Error::RateLimited {
                method: "users.list",
                retry_after,
                status: None,
            }))
            .structured_content
            .unwrap()
        };
        let details = refused(Some(Duration::from_millis(63_200)));
        assert_eq!(details["retry_after_seconds"], 64);
        assert!(
            details["message"]
                .as_str()
                .unwrap()
                .ends_with("retry after 64s"),
            "{details}"
        );
        assert_eq!(
            refused(Some(Duration::from_secs(30)))["retry_after_seconds"],
            30
        );
        assert_eq!(
            refused(Some(Duration::new(u64::MAX, 1)))["retry_after_seconds"],
            u64::MAX
        );
        assert!(refused(None).get("retry_after_seconds").is_none());
    }

    #[test]
    fn a_call_that_may_have_reached_slack_says_so() {
        let details = |error| failure(&ToolError::Call(error)).structured_content.unwrap();
        let timeout = details(Error::Timeout {
            method: "chat.postMessage",
            after: Duration::from_secs(20),
        });
        assert_eq!(timeout["error"], "timeout");
        assert_eq!(timeout["may_have_been_applied"], true, "{timeout}");
        let refused = details(Error::RateLimited {
            method: "chat.postMessage",
            retry_after: None,
            status: Some(429),
        });
        assert!(refused.get("may_have_been_applied").is_none(), "{refused}");
        assert!(INSTRUCTIONS.contains("may_have_been_applied"));
    }

    #[test]
    fn errors_of_the_client_have_codes_of_their_own() {
        let details = |error| failure(&ToolError::Call(error)).structured_content.unwrap();
        let json_error = || serde_json::from_str::<u8>("x").unwrap_err();
        // Applied at Slack, answer unreadable to the binding: not something to call again.
        let mismatch = details(Error::ResponseMismatch {
            method: "chat.postMessage",
            status: 200,
            type_name: "ChatPostMessageResponse",
            excerpt: "{\"ok\":true".into(),
            source: json_error(),
        });
        assert_eq!(mismatch["error"], "response_mismatch");
        assert_eq!(mismatch["may_have_been_applied"], true, "{mismatch}");
        let unreadable = details(Error::Decode {
            method: "chat.postMessage",
            status: 200,
            reason: "not JSON".into(),
            excerpt: "<html>".into(),
            source: Some(json_error()),
        });
        assert_eq!(unreadable["error"], "unreadable_answer");
        assert_eq!(unreadable["may_have_been_applied"], true, "{unreadable}");
        let setting = details(Error::Config(slack_methods::ConfigError::Setting {
            setting: "timeout",
            problem: "is zero",
        }));
        assert_eq!(setting["error"], "configuration");
        assert!(setting.get("may_have_been_applied").is_none(), "{setting}");
    }

    #[test]
    fn argument_errors_name_the_argument() {
        let error = ToolError::Arguments {
            tool: "usersProfileSet",
            error: ArgumentError::new(
                "profile.title",
                "expected a string or null, found an integer",
            ),
        };
        let result = failure(&error);
        assert_eq!(result.is_error, Some(true));
        let details = result.structured_content.unwrap();
        assert_eq!(details["error"], "invalid_arguments");
        assert_eq!(details["argument"], "profile.title");
        assert_eq!(
            details["message"],
            "usersProfileSet: argument `profile.title`: expected a string or null, found an integer; nothing was sent"
        );
    }
}
