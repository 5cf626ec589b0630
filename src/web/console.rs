//! The console: the one place the widget speaks to a partner's developer. Each message is said
//! once per widget (or per page, for what is page-wide), naming the input it is about.

/// Says `message` in the console unless `warned` shows it was said already.
pub(crate) fn warn(warned: &mut Vec<String>, message: String) {
    if !warned.contains(&message) {
        web_sys::console::warn_1(&(&message).into());
        warned.push(message);
    }
}
