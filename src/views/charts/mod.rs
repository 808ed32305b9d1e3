//! Charts, drawn as SVG by hand in Leptos.
//!
//! Why not a chart crate: these charts redraw five times a second while a run is
//! going, two of them are timelines (lanes of bars and timer ticks) that chart
//! crates do not offer, and each needs a table twin for people who cannot see it.
//! A few small components over plain data do all of that, with no dependency.
//! Colours come from CSS variables, so dark mode and projectors are the style sheet's job.

mod line_chart;

pub use line_chart::LineChart;

use crate::browser::element_width::use_element_width;
use leptos::prelude::*;
use playground_kernels::stats::Summary;
use playground_lab::figures::CurvePoint;
use playground_lab::thresholds::{FROZEN_FRAME_GAP_MS, LATE_TIMER_MS, SLOW_FRAME_GAP_MS};
use playground_lab::timeline::Lane;

const LANE: f64 = 30.0;
const AXIS: f64 = 26.0;

/// A chart's drawing size: as wide as it is shown (one unit is one CSS pixel, so its
/// text keeps its size on a phone), with a column for row labels that narrows with it.
#[derive(Clone, Copy)]
struct Geometry {
    width: f64,
    label_w: f64,
}

impl Geometry {
    /// Before the first measurement, charts draw as on a laptop.
    const FIRST_GUESS: f64 = 1000.0;

    fn of(shown: f64) -> Geometry {
        let width = shown.max(280.0);
        Geometry { width, label_w: (width * 0.3).clamp(120.0, 240.0) }
    }
}

/// The figure a chart is drawn in, and the geometry its width gives.
fn measured_figure() -> (NodeRef<leptos::html::Figure>, Signal<Geometry>) {
    let figure = NodeRef::new();
    let shown = use_element_width(figure, Geometry::FIRST_GUESS);
    (figure, Signal::derive(move || Geometry::of(shown.get())))
}

/// A "nice" step for axis ticks: 1, 2 or 5 times a power of ten.
fn tick_step(span: f64, ticks: f64) -> f64 {
    let raw = (span / ticks).max(1e-9);
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power)
}

fn axis(span: f64, x: impl Fn(f64) -> f64 + Copy + 'static, top: f64) -> impl IntoView {
    let step = tick_step(span, 8.0);
    let count = (span / step).floor() as usize;
    (0..=count)
        .map(|i| {
            let t = i as f64 * step;
            view! {
                <line class="grid" x1=x(t) x2=x(t) y1=0 y2=top></line>
                <text class="axis-label" x=x(t) y=top + 18.0 text-anchor="middle">{format!("{t:.0}")}</text>
            }
        })
        .collect_view()
}

