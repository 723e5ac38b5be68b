//! App manifests, configuration tokens and uninstalling, over real HTTP against the emulator:
//! the `apps.manifest.*` methods with an app configuration token (created, checked, exported
//! with every field kept, updated, deleted; `invalid_manifest` with its problems reachable from
//! the error, `app_not_found`, `not_allowed_token_type`, `token_expired`), the new app's
//! secrets kept out of `Debug`; `tooling.tokens.rotate` without a token (a new token that
//! works, the refresh token used up, `invalid_refresh_token`); and `apps.uninstall`, which
//! revokes the app's tokens (`invalid_client_id`, `bad_client_secret`,
//! `client_id_token_mismatch`).

mod common;

use common::{api_code as code, tokenless, unpaced_client as client, without_token};
use serde_json::json;
use slack_methods::methods::{
    AppManifest, AppsManifestCreate, AppsManifestDelete, AppsManifestExport, AppsManifestUpdate,
    AppsManifestValidate, AppsUninstall, AuthTest, ManifestProblem, ToolingTokensRotate,
};
use slack_methods::{AppId, HttpVerb, MethodFacts, RateLimitTier, SlackMethod, Token, TokenKind};
use slack_methods_emulator::{demo, Emulator};

const CLIENT_ID: &str = common::OAUTH_CLIENT_ID;
const CLIENT_SECRET: &str = common::OAUTH_CLIENT_SECRET;

async fn emulator() -> Emulator {
    // None is bundled (no tool: two answer credentials, the other takes the app's secret),
    // so they are served on their own.
    common::oauth_emulator(&[
        MethodFacts::of::<AppsManifestCreate>(),
        MethodFacts::of::<ToolingTokensRotate>(),
        MethodFacts::of::<AppsUninstall>(),
    ])
    .await
}

/// A manifest with a field no accessor names, to see it kept.
fn tea_bot() -> AppManifest {
    serde_json::from_value(json!({
        "display_information": { "name": "Tea bot", "description": "Brews" },
        "features": { "bot_user": { "display_name": "teabot" } },
        "oauth_config": { "scopes": { "bot": ["chat:write"] } },
        "settings": { "socket_mode_enabled": true },
        "a_future_section": { "kept": [1, 2] },
    }))
    .unwrap()
}

#[test]
fn the_bindings_keep_slack_s_facts_and_tool_facts() {
    let none: &[&str] = &[];
    assert_eq!(
        [
            common::tool_facts::<AppsManifestCreate>(),
            common::tool_facts::<AppsManifestValidate>(),
            common::tool_facts::<AppsManifestUpdate>(),
            common::tool_facts::<AppsManifestExport>(),
            common::tool_facts::<AppsManifestDelete>(),
        ],
        [
            ("apps.manifest.create", true, false, none),
            ("apps.manifest.validate", false, false, none),
            ("apps.manifest.update", true, true, none),
            ("apps.manifest.export", false, false, none),
            ("apps.manifest.delete", true, true, none),
        ]
    );
    assert_eq!(AppsManifestCreate::VERB, HttpVerb::Post);
    assert_eq!(AppsManifestExport::TIER, RateLimitTier::Tier3);
    assert_eq!(ToolingTokensRotate::SCOPES, none);
    assert_eq!(AppsUninstall::SCOPES, none);
    assert_eq!(
        (AppsUninstall::WRITES, ToolingTokensRotate::WRITES),
        (true, true)
    );
    let bundled: Vec<&str> = slack_methods::methods::ALL
        .iter()
        .map(|facts| facts.name)
        .collect();
    assert!(bundled.contains(&"apps.manifest.delete"));
    assert!(!bundled.contains(&ToolingTokensRotate::NAME));
    assert!(!bundled.contains(&AppsUninstall::NAME));
    assert!(!bundled.contains(&AppsManifestCreate::NAME));
}

