//! The spelling rules of the strings a binding writes: Slack method names, OAuth scopes and
//! parameter (wire) names. Each check says which rule broke and, where the fix is obvious,
//! offers the corrected spelling.

/// Why a string breaks its rule, and the corrected spelling when there is an obvious one.
#[derive(Debug, PartialEq, Eq)]
pub struct Broken {
    pub rule: String,
    pub fix: Option<String>,
}

impl Broken {
    fn new(rule: impl Into<String>, fix: Option<String>) -> Self {
        Broken {
            rule: rule.into(),
            fix,
        }
    }

    /// `"{what}: {rule}"`, followed by `; did you mean `{fix}`?` when there is a fix.
    pub fn message(&self, what: &str) -> String {
        match &self.fix {
            Some(fix) => format!("{what}: {}; did you mean `{fix}`?", self.rule),
            None => format!("{what}: {}", self.rule),
        }
    }
}

/// Checks a Slack method name: two or more segments separated by `.`, each an ASCII lowercase
/// letter followed by ASCII letters and digits (`users.lookupByEmail`, `oauth.v2.access`).
pub fn check_method_name(name: &str) -> Result<(), Broken> {
    if is_method_name(name) {
        return Ok(());
    }
    let fix = Some(fix_method_name(name)).filter(|fixed| is_method_name(fixed) && fixed != name);
    let rule = if name.trim().is_empty() {
        "the name is empty; write the Slack method, e.g. `users.info`".to_owned()
    } else if name.chars().any(char::is_whitespace) {
        "a method name contains no whitespace".to_owned()
    } else if let Some(sep) = name
        .chars()
        .find(|c| matches!(c, '/' | ':' | ',' | '_' | '-'))
    {
        match sep {
            '/' | ':' | ',' => format!("segments are separated by `.`, not `{sep}`"),
            _ => format!("`{sep}` is not allowed; segments are camelCase letters and digits"),
        }
    } else if name.starts_with('.') {
        "a method name does not start with a dot".to_owned()
    } else if name.ends_with('.') {
        "a method name does not end with a dot".to_owned()
    } else if name.contains("..") {
        "two dots in a row leave an empty segment".to_owned()
    } else if !name.contains('.') {
        "a method name has at least two segments separated by `.`, e.g. `users.info`".to_owned()
    } else if let Some(segment) = name
        .split('.')
        .find(|s| !s.starts_with(|c: char| c.is_ascii_lowercase()))
    {
        format!("segment `{segment}` must start with a lowercase ASCII letter")
    } else {
        "segments contain only ASCII letters and digits".to_owned()
    };
    Err(Broken::new(rule, fix))
}

fn is_method_name(name: &str) -> bool {
    let mut segments = 0;
    for segment in name.split('.') {
        let mut chars = segment.chars();
        let starts_lower = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        if !starts_lower || !chars.all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// The likely intended method name: whitespace removed, `/` `:` `,` turned into dots, empty
/// segments dropped, `_x`/`-x` turned into camelCase, each segment's first letter lowercased.
fn fix_method_name(name: &str) -> String {
    let unified: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '/' | ':' | ',') { '.' } else { c })
        .collect();
    let segments: Vec<String> = unified
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|segment| {
            let mut out = String::new();
            let mut upper_next = false;
            for c in segment.chars() {
                if matches!(c, '_' | '-') {
                    upper_next = !out.is_empty();
                } else if upper_next {
                    out.push(c.to_ascii_uppercase());
                    upper_next = false;
                } else if out.is_empty() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect();
    segments.join(".")
}

/// Checks an OAuth scope: non-empty; lowercase ASCII letters, digits and `.` `_` `-` `:` only.
/// One scope per string: a list is written as several `scope = ".."` arguments. (`none` and an
/// empty scope are the caller's to explain: how to say "no scope" depends on the method.)
pub fn check_scope(scope: &str) -> Result<(), Broken> {
    if is_scope(scope) && scope != "none" {
        return Ok(());
    }
    if scope == "none" || scope.trim().is_empty() {
        return Err(Broken::new("a scope names a permission", None));
    }
    let parts: Vec<&str> = scope
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() > 1 {
        let fix = parts
            .iter()
            .map(|part| format!("scope = \"{part}\""))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Broken::new(
            "write one scope per `scope = \"..\"`; several mean any one of them",
            Some(fix),
        ));
    }
    let trimmed = scope.trim().to_ascii_lowercase();
    let fix = Some(trimmed).filter(|fixed| is_scope(fixed));
    let rule = if scope.chars().any(|c| c.is_ascii_uppercase()) {
        "a scope is written in lowercase"
    } else if scope.chars().any(char::is_whitespace) {
        "a scope contains no whitespace"
    } else {
        "a scope has only lowercase ASCII letters, digits and `.` `_` `-` `:`"
    };
    Err(Broken::new(rule, fix))
}

fn is_scope(scope: &str) -> bool {
    !scope.is_empty()
        && scope
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".:_-".contains(c))
}

