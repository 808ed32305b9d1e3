//! Scenario links: the open experiment, its knobs, mode and repeats, and whether
//! to start at once, all in the query string, so the address bar is always a link
//! to what is on screen.
//!
//! Format version 1 (documented in docs/experiments.md; old links must keep working):
//! `?experiment=collatz&n=1000000&threads=0&mode=pool&repeats=3&run=1`.
//! Every other key is a knob of that experiment. A link without `v` is version 1.
//!
//! Reading a link never fails: each value that cannot be used is replaced by a safe
//! one, and a notice says what was wrong and what is used instead.

use crate::catalogue::{About, Mode};
use crate::knobs::{Value, Whole};
use playground_kernels::params::group_thousands;
use std::collections::{HashMap, HashSet};

pub const FORMAT_VERSION: &str = "1";
pub const EXPERIMENT: &str = "experiment";
pub const MODE: &str = "mode";
pub const REPEATS: &str = "repeats";
pub const RUN: &str = "run";
pub const VERSION: &str = "v";
/// `present=1`: presenter mode, for a room (large type, the verdict and the chart, keys).
pub const PRESENT: &str = "present";
/// `predict=1`: a question before each run, graded from the measurement (for a class).
pub const PREDICT: &str = "predict";
/// `embed=1`: minimal chrome for an iframe in slides or a post.
pub const EMBED: &str = "embed";
/// `live=1`: keep drawing while the page times the pool (the quiet state off), so the
/// cost of drawing can itself be measured ([`crate::catalogue::Mode::runs_quietly`]).
pub const LIVE: &str = "live";
/// Keys that are not knobs; no experiment may name a knob after one of them.
pub const RESERVED: &[&str] = &[EXPERIMENT, MODE, REPEATS, RUN, VERSION, PRESENT, PREDICT, EMBED, LIVE, COMPARE];
/// `compare=1`: the Compare view, with its results in the fragment ([`crate::comparison`]).
pub const COMPARE: &str = "compare";

pub const MAX_REPEATS: u64 = 20;
/// Repeats read, written and checked like any knob.
pub const REPEATS_KNOB: Whole = Whole::new(REPEATS, "Repeats", 1, MAX_REPEATS, 1);
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
    pub mode: Mode,
    pub repeats: String,
}

impl Settings {
    pub fn defaults(about: &About) -> Self {
        Settings {
            knobs: about.knobs.iter().map(|k| k.default_text()).collect(),
            mode: about.modes[0],
            repeats: REPEATS_KNOB.0.default_text(),
        }
    }
}

/// What a link asks for.
#[derive(Clone, Debug)]
pub struct Reading {
    pub experiment: Option<&'static About>,
    /// For the experiment, if there is one.
    pub settings: Option<Settings>,
    pub autorun: Option<Autorun>,
    /// Presenter mode, predicting, embedded.
    pub flags: PageFlags,
    /// The Compare view instead of an experiment.
    pub compare: bool,
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

/// The first value of each key, as `URLSearchParams.get` reads them, and the keys in order.
struct FirstValues<'a> {
    firsts: HashMap<&'a str, &'a str>,
    order: Vec<&'a str>,
}

impl<'a> FirstValues<'a> {
    /// A map, not a search per key: a link may have thousands of keys. Notes repeated keys.
    fn of(pairs: &'a [(String, String)], notices: &mut Vec<String>) -> Self {
        let mut firsts: HashMap<&str, &str> = HashMap::new();
        let mut order = Vec::new();
        let mut repeated: HashSet<&str> = HashSet::new();
        for (key, value) in pairs {
            if !firsts.contains_key(key.as_str()) {
                firsts.insert(key, value);
                order.push(key.as_str());
            } else if repeated.insert(key) && repeated.len() <= MAX_NOTICES {
                notices.push(format!(
                    "The link gives {} more than once; the first, {}, is used.",
                    quoted(key),
                    quoted(firsts[key.as_str()])
                ));
            }
        }
        FirstValues { firsts, order }
    }
    fn get(&self, key: &str) -> Option<&'a str> {
        self.firsts.get(key).copied()
    }
}

