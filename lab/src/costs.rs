//! What concurrency costs, as figures: a cost per unit measured at growing counts, and
//! how busy each thread of a run was.

use crate::figures::latest_per_mode;
use crate::records::{Event, Line, Plot, RunRecord};
use playground_kernels::stats::Summary;

/// The counts a cost is measured at on the way to `up_to`: 1, 10, 100, … and `up_to`
/// itself, so the line grows across the log axis while the run goes on.
pub fn ramp(up_to: u64) -> Vec<u64> {
    let mut counts: Vec<u64> =
        std::iter::successors(Some(1u64), |n| n.checked_mul(10)).take_while(|n| *n < up_to).collect();
    counts.push(up_to.max(1));
    counts
}

/// The cost of one unit (a task, a job, a worker, a round trip) at a count, from the
/// time each round took for all of them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitCost {
    pub units: u64,
    /// Microseconds per unit: each round's time divided by the count.
    pub per_unit_us: Summary,
}

impl UnitCost {
    pub fn of(units: u64, rounds_ms: &[f64]) -> Option<Self> {
        let per_unit_us = Summary::of(rounds_ms.iter().map(|ms| ms * 1e3 / units.max(1) as f64))?;
        Some(UnitCost { units, per_unit_us })
    }

    /// "0.84 µs (0.80–0.95)": the median and the spread of the rounds.
    pub fn text(&self) -> String {
        let s = self.per_unit_us;
        format!("{} ({}–{})", micros(s.median), micros(s.min), micros(s.max))
    }
}

/// A duration in µs, to three significant figures or so: "0.0412 µs", "8.31 µs", "1,240 µs".
pub fn micros(us: f64) -> String {
    if us >= 1_000.0 {
        format!("{} µs", playground_kernels::params::group_thousands(us.round() as u64))
    } else {
        let digits = if us >= 100.0 {
            0
        } else if us >= 10.0 {
            1
        } else if us >= 1.0 {
            2
        } else {
            3
        };
        format!("{us:.digits$} µs")
    }
}

/// Bytes as "1.5 MB", "2.0 KB" or "640 B".
pub fn bytes_text(bytes: f64) -> String {
    match bytes.abs() {
        b if b >= 1e6 => format!("{:.1} MB", bytes / 1e6),
        b if b >= 1e3 => format!("{:.1} KB", bytes / 1e3),
        _ => format!("{bytes:.0} B"),
    }
}

/// The plot of cost per unit against the count, one line (`name`) with a point per count.
pub fn cost_plot(title: &str, count_name: &str, name: &str, costs: &[UnitCost]) -> Plot {
    let points = costs.iter().map(|c| (c.units as f64, c.per_unit_us.median)).collect();
    let y_name = "µs per unit (median of the rounds, log scale)";
    Plot::new(title, count_name, y_name, vec![Line { name: name.into(), points }]).with_log_x().with_log_y()
}

/// The one-line plots of the latest run of each mode (made with the latest run's
/// parameters) merged by title, once two modes or more have one: each kind's line on
/// one chart, named by its mode.
pub fn plots_by_mode(runs: &[RunRecord]) -> Vec<Plot> {
    let latest = latest_per_mode(runs);
    let mut merged: Vec<Plot> = Vec::new();
    for run in &latest {
        for plot in run.plots.iter().filter(|p| p.lines.len() == 1) {
            let line = Line { name: run.mode.label.to_string(), points: plot.lines[0].points.clone() };
            match merged.iter_mut().find(|m| m.title == plot.title) {
                Some(m) => m.lines.push(line),
                None => merged.push(Plot { lines: vec![line], ..plot.clone() }),
            }
        }
    }
    merged.retain(|p| p.lines.len() >= 2);
    for plot in &mut merged {
        plot.title = format!("{}: every mode (latest run of each)", plot.title);
    }
    merged
}

/// One look at a channel during a run: when (ms), items waiting in it, items consumed so far.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelSample {
    pub at_ms: f64,
    pub queued: u64,
    pub consumed: u64,
}

/// The queue length over time, and the throughput between consecutive samples at
/// least `window_ms` apart (items per second): the channels experiment's two charts.
pub fn channel_plots(samples: &[ChannelSample], window_ms: f64) -> Vec<Plot> {
    let queue = samples.iter().map(|s| (s.at_ms, s.queued as f64)).collect();
    let mut rate = Vec::new();
    let mut last: Option<&ChannelSample> = None;
    for s in samples {
        match last {
            Some(l) if s.at_ms - l.at_ms >= window_ms => {
                rate.push((s.at_ms, (s.consumed - l.consumed) as f64 * 1e3 / (s.at_ms - l.at_ms)));
                last = Some(s);
            }
            None => last = Some(s),
            _ => {}
        }
    }
    vec![
        Plot::new(
            "Items waiting in the channel",
            "ms since the run began",
            "items queued",
            vec![Line { name: "queue length".into(), points: queue }],
        ),
        Plot::new(
            "Throughput",
            "ms since the run began",
            "items consumed per second",
            vec![Line { name: "throughput".into(), points: rate }],
        ),
    ]
}

