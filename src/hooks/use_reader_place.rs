use yew::prelude::*;

/// Keeps what a reader is looking at where it is on the screen while the list in `list`
/// re-renders its rows in another language and order (`rows` names what is rendered: when it
/// changes, the rows are re-sorted). On the standalone page the list is taken over in the
/// prerender's English order and then re-sorted into the visitor's language at once; rows move
/// between chunks, so the browser replaces most of them and the list's height changes.
///
/// The engines' own scroll anchoring cannot keep the place through that: it keeps one DOM node
/// in place, and the node it picks (the first row in view) is moved or replaced by the re-sort.
/// Measured on the deep link test, a reader looking at the explainer below the list saw it jump
/// by 483 px in Chromium and 453 px in Firefox; WebKit, which has no anchoring, moved it by
/// 354 px. So for that one change anchoring is switched off (`overflow-anchor: none` on the
/// root) and the place is kept by hand, the same way in every engine, before the change is
/// painted: what is at the middle of the window is what the reader is looking at. Below the
/// list (the explainer, the quotes), what follows the list stays where it was; in the list, the
/// row there (that country) stays where it was, though its neighbours change; above the list,
/// nothing above the list moves by itself.
#[hook]
pub fn use_reader_place<T: PartialEq + Clone + 'static>(list: NodeRef, rows: T) {
    let rendered = use_mut_ref(|| None::<T>);
    // This runs before this render's changes reach the page: measure the place now.
    if rendered.borrow().as_ref().is_some_and(|before| *before != rows) {
        place::note(&list);
    }
    *rendered.borrow_mut() = Some(rows.clone());
    // Effects run once the rows of every chunk are in the page: the re-sort is over.
    use_effect_with(rows, |_| place::done());
}

/// Whether a change of `part`'s height came from a list inside it that keeps the reader's place
/// itself (see `use_reader_place`). WebKit's observer in `web/page.rs`, which keeps the place
/// when a part above the reader changes height, leaves such a change alone: scrolling for it too
/// moved the page twice as far.
#[cfg(target_arch = "wasm32")]
pub fn already_kept(part: &web_sys::Element) -> bool {
    place::already_kept(part)
}

#[cfg(not(target_arch = "wasm32"))]
mod place {
    pub fn note(_: &yew::NodeRef) {}
    pub fn done() {}
}

#[cfg(target_arch = "wasm32")]
mod place {
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    /// What the reader was looking at, and where it was from the window's top.
    enum Anchor {
        /// What follows the list: the list's end.
        AfterList,
        /// The row of this country.
        Row(String),
    }

    struct Noted {
        list: Element,
        anchor: Anchor,
        top: f64,
        height: f64,
    }

    thread_local! {
        static NOTED: RefCell<Option<Noted>> = const { RefCell::new(None) };
        /// The list whose last change in height has been kept already, until WebKit's observer asks.
        static KEPT: RefCell<Option<Element>> = const { RefCell::new(None) };
    }