/// A chart with its caption, an optional note, and its numbers as a table under "As a table".
fn chart_box(
    figure: NodeRef<leptos::html::Figure>,
    caption: impl IntoView,
    svg: impl IntoView,
    note: impl IntoView,
    summary: &'static str,
    headers: &'static [&'static str],
    body: impl IntoView,
) -> impl IntoView {
    view! {
        <figure class="chart-box" node_ref=figure>
            <figcaption>{caption}</figcaption>
            {svg}
            {note}
            <details>
                <summary>{summary}</summary>
                <table class="data">
                    <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// Lanes of bars and ticks over time: heartbeat timelines and per-thread Gantt charts alike.
#[component]
pub fn TimelineChart(
    #[prop(into)] lanes: Signal<Vec<Lane>>,
    #[prop(into)] span_ms: Signal<f64>,
    caption: &'static str,
) -> impl IntoView {
    let (figure, geometry) = measured_figure();
    let svg = move || {
        let lanes = lanes.get();
        let span = span_ms.get().max(1.0);
        let Geometry { width, label_w } = geometry.get();
        let plot = width - label_w - 10.0;
        let x = move |t: f64| label_w + t.clamp(0.0, span) / span * plot;
        let height = lanes.len() as f64 * LANE + AXIS;
        let top = lanes.len() as f64 * LANE;
        let rows = lanes
            .iter()
            .enumerate()
            .map(|(i, lane)| {
                let y = i as f64 * LANE;
                let bars = lane.bars.iter().map(|(a, b, label)| view! {
                    <rect class="bar" x=x(*a) y=y + 6.0 width=(x(*b) - x(*a)).max(1.5) height=LANE - 12.0><title>{format!("{label}: {a:.0}–{b:.0} ms")}</title></rect>
                }).collect_view();
                let ticks = lane.ticks.iter().map(|(due, fired, label)| {
                    let late = fired - due;
                    let class = if late > LATE_TIMER_MS { "tick late" } else { "tick" };
                    view! {
                        <line class="due-to-fired" x1=x(*due) x2=x(*fired) y1=y + LANE / 2.0 y2=y + LANE / 2.0></line>
                        <line class="due" x1=x(*due) x2=x(*due) y1=y + 8.0 y2=y + LANE - 8.0></line>
                        <circle class=class cx=x(*fired) cy=y + LANE / 2.0 r=5><title>{format!("{label}: due {due:.0} ms, fired {fired:.0} ms ({late:+.0} ms)")}</title></circle>
                    }
                }).collect_view();
                view! {
                    <text class="lane-label" x=label_w - 8.0 y=y + LANE / 2.0 + 5.0 text-anchor="end">{lane.name.clone()}</text>
                    <line class="lane-line" x1=label_w x2=width - 10.0 y1=y + LANE y2=y + LANE></line>
                    {bars}
                    {ticks}
                }
            })
            .collect_view();
        view! {
            <svg class="chart timeline" viewBox=format!("0 0 {width} {height}") role="img" aria-label=caption>
                {axis(span, x, top)}
                {rows}
                <text class="axis-label" x=label_w - 8.0 y=height - 8.0 text-anchor="end">
                    {if label_w >= 200.0 { "ms since the run began" } else { "ms" }}
                </text>
            </svg>
        }
    };
    let table = move || {
        lanes.get().into_iter().flat_map(|lane| {
            let name = lane.name.clone();
            let bars = lane.bars.into_iter().map({
                let name = name.clone();
                move |(a, b, label)| view! { <tr><td>{name.clone()}</td><td>{label}</td><td>{format!("{a:.1}")}</td><td>{format!("{b:.1}")}</td><td>"–"</td></tr> }
            });
            let ticks = lane.ticks.into_iter().map(move |(due, fired, label)| view! {
                <tr><td>{name.clone()}</td><td>{label}</td><td>{format!("{fired:.1}")}</td><td>{format!("due {due:.1}")}</td><td>{format!("{:+.1}", fired - due)}</td></tr>
            });
            bars.map(IntoAny::into_any).chain(ticks.map(IntoAny::into_any)).collect::<Vec<_>>()
        }).collect_view()
    };
    chart_box(
        figure,
        caption,
        svg,
        (),
        "As a table",
        &["Row", "What", "Start / fired (ms)", "End / due (ms)", "Late (ms)"],
        table,
    )
}

/// Gaps between the page's animation frames over a run: a freeze is a cliff.
#[component]
pub fn FrameGapChart(
    #[prop(into)] gaps: Signal<Vec<(f64, f64)>>,
    #[prop(into)] span_ms: Signal<f64>,
    /// The top of the gap axis (ms), so charts side by side share it; else the longest gap.
    #[prop(optional)]
    top_ms: Option<f64>,
) -> impl IntoView {
    const H: f64 = 120.0;
    let (figure, geometry) = measured_figure();
    let svg = move || {
        let gaps = gaps.get();
        let span = span_ms.get().max(1.0);
        let Geometry { width, label_w } = geometry.get();
        let top = top_ms.unwrap_or_else(|| gaps.iter().map(|g| g.1).fold(100.0, f64::max));
        let plot = width - label_w - 10.0;
        let x = move |t: f64| label_w + t.clamp(0.0, span) / span * plot;
        let y = move |gap: f64| H - gap / top * H;
        let bars = gaps.iter().map(|&(t, gap)| {
            let class = if gap >= FROZEN_FRAME_GAP_MS {
                "gap frozen"
            } else if gap >= SLOW_FRAME_GAP_MS {
                "gap slow"
            } else {
                "gap smooth"
            };
            // The bar covers the time the page went without a frame.
            view! { <rect class=class x=x(t - gap) y=y(gap) width=(x(t) - x(t - gap)).max(1.5) height=H - y(gap)><title>{format!("{gap:.0} ms without a frame, ending at {t:.0} ms")}</title></rect> }
        }).collect_view();
        view! {
            <svg class="chart frames" viewBox=format!("0 0 {width} {}", H + AXIS) role="img"
                aria-label="Gaps between the page's animation frames during the run">
                {axis(span, x, H)}
                <line class="budget" x1=label_w x2=width - 10.0 y1=y(16.7) y2=y(16.7)></line>
                <text class="lane-label" x=label_w - 8.0 y=y(16.7) + 4.0 text-anchor="end">"16.7 ms (60 fps)"</text>
                <text class="lane-label" x=label_w - 8.0 y=14 text-anchor="end">{format!("{top:.0} ms")}</text>
                {bars}
            </svg>
        }
    };
    let longest = move || gaps.with(|g| g.iter().map(|g| g.1).fold(0.0, f64::max));
    let note = view! {
        <p class="chart-note">{move || format!("{} frames, longest gap {:.0} ms.", gaps.with(Vec::len), longest())}</p>
    };
    let body = move || {
        gaps.get()
            .into_iter()
            .filter(|g| g.1 >= SLOW_FRAME_GAP_MS)
            .map(|(t, g)| view! { <tr><td>{format!("{t:.1}")}</td><td>{format!("{g:.1}")}</td></tr> })
            .collect_view()
    };
    chart_box(
        figure,
        "Main-thread frames: the gap before each frame (tall red bars are freezes)",
        svg,
        note,
        "As a table (gaps of 25 ms or more)",
        &["Frame at (ms)", "Gap before it (ms)"],
        body,
    )
}

/// Median per mode with a min–max whisker.
#[component]
pub fn ModeBars(
    #[prop(into)] rows: Signal<Vec<(String, Summary)>>,
    #[prop(into)] caption: String,
    /// Names above their bars at any width (long names: modes and devices).
    #[prop(optional)]
    names_above: bool,
) -> impl IntoView {
    let (figure, geometry) = measured_figure();
    let label = caption.clone();
    let svg = move || {
        let rows = rows.get();
        let Geometry { width, label_w } = geometry.get();
        // Narrow (a phone): each mode's name on its own line above its bar, full width.
        // Names too long for the label column (about 7.5 px a character) go above too.
        let too_long = rows.iter().any(|(label, _)| label.chars().count() as f64 * 7.5 > label_w - 12.0);
        let stacked = names_above || too_long || label_w < 200.0;
        let (left, row, bar_top) = if stacked { (10.0, 62.0, 26.0) } else { (label_w, 44.0, 10.0) };
        let top = rows.iter().map(|r| r.1.max).fold(1.0, f64::max) * 1.05;
        let plot = width - left - 110.0;
        let x = move |v: f64| left + v / top * plot;
        let height = rows.len() as f64 * row + AXIS;
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, (label, s))| {
                let y = i as f64 * row + bar_top - 10.0;
                let name = if stacked {
                    view! { <text class="lane-label" x=left y=y + 4.0 text-anchor="start">{label.clone()}</text> }
                } else {
                    view! { <text class="lane-label" x=label_w - 8.0 y=y + 27.0 text-anchor="end">{label.clone()}</text> }
                };
                view! {
                    {name}
                    <rect class="bar" x=left y=y + 10.0 width=(x(s.median) - left).max(1.0) height=24></rect>
                    <line class="whisker" x1=x(s.min) x2=x(s.max) y1=y + 22.0 y2=y + 22.0></line>
                    <line class="whisker" x1=x(s.min) x2=x(s.min) y1=y + 14.0 y2=y + 30.0></line>
                    <line class="whisker" x1=x(s.max) x2=x(s.max) y1=y + 14.0 y2=y + 30.0></line>
                    <text class="value-label" x=x(s.max) + 8.0 y=y + 27.0>{format!("{:.1} ms", s.median)}</text>
                }
            })
            .collect_view();
        view! {
            <svg class="chart bars" viewBox=format!("0 0 {width} {height}") role="img" aria-label=label.clone()>
                {axis(top, x, rows.len() as f64 * row)}
                {bars}
            </svg>
        }
    };
    let body = move || {
        rows.get().into_iter().map(|(label, s)| view! {
            <tr><td>{label}</td><td>{s.count}</td><td>{format!("{:.1}", s.median)}</td><td>{format!("{:.1}", s.min)}</td><td>{format!("{:.1}", s.max)}</td></tr>
        }).collect_view()
    };
    chart_box(figure, caption, svg, (), "As a table", &["Mode", "Runs", "Median (ms)", "Min", "Max"], body)
}