/// Reads a link's query pairs (already percent-decoded), in their order; `find` looks
/// an experiment up by its slug.
pub fn read(pairs: &[(String, String)], find: impl Fn(&str) -> Option<&'static About>) -> Reading {
    let mut notices = Vec::new();
    let link = FirstValues::of(pairs, &mut notices);
    if let Some(other) = link.get(VERSION).filter(|v| *v != FORMAT_VERSION) {
        notices.push(format!(
            "The link says it is format version {}, but this page reads version {FORMAT_VERSION}; its values are read as version {FORMAT_VERSION}.",
            quoted(other)
        ));
    }
    let experiment = link.get(EXPERIMENT).and_then(|slug| {
        let found = find(slug);
        if found.is_none() {
            notices.push(format!(
                "The link names an experiment {} that does not exist; pick one from the list.",
                quoted(slug)
            ));
        }
        found
    });
    let settings = experiment.map(|about| read_settings(about, &link, &mut notices));
    notice_unknown_keys(experiment, &link.order, &mut notices);
    let flags = PageFlags {
        present: read_flag(PRESENT, "presenter mode", link.get(PRESENT), &mut notices),
        predict: read_flag(PREDICT, "predicting", link.get(PREDICT), &mut notices),
        embed: read_flag(EMBED, "the embedded view", link.get(EMBED), &mut notices),
        live: read_flag(LIVE, "live drawing while timing", link.get(LIVE), &mut notices),
    };
    let compare = read_flag(COMPARE, "the Compare view", link.get(COMPARE), &mut notices);
    let autorun = read_autorun(link.get(RUN), experiment.is_some(), &mut notices);
    if notices.len() > MAX_NOTICES {
        let rest = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(format!("…and {rest} more problems with the link."));
    }
    Reading { experiment, settings, autorun, flags, compare, notices }
}

/// A page-wide flag: on for 1, off for 0 (and their spellings), off with a notice otherwise.
fn read_flag(key: &str, what: &str, flag: Option<&str>, notices: &mut Vec<String>) -> bool {
    match flag {
        None | Some("0" | "false" | "no") => false,
        Some("1" | "true" | "yes" | "") => true,
        Some(other) => {
            notices.push(format!("The link's {key} flag {} is not 1 or 0, so {what} is off.", quoted(other)));
            false
        }
    }
}

/// What is page-wide rather than the experiment's; each written to a link only when on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageFlags {
    pub present: bool,
    pub predict: bool,
    pub embed: bool,
    /// Drawing goes on while the pool is timed.
    pub live: bool,
}

/// The pairs that follow the experiment's, for the page-wide flags that are on.
pub fn page_pairs(flags: PageFlags) -> Vec<(String, String)> {
    [(PRESENT, flags.present), (PREDICT, flags.predict), (EMBED, flags.embed), (LIVE, flags.live)]
        .into_iter()
        .filter(|f| f.1)
        .map(|(k, _)| (k.to_string(), "1".to_string()))
        .collect()
}

