//! [`Acknowledged`]: the answer of methods that say nothing but `"ok": true`.

crate::slack_object! {
    /// What a method answers when its answer is only `"ok": true` (`reactions.add`,
    /// `reactions.remove`, `pins.add`, `pins.remove`, `bookmarks.remove`,
    /// `chat.deleteScheduledMessage`, `conversations.archive`, `conversations.unarchive`,
    /// `conversations.kick`, `assistant.threads.setStatus`, `.setSuggestedPrompts` and
    /// `.setTitle`, `canvases.edit`, `canvases.delete`, `canvases.access.set`,
    /// `canvases.access.delete`, `chat.unfurl`):
    /// nothing more, and whatever Slack may add later is kept in `extra`.
    ///
    /// ```
    /// use slack_methods::methods::Acknowledged;
    /// let done: Acknowledged = serde_json::from_str(r#"{"new_field": 1}"#)?;
    /// assert_eq!(done.extra["new_field"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Acknowledged {}
}
