//! Tests in a real headless browser (`wasm-pack test --headless --chrome`): the
//! pieces that only exist there: shared memory, the rayon pool of web workers,
//! the compute worker, and jobs crossing to it as JSON.

#![cfg(target_arch = "wasm32")]

use concurrency_playground::bridge::execute::run_job;
use concurrency_playground::bridge::{self, Placement};
use concurrency_playground::experiments;
use playground_lab::jobs::{Answer, Job, JobError, JobOutput, Task};
use playground_lab::words::CHAPTERS;
use playground_lab::{docs_table, scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn collatz(limit: u64) -> Job {
    Job::sequential(Task::Collatz { limit })
}

#[wasm_bindgen_test]
fn memory_is_a_shared_array_buffer() {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer = memory.buffer();
    assert!(buffer.is_instance_of::<js_sys::SharedArrayBuffer>(), "memory buffer is {:?}", buffer.js_typeof());
}

#[wasm_bindgen_test]
fn page_is_cross_origin_isolated() {
    let isolated = js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).unwrap();
    assert_eq!(isolated.as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn pool_and_compute_worker_run_collatz_off_the_main_thread() {
    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(2)).await.expect("pool starts");
    bridge::start_worker().await.expect("compute worker starts");

    let expected = Answer::Collatz { start: 77_031, steps: 350 };
    let sequential = bridge::run(collatz(100_000), Placement::Worker).await.unwrap();
    let parallel = bridge::run(collatz(100_000), Placement::Pool).await.unwrap();
    assert_eq!(sequential.answer, expected);
    assert_eq!(parallel.answer, expected);
    assert_eq!(sequential.threads, 1);
    assert_eq!(parallel.threads, 2, "the pool's two threads did the work");
    assert!(parallel.kernel_ms > 0.0 && sequential.kernel_ms > 0.0);

    // Bad input comes back as a message, and the worker keeps serving.
    let error = bridge::run(collatz(0), Placement::Worker).await.unwrap_err().to_string();
    assert!(error.contains("N must be between"), "{error}");

    // Chunks ran on both pool threads and were stamped on the shared clock.
    let threads: std::collections::BTreeSet<usize> = parallel.spans.iter().map(|s| s.thread).collect();
    assert_eq!(threads, [1, 2].into(), "pool threads that ran chunks");
    assert!(parallel.spans.iter().all(|s| s.start_ms >= parallel.started_ms && s.end_ms <= parallel.ended_ms));

    // Cancel: a flag in shared memory stops the next run at its first chunk.
    concurrency_playground::bridge::board::BOARD.reset();
    let long = bridge::run(collatz(50_000_000), Placement::Pool);
    // bridge::run resets the board when it starts, so cancel once the job is under way.
    let cancelled = async {
        gloo_timers::future::TimeoutFuture::new(20).await;
        bridge::cancel();
    };
    let (result, ()) = futures::join!(long, cancelled);
    assert_eq!(result.unwrap_err(), JobError::Cancelled);
    let after = bridge::run(collatz(100_000), Placement::Pool).await.unwrap();
    assert_eq!(after.answer, expected, "the pool works after a cancel");
    let again = bridge::run(collatz(10), Placement::Pool).await.unwrap();
    assert_eq!(again.answer, Answer::Collatz { start: 9, steps: 19 });
}

#[wasm_bindgen_test]
async fn shared_numbers_reach_the_pool_without_copying() {
    let numbers: Vec<u64> = (0..1_000_000).collect();
    let job = Job::sequential(Task::SumOfSquares { data: playground_lab::jobs::SharedNumbers::new(numbers) });
    // The numbers go in as an address and a length and come back out whole.
    let output = bridge::run(job, Placement::MainThread).await.unwrap();
    assert_eq!(output.answer, Answer::Total { total: 333_332_833_333_500_000 });
}

#[wasm_bindgen_test]
async fn main_thread_mode_computes_the_same_answer() {
    let output = bridge::run(collatz(1_000), Placement::MainThread).await.unwrap();
    assert_eq!(output.answer, Answer::Collatz { start: 871, steps: 178 });
    assert_eq!(output.threads, 1);
}

#[wasm_bindgen_test]
fn run_job_speaks_json_and_rejects_bad_jobs() {
    let read = |reply: String| serde_json::from_str::<Result<JobOutput, JobError>>(&reply).unwrap();
    let output = read(run_job(r#"{"task":{"kernel":"collatz","limit":20},"parallel":false}"#)).unwrap();
    assert_eq!(output.answer, Answer::Collatz { start: 18, steps: 20 });
    assert!(matches!(read(run_job("not json")), Err(JobError::Failed(m)) if m.starts_with("unreadable job")));
    let too_big = read(run_job(r#"{"task":{"kernel":"collatz","limit":100000000000},"parallel":true}"#));
    assert!(matches!(too_big, Err(JobError::Failed(m)) if m.contains("N must be between")));
    let hash =
        read(run_job(r#"{"task":{"kernel":"slow-hash","password":"hunter2","ms":1},"parallel":false}"#)).unwrap();
    assert_eq!(hash.answer, Answer::Hash { hash: 95_755_137_202 });
}

#[wasm_bindgen_test]
fn experiment_slugs_are_unique_and_findable() {
    for experiment in experiments::all() {
        assert_eq!(experiments::find(experiment.about().slug).map(|e| e.about().title), Some(experiment.about().title));
    }
    let mut slugs: Vec<_> = experiments::all().map(|e| e.about().slug).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), experiments::all().count());
    assert!(experiments::find("no-such-experiment").is_none());
    for chapter in CHAPTERS {
        assert!(!chapter.experiments.is_empty(), "chapter {} is empty", chapter.title);
    }
}

/// The catalogue's words and the experiments that run are the same list: every word's
/// slug has its experiment, every experiment its words, with the same title and summary.
#[wasm_bindgen_test]
fn every_experiment_has_its_words_and_every_word_its_experiment() {
    let with_words = playground_lab::words::all().count();
    let in_chapters = CHAPTERS.iter().map(|c| c.experiments.len()).sum::<usize>();
    assert_eq!(with_words, in_chapters, "a chapter names an experiment that has no words");
    assert_eq!(experiments::all().count(), with_words, "an experiment without words, or words without an experiment");
    for words in playground_lab::words::all() {
        let about = experiments::find_about(words.slug).unwrap_or_else(|| panic!("{} has words but no experiment", words.slug));
        assert_eq!((about.title, about.summary), (words.title, words.summary), "{}", words.slug);
    }
}

#[wasm_bindgen_test]
fn knob_keys_never_clash_with_the_link_format() {
    for e in experiments::all() {
        assert_eq!(scenario::check_keys(e.about()), Ok(()));
    }
}

/// The table of experiments in docs/experiments.md is the catalogue's, row for row:
/// every chapter, every experiment's title and slug, every mode id in order. Slugs and
/// mode ids are public link format, so a change to one shows in the docs' diff too.
/// Every experiment of the catalogue says what ran (the lab's native test holds the
/// same data to the docs table and to complete entries; this closes the loop).
#[wasm_bindgen_test]
fn every_experiment_of_the_catalogue_says_what_ran() {
    for experiment in experiments::all() {
        let slug = experiment.about().slug;
        assert!(playground_lab::what_ran::what_ran(slug).is_some(), "{slug} does not say what ran");
    }
}

#[wasm_bindgen_test]
fn the_docs_table_of_experiments_is_the_catalogue() {
    let documented = docs_table::read(include_str!("../docs/experiments.md")).expect("the table reads");
    let titles: Vec<&str> = documented.iter().map(|c| c.title.as_str()).collect();
    let chapters: Vec<&str> = CHAPTERS.iter().map(|c| c.title).collect();
    assert_eq!(titles, chapters, "the docs' chapters");
    for (doc, chapter) in documented.iter().zip(CHAPTERS) {
        assert_eq!(doc.summary, chapter.summary.split_whitespace().collect::<Vec<_>>().join(" "), "{}", chapter.title);
        let in_docs: Vec<(&str, &str, Vec<&str>)> = doc
            .experiments
            .iter()
            .map(|e| (e.slug.as_str(), e.title.as_str(), e.modes.iter().map(String::as_str).collect()))
            .collect();
        let in_code: Vec<(&str, &str, Vec<&str>)> = experiments::of_chapter(chapter)
            .map(|e| (e.about().slug, e.about().title, e.about().modes.iter().map(|m| m.id).collect()))
            .collect();
        assert_eq!(in_docs, in_code, "chapter {}", chapter.title);
    }
    let service = experiments::find_about("service").unwrap();
    assert!(service.knobs.iter().any(|k| k.key == "duration"), "the service's duration knob is public format");
}

#[wasm_bindgen_test]
fn a_link_round_trips_every_experiment_at_every_mode() {
    for e in experiments::all() {
        for mode in e.about().modes {
            let settings =
                scenario::Settings { mode: *mode, repeats: "3".into(), ..scenario::Settings::defaults(e.about()) };
            let pairs = scenario::pairs(e.about(), &settings, Some(scenario::Autorun::EveryMode));
            let reading = scenario::read(&pairs, experiments::find_about);
            assert!(reading.notices.is_empty(), "{:?}", reading.notices);
            assert_eq!(reading.experiment.map(|r| r.slug), Some(e.about().slug));
            let read_back = reading.settings.unwrap();
            assert_eq!((read_back.mode, read_back.repeats.as_str()), (*mode, "3"));
            // Numbers are written plainly in links and read back to the same values.
            for (knob, (sent, got)) in e.about().knobs.iter().zip(settings.knobs.iter().zip(&read_back.knobs)) {
                assert_eq!(knob.parse(sent), knob.parse(got));
            }
            assert_eq!(reading.autorun, Some(scenario::Autorun::EveryMode));
        }
    }
}

#[wasm_bindgen_test]
fn cpu_experiments_describe_their_job_at_their_defaults() {
    use playground_lab::knobs::Values;
    for slug in ["collatz", "heavy", "primes"] {
        let e = experiments::find(slug).unwrap();
        let task = e.cpu_task(&Values::defaults(e.about().knobs)).expect("a CPU task");
        assert_eq!(Job::sequential(task).validate(), Ok(()), "{slug}");
    }
}

/// The wasm tests run a debug build: it knows, and says its timings mislead.
#[wasm_bindgen_test]
fn a_debug_build_knows_it_is_one() {
    let environment = concurrency_playground::browser::environment::read_environment();
    assert!(!environment.optimised_build);
    assert!(environment.build_warning().is_some_and(|w| w.contains("debug build")));
}