/// The knobs, repeats and mode a link gives `about`, each fixed with a notice if unusable.
fn read_settings(about: &About, link: &FirstValues, notices: &mut Vec<String>) -> Settings {
    let mut settings = Settings::defaults(about);
    let knobs = about.knobs.iter().zip(settings.knobs.iter_mut());
    for (knob, text) in knobs.chain([(&REPEATS_KNOB.0, &mut settings.repeats)]) {
        let Some(given) = link.get(knob.key) else { continue };
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
    if let Some(given) = link.get(MODE) {
        match about.mode(given) {
            Some(mode) => settings.mode = mode,
            None => notices.push(format!(
                "The link's mode {} is not one of {}; using “{}”.",
                quoted(given),
                about.modes.iter().map(|m| m.id).collect::<Vec<_>>().join(", "),
                settings.mode.label
            )),
        }
    }
    settings
}

/// One notice for every key that is neither the format's nor a knob of the experiment.
fn notice_unknown_keys(about: Option<&About>, keys: &[&str], notices: &mut Vec<String>) {
    let unknown: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| !RESERVED.contains(k) && !about.is_some_and(|a| a.knobs.iter().any(|knob| knob.key == *k)))
        .collect();
    if unknown.is_empty() {
        return;
    }
    let owner = about.map_or("the playground".to_string(), |a| format!("“{}”", a.title));
    let listed = unknown.iter().take(5).map(|k| quoted(k)).collect::<Vec<_>>().join(", ");
    let more = if unknown.len() > 5 { format!(" and {} more", unknown.len() - 5) } else { String::new() };
    let (is, verb) =
        if unknown.len() == 1 { ("is not a parameter", "it was") } else { ("are not parameters", "they were") };
    notices.push(format!("{listed}{more} {is} of {owner}; {verb} ignored."));
}

/// The run flag. A link that needed fixing runs only when a person has seen the fixes
/// and presses Run, so any notice so far cancels it.
fn read_autorun(flag: Option<&str>, has_experiment: bool, notices: &mut Vec<String>) -> Option<Autorun> {
    let autorun = match flag {
        None | Some("0" | "false" | "no") => None,
        Some("1" | "true" | "yes" | "") => Some(Autorun::Mode),
        Some("all") => Some(Autorun::EveryMode),
        Some(other) => {
            notices.push(format!("The link's run flag {} is not 1 or all, so the run was not started.", quoted(other)));
            None
        }
    };
    match autorun {
        Some(_) if !has_experiment => {
            notices.push("The link asks to start a run but names no experiment to run.".into());
            None
        }
        Some(_) if !notices.is_empty() => {
            notices.push(
                "Because of the above, the run was not started by itself: check the values and press Run.".into(),
            );
            None
        }
        autorun => autorun,
    }
}

/// The query pairs of a link to `about` with `settings` (all knobs written out,
/// so the link keeps meaning the same if a default changes).
pub fn pairs(about: &About, settings: &Settings, autorun: Option<Autorun>) -> Vec<(String, String)> {
    let mut pairs = vec![(EXPERIMENT.to_string(), about.slug.to_string())];
    for (knob, text) in about.knobs.iter().zip(&settings.knobs) {
        pairs.push((knob.key.to_string(), knob.link_text(text)));
    }
    pairs.push((MODE.to_string(), settings.mode.id.to_string()));
    pairs.push((REPEATS.to_string(), REPEATS_KNOB.0.link_text(&settings.repeats)));
    match autorun {
        Some(Autorun::Mode) => pairs.push((RUN.to_string(), "1".into())),
        Some(Autorun::EveryMode) => pairs.push((RUN.to_string(), "all".into())),
        None => {}
    }
    pairs
}

