//! The Compare view's data: results from any number of devices, read from links pasted,
//! files dropped and the view's own link, each shown or hidden; and what its charts draw.
//!
//! The view's link is `?compare=1#r=…&h=…`: one item per result in order, `r` shown and
//! `h` hidden, each a [`SharedResult`] in its link form. Everything read here is
//! untrusted: each item that cannot be used becomes a message naming where it came
//! from and what was wrong, and the others still load.

use crate::catalogue::About;
use crate::shared_result::{self, SharedResult};
use playground_kernels::stats::Summary;

/// The query key that opens the Compare view (link format, so the scenario's).
pub use crate::scenario::COMPARE;
pub const SHOWN: &str = "r";
pub const HIDDEN: &str = "h";
pub const MAX_ITEMS: usize = 24;
/// A JSON download of a long session is a few megabytes; far beyond that is not one.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
/// Problems beyond this many are summed up in one line.
const MAX_PROBLEMS: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub result: SharedResult,
    pub hidden: bool,
}

/// What one import brought: the results that could be read, and a sentence for each
/// part that could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub items: Vec<Item>,
    pub problems: Vec<String>,
}

impl Imported {
    fn take(&mut self, source: String, read: Result<SharedResult, String>, hidden: bool) {
        match read {
            Ok(result) => self.items.push(Item { result, hidden }),
            Err(why) => self.problem(format!("{source}: {why}.")),
        }
    }
    fn problem(&mut self, sentence: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(sentence);
        } else if self.problems.len() == MAX_PROBLEMS {
            self.problems.push("More problems were found and not listed.".to_string());
        }
    }
}

type Find<'a> = &'a dyn Fn(&str) -> Option<&'static About>;

/// A fragment's items (`r=…&h=…`, with or without the leading `#`); `source` names it
/// in messages ("the link", "link 2").
pub fn read_fragment(fragment: &str, source: &str, find: Find) -> Imported {
    let mut imported = Imported::default();
    let parts = fragment.trim_start_matches('#').split('&').filter(|p| !p.is_empty());
    for (i, part) in parts.enumerate() {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let at = format!("{source}, item {}", i + 1);
        match key {
            SHOWN | HIDDEN => imported.take(at, shared_result::decode(value, find), key == HIDDEN),
            _ => imported
                .problem(format!("{at}: {} is not a result (results start with r=).", crate::scenario::quoted(key))),
        }
    }
    imported
}

/// Pasted text: any number of links or link items, separated by spaces or lines, or
/// the text of a JSON download.
pub fn read_pasted(text: &str, find: Find) -> Imported {
    let text = text.trim();
    if text.starts_with('{') {
        return read_file("the pasted text", text, find);
    }
    let mut imported = Imported::default();
    for (i, token) in text.split_whitespace().enumerate() {
        let source = format!("link {}", i + 1);
        let part = match token.split_once('#') {
            Some((_, fragment)) => read_fragment(fragment, &source, find),
            None if token.starts_with("r=") || token.starts_with("h=") => read_fragment(token, &source, find),
            None if token.contains('?') || token.contains('/') => {
                imported.problem(format!("{source}: it has no results in it (a results link ends in #r=…)."));
                continue;
            }
            None => {
                let mut one = Imported::default();
                one.take(source, shared_result::decode(token, find), false);
                one
            }
        };
        merge(&mut imported, part);
    }
    if text.is_empty() {
        imported.problem("Nothing to add: paste a results link first.".to_string());
    }
    imported
}

/// A file: a JSON download from an experiment page (its `shared` part) or one result.
pub fn read_file(name: &str, text: &str, find: Find) -> Imported {
    let mut imported = Imported::default();
    let source = crate::scenario::quoted(name);
    if text.len() > MAX_FILE_BYTES {
        imported.problem(format!(
            "{source}: it is larger than {} MB; a results file is far smaller.",
            MAX_FILE_BYTES >> 20
        ));
        return imported;
    }
    let json: serde_json::Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(_) => {
            imported.problem(format!("{source}: it is not JSON (use the JSON download of an experiment page)."));
            return imported;
        }
    };
    let record = match json.get("shared") {
        Some(serde_json::Value::Null) => {
            imported.problem(format!("{source}: it holds no runs to compare."));
            return imported;
        }
        Some(shared) => shared.clone(),
        None => json,
    };
    imported.take(source, shared_result::from_json(record, find), false);
    imported
}

