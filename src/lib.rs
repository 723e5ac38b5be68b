//! slack-methods (work in progress)