/// One line of a speedup chart: a device's points, or the only ones (no name).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<CurvePoint>,
}

/// Speedup against thread count: measured points with their spread, the ideal
/// diagonal, and (for one series) Amdahl's law for the fitted parallel fraction.
/// Several series (devices) each get a colour, a line and a legend entry.
#[component]
pub fn SpeedupChart(
    #[prop(into)] series: Signal<Vec<Series>>,
    #[prop(into)] fit: Signal<Option<f64>>,
    max_threads: Signal<usize>,
) -> impl IntoView {
    const H: f64 = 320.0;
    const LEFT: f64 = 60.0;
    let (figure, geometry) = measured_figure();
    let svg = move || {
        let series = series.get();
        let max_threads = max_threads.get();
        let width = geometry.get().width;
        let all = || series.iter().flat_map(|s| s.points.iter());
        let top = all().map(|p| p.highest).fold(max_threads as f64, f64::max).ceil() + 0.5;
        let right = (max_threads as f64).max(2.0);
        // Threads 1 … right, with half a step of margin either side.
        let x = move |t: f64| LEFT + (t - 0.5) / right * (width - LEFT - 20.0);
        let y = move |s: f64| 10.0 + (1.0 - s / top) * (H - 10.0);
        let grid = (0..=top.floor() as usize)
            .map(|s| {
                view! {
                    <line class="grid" x1=LEFT x2=width - 20.0 y1=y(s as f64) y2=y(s as f64)></line>
                    <text class="axis-label" x=LEFT - 8.0 y=y(s as f64) + 4.0 text-anchor="end">{format!("{s}×")}</text>
                }
            })
            .collect_view();
        let xs = (1..=right as usize)
            .map(|t| {
                view! {
                    <text class="axis-label" x=x(t as f64) y=H + 20.0 text-anchor="middle">{t}</text>
                }
            })
            .collect_view();
        let amdahl = fit.get().filter(|_| series.len() == 1).map(|p| {
            let threads = (0..=40).map(|i| 1.0 + (right - 1.0) * i as f64 / 40.0);
            let d = path_through(threads.map(|t| (x(t), y(playground_kernels::stats::amdahl_speedup(p, t)))));
            view! { <path class="amdahl" d=d></path> }
        });
        // Named series (devices) get colours, lines and a legend, even one alone.
        let lines = series
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let marks = curve_marks(&line.points);
                series_marks(i, &line.name, &marks, LEFT, |s| format!("{s:.2}×"), x, y)
            })
            .collect_view();
        view! {
            <svg class="chart speedup-chart" viewBox=format!("0 0 {width} {}", H + AXIS + 10.0) role="img"
                aria-label="Speedup against the number of threads">
                {grid}
                {xs}
                <line class="ideal" x1=x(1.0) y1=y(1.0) x2=x(right) y2=y(right)></line>
                {amdahl}
                {lines}
                <text class="axis-label" x=width - 20.0 y=H + 34.0 text-anchor="end">"threads in the pool"</text>
            </svg>
        }
    };
    let body = move || {
        let rows = series
            .get()
            .into_iter()
            .flat_map(|Series { name, points }| points.into_iter().map(move |p| (name.clone(), p)));
        rows.map(|(name, p)| {
            let cells = view! {
                <td>{p.threads}</td><td>{format!("{:.2}×", p.speedup)}</td><td>{format!("{:.2}×", p.lowest)}</td><td>{format!("{:.2}×", p.highest)}</td><td>{format!("{:.0}%", p.efficiency() * 100.0)}</td><td>{name.clone()}</td>
            };
            view! {
                <tr data-testid="scaling-point" data-threads=p.threads data-speedup=format!("{:.3}", p.speedup) data-series=name>{cells}</tr>
            }
        }).collect_view()
    };
    chart_box(
        figure,
        "Speedup over one worker, by pool size (dashed: ideal)",
        svg,
        (),
        "As a table",
        &["Threads", "Speedup (median)", "Lowest", "Highest", "Efficiency", "Device"],
        body,
    )
}

