//! The command line.

use slack_methods::tools::Registry;
use slack_methods::ToolFacts;

/// `--help`.
pub const USAGE: &str = "\
slack-methods-mcp: Slack Web API methods as MCP tools, over stdio

USAGE:
    SLACK_TOKEN=xoxb-... slack-methods-mcp [OPTIONS]
    slack-methods-mcp --emulator [OPTIONS]

OPTIONS:
    --read-only          offer only the tools that do not write
    --tools a,b,c        offer only these tools (by tool name, e.g. usersProfileGet)
    --emulator[=user|bot]
                         call a built-in Slack emulator (the demo workspace) instead of Slack,
                         with the demo user's token (default) or the demo bot's
    -h, --help           print this
    -V, --version        print the version

The token comes from SLACK_TOKEN only; it is never a tool argument and never shown.
Warnings and errors go to stderr; RUST_LOG changes what is logged (e.g. RUST_LOG=debug).";

/// Which demo token the emulator is called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmulatorToken {
    User,
    Bot,
}

/// What the command line asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `--read-only`.
    pub read_only: bool,
    /// `--tools`: the allow-list.
    pub tools: Option<Vec<String>>,
    /// `--emulator`.
    pub emulator: Option<EmulatorToken>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Run(Options),
    Help,
    Version,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            "--read-only" if inline.is_none() => options.read_only = true,
            "--tools" => {
                let list = match inline {
                    Some(list) => list,
                    None => args
                        .next()
                        .ok_or("`--tools` takes a list of tool names, e.g. `--tools usersProfileGet,authTest`")?,
                };
                let names: Vec<String> = list
                    .split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect();
                if names.is_empty() {
                    return Err("`--tools` names no tool".to_owned());
                }
                options.tools.get_or_insert_with(Vec::new).extend(names);
            }
            "--emulator" => {
                options.emulator = Some(match inline.as_deref() {
                    None | Some("user") => EmulatorToken::User,
                    Some("bot") => EmulatorToken::Bot,
                    Some(other) => {
                        return Err(format!(
                            "`--emulator={other}`: the emulator's tokens are `user` and `bot`"
                        ))
                    }
                });
            }
            _ => return Err(format!("unknown option `{arg}`; see --help")),
        }
    }
    Ok(Parsed::Run(options))
}

impl Options {
    /// Leaves in `registry` the tools the options allow. A name in `--tools` that is no tool is
    /// an error, as is a selection that leaves none. Returns the tools `--tools` names that
    /// `--read-only` leaves out (they write), for the operator to be told.
    pub fn select(&self, registry: &mut Registry) -> Result<Vec<&'static str>, String> {
        if let Some(names) = &self.tools {
            let unknown: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|name| registry.get(name).is_none())
                .collect();
            if !unknown.is_empty() {
                let known: Vec<&str> = registry.tools().map(|tool| tool.operation_id).collect();
                let meant: Vec<&str> = unknown
                    .iter()
                    .filter_map(|name| meant(&known, name))
                    .collect();
                let hint = match meant.as_slice() {
                    [] => String::new(),
                    _ => format!(" (did you mean {}?)", quoted(&meant)),
                };
                return Err(format!(
                    "`--tools`: no tool is called {}{hint}; the tools are {}",
                    quoted(&unknown),
                    known.join(", ")
                ));
            }
        }
        let named_but_writing = match &self.tools {
            Some(_) => registry
                .tools()
                .filter(|tool| self.hides(tool) == Some("--read-only"))
                .map(|tool| tool.operation_id)
                .collect(),
            None => Vec::new(),
        };
        registry.retain(|tool| self.hides(tool).is_none());
        if registry.is_empty() {
            return Err(match named_but_writing.as_slice() {
                [] => "the options leave no tool to offer".to_owned(),
                [one] => format!(
                    "`--read-only` leaves out {one}, the one tool `--tools` names: it can write; \
                     name a tool that only reads, or drop `--read-only`"
                ),
                many => format!(
                    "`--read-only` leaves out every tool `--tools` names ({}): they can write; \
                     name a tool that only reads, or drop `--read-only`",
                    many.join(", ")
                ),
            });
        }
        Ok(named_but_writing)
    }
}

