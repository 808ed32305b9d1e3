//! Measuring a cost per unit on a ramp of counts (1, 10, 100, … the asked count), a
//! few rounds at each, drawing the line as it grows: what the cost experiments share.

use crate::run::live_run::LiveRun;
use leptos::prelude::*;
use playground_lab::costs::{UnitCost, cost_plot, ramp};
use playground_lab::jobs::JobError;
use playground_lab::records::Event;
use std::future::Future;

/// Rounds at each count: the median and spread of three.
pub const ROUNDS: usize = 3;

/// What the ramp is about: its chart's title, what a count counts, and its line's name.
pub struct RampChart {
    pub title: &'static str,
    pub count_name: &'static str,
    pub line: &'static str,
}

/// Measures `round(count)` (the ms it took for `count` units) `ROUNDS` times at each
/// count of the ramp to `up_to`, one span on the timeline per round, the plot redrawn
/// after each count. Returns the cost at every count, the last being `up_to`'s.
pub async fn measure_ramp<F, Fut>(
    up_to: u64,
    chart: &RampChart,
    live: LiveRun,
    round: F,
) -> Result<Vec<UnitCost>, JobError>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<f64, JobError>>,
{
    let mut costs = Vec::new();
    for count in ramp(up_to) {
        let mut rounds = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let start = live.elapsed();
            rounds.push(round(count).await?);
            live.event(Event::span(chart.line, format!("{count} at once"), start, live.elapsed()));
        }
        costs.extend(UnitCost::of(count, &rounds));
        live.plots.set(vec![cost_plot(chart.title, chart.count_name, chart.line, &costs)]);
        // Let the page draw the line so far before the next, larger count.
        crate::browser::clock::next_frame().await;
    }
    Ok(costs)
}
