//! Scenario links: the open experiment, its knobs, mode and repeats, and whether
//! to start at once, all in the query string, so the address bar is always a link
//! to what is on screen.
//!
//! Format version 1 (documented in the README; old links must keep working):
//! `?experiment=collatz&n=1000000&threads=0&mode=pool&repeats=3&run=1`.
//! Every other key is a knob of that experiment. A link without `v` is version 1.
//!
//! Reading a link never fails: each value that cannot be used is replaced by a safe
//! one, and a notice says what was wrong and what is used instead.

use crate::experiments::kit::{About, Knob, ModeSpec, Value};
use crate::experiments::{self, Experiment};
use playground_kernels::params::group_thousands;
use std::collections::{HashMap, HashSet};

pub const FORMAT_VERSION: &str = "1";
pub const EXPERIMENT: &str = "experiment";
pub const MODE: &str = "mode";
pub const REPEATS: &str = "repeats";
pub const RUN: &str = "run";
pub const VERSION: &str = "v";
/// Keys that are not knobs; no experiment may name a knob after one of them.
pub const RESERVED: &[&str] = &[EXPERIMENT, MODE, REPEATS, RUN, VERSION];

pub const MAX_REPEATS: u64 = 20;
/// Repeats read, written and checked like any knob.
pub const REPEATS_KNOB: Knob = Knob::whole(REPEATS, "Repeats", 1, MAX_REPEATS, 1);
/// Notices beyond this many are summed up in one line.
const MAX_NOTICES: usize = 8;

/// A link's request to start the scenario as soon as the page is ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autorun {
    /// `run=1`: the chosen mode.
    Mode,
    /// `run=all`: every mode in turn.
    EveryMode,
}

/// What a page shows that a link carries: the texts of its inputs and its mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// One text per knob, in the experiment's order.
    pub knobs: Vec<String>,
    pub mode: ModeSpec,
    pub repeats: String,
}

impl Settings {
    pub fn defaults(about: &About) -> Self {
        Settings {
            knobs: about.knobs.iter().map(|k| k.default_text()).collect(),
            mode: about.modes[0],
            repeats: REPEATS_KNOB.default_text(),
        }
    }
}

/// What a link asks for.
#[derive(Clone)]
pub struct Reading {
    pub experiment: Option<&'static dyn Experiment>,
    /// For the experiment, if there is one.
    pub settings: Option<Settings>,
    pub autorun: Option<Autorun>,
    /// One sentence per thing in the link that could not be used as it was.
    pub notices: Vec<String>,
}

/// A value from a link, quoted for a message: at most 40 characters, control
/// characters shown escaped (it is only ever rendered as text).
pub fn quoted(value: &str) -> String {
    let mut shown: String = value.chars().take(40).flat_map(char::escape_debug).collect();
    if value.chars().count() > 40 {
        shown.push('…');
    }
    format!("“{shown}”")
}

