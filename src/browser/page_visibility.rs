//! Whether the page is visible. Browsers throttle timers in background tabs (to
//! one wake-up a second or less), so anything timed while hidden would mislead.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
pub struct PageVisibility {
    pub visible: ReadSignal<bool>,
    /// How many times the page has been hidden so far: a run that sees it change
    /// was hidden for part of its time.
    pub times_hidden: ReadSignal<u32>,
}

impl PageVisibility {
    /// A stamp to take before a run and compare after it with [`Self::hidden_since`].
    pub fn stamp(&self) -> u32 {
        self.times_hidden.get_untracked()
    }
    /// Whether the page was hidden at any time since `stamp`, or is hidden now.
    pub fn hidden_since(&self, stamp: u32) -> bool {
        self.times_hidden.get_untracked() != stamp || !self.visible.get_untracked()
    }
}

fn is_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Follows `visibilitychange` for as long as the calling component lives.
pub fn use_page_visibility() -> PageVisibility {
    let (visible, set_visible) = signal(is_visible());
    let (times_hidden, set_times_hidden) = signal(u32::from(!is_visible()));
    let on_change = Closure::<dyn Fn()>::new(move || {
        let now_visible = is_visible();
        if !now_visible {
            set_times_hidden.update(|n| *n += 1);
        }
        set_visible.set(now_visible);
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    let remove = send_wrapper::SendWrapper::new(move || {
        let _ = document().remove_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    });
    on_cleanup(move || remove());
    PageVisibility { visible, times_hidden }
}
