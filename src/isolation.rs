//! How the page got cross-origin isolated, or why it did not: the state that
//! index.html's start-up script reports about the isolation service worker. The app
//! starts only once that script has settled, so one reading at start is final.

use wasm_bindgen::prelude::*;

/// What index.html's script found (see the comments there).
#[derive(Clone, Debug, PartialEq)]
pub enum IsolationState {
    /// Isolated by the server's own headers.
    Headers,
    /// Isolated through the service worker that adds the headers.
    ServiceWorker,
    /// The service worker is being registered (a reload follows).
    Starting,
    Reloading,
    /// The service worker is installed, but this load did not go through it (a hard reload).
    Bypassed(String),
    /// The page went through the service worker and is still not isolated.
    NoEffect,
    /// Service workers are not available here (old browser, or not https/localhost).
    Unsupported(String),
    /// Registering failed (blocked by the browser or a policy, say).
    Failed(String),
    /// The start-up script did not run (the page was not loaded through index.html).
    Unknown,
}

impl IsolationState {
    pub fn read() -> Self {
        let report = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("playgroundIsolation"))
            .unwrap_or(JsValue::UNDEFINED);
        let field = |name: &str| {
            js_sys::Reflect::get(&report, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
        };
        let detail = field("detail");
        match field("state").as_str() {
            "headers" => Self::Headers,
            "service-worker" => Self::ServiceWorker,
            "starting" => Self::Starting,
            "reloading" => Self::Reloading,
            "bypassed" => Self::Bypassed(detail),
            "no-effect" => Self::NoEffect,
            "unsupported" => Self::Unsupported(detail),
            "failed" => Self::Failed(detail),
            _ => Self::Unknown,
        }
    }

    /// For the environment panel: what the service worker is doing.
    pub fn describe(&self) -> String {
        match self {
            Self::Headers => "not needed: the server sends the isolation headers".into(),
            Self::ServiceWorker => "active: it adds the isolation headers to this site's responses".into(),
            Self::Starting => "starting…".into(),
            Self::Reloading => "installed; reloading once to take effect…".into(),
            Self::Bypassed(why) if why.is_empty() => {
                "installed, but this load bypassed it (a hard reload does that)".into()
            }
            Self::Bypassed(why) => format!("installed, but not in effect: {why}"),
            Self::NoEffect => "active, but this browser did not isolate the page through it".into(),
            Self::Unsupported(why) => format!("not available: {why}"),
            Self::Failed(why) => format!("could not start: {why}"),
            Self::Unknown => "unknown (the page's start-up script did not run)".into(),
        }
    }

    /// What a visitor can do to get threads, when the page is not isolated.
    pub fn advice(&self) -> &'static str {
        match self {
            Self::Bypassed(_) => "Reload the page normally (not with Shift or Ctrl held down).",
            Self::Unsupported(why) if why.contains("https") => {
                "Open the page over https, or on localhost (browsers isolate only secure pages)."
            }
            Self::Failed(_) => {
                "Service workers may be blocked here (private window, a browser setting or policy). Allow them \
                 and reload, or, if you host the page, send the headers Cross-Origin-Opener-Policy: same-origin \
                 and Cross-Origin-Embedder-Policy: require-corp."
            }
            _ => "Use a current Chrome, Edge or Firefox, or host the page with the headers \
                  Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.",
        }
    }
}
