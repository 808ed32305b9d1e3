//! The kernels natively, for the benchmark's wasm-vs-native comparison
//! (`scripts/bench.sh` runs this in release mode on the same machine as the browser).
//!
//! Each kernel runs exactly as a job does in the browser, chunked through a probe:
//! sequentially, then on rayon pools of 1 to `threads` threads. One warm-up run,
//! then `repeats` timed runs. Prints JSON: {"kernel": {"sequential": [ms…], "pools": {"1": [ms…], …}}}.
//!
//! `cargo run --release --example native_bench -- REPEATS THREADS`

use playground_kernels::probe::{Cancelled, RecordingProbe};
use playground_kernels::{collatz, heavy, primes, squares};
use std::time::Instant;

/// The benchmark's inputs; bench/bench.mjs uses the same ones in the browser.
const COLLATZ_LIMIT: u64 = 1_000_000;
const HEAVY: (u64, u64) = (8, 50_000_000);
const PRIMES: (u64, u64) = (4, 50_000);
const SQUARES: (u64, u64) = (4, 1_000_000); // shards × numbers per shard

fn time_ms(run: impl Fn()) -> f64 {
    let start = Instant::now();
    run();
    start.elapsed().as_secs_f64() * 1e3
}

/// `repeats` timings of `run` after one warm-up.
fn sample(repeats: usize, run: impl Fn()) -> Vec<f64> {
    run();
    (0..repeats).map(|_| time_ms(&run)).collect()
}

/// Times `sequential` and then `parallel` on pools of 1 to `threads` threads, each run
/// through a fresh probe as a job is in the browser; `check` looks at every answer.
fn kernel<T>(
    name: &str,
    repeats: usize,
    threads: usize,
    sequential: impl Fn(&RecordingProbe) -> Result<T, Cancelled> + Sync,
    parallel: impl Fn(&RecordingProbe) -> Result<T, Cancelled> + Sync,
    check: impl Fn(T) + Sync,
) -> String {
    let run = |kernel: &(dyn Fn(&RecordingProbe) -> Result<T, Cancelled> + Sync)| {
        check(kernel(&RecordingProbe::new()).expect("not cancelled"))
    };
    let sequential = sample(repeats, || run(&sequential));
    let pools: Vec<String> = (1..=threads)
        .map(|k| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(k).build().expect("a rayon pool");
            let times = pool.install(|| sample(repeats, || run(&parallel)));
            format!("\"{k}\": {times:?}")
        })
        .collect();
    format!("\"{name}\": {{\"sequential\": {sequential:?}, \"pools\": {{{}}}}}", pools.join(", "))
}

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().expect("REPEATS THREADS"));
    let repeats = args.next().unwrap_or(5);
    let threads = args.next().unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let numbers: Vec<u64> = (0..SQUARES.0).flat_map(|id| squares::shard(id, SQUARES.1)).collect();
    let kernels = [
        kernel(
            "collatz",
            repeats,
            threads,
            |p| collatz::longest_chain_sequential(COLLATZ_LIMIT, p),
            |p| collatz::longest_chain_parallel(COLLATZ_LIMIT, p),
            |chain| assert_eq!(chain.start, 837_799),
        ),
        kernel(
            "heavy",
            repeats,
            threads,
            |p| heavy::heavy_all_sequential(HEAVY.0, HEAVY.1, p),
            |p| heavy::heavy_all_parallel(HEAVY.0, HEAVY.1, p),
            |values| drop(std::hint::black_box(values)),
        ),
        kernel(
            "primes",
            repeats,
            threads,
            |p| primes::count_primes_jobs_sequential(PRIMES.0, PRIMES.1, p),
            |p| primes::count_primes_jobs_parallel(PRIMES.0, PRIMES.1, p),
            |total| assert_eq!(total, 4 * 5_133),
        ),
        kernel(
            "squares",
            repeats,
            threads,
            |p| squares::sum_of_squares_sequential(&numbers, p),
            |p| squares::sum_of_squares_parallel(&numbers, p),
            |total| {
                std::hint::black_box(total);
            },
        ),
    ];
    println!("{{{}}}", kernels.join(", "));
}
