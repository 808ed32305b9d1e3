//! What the page's results depend on, as plain data: the browser, its cores, whether
//! the page is cross-origin isolated and how, and the state of the threads. The app
//! reads these from the browser once (`src/browser/environment.rs`); what they mean is here.

use crate::jobs::MAX_POOL_THREADS;

/// What the page's results depend on, read once at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    /// COOP/COEP in force: without it there is no SharedArrayBuffer and no threads.
    pub cross_origin_isolated: bool,
    /// Whether the global `SharedArrayBuffer` exists (browsers withhold it without isolation).
    pub shared_array_buffer: bool,
    pub hardware_concurrency: usize,
    pub user_agent: String,
    /// "Firefox 153", from the user agent.
    pub browser: String,
    /// The smallest step `performance.now()` takes here, in ms: browsers coarsen it
    /// (about 0.005 ms when isolated, 0.1 ms when not), and it bounds what a timing can resolve.
    pub timer_resolution_ms: f64,
    /// How isolation was reached, or why not (the isolation service worker's state).
    pub isolation: IsolationState,
    /// Whether `Atomics.waitAsync` exists (Chromium has it; some engines do not).
    pub atomics_wait_async: bool,
    /// Whether this is an optimised (release) build. A debug build, which plain
    /// `trunk serve` makes, runs the kernels many times slower: its timings mislead.
    pub optimised_build: bool,
}

impl Environment {
    /// What differs here from the engine the playground was first measured in
    /// (Chromium), in a sentence each: what is missing and what that changes.
    pub fn differences(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.atomics_wait_async {
            notes.push(
                "No Atomics.waitAsync in this browser: async Rust code waiting on shared memory \
                 (wasm-bindgen-futures) waits through a helper web worker instead."
                    .to_string(),
            );
        }
        if self.cross_origin_isolated && self.timer_resolution_ms > 0.01 {
            notes.push(format!(
                "performance.now() moves in steps of {:.3} ms here (Chromium: 0.005 ms): shorter \
                 timings are rounded to that.",
                self.timer_resolution_ms
            ));
        }
        notes
    }

    /// Said beside the timings of a debug build; `None` for an optimised one.
    pub fn build_warning(&self) -> Option<&'static str> {
        (!self.optimised_build).then_some(
            "This is a debug build (plain trunk serve): its kernels run tens of times slower than the \
             hosted page's (Collatz below 1,000,000 took 10 s in a worker against 0.24 s), and the pool can \
             come out slower than one worker. Timings here mislead: use ./scripts/serve.sh, which serves the \
             release build, or the hosted page.",
        )
    }

    /// One pool thread per core: the pool runs the parallel work while the compute
    /// worker that drives it mostly waits.
    pub fn pool_threads(&self) -> usize {
        self.hardware_concurrency.clamp(1, MAX_POOL_THREADS)
    }
}

/// What a page that embeds the playground in an iframe must do for threads to work in it.
pub const EMBEDDED_ADVICE: &str = "This page is embedded in another. Threads inside an iframe need the host page to be \
     cross-origin isolated (Cross-Origin-Opener-Policy: same-origin, and Cross-Origin-Embedder-Policy: require-corp or \
     credentialless) and the iframe to allow it: <iframe allow=\"cross-origin-isolated\" …>.";

/// The browser and its major version, from a user agent string ("Chromium 156").
pub fn browser_of(user_agent: &str) -> String {
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    const TOKENS: &[(&str, &str)] = &[
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Chromium (headless)"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ];
    for (token, name) in TOKENS {
        if let Some(at) = user_agent.find(token) {
            let major: String = user_agent[at + token.len()..].chars().take_while(char::is_ascii_digit).collect();
            return if major.is_empty() { name.to_string() } else { format!("{name} {major}") };
        }
    }
    "an unknown browser".to_string()
}

/// Start-up state of one piece of the engine (the rayon pool, the compute worker).
#[derive(Clone, Debug, PartialEq)]
pub enum Readiness {
    Starting,
    Ready { threads: usize, start_ms: f64 },
    Failed(String),
}

/// How the page got cross-origin isolated, or why it did not: what index.html's
/// start-up script reports about the isolation service worker (see the comments there).
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
    /// From the script's report: its `state` word and `detail` text.
    pub fn from_report(state: &str, detail: String) -> Self {
        match state {
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
            _ => {
                "Use a current Chrome, Edge or Firefox, or host the page with the headers \
                  Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp."
            }
        }
    }
}

