//! Download and process (the image example): overlapping downloads, each followed
//! by CPU work offloaded to the pool so it never stalls the other downloads.

use super::Experiment;
use crate::experiment_parts::on_pool::on_pool;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use playground_kernels::pipeline::{MAX_IMAGE_BYTES, MAX_IMAGES, image, process};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct DownloadAndProcess;

const OFFLOADED: Mode = Mode::other(
    "pool",
    "Process on the pool",
    "Each image's processing goes to the rayon pool with rayon::spawn, and its result comes back through a oneshot channel (the seed uses spawn_blocking).",
);
const INLINE: Mode = Mode::on_main_thread(
    "main-thread",
    "Process on the main thread",
    "Each image is processed right where it was downloaded: the page's thread is busy meanwhile.",
);
const MODES: &[Mode] = &[OFFLOADED, INLINE];
const IMAGES: Whole = Whole::new("images", "Images", 1, MAX_IMAGES, 4);
const BYTES: Whole = Whole::new("bytes", "Bytes per image", 1, MAX_IMAGE_BYTES, 1_000_000);
const DOWNLOAD: Whole = Whole::new("download", "Each download takes (ms)", 0, 5_000, 80);
const KNOBS: &[Knob] = &[IMAGES.knob(), BYTES.knob(), DOWNLOAD.knob()];
const SEED_CHECKSUMS: [u64; 4] = [0, 15279771427360356480, 12112798781011161344, 8945826134661966208];

async fn download_then_process(
    id: u64,
    size: u64,
    delay: u64,
    offload: bool,
    live: LiveRun,
) -> Result<(u64, u64), JobError> {
    let start = live.elapsed();
    TimeoutFuture::new(delay as u32).await;
    let bytes = image(id, size);
    live.event(Event::span(format!("Image {id}"), "download", start, live.elapsed()));
    let checksum = if offload {
        let done = on_pool(move || process(&bytes)).await?;
        live.event(Event::span(
            format!("Image {id}"),
            format!("process (pool thread {})", done.thread),
            live.on_axis(done.start),
            live.on_axis(done.end),
        ));
        done.value
    } else {
        let a = live.elapsed();
        let checksum = process(&bytes);
        live.event(Event::span(format!("Image {id}"), "process (main thread)", a, live.elapsed()));
        checksum
    };
    Ok((id, checksum))
}

const ABOUT: About = About {
    slug: words::PIPELINE.slug,
    title: words::PIPELINE.title,
    summary: words::PIPELINE.summary,
    sources: &["src/experiments/pipeline.rs", "src/experiment_parts/on_pool.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for DownloadAndProcess {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (count, size, delay) = (values.get(IMAGES), values.get(BYTES), values.get(DOWNLOAD));
            let offload = mode == OFFLOADED;
            let mut results = join_all((0..count).map(|id| download_then_process(id, size, delay, offload, live)))
                .await
                .into_iter()
                .collect::<Result<Vec<_>, _>>()?;
            results.sort();
            for (id, checksum) in &results {
                live.print(format!("image {id}: checksum {checksum}"));
            }
            let elapsed = live.elapsed();
            live.print(format!("elapsed = {elapsed:.0} ms"));
            let checksums: Vec<u64> = results.iter().map(|r| r.1).collect();
            Ok(Outcome {
                result: format!("{checksums:?}"),
                matches_seed: ((count, size) == (4, 1_000_000)).then_some(checksums == SEED_CHECKSUMS),
                threads: 1,
                figures: vec![("elapsed", format!("{elapsed:.0} ms"))],
                ..Outcome::default()
            })
        })
    }
}
