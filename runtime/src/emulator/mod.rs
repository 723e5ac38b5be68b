//! A loopback Slack emulator (being written).
