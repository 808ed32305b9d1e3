//! The job protocol: what the page asks a worker thread to compute, and what comes back.
//! Jobs cross to the compute worker as JSON text (exact for `u64`, which a JS number is
//! not); the app's bridge (`src/bridge/`) sends them and runs them.

use playground_kernels::probe::{Cancelled, ChunkSpan};
use playground_kernels::{collatz, hash, heavy, primes, squares};
use serde::{Deserialize, Serialize};

/// The most pool threads started, whatever the browser reports.
pub const MAX_POOL_THREADS: usize = 16;
/// The longest a job may hold its thread on purpose (spins and slow hashes).
pub const MAX_SPIN_MS: f64 = 60_000.0;

/// A computation to run, and whether to spread it over the rayon pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub task: Task,
    pub parallel: bool,
    /// Run the parallel version on the sized pool of this many threads instead of
    /// the global pool (the speedup curve).
    #[serde(default)]
    pub pool_threads: Option<usize>,
}

impl Job {
    /// The task, sequentially on the thread that takes it.
    pub fn sequential(task: Task) -> Self {
        Job { task, parallel: false, pool_threads: None }
    }
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
    /// Seed 000's hashPasswords: `passwords` SHA-256 hashes, each updated `updates` times.
    Sha256 { password: String, updates: u64, passwords: u64 },
    /// Panics with `message`: the fault switch (`window.playgroundFault`, read in the bridge).
    Panic { message: String },
}

impl Task {
    /// How many chunks the task reports as it runs, for the progress bar.
    pub fn chunk_count(&self) -> Option<usize> {
        let count = match self {
            Task::Collatz { limit } => collatz::chunk_count(*limit),
            Task::Heavy { seeds, .. } => *seeds,
            Task::Primes { jobs, limit } => primes::chunk_count(*jobs, *limit),
            Task::SumOfSquares { data } => squares::chunk_count(data.len as u64),
            Task::Spin { .. } | Task::SlowHash { .. } | Task::Sha256 { .. } | Task::Panic { .. } => return None,
        };
        Some(count as usize)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Answer {
    Collatz {
        start: u64,
        steps: u32,
    },
    Values {
        values: Vec<u64>,
    },
    Total {
        total: u64,
    },
    Hash {
        hash: u64,
    },
    /// A digest in hex.
    Digest {
        hex: String,
    },
    Done,
}

/// What a job returns: its answer, how long the computation itself took on the
/// thread that ran it, and its chunks (shared-clock times: ms since the Unix epoch).
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

impl JobOutput {
    /// The error for a job that answered with the wrong kind of answer (a bug, reported, not a panic).
    pub fn unexpected(&self) -> JobError {
        JobError::Failed(format!("unexpected answer {:?}", self.answer))
    }
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

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Takes the numbers back.
    ///
    /// # Safety
    /// `self` must come from [`SharedNumbers::new`] in this memory, and be taken once.
    pub unsafe fn take(self) -> Vec<u64> {
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
    if (0.0..=MAX_SPIN_MS).contains(&value) {
        Ok(())
    } else {
        Err(format!("a duration must be between 0 and {MAX_SPIN_MS} ms, got {value}"))
    }
}

impl Job {
    /// Checks the parameters before anything runs, so bad input is a message, not a trap.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(threads) = self.pool_threads {
            check("Pool threads", threads as u64, 1, MAX_POOL_THREADS as u64)?;
        }
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
            Task::Sha256 { password, updates, passwords } => {
                check("Password length", password.chars().count() as u64, 0, hash::MAX_PASSWORD_CHARS as u64)?;
                check("Updates", *updates, 0, hash::MAX_UPDATES)?;
                check("Passwords", *passwords, 1, hash::MAX_PASSWORDS)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(task: Task) -> Result<(), String> {
        Job::sequential(task).validate()
    }

    #[test]
    fn jobs_in_range_are_valid() {
        assert_eq!(valid(Task::Collatz { limit: 1_000_000 }), Ok(()));
        assert_eq!(valid(Task::Heavy { seeds: 8, steps: 50_000_000 }), Ok(()));
        assert_eq!(valid(Task::Primes { jobs: 4, limit: 50_000 }), Ok(()));
        assert_eq!(valid(Task::Spin { ms: 300.0 }), Ok(()));
        assert_eq!(valid(Task::SlowHash { password: "hunter2".into(), ms: 150.0 }), Ok(()));
    }

    #[test]
    fn jobs_out_of_range_say_which_value_and_why() {
        assert_eq!(valid(Task::Collatz { limit: 0 }), Err("N must be between 2 and 100000000, got 0".into()));
        assert!(valid(Task::Heavy { seeds: 65, steps: 1 }).unwrap_err().starts_with("Seeds must be between 1 and 64"));
        assert!(valid(Task::Primes { jobs: 4, limit: 1 }).unwrap_err().starts_with("Limit must be between 2"));
        assert!(valid(Task::Spin { ms: -1.0 }).unwrap_err().contains("duration"));
        assert!(valid(Task::Spin { ms: f64::NAN }).is_err(), "NaN is no duration");
        let long = "x".repeat(hash::MAX_PASSWORD_CHARS + 1);
        assert!(valid(Task::SlowHash { password: long, ms: 1.0 }).unwrap_err().starts_with("Password length"));
        let pool = Job { task: Task::Collatz { limit: 10 }, parallel: true, pool_threads: Some(MAX_POOL_THREADS + 1) };
        assert!(pool.validate().unwrap_err().starts_with("Pool threads must be between 1 and 16"));
    }

    #[test]
    fn jobs_and_results_cross_as_json() {
        let job = Job { task: Task::Collatz { limit: 20 }, parallel: false, pool_threads: None };
        let text = serde_json::to_string(&job).unwrap();
        assert_eq!(text, r#"{"task":{"kernel":"collatz","limit":20},"parallel":false,"pool_threads":null}"#);
        let read: Job = serde_json::from_str(r#"{"task":{"kernel":"collatz","limit":20},"parallel":false}"#).unwrap();
        assert_eq!(read, job, "pool_threads may be left out");
        let big = Answer::Total { total: 333_332_833_333_500_000 };
        let back: Answer = serde_json::from_str(&serde_json::to_string(&big).unwrap()).unwrap();
        assert_eq!(back, big, "u64 values stay exact");
        let error: Result<JobOutput, JobError> = Err(JobError::Failed("boom".into()));
        assert_eq!(serde_json::to_string(&error).unwrap(), r#"{"Err":{"Failed":"boom"}}"#);
        assert!(serde_json::from_str::<Job>(r#"{"task":{"kernel":"teleport"},"parallel":false}"#).is_err());
    }

    #[test]
    fn shared_numbers_come_back_whole() {
        let shared = SharedNumbers::new((0..1000).collect());
        assert_eq!(shared.len(), 1000);
        let numbers = unsafe { shared.take() };
        assert_eq!(numbers.iter().sum::<u64>(), 499_500);
    }

    #[test]
    fn chunk_counts_for_the_progress_bar() {
        assert_eq!(Task::Heavy { seeds: 8, steps: 1 }.chunk_count(), Some(8));
        assert_eq!(Task::Collatz { limit: 1_000_000 }.chunk_count(), Some(collatz::chunk_count(1_000_000) as usize));
        assert_eq!(Task::Spin { ms: 1.0 }.chunk_count(), None);
        assert_eq!(JobError::Cancelled.to_string(), "cancelled");
    }
}
