//! "Share results": this page's figures as a results link for the Compare view, and
//! adding them to this browser's own comparison.

use crate::browser::address_bar;
use crate::run::engine::Engine;
use crate::run::handles::Comparison;
use crate::views::copyable_link::CopyableLink;
use leptos::prelude::*;
use playground_lab::catalogue::About;
use playground_lab::comparison::{COMPARE, Imported, Item, fragment};
use playground_lab::environment::Readiness;
use playground_lab::figures::CurvePoint;
use playground_lab::records::RunRecord;
use playground_lab::shared_result::{MAX_NAME, SharedResult};

/// The figures to share, from the runs made with the latest parameters.
pub fn shared_result(
    about: &About,
    runs: &[RunRecord],
    engine: Engine,
    curve: &[CurvePoint],
    name: &str,
) -> Option<SharedResult> {
    let pool = match engine.pool.get_untracked() {
        Readiness::Ready { threads, .. } => threads as u32,
        _ => 0,
    };
    SharedResult::of(about, runs, &engine.environment.get_value(), pool, curve, name)
}

#[component]
pub fn ShareResults(
    about: &'static About,
    runs: RwSignal<Vec<RunRecord>>,
    engine: Engine,
    #[prop(into)] curve: Signal<Vec<CurvePoint>>,
    comparison: Comparison,
    name: RwSignal<String>,
) -> impl IntoView {
    let result = Memo::new(move |_| runs.with(|runs| shared_result(about, runs, engine, &curve.get(), &name.get())));
    let link = Signal::derive(move || {
        let query = address_bar::query_string(&[(COMPARE.to_string(), "1".to_string())]);
        let item =
            result.get().map(|r| format!("#{}", fragment(&[Item { result: r, hidden: false }]))).unwrap_or_default();
        format!("{}{item}", address_bar::address_with(&query))
    });
    let add = move |_| {
        if let Some(result) = result.get_untracked() {
            comparison.problems.set(Vec::new());
            comparison.add(Imported { items: vec![Item { result, hidden: false }], problems: Vec::new() });
            comparison.open.set(true);
        }
    };
    view! {
        <Show when=move || result.with(Option::is_some)>
            <section class="share-results" data-testid="share-results" aria-label="Share results">
                <h3>"Share results"</h3>
                <p class="chart-note">
                    "The figures of the runs with the latest parameters (medians, spreads, the speedup curve if measured) "
                    "and this browser's environment, in a link to compare with other devices."
                </p>
                <div class="share">
                    <label class="device-name">
                        <span>"This device (optional)"</span>
                        <input type="text" name="device-name" maxlength=MAX_NAME placeholder="e.g. my laptop" bind:value=name />
                    </label>
                    <CopyableLink link label="Results link" name="results-link" button="Share results" />
                    <button type="button" name="add-to-comparison" on:click=add>"Add to the comparison"</button>
                </div>
            </section>
        </Show>
    }
}
