//! Jobs: what the page asks a thread to compute, and what comes back.
//!
//! A job crosses to the compute worker as JSON text and runs there through the
//! exported [`run_job`]; on the main thread it runs through [`execute`] directly.

use crate::clock;
use playground_kernels::collatz;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A computation to run, and whether to spread it over the rayon pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub task: Task,
    pub parallel: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kernel", rename_all = "kebab-case")]
pub enum Task {
    /// Longest Collatz chain among the starts `1..limit`.
    Collatz { limit: u64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kernel", rename_all = "kebab-case")]
pub enum Answer {
    Collatz { start: u64, steps: u32 },
}

/// What a job returns: its answer and how long the computation itself took,
/// measured on the thread that ran it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobOutput {
    pub answer: Answer,
    pub kernel_ms: f64,
    /// Threads that worked on it: 1, or the rayon pool's size.
    pub threads: usize,
}

impl Job {
    /// Checks the parameters before anything runs, so bad input is a message, not a trap.
    pub fn validate(&self) -> Result<(), String> {
        match self.task {
            Task::Collatz { limit } => {
                if !(collatz::MIN_LIMIT..=collatz::MAX_LIMIT).contains(&limit) {
                    return Err(format!(
                        "N must be between {} and {}, got {limit}",
                        collatz::MIN_LIMIT,
                        collatz::MAX_LIMIT
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Runs a valid job on the current thread and times it.
pub fn execute(job: &Job) -> JobOutput {
    let started = clock::now_ms();
    let answer = match job.task {
        Task::Collatz { limit } => {
            let chain = if job.parallel {
                collatz::longest_chain_parallel(limit)
            } else {
                collatz::longest_chain_sequential(limit)
            };
            Answer::Collatz { start: chain.start, steps: chain.steps }
        }
    };
    let kernel_ms = clock::now_ms() - started;
    let threads = if job.parallel { rayon::current_num_threads() } else { 1 };
    JobOutput { answer, kernel_ms, threads }
}

/// The compute worker's entry point: a job as JSON in, its output as JSON out.
#[wasm_bindgen]
pub fn run_job(job: &str) -> Result<String, JsError> {
    let job: Job = serde_json::from_str(job)?;
    job.validate().map_err(|e| JsError::new(&e))?;
    Ok(serde_json::to_string(&execute(&job))?)
}
