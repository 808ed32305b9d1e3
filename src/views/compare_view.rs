//! The Compare view: results from several devices, brought in as links or files, drawn
//! on the same charts. What is read and checked is `playground_lab::comparison`; this
//! file takes the input (pasted text, chosen or dropped files) and draws.
//! Imported text is only ever rendered as text.

use crate::experiments::find_about;
use crate::run::handles::Comparison;
use crate::views::charts::{ModeBars, Series, SpeedupChart};
use crate::views::copyable_link::CopyableLink;
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_lab::catalogue::About;
use playground_lab::comparison::{self, Figure, Imported, Item, MAX_FILE_BYTES};
use playground_lab::shared_result::SharedResult;

/// Reads files one after the other into the comparison (never all at once: a class's
/// worth of downloads could be large).
fn import_files(files: web_sys::FileList, comparison: Comparison) {
    comparison.problems.set(Vec::new());
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    spawn_local(async move {
        for file in files {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES as f64 {
                let mut too_big = Imported::default();
                too_big.problems.push(format!(
                    "{}: it is {:.0} MB, larger than a results file can be.",
                    playground_lab::scenario::quoted(&name),
                    file.size() / 1e6
                ));
                comparison.add(too_big);
                continue;
            }
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            comparison.add(match text {
                Some(text) => comparison::read_file(&name, &text, &find_about),
                None => Imported {
                    items: Vec::new(),
                    problems: vec![format!("{}: it could not be read.", playground_lab::scenario::quoted(&name))],
                },
            });
        }
    });
}

#[component]
pub fn CompareView(comparison: Comparison, #[prop(into)] link: Signal<String>) -> impl IntoView {
    // Redrawn whole when the items change: a comparison is a handful of charts.
    let groups = move || {
        comparison.items.with(|items| {
            comparison::by_experiment(items)
                .into_iter()
                .filter_map(|(slug, group)| {
                    let about = find_about(&slug)?;
                    let group = group.into_iter().cloned().collect::<Vec<_>>();
                    Some(view! { <ExperimentComparison about group /> })
                })
                .collect_view()
        })
    };
    view! {
        <section class="compare" data-testid="compare">
            <h1>"Compare devices"</h1>
            <p>
                "Put results from different machines and browsers side by side. On each device, run an experiment, "
                "then press " <strong>"Share results"</strong> " under its results and send the link (or download its "
                "JSON). Paste the links here or drop the files; this page's own link then holds the whole comparison. "
                "Only figures travel (medians with their spread, the speedup curve, the environment), never raw samples."
            </p>
            <ImportBox comparison />
            <Show when=move || comparison.problems.with(|p| !p.is_empty())>
                <section class="notice warn" role="status" data-testid="import-problems">
                    <h2>"Some of this could not be added"</h2>
                    <ul>{move || comparison.problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <button type="button" name="dismiss-problems" on:click=move |_| comparison.problems.set(Vec::new())>"Dismiss"</button>
                </section>
            </Show>
            <Show when=move || comparison.items.with(|i| !i.is_empty())
                fallback=|| view! { <p class="note" data-testid="compare-empty">"No results yet: add a results link or a JSON download."</p> }>
                <ItemTable comparison />
                <div class="share"><CopyableLink link label="Link to this comparison" name="compare-link" /></div>
                {groups}
            </Show>
        </section>
    }
}

/// Pasting links, choosing files, dropping files.
#[component]
fn ImportBox(comparison: Comparison) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let add_pasted = move |_| {
        comparison.problems.set(Vec::new());
        let read = comparison::read_pasted(&pasted.get_untracked(), &find_about);
        if read.problems.is_empty() {
            pasted.set(String::new());
        }
        comparison.add(read);
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            import_files(files, comparison);
        }
    };
    view! {
        <div class="compare-import" class:dragging=dragging
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label class="paste">
                <span>"Results links (one or more)"</span>
                <textarea name="import-text" rows="3" spellcheck="false" bind:value=pasted
                    placeholder="A results link ends in ?compare=1#r=…"></textarea>
            </label>
            <div class="import-actions">
                <button type="button" name="import-add" on:click=add_pasted>"Add"</button>
                <label class="file-choice">
                    "or JSON files: "
                    <input type="file" name="import-files" multiple accept=".json,application/json"
                        on:change=move |ev| {
                            let input = event_target::<web_sys::HtmlInputElement>(&ev);
                            if let Some(files) = input.files() { import_files(files, comparison); }
                            input.set_value("");
                        } />
                </label>
                <span class="chart-note">"(or drop them here)"</span>
            </div>
        </div>
    }
}

