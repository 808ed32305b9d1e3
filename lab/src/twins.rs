//! What the seeds' JavaScript programs, run in the page (`src/experiment_parts/twins.js`),
//! answer: read from their JSON and checked, so a broken twin is an error message,
//! never a wrong chart. Times are on the clock every thread shares (ms).

use crate::figures::latest_per_mode;
use crate::records::RunRecord;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The timer against the busy loop.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TimerReply {
    pub start: f64,
    pub busy_end: f64,
    pub fired: f64,
}

/// One simulated request of `Promise.all`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Request {
    pub url: String,
    pub start: f64,
    pub end: f64,
    pub length: usize,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct OverlapReply {
    pub start: f64,
    pub end: f64,
    pub requests: Vec<Request>,
}

/// The slow hash, on the page's thread or in a worker (then `posted` and `received`
/// are when the page sent the job and got the answer).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HashReply {
    pub start: f64,
    pub hash_start: f64,
    pub hash_end: f64,
    pub hash: String,
    pub ticks: Vec<f64>,
    pub posted: Option<f64>,
    pub received: Option<f64>,
}

impl HashReply {
    /// Page to worker: from the post to the worker starting the hash (on first use this
    /// includes starting the worker), and back: from the hash done to the page having it.
    pub fn crossings_ms(&self) -> Option<(f64, f64)> {
        Some((self.hash_start - self.posted?, self.received? - self.hash_end))
    }
}

/// Reads a twin's answer; a message saying what was wrong when it is not one.
pub fn read<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("the JavaScript twin answered something unexpected: {e}"))
}

/// The id every JavaScript twin's mode has.
pub const JS: &str = "js";
pub const JS_WORKER: &str = "js-worker";