/// `apps.manifest.create` answers the new app's client secret, verification token and signing
/// secret, and a tool answers the data as Slack sent it: so it is no tool, and an agent asking
/// for it by name is told there is none, with nothing sent.
#[cfg(feature = "tools")]
#[tokio::test]
async fn creating_an_app_is_no_tool_so_an_agent_never_gets_its_secrets() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let config = client(&emu, demo::CONFIG_TOKEN);
    let tools = Registry::bundled();
    assert!(tools.get("appsManifestCreate").is_none());
    let args = json!({ "manifest": { "display_information": { "name": "Tea bot" } } });
    let answer = tools.call(&config, "appsManifestCreate", args).await;
    assert!(
        matches!(answer, Err(ToolError::UnknownTool { .. })),
        "{answer:?}"
    );
    assert!(emu.requests_for(AppsManifestCreate::NAME).is_empty());
    // The manifest's other methods answer no credential: they stay tools.
    assert!(tools.get("appsManifestValidate").is_some());
}

#[test]
fn the_manifest_goes_as_json_text_and_secrets_stay_out_of_debug() {
    let create = AppsManifestCreate::new(AppManifest::named("Tea bot"));
    assert_eq!(
        slack_methods::encode_params(&create).unwrap(),
        "manifest=%7B%22display_information%22%3A%7B%22name%22%3A%22Tea+bot%22%7D%7D"
    );
    let rotate = ToolingTokensRotate::new(&Token::new("xoxe-1-kept-refresh").unwrap());
    assert!(!format!("{rotate:?}").contains("kept"), "{rotate:?}");
    let uninstall = AppsUninstall::new(CLIENT_ID, "s3cret-value");
    assert!(
        !format!("{uninstall:?}").contains("s3cret"),
        "{uninstall:?}"
    );
}

#[tokio::test]
async fn an_app_is_created_exported_updated_and_deleted_with_a_configuration_token() {
    let emu = emulator().await;
    let config = client(&emu, demo::CONFIG_TOKEN);
    let created = config
        .call(&AppsManifestCreate::new(tea_bot()))
        .await
        .unwrap();
    let secret = created.credentials.expose_client_secret().to_owned();
    let signing = created.credentials.expose_signing_secret().to_owned();
    let verification = created.credentials.expose_verification_token().to_owned();
    assert!(!secret.is_empty() && !signing.is_empty() && !verification.is_empty());
    let shown = format!("{created:?} {:?}", created.data);
    for hidden in [&secret, &signing, &verification] {
        assert!(!shown.contains(hidden.as_str()), "{shown}");
    }
    assert!(shown.contains(&created.credentials.client_id), "{shown}");
    let url = created.oauth_authorize_url.clone().unwrap();
    assert!(url.contains("scope=chat:write"), "{url}");
    let app = created.app_id.clone();
    assert!(emu.app_manifest(app.as_str()).is_some());

    let exported = config
        .call(&AppsManifestExport::new(app.clone()))
        .await
        .unwrap();
    assert_eq!(exported.manifest, tea_bot(), "every field kept");
    assert_eq!(exported.manifest.name(), Some("Tea bot"));
    assert_eq!(exported.manifest.description(), Some("Brews"));
    assert_eq!(exported.manifest.bot_display_name(), Some("teabot"));
    assert!(exported.manifest.socket_mode_enabled());

    let valid = config
        .call(&AppsManifestValidate::new(tea_bot()).for_app(app.clone()))
        .await
        .unwrap();
    assert!(valid.errors.is_empty());

    // The same scopes: no reinstall; new bot scopes: its users must reinstall it.
    let mut renamed = tea_bot();
    renamed.set("display_information", json!({ "name": "Coffee bot" }));
    let same = config
        .call(&AppsManifestUpdate::new(app.clone(), renamed.clone()))
        .await
        .unwrap();
    assert!(!same.permissions_updated);
    assert_eq!(same.app_id.as_ref(), Some(&app));
    renamed.set(
        "oauth_config",
        json!({ "scopes": { "bot": ["chat:write", "users:read"] } }),
    );
    let more = config
        .call(&AppsManifestUpdate::new(app.clone(), renamed.clone()))
        .await
        .unwrap();
    assert!(more.permissions_updated);
    let exported = config
        .call(&AppsManifestExport::new(app.clone()))
        .await
        .unwrap();
    assert_eq!(exported.manifest.name(), Some("Coffee bot"));
    assert_eq!(exported.manifest.bot_scopes(), ["chat:write", "users:read"]);

    config
        .call(&AppsManifestDelete::new(app.clone()))
        .await
        .unwrap();
    assert!(emu.app_manifest(app.as_str()).is_none());
    for result in [
        code(config.call(&AppsManifestExport::new(app.clone())).await),
        code(config.call(&AppsManifestDelete::new(app.clone())).await),
        code(
            config
                .call(&AppsManifestUpdate::new(app.clone(), tea_bot()))
                .await,
        ),
        code(
            config
                .call(&AppsManifestValidate::new(tea_bot()).for_app(app.clone()))
                .await,
        ),
    ] {
        assert_eq!(result, "app_not_found");
    }
    let sent = emu.requests_for("apps.manifest.create");
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].bearer_token(), Some(demo::CONFIG_TOKEN));
}

