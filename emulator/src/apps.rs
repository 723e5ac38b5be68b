//! What the app-level methods keep: where Socket Mode URLs point, how many were handed out,
//! and the event contexts handed out with `Emulator::event_context`. And what the App Manifest
//! methods keep: the app configuration tokens and their refresh tokens, and the apps created
//! from manifests.

use std::collections::{BTreeMap, HashMap, HashSet};

/// The app's Socket Mode URLs and its events' contexts; the configuration tokens and the
/// apps made from manifests.
#[derive(Debug, Default)]
pub(crate) struct Apps {
    /// `ws://127.0.0.1:<port>/link/`: the emulator's own address, where no WebSocket is served.
    pub(crate) socket_base: String,
    /// How many URLs `apps.connections.open` handed out.
    pub(crate) opened: usize,
    /// Each event context's installations (team id, user id, whether the user is a bot), in
    /// order of team id.
    pub(crate) contexts: HashMap<String, Vec<(String, String, bool)>>,
    /// The app configuration tokens (`xoxe.xoxp-`): they call the `apps.manifest.*` methods
    /// only, and those methods take no other token.
    pub(crate) config_tokens: HashSet<String>,
    /// The configuration tokens made to expire (`Emulator::expire_config_token`).
    pub(crate) expired: HashSet<String>,
    /// The refresh tokens (`xoxe-`) not used yet, each with the user it makes tokens for.
    pub(crate) refresh_tokens: HashMap<String, String>,
    /// The apps created with `apps.manifest.create`, by app id: their manifests.
    pub(crate) manifests: BTreeMap<String, serde_json::Value>,
}

impl crate::Emulator {
    /// Makes the app configuration token `token` (such as
    /// [`demo::CONFIG_TOKEN`](crate::demo::CONFIG_TOKEN)) expire, as Slack's do 12 hours after
    /// they are made: its calls are then `token_expired`, until `tooling.tokens.rotate` gives a
    /// new one.
    pub fn expire_config_token(&self, token: &str) {
        self.shared.lock().apps.expired.insert(token.to_owned());
    }

    /// The manifest of the app `app_id` as the emulator keeps it, if `apps.manifest.create`
    /// made it and `apps.manifest.delete` has not deleted it.
    pub fn app_manifest(&self, app_id: &str) -> Option<serde_json::Value> {
        self.shared.lock().apps.manifests.get(app_id).cloned()
    }
}