/// Reads a link's query pairs (already percent-decoded), in their order.
pub fn read(pairs: &[(String, String)]) -> Reading {
    let mut notices = Vec::new();
    // The first of repeated keys counts, as in URLSearchParams.get. A map, not a
    // search per key: a link may have thousands of keys.
    let mut firsts: HashMap<&str, &str> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut repeated: HashSet<&str> = HashSet::new();
    for (key, value) in pairs {
        if !firsts.contains_key(key.as_str()) {
            firsts.insert(key, value);
            order.push(key);
        } else if repeated.insert(key) && repeated.len() <= MAX_NOTICES {
            notices.push(format!(
                "The link gives {} more than once; the first, {}, is used.",
                quoted(key),
                quoted(firsts[key.as_str()])
            ));
        }
    }
    let first = |key: &str| firsts.get(key).copied();

    match first(VERSION) {
        None | Some(FORMAT_VERSION) => {}
        Some(other) => notices.push(format!(
            "The link says it is format version {}, but this page reads version {FORMAT_VERSION}; its values are read as version {FORMAT_VERSION}.",
            quoted(other)
        )),
    }

    let experiment = match first(EXPERIMENT) {
        None => None,
        Some(slug) => {
            let found = experiments::find(slug);
            if found.is_none() {
                notices.push(format!(
                    "The link names an experiment {} that does not exist; pick one from the list.",
                    quoted(slug)
                ));
            }
            found
        }
    };
    let about = experiment.map(|e| e.about());

    let settings = about.map(|about| {
        let mut settings = Settings::defaults(about);
        let knobs = about.knobs.iter().zip(settings.knobs.iter_mut());
        for (knob, text) in knobs.chain([(&REPEATS_KNOB, &mut settings.repeats)]) {
            let Some(given) = first(knob.key) else { continue };
            match knob.parse(given) {
                // Shown as a person would type it: 1000000 → 1,000,000.
                Ok(Value::Whole(n)) => *text = group_thousands(n),
                Ok(Value::Text(t)) => *text = t,
                Err(why) => {
                    *text = knob.safe_text(given);
                    notices.push(format!("{why}; using {text} instead."));
                }
            }
        }
        if let Some(given) = first(MODE) {
            match about.modes.iter().find(|m| m.id == given) {
                Some(mode) => settings.mode = *mode,
                None => notices.push(format!(
                    "The link's mode {} is not one of {}; using “{}”.",
                    quoted(given),
                    about.modes.iter().map(|m| m.id).collect::<Vec<_>>().join(", "),
                    settings.mode.label
                )),
            }
        }
        settings
    });

    let unknown: Vec<&str> = order
        .into_iter()
        .filter(|k| !RESERVED.contains(k) && !about.is_some_and(|a| a.knobs.iter().any(|knob| knob.key == *k)))
        .collect();
    if !unknown.is_empty() {
        let owner = about.map_or("the playground".to_string(), |a| format!("“{}”", a.title));
        let listed = unknown.iter().take(5).map(|k| quoted(k)).collect::<Vec<_>>().join(", ");
        let more = if unknown.len() > 5 { format!(" and {} more", unknown.len() - 5) } else { String::new() };
        let (is, verb) = if unknown.len() == 1 { ("is not a parameter", "it was") } else { ("are not parameters", "they were") };
        notices.push(format!("{listed}{more} {is} of {owner}; {verb} ignored."));
    }

    let autorun = match first(RUN) {
        None | Some("0" | "false" | "no") => None,
        Some("1" | "true" | "yes" | "") => Some(Autorun::Mode),
        Some("all") => Some(Autorun::EveryMode),
        Some(other) => {
            notices.push(format!("The link's run flag {} is not 1 or all, so the run was not started.", quoted(other)));
            None
        }
    };
    let autorun = match (autorun, experiment) {
        (Some(_), None) => {
            notices.push("The link asks to start a run but names no experiment to run.".into());
            None
        }
        // A link that needed fixing runs only when a person has seen the fixes and presses Run.
        (Some(_), Some(_)) if !notices.is_empty() => {
            notices.push("Because of the above, the run was not started by itself: check the values and press Run.".into());
            None
        }
        (autorun, _) => autorun,
    };

    if notices.len() > MAX_NOTICES {
        let rest = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(format!("…and {rest} more problems with the link."));
    }
    Reading { experiment, settings, autorun, notices }
}

/// The query pairs of a link to `experiment` with `settings` (all knobs written out,
/// so the link keeps meaning the same if a default changes).
pub fn pairs(experiment: &dyn Experiment, settings: &Settings, autorun: Option<Autorun>) -> Vec<(String, String)> {
    let about = experiment.about();
    let mut pairs = vec![(EXPERIMENT.to_string(), about.slug.to_string())];
    for (knob, text) in about.knobs.iter().zip(&settings.knobs) {
        pairs.push((knob.key.to_string(), knob.link_text(text)));
    }
    pairs.push((MODE.to_string(), settings.mode.id.to_string()));
    pairs.push((REPEATS.to_string(), REPEATS_KNOB.link_text(&settings.repeats)));
    match autorun {
        Some(Autorun::Mode) => pairs.push((RUN.to_string(), "1".into())),
        Some(Autorun::EveryMode) => pairs.push((RUN.to_string(), "all".into())),
        None => {}
    }
    pairs
}
