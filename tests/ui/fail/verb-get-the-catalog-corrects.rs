use slack_methods::slack_method;

// Slack's Python SDK sends `team.externalTeams.list` with GET; the catalog sends it with POST,
// and the error says why.
#[slack_method("team.externalTeams.list", scope = "team:read", verb = "GET")]
pub struct TeamExternalTeamsList {
    pub limit: Option<u32>,
}

fn main() {}
