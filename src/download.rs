//! Downloading every run of an experiment, with its parameters and the environment
//! the numbers depend on, as JSON or CSV.

use crate::engine::{Engine, Readiness};
use crate::experiments::Experiment;
use crate::experiments::page::RunRecord;
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;

fn environment(engine: Engine) -> Value {
    let env = engine.environment.get_value();
    let pool = match engine.pool.get_untracked() {
        Readiness::Ready { threads, start_ms } => json!({ "threads": threads, "start_ms": start_ms }),
        Readiness::Starting => json!("starting"),
        Readiness::Failed(why) => json!({ "failed": why }),
    };
    json!({
        "user_agent": env.user_agent,
        "browser": env.browser,
        "timer_resolution_ms": env.timer_resolution_ms,
        "hardware_concurrency": env.hardware_concurrency,
        "cross_origin_isolated": env.cross_origin_isolated,
        "pool": pool,
    })
}

fn run_json(run: &RunRecord) -> Value {
    let params: serde_json::Map<String, Value> = run
        .values
        .0
        .iter()
        .map(|(k, v)| {
            let value = match v {
                crate::experiments::kit::Value::Whole(n) => json!(n),
                crate::experiments::kit::Value::Text(t) => json!(t),
            };
            (k.to_string(), value)
        })
        .collect();
    let figures: serde_json::Map<String, Value> =
        run.outcome.figures.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    json!({
        "number": run.number,
        "mode": run.mode.id,
        "parameters": params,
        "result": run.outcome.result,
        "matches_seed": run.outcome.matches_seed,
        "threads": run.outcome.threads,
        "compute_ms": run.outcome.compute_ms,
        "wall_ms": run.wall_ms,
        "longest_frame_gap_ms": run.frame_gap_ms,
        "figures": figures,
        "events": run.events.iter().map(|e| json!({
            "lane": e.lane, "label": e.label, "start_ms": e.start, "end_ms": e.end, "due_ms": e.due,
        })).collect::<Vec<_>>(),
        "chunks": run.spans.iter().map(|s| json!({
            "index": s.index, "thread": s.thread, "start_ms": s.start_ms, "end_ms": s.end_ms,
        })).collect::<Vec<_>>(),
    })
}

pub fn runs_json(experiment: &dyn Experiment, runs: &[RunRecord], engine: Engine) {
    let document = json!({
        "experiment": experiment.about().slug,
        "environment": environment(engine),
        "runs": runs.iter().map(run_json).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    save(&format!("{}-runs.json", experiment.about().slug), &text, "application/json");
}

/// Quotes a CSV field when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

pub fn runs_csv(experiment: &dyn Experiment, runs: &[RunRecord], engine: Engine) {
    let env = engine.environment.get_value();
    let pool = match engine.pool.get_untracked() {
        Readiness::Ready { threads, .. } => threads.to_string(),
        _ => String::new(),
    };
    let mut lines = vec![
        "experiment,number,mode,parameters,result,matches_seed,threads,compute_ms,wall_ms,longest_frame_gap_ms,hardware_concurrency,pool_threads,cross_origin_isolated,user_agent".to_string(),
    ];
    for r in runs {
        let fields = [
            experiment.about().slug.to_string(),
            r.number.to_string(),
            r.mode.id.to_string(),
            r.values.display(),
            r.outcome.result.clone(),
            r.outcome.matches_seed.map(|m| m.to_string()).unwrap_or_default(),
            r.outcome.threads.to_string(),
            r.outcome.compute_ms.map(|c| format!("{c:.3}")).unwrap_or_default(),
            format!("{:.3}", r.wall_ms),
            r.frame_gap_ms.map(|g| format!("{g:.1}")).unwrap_or_default(),
            env.hardware_concurrency.to_string(),
            pool.clone(),
            env.cross_origin_isolated.to_string(),
            env.user_agent.clone(),
        ];
        lines.push(fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
    }
    save(&format!("{}-runs.csv", experiment.about().slug), &(lines.join("\n") + "\n"), "text/csv");
}

/// Offers `text` as a file download.
fn save(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = leptos::prelude::document();
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Give the browser a moment to start the download before the URL goes.
    gloo_timers::callback::Timeout::new(5_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
