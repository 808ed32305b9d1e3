//! A run's figures as a small, versioned record that travels in a link or a file, for
//! comparing devices: medians and spreads per mode and the speedup curve, never the raw
//! samples, with the environment they depend on.
//!
//! Results format version 1 (public: links made today must open in later versions):
//! JSON, base64url without padding, as `r=` items in a link's fragment
//! (`?compare=1#r=…&r=…`, see [`crate::comparison`]). Anything read is untrusted: a
//! record is checked field by field ([`SharedResult::check`]) and every problem is named.

use crate::catalogue::About;
use crate::environment::Environment;
use crate::figures::{CurvePoint, latest_work};
use crate::records::RunRecord;
use crate::scenario::quoted;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use playground_kernels::stats::Summary;
use serde::{Deserialize, Serialize};

pub const RESULTS_FORMAT: u32 = 1;
/// What an encoded record may take in a link ("about 2 KB"); the speedup curve is
/// thinned to fit.
pub const LINK_BUDGET: usize = 2048;
/// Longer items are refused unread (a forged link could be megabytes).
pub const MAX_ENCODED: usize = 8 * 1024;
pub const MAX_NAME: usize = 40;
const MAX_PARAMS: usize = 200;
const MAX_MODES: usize = 16;
const MAX_CURVE: usize = 64;
const MAX_RUNS: u32 = 10_000;
const MAX_THREADS: u32 = 1024;
/// About three hours: no figure here is larger.
const MAX_MS: f64 = 1e7;
const MAX_SPEEDUP: f64 = 10_000.0;

/// Median, lowest and highest of a mode's runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread(pub f64, pub f64, pub f64);

impl Spread {
    fn of(summary: Summary) -> Spread {
        Spread(round(summary.median, 100.0), round(summary.min, 100.0), round(summary.max, 100.0))
    }
    pub fn summary(&self, count: usize) -> Summary {
        Summary { count, median: self.0, min: self.1, max: self.2 }
    }
}

/// One mode's figures: how many runs, their time, and for timers and the main thread,
/// how late the heartbeat was and the longest the page went without a frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModeFigures {
    pub mode: String,
    pub runs: u32,
    pub ms: Spread,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late: Option<Spread>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Spread>,
}

/// What the numbers depend on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Device {
    /// A name the person gave ("my phone"); may be empty.
    #[serde(default)]
    pub name: String,
    pub browser: String,
    pub cores: u32,
    /// Threads in the rayon pool; 0 when it did not start.
    pub pool: u32,
    pub isolated: bool,
    pub optimised: bool,
}

/// A point of the speedup curve: threads, speedup, lowest, highest.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurveMark(pub u32, pub f64, pub f64, pub f64);

