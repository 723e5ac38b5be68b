//! The featured-workflow bindings against the emulator, over real HTTP: workflows featured in
//! a channel by their link triggers, added, removed, replaced and listed as Slack keeps them;
//! too many trigger ids refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use slack_methods::methods::{
    WorkflowsFeaturedAdd, WorkflowsFeaturedList, WorkflowsFeaturedRemove, WorkflowsFeaturedSet,
};
use slack_methods::ChannelId;
use slack_methods_emulator::{demo, Emulator};

/// A user token of Grace's (not in `#leads`), with the bookmark scopes.
const GRACE_TOKEN: &str = "xoxp-grace-featured";
/// A user token with no bookmark scope.
const NO_SCOPES: &str = "xoxp-linus-no-bookmarks";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(
        GRACE_TOKEN,
        demo::GRACE,
        &["bookmarks:read", "bookmarks:write"],
    );
    emu.add_token(NO_SCOPES, demo::LINUS, &["channels:read"]);
    emu
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// `workflows.featured.add` with `trigger_ids` as given, unchecked.
#[slack_methods::slack_method("workflows.featured.add", scope = "bookmarks:write")]
struct RawAdd {
    channel_id: String,
    trigger_ids: String,
}

/// `workflows.featured.list` with `channel_ids` as given, unchecked.
#[slack_methods::slack_method("workflows.featured.list", scope = "bookmarks:read", writes = false)]
struct RawList {
    channel_ids: String,
}

#[tokio::test]
async fn workflows_are_added_removed_and_replaced_in_their_order() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tabby = emu.add_link_trigger("Tabby workflow");
    let tortoise = emu.add_link_trigger("Tortoise workflow");
    let calico = emu.add_link_trigger("Calico workflow");
    assert!(tabby.starts_with("Ft"));
    let general = channel(demo::GENERAL);

    let add = WorkflowsFeaturedAdd::new(general.clone(), [&tabby, &tortoise]);
    ada.call(&add).await.unwrap();
    assert_eq!(
        emu.featured_workflows(demo::GENERAL),
        [tabby.as_str(), tortoise.as_str()]
    );
    // Added again, a featured one keeps its place; a new one goes last.
    let again = WorkflowsFeaturedAdd::new(general.clone(), [&calico, &tabby]);
    ada.call(&again).await.unwrap();
    assert_eq!(
        emu.featured_workflows(demo::GENERAL),
        [tabby.as_str(), tortoise.as_str(), calico.as_str()]
    );

    let remove = WorkflowsFeaturedRemove::new(general.clone(), [&tortoise]);
    ada.call(&remove).await.unwrap();
    assert_eq!(
        emu.featured_workflows(demo::GENERAL),
        [tabby.as_str(), calico.as_str()]
    );
    // Removing one not featured is no error.
    ada.call(&remove).await.unwrap();

    let set = WorkflowsFeaturedSet::new(general.clone(), [&calico, &tortoise]);
    ada.call(&set).await.unwrap();
    assert_eq!(
        emu.featured_workflows(demo::GENERAL),
        [calico.as_str(), tortoise.as_str()]
    );

    let none = WorkflowsFeaturedSet::none(general);
    ada.call(&none).await.unwrap();
    assert!(emu.featured_workflows(demo::GENERAL).is_empty());
    // None is sent as an empty list, not left out.
    let sent = emu.requests_for("workflows.featured.set").pop().unwrap();
    let pairs = common::form_pairs(&sent.body);
    assert!(
        pairs.contains(&("trigger_ids".to_owned(), String::new())),
        "{pairs:?}"
    );
}

#[tokio::test]
async fn list_answers_each_channel_with_its_triggers_and_titles() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tabby = emu.add_link_trigger("Tabby workflow");
    let ragdoll = emu.add_link_trigger("Ragdoll workflow");
    let add = WorkflowsFeaturedAdd::new(channel(demo::GENERAL), [&tabby]);
    bot.call(&add).await.unwrap();
    let add = WorkflowsFeaturedAdd::new(channel(demo::LEADS), [&ragdoll, &tabby]);
    bot.call(&add).await.unwrap();

    let list = WorkflowsFeaturedList::of([
        channel(demo::LEADS),
        channel(demo::RANDOM),
        channel(demo::GENERAL),
    ]);
    let answer = bot.call(&list).await.unwrap();
    let channels: Vec<_> = answer.featured_workflows.iter().collect();
    assert_eq!(channels.len(), 3);
    assert_eq!(channels[0].channel_id.as_str(), demo::LEADS);
    let leads: Vec<_> = channels[0]
        .triggers
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_deref()))
        .collect();
    assert_eq!(
        leads,
        [
            (ragdoll.as_str(), Some("Ragdoll workflow")),
            (tabby.as_str(), Some("Tabby workflow")),
        ]
    );
    assert_eq!(channels[1].channel_id.as_str(), demo::RANDOM);
    assert!(channels[1].triggers.is_empty());
    assert_eq!(channels[2].triggers[0].id, tabby);
}