fn merge(into: &mut Imported, part: Imported) {
    into.items.extend(part.items);
    for p in part.problems {
        into.problem(p);
    }
}

/// Adds what was imported to the comparison: a result already in it is not added
/// twice, and beyond [`MAX_ITEMS`] the rest are refused, each with a message.
pub fn add(items: &mut Vec<Item>, imported: Imported) -> Vec<String> {
    let mut problems = imported.problems;
    let (mut twice, mut over) = (0, 0);
    for item in imported.items {
        if items.iter().any(|i| i.result == item.result) {
            twice += 1;
        } else if items.len() >= MAX_ITEMS {
            over += 1;
        } else {
            items.push(item);
        }
    }
    if twice > 0 {
        problems.push(format!("{twice} result(s) were already in the comparison and were not added again."));
    }
    if over > 0 {
        problems.push(format!("{over} result(s) were not added: a comparison holds at most {MAX_ITEMS}."));
    }
    problems
}

/// The view's fragment, without the `#`.
pub fn fragment(items: &[Item]) -> String {
    items
        .iter()
        .map(|i| format!("{}={}", if i.hidden { HIDDEN } else { SHOWN }, i.result.encode()))
        .collect::<Vec<_>>()
        .join("&")
}

/// The shown results grouped by experiment, experiments in the order they first appear.
pub fn by_experiment(items: &[Item]) -> Vec<(String, Vec<&SharedResult>)> {
    let mut groups: Vec<(String, Vec<&SharedResult>)> = Vec::new();
    for item in items.iter().filter(|i| !i.hidden) {
        let r = &item.result;
        match groups.iter_mut().find(|(slug, _)| *slug == r.experiment) {
            Some((_, group)) => group.push(r),
            None => groups.push((r.experiment.clone(), vec![r])),
        }
    }
    groups
}

/// What a bar chart of a comparison shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Time,
    Lateness,
    FrameGap,
}

/// One bar per mode and device, a mode's devices together: "Rayon pool — laptop (…)".
pub fn bars(about: &About, group: &[&SharedResult], figure: Figure) -> Vec<(String, Summary)> {
    let mut rows = Vec::new();
    for mode in about.modes {
        for r in group {
            let Some(m) = r.modes.iter().find(|m| m.mode == mode.id) else { continue };
            let spread = match figure {
                Figure::Time => Some(m.ms),
                Figure::Lateness => m.late,
                Figure::FrameGap => m.gap,
            };
            if let Some(s) = spread {
                rows.push((format!("{} — {}", mode.label, r.label()), s.summary(m.runs as usize)));
            }
        }
    }
    rows
}

