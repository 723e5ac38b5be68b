//! The `#[slack_method]` attribute (being written).
use proc_macro::TokenStream;

/// Placeholder: returns the item unchanged.
#[proc_macro_attribute]
pub fn slack_method(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
