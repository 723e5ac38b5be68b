//! A loopback Slack Web API server for tests and offline use: take it as a dev-dependency next
//! to `slack-methods` (as tokio-test sits beside tokio).
//!
//! [`Emulator::start`] binds `127.0.0.1` on a port the OS picks and answers like Slack's Web API
//! for the methods it implements ([`Emulator::implemented`]): `auth.test` and `auth.revoke`
//! (the call's token, unless `test`), `users.profile.get` (params `user`, `include_labels`) and
//! `users.profile.set` (params `profile`, `name` + `value`, `user`), the messaging methods
//! (`chat.*`, `conversations.history`/`replies`, `reactions.*`, `pins.*`, `bookmarks.*`,
//! `views.*`: see below), plus any method given a canned answer with
//! [`Emulator::stub_method`]. State lives in memory: a profile set is
//! read back by the next get, a posted message by the next history.
//!
//! It also answers the directory methods: `conversations.list`, `.info`, `.members`, `.open`,
//! `.join`, `.create` and `.invite` over the workspace's conversations ([`ChannelSpec`]), with
//! Slack's visibility rules (private conversations are `channel_not_found` to non-members);
//! `conversations.setTopic` and `.setPurpose` (by a member, not in a direct message or an
//! archived channel: `not_in_channel`, `method_not_supported_for_channel_type`, `is_archived`;
//! past `types::MAX_TOPIC_CHARS` characters `too_long`), which post Slack's `channel_topic` or
//! `channel_purpose` message and show in `conversations.info` with who set them and when;
//! `conversations.rename` (by a member, of a channel; the name checked as `.create` checks it:
//! `invalid_name_*`, `name_taken`), which keeps the old name in `previous_names`, posts Slack's
//! `channel_name` message and frees the old name for posting by name and for new channels;
//! `conversations.archive` and `.unarchive` (of a channel, not a direct or group direct message;
//! `cant_archive_general`, `already_archived`, `not_archived`), which post Slack's
//! `channel_archive` or `channel_unarchive` message; an archived channel keeps its members and
//! messages, shows `is_archived`, and refuses posts, joins, invites and new topics or purposes
//! (`is_archived`); `conversations.leave` (`cant_leave_general`, `last_member` for a private
//! channel's last member, `is_archived`; a caller not in the conversation gets
//! `{"ok":true,"not_in_channel":true}`), which posts Slack's `channel_leave` message, and
//! `conversations.kick` (`user_not_found`, `cant_kick_self`, `cant_kick_from_general`,
//! `not_in_channel` when the caller or the user is not a member): a user who left or was
//! removed is out of `conversations.members`, no longer `is_member`, and may no longer post
//! there without `chat:write.public` (`not_in_channel`) or see a private channel;
//! `conversations.mark` (a member's read mark, [`Emulator::read_mark`]; `not_in_channel`,
//! `invalid_timestamp`) and `conversations.close` (a direct or group direct message closed for
//! the caller, [`Emulator::is_open`], until `conversations.open`; `already_closed` and `no_op`
//! when it was closed, `method_not_supported_for_channel_type` for a channel);
//! `users.info`, `users.list`, `users.lookupByEmail`, `users.conversations`;
//! `users.setPhoto` (the `image` file part's bytes kept as they arrived,
//! [`Emulator::user_photo`], and the profile's `image_*` URLs of it; `bad_image` for what is no
//! PNG, JPEG or GIF, `too_large` past 1024 pixels a side, `user_is_bot`) and `users.deletePhoto`;
//! `users.getPresence` and `users.setPresence` (every user is `active` until they set
//! themselves `away`, and again after `auto`; the caller's own presence comes with `online`,
//! `manual_away` and the other details; an unknown `user` is `user_not_found`, a `presence`
//! other than `auto` or `away` is `invalid_presence`); `emoji.list` (the demo workspace's custom
//! emoji, `demo::CUSTOM_EMOJI`, images and `alias:`es, with `cache_ts`); `team.info`;
//! `team.profile.get` (the custom profile fields, `demo::PROFILE_FIELDS` and those of
//! [`Emulator::define_profile_field`], by `visibility`);
//! `bots.info` (the bot users, by their bot id: `bot_not_found` for another);
//! `chat.unfurl` (previews attached to the links of a message the caller can see, one per
//! link, in its `attachments` with `app_unfurl_url` and `is_app_unfurl`, replaced by a later
//! call; a link must be, exactly, a URL of the message's text, `<url>`, `<url|label>` or typed:
//! `cannot_unfurl_message`; the emulator sends no `link_shared` event, so an `unfurl_id` is
//! `cannot_find_message`; a prompt to sign in to a user who dismissed one,
//! [`Emulator::dismiss_unfurl_prompts`], is `cannot_prompt`);
//! the user groups ([`UsergroupSpec`]): `usergroups.list`, `.users.list`, `.create`, `.update`,
//! `.disable`, `.enable` and `.users.update` (unique names and handles, existing default
//! channels, no bots as members); and files: the upload URLs of `files.getUploadURLExternal`
//! point at a second listener ([`Emulator::upload_addr`], another origin) that takes the bytes
//! and records them ([`Emulator::uploads`]), and `files.completeUploadExternal` makes a file of
//! them (`files.info` reads it; sharing it in a
//! channel posts a message with the file there); `files.list` (the files the caller can see,
//! newest first, in numbered pages, kept to a user, a conversation, a time range or kinds) and
//! `files.delete` (the uploader, or an admin who is not a bot; `cant_delete_file` for anyone
//! else, `file_deleted` after); a file's public link, `files.sharedPublicURL` (user tokens,
//! `user_is_bot`) and `files.revokePublicURL` (the uploader or an admin, `not_allowed` for
//! anyone else), which set its `public_url_shared`; `files.comments.delete` (the comment's
//! author or an admin, `cant_delete`; `comment_not_found`) on comments added with
//! [`Emulator::add_file_comment`], which `files.info` answers; remote files, kept beside the uploads: `files.remote.add` (an
//! upsert by `external_id`; bots only, `bot_user_required`), `.info`, `.list` (cursor pages),
//! `.update`, `.remove` (`file_not_found` after) and `.share` (a message in each channel;
//! `channel_not_found`, `not_in_channel`), `too_many_ids` for both ids; and an AI app's threads:
//! `assistant.threads.setStatus`, `.setSuggestedPrompts` and `.setTitle` on a message's thread
//! (`invalid_thread_ts` for no such message), read back with [`Emulator::assistant_thread`];
//! and canvases: `canvases.create` (standalone, optionally tabbed in a channel),
//! `conversations.canvases.create` (one a channel: `channel_canvas_already_exists`),
//! `canvases.edit` (each operation, on sections cut at headings; `canvas_editing_failed`),
//! `canvases.delete` (`canvas_not_found`), `canvases.sections.lookup` (by heading level and
//! text) and `canvases.access.set` and `.delete` (read or write access for channels or users,
//! or the canvas given to another user; `invalid_parameters`, `restricted_action`), which
//! change who may read and edit a canvas, read back with [`Emulator::canvas`];
//! streamed replies: `chat.startStream` (a reply in a thread, owned by the caller; outside a
//! direct message `missing_recipient_user_id`/`missing_recipient_team_id`), `chat.appendStream`
//! and `chat.stopStream` (`message_not_owned_by_app`, `message_not_in_streaming_state`,
//! `streaming_mode_mismatch`, `invalid_chunks`), whose text `conversations.replies` reads back
//! and whose state [`Emulator::stream`] shows;
//! a user's reminders: `reminders.add` (`time` as seconds, a Unix time or `in N minutes`;
//! `cannot_parse` for other natural language), `reminders.list`, `reminders.info`,
//! `reminders.complete` (`cannot_complete_recurring`) and `reminders.delete` (`not_found`),
//! for user tokens only (`user_is_bot`), read back with [`Emulator::reminder`];
//! `search.messages` (user tokens only, `user_is_bot`): the messages of the conversations
//! the caller can see that hold every word of the query (whole words, any case), with `in:`,
//! `from:`, `before:`, `after:`, `on:` and `has:link`, by score or newest first, in numbered
//! pages or cursor pages from `cursor=*` (`invalid_cursor`); `search.files`, the files the
//! caller can see whose name or title holds every word (the same modifiers), and `search.all`,
//! both kinds at once, in numbered pages;
//! and Do Not Disturb: `dnd.info` and `dnd.teamInfo` (at most 50 users, `too_many_users`;
//! no schedules, so `dnd_enabled` is `false`), `dnd.setSnooze` (a snooze kept until it ends by
//! the clock), `dnd.endSnooze` (`snooze_not_active`) and `dnd.endDnd` (`not_in_dnd`), the last
//! three for user tokens only (`user_is_bot`), read back with [`Emulator::dnd_status`] and
//! arranged with [`Emulator::snooze_until`];
//! and who signed in with Slack: `openid.connect.userInfo` (scope `openid`; the user's email
//! with `email`, their name, picture and locale with `profile`), for the tokens
//! `openid.connect.token` gives ([`Emulator::openid_code`]);
//! and with Sign in with Slack's legacy identity: `users.identity` (scope `identity.basic`;
//! the email with `identity.email`, images with `identity.avatar`, the workspace's name, domain
//! and icon with `identity.team`; `user_is_bot`);
//! the end of a custom step's run: `functions.completeSuccess` (the outputs the step requires,
//! else `parameter_validation_failed`) and `functions.completeError`, once per run
//! (`function_execution_not_found` after), for runs started with [`Emulator::start_function`]
//! and read back with [`Emulator::function_execution`];
//! `auth.teams.list`, the emulator's workspace and those of
//! [`Emulator::approve_in_workspace`] (`invalid_limit`);
//! Slack Connect invitations: `conversations.inviteShared`, `.listConnectInvites`,
//! `.acceptSharedInvite`, `.approveSharedInvite` and `.declineSharedInvite`, the other
//! organization a team id the test names ([`Emulator::receive_shared_invite`],
//! [`Emulator::accept_shared_invite_as`]), read back with [`Emulator::shared_invite`];
//! the requests to invite someone outside: `conversations.requestSharedInvite.list`,
//! `.approve` (which sends the invitation) and `.deny`, for requests made with
//! [`Emulator::request_shared_invite`] (expired with
//! [`Emulator::expire_shared_invite_request`]), read back with
//! [`Emulator::shared_invite_request`];
//! connected organizations: `conversations.externalInvitePermissions.set`,
//! `team.externalTeams.list` and `team.externalTeams.disconnect`, for organizations of
//! [`Emulator::connect_external_team`], read back with [`Emulator::external_team`] and
//! [`Emulator::external_limited`];
//! an app's calls with its app-level token (`xapp-`, [`demo::APP_TOKEN`]; others are
//! `not_allowed_token_type`): `apps.connections.open` (a `ws://127.0.0.1:<port>/link/?ticket=`
//! URL on the emulator's address, where no WebSocket is served; `connections:write`) and
//! `apps.event.authorizations.list`, the installations an event is visible to, for a context of
//! [`Emulator::event_context`] (`invalid_event_context`, `invalid_cursor`);
//! app manifests, with an app configuration token ([`demo::CONFIG_TOKEN`]; others are
//! `not_allowed_token_type`, and `token_expired` after [`Emulator::expire_config_token`]):
//! `apps.manifest.create`, `.validate`, `.update`, `.export` and `.delete`, the apps kept with
//! their manifests ([`Emulator::app_manifest`]; `invalid_manifest` with `errors` for one with
//! no `display_information.name`, `app_not_found`); `tooling.tokens.rotate` without a token
//! ([`demo::CONFIG_REFRESH_TOKEN`], used up once; `invalid_refresh_token`); `apps.uninstall`
//! (an app of [`Emulator::add_oauth_app`], its bot's tokens revoked; `invalid_client_id`,
//! `bad_client_secret`, `client_id_token_mismatch`);
//! a workspace admin's reads, for an admin's user token (`no_permission` for a member,
//! `user_is_bot`): `team.billableInfo` (a human user is billed, a bot user is not),
//! `team.accessLogs` and `team.integrationLogs`, demo logs built from the workspace's users,
//! in numbered pages (`over_pagination_limit`);
//! the workspace's settings: `team.preferences.list` and `team.billing.info` (its plan), set
//! with [`Emulator::set_team_preference`] and [`Emulator::set_billing_plan`];
//! a channel's featured workflows: `workflows.featured.add`, `.remove`, `.set` and `.list`,
//! for link triggers of [`Emulator::add_link_trigger`] (`error_modifying_workflows` for
//! another; `channel_not_found`, `error_invalid_channels`), read back with
//! [`Emulator::featured_workflows`];
//! Slack Connect's contact lookup: `users.discoverableContacts.lookup`, true for the workspace's
//! people and those of [`Emulator::add_discoverable_contact`] (`not_allowed` for a user token);
//! an app's calls: `calls.add` (one call per `external_unique_id`, else
//! `invalid_arguments`; `created_by` required of a bot token, `invalid_created_by`),
//! `calls.info`, `calls.update`, `calls.end` (`inactive_call` once ended) and
//! `calls.participants.add` and `.remove` (`bad_users` for one already in, or not in, the
//! call), `invalid_call_id` for an unknown call, read back with [`Emulator::call`];
//! a user's connection to the app: `apps.user.connection.update` (`connected` or
//! `disconnected`, of a user token; `user_not_found`), read back with
//! [`Emulator::user_connection`];
//! Work Objects: `entity.presentDetails`, answering a trigger of
//! [`Emulator::entity_trigger_id`] once (`invalid_trigger_id`, `invalid_metadata`,
//! `entity_metadata_does_not_match_trigger`, `user_auth_url_missing`), read back with
//! [`Emulator::presented_entity`];
//! and Slack Lists: `slackLists.create` (one text column without a schema, the task columns in
//! todo mode, a copy of a list the caller can read; `invalid_copy_and_schema_args`) and
//! `slackLists.update` (`missing_arguments` for nothing to change), `list_not_found` for an
//! unknown list or one the caller was given no access to, read back with
//! [`Emulator::slack_list`], their items: `slackLists.items.create` (with cells, as a copy, as
//! a subtask), `.info`, `.list` (paged), `.update`, `.delete` and `.deleteMultiple`
//! (`record_not_found`, `invalid_row_id`, `invalid_column_id`, `invalid_input_type`,
//! `invalid_option_id`), read back with [`Emulator::slack_list_items`], who may see or change
//! them: `slackLists.access.set` and `.delete` (read, write or owner, for channels or users;
//! `invalid_parameters`, `restricted_action`), read back with
//! [`Emulator::slack_list_access`], and their export: `slackLists.download.start` and `.get` (a
//! job done at its first `get`, `job_not_found`; its CSV served at its download URL, on the Web
//! API's address, to a token that can read the list), read back with
//! [`Emulator::slack_list_download`].
//! Paginated lists answer small pages ([`EmulatorBuilder::max_page_size`]). As Slack's, a
//! cursor names where the next page starts, not an offset (the `ts` of a message, the id of a
//! channel, member or user, a scheduled message's `post_at` and id), so an item added or removed
//! between pages repeats or skips none; a cursor not of the emulator's form, or another list's,
//! is `invalid_cursor`.
//!
//! # What it knows about a method, and from where
//!
//! The emulator states no Slack fact of its own about a method: it learns each method's scopes,
//! rate-limit tier and whether it writes from the binding it serves it for, as
//! [`MethodFacts`] (the `SlackMethod` consts), given to
//! [`EmulatorBuilder::serve`] or [`Emulator::serve`]; tiers become calls a minute through
//! [`RateLimitTier::calls_per_minute`](slack_methods_runtime::RateLimitTier::calls_per_minute),
//! the limiter's own source. The bundled bindings' facts are `slack_methods::methods::ALL`. An
//! implemented method that is not served is answered `unknown_method`, with a message saying
//! how to serve it.
//!
//! # Requests and answers
//!
//! Calls go to `/api/<method>` (the target in origin or absolute form) by `GET` or `POST` (any
//! other path is a 404; another verb on `/api/<method>` is a 405 with `Allow: GET, POST`, and
//! the upload URLs take `POST` or `PUT`). These plain-text answers come before the envelope
//! below, as a web server's would; what Slack itself answers for them is not recorded. The
//! token is read from `Authorization: Bearer <token>` or, without that header, from a `token`
//! argument in a form or multipart body, as Slack takes it (not from the
//! query string or a JSON body, whose calls must send the header). Parameters come from the
//! query string and from the body: `application/x-www-form-urlencoded`, `application/json` (an
//! object; objects and lists in it are read as their JSON text) or `multipart/form-data`. A body
//! Slack could not read is answered `invalid_json`, `json_not_object`, `invalid_form_data`,
//! `invalid_post_type` or `missing_post_type`. Answers are HTTP 200 with
//! `Content-Type: application/json; charset=utf-8` and Slack's envelope, `{"ok":true,...}` or
//! `{"ok":false,"error":"<code>"}`, checked in this order:
//!
//! 0. a [fault](Emulator::inject) queued for the method takes its turn first, whatever the
//!    token (one that strikes after the call is applied lets the steps below run first);
//! 1. a method that is neither served (implemented, with its binding's facts) nor stubbed:
//!    `unknown_method`;
//! 2. no token: `not_authed`; a token never added (or whose user is missing):
//!    `invalid_auth`; a revoked token: `token_revoked`;
//! 3. a token with none of the method's scopes: `missing_scope`, with `needed` (the method's
//!    scopes) and `provided` (the token's), comma-separated;
//! 4. the rate limit, when one applies: HTTP 429 with `Retry-After`;
//! 5. the method itself.
//!
//! `oauth.v2.access`, with which an app exchanges an OAuth code for its tokens
//! ([`Emulator::add_oauth_app`], [`Emulator::oauth_code`]), and `openid.connect.token`, its
//! Sign in with Slack counterpart ([`Emulator::openid_code`]), are called without a token:
//! steps 2 to 4 do not apply to them.
//!
//! Once the token is known, answers carry `X-OAuth-Scopes` (the token's scopes) and
//! `X-Accepted-OAuth-Scopes` (the method's). A request body larger than the limit (16 MiB by
//! default) is refused with 413, a malformed one with 400; a body may come with its
//! `Content-Length` or chunked (`Transfer-Encoding: chunked`, not both). None of them stops the
//! server.
//!
//! # `users.profile.set`
//!
//! `profile` is the text of a JSON object of at most `types::MAX_UPDATE_FIELDS` keys, each at most
//! `types::MAX_FIELD_NAME_CHARS` characters long (the runtime's constants);
//! anything else is `invalid_profile`, as are values of the wrong type. Alternatively `name` and
//! `value` set one key (a `name` like `Xf01ABC` sets that custom field). Sending both `profile`
//! and `name`/`value`, only one of `name` and `value`, or nothing, is `invalid_arguments` (Slack
//! documents that `name`/`value` are "usable only if `profile` is not passed"; the emulator is
//! strict about it). `real_name` or `display_name` of `everyone`, `channel`, `here`, `group` or
//! `slackbot` is `reserved_name`. Setting another user's profile needs an admin token
//! (`not_admin`), and an owner's for another admin (`cannot_update_admin_user`); an unknown
//! `user` is `user_not_found`.
//!
//! Text keys (`real_name`, `display_name`, `first_name`, `last_name`, `title`, `phone`, `skype`,
//! `status_text`, `status_emoji`, `pronouns`, `email`, `start_date`), `status_expiration` and
//! `fields` are merged into the stored profile; other keys are ignored, as Slack ignores them.
//! `fields` merge per field id, and an empty value removes a field. `first_name`/`last_name`
//! rebuild `real_name` unless it is set in the same call; `*_normalized` names follow with
//! accents folded to ASCII. The answer is `{"ok":true,"username":...,"profile":{...}}` with the
//! whole stored profile, and counts as one [applied write](Emulator::applied_writes).
//!
//! # Messages, reactions, pins, bookmarks and views
//!
//! `chat.postMessage` stores Slack's message object in its conversation (author, team, and for a
//! bot its `bot_id`, `app_id` and `bot_profile`; `blocks` with a `block_id` filled in,
//! `attachments` numbered, `metadata`); with `thread_ts` it is a reply (`thread_ts`,
//! `parent_user_id`; `reply_broadcast` makes it a `thread_broadcast`) and its parent gets
//! `reply_count`, `reply_users`, `reply_users_count` and `latest_reply`. `conversations.history`
//! lists a conversation newest first, replies left out unless broadcast, with `pin_count`;
//! `conversations.replies` a thread, parent first; both take `oldest`/`latest`/`inclusive` and
//! `include_all_metadata`, and page with the emulator's cursors. `chat.meMessage` posts a
//! message of subtype `me_message` the same way (text only). `chat.update` changes what it
//! sends (empty `blocks` or `attachments` remove them) and sets `edited`; `chat.delete` removes a
//! message, leaving a thread's parent as a `tombstone` until its last reply goes;
//! `reactions.add`/`remove` and `pins.add`/`remove` show in the messages (`pinned_to`, gone with
//! the last pin), and `reactions.get` answers a message with its reactions and `permalink`;
//! `reactions.list` lists the messages a user (the caller unless `user` says) reacted to, the
//! last reacted to first, once each, in the conversations the caller may see (paged with the
//! emulator's cursors);
//! `pins.list` lists the pinned messages, last pinned first, with who pinned them and when
//! (`created_by`, `created`) and their `permalink`; `chat.getPermalink` answers
//! `https://<domain>.slack.com/archives/<channel>/p<ts>` (a reply's with `thread_ts` and `cid`);
//! `chat.postEphemeral` and `chat.scheduleMessage` keep their messages out of the history
//! ([`Emulator::ephemeral_messages`], [`Emulator::scheduled_messages`]) until a scheduled one's
//! `post_at` has passed: the next call posts it. `chat.scheduledMessages.list` lists the caller's
//! own scheduled messages, soonest first (by `channel`, `oldest`/`latest` on `post_at`, paged with
//! the emulator's cursors), and `chat.deleteScheduledMessage` cancels one of them. `bookmarks.add`
//! keeps `link` bookmarks ([`Emulator::bookmarks`]), which `bookmarks.list` lists in the order
//! added, `bookmarks.edit` changes (what it gives; `date_updated` and who last changed it follow)
//! and `bookmarks.remove` removes.
//!
//! Where a call may act: an unknown conversation, or a private one the caller is not in, is
//! `channel_not_found`; a bot reading a public channel it is not in is `not_in_channel`, as is
//! posting there without `chat:write.public`; posting in an archived one is `is_archived`. Content
//! is refused as Slack refuses it: `no_text`, `markdown_text_conflict`, `invalid_blocks_format`
//! (blocks that are not a JSON array), `invalid_blocks` (Block Kit's rules broken: `errors` and
//! `response_metadata.messages` name each problem with its JSON pointer, and `X-Slack-Failure`
//! the error), `invalid_attachments`, `too_many_attachments`, `invalid_metadata_format`,
//! `invalid_thread_ts`. Then the methods' own: `message_not_found`, `cant_update_message`,
//! `cant_delete_message` (the author may; an admin's user token may delete others' messages),
//! `user_not_in_channel`, `time_in_past`, `time_too_far`, `invalid_time`, `thread_not_found`,
//! `invalid_ts_oldest`/`latest`, `invalid_cursor`, `invalid_scheduled_message_id`,
//! `invalid_channel` (listing scheduled messages), `already_reacted`, `no_reaction`,
//! `invalid_name`, `user_not_found` (listing an unknown user's reactions), `already_pinned`,
//! `not_pinnable` (a `channel_join` message), `no_pin`, `no_item_specified`, `invalid_link`,
//! `invalid_bookmark_type`, `invalid_emoji`, `invalid_bookmark_id`.
//!
//! Views: [`Emulator::trigger_id`] stands in for the interaction Slack sends an app; `views.open`
//! and `views.push` take such a trigger id once (`exchanged_trigger_id`), within its lifetime
//! (`expired_trigger_id`; 3 s as on Slack, see [`Emulator::set_trigger_lifetime`]), and refuse any
//! other (`invalid_trigger_id`, also for a trigger of a user never added and for a push by a user
//! with no modal open). Views are checked
//! for Slack's shape (`invalid_arguments`, the problems in `response_metadata.messages` as Slack
//! words them), stack up to three (`push_limit_reached`), keep their id through `views.update`
//! (by `view_id` or `external_id`: `not_found`; a stale `hash`: `hash_conflict`), and a user's
//! App Home tab keeps one id across `views.publish` calls. [`Emulator::view`],
//! [`Emulator::modal_stack`] and [`Emulator::home_view`] show them.
//!
//! # Faults and rate limits
//!
//! [`Emulator::inject`] makes the next calls of a method fail in a chosen [`Fault`]: HTTP 429,
//! any `Retry-After` text (also on an `ok: false` + `ratelimited` answer), 5xx pages, resets,
//! delays, truncated, empty, non-JSON, mislabelled or oversized bodies, a `Content-Length` that
//! lies, or any Slack error code; [`Timing`] decides whether a write is applied before the
//! fault. Faulted calls are still recorded in the [request log](Emulator::requests), with the
//! instant each request arrived.
//!
//! A [`Blackhole`] is an address next to the emulator where a connect hangs (its handshake never
//! completes), for testing connect timeouts.
//!
//! [`Emulator::set_tier_limits`] enforces Slack's tiers per (token, method) on a sliding window,
//! each served method allowed its tier's calls a minute, per channel where the tier says so
//! (`chat.postMessage`; see `RateLimitTier::limited_per`) (`users.profile.set` is Tier 3: 50;
//! `users.profile.get` Tier 4: 100; `auth.test`'s special tier counts as Tier 4). The window is
//! one minute divided by the time scale, so a scale of 60 makes a minute last a second. A call
//! over the limit gets HTTP 429 with `Retry-After` in whole seconds of real time (at least 1),
//! until the oldest counted call leaves the window; refused calls are not counted.
//!
//! # Example
//!
//! ```
//! use slack_methods_emulator::{Emulator, Fault, UserSpec};
//! use slack_methods_runtime::{
//!     Client, FormEncoder, HttpVerb, MethodFacts, RateLimitTier, SlackMethod, Token,
//! };
//!
//! struct AuthTest;
//! impl SlackMethod for AuthTest {
//!     const NAME: &'static str = "auth.test";
//!     const VERB: HttpVerb = HttpVerb::Post;
//!     const SCOPES: &'static [&'static str] = &[];
//!     const TIER: RateLimitTier = RateLimitTier::Tier4;
//!     const WRITES: bool = false;
//!     type Response = serde_json::Value;
//!     fn encode_form(&self, _: &mut FormEncoder) -> Result<(), slack_methods_runtime::EncodeError> {
//!         Ok(())
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Serve `auth.test` as this binding describes it (with `slack-methods`, pass
//! // `slack_methods::methods::ALL` to serve every bundled binding).
//! let emu = Emulator::builder()
//!     .serve(&[MethodFacts::of::<AuthTest>()])
//!     .start()
//!     .await?;
//! emu.add_user(UserSpec::new("U0JANE", "jane"));
//! emu.add_token("xoxp-test", "U0JANE", &["users.profile:read"]);
//!
//! let client = Client::builder()
//!     .base_url(&emu.base_url())
//!     .token(Token::new("xoxp-test")?)
//!     .build()?;
//! let me = client.call(&AuthTest).await?;
//! assert_eq!(me["user_id"], "U0JANE");
//!
//! // One 503: the client retries the read, and the log shows both attempts.
//! emu.inject("auth.test", Fault::server_error(503), 1);
//! let again = client.call(&AuthTest).await?;
//! assert_eq!(again["user"], "jane");
//! let log = emu.requests_for("auth.test");
//! assert_eq!(log.len(), 3);
//! assert_eq!(log[1].fault, Some(Fault::server_error(503)));
//!
//! // An unknown token is refused the way Slack refuses it.
//! let stranger = Client::builder()
//!     .base_url(&emu.base_url())
//!     .token(Token::new("xoxp-unknown")?)
//!     .build()?;
//! let err = stranger.call(&AuthTest).await.unwrap_err();
//! assert_eq!(err.as_api().map(|api| api.code.as_str()), Some("invalid_auth"));
//! emu.shutdown().await;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod apps;
mod blackhole;
mod bodies;
mod canvases;
mod directory;
mod dnd;
mod faults;
mod functions;
#[cfg(feature = "gzip")]
mod gzip;
mod http;
mod limits;
mod messaging;
mod methods;
mod oauth;
mod openid;
mod reminders;
mod state;
mod uploads;
mod workspace;

pub use blackhole::Blackhole;
pub use directory::UsergroupSpec;
pub use faults::{Fault, Timing};
pub use state::{Photo, RecordedRequest, UserSpec};
pub use uploads::Upload;
pub use workspace::{demo, ChannelKind, ChannelSpec};

use http::{Shared, Site};
use slack_methods_runtime::MethodFacts;
use state::{State, Stub, Team, TokenEntry};
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The default request-body limit: 16 MiB, room for a photo or a preview image a test sends in a
/// multipart form (a 1024-pixel PNG is often a few MiB).
const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// The default most items on one page of a paginated list: small, so that tests and examples
/// cross several pages.
const DEFAULT_MAX_PAGE: usize = 10;

/// A running loopback Slack server. Dropping it (or [`Emulator::shutdown`]) stops the server and
/// closes its connections.
///
/// All setters take `&self` and act at once, also while calls are in flight.
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    /// The upload site's address.
    upload_addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// Configures an [`Emulator`] before it starts.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use slack_methods_emulator::Emulator;
/// let emu = Emulator::builder()
///     .team("T0ACME", "Acme", "acme")
///     .max_request_bytes(64 * 1024)
///     .start()
///     .await?;
/// assert_eq!(emu.team_id(), "T0ACME");
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    team: Team,
    max_body_bytes: usize,
    max_upload_bytes: usize,
    served: Vec<MethodFacts>,
    max_page: usize,
    demo: bool,
    #[cfg(feature = "gzip")]
    gzip: bool,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            team: Team {
                id: "T0EMULATOR".to_owned(),
                name: "Emulated Workspace".to_owned(),
                domain: "emulated".to_owned(),
            },
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_upload_bytes: uploads::DEFAULT_MAX_UPLOAD_BYTES,
            served: Vec::new(),
            max_page: DEFAULT_MAX_PAGE,
            demo: false,
            #[cfg(feature = "gzip")]
            gzip: false,
        }
    }
}

