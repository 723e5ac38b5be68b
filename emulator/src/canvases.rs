//! The emulated workspace's canvases: each one's title, its markdown cut into sections, who
//! owns it, the channel it belongs to or is tabbed in, and the access it was given
//! (`canvases.access.set`).
//!
//! # Sections (the emulator's reading)
//!
//! Slack edits a canvas by section but does not publish how it cuts one into sections. The
//! emulator cuts at headings: a line starting with `#`, `##` or `###` and a space (outside a
//! fenced code block) begins a section that runs to the next such line; the text before the
//! first heading, if any, is a section of its own. Each section gets an id of the emulator's
//! form (`temp:C:EMU00001`) that stays with it until it is replaced or deleted; content
//! inserted or written by a replace is cut the same way into new sections.

use crate::Emulator;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// One section of a canvas: its id and its markdown (lines joined by `\n`).
#[derive(Clone, Debug)]
pub(crate) struct Section {
    pub(crate) id: String,
    pub(crate) markdown: String,
}

impl Section {
    /// The section's heading level (1 to 3), or `None` for text before the first heading.
    pub(crate) fn level(&self) -> Option<usize> {
        heading_level(self.markdown.lines().next().unwrap_or(""))
    }

    /// The text `contains_text` is looked for in: a heading section's heading line, or all
    /// the text of a section without a heading.
    pub(crate) fn searched_text(&self) -> &str {
        match self.level() {
            Some(_) => self.markdown.lines().next().unwrap_or(""),
            None => &self.markdown,
        }
    }
}

/// What a user may do with a canvas, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// Read it (`canvases.sections.lookup`).
    Read,
    /// Read and edit it, and delete it.
    Write,
    /// Own it: also give it away.
    Owner,
}

impl Level {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Level::Read => "read",
            Level::Write => "write",
            Level::Owner => "owner",
        }
    }
}

/// A canvas as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Canvas {
    pub(crate) title: String,
    pub(crate) sections: Vec<Section>,
    /// The user who owns it: who made it, or whom it was given to.
    pub(crate) owner: String,
    /// For a channel canvas (`conversations.canvases.create`): its channel.
    pub(crate) channel: Option<String>,
    /// For a standalone canvas made with `channel_id`: the channel it is a tab in.
    pub(crate) tab: Option<String>,
    /// The access given to channels and users, by id (`read` or `write`): a tab's channel's
    /// `write` from the start, then what `canvases.access.set` and `.delete` change.
    pub(crate) access: BTreeMap<String, Level>,
}

impl Canvas {
    /// The whole markdown: the sections' joined by `\n`.
    pub(crate) fn markdown(&self) -> String {
        let parts: Vec<&str> = self.sections.iter().map(|s| s.markdown.as_str()).collect();
        parts.join("\n")
    }

    fn to_json(&self) -> Value {
        let sections: Vec<Value> = self
            .sections
            .iter()
            .map(|section| json!({ "id": section.id, "markdown": section.markdown }))
            .collect();
        json!({
            "title": self.title,
            "markdown": self.markdown(),
            "sections": sections,
            "owner": self.owner,
            "channel_id": self.channel,
            "tab_channel_id": self.tab,
            "access": self
                .access
                .iter()
                .map(|(id, level)| (id.clone(), Value::from(level.as_str())))
                .collect::<serde_json::Map<String, Value>>(),
        })
    }
}

/// The canvases, by id.
#[derive(Debug, Default)]
pub(crate) struct Canvases {
    pub(crate) by_id: BTreeMap<String, Canvas>,
}

/// The level of a heading line (`# `, `## `, `### `), if it is one.
fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[hashes..];
    ((1..=3).contains(&hashes) && (rest.starts_with(' ') || rest.is_empty())).then_some(hashes)
}

/// `markdown` cut into sections at its headings, each with a fresh id.
pub(crate) fn sections_of(markdown: &str) -> Vec<Section> {
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        let starts = !fenced && heading_level(line).is_some();
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        match parts.last_mut() {
            Some(part) if !starts => part.push(line),
            _ => parts.push(vec![line]),
        }
    }
    parts
        .into_iter()
        .map(|lines| lines.join("\n"))
        .filter(|text| !text.trim().is_empty())
        .map(|markdown| Section {
            id: format!("temp:C:EMU{:05}", crate::state::fresh_number()),
            markdown,
        })
        .collect()
}

impl Emulator {
    /// The canvas `id` as the emulator keeps it, for tests to read back: `title`, `markdown`
    /// (the whole), `sections` (each `id` and `markdown`; see the module's note on sections),
    /// `owner` (who made it, or was given it), `channel_id` (of a channel canvas, else
    /// `null`), `tab_channel_id` (the channel a standalone canvas was tabbed in, else `null`)
    /// and `access` (an object from each channel or user id given access to its level, `read`
    /// or `write`; a tab's channel has `write`). `None` when there is no such canvas (or it was
    /// deleted).
    pub fn canvas(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state.canvases.by_id.get(id).map(Canvas::to_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_start_at_headings_outside_code() {
        let sections =
            sections_of("Intro\n\n# One\ntext\n```\n# not a heading\n```\n## Two\n#### deep");
        let texts: Vec<&str> = sections.iter().map(|s| s.markdown.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Intro\n",
                "# One\ntext\n```\n# not a heading\n```",
                "## Two\n#### deep"
            ]
        );
        assert_eq!(sections[0].level(), None);
        assert_eq!(sections[2].level(), Some(2));
        assert_eq!(sections[1].searched_text(), "# One");
        assert_ne!(sections[0].id, sections[1].id);
        assert!(sections_of("  \n").is_empty());
    }
}