/// Where JavaScript and Rust behave alike, or differ, from the latest run of each mode
/// with the latest parameters: `None` until a JavaScript twin and its Rust counterpart
/// (the Rust mode that holds the page's thread as it does, or not) have both run.
pub fn comparison(runs: &[RunRecord]) -> Option<String> {
    let latest = latest_per_mode(runs);
    let js = latest.iter().find(|r| r.mode.id == JS);
    let js_worker = latest.iter().find(|r| r.mode.id == JS_WORKER);
    // Each twin's Rust counterpart, by mode id: the same program on the page's thread
    // (or awaited together), and offloaded.
    // the first id of `ids` that ran wins: the same work (the sha2 modes for
    // hashPasswords) before a stand-in (slow_hash).
    let rust = |ids: &[&str]| ids.iter().find_map(|id| latest.iter().find(|r| r.mode.id == *id));
    let late = |r: &RunRecord| r.worst_lateness().map_or(String::new(), |l| format!(", its timer {l:.0} ms late"));
    let gap = |r: &RunRecord| r.frame_gap_ms.unwrap_or(0.0);
    let mut sentences = Vec::new();
    if let Some((j, r)) = js.zip(rust(&["sha256-main-thread", "main-thread", "join-all"])) {
        sentences.push(if j.mode.blocks_main_thread {
            format!(
                "Alike: on the page's thread, JavaScript held the page for {:.0} ms{} and Rust for {:.0} ms{}. One event loop, one stall, whatever the language.",
                gap(j), late(j), gap(r), late(r)
            )
        } else {
            format!(
                "Alike: JavaScript's Promise.all took {:.0} ms and Rust (“{}”) {:.0} ms: waits overlap on one thread in both.",
                j.wall_ms, r.mode.label, r.wall_ms
            )
        });
    }
    if let Some((j, r)) = js_worker.zip(rust(&["sha256-worker", "worker"])) {
        let crossing = format!("{} there, {} back", j.figure("postMessage to the worker"), j.figure("answer back"));
        sentences.push(format!(
            "Offloaded, both keep the page free (longest frame gap {:.0} ms in JavaScript, {:.0} ms in Rust). They differ in \
             the crossing: the JavaScript worker is a separate heap reached by postMessage ({crossing}; its first use \
             includes starting it), while Rust's worker runs on the page's own shared memory.",
            gap(j), gap(r)
        ));
    }
    if let Some(said) = same_digest(js.or(js_worker), rust(&["sha256-main-thread", "sha256-worker"])) {
        sentences.push(said);
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// Whether the JavaScript SHA-256 and Rust's sha2 gave the same digest (for the same
/// password and updates: the latest parameters of both).
fn same_digest(js: Option<&&RunRecord>, rust: Option<&&RunRecord>) -> Option<String> {
    let (j, r) = (js?, rust?);
    let digest = |run: &RunRecord| {
        let d = &run.outcome.result;
        (d.len() == 64 && d.bytes().all(|b| b.is_ascii_hexdigit())).then(|| d.clone())
    };
    let (jd, rd) = (digest(j)?, digest(r)?);
    Some(if jd == rd {
        format!("Both computed the same SHA-256 digest ({}…{}).", &jd[..8], &jd[56..])
    } else {
        format!("The digests differ (JavaScript {}…, Rust {}…): one of the two hashes is wrong.", &jd[..8], &rd[..8])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Mode;
    use crate::catalogue::tests::{MAIN, WORKER};
    use crate::records::tests::run;

    const JS_MODE: Mode = Mode {
        id: "js",
        label: "JavaScript",
        explanation: "",
        blocks_main_thread: true,
        role: crate::catalogue::Role::Other,
    };
    const JS_WORKER_MODE: Mode = Mode { id: "js-worker", blocks_main_thread: false, ..JS_MODE };

    #[test]
    fn the_twins_are_compared_once_both_ran() {
        let mut js = run(2, JS_MODE, 300.0, 1);
        js.frame_gap_ms = Some(305.0);
        assert_eq!(comparison(&[js.clone()]), None, "no Rust run yet");
        let mut rust = run(1, MAIN, 300.0, 1);
        rust.frame_gap_ms = Some(302.0);
        let text = comparison(&[rust.clone(), js.clone()]).unwrap();
        assert!(
            text.starts_with("Alike: on the page's thread, JavaScript held the page for 305 ms and Rust for 302 ms."),
            "{text}"
        );
        let mut worker = run(3, JS_WORKER_MODE, 150.0, 1);
        worker.outcome.figures =
            vec![("postMessage to the worker", "21.0 ms".into()), ("answer back", "0.4 ms".into())];
        let both = comparison(&[rust, js, run(4, WORKER, 150.0, 1), worker]).unwrap();
        let awaited = Mode { id: "js", blocks_main_thread: false, ..JS_MODE };
        let join_all = Mode { id: "join-all", label: "Together with join_all", ..JS_MODE };
        let one_by_one = Mode { id: "one-by-one", ..join_all };
        let overlap =
            comparison(&[run(5, one_by_one, 300.0, 1), run(6, join_all, 100.0, 1), run(7, awaited, 101.0, 1)]).unwrap();
        assert!(
            overlap
                .starts_with("Alike: JavaScript's Promise.all took 106 ms and Rust (“Together with join_all”) 105 ms"),
            "{overlap}"
        );
        assert!(both.contains("(21.0 ms there, 0.4 ms back;"), "{both}");
    }

    #[test]
    fn the_sha256_twins_are_held_to_the_same_digest_and_compared_like_for_like() {
        const DIGEST: &str = "57c261f677f5496b234171d5d43c98bed94af74094668670c3aeedfa202e0403";
        let sha_main = Mode { id: "sha256-main-thread", label: "Rust sha2, on the main thread", ..MAIN };
        let with = |number, mode, digest: &str| {
            let mut r = run(number, mode, 200.0, 1);
            r.outcome.result = digest.into();
            r
        };
        let js = with(3, JS_MODE, DIGEST);
        let same = comparison(&[run(1, MAIN, 150.0, 1), with(2, sha_main, DIGEST), js.clone()]).unwrap();
        assert!(same.contains("Both computed the same SHA-256 digest (57c261f6…202e0403)."), "{same}");
        assert!(same.starts_with("Alike: on the page's thread"), "paired with the sha2 run: {same}");
        let wrong = comparison(&[with(2, sha_main, &DIGEST.replace('5', "6")), js]).unwrap();
        assert!(wrong.contains("The digests differ"), "{wrong}");
    }

    #[test]
    fn answers_are_read_or_refused() {
        let t: TimerReply = read(r#"{"start":1,"busyEnd":301.5,"fired":303}"#).unwrap();
        assert_eq!(t.fired - t.start, 302.0);
        let o: OverlapReply =
            read(r#"{"start":0,"end":101,"requests":[{"url":"https://a.example","start":0,"end":100,"length":17}]}"#)
                .unwrap();
        assert_eq!(o.requests[0].length, 17);
        let h: HashReply = read(
            r#"{"start":0,"hashStart":3,"hashEnd":153,"hash":"95755137202","ticks":[52,104],"posted":1,"received":154}"#,
        )
        .unwrap();
        assert_eq!(h.crossings_ms(), Some((2.0, 1.0)));
        let here: HashReply =
            read(r#"{"start":0,"hashStart":0,"hashEnd":150,"hash":"1","ticks":[200],"posted":null,"received":null}"#)
                .unwrap();
        assert_eq!(here.crossings_ms(), None);
        assert!(read::<TimerReply>("{}").unwrap_err().starts_with("the JavaScript twin answered something unexpected"));
        assert!(read::<TimerReply>("not json").is_err());
    }
}