#[tokio::test]
async fn a_manifest_without_a_name_is_invalid_with_its_problems_in_the_error() {
    let emu = emulator().await;
    let config = client(&emu, demo::CONFIG_TOKEN);
    let nameless: AppManifest =
        serde_json::from_value(json!({ "display_information": { "description": "?" } })).unwrap();
    let expected = [(
        "/display_information/name",
        "display_information.name is required",
    )];
    let created = config
        .call(&AppsManifestCreate::new(nameless.clone()))
        .await
        .unwrap_err();
    assert_eq!(created.as_api().unwrap().code.as_str(), "invalid_manifest");
    let problems: Vec<(String, String)> = ManifestProblem::of(&created)
        .into_iter()
        .map(|problem| (problem.pointer, problem.message))
        .collect();
    assert_eq!(
        problems,
        expected.map(|(p, m)| (p.to_owned(), m.to_owned()))
    );
    let checked = config
        .call(&AppsManifestValidate::new(nameless.clone()))
        .await
        .unwrap_err();
    assert_eq!(ManifestProblem::of(&checked)[0].pointer, expected[0].0);
    let app = config
        .call(&AppsManifestCreate::new(tea_bot()))
        .await
        .unwrap()
        .data
        .app_id;
    let updated = config
        .call(&AppsManifestUpdate::new(app.clone(), nameless))
        .await
        .unwrap_err();
    assert_eq!(ManifestProblem::of(&updated).len(), 1);
    // The app keeps its manifest, and other errors list no problems.
    let kept = config.call(&AppsManifestExport::new(app)).await.unwrap();
    assert_eq!(kept.manifest.name(), Some("Tea bot"));
    let other = client(&emu, demo::BOT_TOKEN)
        .call(&AppsManifestValidate::new(tea_bot()))
        .await
        .unwrap_err();
    assert!(ManifestProblem::of(&other).is_empty());
}

#[tokio::test]
async fn one_odd_problem_does_not_hide_the_others() {
    let emu = emulator().await;
    emu.stub_method(
        AppsManifestValidate::NAME,
        json!({
            "ok": false,
            "error": "invalid_manifest",
            "errors": [
                { "message": "must be a URL", "pointer": "/settings/interactivity/request_url" },
                { "message": null, "pointer": "/features" },
                { "message": "too long", "pointer": 7 },
                "not an object",
            ],
        }),
    );
    let checked = client(&emu, demo::CONFIG_TOKEN)
        .call(&AppsManifestValidate::new(tea_bot()))
        .await
        .unwrap_err();
    let problems: Vec<(String, String)> = ManifestProblem::of(&checked)
        .into_iter()
        .map(|problem| (problem.pointer, problem.message))
        .collect();
    let expected = [
        ("/settings/interactivity/request_url", "must be a URL"),
        ("/features", ""),
        ("7", "too long"),
    ];
    assert_eq!(
        problems,
        expected.map(|(p, m)| (p.to_owned(), m.to_owned()))
    );
}