impl EmulatorBuilder {
    /// The workspace's id, name and domain (`https://<domain>.slack.com/` in `auth.test`).
    /// By default `T0EMULATOR`, `Emulated Workspace`, `emulated`.
    pub fn team(
        mut self,
        id: impl Into<String>,
        name: impl Into<String>,
        domain: impl Into<String>,
    ) -> Self {
        self.team = Team {
            id: id.into(),
            name: name.into(),
            domain: domain.into(),
        };
        self
    }

    /// The largest request body accepted (16 MiB by default, room for a photo in a multipart
    /// form); a larger one gets HTTP 413.
    pub fn max_request_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The largest file body the upload site accepts (64 MiB by default); a larger one gets
    /// HTTP 413. (Method calls keep their own limit, [`max_request_bytes`](Self::max_request_bytes).)
    pub fn max_upload_bytes(mut self, limit: usize) -> Self {
        self.max_upload_bytes = limit;
        self
    }

    /// Serves each method of `methods` as its binding describes it (scopes, tier, whether it
    /// writes), when the emulator implements it. See [`Emulator::serve`].
    pub fn serve(mut self, methods: &[MethodFacts]) -> Self {
        self.served.extend_from_slice(methods);
        self
    }

    /// The most items one page of a paginated list holds, whatever its `limit` asks (10 by
    /// default, so that listing crosses several pages; at least 1).
    pub fn max_page_size(mut self, items: usize) -> Self {
        self.max_page = items.max(1);
        self
    }

