//! `users.profile.get` and `users.profile.set`, `users.setPhoto` and `users.deletePhoto`.

use crate::methods::Acknowledged;
use crate::types::{Profile, ProfileUpdate};
use crate::{slack_method, FormFile, InvalidRequest, UserId};
use serde::Deserialize;

pub use crate::types::{MAX_FIELD_NAME_CHARS, MAX_UPDATE_FIELDS as MAX_PROFILE_FIELDS};

/// `users.profile.set`: changes a user's profile, either several fields at once (`profile`) or
/// one field (`name` with `value`), of the token's own user or, for an admin, of `user`.
///
/// Sending `profile` together with `name` or `value`, `name` without `value` (or the other way
/// round), setting more than 50 fields, or naming a field longer than 255 characters is refused
/// before anything is sent.
///
/// # Building it
///
/// [`UsersProfileSet::profile`] and [`UsersProfileSet::field`] cannot mix the two forms.
///
/// ```
/// use slack_methods::methods::UsersProfileSet;
/// use slack_methods::types::ProfileUpdate;
/// let set = UsersProfileSet::profile(ProfileUpdate::new().status("riding a train", ":train:", 0));
/// assert_eq!(
///     slack_methods::encode_params(&set)?,
///     "profile=%7B%22status_text%22%3A%22riding+a+train%22%2C%22status_emoji%22%3A%22%3Atrain%3A%22%2C%22status_expiration%22%3A0%7D",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "users.profile.set",
    response = UsersProfileSetResponse,
    validate = UsersProfileSet::check
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersProfileSet {
    /// The name of the one field to set, such as `title` or a custom field id (`Xf...`); with
    /// `value`, not with `profile`.
    pub name: Option<String>,
    /// The value of the one field `name`.
    pub value: Option<String>,
    /// The user whose profile changes (the token's own user when left out); only admins of paid
    /// workspaces may name another user.
    pub user: Option<UserId>,
    /// The fields to set at once, by their Slack names (`status_text`, `status_emoji`,
    /// `status_expiration`, `display_name`, `title`, ...; custom fields under `fields`); not
    /// with `name` or `value`.
    #[slack(json)]
    pub profile: Option<ProfileUpdate>,
}

impl UsersProfileSet {
    /// Sets the fields of `update`.
    pub fn profile(update: ProfileUpdate) -> Self {
        UsersProfileSet {
            profile: Some(update),
            ..Self::default()
        }
    }

    /// Sets one field, e.g. `("first_name", "Jane")` or a custom field id.
    pub fn field(name: impl Into<String>, value: impl Into<String>) -> Self {
        UsersProfileSet {
            name: Some(name.into()),
            value: Some(value.into()),
            ..Self::default()
        }
    }

    /// Changes `user`'s profile instead of the token's own user.
    pub fn for_user(mut self, user: UserId) -> Self {
        self.user = Some(user);
        self
    }

    /// The rules Slack states for the parameters, checked before any I/O.
    fn check(&self) -> Result<(), InvalidRequest> {
        match (&self.profile, &self.name, &self.value) {
            // Said in parameters, not Rust calls: an agent calling the tool reads it too.
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(InvalidRequest::new(
                "`name`/`value` and `profile` cannot be sent together: send one field as `name` \
                 and `value`, or several in `profile`",
            )),
            (None, Some(_), None) => Err(InvalidRequest::new(
                "`name` needs a `value`: send both, or the fields in `profile`",
            )),
            (None, None, Some(_)) => Err(InvalidRequest::new(
                "`value` needs a `name`: send both, or the fields in `profile`",
            )),
            (None, None, None) => Err(InvalidRequest::new(
                "nothing to set: give a `profile` or a `name` and `value`",
            )),
            (None, Some(name), Some(_)) => check_field_name(name),
            (Some(update), None, None) => {
                let count = update.names().count();
                if count == 0 {
                    return Err(InvalidRequest::new(
                        "the profile update sets no field: add at least one",
                    ));
                }
                if count > MAX_PROFILE_FIELDS {
                    return Err(InvalidRequest::new(format!(
                        "the profile update sets {count} fields; Slack accepts at most {MAX_PROFILE_FIELDS} per call: split it"
                    )));
                }
                update.names().try_for_each(check_field_name)
            }
        }
    }
}

