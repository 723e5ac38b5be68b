use slack_methods::slack_method;

#[slack_method("team.externalTeams.list", scope = "team:read")]
pub struct TeamExternalTeamsList {
    pub workspace_filter: Option<bool>,
}

fn main() {}
