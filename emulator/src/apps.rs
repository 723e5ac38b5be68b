//! What the app-level methods keep: where Socket Mode URLs point, how many were handed out,
//! and the event contexts handed out with `Emulator::event_context`.

use std::collections::HashMap;

/// The app's Socket Mode URLs and its events' contexts.
#[derive(Debug, Default)]
pub(crate) struct Apps {
    /// `ws://127.0.0.1:<port>/link/`: the emulator's own address, where no WebSocket is served.
    pub(crate) socket_base: String,
    /// How many URLs `apps.connections.open` handed out.
    pub(crate) opened: usize,
    /// Each event context's installations (team id, user id, whether the user is a bot), in
    /// order of team id.
    pub(crate) contexts: HashMap<String, Vec<(String, String, bool)>>,
}
