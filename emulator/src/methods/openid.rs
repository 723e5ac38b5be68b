//! `openid.connect.userInfo`: who signed in with Slack, for a token with the scope `openid`
//! (the claims are [`crate::openid::claims`]: `email` and `profile` add theirs).

use super::Outcome;
use crate::state::{State, User};
use serde_json::Map;

/// `openid.connect.userInfo`: the claims about the token's user its scopes allow.
pub(crate) fn user_info(state: &mut State, caller: &User, _params: &[(String, String)]) -> Outcome {
    let scopes = state.call_scopes.clone();
    let claims: Map<_, _> = crate::openid::claims(state, caller, &scopes);
    Ok(claims)
}
