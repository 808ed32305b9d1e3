//! Handing data to a worker (seed 000: JavaScript's worker_threads pass messages,
//! serialized; Rust's threads share memory): N bytes of numbers go to
//! a worker, which sums them and answers, copied, moved, or not moved at all.
//! The posting is `handoff.js`; what a reply means is `playground_lab::handoff`.

use super::{Experiment, Measured, Sweep};
use crate::browser::js_error::error_text;
use crate::run::live_run::{LiveRun, RunFuture};
use js_sys::{Array, Promise};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::handoff::{Handoff, MAX_KIB, SWEEP_KIB, Way, expected_total, size_text, throughput_mb_s};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/experiments/handoff.js")]
extern "C" {
    #[wasm_bindgen(js_name = handoffClone)]
    fn handoff_clone(count: u32) -> Promise;
    #[wasm_bindgen(js_name = handoffTransfer)]
    fn handoff_transfer(count: u32) -> Promise;
    #[wasm_bindgen(js_name = handoffShared)]
    fn handoff_shared(memory: JsValue, offset: u32, count: u32) -> Promise;
}

pub struct Handoffs;

const CLONE: Mode = Mode::other(
    "structured-clone",
    "Structured clone (a copy)",
    "postMessage(buffer): the browser copies every byte into the worker, as JavaScript does by default.",
);
const TRANSFER: Mode = Mode::other(
    "transfer",
    "Transfer (a move)",
    "postMessage(buffer, [buffer]): the memory changes owner, nothing is copied, and the page's buffer is left empty.",
);
const SHARED: Mode = Mode::other(
    "shared-memory",
    "Shared wasm memory (no move)",
    "Only an offset and a length travel: the worker reads the numbers where the page's Rust wrote them.",
);
const MODES: &[Mode] = &[CLONE, TRANSFER, SHARED];
pub const SIZE: Whole = Whole::new("size", "Data to hand over (KiB)", 1, MAX_KIB, 1024);
const KNOBS: &[Knob] = &[SIZE.knob()];

pub fn way_of(mode: Mode) -> Way {
    match mode.id {
        "transfer" => Way::Transfer,
        "shared-memory" => Way::Shared,
        _ => Way::Clone,
    }
}

/// Hands `kib` KiB of the numbers 1, 2, … to the worker `way` and waits for its sum.
pub async fn hand_over(way: Way, kib: u64) -> Result<Handoff, JobError> {
    let count = (kib * 1024 / 8) as u32;
    let failed = |e: JsValue| JobError::Failed(error_text(e));
    let reply = match way {
        Way::Clone => JsFuture::from(handoff_clone(count)).await.map_err(failed)?,
        Way::Transfer => JsFuture::from(handoff_transfer(count)).await.map_err(failed)?,
        Way::Shared => {
            // The numbers stay here, in the wasm memory every thread shares, until the answer.
            let numbers: Vec<f64> = (1..=count).map(f64::from).collect();
            let promise = handoff_shared(wasm_bindgen::memory(), numbers.as_ptr() as u32, count);
            let reply = JsFuture::from(promise).await.map_err(failed)?;
            drop(numbers);
            reply
        }
    };
    let numbers: Vec<f64> = Array::from(&reply).iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect();
    let handoff = Handoff::from_reply(&numbers).map_err(JobError::Failed)?;
    if handoff.total != expected_total(count.into()) {
        return Err(JobError::Failed(format!(
            "the worker summed {} instead of {}",
            handoff.total,
            expected_total(count.into())
        )));
    }
    Ok(handoff)
}

const ABOUT: About = About {
    slug: words::HANDOFF.slug,
    title: words::HANDOFF.title,
    summary: words::HANDOFF.summary,
    sources: &["src/experiments/handoff.rs", "src/experiments/handoff.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

static SWEEP: Sweep = Sweep {
    sizes: &SWEEP_KIB,
    size_name: "data handed over",
    size_text,
    measured: "round trip (ms)",
    measure: |mode, kib| Box::pin(async move { Ok(Measured::ms(hand_over(way_of(mode), kib).await?.round_trip_ms())) }),
    second: None,
    rate: Some(("throughput (MB/s)", |kib| (kib * 1024) as f64 / 1e6)),
};

impl Experiment for Handoffs {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn sweep(&self) -> Option<&'static Sweep> {
        Some(&SWEEP)
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (kib, way) = (values.get(SIZE), way_of(mode));
            let h = hand_over(way, kib).await?;
            live.event(Event::span("Page", "post", live.on_axis(h.sent), live.on_axis(h.arrived.max(h.sent))));
            live.event(Event::span("Worker", "sum", live.on_axis(h.arrived), live.on_axis(h.summed)));
            live.event(Event::span("Page", "answer", live.on_axis(h.summed), live.on_axis(h.answered)));
            let bytes = kib * 1024;
            let after = match h.sender_bytes_after {
                Some(b) if b == 0.0 => "detached: 0 bytes left on the page".to_string(),
                Some(b) => format!("still {b} bytes on the page"),
                None => "nothing sent but an offset and a length".to_string(),
            };
            live.print(format!(
                "{}: handed over in {:.2} ms, summed in {:.2} ms; {after}",
                size_text(kib),
                h.handoff_ms(),
                h.sum_ms()
            ));
            Ok(Outcome {
                headline: None,
                hang: None,
                result: format!("sum {}, {}", h.total, size_text(kib)),
                matches_seed: None,
                compute_ms: Some(h.round_trip_ms()),
                threads: 1,
                figures: vec![
                    ("handed over in", format!("{:.2} ms", h.handoff_ms())),
                    ("summed in", format!("{:.2} ms", h.sum_ms())),
                    // Not counted: what the structured clone algorithm copies by its rule.
                    ("bytes copied (computed)", way.copied(bytes).to_string()),
                    ("the page's buffer after", after),
                    (
                        "handoff rate",
                        throughput_mb_s(bytes, h.handoff_ms()).map_or("–".into(), |t| format!("{t:.0} MB/s")),
                    ),
                ],
            })
        })
    }
}
