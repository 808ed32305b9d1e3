//! Jobs: what the page asks a thread to compute, and what comes back.
//!
//! A job crosses to the compute worker as JSON text and runs there through the
//! exported [`run_job`]; on the main thread it runs through [`execute`] directly.
//! Either way its chunks report to the [`live::BOARD`](crate::live::BOARD).

use crate::live::{BOARD, BoardProbe, shared_now_ms};
use playground_kernels::probe::{Cancelled, ChunkSpan};
use playground_kernels::{collatz, hash, heavy, primes, squares};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A computation to run, and whether to spread it over the rayon pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub task: Task,
    pub parallel: bool,
    /// Run the parallel version on the sized pool of this many threads instead of
    /// the global pool (the speedup curve); see [`crate::sized_pools`].
    #[serde(default)]
    pub pool_threads: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kernel", rename_all = "kebab-case")]
pub enum Task {
    /// Longest Collatz chain among the starts `1..limit`.
    Collatz { limit: u64 },
    /// `heavy` for the seeds `0..seeds`, `steps` LCG steps each.
    Heavy { seeds: u64, steps: u64 },
    /// `jobs` counts of the primes below `limit`, by naive trial division.
    Primes { jobs: u64, limit: u64 },
    /// Σ x² over numbers already in shared memory (handed over, not copied).
    SumOfSquares { data: SharedNumbers },
    /// Busy-waits `ms` milliseconds: work that holds its thread.
    Spin { ms: f64 },
    /// The slow hash: holds the thread `ms` milliseconds, then folds the password.
    SlowHash { password: String, ms: f64 },
    /// Panics with `message`: the fault switch (`window.playgroundFault`, read in `bridge`).
    Panic { message: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Answer {
    Collatz { start: u64, steps: u32 },
    Values { values: Vec<u64> },
    Total { total: u64 },
    Hash { hash: u64 },
    Done,
}

/// What a job returns: its answer, how long the computation itself took on the
/// thread that ran it, and its chunks (shared-clock times, see [`crate::live`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobOutput {
    pub answer: Answer,
    pub kernel_ms: f64,
    /// Threads that worked on it: 1, or the rayon pool's size.
    pub threads: usize,
    pub spans: Vec<ChunkSpan>,
    /// When the computation started and ended, on the shared clock.
    pub started_ms: f64,
    pub ended_ms: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JobError {
    Cancelled,
    Failed(String),
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobError::Cancelled => f.write_str("cancelled"),
            JobError::Failed(why) => f.write_str(why),
        }
    }
}

impl From<Cancelled> for JobError {
    fn from(_: Cancelled) -> Self {
        JobError::Cancelled
    }
}

/// Numbers placed in the shared wasm memory by one thread and taken by another:
/// only an address and a length cross, so a million numbers cost nothing to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedNumbers {
    address: usize,
    len: usize,
}

impl SharedNumbers {
    pub fn new(numbers: Vec<u64>) -> Self {
        let boxed = numbers.into_boxed_slice();
        let len = boxed.len();
        SharedNumbers { address: Box::into_raw(boxed) as *mut u64 as usize, len }
    }

    /// Takes the numbers back. Sound because the address came from [`SharedNumbers::new`]
    /// in this module's memory and each job is taken exactly once.
    fn take(self) -> Vec<u64> {
        let slice = std::ptr::slice_from_raw_parts_mut(self.address as *mut u64, self.len);
        unsafe { Box::from_raw(slice) }.into_vec()
    }
}

fn check(name: &str, value: u64, min: u64, max: u64) -> Result<(), String> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(format!("{name} must be between {min} and {max}, got {value}"))
    }
}

fn check_ms(value: f64) -> Result<(), String> {
    if (0.0..=60_000.0).contains(&value) {
        Ok(())
    } else {
        Err(format!("a duration must be between 0 and 60000 ms, got {value}"))
    }
}