/// Whether the devices ran different parameters (then their times measure different work).
pub fn params_differ(group: &[&SharedResult]) -> bool {
    group.windows(2).any(|w| w[0].params != w[1].params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{CPU, find};
    use crate::shared_result::tests::sample;

    fn phone() -> SharedResult {
        let mut r = sample();
        r.device.name = "phone".into();
        r.device.cores = 8;
        r
    }

    #[test]
    fn the_views_link_reproduces_it() {
        let items = vec![Item { result: sample(), hidden: false }, Item { result: phone(), hidden: true }];
        let text = fragment(&items);
        assert!(text.starts_with("r=") && text.contains("&h="));
        let read = read_fragment(&format!("#{text}"), "the link", &find);
        assert_eq!(read.problems, Vec::<String>::new());
        assert_eq!(read.items, items);
    }

    #[test]
    fn bad_items_are_named_and_the_rest_still_load() {
        let good = sample().encode();
        let text = format!("r={good}&x=1&r=broken!&h={}", phone().encode());
        let read = read_fragment(&text, "the link", &find);
        assert_eq!(read.items.len(), 2);
        assert_eq!(read.problems.len(), 2);
        assert!(read.problems[0].starts_with("the link, item 2: “x” is not a result"), "{:?}", read.problems);
        assert!(read.problems[1].starts_with("the link, item 3: it is not a results link"), "{:?}", read.problems);
    }

    #[test]
    fn pasted_links_and_bare_items() {
        let text = format!(
            "https://example.org/play/?compare=1#r={}\n\n  {}  https://example.org/?experiment=collatz nonsense",
            sample().encode(),
            phone().encode()
        );
        let read = read_pasted(&text, &find);
        assert_eq!(read.items.len(), 2);
        assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
        assert!(read.problems[0].starts_with("link 3: it has no results in it"));
        assert!(read.problems[1].starts_with("link 4: it is damaged"), "{:?}", read.problems);
        assert_eq!(read_pasted("  ", &find).problems, ["Nothing to add: paste a results link first."]);
    }

    #[test]
    fn files_are_downloads_or_single_results() {
        let record = serde_json::to_value(sample()).unwrap();
        let download = serde_json::json!({ "experiment": "collatz", "runs": [], "shared": record }).to_string();
        assert_eq!(read_file("a.json", &download, &find).items.len(), 1);
        assert_eq!(read_file("b.json", &record.to_string(), &find).items.len(), 1);
        let empty = serde_json::json!({ "shared": null }).to_string();
        assert_eq!(read_file("c.json", &empty, &find).problems, ["“c.json”: it holds no runs to compare."]);
        assert!(read_file("d.json", "<html>", &find).problems[0].contains("not JSON"));
        assert!(read_file("e.json", &"x".repeat(MAX_FILE_BYTES + 1), &find).problems[0].contains("larger than"));
        assert!(read_pasted(&download, &find).items.len() == 1, "a download's text pasted works too");
    }

    #[test]
    fn adding_skips_repeats_and_stops_at_the_limit() {
        let mut items = Vec::new();
        let one = || Imported { items: vec![Item { result: sample(), hidden: false }], problems: vec![] };
        assert!(add(&mut items, one()).is_empty());
        assert_eq!(add(&mut items, one()), ["1 result(s) were already in the comparison and were not added again."]);
        for cores in 1..=40 {
            let mut r = sample();
            r.device.cores = cores;
            add(&mut items, Imported { items: vec![Item { result: r, hidden: false }], problems: vec![] });
        }
        assert_eq!(items.len(), MAX_ITEMS);
        let problems = read_pasted(&"r=x& ".repeat(50), &find).problems;
        assert_eq!(problems.len(), MAX_PROBLEMS + 1, "messages are bounded too");
    }

    #[test]
    fn bars_put_each_modes_devices_together() {
        let items = vec![
            Item { result: sample(), hidden: false },
            Item { result: phone(), hidden: false },
            Item { result: phone(), hidden: true },
        ];
        let groups = by_experiment(&items);
        assert_eq!(groups.len(), 1);
        let (slug, group) = &groups[0];
        assert_eq!((slug.as_str(), group.len()), ("collatz", 2), "hidden items are not drawn");
        let rows = bars(&CPU, group, Figure::Time);
        let labels: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(
            labels[..2],
            [
                "Main thread — laptop (Chromium (headless) 156 · 2 cores)",
                "Main thread — phone (Chromium (headless) 156 · 8 cores)"
            ]
        );
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[2].1.count, 2);
        assert_eq!(bars(&CPU, group, Figure::Lateness).len(), 2, "only the main thread's heartbeat was timed");
        assert!(!params_differ(group));
        let mut other = phone();
        other.params = "n=10".into();
        assert!(params_differ(&[&sample(), &other]));
    }
}