/// An SVG path through `points` ("M x,y L x,y …").
fn path_through(points: impl Iterator<Item = (f64, f64)>) -> String {
    points.enumerate().map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" })).collect()
}

/// A point of a line chart: where it is (`at`, on the x scale), its median and range,
/// and its tooltip.
struct Mark {
    at: f64,
    median: f64,
    low: f64,
    high: f64,
    title: String,
}

/// A speedup curve's points as marks: threads across, speedup up.
fn curve_marks(points: &[CurvePoint]) -> Vec<Mark> {
    points
        .iter()
        .map(|&CurvePoint { threads: t, speedup: s, lowest: lo, highest: hi }| Mark {
            at: t as f64,
            median: s,
            low: lo,
            high: hi,
            title: format!("{t} threads: {s:.2}× ({lo:.2}–{hi:.2})"),
        })
        .collect()
}

/// One line of a chart: its points with their spread and, when named (one among others),
/// its colour, a line through the points and its legend entry at `legend_x`; unnamed,
/// each point's median is written above it with `label`.
fn series_marks<X, Y>(
    index: usize,
    name: &str,
    points: &[Mark],
    legend_x: f64,
    label: fn(f64) -> String,
    x: X,
    y: Y,
) -> impl IntoView + use<X, Y>
where
    X: Fn(f64) -> f64 + Copy,
    Y: Fn(f64) -> f64 + Copy,
{
    let named = !name.is_empty();
    let marks = points
        .iter()
        .map(|m| {
            view! {
                <line class="whisker" x1=x(m.at) x2=x(m.at) y1=y(m.low) y2=y(m.high)></line>
                <circle class="point" cx=x(m.at) cy=y(m.median) r=if named { 5 } else { 7 }><title>{m.title.clone()}</title></circle>
                {(!named).then(|| view! { <text class="value-label" x=x(m.at) y=y(m.high) - 12.0 text-anchor="middle">{label(m.median)}</text> })}
            }
        })
        .collect_view();
    let named_parts = named.then(|| {
        let d = path_through(points.iter().map(|m| (x(m.at), y(m.median))));
        view! {
            <path class="series-line" d=d></path>
            <text class="legend" x=legend_x + 12.0 y=24.0 + index as f64 * 22.0>{format!("● {name}")}</text>
        }
    });
    view! { <g class=format!("series-{}", index % SERIES_COLOURS)>{named_parts}{marks}</g> }
}

