//! Running a job on the thread that takes it: the compute worker (through the
//! exported [`run_job`]) or, in the main-thread modes, the page itself.
//! Either way its chunks report to the [`BOARD`].

use super::board::{BOARD, BoardProbe, shared_now_ms};
use super::{glue, sized_pools};
use playground_kernels::{collatz, hash, heavy, primes, squares};
use playground_lab::jobs::{Answer, Job, JobError, JobOutput, Task};
use wasm_bindgen::prelude::*;

/// Holds the current thread for `ms` milliseconds by looping on the clock: the
/// browser's main thread may not sleep, so "blocking" there means busy.
pub fn spin_for(ms: f64) {
    let until = crate::browser::clock::now_ms() + ms;
    while crate::browser::clock::now_ms() < until {}
}

/// Runs a valid job on the current thread and times it.
pub fn execute(job: Job) -> Result<JobOutput, JobError> {
    let par = job.parallel;
    let sized = match (par, job.pool_threads) {
        (true, Some(n)) => Some(sized_pools::pool(n).ok_or(JobError::Failed(format!("no pool of {n} threads")))?),
        _ => None,
    };
    let started_ms = shared_now_ms();
    let probe = BOARD.probe();
    let answer = match sized {
        Some(pool) => pool.install(|| compute(job.task, par, &probe))?,
        None => compute(job.task, par, &probe)?,
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

/// The kernel a task names, sequential or parallel.
fn compute(task: Task, par: bool, probe: &BoardProbe) -> Result<Answer, JobError> {
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
            // Sound: the page made it with SharedNumbers::new in this memory, and each job is taken once.
            let numbers = unsafe { data.take() };
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
        Task::Sha256 { password, updates, passwords } => {
            // hashPasswords maps over its list: every password is hashed, the last kept.
            let digests: Vec<String> = (0..passwords).map(|_| hash::sha256_updated(&password, updates)).collect();
            Answer::Digest { hex: digests.last().cloned().unwrap_or_default() }
        }
        Task::Panic { message } => panic!("{message}"),
    })
}

/// Sets the panic hook for every thread (the hook lives in the shared memory): the
/// message goes to the console and to the compute worker's script, which reports it
/// with the failed job (a panic then traps: the release build aborts on panic).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message alone: the build leaves panic locations out (`location-detail=none`
        // in .cargo/config.toml, for size), so "at <redacted>:0:0" would say nothing.
        glue::note_panic(info.payload_as_str().unwrap_or("a panic without a message"));
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