impl Job {
    /// Checks the parameters before anything runs, so bad input is a message, not a trap.
    pub fn validate(&self) -> Result<(), String> {
        match &self.task {
            Task::Collatz { limit } => check("N", *limit, collatz::MIN_LIMIT, collatz::MAX_LIMIT),
            Task::Heavy { seeds, steps } => {
                check("Seeds", *seeds, 1, heavy::MAX_SEEDS)?;
                check("Steps", *steps, 1, heavy::MAX_STEPS)
            }
            Task::Primes { jobs, limit } => {
                check("Jobs", *jobs, 1, primes::MAX_JOBS)?;
                check("Limit", *limit, 2, primes::MAX_LIMIT)
            }
            Task::SumOfSquares { data } => {
                check("Numbers", data.len as u64, 0, squares::MAX_SHARDS * squares::MAX_SHARD_SIZE)
            }
            Task::Spin { ms } => check_ms(*ms),
            Task::Panic { .. } => Ok(()),
            Task::SlowHash { password, ms } => {
                check("Password length", password.chars().count() as u64, 0, hash::MAX_PASSWORD_CHARS as u64)?;
                check_ms(*ms)
            }
        }
    }
}

/// Holds the current thread for `ms` milliseconds by looping on the clock: the
/// browser's main thread may not sleep, so "blocking" there means busy.
pub fn spin_for(ms: f64) {
    let until = crate::clock::now_ms() + ms;
    while crate::clock::now_ms() < until {}
}

/// Runs a valid job on the current thread and times it.
pub fn execute(job: Job) -> Result<JobOutput, JobError> {
    let par = job.parallel;
    let sized = match (par, job.pool_threads) {
        (true, Some(n)) => {
            Some(crate::sized_pools::pool(n).ok_or(JobError::Failed(format!("no pool of {n} threads")))?)
        }
        _ => None,
    };
    let started_ms = shared_now_ms();
    let answer = match sized {
        Some(pool) => pool.install(|| compute(job.task, par))?,
        None => compute(job.task, par)?,
    };
    let ended_ms = shared_now_ms();
    let threads = match sized {
        Some(pool) => pool.current_num_threads(),
        None if par => rayon::current_num_threads(),
        None => 1,
    };
    let spans = BOARD.all_spans();
    Ok(JobOutput { answer, kernel_ms: ended_ms - started_ms, threads, spans, started_ms, ended_ms })
}

fn compute(task: Task, par: bool) -> Result<Answer, JobError> {
    let probe = &BoardProbe;
    Ok(match task {
        Task::Collatz { limit } => {
            let chain = if par {
                collatz::longest_chain_parallel(limit, probe)?
            } else {
                collatz::longest_chain_sequential(limit, probe)?
            };
            Answer::Collatz { start: chain.start, steps: chain.steps }
        }
        Task::Heavy { seeds, steps } => Answer::Values {
            values: if par {
                heavy::heavy_all_parallel(seeds, steps, probe)?
            } else {
                heavy::heavy_all_sequential(seeds, steps, probe)?
            },
        },
        Task::Primes { jobs, limit } => Answer::Total {
            total: if par {
                primes::count_primes_jobs_parallel(jobs, limit, probe)?
            } else {
                primes::count_primes_jobs_sequential(jobs, limit, probe)?
            },
        },
        Task::SumOfSquares { data } => {
            let numbers = data.take();
            Answer::Total {
                total: if par {
                    squares::sum_of_squares_parallel(&numbers, probe)?
                } else {
                    squares::sum_of_squares_sequential(&numbers, probe)?
                },
            }
        }
        Task::Spin { ms } => {
            spin_for(ms);
            Answer::Done
        }
        Task::SlowHash { password, ms } => {
            spin_for(ms);
            Answer::Hash { hash: hash::fold_hash(&password) }
        }
        Task::Panic { message } => panic!("{message}"),
    })
}

#[wasm_bindgen(module = "/src/bridge/compute_worker.js")]
extern "C" {
    #[wasm_bindgen(js_name = notePanic)]
    fn note_panic(message: &str);
}

/// Sets the panic hook for every thread (the hook lives in the shared memory): the
/// message goes to the console and to the compute worker's script, which reports it
/// with the failed job (a panic then traps: the release build aborts on panic).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message alone: the build leaves panic locations out (`location-detail=none`
        // in .cargo/config.toml, for size), so "at <redacted>:0:0" would say nothing.
        note_panic(info.payload_as_str().unwrap_or("a panic without a message"));
        console_error_panic_hook::hook(info);
    }));
}

/// The compute worker's entry point: a job as JSON in, `Result<JobOutput, JobError>` as JSON out.
#[wasm_bindgen]
pub fn run_job(job: &str) -> String {
    let result = serde_json::from_str::<Job>(job)
        .map_err(|e| JobError::Failed(format!("unreadable job: {e}")))
        .and_then(|job| {
            job.validate().map_err(JobError::Failed)?;
            execute(job)
        });
    serde_json::to_string(&result).expect("job results serialise")
}
