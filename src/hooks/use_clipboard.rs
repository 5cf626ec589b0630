use yew::prelude::*;

/// Copies text to the clipboard; the state says whether the last copy worked (`None` before any).
#[hook]
pub fn use_clipboard() -> (Callback<String>, UseStateHandle<Option<bool>>) {
    let result = use_state(|| None);
    let copy = {
        let result = result.clone();
        Callback::from(move |text: String| {
            let result = result.clone();
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                result.set(Some(false));
                return;
            };
            let promise = clipboard.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                result.set(Some(ok));
            });
        })
    };
    (copy, result)
}