impl CurveMark {
    pub fn point(&self) -> CurvePoint {
        CurvePoint { threads: self.0 as usize, speedup: self.1, lowest: self.2, highest: self.3 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedResult {
    pub v: u32,
    pub experiment: String,
    /// The parameters the runs shared ("n=1000000 threads=0").
    pub params: String,
    pub device: Device,
    pub modes: Vec<ModeFigures>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curve: Vec<CurveMark>,
}

fn round(value: f64, per_unit: f64) -> f64 {
    (value * per_unit).round() / per_unit
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    text.chars().take(max - 1).chain(['…']).collect()
}

impl SharedResult {
    /// The figures of the runs made with the latest run's parameters; `None` before any run.
    pub fn of(
        about: &About,
        runs: &[RunRecord],
        env: &Environment,
        pool: u32,
        curve: &[CurvePoint],
        name: &str,
    ) -> Option<Self> {
        let work = latest_work(runs);
        let params = work.first()?.values.display();
        let modes = about
            .modes
            .iter()
            .filter_map(|mode| {
                let of_mode = || work.iter().filter(|r| r.mode == *mode);
                let ms = Summary::of(of_mode().map(|r| r.time_ms()))?;
                Some(ModeFigures {
                    mode: mode.id.to_string(),
                    runs: ms.count as u32,
                    ms: Spread::of(ms),
                    late: Summary::of(of_mode().filter_map(|r| r.worst_lateness())).map(Spread::of),
                    gap: Summary::of(of_mode().filter_map(|r| r.frame_gap_ms)).map(Spread::of),
                })
            })
            .collect();
        let result = SharedResult {
            v: RESULTS_FORMAT,
            experiment: about.slug.to_string(),
            params: clip(&params, MAX_PARAMS),
            device: Device {
                name: clip(name.trim(), MAX_NAME),
                browser: clip(&env.browser, MAX_NAME),
                cores: env.hardware_concurrency.min(MAX_THREADS as usize) as u32,
                pool,
                isolated: env.cross_origin_isolated,
                optimised: env.optimised_build,
            },
            modes,
            curve: curve
                .iter()
                .take(MAX_CURVE)
                .map(|p| {
                    let r = |x: f64| round(x, 1000.0);
                    CurveMark(p.threads as u32, r(p.speedup), r(p.lowest), r(p.highest))
                })
                .collect(),
        };
        Some(result.thinned_to(LINK_BUDGET))
    }

    /// Drops every other inner point of the curve until the encoded record fits `budget`.
    fn thinned_to(mut self, budget: usize) -> Self {
        while self.encode().len() > budget && self.curve.len() > 2 {
            let last = self.curve.len() - 1;
            self.curve =
                self.curve.iter().enumerate().filter(|(i, _)| i % 2 == 0 || *i == last).map(|(_, p)| *p).collect();
        }
        self
    }

    /// The link form: JSON as base64url.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    /// What a person calls this device: its name, or its browser and cores.
    pub fn label(&self) -> String {
        let d = &self.device;
        let machine = format!("{} · {} cores", d.browser, d.cores);
        if d.name.is_empty() { machine } else { format!("{} ({machine})", d.name) }
    }

    /// Every problem with a record read from outside, in a sentence each; `find`
    /// looks an experiment up by its slug.
    pub fn check(&self, find: impl Fn(&str) -> Option<&'static About>) -> Result<&'static About, String> {
        let about = find(&self.experiment).ok_or_else(|| {
            format!("it names an experiment {} that this page does not have", quoted(&self.experiment))
        })?;
        let mut problems = Vec::new();
        let mut text = |field: &str, value: &str, max: usize| {
            if value.chars().count() > max {
                problems.push(format!("{field} is longer than {max} characters"));
            } else if value.chars().any(char::is_control) {
                problems.push(format!("{field} has control characters"));
            }
        };
        text("the device name", &self.device.name, MAX_NAME);
        text("the browser", &self.device.browser, MAX_NAME);
        text("the parameters", &self.params, MAX_PARAMS + 20);
        let d = &self.device;
        if !(1..=MAX_THREADS).contains(&d.cores) {
            problems.push(format!("cores is {}, not between 1 and {MAX_THREADS}", d.cores));
        }
        if d.pool > MAX_THREADS {
            problems.push(format!("the pool has {} threads, more than {MAX_THREADS}", d.pool));
        }
        if self.modes.is_empty() || self.modes.len() > MAX_MODES {
            problems.push(format!("it has {} modes, not between 1 and {MAX_MODES}", self.modes.len()));
        }
        for (i, m) in self.modes.iter().enumerate() {
            if about.mode(&m.mode).is_none() {
                problems.push(format!("{} has no mode {}", about.title, quoted(&m.mode)));
            } else if self.modes[..i].iter().any(|o| o.mode == m.mode) {
                problems.push(format!("mode {} is given twice", quoted(&m.mode)));
            }
            if !(1..=MAX_RUNS).contains(&m.runs) {
                problems.push(format!("mode {} has {} runs, not between 1 and {MAX_RUNS}", quoted(&m.mode), m.runs));
            }
            let spreads = [("time", Some(m.ms)), ("lateness", m.late), ("frame gap", m.gap)];
            for (what, spread) in spreads {
                if let Some(problem) = spread.and_then(|s| spread_problem(s, MAX_MS)) {
                    problems.push(format!("mode {}'s {what} {problem}", quoted(&m.mode)));
                }
            }
        }
        if self.curve.len() > MAX_CURVE {
            problems.push(format!("the speedup curve has {} points, more than {MAX_CURVE}", self.curve.len()));
        }
        for c in &self.curve {
            if !(1..=MAX_THREADS).contains(&c.0) {
                problems.push(format!("a speedup point has {} threads", c.0));
            } else if let Some(problem) = spread_problem(Spread(c.1, c.2, c.3), MAX_SPEEDUP) {
                problems.push(format!("the speedup at {} threads {problem}", c.0));
            }
        }
        problems.truncate(5);
        if problems.is_empty() { Ok(about) } else { Err(problems.join("; ")) }
    }
}

/// Why a median, lowest and highest cannot be real measurements, if they cannot.
fn spread_problem(Spread(median, low, high): Spread, max: f64) -> Option<String> {
    let all = [median, low, high];
    if all.iter().any(|x| !x.is_finite() || *x < 0.0 || *x > max) {
        Some(format!("is out of range ({median}, {low}–{high}; 0 to {max})"))
    } else if !(low <= median && median <= high) {
        Some(format!("has its median {median} outside its range {low}–{high}"))
    } else {
        None
    }
}

/// Reads one record from its link form, without trusting it: size first, then
/// base64, JSON, the format version, and every field.
pub fn decode(item: &str, find: impl Fn(&str) -> Option<&'static About>) -> Result<SharedResult, String> {
    if item.len() > MAX_ENCODED {
        return Err(format!("it is {} characters long, more than the {MAX_ENCODED} a result can take", item.len()));
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(item.trim_end_matches('='))
        .map_err(|_| "it is not a results link: the part after r= is damaged (cut short or changed?)".to_string())?;
    let json: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| "it is damaged: its data is not readable JSON".to_string())?;
    from_json(json, find)
}

/// Reads one record from JSON (a decoded link, or the `shared` part of a download).
pub fn from_json(
    json: serde_json::Value,
    find: impl Fn(&str) -> Option<&'static About>,
) -> Result<SharedResult, String> {
    match json.get("v").and_then(serde_json::Value::as_u64) {
        Some(v) if v == RESULTS_FORMAT as u64 => {}
        Some(v) if v > RESULTS_FORMAT as u64 => {
            return Err(format!(
                "it was made by a newer version of the playground (results format {v}); this page reads format {RESULTS_FORMAT}"
            ));
        }
        _ => return Err("it has no results format version (v) this page knows".to_string()),
    }
    let result: SharedResult =
        serde_json::from_value(json).map_err(|e| format!("its data is not a result: {}", clip(&e.to_string(), 120)))?;
    result.check(find)?;
    Ok(result)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalogue::tests::{CPU, MAIN, POOL, WORKER, find};
    use crate::environment::tests::chromium;
    use crate::records::Event;
    use crate::records::tests::run;

    pub fn sample() -> SharedResult {
        let mut main = run(1, MAIN, 300.0, 1);
        main.events.push(Event::tick("Heartbeat", "heartbeat 1", 50.0, 310.0));
        let runs = [main, run(2, WORKER, 200.0, 1), run(3, WORKER, 220.0, 1), run(4, POOL, 110.0, 2)];
        let curve = [CurvePoint { threads: 2, speedup: 1.8123456, lowest: 1.7, highest: 1.9 }];
        SharedResult::of(&CPU, &runs, &chromium(), 2, &curve, "  laptop ").unwrap()
    }

    #[test]
    fn figures_per_mode_with_spread_and_the_environment() {
        let r = sample();
        assert_eq!(r.v, RESULTS_FORMAT);
        assert_eq!(r.experiment, "collatz");
        assert_eq!(r.params, "n=1000000");
        assert_eq!(r.device.name, "laptop");
        assert_eq!((r.device.cores, r.device.pool, r.device.isolated), (2, 2, true));
        let modes: Vec<&str> = r.modes.iter().map(|m| m.mode.as_str()).collect();
        assert_eq!(modes, ["main-thread", "worker", "pool"], "in the experiment's order");
        assert_eq!(r.modes[1].runs, 2);
        assert_eq!(r.modes[1].ms, Spread(210.0, 200.0, 220.0));
        assert_eq!(r.modes[0].late, Some(Spread(260.0, 260.0, 260.0)));
        assert_eq!(r.modes[1].late, None);
        assert_eq!(r.modes[1].gap, Some(Spread(17.0, 17.0, 17.0)));
        assert_eq!(r.curve, [CurveMark(2, 1.812, 1.7, 1.9)], "rounded: the link stays short");
        assert_eq!(r.label(), "laptop (Chromium (headless) 156 · 2 cores)");
        assert_eq!(SharedResult::of(&CPU, &[], &chromium(), 2, &[], ""), None);
    }

    #[test]
    fn round_trips_through_its_link_form() {
        let r = sample();
        let encoded = r.encode();
        assert!(encoded.len() < 800, "{}", encoded.len());
        assert!(encoded.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(decode(&encoded, find), Ok(r));
    }

    #[test]
    fn a_long_curve_is_thinned_to_the_budget_keeping_its_ends() {
        let curve: Vec<CurvePoint> = (1..=64)
            .map(|t| CurvePoint {
                threads: t,
                speedup: t as f64 * 0.91234,
                lowest: t as f64 * 0.9,
                highest: t as f64 * 0.93,
            })
            .collect();
        let r = SharedResult::of(&CPU, &[run(1, POOL, 10.0, 64)], &chromium(), 64, &curve, "").unwrap();
        assert!(r.encode().len() <= LINK_BUDGET, "{}", r.encode().len());
        assert!(r.curve.len() < 64 && r.curve.len() > 8);
        assert_eq!((r.curve[0].0, r.curve.last().unwrap().0), (1, 64));
    }

    fn with(change: impl FnOnce(&mut SharedResult)) -> Result<SharedResult, String> {
        let mut r = sample();
        change(&mut r);
        decode(&r.encode(), find)
    }

    #[test]
    fn forged_fields_are_named() {
        let problem = |change: fn(&mut SharedResult)| with(change).unwrap_err();
        assert!(problem(|r| r.experiment = "<script>".into()).contains("experiment “<script>”"));
        assert!(problem(|r| r.modes[0].mode = "warp".into()).contains("has no mode “warp”"));
        assert!(problem(|r| r.modes[1].mode = "main-thread".into()).contains("given twice"));
        assert!(problem(|r| r.modes[1].ms = Spread(-1.0, 0.0, 1.0)).contains("time is out of range"));
        assert!(problem(|r| r.modes[1].ms = Spread(5.0, 6.0, 7.0)).contains("outside its range"));
        assert!(problem(|r| r.modes[0].late = Some(Spread(1e12, 1e12, 1e12))).contains("lateness"));
        assert!(problem(|r| r.modes[1].runs = 0).contains("0 runs"));
        assert!(problem(|r| r.modes.clear()).contains("0 modes"));
        assert!(problem(|r| r.device.cores = 0).contains("cores is 0"));
        assert!(problem(|r| r.device.name = "x".repeat(41)).contains("longer than 40"));
        assert!(problem(|r| r.device.browser = "a\u{7}b".into()).contains("control characters"));
        assert!(problem(|r| r.curve[0].0 = 0).contains("0 threads"));
        assert!(problem(|r| r.curve[0].1 = 1e9).contains("speedup at 2 threads"));
    }

    #[test]
    fn damaged_oversized_and_future_links_say_so() {
        assert!(decode(&"A".repeat(MAX_ENCODED + 1), find).unwrap_err().contains("more than"));
        assert!(decode("not*base64", find).unwrap_err().contains("damaged"));
        let cut = sample().encode();
        assert!(decode(&cut[..cut.len() / 2], find).is_err());
        let json = |text: &str| URL_SAFE_NO_PAD.encode(text);
        assert!(decode(&json("[1,2"), find).unwrap_err().contains("not readable JSON"));
        assert!(decode(&json(r#"{"v":2,"anything":true}"#), find).unwrap_err().contains("newer version"));
        assert!(decode(&json(r#"{"v":"1"}"#), find).unwrap_err().contains("no results format"));
        assert!(decode(&json(r#"{"v":1,"experiment":"collatz"}"#), find).unwrap_err().contains("not a result"));
        // Markup is data: it is refused or kept as text, never interpreted here.
        let name = with(|r| r.device.name = "<img src=x onerror=alert(1)>".into()).unwrap();
        assert_eq!(name.device.name, "<img src=x onerror=alert(1)>");
    }

    /// Random damage to a real link: every outcome is a result or a message, never a panic.
    #[test]
    fn fuzzed_links_never_panic() {
        let good = sample().encode().into_bytes();
        let json = serde_json::to_string(&sample()).unwrap().into_bytes();
        let alphabet = b"ABCxyz019-_=%#&{}[]\":,.e+-\\\x00\xff";
        let mut state: u64 = 0x2026_1201;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for round in 0..3000 {
            let source = if round % 2 == 0 { &good } else { &json };
            let mut bytes = source.clone();
            for _ in 0..1 + next(6) {
                let at = next(bytes.len());
                match next(3) {
                    0 => bytes[at] = alphabet[next(alphabet.len())],
                    1 => bytes.truncate(at),
                    _ => bytes.insert(at, alphabet[next(alphabet.len())]),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            let item = if round % 2 == 0 {
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                URL_SAFE_NO_PAD.encode(&bytes)
            };
            if let Ok(r) = decode(&item, find) {
                assert!(r.check(find).is_ok());
            }
        }
    }
}
