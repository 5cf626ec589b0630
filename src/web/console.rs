//! The console: the one place the widget speaks to a partner's developer. Each message is said
//! once per widget (or per page, for what is page-wide), naming the input it is about.

/// Says `message` in the console unless `warned` shows it was said already.
pub(crate) fn warn(warned: &mut Vec<String>, message: String) {
    if !warned.contains(&message) {
        web_sys::console::warn_1(&(&message).into());
        warned.push(message);
    }
}

thread_local! {
    /// What was said for the whole page (a data channel several widgets share).
    static SAID_FOR_THE_PAGE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Says `message` once per page, however many widgets have it to say.
pub(crate) fn warn_once_per_page(message: String) {
    SAID_FOR_THE_PAGE.with(|said| warn(&mut said.borrow_mut(), message));
}
