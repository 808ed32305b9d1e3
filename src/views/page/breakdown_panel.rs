//! Where a run's time went, beside its Gantt chart: before the first chunk, each
//! thread's busy and idle time, the idle tail, the answer's way back, and the page's
//! own drawing meanwhile. The figures are `playground_lab::breakdown`'s.

use leptos::prelude::*;
use playground_lab::breakdown::Breakdown;
use playground_lab::records::RunRecord;
use playground_lab::timeline::thread_name;

#[component]
pub fn BreakdownPanel(#[prop(into)] run: Signal<Option<RunRecord>>) -> impl IntoView {
    move || {
        let run = run.get()?;
        let b = Breakdown::of(&run)?;
        let scale = |ms: f64| format!("{:.2}%", ms / b.wall_ms.max(1e-9) * 100.0);
        let rows = b.threads.iter().map(|t| {
            // Each row is the run's wall time: waiting, computing window (busy then idle), after.
            let bar = view! {
                <span class="bd-bar" aria-hidden="true">
                    <span class="bd-wait" style:width=scale(b.before_first_chunk_ms)></span>
                    <span class="bd-busy" style:width=scale(t.busy_ms)></span>
                    <span class="bd-idle" style:width=scale(t.idle_ms)></span>
                    <span class="bd-wait" style:width=scale(b.after_last_chunk_ms)></span>
                </span>
            };
            view! {
                <tr data-testid="breakdown-thread" data-thread=t.thread data-busy-ms=format!("{:.3}", t.busy_ms) data-chunks=t.chunks>
                    <th scope="row">{thread_name(t.thread, run.mode.blocks_main_thread)}</th>
                    <td>{t.chunks}</td>
                    <td>{format!("{:.1} ms", t.busy_ms)}</td>
                    <td>{format!("{:.1} ms", t.idle_ms)}</td>
                    <td class="bd-cell">{bar}</td>
                </tr>
            }
        }).collect_view();
        let drawing = run.drawing_ms.map(|d| {
            format!(
                " While it ran, the page's own redraw code ran for {d:.1} ms on the main thread ({:.1} % of the run; \
                 layout and paint not counted).",
                d / run.wall_ms.max(1e-9) * 100.0
            )
        });
        Some(view! {
            <figure class="breakdown" data-testid="breakdown" data-run=run.number
                data-before-ms=format!("{:.3}", b.before_first_chunk_ms) data-tail-ms=format!("{:.3}", b.tail_ms)
                data-after-ms=format!("{:.3}", b.after_last_chunk_ms) data-computing-ms=format!("{:.3}", b.computing_ms)
                data-fixed-share=b.fixed_share().to_string()>
                <figcaption>{format!("Where run {}'s {:.1} ms went ({})", run.number, b.wall_ms, run.mode.label)}</figcaption>
                <p>
                    {format!(
                        "{:.1} ms before the first chunk (sending the job, waking the threads), {:.1} ms computing, \
                         {:.1} ms after the last (the answer's way back). Idle tail: {:.1} ms in which some thread had \
                         nothing left to do.",
                        b.before_first_chunk_ms, b.computing_ms, b.after_last_chunk_ms, b.tail_ms
                    )}
                    {drawing}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Where the time went, as a table (scrolls sideways)">
                <table class="data">
                    <thead><tr>
                        <th scope="col">"Thread"</th><th scope="col">"Chunks"</th><th scope="col">"Busy"</th>
                        <th scope="col">"Idle"</th><th scope="col">"The run"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
                <p class="bd-legend" aria-hidden="true">
                    <span class="bd-key bd-wait"></span>"waiting (before the first chunk, after the last)"
                    <span class="bd-key bd-busy"></span>"busy"
                    <span class="bd-key bd-idle"></span>"idle while others computed"
                </p>
            </figure>
        })
    }
}