    /// Answers gzip-compressed to a request whose `Accept-Encoding` allows it, as Slack does
    /// (feature `gzip`). Off unless asked, so that a suite run with every feature still sends
    /// plain answers to the tests of the client's plain path and its faults.
    #[cfg(feature = "gzip")]
    pub fn gzip_answers(mut self) -> Self {
        self.gzip = true;
        self
    }

    /// Starts with the demo workspace ([`demo`]): three members and a bot user, `#general`,
    /// `#random`, a private `#leads` and [`demo::PROJECTS`] project channels, the user groups
    /// `@leads`, `@people` and a disabled `@alumni`, and a bot and a user token with every scope
    /// the bundled bindings need.
    pub fn demo_workspace(mut self) -> Self {
        self.demo = true;
        self
    }

    /// Binds `127.0.0.1` on a port the OS picks and starts serving on the current tokio runtime.
    ///
    /// Fails if binding fails or if it is not called within a tokio runtime.
    ///
    /// # Panics
    ///
    /// Tokio panics if the runtime was built without its IO driver (a `tokio::runtime::Builder`
    /// without `enable_io()` or `enable_all()`); `#[tokio::test]` and `#[tokio::main]` enable
    /// it. Tokio gives no way to ask beforehand, so this cannot be an error.
    pub async fn start(self) -> io::Result<Emulator> {
        let runtime = tokio::runtime::Handle::try_current().map_err(|err| {
            io::Error::other(format!("the emulator needs a tokio runtime: {err}"))
        })?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let upload_listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let upload_addr = upload_listener.local_addr()?;
        let mut state = State::new(self.team, self.max_page);
        state.files.upload_base = format!("http://{upload_addr}/upload/v1/");
        state.apps.socket_base = format!("ws://{addr}/link/");
        state.lists.downloads.base =
            format!("http://{addr}{}", methods::lists::download::DOWNLOAD_PATH);
        state.serve(&self.served);
        if self.demo {
            state.seed_demo();
        }
        #[allow(unused_mut)]
        let mut shared = Shared::new(state, self.max_body_bytes, self.max_upload_bytes);
        #[cfg(feature = "gzip")]
        {
            shared.gzip = self.gzip;
        }
        let shared = Arc::new(shared);
        let (stop, stopped) = watch::channel(false);
        let api = http::serve(listener, Arc::clone(&shared), stopped.clone(), Site::Api);
        let uploads = http::serve(upload_listener, Arc::clone(&shared), stopped, Site::Uploads);
        let task = runtime.spawn(async move {
            tokio::join!(api, uploads);
        });
        tracing::debug!(%addr, %upload_addr, "slack emulator listening");
        Ok(Emulator {
            shared,
            addr,
            upload_addr,
            stop,
            task: Some(task),
        })
    }
}

