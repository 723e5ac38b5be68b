//! Response and request types shared by several methods.

mod profile;
pub(crate) mod serde_helpers;

pub use profile::{CustomField, CustomFieldUpdate, Profile, ProfileUpdate};