/// Checks that `about` can be written in links: its knob keys are unique and none is
/// one of the format's own keys. The app's tests run it over the whole catalogue.
pub fn check_keys(about: &About) -> Result<(), String> {
    for (i, knob) in about.knobs.iter().enumerate() {
        if RESERVED.contains(&knob.key) {
            return Err(format!("{} has a knob named {}, a key of the link format", about.slug, knob.key));
        }
        if about.knobs[..i].iter().any(|k| k.key == knob.key) {
            return Err(format!("{} has two knobs named {}", about.slug, knob.key));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Threads;
    use crate::catalogue::tests::{CPU, MAIN, POOL, TIMERS, find};

    fn link(query: &[(&str, &str)]) -> Reading {
        read(&query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>(), find)
    }

    /// A small seeded generator (xorshift64*): the same links every run, so a failure
    /// names a case that can be replayed, and no fuzzing crate for one test.
    struct Links(u64);

    impl Links {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[(self.next() % from.len() as u64) as usize]
        }
        /// A value a person or a broken tool might put in a link.
        fn value(&mut self) -> String {
            match self.next() % 6 {
                0 => self.next().to_string(),
                1 => format!("-{}", self.next() % 1000),
                2 => self.pick(&["", "1", "0", "all", "yes", "1e9", "1,000", " 42 ", "0x10", "NaN"]).to_string(),
                3 => (0..self.next() % 300)
                    .map(|_| char::from_u32((self.next() % 0x3000) as u32).unwrap_or('?'))
                    .collect(),
                4 => self.pick(&["main-thread", "worker", "pool", "timers", "cpu", "no-such"]).to_string(),
                _ => "9".repeat((self.next() % 40) as usize),
            }
        }
        fn link(&mut self) -> Vec<(String, String)> {
            let keys = [
                "experiment",
                "mode",
                "repeats",
                "run",
                "v",
                "present",
                "predict",
                "embed",
                "live",
                "compare",
                "n",
                "threads",
                "password",
                "period",
                "x",
                "",
            ];
            (0..self.next() % 12).map(|_| (self.pick(&keys).to_string(), self.value())).collect()
        }
    }

    /// Random links (seeded): reading never panics; a knob value given first in the link is
    /// either what the page shows or named in a notice (nothing is silently lost); a link
    /// that needed a notice never starts a run; and what the page writes back reads again
    /// to the same settings with no notice.
    #[test]
    fn random_links_never_panic_and_keep_every_key() {
        let mut links = Links(0x9E37_79B9_7F4A_7C15);
        for case in 0..20_000 {
            let mut pairs = links.link();
            if case % 2 == 0 {
                pairs.insert(0, ("experiment".into(), links.pick(&["cpu", "timers", "nope"]).into()));
            }
            let reading = read(&pairs, find);
            if !reading.notices.is_empty() {
                assert_eq!(reading.autorun, None, "case {case}: {pairs:?}");
            }
            let (Some(about), Some(settings)) = (reading.experiment, &reading.settings) else { continue };
            for (knob, shown) in about.knobs.iter().zip(&settings.knobs) {
                let Some((_, given)) = pairs.iter().find(|(k, _)| k == knob.key) else { continue };
                let kept = knob.parse(given).is_ok() && knob.parse(shown) == knob.parse(given);
                assert!(kept || !reading.notices.is_empty(), "case {case}: {} = {given:?} lost: {pairs:?}", knob.key);
            }
            let again = read(&pairs_of(about, settings), find);
            assert!(again.notices.is_empty(), "case {case}: {:?}", again.notices);
            assert_eq!(again.settings.as_ref(), Some(settings), "case {case}: {pairs:?}");
        }
    }

    fn pairs_of(about: &About, settings: &Settings) -> Vec<(String, String)> {
        pairs(about, settings, None)
    }

    #[test]
    fn presenter_mode_is_a_flag_of_the_link() {
        assert!(link(&[("experiment", "collatz"), ("present", "1")]).flags.present);
        assert!(link(&[("present", "yes")]).flags.present, "also on the home page");
        let off = link(&[("experiment", "collatz"), ("present", "0")]);
        assert!(!off.flags.present && off.notices.is_empty());
        let odd = link(&[("experiment", "collatz"), ("present", "big"), ("run", "1")]);
        assert!(!odd.flags.present);
        assert_eq!(odd.notices[0], "The link's present flag “big” is not 1 or 0, so presenter mode is off.");
        assert_eq!(odd.autorun, None, "a link that needed fixing does not run by itself");
        let present = PageFlags { present: true, ..PageFlags::default() };
        assert_eq!(page_pairs(present), [("present".to_string(), "1".to_string())]);
        assert!(page_pairs(PageFlags::default()).is_empty());
        let all = link(&[("experiment", "collatz"), ("present", "1"), ("predict", "1"), ("embed", "1"), ("live", "1")]);
        let flags = PageFlags { present: true, predict: true, embed: true, live: true };
        assert_eq!((all.flags, all.notices.len()), (flags, 0));
        let keys: Vec<String> = page_pairs(flags).into_iter().map(|p| p.0).collect();
        assert_eq!(keys, ["present", "predict", "embed", "live"]);
        let odd = link(&[("live", "always")]);
        assert_eq!(odd.notices, ["The link's live flag “always” is not 1 or 0, so live drawing while timing is off."]);
        assert!(link(&[("compare", "1")]).compare);
        assert!(!link(&[("experiment", "collatz")]).compare);
        let odd = link(&[("predict", "please")]);
        assert_eq!(odd.notices, ["The link's predict flag “please” is not 1 or 0, so predicting is off."]);
    }

    #[test]
    fn a_written_link_reads_back_the_same() {
        for about in [&CPU, &TIMERS] {
            for mode in about.modes {
                let settings = Settings { mode: *mode, repeats: "3".into(), ..Settings::defaults(about) };
                let reading = read(&pairs(about, &settings, Some(Autorun::EveryMode)), find);
                assert!(reading.notices.is_empty(), "{:?}", reading.notices);
                assert_eq!(reading.experiment.map(|a| a.slug), Some(about.slug));
                let back = reading.settings.unwrap();
                assert_eq!((back.mode, back.repeats.as_str()), (*mode, "3"));
                for (knob, (sent, got)) in about.knobs.iter().zip(settings.knobs.iter().zip(&back.knobs)) {
                    assert_eq!(knob.parse(sent), knob.parse(got));
                }
                assert_eq!(reading.autorun, Some(Autorun::EveryMode));
            }
        }
    }

    #[test]
    fn links_write_plain_numbers_and_every_knob() {
        let settings = Settings { knobs: vec!["1,000,000".into(), "2".into()], mode: POOL, repeats: "5".into() };
        let query: Vec<String> =
            pairs(&CPU, &settings, Some(Autorun::Mode)).iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(query, ["experiment=collatz", "n=1000000", "threads=2", "mode=pool", "repeats=5", "run=1"]);
    }

    #[test]
    fn version_1_links_of_today_read_the_same() {
        let reading = link(&[
            ("experiment", "collatz"),
            ("n", "1000000"),
            ("threads", "0"),
            ("mode", "pool"),
            ("repeats", "5"),
            ("run", "1"),
        ]);
        let settings = reading.settings.unwrap();
        assert_eq!(settings.knobs, ["1,000,000", "0"], "shown as a person types them");
        assert_eq!((settings.mode, settings.repeats.as_str()), (POOL, "5"));
        assert_eq!(reading.autorun, Some(Autorun::Mode));
        assert!(reading.notices.is_empty());
        let with_v = link(&[("experiment", "collatz"), ("v", "1"), ("run", "all")]);
        assert_eq!(with_v.autorun, Some(Autorun::EveryMode));
        assert!(with_v.notices.is_empty());
    }

    #[test]
    fn a_bad_value_gets_a_specific_notice_and_a_safe_value() {
        let reading =
            link(&[("experiment", "collatz"), ("n", "1e15"), ("threads", "10000"), ("mode", "turbo"), ("run", "1")]);
        let settings = reading.settings.unwrap();
        assert_eq!(settings.knobs, ["100,000,000", "16"], "the nearest values in range");
        assert_eq!(settings.mode, MAIN, "the first mode");
        let text = reading.notices.join("\n");
        assert!(
            text.contains("N must be at most 100,000,000, got 1,000,000,000,000,000; using 100,000,000 instead."),
            "{text}"
        );
        assert!(text.contains("Pool threads must be at most 16"), "{text}");
        assert!(
            text.contains("The link's mode “turbo” is not one of main-thread, worker, pool; using “Main thread”."),
            "{text}"
        );
        assert_eq!(reading.autorun, None, "a link that needed fixing does not start by itself");
        assert!(text.contains("the run was not started by itself"));
    }

    #[test]
    fn garbage_empty_and_negative_values() {
        let reading = link(&[("experiment", "collatz"), ("n", "-300"), ("threads", "fast")]);
        assert_eq!(reading.settings.unwrap().knobs, ["2", "0"], "negative: the minimum; garbage: the default");
        let reading = link(&[("experiment", "collatz"), ("n", "")]);
        assert_eq!(reading.settings.unwrap().knobs[0], "1,000,000", "empty: the default");
        assert!(reading.notices[0].contains("N is empty"));
        let reading = link(&[("experiment", "timers"), ("password", &"x".repeat(50))]);
        assert_eq!(reading.settings.unwrap().knobs[0], "x".repeat(8), "text: cut to its length");
    }

    #[test]
    fn unknown_experiment_keys_and_run_flags() {
        let reading = link(&[("experiment", "no-such-thing"), ("run", "1")]);
        assert!(reading.experiment.is_none() && reading.settings.is_none());
        assert!(reading.notices[0].contains("“no-such-thing” that does not exist"));
        assert!(reading.notices.iter().any(|n| n.contains("names no experiment")));
        assert_eq!(reading.autorun, None);

        let reading = link(&[("experiment", "collatz"), ("zzz", "1")]);
        assert_eq!(reading.notices, ["“zzz” is not a parameter of “Collatz longest chain”; it was ignored."]);
        let reading = link(&[("experiment", "collatz"), ("run", "soon")]);
        assert!(reading.notices[0].contains("run flag “soon” is not 1 or all"));
        for off in ["0", "false", "no"] {
            assert_eq!(link(&[("experiment", "collatz"), ("run", off)]).autorun, None);
        }
        assert_eq!(link(&[("experiment", "collatz"), ("run", "")]).autorun, Some(Autorun::Mode));
    }

    #[test]
    fn repeated_keys_versions_and_many_keys() {
        let reading = link(&[("experiment", "collatz"), ("n", "100"), ("n", "200")]);
        assert_eq!(reading.settings.unwrap().knobs[0], "100", "the first counts");
        assert!(reading.notices[0].contains("gives “n” more than once; the first, “100”, is used"));
        let reading = link(&[("experiment", "collatz"), ("v", "7")]);
        assert!(reading.notices[0].contains("format version “7”"));

        // Thousands of unknown keys: one summing-up notice, not thousands.
        let many: Vec<(String, String)> = (0..5000).map(|i| (format!("k{i}"), "x".into())).collect();
        let reading = read(&many, find);
        assert_eq!(reading.notices.len(), 1, "{:?}", reading.notices);
        assert!(reading.notices[0].contains("and 4995 more are not parameters of the playground"));

        // Many problems: at most MAX_NOTICES lines, the last summing up the rest.
        let repeated: Vec<(String, String)> =
            (0..30).flat_map(|i| [(format!("k{i}"), "a".to_string()), (format!("k{i}"), "b".to_string())]).collect();
        let reading = read(&repeated, find);
        assert_eq!(reading.notices.len(), MAX_NOTICES);
        assert!(reading.notices.last().unwrap().starts_with("…and"));
    }

    #[test]
    fn quoted_values_are_short_and_escaped() {
        assert_eq!(quoted("a\"b\n<script>"), "“a\\\"b\\n<script>”");
        assert_eq!(quoted(&"y".repeat(41)), format!("“{}…”", "y".repeat(40)));
    }

    #[test]
    fn knob_keys_may_not_clash_with_the_format() {
        assert_eq!(check_keys(&CPU), Ok(()));
        static CLASH: About = About { knobs: &[REPEATS_KNOB.0], ..CPU_FIELDS };
        static TWICE: About =
            About { knobs: &[crate::catalogue::tests::N.0, crate::catalogue::tests::N.0], ..CPU_FIELDS };
        const CPU_FIELDS: About = About {
            slug: "x",
            title: "",
            summary: "",
            sources: &[],
            knobs: &[],
            modes: &[MAIN],
            needs_threads: Threads::No,
            memory_bound: false,
            headline: None,
            verdict_by_result: false,
        };
        assert!(check_keys(&CLASH).unwrap_err().contains("a key of the link format"));
        assert!(check_keys(&TWICE).unwrap_err().contains("two knobs named n"));
    }
}