impl Emulator {
    /// Starts an emulator with the default settings. See [`EmulatorBuilder::start`].
    pub async fn start() -> io::Result<Emulator> {
        EmulatorBuilder::default().start().await
    }

    /// Configures an emulator before starting it.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// The methods the emulator implements (each answered once it is [served](Self::serve)).
    pub fn implemented() -> impl Iterator<Item = &'static str> {
        methods::IMPLEMENTED.iter().map(|(name, _)| *name).chain([
            oauth::ACCESS,
            openid::TOKEN,
            methods::apps::ROTATE,
            methods::api::TEST,
        ])
    }

    /// Serves each method of `methods` as its binding describes it: the emulator checks the
    /// token against the binding's scopes, limits calls by its tier, and counts its successful
    /// calls as [applied writes](Self::applied_writes) when it writes. Methods the emulator does
    /// not implement are ignored (stub them with [`stub_method`](Self::stub_method)); serving a
    /// method again replaces its facts.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use slack_methods_emulator::Emulator;
    /// use slack_methods_runtime::{HttpVerb, MethodFacts, RateLimitTier};
    /// let emu = Emulator::start().await?;
    /// # struct AuthTest;
    /// # impl slack_methods_runtime::SlackMethod for AuthTest {
    /// #     const NAME: &'static str = "auth.test";
    /// #     const VERB: HttpVerb = HttpVerb::Post;
    /// #     const SCOPES: &'static [&'static str] = &[];
    /// #     const TIER: RateLimitTier = RateLimitTier::Special("auth.test");
    /// #     const WRITES: bool = false;
    /// #     type Response = serde_json::Value;
    /// #     fn encode_form(&self, _: &mut slack_methods_runtime::FormEncoder) -> Result<(), slack_methods_runtime::EncodeError> { Ok(()) }
    /// # }
    /// emu.serve(&[MethodFacts::of::<AuthTest>()]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn serve(&self, methods: &[MethodFacts]) {
        self.shared.lock().serve(methods);
    }

    /// The address the server listens on (`127.0.0.1:<port>`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL to give a client: `http://127.0.0.1:<port>/api/`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/", self.addr)
    }

    /// The workspace's team id.
    pub fn team_id(&self) -> String {
        self.shared.lock().team.id.clone()
    }

    /// Approves the app in another workspace of its organization, `id` (`T...`) named `name`,
    /// as an org-wide app is approved workspace by workspace: `auth.teams.list` then lists it
    /// beside the emulator's own. Tokens and users stay the emulator's own workspace's.
    /// Approving the same `id` again renames it.
    pub fn approve_in_workspace(&self, id: &str, name: &str) {
        let mut state = self.shared.lock();
        state.approved_teams.retain(|(known, _)| known != id);
        state.approved_teams.push((id.to_owned(), name.to_owned()));
    }

    /// Hands out an `event_context`, as Slack sends one in an event's payload, for
    /// `apps.event.authorizations.list`: a stand-in for an event in the emulator's workspace
    /// that the app's installation there (as its bot user, the first user with a bot id, by
    /// id) and in each workspace of [`Emulator::approve_in_workspace`] (as the same bot user)
    /// can see. Each call hands out a new context; the installations are those of the moment.
    pub fn event_context(&self) -> String {
        let mut state = self.shared.lock();
        let mut bots: Vec<&str> = state
            .users
            .values()
            .filter(|user| user.spec.bot_id.is_some())
            .map(|user| user.spec.id.as_str())
            .collect();
        bots.sort_unstable();
        let bot = bots.first().map_or(String::new(), |bot| (*bot).to_owned());
        let mut installs: Vec<(String, String, bool)> = std::iter::once(state.team.id.clone())
            .chain(state.approved_teams.iter().map(|(id, _)| id.clone()))
            .map(|team| (team, bot.clone(), !bot.is_empty()))
            .collect();
        installs.sort();
        installs.dedup_by(|a, b| a.0 == b.0);
        let context = format!("4-emulated-{}", state::fresh_number());
        state.apps.contexts.insert(context.clone(), installs);
        context
    }

    /// Adds a user (or replaces the one with the same id, profile included).
    pub fn add_user(&self, user: UserSpec) {
        self.shared.lock().add_user(user);
    }

    /// Adds a token belonging to `user` with `scopes`. A token whose user is never added is
    /// answered `invalid_auth`. Adding a token again replaces it.
    pub fn add_token(&self, token: &str, user: &str, scopes: &[&str]) {
        self.shared.lock().tokens.insert(
            token.to_owned(),
            TokenEntry {
                user: user.to_owned(),
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                revoked: false,
            },
        );
    }

    /// Adds a conversation (or replaces the one with the same id, messages included).
    pub fn add_channel(&self, channel: ChannelSpec) {
        self.shared.lock().workspace.add(channel);
    }

    /// The messages of conversation `channel` (thread replies included), oldest first, as
    /// Slack's message objects; `None` for an unknown conversation.
    pub fn messages(&self, channel: &str) -> Option<Vec<serde_json::Value>> {
        let state = self.shared.lock();
        let channel = state.workspace.channels.get(channel)?;
        Some(
            channel
                .messages
                .iter()
                .map(|message| serde_json::Value::Object(message.clone()))
                .collect(),
        )
    }

    /// The read mark `user` set in conversation `channel` with `conversations.mark` (a `ts`);
    /// `None` when they set none, or there is no such conversation.
    pub fn read_mark(&self, channel: &str, user: &str) -> Option<String> {
        let state = self.shared.lock();
        state
            .workspace
            .channels
            .get(channel)?
            .read_marks
            .get(user)
            .cloned()
    }

    /// Whether the direct or group direct message `channel` is open for its member `user`: it
    /// is until they close it with `conversations.close`, and again once they open it with
    /// `conversations.open`. `None` for an unknown conversation, one that is not a direct or
    /// group direct message, or a user not in it.
    pub fn is_open(&self, channel: &str, user: &str) -> Option<bool> {
        let state = self.shared.lock();
        let channel = state.workspace.channels.get(channel)?;
        let direct = matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim);
        (direct && channel.members.contains(user)).then(|| !channel.closed_by.contains(user))
    }

    /// Makes `user` one who dismissed the app's prompt to sign in before its links unfurl:
    /// a `chat.unfurl` asking to prompt them again (`user_auth_required`, `user_auth_message`,
    /// `user_auth_blocks` or `user_auth_url`) about a message of theirs is `cannot_prompt`.
    pub fn dismiss_unfurl_prompts(&self, user: &str) {
        self.shared
            .lock()
            .unfurl_prompts_dismissed
            .insert(user.to_owned());
    }

    /// Revokes a token: calls with it are answered `token_revoked`.
    pub fn revoke_token(&self, token: &str) {
        if let Some(entry) = self.shared.lock().tokens.get_mut(token) {
            entry.revoked = true;
        }
    }

    /// Gives custom profile field `id` a label, which `users.profile.get` reports with
    /// `include_labels=true`; a field the workspace did not know is added after the others, a
    /// visible `text` field with no hint, which `team.profile.get` then answers.
    pub fn define_profile_field(&self, id: &str, label: &str) {
        let mut state = self.shared.lock();
        let fields = &mut state.profile_fields;
        match fields.iter_mut().find(|field| field.id == id) {
            Some(field) => label.clone_into(&mut field.label),
            None => fields.push(crate::state::ProfileField::text(id, label, "")),
        }
    }

    /// The stored profile of `user`, as `users.profile.get` would return it.
    pub fn profile(&self, user: &str) -> Option<serde_json::Value> {
        let state = self.shared.lock();
        let user = state.users.get(user)?;
        Some(serde_json::Value::Object(user.profile.clone()))
    }

    /// Every request received so far, in order, faulted and refused ones included. The log
    /// grows until [`clear_requests`](Self::clear_requests). A request refused before it was read
    /// whole is not in it: one the server could not parse as HTTP, a head over 32 KiB, a body
    /// over the limit (413) or with broken framing (400, 501).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// The requests received so far for one method.
    pub fn requests_for(&self, method: &str) -> Vec<RecordedRequest> {
        self.shared
            .lock()
            .requests
            .iter()
            .filter(|r| r.method.as_deref() == Some(method))
            .cloned()
            .collect()
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }

    /// Answers `method` with a canned response, for methods the emulator does not implement (or
    /// to override one it does). Any valid token may call it.
    ///
    /// An object `response` is answered as `{"ok":true, ...its fields}`, or as it is when its
    /// `ok` is anything but `true` (`"ok": false` for an error, another value to try how a
    /// client takes a malformed envelope); any other JSON value is answered verbatim. Each
    /// `ok: true` answer counts as an applied write.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use slack_methods_emulator::Emulator;
    /// let emu = Emulator::start().await?;
    /// emu.stub_method("chat.scheduleMessage", serde_json::json!({"scheduled_message_id": "Q1"}));
    /// # Ok(())
    /// # }
    /// ```
    pub fn stub_method(&self, method: &str, response: serde_json::Value) {
        self.stub_method_with_scopes(method, &[], response);
    }

    /// Like [`stub_method`](Self::stub_method), but the token needs one of `scopes`
    /// (`missing_scope` otherwise).
    pub fn stub_method_with_scopes(
        &self,
        method: &str,
        scopes: &[&str],
        response: serde_json::Value,
    ) {
        self.shared.lock().stubs.insert(
            method.to_owned(),
            Stub {
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                response,
            },
        );
    }

    /// Removes the stub of `method`.
    pub fn remove_stub(&self, method: &str) {
        self.shared.lock().stubs.remove(method);
    }

    /// Makes the next `times` calls of `method` get `fault`. Faults injected for the same
    /// method queue up in order.
    pub fn inject(&self, method: &str, fault: Fault, times: usize) {
        self.shared
            .lock()
            .faults
            .entry(method.to_owned())
            .or_default()
            .push(fault, times);
    }

    /// Drops every fault not yet served.
    pub fn clear_faults(&self) {
        self.shared.lock().faults.clear();
    }

    /// Enforces Slack's rate-limit tiers, with time sped up by `scale` (60: a minute lasts a
    /// second; 1: real time). A scale that is not a positive number counts as 1. Resets the
    /// windows.
    pub fn set_tier_limits(&self, scale: f64) {
        self.shared.lock().limits.set_tiers(Some(scale));
    }

    /// Stops enforcing tiers (per-method limits set with [`set_rate_limit`](Self::set_rate_limit)
    /// stay, in real time).
    pub fn disable_tier_limits(&self) {
        self.shared.lock().limits.set_tiers(None);
    }

    /// Limits `method` to `per_minute` calls a (scaled) minute per token, whether or not tier
    /// limits are on, and whatever its tier. A stubbed method has no tier of its own, so this is
    /// how to limit it.
    pub fn set_rate_limit(&self, method: &str, per_minute: u32) {
        self.shared
            .lock()
            .limits
            .set_override(method, Some(per_minute));
    }

    /// Removes the per-method limit of `method`.
    pub fn clear_rate_limit(&self, method: &str) {
        self.shared.lock().limits.set_override(method, None);
    }

    /// How many calls of `method` were applied: successful calls of a [served](Self::serve)
    /// method that writes (as its binding's `WRITES` says) and `ok: true` answers of stubs,
    /// including those whose answer a fault then spoiled. A method that only reads counts none.
    pub fn applied_writes(&self, method: &str) -> usize {
        self.shared
            .lock()
            .applied_writes
            .get(method)
            .copied()
            .unwrap_or(0)
    }

    /// The profile photo `user` set with `users.setPhoto` (its bytes as they arrived, its file
    /// name, content type and crop box), or `None` when none is set (or `users.deletePhoto`
    /// deleted it).
    pub fn user_photo(&self, user: &str) -> Option<Photo> {
        self.shared.lock().photos.get(user).cloned()
    }

    /// How many HTTP 429 answers were sent, by the rate limit or by an injected fault.
    pub fn rate_limited_responses(&self) -> usize {
        self.shared.lock().responses_429
    }

    /// Stops the server and waits for it to finish. Open connections are closed.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