/// How long each lane was busy (its spans merged) in a run of `wall_ms`, lane by lane
/// in the order they first appear.
pub fn busy_by_lane(events: &[Event], wall_ms: f64) -> Vec<(String, f64)> {
    // Per lane: its spans as (start, duration), what merge_intervals takes.
    let mut lanes: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for e in events.iter().filter(|e| e.end > e.start) {
        match lanes.iter_mut().find(|(l, _)| *l == e.lane) {
            Some((_, spans)) => spans.push((e.start, e.end - e.start)),
            None => lanes.push((e.lane.clone(), vec![(e.start, e.end - e.start)])),
        }
    }
    lanes
        .into_iter()
        .map(|(lane, spans)| {
            let busy: f64 = crate::records::merge_intervals(spans).iter().map(|(_, duration)| duration).sum();
            (lane, busy.min(wall_ms))
        })
        .collect()
}

/// Lanes named one by one in [`busy_text`]; past this, a summary of their shares.
const LANES_NAMED: usize = 8;

/// Each lane's busy share in words: "Pool thread 1 92 %, Pool thread 2 41 %", or for
/// many lanes "32 threads: median 1 %, least 0 %, most 21 %".
pub fn busy_text(busy: &[(String, f64)], wall_ms: f64) -> String {
    let share = |ms: f64| if wall_ms > 0.0 { ms / wall_ms * 100.0 } else { 0.0 };
    if busy.len() > LANES_NAMED {
        let Some(s) = Summary::of(busy.iter().map(|(_, ms)| share(*ms))) else { return String::new() };
        return format!("{} threads: median {:.0} %, least {:.0} %, most {:.0} %", busy.len(), s.median, s.min, s.max);
    }
    busy.iter().map(|(lane, ms)| format!("{lane} {:.0} %", share(*ms))).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ramp_climbs_by_tens_to_the_count() {
        assert_eq!(ramp(1_000_000), [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]);
        assert_eq!(ramp(64), [1, 10, 64]);
        assert_eq!(ramp(1), [1]);
        assert_eq!(ramp(0), [1]);
    }

    #[test]
    fn a_unit_cost_is_each_round_over_the_count() {
        let cost = UnitCost::of(1_000, &[2.0, 1.0, 4.0]).unwrap();
        assert_eq!(cost.per_unit_us, Summary { count: 3, median: 2.0, min: 1.0, max: 4.0 });
        assert_eq!(cost.text(), "2.00 µs (1.00 µs–4.00 µs)");
        assert_eq!(UnitCost::of(10, &[]), None);
        let plot = cost_plot("t", "tasks", "Async tasks", &[cost]);
        assert!(plot.log_x && plot.log_y);
        assert_eq!(plot.lines[0].points, [(1_000.0, 2.0)]);
    }

    #[test]
    fn micros_keep_three_figures() {
        assert_eq!(micros(0.04123), "0.041 µs");
        assert_eq!(micros(8.314), "8.31 µs");
        assert_eq!(micros(52.17), "52.2 µs");
        assert_eq!(micros(1_240.4), "1,240 µs");
        assert_eq!(
            (bytes_text(1_500_000.0), bytes_text(2_048.0), bytes_text(640.0)),
            ("1.5 MB".into(), "2.0 KB".into(), "640 B".into())
        );
    }

    #[test]
    fn one_line_plots_merge_across_modes() {
        use crate::catalogue::tests::{POOL, WORKER};
        let run = |number, mode, y: f64| {
            let mut r = crate::records::tests::run(number, mode, 1.0, 1);
            let cost = UnitCost::of(10, &[y]).unwrap();
            r.plots = vec![cost_plot("Cost", "units", "ignored", &[cost])];
            r
        };
        assert!(plots_by_mode(&[run(1, WORKER, 1.0)]).is_empty(), "one mode: nothing to merge");
        let merged = plots_by_mode(&[run(1, WORKER, 1.0), run(2, POOL, 2.0), run(3, WORKER, 3.0)]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].title, "Cost: every mode (latest run of each)");
        let lines: Vec<(&str, f64)> = merged[0].lines.iter().map(|l| (l.name.as_str(), l.points[0].1)).collect();
        assert_eq!(lines, [("Web worker", 300.0), ("Rayon pool", 200.0)]);
    }

    #[test]
    fn channel_plots_draw_the_queue_and_the_rate_per_window() {
        let at = |at_ms, queued, consumed| ChannelSample { at_ms, queued, consumed };
        let samples = [at(0.0, 0, 0), at(50.0, 4, 10), at(100.0, 8, 30), at(150.0, 2, 40), at(200.0, 0, 80)];
        let plots = channel_plots(&samples, 100.0);
        assert_eq!(plots[0].lines[0].points[2], (100.0, 8.0));
        assert_eq!(plots[1].lines[0].points, [(100.0, 300.0), (200.0, 500.0)]);
        assert!(channel_plots(&[], 100.0).iter().all(|p| p.lines[0].points.is_empty()));
    }

    #[test]
    fn busy_time_merges_overlaps_per_lane() {
        let events = [
            Event::span("A", "", 0.0, 4.0),
            Event::span("B", "", 0.0, 1.0),
            Event::span("A", "", 2.0, 6.0),
            Event::tick("Heartbeat", "", 1.0, 1.0),
        ];
        let busy = busy_by_lane(&events, 10.0);
        assert_eq!(busy, [("A".to_string(), 6.0), ("B".to_string(), 1.0)]);
        assert_eq!(busy_text(&busy, 10.0), "A 60 %, B 10 %");
        let many: Vec<(String, f64)> = (1..=9).map(|i| (format!("W{i}"), i as f64)).collect();
        assert_eq!(busy_text(&many, 10.0), "9 threads: median 50 %, least 10 %, most 90 %");
    }
}
