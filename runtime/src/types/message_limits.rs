//! Slack's documented limits on what a message, a view or an uploaded file may hold, stated
//! once: the bundled bindings check them before sending, and the emulator answers as Slack does
//! when they are broken.

/// The most blocks one message may hold (`chat.postMessage`, `chat.update`, ...).
pub const MAX_MESSAGE_BLOCKS: usize = 50;

/// The most blocks one view (a modal or an App Home tab) may hold.
pub const MAX_VIEW_BLOCKS: usize = 100;

/// The most legacy attachments one message may carry (Slack's `too_many_attachments` beyond).
pub const MAX_ATTACHMENTS: usize = 100;

/// The most characters of `markdown_text` one message may carry.
pub const MAX_MARKDOWN_TEXT_CHARS: usize = 12_000;

/// The characters of a message's `text` Slack keeps: it truncates longer text, still posts it, and
/// answers with the warning `message_truncated`.
pub const MAX_TEXT_CHARS: usize = 40_000;

/// The most characters of a modal's title, and of its `close` and `submit` button labels (all
/// three plain text).
pub const MAX_VIEW_TITLE_CHARS: usize = 24;

/// The most characters of a view's `private_metadata`.
pub const MAX_PRIVATE_METADATA_CHARS: usize = 3_000;

/// The most characters of a view's `callback_id`.
pub const MAX_CALLBACK_ID_CHARS: usize = 255;

/// The most characters of a view's `external_id`.
pub const MAX_EXTERNAL_ID_CHARS: usize = 255;

/// The most characters of a `header` block's text.
pub const MAX_HEADER_CHARS: usize = 150;

/// The most characters of a `section` block's `text`.
pub const MAX_SECTION_TEXT_CHARS: usize = 3_000;

/// The most `fields` one `section` block may hold.
pub const MAX_SECTION_FIELDS: usize = 10;

/// The most characters of each of a `section` block's `fields`.
pub const MAX_SECTION_FIELD_CHARS: usize = 2_000;

/// The most elements (texts and images) one `context` block may hold.
pub const MAX_CONTEXT_ELEMENTS: usize = 10;

/// The most elements (buttons, menus, ...) one `actions` block may hold.
pub const MAX_ACTIONS_ELEMENTS: usize = 25;

/// The most modals one stack may hold: the one `views.open` opened and two pushed on it.
pub const MAX_VIEW_STACK: usize = 3;

/// The most characters of an uploaded file's `alt_txt` (Slack's `alt_txt_too_large` beyond).
pub const MAX_ALT_TXT_CHARS: usize = 1_000;

/// The most channels one `files.completeUploadExternal` call may share files in (Slack's
/// `channels_limit_exceeded` beyond).
pub const MAX_SHARE_CHANNELS: usize = 100;