/// One line of a log-log chart: a name and its points (size, median with spread).
pub type SizeLine = (String, Vec<(u64, Summary)>);

/// Time against size on log axes, one coloured line a mode, each point's spread as a
/// whisker: costs that grow by orders of magnitude stay readable at both ends.
#[component]
pub fn LogLogChart(
    #[prop(into)] lines: Signal<Vec<SizeLine>>,
    sizes: &'static [u64],
    size_text: fn(u64) -> String,
    #[prop(into)] caption: String,
    size_name: &'static str,
    measured: &'static str,
) -> impl IntoView {
    const H: f64 = 300.0;
    const LEFT: f64 = 70.0;
    let (figure, geometry) = measured_figure();
    let label = caption.clone();
    let log = |v: f64| v.max(1e-6).log10();
    let svg = move || {
        let lines = lines.get();
        let width = geometry.get().width;
        let values = || lines.iter().flat_map(|l| l.1.iter().flat_map(|(_, s)| [s.min, s.max]));
        let low = values().fold(f64::INFINITY, f64::min);
        let high = values().fold(0.0, f64::max);
        let (bottom, top) = if low.is_finite() {
            (log(low).floor(), log(high).ceil().max(log(low).floor() + 1.0))
        } else {
            (-1.0, 1.0)
        };
        let (first, last) = (log(sizes[0] as f64), log(*sizes.last().unwrap_or(&1) as f64));
        let x = move |size: f64| LEFT + 20.0 + (log(size) - first) / (last - first).max(1e-9) * (width - LEFT - 60.0);
        let y = move |ms: f64| 10.0 + (top - log(ms)) / (top - bottom) * (H - 10.0);
        let decades = (bottom as i32..=top as i32)
            .map(|k| {
                let ms = 10f64.powi(k);
                view! {
                    <line class="grid" x1=LEFT x2=width - 20.0 y1=y(ms) y2=y(ms)></line>
                    <text class="axis-label" x=LEFT - 8.0 y=y(ms) + 4.0 text-anchor="end">{format!("{ms}")}</text>
                }
            })
            .collect_view();
        let xs = sizes
            .iter()
            .map(|&size| {
                view! {
                    <text class="axis-label" x=x(size as f64) y=H + 20.0 text-anchor="middle">{size_text(size)}</text>
                }
            })
            .collect_view();
        let drawn = lines
            .iter()
            .enumerate()
            .map(|(i, (name, points))| {
                let marks: Vec<Mark> = points
                    .iter()
                    .map(|(size, s)| Mark {
                        at: *size as f64,
                        median: s.median,
                        low: s.min,
                        high: s.max,
                        title: format!("{}: {:.3} ({:.3}–{:.3})", size_text(*size), s.median, s.min, s.max),
                    })
                    .collect();
                series_marks(i, name, &marks, LEFT, |v| format!("{v:.3}"), x, y)
            })
            .collect_view();
        view! {
            <svg class="chart loglog" viewBox=format!("0 0 {width} {}", H + AXIS + 16.0) role="img" aria-label=label.clone()>
                {decades}
                {xs}
                {drawn}
                <text class="axis-label" x=width - 20.0 y=H + 38.0 text-anchor="end">{format!("{size_name} (log scale)")}</text>
                <text class="axis-label" x=4 y=H + 38.0 text-anchor="start">{format!("{measured}, log scale")}</text>
            </svg>
        }
    };
    let body = move || {
        let rows =
            lines.get().into_iter().flat_map(|(name, points)| points.into_iter().map(move |p| (name.clone(), p)));
        rows.map(|(name, (size, s))| {
            let cells = view! {
                <td>{name.clone()}</td><td>{size_text(size)}</td><td>{s.count}</td><td>{format!("{:.3}", s.median)}</td><td>{format!("{:.3}", s.min)}</td><td>{format!("{:.3}", s.max)}</td>
            };
            view! { <tr data-testid="sweep-point" data-size=size data-median=format!("{:.4}", s.median) data-series=name>{cells}</tr> }
        }).collect_view()
    };
    chart_box(figure, caption, svg, (), "As a table", &["Mode", "Size", "Runs", "Median", "Min", "Max"], body)
}

/// How many series colours the style sheet defines (`.series-0` …).
const SERIES_COLOURS: usize = 6;