impl Options {
    /// The option that leaves `tool` out, if one does: `--tools` when its list does not name
    /// the tool, else `--read-only` when the tool writes.
    pub fn hides(&self, tool: &ToolFacts) -> Option<&'static str> {
        let listed = |names: &Vec<String>| names.iter().any(|name| name == tool.operation_id);
        if self.tools.as_ref().is_some_and(|names| !listed(names)) {
            Some("--tools")
        } else if self.read_only && !tool.read_only() {
            Some("--read-only")
        } else {
            None
        }
    }
}

/// The tool a name not found probably meant: the same letters in another case, or a Slack
/// method name (`chat.postMessage`) written for its tool name (`chatPostMessage`).
pub(crate) fn meant<'a>(known: &[&'a str], name: &str) -> Option<&'a str> {
    let camel = slack_methods::operation_id(name);
    known
        .iter()
        .copied()
        .find(|tool| tool.eq_ignore_ascii_case(name) || tool.eq_ignore_ascii_case(&camel))
}

fn quoted(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|arg| (*arg).to_owned()))? {
            Parsed::Run(options) => Ok(options),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn options_are_read() {
        assert_eq!(run(&[]).unwrap(), Options::default());
        let options = run(&[
            "--read-only",
            "--tools",
            "authTest, usersProfileGet",
            "--emulator=bot",
        ])
        .unwrap();
        assert!(options.read_only);
        assert_eq!(
            options.tools,
            Some(vec!["authTest".to_owned(), "usersProfileGet".to_owned()])
        );
        assert_eq!(options.emulator, Some(EmulatorToken::Bot));
        assert_eq!(
            run(&["--tools=authTest"]).unwrap().tools,
            Some(vec!["authTest".to_owned()])
        );
        assert!(run(&["--tools"]).is_err());
        assert!(run(&["--emulator=admin"]).is_err());
        assert!(run(&["--token", "xoxb-1"])
            .unwrap_err()
            .contains("unknown option `--token`"));
        assert_eq!(parse(["--help".to_owned()]).unwrap(), Parsed::Help);
    }

    #[test]
    fn the_selection_narrows_the_tools() {
        let mut registry = Registry::bundled();
        run(&["--read-only"])
            .unwrap()
            .select(&mut registry)
            .unwrap();
        assert!(registry.tools().all(|tool| tool.read_only()));
        assert!(registry.get("usersProfileSet").is_none());

        let mut registry = Registry::bundled();
        let both = run(&["--tools", "usersProfileSet,authTest", "--read-only"]).unwrap();
        assert_eq!(both.select(&mut registry).unwrap(), ["usersProfileSet"]);
        let names: Vec<&str> = registry.tools().map(|tool| tool.operation_id).collect();
        assert_eq!(names, ["authTest"]);

        let mut registry = Registry::bundled();
        let error = run(&["--tools", "usersProfileSet,chat.postMessage"])
            .unwrap()
            .select(&mut registry)
            .unwrap_err();
        assert!(
            error.starts_with(
                "`--tools`: no tool is called `chat.postMessage` (did you mean `chatPostMessage`?); the tools are"
            ),
            "{error}"
        );
        let mut registry = Registry::bundled();
        let error = run(&["--tools", "usersprofileget,noSuchTool"])
            .unwrap()
            .select(&mut registry)
            .unwrap_err();
        assert!(
            error.starts_with(
                "`--tools`: no tool is called `usersprofileget`, `noSuchTool` (did you mean `usersProfileGet`?); the tools are"
            ),
            "{error}"
        );
        let bundled = Registry::bundled();
        let set = bundled.get("usersProfileSet").unwrap();
        let get = bundled.get("usersProfileGet").unwrap();
        assert_eq!(both.hides(set), Some("--read-only"));
        assert_eq!(both.hides(get), Some("--tools"));
        assert_eq!(run(&[]).unwrap().hides(set), None);

        let mut registry = Registry::bundled();
        let none = run(&["--tools", "usersProfileSet", "--read-only"]).unwrap();
        assert_eq!(
            none.select(&mut registry).unwrap_err(),
            "`--read-only` leaves out usersProfileSet, the one tool `--tools` names: it can \
             write; name a tool that only reads, or drop `--read-only`"
        );
        let mut registry = Registry::bundled();
        let none = run(&["--read-only", "--tools", "dndSetSnooze,dndEndDnd"]).unwrap();
        assert_eq!(
            none.select(&mut registry).unwrap_err(),
            "`--read-only` leaves out every tool `--tools` names (dndEndDnd, dndSetSnooze): \
             they can write; name a tool that only reads, or drop `--read-only`"
        );
    }
}