/// Each result with its environment, shown or hidden, removable.
#[component]
fn ItemTable(comparison: Comparison) -> impl IntoView {
    let row = move |index: usize, item: Item| {
        let r = &item.result;
        let about = find_about(&r.experiment);
        let d = &r.device;
        let toggle = move |_| {
            comparison.items.update(|items| {
                if let Some(i) = items.get_mut(index) {
                    i.hidden = !i.hidden
                }
            })
        };
        let remove = move |_| {
            comparison.items.update(|items| {
                if index < items.len() {
                    items.remove(index);
                }
            })
        };
        view! {
            <tr data-testid="compare-item" class:hidden-item=item.hidden>
                <td><input type="checkbox" name="show" prop:checked=!item.hidden on:change=toggle aria-label="Show on the charts" /></td>
                <td>{r.label()}</td>
                <td>{about.map_or(r.experiment.clone(), |a| a.title.to_string())}<br /><small>{r.params.clone()}</small></td>
                <td>{d.browser.clone()}</td>
                <td>{d.cores}</td>
                <td>{if d.pool == 0 { "none".to_string() } else { d.pool.to_string() }}</td>
                <td>{if d.isolated { "yes" } else { "no" }}</td>
                <td>{if d.optimised { "release" } else { "debug (slow)" }}</td>
                <td><button type="button" name="remove" on:click=remove>"Remove"</button></td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="The compared results (scrolls sideways)">
        <table class="data compare-items">
            <thead><tr>
                <th scope="col">"Shown"</th><th scope="col">"Device"</th><th scope="col">"Experiment"</th>
                <th scope="col">"Browser"</th><th scope="col">"Cores"</th><th scope="col">"Pool threads"</th>
                <th scope="col">"Isolated"</th><th scope="col">"Build"</th><th scope="col"></th>
            </tr></thead>
            <tbody>{move || comparison.items.get().into_iter().enumerate().map(|(i, item)| row(i, item)).collect_view()}</tbody>
        </table>
        </div>
    }
}

/// One experiment's results from every shown device: time per mode, the speedup
/// curves, and how late the heartbeat was.
#[component]
fn ExperimentComparison(about: &'static About, group: Vec<SharedResult>) -> impl IntoView {
    let refs: Vec<&SharedResult> = group.iter().collect();
    let times = comparison::bars(about, &refs, Figure::Time);
    let lateness = comparison::bars(about, &refs, Figure::Lateness);
    let gaps = comparison::bars(about, &refs, Figure::FrameGap);
    let series: Vec<Series> = group
        .iter()
        .filter(|r| !r.curve.is_empty())
        .map(|r| Series { name: r.label(), points: r.curve.iter().map(|c| c.point()).collect() })
        .collect();
    let max_threads = series.iter().flat_map(|s| s.points.iter().map(|p| p.threads)).max().unwrap_or(2);
    let differ = comparison::params_differ(&refs);
    let show = |rows: &Vec<(String, _)>| !rows.is_empty();
    view! {
        <section class="compare-experiment" data-testid="compare-experiment" data-experiment=about.slug>
            <h2>{about.title}</h2>
            {differ.then(|| view! {
                <p class="notice warn" data-testid="params-differ">
                    "These devices ran different parameters, so their times measure different work: "
                    {group.iter().map(|r| format!("{}: {}", r.label(), r.params)).collect::<Vec<_>>().join("; ")}
                </p>
            })}
            {show(&times).then(|| view! { <ModeBars rows=Signal::stored(times.clone()) caption="Time per mode and device: median bar, min–max whisker" names_above=true /> })}
            {(!series.is_empty()).then(|| view! {
                <SpeedupChart series=Signal::stored(series.clone()) fit=Signal::stored(None) max_threads=Signal::stored(max_threads) />
            })}
            {show(&lateness).then(|| view! { <ModeBars rows=Signal::stored(lateness.clone()) caption="How late the heartbeat was, per mode and device (worst tick of each run)" names_above=true /> })}
            {show(&gaps).then(|| view! { <ModeBars rows=Signal::stored(gaps.clone()) caption="Longest the page went without a frame, per mode and device" names_above=true /> })}
        </section>
    }
}
