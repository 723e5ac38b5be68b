//! The `team.*` family: `team.info`.

use crate::types::Team;
use crate::{slack_method, InvalidRequest, TeamId};
use serde::Deserialize;

/// `team.info`: reads the workspace (its name, domain, icon), the token's own unless `team` or
/// `domain` names another one it can see.
///
/// ```
/// use slack_methods::methods::TeamInfo;
/// assert_eq!(slack_methods::encode_params(&TeamInfo::new())?, "");
/// assert_eq!(slack_methods::encode_params(&TeamInfo::domain("acme"))?, "domain=acme");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("team.info", response = TeamInfoResponse, validate = TeamInfo::check)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamInfo {
    /// The workspace to read, by id (the token's own when absent).
    pub team: Option<TeamId>,
    /// The workspace to read, by domain (`acme` for `acme.slack.com`), instead of `team`.
    pub domain: Option<String>,
}

impl TeamInfo {
    /// The token's own workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// The workspace `team`.
    pub fn of(team: TeamId) -> Self {
        TeamInfo {
            team: Some(team),
            domain: None,
        }
    }

    /// The workspace whose domain is `domain`.
    pub fn domain(domain: impl Into<String>) -> Self {
        TeamInfo {
            team: None,
            domain: Some(domain.into()),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.team.is_some() && self.domain.is_some() {
            return Err(InvalidRequest::new(
                "give `team` or `domain`, not both: Slack reads `domain` only when `team` is absent",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `team.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamInfoResponse {
        required {
            /// The workspace.
            pub team: Team,
        }
    }
}