/// Checks a parameter's wire name: non-empty; lowercase ASCII letters, digits and `_` only.
pub fn check_wire_name(name: &str) -> Result<(), Broken> {
    if is_wire_name(name) {
        return Ok(());
    }
    if name.trim().is_empty() {
        return Err(Broken::new("the name is empty", None));
    }
    // The raw identifier of a field named after a keyword (`r#type`) is sent without `r#`.
    if let Some(bare) = name.strip_prefix("r#") {
        let fix = Some(snake_case(bare)).filter(|fixed| is_wire_name(fixed));
        return Err(Broken::new("a parameter name is written without `r#`", fix));
    }
    let fix = Some(snake_case(name)).filter(|fixed| is_wire_name(fixed));
    Err(Broken::new(
        "a parameter name has only lowercase ASCII letters, digits and `_`",
        fix,
    ))
}

fn is_wire_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `userId` -> `user_id`, `user-id` -> `user_id`, ` User ` -> `user`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c.is_whitespace() {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix_of(result: Result<(), Broken>) -> Option<String> {
        result.err().and_then(|broken| broken.fix)
    }

    #[test]
    fn valid_method_names() {
        for name in [
            "users.info",
            "users.profile.set",
            "users.lookupByEmail",
            "oauth.v2.access",
            "admin.conversations.ekm.listOriginalConnectedChannelInfo",
        ] {
            assert_eq!(check_method_name(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn malformed_method_names_get_fixes() {
        let cases = [
            ("users/profile/set", "users.profile.set"),
            ("users.profile.", "users.profile"),
            (".users.info", "users.info"),
            ("users..info", "users.info"),
            ("Users.info", "users.info"),
            ("users.Info", "users.info"),
            (" users.info", "users.info"),
            ("users. info", "users.info"),
            ("users.lookup_by_email", "users.lookupByEmail"),
            ("users:info", "users.info"),
        ];
        for (bad, fixed) in cases {
            assert_eq!(
                fix_of(check_method_name(bad)).as_deref(),
                Some(fixed),
                "{bad}"
            );
        }
    }

    #[test]
    fn malformed_method_names_without_obvious_fix() {
        for bad in ["", "users", "2fa.check", "users.in fo!", "users.é"] {
            let broken = check_method_name(bad).unwrap_err();
            assert_eq!(broken.fix, None, "{bad}");
        }
        assert!(check_method_name("users")
            .unwrap_err()
            .rule
            .contains("at least two segments"));
        assert!(check_method_name("users.1info")
            .unwrap_err()
            .rule
            .contains("segment `1info`"));
    }

    #[test]
    fn scopes() {
        for scope in [
            "users.profile:write",
            "chat:write",
            "identity.basic",
            "admin",
            "bot",
            "team.billing:read",
            "chat:write.customize",
            "users:read.email",
        ] {
            assert_eq!(check_scope(scope), Ok(()), "{scope}");
        }
        assert!(check_scope("none").is_err());
        assert_eq!(check_scope("").unwrap_err().fix, None);
        assert_eq!(
            fix_of(check_scope("Chat:Write")).as_deref(),
            Some("chat:write")
        );
        assert_eq!(
            fix_of(check_scope("chat:write,users:read")).as_deref(),
            Some("scope = \"chat:write\", scope = \"users:read\"")
        );
        assert_eq!(fix_of(check_scope("chat!write")), None);
    }

    #[test]
    fn wire_names() {
        for name in ["user", "include_locale", "limit2"] {
            assert_eq!(check_wire_name(name), Ok(()), "{name}");
        }
        assert_eq!(
            fix_of(check_wire_name("userId")).as_deref(),
            Some("user_id")
        );
        assert_eq!(
            fix_of(check_wire_name("user-id")).as_deref(),
            Some("user_id")
        );
        assert_eq!(fix_of(check_wire_name("User")).as_deref(), Some("user"));
        assert_eq!(check_wire_name("").unwrap_err().fix, None);
        assert_eq!(fix_of(check_wire_name("a.b")), None);
        assert_eq!(fix_of(check_wire_name("r#type")).as_deref(), Some("type"));
    }
}