/// What index.html's start-up script says about keeping the page for offline use
/// (`window.playgroundOffline`: its state, its version or why not), in words.
pub fn offline_text(state: &str, version: &str, detail: &str) -> String {
    match state {
        "ready" => format!("kept: this page now works without a network (version {version})"),
        "starting" => "being kept for use without a network…".to_string(),
        "failed" => format!("not kept: {detail}"),
        _ => "not kept here (a development build, or a browser without service workers)".to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn chromium() -> Environment {
        Environment {
            cross_origin_isolated: true,
            shared_array_buffer: true,
            hardware_concurrency: 2,
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36".into(),
            browser: "Chromium (headless) 156".into(),
            timer_resolution_ms: 0.005,
            isolation: IsolationState::Headers,
            atomics_wait_async: true,
            optimised_build: true,
        }
    }

    #[test]
    fn browsers_from_user_agents() {
        assert_eq!(browser_of(&chromium().user_agent), "Chromium (headless) 156");
        assert_eq!(browser_of("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0"), "Firefox 153");
        assert_eq!(browser_of("... Chrome/120.0 Safari/537.36 Edg/120.0"), "Edge 120");
        assert_eq!(browser_of("... Version/17.2 Safari/605.1.15"), "Safari 17");
        assert_eq!(browser_of("curl/8"), "an unknown browser");
    }

    #[test]
    fn differences_name_what_is_missing() {
        assert!(chromium().differences().is_empty());
        let firefox = Environment { atomics_wait_async: false, timer_resolution_ms: 0.02, ..chromium() };
        let notes = firefox.differences();
        assert_eq!(notes.len(), 2);
        assert!(notes[1].contains("steps of 0.020 ms"));
        let many = Environment { hardware_concurrency: 64, ..chromium() };
        assert_eq!(many.pool_threads(), MAX_POOL_THREADS);
        assert_eq!(Environment { hardware_concurrency: 0, ..chromium() }.pool_threads(), 1);
    }

    #[test]
    fn a_debug_build_says_its_timings_mislead() {
        assert_eq!(chromium().build_warning(), None);
        let debug = Environment { optimised_build: false, ..chromium() };
        assert!(debug.build_warning().unwrap().contains("./scripts/serve.sh"));
    }

    #[test]
    fn isolation_reports_read_and_explain() {
        assert_eq!(IsolationState::from_report("service-worker", String::new()), IsolationState::ServiceWorker);
        assert_eq!(IsolationState::from_report("bogus", "x".into()), IsolationState::Unknown);
        let insecure = IsolationState::from_report("unsupported", "service workers need https or localhost".into());
        assert!(insecure.describe().contains("need https"));
        assert!(insecure.advice().starts_with("Open the page over https"));
        assert!(IsolationState::Bypassed(String::new()).describe().contains("hard reload"));
    }

    #[test]
    fn offline_states_in_words() {
        assert_eq!(offline_text("ready", "ab12", ""), "kept: this page now works without a network (version ab12)");
        assert_eq!(offline_text("starting", "", ""), "being kept for use without a network…");
        assert_eq!(offline_text("failed", "", "quota"), "not kept: quota");
        assert!(offline_text("unavailable", "", "").starts_with("not kept here"));
        assert!(offline_text("", "", "").starts_with("not kept here"), "no report at all");
    }
}