#[tokio::test]
async fn slack_errors_come_back_typed() {
    let emu = emulator().await;
    let grace = client(&emu, GRACE_TOKEN);
    let tabby = emu.add_link_trigger("Tabby workflow");

    // A private channel Grace is not in, and one that is not there.
    let hidden = WorkflowsFeaturedAdd::new(channel(demo::LEADS), [&tabby]);
    assert_eq!(code(grace.call(&hidden).await), "channel_not_found");
    let gone = WorkflowsFeaturedSet::new(channel("C0NOTTHERE"), [&tabby]);
    assert_eq!(code(grace.call(&gone).await), "channel_not_found");
    let list = WorkflowsFeaturedList::of([channel(demo::GENERAL), channel(demo::LEADS)]);
    assert_eq!(code(grace.call(&list).await), "channel_not_found");

    // A trigger the workspace has no link trigger for.
    let unknown = WorkflowsFeaturedAdd::new(channel(demo::GENERAL), ["Ft0NOTHERE"]);
    assert_eq!(
        code(grace.call(&unknown).await),
        "error_modifying_workflows"
    );
    let unknown = WorkflowsFeaturedRemove::new(channel(demo::GENERAL), ["Ft0NOTHERE"]);
    assert_eq!(
        code(grace.call(&unknown).await),
        "error_modifying_workflows"
    );
    assert!(emu.featured_workflows(demo::GENERAL).is_empty());

    // A list naming no channel.
    let empty = WorkflowsFeaturedList::of([]);
    assert_eq!(code(grace.call(&empty).await), "error_invalid_channels");

    // What the typed bindings do not send: more than 15 ids, an empty id.
    let many: Vec<String> = (0..16).map(|_| emu.add_link_trigger("Many")).collect();
    let raw = RawAdd {
        channel_id: demo::GENERAL.to_owned(),
        trigger_ids: many.join(","),
    };
    assert_eq!(code(grace.call(&raw).await), "invalid_arguments");
    let raw = RawAdd {
        channel_id: demo::GENERAL.to_owned(),
        trigger_ids: format!("{tabby},"),
    };
    assert_eq!(code(grace.call(&raw).await), "invalid_arguments");
    // A JSON array of ids reads as the comma-separated list does.
    let raw = RawAdd {
        channel_id: demo::GENERAL.to_owned(),
        trigger_ids: format!("[\"{tabby}\"]"),
    };
    grace.call(&raw).await.unwrap();
    assert_eq!(emu.featured_workflows(demo::GENERAL), [tabby.as_str()]);
    let raw = RawList {
        channel_ids: format!("[\"{}\"]", demo::GENERAL),
    };
    grace.call(&raw).await.unwrap();

    // Without the bookmark scopes.
    let linus = client(&emu, NO_SCOPES);
    let add = WorkflowsFeaturedAdd::new(channel(demo::GENERAL), [&tabby]);
    assert_eq!(code(linus.call(&add).await), "missing_scope");
    let list = WorkflowsFeaturedList::of([channel(demo::GENERAL)]);
    assert_eq!(code(linus.call(&list).await), "missing_scope");
}

#[tokio::test]
async fn more_than_fifteen_trigger_ids_are_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let ids: Vec<String> = (0..16).map(|n| format!("Ft{n:08}")).collect();
    let general = channel(demo::GENERAL);
    let add = WorkflowsFeaturedAdd::new(general.clone(), &ids);
    assert!(refused(ada.call(&add).await).contains("at most 15"));
    let remove = WorkflowsFeaturedRemove::new(general.clone(), &ids);
    assert!(refused(ada.call(&remove).await).contains("at most 15"));
    let set = WorkflowsFeaturedSet::new(general.clone(), &ids);
    assert!(refused(ada.call(&set).await).contains("at most 15"));
    assert!(emu.requests().is_empty());
    // Fifteen are sent (and name no trigger the emulator made).
    let set = WorkflowsFeaturedSet::new(general, &ids[..15]);
    assert_eq!(code(ada.call(&set).await), "error_modifying_workflows");
}

#[test]
fn removing_and_replacing_are_destructive_and_listing_is_a_read() {
    // (method, writes, destructive, scopes)
    assert_eq!(
        [
            common::tool_facts::<WorkflowsFeaturedAdd>(),
            common::tool_facts::<WorkflowsFeaturedRemove>(),
            common::tool_facts::<WorkflowsFeaturedSet>(),
            common::tool_facts::<WorkflowsFeaturedList>(),
        ],
        [
            (
                "workflows.featured.add",
                true,
                false,
                &["bookmarks:write"][..]
            ),
            (
                "workflows.featured.remove",
                true,
                true,
                &["bookmarks:write"][..]
            ),
            (
                "workflows.featured.set",
                true,
                true,
                &["bookmarks:write"][..]
            ),
            (
                "workflows.featured.list",
                false,
                false,
                &["bookmarks:read"][..]
            ),
        ]
    );
}

#[tokio::test]
async fn an_empty_trigger_id_or_one_with_a_comma_is_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tabby = emu.add_link_trigger("Tabby workflow");
    let general = channel(demo::GENERAL);
    ada.call(&WorkflowsFeaturedAdd::new(general.clone(), [&tabby]))
        .await
        .unwrap();
    let sent = emu.requests().len();
    // One empty id would go as `trigger_ids=`, which `set` reads as featuring none.
    let set = WorkflowsFeaturedSet::new(general.clone(), [""]);
    assert!(refused(ada.call(&set).await).contains("empty"));
    let add = WorkflowsFeaturedAdd::new(general.clone(), [tabby.as_str(), " "]);
    assert!(refused(ada.call(&add).await).contains("`trigger_ids` 1 is empty"));
    let two_in_one = format!("{tabby},{tabby}");
    let remove = WorkflowsFeaturedRemove::new(general.clone(), [&two_in_one]);
    assert!(refused(ada.call(&remove).await).contains("comma"));
    assert_eq!(emu.requests().len(), sent);
    assert_eq!(emu.featured_workflows(demo::GENERAL), [tabby.as_str()]);
}