fn check_field_name(name: &str) -> Result<(), InvalidRequest> {
    let chars = name.chars().count();
    if chars == 0 {
        return Err(InvalidRequest::new("a profile field name is empty"));
    }
    if chars > MAX_FIELD_NAME_CHARS {
        let start: String = name.chars().take(20).collect();
        return Err(InvalidRequest::new(format!(
            "the profile field name `{start}…` is {chars} characters long; Slack accepts at most {MAX_FIELD_NAME_CHARS}"
        )));
    }
    Ok(())
}

crate::slack_object! {
    /// What `users.profile.set` answers. Fields this crate does not name are kept in `extra`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersProfileSetResponse {
        required {
            /// The whole profile after the change.
            pub profile: Profile,
        }
        /// The user's username (empty when Slack leaves it out, as its own example does).
        pub username: String,
        /// A new email address waiting for confirmation.
        pub email_pending: Option<String>,
    }
}

/// `users.profile.get`: reads a user's profile: names, title, status, contact details and
/// custom fields.
///
/// ```
/// use slack_methods::methods::UsersProfileGet;
/// use slack_methods::UserId;
/// let get = UsersProfileGet::of(UserId::new("U0123ABCD")?).with_labels();
/// assert_eq!(slack_methods::encode_params(&get)?, "user=U0123ABCD&include_labels=true");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("users.profile.get", response = UsersProfileGetResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersProfileGet {
    /// Whose profile; the token's own user when left out.
    pub user: Option<UserId>,
    /// Whether custom fields carry their labels.
    pub include_labels: Option<bool>,
}

impl UsersProfileGet {
    /// The token's own user's profile.
    pub fn new() -> Self {
        Self::default()
    }

    /// `user`'s profile.
    pub fn of(user: UserId) -> Self {
        UsersProfileGet {
            user: Some(user),
            include_labels: None,
        }
    }

    /// Asks for custom fields' labels too.
    pub fn with_labels(mut self) -> Self {
        self.include_labels = Some(true);
        self
    }
}

crate::slack_object! {
    /// What `users.profile.get` answers. Fields this crate does not name are kept in `extra`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersProfileGetResponse {
        required {
            /// The profile.
            pub profile: Profile,
        }
    }
}

/// `users.deletePhoto`: deletes the token's user's profile photo, whatever is set; the profile
/// shows Slack's default avatar after. Needs a user token with `users.profile:write`.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::UsersDeletePhoto;
/// client.call(&UsersDeletePhoto::new()).await?;
/// # Ok(()) }
/// ```
#[slack_method("users.deletePhoto", response = Acknowledged)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsersDeletePhoto {}

/// The call, which takes no parameters (the same as writing `UsersDeletePhoto {}`).
impl UsersDeletePhoto {
    /// Deletes the token's user's photo.
    pub fn new() -> Self {
        UsersDeletePhoto {}
    }
}