    /// Sets (or, with `None`, removes) the page's `overflow-anchor`, on the root's own style.
    fn set_anchoring(value: Option<&str>) {
        let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
            return;
        };
        if let Ok(style) = js_sys::Reflect::get(&root, &"style".into()) {
            let _ = js_sys::Reflect::set(&style, &"overflowAnchor".into(), &value.unwrap_or_default().into());
        }
    }

    pub fn note(list: &yew::NodeRef) {
        // A render may come twice before the effect: the first measure is the place as painted.
        if NOTED.with(|n| n.borrow().is_some()) {
            return;
        }
        let (Some(window), Some(list)) = (web_sys::window(), list.cast::<Element>()) else { return };
        let Some(line) = window.inner_height().ok().and_then(|h| h.as_f64()).map(|h| h / 2.0) else { return };
        let rect = list.get_bounding_client_rect();
        // A closed list, or one that starts below the middle of the window: what the reader
        // looks at is above it and stays where it is.
        if rect.height() == 0.0 || line < rect.top() {
            return;
        }
        let (anchor, top) = if line >= rect.bottom() {
            (Anchor::AfterList, rect.bottom())
        } else {
            let Some((code, top)) =
                row_at(&list, line, window.inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0) / 2.0)
            else {
                return;
            };
            (Anchor::Row(code), top)
        };
        set_anchoring(Some("none"));
        NOTED.with(|n| *n.borrow_mut() = Some(Noted { list, anchor, top, height: rect.height() }));
        keep_every_frame();
    }

    /// Yew yields to the browser after 16 ms of work whenever no render is queued, even before
    /// the updated props have reached every chunk, and always before the effects run: in WebKit
    /// the re-sort took longer than that, and the jump was painted for a frame. So until the
    /// re-sort is over the place is kept just before every frame, whatever is in the page by then.
    fn keep_every_frame() {
        let Some(window) = web_sys::window() else { return };
        let next = Closure::once_into_js(|| {
            if keep() {
                keep_every_frame();
            }
        });
        let _ = window.request_animation_frame(next.unchecked_ref());
    }

    /// The country whose row is at height `line` (nearest `centre` across the list's columns;
    /// else the row nearest the line, as between two rows), and its row's top.
    fn row_at(list: &Element, line: f64, centre: f64) -> Option<(String, f64)> {
        let rows = list.query_selector_all(":scope > li.country-row[data-country]").ok()?;
        let mut best: Option<(f64, f64, Element)> = None;
        for row in (0..rows.length()).filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok()) {
            let r = row.get_bounding_client_rect();
            let across = (r.left() + r.width() / 2.0 - centre).abs();
            let down = if line < r.top() { r.top() - line } else { (line - r.bottom()).max(0.0) };
            if best.as_ref().is_none_or(|(d, a, _)| (down, across) < (*d, *a)) {
                best = Some((down, across, row));
            }
        }
        let (_, _, row) = best?;
        Some((row.get_attribute("data-country")?, row.get_bounding_client_rect().top()))
    }

    /// Scrolls what the reader was looking at back to where it was; false once the re-sort is over.
    fn keep() -> bool {
        NOTED.with(|n| {
            let mut n = n.borrow_mut();
            let Some(noted) = n.as_mut() else { return false };
            let top = match &noted.anchor {
                Anchor::AfterList => Some(noted.list.get_bounding_client_rect().bottom()),
                // Between two chunks' renders a row may be in the page twice for a frame: the first
                // is kept in place then, and the one that stays once the re-sort is over.
                Anchor::Row(code) => noted
                    .list
                    .query_selector(&format!(":scope > li.country-row[data-country=\"{code}\"]"))
                    .ok()
                    .flatten()
                    .map(|row| row.get_bounding_client_rect().top()),
            };
            if let (Some(window), Some(top)) = (web_sys::window(), top) {
                if top != noted.top {
                    window.scroll_by_with_x_and_y(0.0, top - noted.top);
                }
            }
            let height = noted.list.get_bounding_client_rect().height();
            if height != noted.height {
                noted.height = height;
                KEPT.with(|k| *k.borrow_mut() = Some(noted.list.clone()));
            }
            true
        })
    }

    pub fn done() {
        keep();
        if NOTED.with(|n| n.borrow_mut().take()).is_some() {
            // Anchoring again from here on: it picks its node afresh, in the place kept above.
            set_anchoring(None);
        }
    }

    /// A change while the list keeps the place, or the last one it kept, seen once.
    pub fn already_kept(part: &Element) -> bool {
        let keeping = NOTED.with(|n| n.borrow().as_ref().is_some_and(|noted| part.contains(Some(&noted.list))));
        keeping
            || KEPT.with(|k| {
                let mut k = k.borrow_mut();
                let kept = k.as_ref().is_some_and(|list| part.contains(Some(list)));
                if kept {
                    k.take();
                }
                kept
            })
    }
}