#[tokio::test]
async fn other_tokens_are_refused_and_the_configuration_token_calls_nothing_else() {
    let emu = emulator().await;
    let app = AppId::new("A0123ABCD").unwrap();
    for token in [demo::BOT_TOKEN, demo::USER_TOKEN, demo::APP_TOKEN] {
        let caller = client(&emu, token);
        assert_eq!(
            code(caller.call(&AppsManifestCreate::new(tea_bot())).await),
            "not_allowed_token_type"
        );
        assert_eq!(
            code(caller.call(&AppsManifestExport::new(app.clone())).await),
            "not_allowed_token_type"
        );
    }
    assert_eq!(
        code(client(&emu, demo::CONFIG_TOKEN).call(&AuthTest).await),
        "not_allowed_token_type"
    );
    emu.expire_config_token(demo::CONFIG_TOKEN);
    assert_eq!(
        code(
            client(&emu, demo::CONFIG_TOKEN)
                .call(&AppsManifestValidate::new(tea_bot()))
                .await
        ),
        "token_expired"
    );
}

#[tokio::test]
async fn a_refresh_token_gives_a_new_configuration_token_once() {
    let emu = emulator().await;
    emu.expire_config_token(demo::CONFIG_TOKEN);
    let anonymous = tokenless(&emu);
    let kept = Token::new(demo::CONFIG_REFRESH_TOKEN).unwrap();
    let rotated = without_token(&anonymous, &ToolingTokensRotate::new(&kept))
        .await
        .unwrap();
    assert_eq!(rotated.token.kind(), TokenKind::User);
    assert!(rotated.token.expose_secret().starts_with("xoxe.xoxp-"));
    assert_eq!(rotated.refresh_token.kind(), TokenKind::Refresh);
    assert_eq!(rotated.user_id.as_ref().unwrap().as_str(), demo::ADA);
    assert!(rotated.team_id.is_some());
    assert_eq!(
        rotated.exp.unwrap() - rotated.iat.unwrap(),
        12 * 60 * 60,
        "12 hours"
    );
    let shown = format!("{rotated:?} {:?}", rotated.data);
    assert!(
        !shown.contains(rotated.token.expose_secret())
            && !shown.contains(rotated.refresh_token.expose_secret()),
        "{shown}"
    );
    let sent = emu.requests_for("tooling.tokens.rotate");
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].bearer_token(), None);

    // The new token works; the refresh token sent is used up, the new one is good once.
    let config = client(&emu, rotated.token.expose_secret());
    config
        .call(&AppsManifestValidate::new(tea_bot()))
        .await
        .unwrap();
    assert_eq!(
        code(without_token(&anonymous, &ToolingTokensRotate::new(&kept)).await),
        "invalid_refresh_token"
    );
    without_token(
        &anonymous,
        &ToolingTokensRotate::new(&rotated.refresh_token),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn uninstalling_revokes_the_app_s_tokens() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    assert_eq!(
        code(
            bot.call(&AppsUninstall::new("0000.1111", CLIENT_SECRET))
                .await
        ),
        "invalid_client_id"
    );
    assert_eq!(
        code(bot.call(&AppsUninstall::new(CLIENT_ID, "wrong")).await),
        "bad_client_secret"
    );
    assert_eq!(
        code(
            client(&emu, demo::USER_TOKEN)
                .call(&AppsUninstall::new(CLIENT_ID, CLIENT_SECRET))
                .await
        ),
        "client_id_token_mismatch"
    );
    bot.call(&AppsUninstall::new(CLIENT_ID, CLIENT_SECRET))
        .await
        .unwrap();
    assert_eq!(code(bot.call(&AuthTest).await), "token_revoked");
    // The user's own token stays.
    client(&emu, demo::USER_TOKEN)
        .call(&AuthTest)
        .await
        .unwrap();
    let sent = emu.requests_for("apps.uninstall");
    assert!(sent.iter().all(|request| request.verb == "POST"));
}