/// `users.setPhoto`: sets the token's user's profile photo from an image's bytes (PNG, JPEG or
/// GIF, which Slack's page names), sent as the `image` file part of a `multipart/form-data`
/// body, and answers the photo's URLs. Needs a user token with `users.profile:write`.
///
/// Slack's page asks for images of 512 to 1024 pixels a side, uses the whole image unless a
/// crop box is given (`crop_x`, `crop_y`, `crop_w` together: a square of side `crop_w` from
/// that corner), and letterboxes an image that is not square. An empty image, or a crop box
/// given in part or with a side of 0, is refused before sending. Slack answers `bad_image` to
/// bytes it cannot read as an image, `too_large` to excessive dimensions and `too_many_frames`
/// to an animated GIF with too many frames.
///
/// It is no tool: an agent's JSON arguments carry no file's bytes.
///
/// ```
/// use slack_methods::methods::UsersSetPhoto;
/// use slack_methods::{build_request, BaseUrl, FormFile, Token};
/// let png = FormFile::new("me.png", vec![0x89, b'P', b'N', b'G']).with_content_type("image/png");
/// let set = UsersSetPhoto::new(png).crop(0, 0, 512);
/// let request = build_request(&set, &BaseUrl::default(), &Token::new("xoxp-1")?)?;
/// assert_eq!(
///     request.headers()["content-type"],
///     "multipart/form-data; boundary=slack-methods-form-boundary"
/// );
/// let body = String::from_utf8_lossy(request.body());
/// assert!(body.starts_with(
///     "--slack-methods-form-boundary\r\nContent-Disposition: form-data; name=\"crop_x\"\r\n\r\n0\r\n"
/// ));
/// assert!(body.contains(
///     "name=\"image\"; filename=\"me.png\"\r\nContent-Type: image/png\r\n\r\n"
/// ));
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "users.setPhoto",
    response = UsersSetPhotoResponse,
    validate = UsersSetPhoto::check
)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UsersSetPhoto {
    /// The image, sent as a file part; its content type (`image/png`, `image/jpeg`,
    /// `image/gif`) is what Slack's page asks the part to say.
    pub image: FormFile,
    /// The crop box's left edge, in pixels.
    pub crop_x: Option<u32>,
    /// The crop box's top edge, in pixels.
    pub crop_y: Option<u32>,
    /// The crop box's width and height (it is square), in pixels.
    pub crop_w: Option<u32>,
}

impl UsersSetPhoto {
    /// Sets the photo to the whole of `image`.
    pub fn new(image: FormFile) -> Self {
        UsersSetPhoto {
            image,
            crop_x: None,
            crop_y: None,
            crop_w: None,
        }
    }

    /// Uses only the square of side `width` whose top left corner is at (`x`, `y`).
    pub fn crop(mut self, x: u32, y: u32, width: u32) -> Self {
        self.crop_x = Some(x);
        self.crop_y = Some(y);
        self.crop_w = Some(width);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.image.is_empty() {
            return Err(InvalidRequest::new(
                "`image` is empty; give the bytes of a PNG, JPEG or GIF image",
            ));
        }
        match (self.crop_x, self.crop_y, self.crop_w) {
            (None, None, None) => Ok(()),
            (Some(_), Some(_), Some(0)) => Err(InvalidRequest::new(
                "`crop_w` is 0, which crops nothing; give the crop box's side in pixels, or leave the crop box out",
            )),
            (Some(_), Some(_), Some(_)) => Ok(()),
            _ => Err(InvalidRequest::new(
                "`crop_x`, `crop_y` and `crop_w` make one crop box; give all three, or none for the whole image",
            )),
        }
    }
}

crate::slack_object! {
    /// The URLs of a photo `users.setPhoto` set, at each size Slack makes. Fields this crate
    /// does not name are kept in `extra`.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct PhotoImages {
        /// The hash Slack names the photo by.
        pub avatar_hash: Option<String>,
        /// 24 pixels a side.
        pub image_24: Option<String>,
        /// 32 pixels a side.
        pub image_32: Option<String>,
        /// 48 pixels a side.
        pub image_48: Option<String>,
        /// 72 pixels a side.
        pub image_72: Option<String>,
        /// 192 pixels a side.
        pub image_192: Option<String>,
        /// 512 pixels a side.
        pub image_512: Option<String>,
        /// 1024 pixels a side.
        pub image_1024: Option<String>,
        /// The image as it was sent.
        pub image_original: Option<String>,
    }
}

crate::slack_object! {
    /// What `users.setPhoto` answers: the new photo's URLs. Slack's page shows `{"ok": true}`
    /// as the typical answer, so an answer without them is read as a success with no URL (the
    /// photo is set all the same). Fields this crate does not name are kept in `extra`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersSetPhotoResponse {
        /// The photo's hash and URLs; every one `None` when Slack sends none.
        pub profile: PhotoImages,
    }
}
