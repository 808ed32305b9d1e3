//! Lines over linear or log axes: what an experiment measures over time (latency per window)
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

/// A number as an axis label: no decimals once it is large, a few when it is small,
/// thousands and millions short ("100k", "1M") so the axis's last label fits.
fn axis_number(v: f64) -> String {
    let short = |v: f64| format!("{v:.2}").trim_end_matches('0').trim_end_matches('.').to_string();
    match v.abs() {
        a if a >= 1e6 => format!("{}M", short(v / 1e6)),
        a if a >= 1e4 => format!("{}k", short(v / 1e3)),
        a if a == 0.0 || a >= 10.0 => format!("{v:.0}"),
        _ => short(v),
    }
}

/// An axis: linear from 0 to a little above the largest value, or log over whole decades.
#[derive(Clone, Copy)]
enum Scale {
    Linear { end: f64 },
    Log { first: f64, last: f64 },
}

impl Scale {
    /// The axis for `values`; a linear one ends `headroom` times above the largest.
    fn of(values: impl Iterator<Item = f64> + Clone, log: bool, headroom: f64) -> Scale {
        let largest = values.clone().fold(0.0, f64::max).max(1e-9);
        if !log {
            return Scale::Linear { end: largest * headroom };
        }
        let low = values.filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
        let first = if low.is_finite() { low.log10().floor() } else { -1.0 };
        Scale::Log { first, last: largest.log10().ceil().max(first + 1.0) }
    }
    /// Where `v` sits along the axis, 0 to 1 (at or below zero on a log axis: its start).
    fn fraction(self, v: f64) -> f64 {
        match self {
            Scale::Linear { end } => v / end,
            Scale::Log { first, last } => ((v.max(10f64.powf(first)).log10() - first) / (last - first)).clamp(0.0, 1.0),
        }
    }
    fn ticks(self, count: f64) -> Vec<f64> {
        match self {
            Scale::Linear { end } => ticks(end, count).collect(),
            Scale::Log { first, last } => (first as i32..=last as i32).map(|k| 10f64.powi(k)).collect(),
        }
    }
}

/// Height of one row of the legend.
const LEGEND_ROW: f64 = 20.0;

/// Where each legend entry goes (x, baseline y), left to right and wrapping between
/// `left` and `right`, and how many rows that takes. Widths are estimated from the
/// text's length: an SVG text cannot be measured before it is drawn.
fn legend_places<'a>(names: impl Iterator<Item = &'a str>, left: f64, right: f64) -> (Vec<(f64, f64)>, usize) {
    const CHAR_W: f64 = 7.5;
    let (mut x, mut row, mut places) = (left, 0, Vec::new());
    for name in names {
        let w = (name.chars().count() + 3) as f64 * CHAR_W;
        if x > left && x + w > right {
            (x, row) = (left, row + 1);
        }
        places.push((x, 14.0 + row as f64 * LEGEND_ROW));
        x += w + 12.0;
    }
    let rows = if places.is_empty() { 0 } else { row + 1 };
    (places, rows)
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
        let (x_scale, y_scale) =
            (Scale::of(points().map(|p| p.0), plot.log_x, 1.0), Scale::of(points().map(|p| p.1), plot.log_y, 1.08));
        let x = move |v: f64| LEFT + x_scale.fraction(v) * (width - LEFT - 20.0);
        // The legend goes in rows above the lines, never over them.
        let (legend, legend_rows) = legend_places(plot.lines.iter().map(|l| l.name.as_str()), LEFT, width - 20.0);
        let plot_top = 10.0 + legend_rows as f64 * LEGEND_ROW;
        let y = move |v: f64| plot_top + (1.0 - y_scale.fraction(v)) * (H - plot_top);
        let grid = y_scale
            .ticks(5.0)
            .into_iter()
            .map(|v| {
                view! {
                    <line class="grid" x1=LEFT x2=width - 20.0 y1=y(v) y2=y(v)></line>
                    <text class="axis-label" x=LEFT - 8.0 y=y(v) + 4.0 text-anchor="end">{axis_number(v)}</text>
                }
            })
            .collect_view();
        let xs = x_scale
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
                        <text class="legend" x=legend[i].0 y=legend[i].1>{format!("● {}", line.name)}</text>
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
