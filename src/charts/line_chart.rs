//! Lines over linear axes: what an experiment measures over time (latency per window)
//! or a distribution, drawn from a [`Plot`] of plain numbers.

use super::{AXIS, SERIES_COLOURS, chart_box, measured_figure, path_through, tick_step};
use leptos::prelude::*;
use playground_lab::records::Plot;

/// Rows the table under a chart lists at most; the download has every point.
const TABLE_ROWS: usize = 300;

/// Tick values from 0 to `top`, at a "nice" step about `ticks` times.
fn ticks(top: f64, ticks: f64) -> impl Iterator<Item = f64> {
    let step = tick_step(top, ticks);
    (0..=(top / step).floor() as usize).map(move |i| i as f64 * step)
}

/// A number as an axis label: no decimals once it is large, a few when it is small.
fn axis_number(v: f64) -> String {
    if v == 0.0 || v.abs() >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The x axis: linear from 0, or log over whole decades.
#[derive(Clone, Copy)]
enum XScale {
    Linear { right: f64 },
    Log { first: f64, last: f64 },
}

impl XScale {
    fn of(xs: impl Iterator<Item = f64> + Clone, log: bool) -> XScale {
        let right = xs.clone().fold(0.0, f64::max).max(1e-9);
        if !log {
            return XScale::Linear { right };
        }
        let low = xs.filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
        let first = if low.is_finite() { low.log10().floor() } else { -1.0 };
        XScale::Log { first, last: right.log10().ceil().max(first + 1.0) }
    }
    /// Where `v` sits across the axis, 0 to 1 (at or below zero on a log axis: its left end).
    fn fraction(self, v: f64) -> f64 {
        match self {
            XScale::Linear { right } => v / right,
            XScale::Log { first, last } => {
                ((v.max(10f64.powf(first)).log10() - first) / (last - first)).clamp(0.0, 1.0)
            }
        }
    }
    fn ticks(self, count: f64) -> Vec<f64> {
        match self {
            XScale::Linear { right } => ticks(right, count).collect(),
            XScale::Log { first, last } => (first as i32..=last as i32).map(|k| 10f64.powi(k)).collect(),
        }
    }
}

#[component]
pub fn LineChart(#[prop(into)] plot: Signal<Plot>) -> impl IntoView {
    const H: f64 = 240.0;
    const LEFT: f64 = 60.0;
    let (figure, geometry) = measured_figure();
    let svg = move || {
        let plot = plot.get();
        let width = geometry.get().width;
        let points = || plot.lines.iter().flat_map(|l| l.points.iter());
        let top = points().map(|p| p.1).fold(0.0, f64::max).max(1e-9) * 1.08;
        let scale = XScale::of(points().map(|p| p.0), plot.log_x);
        let x = move |v: f64| LEFT + scale.fraction(v) * (width - LEFT - 20.0);
        let y = move |v: f64| 10.0 + (1.0 - v / top) * (H - 10.0);
        let grid = ticks(top, 5.0)
            .map(|v| {
                view! {
                    <line class="grid" x1=LEFT x2=width - 20.0 y1=y(v) y2=y(v)></line>
                    <text class="axis-label" x=LEFT - 8.0 y=y(v) + 4.0 text-anchor="end">{axis_number(v)}</text>
                }
            })
            .collect_view();
        let xs = scale
            .ticks((width / 110.0).clamp(3.0, 8.0))
            .into_iter()
            .map(|v| view! { <text class="axis-label" x=x(v) y=H + 18.0 text-anchor="middle">{axis_number(v)}</text> })
            .collect_view();
        let lines = plot
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let d = path_through(line.points.iter().map(|&(px, py)| (x(px), y(py))));
                // A line of one point still shows, as a dot.
                let dot = (line.points.len() == 1).then(|| {
                    let (px, py) = line.points[0];
                    view! { <circle class="point" cx=x(px) cy=y(py) r=4></circle> }
                });
                view! {
                    <g class=format!("series-{}", i % SERIES_COLOURS)>
                        <path class="series-line" d=d></path>
                        {dot}
                        <text class="legend" x=LEFT + 12.0 y=24.0 + i as f64 * 20.0>{format!("● {}", line.name)}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="chart lines" viewBox=format!("0 0 {width} {}", H + AXIS + 14.0) role="img" aria-label=plot.title.clone()>
                {grid}
                {xs}
                {lines}
                <text class="axis-label" x=width - 20.0 y=H + 36.0 text-anchor="end">{plot.x_name.clone()}</text>
                <text class="axis-label" x=4 y=H + 36.0 text-anchor="start">{plot.y_name.clone()}</text>
            </svg>
        }
    };
    let body = move || {
        plot.with(|p| {
            let rows = p.lines.iter().flat_map(|l| l.points.iter().map(move |pt| (l.name.clone(), *pt)));
            rows.take(TABLE_ROWS)
                .map(|(name, (px, py))| view! { <tr><td>{name}</td><td>{format!("{px:.3}")}</td><td>{format!("{py:.3}")}</td></tr> })
                .collect_view()
        })
    };
    let caption = move || plot.with(|p| p.title.clone());
    let note = move || {
        let count = plot.with(|p| p.lines.iter().map(|l| l.points.len()).sum::<usize>());
        (count > TABLE_ROWS).then(|| {
            view! { <p class="chart-note">{format!("The table lists the first {TABLE_ROWS} of {count} points; the JSON download has them all.")}</p> }
        })
    };
    view! {
        <div class="plot" data-testid="plot" data-title=move || plot.with(|p| p.title.clone())>
            {chart_box(figure, caption, svg, note, "As a table", &["Line", "x", "y"], body)}
        </div>
    }
}
