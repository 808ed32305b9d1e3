//! What ran, for every experiment: the seed program it ports, what runs here in its
//! place, what differs and why, where the seed is wrong or half right, which figures are
//! measured and which computed, and the seeds' own words it quotes. It is data, so a test
//! holds every experiment of the catalogue to having it (through the docs table, which
//! the app's test holds to the catalogue), and `.ci/run` holds every quote to its seed,
//! word for word.

/// One of the four articles the playground comes from (`../shared/seeds/`).
#[derive(Debug, PartialEq, Eq)]
pub struct Seed {
    /// "001": how the page and the docs name it.
    pub number: &'static str,
    /// Its title; seed 002 has none, so what it is about, which the page does not quote.
    pub title: &'static str,
    /// Its file in `../shared/seeds/`.
    pub file: &'static str,
}

pub const SEED_000: Seed = Seed {
    number: "000",
    title: "Async vs Sync: Choosing the Right Concurrency Model",
    file: "000_0c66500f9a5a63d4.txt",
};
pub const SEED_001: Seed =
    Seed { number: "001", title: "When to Use Async vs Threads in Rust", file: "001_caaad5241856dce2.txt" };
pub const SEED_002: Seed =
    Seed { number: "002", title: "untitled, on cooperative scheduling in Tokio", file: "002_b5f324c94de6738a.txt" };
pub const SEED_003: Seed = Seed {
    number: "003",
    title: "Handling Synchronous Blocking in Asynchronous Rust Web Services",
    file: "003_8bdca44a8aa5f640.txt",
};
pub const SEEDS: [&Seed; 4] = [&SEED_000, &SEED_001, &SEED_002, &SEED_003];

/// A seed's program (or claim) that an experiment ports: "main with a heartbeat and
/// blocking_work".
#[derive(Debug)]
pub struct SeedProgram {
    pub seed: &'static Seed,
    pub program: &'static str,
}

/// The seed's words, exactly as written there (whitespace aside).
#[derive(Debug)]
pub struct Quote {
    pub seed: &'static Seed,
    pub words: &'static str,
}

/// What an experiment's page says about what ran.
#[derive(Debug)]
pub struct WhatRan {
    pub slug: &'static str,
    pub programs: &'static [SeedProgram],
    /// What runs here, in the browser.
    pub runs_here: &'static str,
    /// What differs from the seed's program, and why (the browser's constraint).
    pub differs: &'static str,
    /// Where the seed is wrong or only half right, said plainly, with the evidence.
    pub seed_wrong: Option<&'static str>,
    /// The figures each run measures (clocks, counts).
    pub measured: &'static [&'static str],
    /// The figures worked out from measured ones or from the knobs, not measured.
    pub computed: &'static [&'static str],
    pub quotes: &'static [Quote],
}

/// `words` appear in `text` as written, whitespace runs (line breaks) counted as one space.
pub fn quoted_in(text: &str, words: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    squeeze(text).contains(&squeeze(words))
}

/// What ran for the experiment with this slug.
pub fn what_ran(slug: &str) -> Option<&'static WhatRan> {
    WHAT_RAN.iter().find(|w| w.slug == slug)
}

pub static WHAT_RAN: &[WhatRan] = &[
    WhatRan {
        slug: "timer-vs-busy",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "the Node example: setTimeout due at 50 ms, then a while loop on Date.now() for 300 ms on the \
                      same thread; prints busy loop done at 309 ms, timer fired at 316 ms (wanted 50)",
        }],
        runs_here: "A 50 ms timer (gloo-timers' Timeout, a setTimeout) is set on the page's main thread, then a \
                    300 ms busy loop on the clock runs either on that same main thread or as a job posted to the \
                    compute worker, a web worker. The js mode runs the seed's Node program as plain JavaScript in \
                    the page: setTimeout, then a while loop on performance.now(). All times land on one axis, the \
                    page's clock.",
        differs: "The seed runs under Node; here the event loop is the browser page's, and the clock is \
                  performance.now() instead of Date.now(). The seed has no offloaded version: the web-worker mode \
                  adds one, and the Rust modes do in Rust what the seed does in TypeScript. The timer and the loop \
                  length are knobs (the seed's 50 and 300 ms by default).",
        seed_wrong: None,
        measured: &["when the timer fired", "when the busy loop ended", "longest frame gap during the run"],
        computed: &["how late the timer fired (fired minus due)"],
        quotes: &[Quote {
            seed: &SEED_000,
            words: "The timer was due at 50 ms but did not fire until 316 ms — the CPU loop held the thread hostage.",
        }],
    },
    WhatRan {
        slug: "heartbeat",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "the runtime starvation trap: a current_thread runtime, a heartbeat task spawned (three \
                          50 ms tokio sleeps), then blocking_work (std::thread::sleep 300 ms) in main; prints work \
                          done at 305 ms, heartbeats at 356, 409 and 461 ms",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "the fix: the same with blocking_work moved to tokio::task::spawn_blocking; prints \
                          heartbeats at 54, 108 and 161 ms, work done at 302 ms",
            },
        ],
        runs_here: "The heartbeat is a task spawned on the page's main thread (spawn_local) that awaits a \
                    gloo-timers TimeoutFuture (a setTimeout) per tick and notes when it woke. The 300 ms of work is \
                    a busy loop on the clock. In the main-thread mode it runs inline before the run yields, so the \
                    heartbeat task has not even armed its first timer; in the worker mode it is a job posted to the \
                    compute worker, a web worker, and the page awaits the answer.",
        differs: "The browser's main thread may not sleep (Atomics.wait traps there), so blocking_work busy-waits \
                  instead of calling std::thread::sleep, on the worker too. There is no tokio: the page's event \
                  loop plays the current_thread runtime, spawn_local plays tokio::spawn, and one long-lived web \
                  worker plays spawn_blocking's pool. Period, ticks and work are knobs (the seed's 50 ms, 3 and \
                  300 ms by default).",
        seed_wrong: None,
        measured: &["when each tick fired", "when the work started and ended", "longest frame gap (the page's freeze)"],
        computed: &[
            "each tick's lateness against the n × period schedule (fired minus n × period, so drift is included)",
            "max lateness",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "The heartbeat was supposed to tick at 50, 100, and 150 ms. Instead it does not fire at all until 356 ms",
            },
            Quote {
                seed: &SEED_000,
                words: "spawn_blocking is the moral equivalent of Node’s worker_threads, but far lighter to use.",
            },
        ],
    },
    WhatRan {
        slug: "slow-hash",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "exercise 2: slow_hash (std::thread::sleep 150 ms, then the bytes folded × 31) offloaded \
                          with spawn_blocking beside a two-tick 50 ms heartbeat on a current_thread runtime; prints \
                          heartbeat 1 at 52 ms, heartbeat 2 at 104 ms, hash = 95755137202 at 152 ms",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "the TypeScript hashPasswords: per password, a SHA-256 updated 200,000 times with it, hex \
                          digest; said to freeze the whole event loop",
            },
        ],
        runs_here: "Every mode runs beside the same heartbeat (spawn_local and TimeoutFuture on the page's main \
                    thread). worker and main-thread run the seed's slow_hash, a 150 ms busy loop and then the × 31 \
                    fold, as a job on the compute worker (a web worker) or inline on the main thread. js and \
                    js-worker run hashPasswords as plain JavaScript (a small synchronous SHA-256 in twins.js) on the \
                    page's event loop or posted to a plain JavaScript web worker; the sha256 modes do the same \
                    SHA-256 work in Rust with the sha2 crate, on the compute worker or on the main thread.",
        differs: "The seed's slow_hash sleeps; the main thread may not, so here it busy-waits, on the worker too, \
                  which takes a core where the seed's sleep would not. Browsers have no synchronous SHA-256 \
                  (crypto.subtle.digest answers with a promise and takes its input whole), so the JavaScript twin \
                  carries its own instead of Node's createHash. The seed never runs hashPasswords beside a timer; \
                  here it is given the password 4 times by default, so the freeze outlasts a 50 ms tick.",
        seed_wrong: None,
        measured: &[
            "when each tick fired",
            "when the hash was done",
            "postMessage to the JavaScript worker, and the answer back (js-worker)",
            "longest frame gap",
        ],
        computed: &[
            "each tick's lateness (fired minus n × period) and the max",
            "the hash or digest (fixed by the password and knobs; slow_hash checked against 95755137202)",
            "whether the JavaScript and Rust SHA-256 digests are the same",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "Calling slow_hash(...) directly in main (without spawn_blocking) would have frozen the single worker and pushed the first heartbeat past 150 ms.",
            },
            Quote {
                seed: &SEED_000,
                words: "hashPasswords freezes the entire process — every pending request, timer, and await stalls until it returns.",
            },
        ],
    },
    WhatRan {
        slug: "async-overlap",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "Rust Equivalent: fetch(url) sleeps 100 ms (tokio) and returns url.len(); join_all over \
                          three URLs in #[tokio::main]; prints results = [17, 17, 17], elapsed = 101 ms",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "the TypeScript loadUsers: Promise.all over fetchUser(1), fetchUser(2), fetchUser(3)",
            },
        ],
        runs_here: "Everything runs on the page's main thread; no worker is involved. Each request is a \
                    gloo-timers TimeoutFuture (a setTimeout) of 100 ms, then the URL's length; join_all polls the \
                    three together, and the one-by-one mode awaits them in a for loop. The js mode runs \
                    Promise.all over three setTimeout promises in the page.",
        differs: "There is no tokio: the page's event loop is the runtime and setTimeout stands in for \
                  tokio::time::sleep, the network being a timer in both. The one-by-one mode is not in the seed; \
                  it is the baseline the overlap is measured against. The seed's TypeScript awaits real fetch \
                  calls; the twin uses timers and the Rust side's URLs, so both print the same lengths.",
        seed_wrong: None,
        measured: &["elapsed time", "each request's start and end"],
        computed: &[
            "overhead over one request (elapsed minus the delay)",
            "the lengths [17, 17, 17] (fixed by the URLs)",
        ],
        quotes: &[Quote { seed: &SEED_000, words: "three 100 ms “requests” finish in about 100 ms total." }],
    },
    WhatRan {
        slug: "blocking-join",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "sleep_then_print(timer) calling std::thread::sleep(1 s) with no .await, three of them in \
                          tokio::join!; prints Start timer 1., Timer 1 done., Start timer 2., … one after another",
            },
            SeedProgram { seed: &SEED_002, program: "the fix: tokio::time::sleep(1 s).await inside sleep_then_print" },
            SeedProgram {
                seed: &SEED_002,
                program: "the note: with tokio::spawn on a multi-threaded runtime, blocking tasks land on different \
                          threads of a pool capped at one per core",
            },
        ],
        runs_here: "The tasks are futures joined with join_all on the page's main thread. awaiting: each awaits a \
                    gloo-timers TimeoutFuture. blocking: each busy-waits on the main thread for its whole sleep, so \
                    the page freezes for about 3 s. pool-spawn: each task hands a real std::thread::sleep to \
                    wasm-bindgen-rayon's pool of web workers with rayon::spawn and awaits oneshots sent when it \
                    starts and ends.",
        differs: "The main thread may not sleep, so the blocking mode busy-waits where the seed calls \
                  std::thread::sleep; the pool's web workers may, and do. join_all stands in for tokio::join!, and \
                  rayon::spawn on the page's pool (one thread per logical core) for tokio::spawn on a \
                  multi-threaded runtime. The blocking mode refuses more than 5 s in all, since the page is frozen \
                  for all of it.",
        seed_wrong: None,
        measured: &[
            "elapsed time",
            "the order the lines were printed in (checked against the seed's)",
            "each task's start and end",
            "longest frame gap",
        ],
        computed: &["rounds of sleeps in pool-spawn (tasks ÷ pool threads, rounded up)"],
        quotes: &[
            Quote {
                seed: &SEED_002,
                words: "The lack of await means the runtime, in this case tokio, cannot swap the task.",
            },
            Quote {
                seed: &SEED_002,
                words: "tokio::join! macro execute tasks guaranteeing that will be using the same thread to execute them.",
            },
        ],
    },
    WhatRan {
        slug: "connect",
        programs: &[SeedProgram {
            seed: &SEED_001,
            program: "#[tokio::main] main awaiting tokio::net::TcpStream::connect(\"127.0.0.1:8080\")",
        }],
        runs_here: "A task on the page's main thread awaits a fetch of the site's icon, under 1 KB (made unique per run, \
                    the HTTP cache off), while a heartbeat task ticks every 50 ms on gloo-timers. In the second mode \
                    a busy loop runs on the same thread right after the fetch starts. The browser's Resource Timing \
                    says when the response was complete; the task notes when it resumed.",
        differs: "A web page cannot open a TCP socket, so seed 001's connect cannot run here: an HTTP request that the \
                  browser makes is the nearest honest stand-in, and it is labelled as one. Where the page's service \
                  worker is installed it may answer the request instead of the network. There is no tokio: the \
                  page's event loop is the runtime.",
        seed_wrong: None,
        measured: &[
            "when the fetch started, when its response was complete (Resource Timing) and when the awaiting task resumed",
            "the busy loop's span",
            "when each heartbeat tick fired",
            "the response's status and size",
        ],
        computed: &["a ready task's wait (resumed minus response complete)", "each tick's lateness"],
        quotes: &[Quote { seed: &SEED_001, words: "The thread never sits idle waiting for I/O." }],
    },
    WhatRan {
        slug: "collatz",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "exercise 1: collatz_steps(n), then (1..100_000).into_par_iter().map(..).max_by_key(steps); \
                      prints n = 77031 has 350 steps",
        }],
        runs_here: "The same step loop runs in wasm in three places: inline on the page's main thread (the page \
                    freezes), sequentially on the compute worker (a web worker), or on the compute worker fanned \
                    out with into_par_iter over wasm-bindgen-rayon's pool of web workers, one per logical core (or \
                    a pool of exactly the threads knob's size). The starts are cut into 64 chunks, each timed on \
                    the thread that ran it. The speedup curve runs the same job on one worker and on pools of \
                    1 … N threads.",
        differs: "The seed maps every start through into_par_iter and max_by_key; here the range is cut into 64 \
                  chunks (for the timeline, progress and Cancel), each reduced to its longest chain, ties going to \
                  the smaller start so the split cannot change the answer. The main-thread and worker modes are \
                  added to show the freeze and its cure. N is a knob: 1,000,000 by default (837,799, 524 steps), \
                  the seed's 100,000 checked against 77031 and 350, and at most 5,000,000 on the main thread.",
        seed_wrong: None,
        measured: &[
            "compute time on the thread(s) that ran it",
            "each chunk's thread, start and end",
            "longest frame gap",
            "one-worker and pool-of-N times (speedup curve)",
        ],
        computed: &["the winning start and its steps (fixed by N)", "speedup, efficiency and the Amdahl fit"],
        quotes: &[Quote {
            seed: &SEED_000,
            words: "The computation is pure CPU work with no waiting, so async/Tokio would add overhead without speeding anything up.",
        }],
    },
    WhatRan {
        slug: "heavy",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "Rust Equivalent, CPU half: heavy(seed), 50,000,000 wrapping LCG steps, over the inputs 0..8, \
                      first with iter().map, then with rayon's par_iter().map; assert_eq! and results match: true",
        }],
        runs_here: "The seed's LCG loop (same multiplier and increment, wrapping) runs in wasm, never on the page's \
                    main thread. The web-worker mode runs the seeds one after another on the compute worker, a web \
                    worker; the pool mode has that worker call par_iter, which hands the seeds to \
                    wasm-bindgen-rayon's pool of web workers (one per logical core, or a pool of the size the \
                    threads knob picks). The both mode runs the two in turn and compares the vectors, as the seed's \
                    main does.",
        differs: "The compute worker takes the place of the seed's main thread, because a busy page thread freezes \
                  the page. Each chain is run in blocks of 4,194,304 steps so Cancel can stop it between blocks, \
                  which leaves the result unchanged, and the seed count and chain length are knobs. A mismatch is \
                  printed loudly where the seed's assert_eq! would panic. The speedup depends on the cores this \
                  browser offers, not on the seed's 8-core machine.",
        seed_wrong: Some(
            "Half right on the size of the win. The seed reports roughly 10× from what it calls an 8-core machine, \
             which is more than the 8× ideal: cores alone cannot give that, so either the pool had more threads \
             than cores (rayon sizes it by logical CPUs) or the two timings differ in something else. This page \
             gives the speedup as a share of the ideal for the pool's thread count, and explains any result above \
             it: a single sample, noise within the runs' spread, or two different loops.",
        ),
        measured: &[
            "compute time per run (shared clock, read on the compute worker around the kernel call)",
            "sequential and parallel times in the both mode",
            "each seed's span on the timeline: which thread ran it, start and end",
            "one-worker and pool-of-N times for the speedup curve",
        ],
        computed: &[
            "the result vector and its first value (fixed by the knobs)",
            "results match (the two vectors compared)",
            "speedup (sequential time ÷ parallel time) and its share of the ideal",
            "speedup curve points (one-worker median ÷ pool median)",
            "Amdahl fit and the ceiling it implies",
            "threads (the pool's size as rayon reports it, not a count of threads that did work)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "For CPU-bound work, async does nothing — there is no waiting to overlap, only computation to spread across cores.",
            },
            Quote {
                seed: &SEED_000,
                words: "That is roughly a 10× speedup — and notice there is no async, no .await, and no Tokio anywhere.",
            },
        ],
    },
    WhatRan {
        slug: "primes",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "main: count_primes(50,000) by naive trial division on each of four std::thread::spawn threads, \
                      joined and summed: total primes = 20532",
        }],
        runs_here: "The seed's count_primes (every divisor from 2 up tried) runs in wasm, off the page's main thread, \
                    three ways. The web-worker mode runs the jobs one after another on the compute worker; the pool \
                    mode hands them to rayon's pool of web workers; the new-worker mode starts one web worker per \
                    job from the page, as the seed starts one OS thread per job, and each worker ends after its job.",
        differs: "A browser thread is a web worker that must load and instantiate the wasm module before it runs a \
                  line, so starting one costs far more than spawning an OS thread; the new-worker mode's elapsed \
                  time includes those starts, its first-job-start-to-last-job-end figure leaves them out. In the \
                  web-worker and pool modes each job is cut into 8 pieces so progress shows and Cancel acts within a \
                  job; the pool therefore never sees four whole jobs. Divisions are 32-bit because wasm's 64-bit \
                  remainder is several times slower; the counts are the same.",
        seed_wrong: Some(
            "Half right: the seed's comment that each thread runs on its own core holds only while there are no \
             more threads than free cores. thread::spawn asks for a thread, not a core, and the operating system \
             shares the cores out. Give the new-worker mode more jobs than this machine has cores and the \
             timeline's worker spans overlap and stretch: each job takes longer than it does alone.",
        ),
        measured: &[
            "compute time (web-worker and pool modes: shared clock, around the kernel on the compute worker)",
            "elapsed, new-worker mode (page clock, worker starts included)",
            "first job start to last job end, new-worker mode (shared clock, read in the workers)",
            "each piece's or each worker's span on the timeline",
            "one-worker and pool-of-N times for the speedup curve",
        ],
        computed: &[
            "total primes (20,532 for the seed's 4 jobs below 50,000)",
            "matches the seed's total",
            "workers started (the jobs knob)",
            "speedup and its share of the ideal",
            "speedup curve points and the Amdahl fit",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "Plain OS threads: no async, no runtime. Each thread runs on its own core.",
            },
            Quote {
                seed: &SEED_000,
                words: "For real data-parallel pipelines, prefer rayon (it handles work-stealing and pool sizing for you)",
            },
        ],
    },
    WhatRan {
        slug: "shards",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "Exercise 3: join_all of four fetch_shard (a 50 ms sleep, then 250,000 numbers each), flattened, \
                      then spawn_blocking(sum_of_squares) with rayon's par_iter: 333332833333500000",
        }],
        runs_here: "The run is an async function on the page's main thread: each fetch awaits a gloo-timers \
                    TimeoutFuture (a setTimeout), then builds its shard, and join_all awaits the four together. The \
                    flattened numbers stay in the shared wasm memory; only their address and length go to the \
                    compute worker, which sums the squares with par_iter on rayon's pool of web workers while the \
                    page awaits the answer. The baseline mode awaits the fetches one by one and sums on the compute \
                    worker alone.",
        differs: "There is no tokio runtime in the page: the browser's event loop drives the futures and a timer \
                  stands in for tokio::time::sleep (the seed fetches nothing over a network either). There is no \
                  spawn_blocking: the compute worker does its job, being the thread that waits while rayon computes, \
                  because the page's main thread may not block. Shard count, size and fetch time are knobs; when the \
                  sum outgrows a u64 it wraps as the seed's release build would, and the page shows the exact sum \
                  beside it.",
        seed_wrong: Some(
            "Half right about where the sum runs. The seed says the reduction runs on the blocking pool with rayon \
             spreading it, but par_iter called from a thread outside rayon's pool sends the work into that pool and \
             the calling thread only waits. In the pool mode the timeline puts every chunk on a pool thread and none \
             on the thread that called par_iter (the compute worker, standing where the spawn_blocking thread \
             stood).",
        ),
        measured: &[
            "fetched at (page clock, when the last fetch resolved)",
            "elapsed (page clock, the whole run)",
            "compute time of the sum (shared clock, on the compute worker)",
            "each fetch's span, and each chunk's span and thread, on the timeline",
        ],
        computed: &[
            "sum of squares (u64, wrapping)",
            "exact sum, shown when the u64 wrapped (closed form (n−1)·n·(2n−1)/6 in 128 bits)",
            "matches the seed's 333332833333500000",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "The downloads should overlap (≈50 ms, not 200 ms) and the reduction should not stall the runtime.",
            },
            Quote {
                seed: &SEED_000,
                words: "the CPU-bound reduction runs on the blocking pool with rayon spreading it across cores",
            },
        ],
    },
    WhatRan {
        slug: "pipeline",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "Real-World Example: a JoinSet of four tasks, each download(id) (an 80 ms sleep, then \
                          1,000,000 bytes of id % 256) then spawn_blocking(process), an FNV-style fold; four \
                          checksums, elapsed = 91 ms",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "parallel_sum's pattern: rayon::spawn the work, send the answer through a oneshot channel, \
                          await the receiver",
            },
        ],
        runs_here: "Four async tasks run on the page's main thread under join_all; each awaits a gloo-timers \
                    TimeoutFuture for its download, then builds its bytes. In the pool mode each task hands its bytes \
                    to rayon::spawn on wasm-bindgen-rayon's pool of web workers and awaits a futures oneshot receiver \
                    for the checksum. In the main-thread mode the fold runs right there, on the page's thread.",
        differs: "The seed offloads with spawn_blocking onto tokio's blocking pool; the browser has no such pool, so \
                  the offload uses seed 002's rayon::spawn-and-oneshot pattern instead, and the seed's JoinSet \
                  becomes join_all on the page's event loop. The main-thread mode is the seed's async everything on \
                  a single thread: the seed's #[tokio::main] has several worker threads, where a blocking process \
                  holds one worker, while here it holds the page. Image count, size and download time are knobs.",
        seed_wrong: None,
        measured: &[
            "elapsed (page clock, the whole run)",
            "each image's download span (the timer, then building its bytes)",
            "each image's process span and the pool thread that ran it (shared clock)",
            "longest frame gap (how long the main-thread mode held the page)",
        ],
        computed: &["the checksums, one per image", "matches the seed's four checksums"],
        quotes: &[
            Quote { seed: &SEED_000, words: "Four 80 ms downloads overlap (so they cost ~80 ms together, not 320 ms)" },
            Quote {
                seed: &SEED_000,
                words: "The same pipeline written as “async everything” would block a worker during each process",
            },
        ],
    },
    WhatRan {
        slug: "pool-to-async",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "parallel_sum: rayon::spawn a loop summing vec![1; 1024 * 1024], send the sum through a tokio \
                          oneshot channel, recv.await it in #[tokio::main]",
            },
            SeedProgram { seed: &SEED_002, program: "the same with nums.par_iter().sum() inside rayon::spawn" },
        ],
        runs_here: "The page's main thread builds the vector of ones and, from async code, calls rayon::spawn, which \
                    queues the sum on wasm-bindgen-rayon's pool of web workers and returns at once; the page then \
                    awaits a tokio::sync::oneshot receiver, as the seed does. The pool thread times the sum on the shared clock and sends the \
                    sum and its times back. The second mode sums with par_iter inside the spawned task, so the other \
                    pool threads can help.",
        differs: "There is no tokio: the page's event loop (wasm-bindgen-futures) is the executor, and the oneshot \
                  channel is the futures crate's, not tokio::sync's. The numbers are widened to i64 before summing \
                  (the seed sums i32s); with at most 16,777,216 ones neither could overflow. The vector moves to the pool thread \
                  without a copy, since every thread shares one wasm memory, and its length is a knob.",
        seed_wrong: None,
        measured: &["compute time: the sum's span on the pool thread (shared clock)", "that span on the timeline"],
        computed: &[
            "the sum (1048576 for the seed's 1024 × 1024 ones)",
            "matches the seed",
            "threads: 1, or the pool's size in the par_iter mode (not a count of threads that helped)",
        ],
        quotes: &[
            Quote { seed: &SEED_002, words: "This approach uses one thread in rayon thread-pool per call." },
            Quote {
                seed: &SEED_002,
                words: "one could also use rayon parallel iterators to ensure that each invocation uses multiple threads in the pool",
            },
        ],
    },
    WhatRan {
        slug: "repo-pipeline",
        programs: &[SeedProgram {
            seed: &SEED_002,
            program: "run_pipeline: a producer thread and two consumer threads over crossbeam channels; each consumer \
                      calls task::block_in_place(|| runtime.block_on(fetch_issues(&repo))), then the same for \
                      fetch_pull_requests (tokio sleeps of 1 s), then process_data with par_iter",
        }],
        runs_here: "consumer-threads: a producer web worker queues the repositories in a crossbeam channel; each \
                    consumer is a web worker that takes one, sleeps out each fetch's delay in turn (the seed's \
                    block_on, one after the other), runs process_data with par_iter on wasm-bindgen-rayon's pool, \
                    and sends the result through a second crossbeam channel; the page awaits every worker's end, \
                    then reads the results. one-event-loop: every fetch is a gloo-timers TimeoutFuture on the \
                    page's thread, all awaited together, and each repository's items go to the pool with \
                    rayon::spawn, answered through a oneshot.",
        differs: "There is no tokio here, so no runtime to build in each consumer and no block_in_place: a page has \
                  one event loop and no runtime threads to hand tasks over from, and may not block it. The \
                  consumers are web workers, which may block, and wait out the delay with a sleep, as block_on of a \
                  sleep-only future would. The fetches are simulated, as in the seed (timers, not GitHub). The page \
                  prints the seed's queueing and final-result lines, not the per-item ones.",
        seed_wrong: Some(
            "The program does not compile as printed: tokio::runtime::Runtime::new::unwrap() lacks the parentheses \
             of new(), and drop(task_sender) uses a sender already moved into the producer thread. block_in_place \
             there does nothing useful: the consumers are plain threads, not workers of a multi-threaded runtime, \
             so it only runs its closure. And run_pipeline, which joins threads, is called straight from the async \
             main, so it blocks the runtime's thread for the whole run. The consumer-threads mode runs what the \
             program means; its fetches are one after the other, so it takes about twice the delay per repository \
             a consumer handles, against about one delay awaited together.",
        ),
        measured: &[
            "each fetch's and each processing's span, on the thread that ran it",
            "the run's wall time",
            "which repositories came back, and their items",
        ],
        computed: &["the items' text (fixed by the seed's format strings)"],
        quotes: &[Quote {
            seed: &SEED_002,
            words: "task::block_in_place allows you to run blocking code within an async runtime without disrupting the runtime’s scheduler",
        }],
    },
    WhatRan {
        slug: "handoff",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "a claim, no program: Node's worker_threads pass messages by serialization, while Rust threads \
                      and rayon share memory cheaply (the Key Differences table's CPU-bound parallelism row)",
        }],
        runs_here: "From the page's main thread, handoff.js posts the numbers 1, 2, … as f64 to one plain JavaScript \
                    module worker (started once, before any timing, and kept), which sums them in a JavaScript loop \
                    and posts back when they arrived and when it finished. Structured clone posts a JavaScript \
                    ArrayBuffer as it is; transfer lists the buffer, so it moves and the page's copy is detached; \
                    shared memory writes the numbers into a Rust Vec<f64> in the shared wasm memory and posts only \
                    that memory, an offset and a count. Every time is performance.timeOrigin + performance.now() on \
                    the side that reads it.",
        differs: "The seed makes this point in prose and in a table, with no program to port, so the experiment \
                  measures the claim itself: browser web workers stand in for Node's worker_threads. The worker is \
                  the same JavaScript in every mode, so only the way the data gets there differs. In the clone and \
                  transfer modes JavaScript makes the numbers, not Rust; the shared mode needs the page to be \
                  cross-origin isolated, as every thread here does.",
        seed_wrong: Some(
            "Half right. Copying by serialization is only JavaScript's default: an ArrayBuffer can be transferred, \
             and after a transfer the page's buffer reads 0 bytes long (the experiment reads its byteLength): it \
             moved to the worker; a SharedArrayBuffer is not copied at all, and in the shared-memory mode a plain \
             JavaScript worker reads the numbers where Rust wrote them. Node's worker_threads has the same transfer \
             list and SharedArrayBuffer. What holds: the default copy costs time that grows with the size, as the \
             clone's round trip shows against the other two modes'.",
        ),
        measured: &[
            "round trip: sent to answered, on the page's clock (the Compute column)",
            "handed over in: sent (page) to arrived (worker), two threads' clocks put on one base by performance.timeOrigin",
            "summed in: arrived to summed, on the worker's clock",
            "the page's buffer after: its byteLength read once the answer is back (no buffer in the shared mode)",
            "the post, sum and answer spans on the timeline",
            "round trip per mode at 1 KiB to 64 MiB (Measure across sizes)",
        ],
        computed: &[
            "bytes copied: the size knob × 1024 for structured clone, 0 for transfer and shared memory, by rule \
             (Way::copied); no byte is counted",
            "handoff rate (bytes ÷ handed-over time)",
            "throughput across sizes (size ÷ round trip)",
            "the sum, checked against n(n+1)/2",
        ],
        quotes: &[
            Quote { seed: &SEED_000, words: "a separate, heavier mechanism with message-passing serialization" },
            Quote { seed: &SEED_000, words: "OS threads / rayon (shared memory, cheap)" },
        ],
    },
    WhatRan {
        slug: "scoped",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "Comparing Rayon, CrossBeam and Tokio: the table's row on borrowed data across threads \
                          (Crossbeam: scoped threads borrow safely; Tokio: 'static lifetimes; Rayon: owned data, \
                          Send + 'static)",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "parallel_sum: the Vec moved into a rayon::spawn closure that sums it and sends the sum \
                          back through a tokio oneshot",
            },
        ],
        runs_here: "Everything runs in wasm on wasm-bindgen-rayon's global pool of web workers, which share one \
                    wasm memory. In the rayon-scope and rayon-join modes one pool job builds the vector 1..=n on \
                    its own worker and sums it with rayon::scope (one spawned task per pool thread, each writing \
                    its own slot) or a recursive rayon::join; the pool's other workers may steal those tasks and \
                    read the same vector, with nothing copied. In the spawn-owned mode the page's main thread \
                    builds the vector, copies it into one Vec per pool thread, and rayon::spawns one job per part; \
                    the sums come back through a futures mpsc channel that the page awaits.",
        differs: "The seed gives a table, not a program, so this experiment turns the table's Rayon cell into three \
                  runs. The seed's parallel_sum moves its whole Vec into a single rayon::spawn job, which needs no \
                  copy. Here one vector is split among several jobs that must each be 'static, so the parts are \
                  copied, and the bytes copied are shown (an Arc would be the other way). The compiler error that a \
                  borrowing rayon::spawn closure gets is described in the text; it is not run. The threads are web \
                  workers because a page has no other threads.",
        seed_wrong: Some(
            "Half right. The table says rayon requires owned data (Send + 'static) for borrowed data across \
             threads. That is true of rayon::spawn, whose closure must be 'static, but not of rayon::scope or \
             rayon::join: their tasks only have to be Send and may borrow anything that outlives the call. The \
             rayon-scope and rayon-join modes sum a vector that one pool thread owns, with tasks that may run on \
             the pool's other threads, and report 0 bytes copied. Only the spawn-owned mode has to copy, 8 bytes \
             per number. Rayon's par_iter borrows too: seed 000's own rayon example calls inputs.par_iter() on a \
             vector that main owns.",
        ),
        measured: &[
            "time to sum (shared clock: on the pool thread for scope and join; in spawn-owned, on the page from \
             before the copy until the last part's sum arrived)",
            "timeline spans: copy the parts (page) and sum (pool)",
            "wall time of the run (page clock)",
        ],
        computed: &[
            "bytes copied (numbers copied × 8; 0 for scope and join)",
            "the sum, checked against n(n+1)/2",
            "threads (the pool's size as rayon reports it, not a count of the threads that did work)",
        ],
        quotes: &[Quote { seed: &SEED_002, words: "Requires owned data (Send + 'static)." }],
    },
    WhatRan {
        slug: "service",
        programs: &[
            SeedProgram {
                seed: &SEED_003,
                program: "hash_password_handler: an Argon2 hash inside tokio::task::spawn_blocking, awaited by an \
                          actix-web handler, beside a hello route that sleeps 100 ms and answers Hello world!",
            },
            SeedProgram {
                seed: &SEED_003,
                program: "hash_password_rayon_handler: spawn_blocking whose closure calls CPU_POOL.install, a \
                          rayon ThreadPool of num_cpus threads, and the warning that install called straight from \
                          an async fn still blocks the worker",
            },
            SeedProgram {
                seed: &SEED_003,
                program: "fetch_user_blocking: spawn_blocking around std::thread::sleep(1 s), Ok for user 1, \
                          User not found for any other id",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "How to handle blocking correctly: work that cannot reach an .await every 10-100 \
                          microseconds must move off the runtime's threads (the yielding mode)",
            },
        ],
        runs_here: "A web worker started for each run acts as the service's runtime thread. A hand-written request \
                    loop on that worker's event loop (wasm-bindgen-futures tasks, gloo-timers timeouts) dispatches \
                    each request when its pre-drawn arrival time comes. Hello is answered at once. A hash is a \
                    stretch loop over seed 000's password fold, with its iteration count calibrated on that worker \
                    to cost the cost knob's milliseconds. A lookup is the body of seed 003's fetch_user_blocking: \
                    the thread that runs it really sleeps (std::thread::sleep on a worker), then answers Ok for user \
                    1 and User not found for anyone else. The mode sets where that slow work runs: inline on the \
                    runtime thread; on a blocking pool, which is a rayon ThreadPool of 4 web workers started for the \
                    run and awaited through a oneshot; from that pool into a second rayon pool with one worker per \
                    core through install; inline, yielding through a MessageChannel post every k iterations; or \
                    install called by the handler on the runtime thread.",
        differs: "The seed's service is actix-web on tokio, and neither runs in a page: a page has no sockets to \
                  listen on and no tokio runtime with a blocking pool. So the page draws a seeded Poisson schedule \
                  of requests and serves it with its own loop, and both spawn_blocking and CPU_POOL are stood in for \
                  by rayon pools of web workers. The blocking pool is fixed at 4 threads, where tokio's grows to 512, \
                  because every worker is a whole JavaScript realm. A calibrated CPU loop replaces Argon2 with a \
                  random salt, so the cost is a knob, runs repeat, and the yielding mode can give the thread back \
                  between iterations: the argon2 crate builds for the browser, but computes a hash in one call that \
                  cannot pause, and Argon2::default() takes 19 MiB of memory per hash. Hello answers at once, where the seed's hello \
                  awaits a 100 ms sleep, so any hello latency here is queueing. In the inline and yielding modes the \
                  lookups sleep the runtime thread itself: the seed's fetch_user_blocking always hands its sleep to \
                  spawn_blocking, and no route of its service calls it.",
        seed_wrong: None,
        measured: &[
            "when each request was answered (shared clock, written by the thread that answered it)",
            "when each hash and lookup began (timeline spans)",
            "one hash iteration's time on the runtime thread (calibrated before the load starts)",
            "answers and not-found answers, counted as they came",
            "wall time of the run (page clock)",
        ],
        computed: &[
            "arrival times (drawn from the seed before the run, not observed)",
            "hello p50, p95, p99 per window and over the run (answer minus planned arrival; a hello never \
             answered counts as waiting until the end)",
            "hash p50 and lookup p50",
            "throughput (answers per second) and queue depth per window, deepest queue",
            "errors expected (seed 003's rule applied to the drawn user ids)",
            "the hash's iteration count (cost knob ÷ measured iteration time)",
            "latency distribution curves per kind and, across runs, hello's per mode",
            "threads (the configured pool size: 1, 4 or the core count)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_003,
                words: "The golden rule is to never let a blocking operation run on your async runtime's core worker threads.",
            },
            Quote { seed: &SEED_003, words: "it would still block the Tokio async worker thread." },
        ],
    },
    WhatRan {
        slug: "yield-often",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "How to handle blocking correctly: async code should reach an .await every 10-100 \
                          microseconds and never spend long away from one",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "the heartbeat program's numbers (a 50 ms heartbeat against 300 ms of blocking work), \
                          with the work cut into slices; and the best practice that every code path should reach \
                          an .await soon",
            },
        ],
        runs_here: "Everything runs on the page's main thread, on purpose. The work is a busy loop on \
                    performance.now(), because the main thread may not sleep, and it is cut into slices of the \
                    slice knob. A 50 ms heartbeat of gloo-timers TimeoutFutures (setTimeout) runs on the same \
                    thread. Between slices the Rust loop awaits a setTimeout(0), a MessageChannel post or \
                    scheduler.yield(). The microtask mode's loop is a JavaScript async function that awaits \
                    Promise.resolve(), because from this threaded Rust build every await resumes in a new task. The \
                    sweep repeats 300 ms of work at slices from 10 µs to 100 ms.",
        differs: "Seed 002 writes about tokio tasks sharing a runtime thread. The page's main thread is in the same \
                  position, with the browser's event loop as the runtime, so a yield here is a browser task rather \
                  than an await on a tokio future, and a timer stands in for the other tasks. The 300 ms and 50 ms \
                  are seed 000's heartbeat numbers. A browser task costs far more than a tokio task switch, so at \
                  the sweep's smallest slices the overhead measured is the browser's, and 10 µs is close to the \
                  resolution of performance.now(). A single run's slice knob counts whole milliseconds (1 to 1,000 \
                  ms), ten times the seed's upper bound; only the sweep goes down to 10 and 100 µs.",
        seed_wrong: Some(
            "Half right: reaching an await is not the same as giving the thread back. An await hands the thread \
             over only if what it awaits is not ready yet (in tokio, a future that returns Pending); awaiting \
             something already ready carries straight on. The microtask mode awaits an already resolved promise \
             between every slice (in JavaScript, as the text explains), and the heartbeat starves as badly as in \
             the never-yield mode. The seed's rule needs an await that really suspends: tokio::task::yield_now() \
             in tokio, a task-queue yield in the browser.",
        ),
        measured: &[
            "the whole work's time (page clock)",
            "each yield's length",
            "when each heartbeat tick fired",
            "each slice's start and end (timeline)",
            "the page's frame gaps",
            "gaps of a JavaScript chain of ten nested setTimeout(0) (setTimeout mode)",
            "per sweep point: time for 300 ms of work and the worst heartbeat lateness",
        ],
        computed: &[
            "overhead (time taken minus the work knob, in ms and %)",
            "each tick's lateness (fired minus due) and the worst",
            "median and longest yield",
            "number of yields (set by work ÷ slice)",
        ],
        quotes: &[
            Quote { seed: &SEED_002, words: "we might not be capable of calling .await every 10-100 microseconds" },
            Quote { seed: &SEED_002, words: "async code should never spend long time without reaching an await" },
        ],
    },
    WhatRan {
        slug: "spawn-join",
        programs: &[SeedProgram {
            seed: &SEED_001,
            program: "main: thread::spawn of a closure that sums (0..1_000_000) into an i32, then handle.join()",
        }],
        runs_here: "The closure runs on a new web worker, the browser's std::thread::spawn: the worker joins the \
                    page's shared wasm memory, runs seed 001's sum (0..n into an i32, wrapping, with the exact i64 \
                    sum and a checked i32 sum beside it) and ends. The page awaits the worker's end. The other mode \
                    runs the same sum inline on the page's main thread.",
        differs: "The page's main thread may not block, so where the seed's main blocks in join() the page awaits \
                  the worker's end and stays responsive. A thread here is a web worker: starting one loads and \
                  instantiates the module in a new JavaScript realm, so it costs milliseconds where an OS thread \
                  costs microseconds. The seed prints nothing; the page shows the sum.",
        seed_wrong: Some(
            "The seed's sum does not fit its i32: 0 + 1 + … + 999,999 is 499,999,500,000, over i32's 2,147,483,647. \
             Built in debug its program panics with attempt to add with overflow; built in release it returns \
             1,783,293,664. The page works out the exact, the checked and the wrapped sum for every n: the i32 \
             overflows from n = 65,537 on.",
        ),
        measured: &[
            "how long after spawn the thread's body started",
            "how long the sum took on its thread",
            "how long after the sum the join returned",
        ],
        computed: &["the sum (exact, checked and wrapped: fixed by n)"],
        quotes: &[
            Quote { seed: &SEED_001, words: "Spawning a thread is expensive." },
            Quote { seed: &SEED_001, words: "No parallelism happens during the join." },
        ],
    },
    WhatRan {
        slug: "task-cost",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "Right-size the parallelism to the cores: a million async tasks for I/O is fine, a million \
                          threads for CPU work is not (a claim, no program)",
            },
            SeedProgram {
                seed: &SEED_001,
                program: "The cost of a thread: thread::spawn summing 0..1_000_000, each thread a 2 MB stack and \
                          microseconds to create; async tasks are state machines, millions on one thread",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "the warning that a new thread for every task costs too much with many tasks",
            },
        ],
        runs_here: "Async tasks: wasm_bindgen_futures::spawn_local starts n tasks at once on the page's main \
                    thread; each may await a gloo-timers timeout, then counts down, and the round ends when the last \
                    one finishes. Pool jobs: rayon::spawn sends n closures to wasm-bindgen-rayon's global pool of web \
                    workers; each may sleep its worker, and the last one fires a oneshot that the page awaits. \
                    Workers: one new web worker per unit, which instantiates the wasm module on the shared memory, \
                    runs an empty (or sleeping) closure and ends. Every mode runs at 1, 10, 100, … up to the count, \
                    three rounds each, timed on the page's clock.",
        differs: "The seeds' threads are OS threads. A page's only threads are web workers, and each one is a \
                  JavaScript realm that loads and instantiates the module before it runs, so the new-worker mode \
                  measures far more than a thread start and is capped at 64 at once. The seeds' tasks run on tokio; \
                  here they run on wasm-bindgen-futures' executor on the main thread, with browser timers in place \
                  of tokio::time::sleep, and at most 100,000 of them may wait at once. The seeds state these costs \
                  without measuring them; this page measures them in the browser it runs in.",
        seed_wrong: None,
        measured: &[
            "time for each round of n units (page clock, from the first start to the last finish)",
            "wasm memory size before and after",
            "JavaScript heap before and after (Chromium's performance.memory only)",
            "wall time and longest frame gap (the async-tasks mode holds the main thread)",
        ],
        computed: &[
            "µs per unit (round time ÷ count): median and spread of three rounds, at each count",
            "ms per 1,000 units (the same number, for the verdict)",
            "wasm memory growth and growth per unit",
            "threads (1, the pool's size, or the worker count: not measured)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "Spawning a million async tasks for I/O is fine — they are cheap and mostly idle. Spawning a million threads for CPU work is not",
            },
            Quote {
                seed: &SEED_001,
                words: "In Rust, each thread gets a 2MB stack and costs CPU cycles to create and switch.",
            },
        ],
    },
    WhatRan {
        slug: "switch-cost",
        programs: &[
            SeedProgram {
                seed: &SEED_001,
                program: "How async actually works and The cost of a thread: a task switch is a function call and a \
                          state check, a thread switch a kernel context switch costing microseconds (claims, no \
                          program)",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "the channels its programs pass values through: crossbeam channels between threads \
                          (run_pipeline) and a oneshot from a rayon job back to async code (parallel_sum)",
            },
        ],
        runs_here: "Futures mode: two async blocks joined with futures::join! inside the run's task on the page's \
                    main thread bounce a number through two unbounded futures mpsc channels; wasm-bindgen-futures \
                    re-polls a task that was woken during its own poll at once, so no browser task comes between \
                    hops. Threads mode: two jobs on wasm-bindgen-rayon's global pool bounce it through two \
                    crossbeam bounded(1) channels; a receiver spins briefly, then parks its worker (memory.atomic.wait, \
                    woken by notify), and the time is read on the pinging worker. postMessage mode: a JavaScript loop \
                    on the page posts to a fresh echo worker with no wasm in it and awaits each reply; the worker \
                    answers once before the clock starts.",
        differs: "Seed 001 only states the costs; there is no program to port. A bare context switch cannot be timed \
                  on its own, so each mode measures round trips of one message, two hops each. The threads are web \
                  workers, so parking and waking go through the browser's Atomics.wait and notify rather than \
                  directly through the kernel. A crossbeam receiver that catches the message while still spinning \
                  never parks at all. The postMessage mode adds what a page offers in place of shared memory: a \
                  structured clone and a task in the other side's event loop for every hop.",
        seed_wrong: None,
        measured: &[
            "time for n round trips (futures: page clock; threads: the pinging worker's clock; postMessage: \
             performance.now in the JavaScript loop)",
            "wall time and longest frame gap (the futures mode holds the main thread)",
        ],
        computed: &[
            "µs per round trip (time ÷ trips): median and spread of three rounds, at each count",
            "ms per 1,000 round trips (the same number, for the verdict)",
            "threads (1 or 2, set by the mode)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_001,
                words: "This switch is cheap. It's just a function call and a state check. No kernel involvement.",
            },
            Quote {
                seed: &SEED_001,
                words: "You can switch thousands of tasks in the time it takes to switch one OS thread.",
            },
        ],
    },
    WhatRan {
        slug: "channels",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "run_pipeline: a producer thread sends repo names through an unbounded crossbeam channel \
                          to two consumer threads, which block_on two 1 s fetches, process with rayon's par_iter \
                          and send results on a second channel",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "the table's producer-consumer row: Crossbeam with blocking channels, Tokio with \
                          tokio::sync::mpsc, Rayon not designed for it",
            },
            SeedProgram {
                seed: &SEED_001,
                program: "the decision rule: async channels like tokio::sync::mpsc to communicate between tasks \
                          without blocking",
            },
        ],
        runs_here: "crossbeam mode: a rayon ThreadPool of K+1 web workers is started for the run, with one job per \
                    party. The producer sends item numbers into a bounded crossbeam channel; each consumer receives \
                    items and sums the Collatz chain lengths of the item's range of starts. A full send or an empty \
                    receive blocks that party's worker. The page, which stays free, reads the channel's length every \
                    20 ms on a timer. Async mode: the producer and the K consumers are futures joined in the run's \
                    task on the page's main thread, linked by a bounded tokio::sync::mpsc channel, with the \
                    consumers sharing the receiver behind a tokio::sync::Mutex. Because that thread is busy for the whole \
                    run, the parties sample the queue themselves (produced minus consumed) at most every 20 ms.",
        differs: "The seed's consumers wait on fake fetches and then use rayon; here their work is plain CPU, so \
                  whether they run in parallel is what shows. The channel is bounded, so back-pressure shows as well, \
                  where the seed's is unbounded. The seed's threads come from std::thread::spawn; here they are web \
                  workers in a pool made for the run. The async mode uses tokio's own mpsc (tokio's sync \
                  module builds for the browser), on the page's single-threaded executor. A browser has no multi-threaded tokio \
                  runtime, so these tasks share one thread and take turns; on tokio's multi-thread runtime they could \
                  run in parallel.",
        seed_wrong: None,
        measured: &[
            "queue length every 20 ms (crossbeam mode: the channel's own length)",
            "items consumed by each sample",
            "each consumer's busy span (timeline)",
            "the run's time from the first sample to the last",
            "wall time and longest frame gap (the async mode holds the main thread)",
        ],
        computed: &[
            "queue length in the async mode (produced minus consumed)",
            "items per second (consumed ÷ time), and the throughput chart between samples at least 100 ms apart",
            "fullest queue (largest sample)",
            "every item once (count and sum of item numbers checked)",
            "chain steps in all (set by items × work)",
            "threads (K+1 or 1, set by the mode)",
        ],
        quotes: &[Quote {
            seed: &SEED_001,
            words: "Reach for async channels like tokio::sync::mpsc when you need to communicate between tasks without blocking.",
        }],
    },
    WhatRan {
        slug: "pool-health",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "the advice to give operations that keep running forever a thread of their own \
                          (std::thread::spawn), because on rayon they would take one thread from the pool",
            },
            SeedProgram {
                seed: &SEED_001,
                program: "keep spawn_blocking blocks small: a huge blocking task can starve other tasks, so cut a \
                          long CPU job into chunks or give it a pool of its own",
            },
        ],
        runs_here: "The page's main thread puts the jobs on wasm-bindgen-rayon's global pool of web workers (one \
                    per core) with rayon::spawn, and sends a parallel Collatz to the compute worker, which spreads \
                    it over the same pool. forever-job: one pool job loops in 5 ms std::thread::sleep steps until \
                    the run ends, and the Collatz runs once before it (after a smaller warm-up run) and once beside \
                    it; dedicated-worker does the same with the loop on a new web worker of its own. \
                    huge-job-first: one huge Collatz job per pool thread while a gloo-timers timer on the page adds \
                    a small job (1,000 starts) every 5 ms, then the same work again cut into pieces, the page \
                    queueing each next piece when the one before reports back.",
        differs: "Seed 002 gives advice, not a program; its remedy, std::thread::spawn, is a new web worker here, \
                  since a page has no other threads. The endless job sleeps instead of computing, so it takes a \
                  pool thread but not a core, and it stops when the run ends so the next run finds the pool whole. \
                  Seed 001 speaks of tokio's spawn_blocking pool; this runs on rayon's fixed-size pool, so the \
                  huge-job mode starts as many huge jobs as the pool has threads.",
        seed_wrong: Some(
            "Half right, as seed 001 says it of spawn_blocking. A huge job starves the others only when huge jobs \
             hold every thread: in forever-job one endless job leaves the Collatz running on all the other pool \
             threads, and huge-job-first has to start one huge job per pool thread before small jobs wait. That is \
             the case on a fixed pool like rayon's. Tokio's blocking pool, which seed 001 means, grows to about 500 \
             threads (seed 002's figure), so there one huge task takes one thread of many.",
        ),
        measured: &[
            "parallel Collatz time with the pool free and beside the endless job (timed on the compute worker)",
            "pool threads that took Collatz chunks beside the endless job (counted)",
            "the endless loop's span (page clock)",
            "each huge job's, piece's and small job's span (shared clock, read on the pool thread)",
            "each small job's time from arrival to end: its wait plus its own run",
        ],
        computed: &[
            "slower by (beside ÷ free)",
            "median and worst small-job time, behind huge jobs and between pieces",
            "each huge job's and piece's range of starts (from the knobs and the pool's size)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_002,
                words: "running those operations with rayon would effectively remove one thread from the thread pool",
            },
            Quote {
                seed: &SEED_001,
                words: "A huge blocking task can starve other tasks. If you have a long CPU job, break it into chunks",
            },
        ],
    },
    WhatRan {
        slug: "work-stealing",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "the warning that spawning a new thread for every task costs a significant overhead once \
                          the tasks are many",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "the advice to prefer rayon for data-parallel work, since it does the work stealing and \
                          the pool sizing",
            },
        ],
        runs_here: "thread-per-job: the page starts a new web worker for every job, all at once (the project's \
                    thread::spawn: each worker instantiates the wasm module before it runs its job). static-split: \
                    one job on wasm-bindgen-rayon's global pool cuts the job list into one contiguous share of equal \
                    count per pool thread and runs the shares as rayon::scope tasks. work-stealing: that job runs \
                    par_iter over the jobs with with_max_len(1), so idle threads steal single jobs from busy ones. \
                    Each job sums the Collatz chain lengths of a range of starts; job 0 and every seventh after it \
                    is 20 times longer (the knobs).",
        differs: "Neither seed has a program for this: the uneven jobs, the static split and the measurements are \
                  the page's. A thread here is a web worker, a new JavaScript realm that loads the module before it \
                  runs anything, so a thread per job costs far more than an OS thread, and more than 64 at once is \
                  refused. The pool is rayon's, one thread per core.",
        seed_wrong: None,
        measured: &[
            "wall time of the run (page clock, thread start-up included)",
            "each job's thread, start and end (shared clock, read on the thread that ran it)",
            "threads that ran jobs (counted)",
        ],
        computed: &[
            "each thread's busy time (its job spans merged) and busy share (÷ wall time)",
            "idle thread time (wall time minus busy time, summed over the threads)",
            "chain steps in all (a check: fixed by the knobs, the same in every mode)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_002,
                words: "spawn a new thread for every task, but with large number of tasks the overhead is significant",
            },
            Quote { seed: &SEED_000, words: "prefer rayon (it handles work-stealing and pool sizing for you)" },
        ],
    },
    WhatRan {
        slug: "hand-future",
        programs: &[
            SeedProgram {
                seed: &SEED_002,
                program: "UnitGotoFuture: each poll moves the unit one step toward target_pos and returns Pending, \
                          then Ready once it is there; its poll never uses its Context",
            },
            SeedProgram {
                seed: &SEED_002,
                program: "waking up: the Waker's wake (consumes it; the seed's example is a timer) and wake_by_ref",
            },
        ],
        runs_here: "Everything runs on the page's main thread. manual-poll: a plain loop polls the future with \
                    std's no-op waker until Ready. The other modes spawn it as a task of its own on \
                    wasm-bindgen-futures' executor beside a 50 ms gloo-timers heartbeat: no-wake asks for nothing; \
                    wake-by-ref calls wake_by_ref, and this threaded build's executor, finding the task already \
                    woken, polls it again at once in the same turn of the event loop (where the browser has \
                    Atomics.waitAsync), so nothing else on the page runs until it is done; timer-wake hands a clone \
                    of the waker to a setTimeout (gloo-timers Timeout) that calls wake. After each poll the future \
                    tells a watchdog on the page what it waits for; pending with nothing registered for the silence \
                    limit, it is called forgotten, and its task is aborted and dropped.",
        differs: "The seed gives the future alone, with no executor and no main; the page adds the executors, a \
                  start and a target (0 and 10 by default), a poll counter, and the three ways of asking for the \
                  next poll, of which the seed's own code is no-wake. The executor is wasm-bindgen-futures' on the \
                  page's thread, not tokio; like any executor it polls a pending task again only when woken. The \
                  future returns its poll count instead of ().",
        seed_wrong: Some(
            "Half right. The seed's UnitGotoFuture takes its Context as _cx and returns Pending without waking, so \
             an executor polls it once and never again: no-wake stops after 1 poll at position 1, with nothing \
             registered to wake it. Only a loop that polls regardless brings it to the target (11 polls from 0 to \
             10). The seed's next section says it is up to the future to signal through the context; its own \
             example does not.",
        ),
        measured: &[
            "polls (counted as they happen)",
            "the position after each poll, and when (page clock)",
            "heartbeat ticks and their lateness (timeline, executor modes)",
            "how long the future went unpolled before the verdict (no-wake)",
        ],
        computed: &[
            "Pending and Ready counts (the polls minus the one Ready)",
            "the watchdog's verdict, judged from what the future registered and the time since its last poll \
             (the page's own thread is taken to answer, not pinged)",
        ],
        quotes: &[
            Quote {
                seed: &SEED_002,
                words: "It is up to the future to signal through the context when it is ready to run",
            },
            Quote { seed: &SEED_002, words: "An example for using wake is a timer" },
        ],
    },
    WhatRan {
        slug: "laziness",
        programs: &[SeedProgram {
            seed: &SEED_000,
            program: "the claim that a bare future does nothing until polled, so a forgotten .await never starts \
                      the work, unlike a JavaScript Promise, which may still run",
        }],
        runs_here: "On the page's main thread. rust-future: an async block that records when its body starts and \
                    then awaits a gloo-timers TimeoutFuture (the work knob) is made; the run waits the idle time on \
                    another timer, reads whether the body has started, then awaits the block. js-promise: inline \
                    JavaScript makes a new Promise whose executor records performance.now() and sets a setTimeout; \
                    then the same wait, the same check, and an await through JsFuture.",
        differs: "Seed 000 states the difference without a program (it sends the reader to another page of its \
                  guide), so the experiment is the page's own. An async block stands in for calling an async fn, \
                  which is lazy the same way; the work is a timer, not I/O; and wasm-bindgen-futures' executor \
                  does the awaiting, not tokio. No executor polls a future that nobody awaits or spawns.",
        seed_wrong: None,
        measured: &[
            "when it was made (page clock)",
            "when its body started (read in the Rust body, or by performance.now() in the Promise's executor)",
            "when the await returned",
            "whether the body had run before the await (0 or 1)",
        ],
        computed: &["how long after it was made the body started"],
        quotes: &[
            Quote { seed: &SEED_000, words: "a bare future does nothing until polled" },
            Quote {
                seed: &SEED_000,
                words: "unlike JS, where a forgotten await gives you a Promise that may still run",
            },
        ],
    },
    WhatRan {
        slug: "mutex-await",
        programs: &[
            SeedProgram {
                seed: &SEED_001,
                program: "the trap: lock a std::sync::Mutex, then .await; another task on the same thread blocks in \
                          lock() and the first never resumes: deadlock",
            },
            SeedProgram {
                seed: &SEED_001,
                program: "the cure: tokio::sync::Mutex, or drop the lock before the .await",
            },
        ],
        runs_here: "A new web worker runs one future that joins two async blocks, the two tasks, with \
                    tokio::join! on its event loop, its only thread. Task 1 locks a counter and awaits a \
                    gloo-timers TimeoutFuture (100 ms by default); task 2 comes 1 ms later and locks it too, and \
                    with std::sync::Mutex its lock() puts the worker in an atomic wait, so task 1's timer can never \
                    fire. async-mutex uses tokio::sync::Mutex, whose lock().await suspends task 2 instead; \
                    guard-dropped drops the std guard before task 1's await. The tasks tell the watchdog on the page \
                    what they wait for, the page pings the worker, and when it stays silent the watchdog terminates \
                    it and runs a small Collatz on the compute worker and the pool to check that they answer.",
        differs: "The Mutex and join! are tokio's own; a worker's event loop (wasm-bindgen-futures) stands in \
                  for a single-threaded runtime, whose timers tokio cannot drive in a browser. The two tasks are joined inside one future, not spawned apart: \
                  tokio::spawn wants a Send future on either runtime flavour, and a future holding a std guard \
                  across .await is not Send, so that version does not compile (see What the compiler says). The \
                  page's main thread may not block, hence the worker; and a thread blocked in lock() cannot be \
                  woken from outside, only its worker terminated.",
        seed_wrong: None,
        measured: &[
            "each task's states and when it entered each (shared clock, written on the worker)",
            "the counter once both finish (2)",
            "how long the worker went without answering a ping (std-mutex)",
            "pool threads that took chunks in the check afterwards (counted)",
            "time until both tasks finished (in the log)",
        ],
        computed: &["the watchdog's verdict (the thread is blocked), judged from the silent pings and the waits the \
                     tasks registered"],
        quotes: &[
            Quote {
                seed: &SEED_001,
                words: "If you lock a std::sync::Mutex and then .await, you hold the lock while the task yields.",
            },
            Quote { seed: &SEED_001, words: "The first task never resumes because the thread is blocked. Deadlock." },
        ],
    },
    WhatRan {
        slug: "block-on",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "the bridge: a plain main builds a tokio Runtime and calls rt.block_on(fetch_count()), a \
                          10 ms sleep and then 42, and prints count = 42",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "pitfall 3 and its warning: block_on inside the runtime panics (Cannot start a runtime \
                          from within a runtime), and a blocking call in an async task can deadlock it",
            },
        ],
        runs_here: "Every mode runs plain synchronous code on a new web worker, watched from the page. from-sync: \
                    the code rayon::spawns a job onto wasm-bindgen-rayon's pool that sends 42 through a futures \
                    oneshot, then calls futures::executor::block_on on the receiver, which parks the worker in an \
                    atomic wait until the pool's job wakes it. on-own-loop: the code calls block_on on a gloo-timers \
                    TimeoutFuture, a setTimeout of that same worker's event loop, which cannot run while block_on \
                    holds the thread; the watchdog finds the worker silent past the timer's due time, terminates \
                    it, and checks the compute worker and the pool with a small Collatz. runtime-in-runtime: the \
                    code builds a real tokio current-thread runtime and, inside its block_on, calls block_on on a \
                    second one; tokio panics, and the worker's panic hook hands the message to the page.",
        differs: "futures' block_on stands in for tokio's Runtime::block_on, which brings its own timer. A browser \
                  timer belongs to the event loop of the thread that set it, so the seed's 10 ms sleep cannot be \
                  the bridged future in from-sync: the pool's answer takes its place, and 42 is sent at once. \
                  block_on parks with Atomics.wait, which the page's main thread may not call, hence the worker. \
                  tokio notices the nested call and panics (the third mode shows its real message); futures' \
                  block_on does not, the thread just never wakes, so the watchdog ends it.",
        seed_wrong: None,
        measured: &[
            "time from starting the worker to its end, shown as \"worker started, block_on returned, worker ended\" (the worker's start-up \
             included)",
            "the count the pool sent (42)",
            "how long the worker went without answering a ping (on-own-loop)",
            "tokio's panic message, as the worker's panic hook caught it (runtime-in-runtime)",
            "pool threads that took chunks in the check afterwards (counted)",
        ],
        computed: &[
            "the watchdog's verdict (the thread is blocked), judged from the silent pings and the timer the code \
             registered",
            "whether the count matches the seed's 42",
        ],
        quotes: &[
            Quote {
                seed: &SEED_000,
                words: "block_on, which runs a future to completion on the current thread and returns its value",
            },
            Quote { seed: &SEED_000, words: "it blocks the worker and can deadlock the runtime." },
        ],
    },
    WhatRan {
        slug: "compile-errors",
        programs: &[
            SeedProgram {
                seed: &SEED_000,
                program: "function coloring: a plain fn summarize() calls fetch_count().await; error[E0728]",
            },
            SeedProgram {
                seed: &SEED_000,
                program: "pitfall 5: let count: u32 = fetch_count(); without .await in #[tokio::main] async fn \
                          main; error[E0308]",
            },
            SeedProgram {
                seed: &SEED_001,
                program: "two warnings: a std::sync::Mutex locked across .await, and a type that isn't Send moved \
                          into a thread (E0277)",
            },
        ],
        runs_here: "Nothing is compiled or run in the browser: the page shows three cards, each a snippet from \
                    lab/compile_fail/ and the .stderr file beside it, built into the app with include_str!. Those \
                    files hold what rustc printed when a native test (lab/src/compile_errors.rs) ran plain rustc on \
                    each snippet (edition 2024, --emit metadata, no crates) with the toolchain pinned in \
                    rust-toolchain.toml, nightly-2026-05-20 (rustc 1.97.0-nightly, e50aa6fba 2026-05-19). The test \
                    fails when the compiler's output changes, and UPDATE_COMPILE_ERRORS=1 writes the new one.",
        differs: "The snippets are cut down so plain rustc compiles them without tokio: the .await is misused in \
                  main instead of summarize, and the forgotten .await sits in a plain async fn. The third card is \
                  the page's own, joining seed 001's two warnings: its spawn is a stand-in declared in the snippet \
                  with the Send + 'static bound tokio::spawn puts on the future, so rustc's last note points at \
                  line 8 of the snippet, not into tokio. rustc prints that error with no code: \"future cannot be \
                  sent between threads safely\", not E0277.",
        seed_wrong: None,
        measured: &[
            "rustc's message for each snippet, recorded by the native test with the pinned nightly (not compiled \
             in the browser)",
        ],
        computed: &[],
        quotes: &[
            Quote { seed: &SEED_000, words: "calling .await outside an async context is a hard compile error" },
            Quote {
                seed: &SEED_001,
                words: "If you try to move a type that isn't Send into a thread, you get E0277 (trait bound not satisfied).",
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs_table;

    #[test]
    fn quoted_in_ignores_line_breaks_but_not_words() {
        let text = "spawn a new thread\nfor every   task, but";
        assert!(quoted_in(text, "a new thread for every task"));
        assert!(!quoted_in(text, "a new thread for each task"));
        assert!(!quoted_in(text, "spawn a new thread for every task, and"));
    }

    /// Every experiment in the docs table (which the app's test holds to the catalogue)
    /// says what ran, in full, and nothing else does.
    #[test]
    fn every_experiment_says_what_ran() {
        let table = docs_table::read(include_str!("../../docs/experiments.md")).expect("the docs table reads");
        let slugs: Vec<&str> = table.iter().flat_map(|c| c.experiments.iter().map(|e| e.slug.as_str())).collect();
        for slug in &slugs {
            let w = what_ran(slug).unwrap_or_else(|| panic!("{slug} does not say what ran"));
            assert!(!w.programs.is_empty(), "{slug}: which seed program");
            assert!(w.programs.iter().all(|p| !p.program.is_empty()), "{slug}: a program without a name");
            assert!(w.runs_here.len() > 40 && w.differs.len() > 20, "{slug}: what runs here and what differs");
            assert!(!w.measured.is_empty(), "{slug}: what is measured");
        }
        for w in WHAT_RAN {
            assert!(slugs.contains(&w.slug), "{} is not an experiment", w.slug);
            assert_eq!(WHAT_RAN.iter().filter(|o| o.slug == w.slug).count(), 1, "{} twice", w.slug);
        }
    }

    /// Run by `.ci/run`, which has the seeds beside the clone (`SEEDS_DIR`); ignored by
    /// the README's test command, which must pass on a machine without them.
    #[test]
    #[ignore = "needs the seeds: SEEDS_DIR=../shared/seeds"]
    fn every_quote_is_word_for_word_in_its_seed() {
        let dir = std::env::var("SEEDS_DIR").expect("SEEDS_DIR names the folder of the seeds");
        let text = |seed: &Seed| {
            std::fs::read_to_string(std::path::Path::new(&dir).join(seed.file))
                .unwrap_or_else(|e| panic!("seed {} ({}): {e}", seed.number, seed.file))
        };
        let mut wrong = Vec::new();
        for seed in SEEDS {
            let seed_text = text(seed);
            assert!(quoted_in(&seed_text, seed.title) || seed.number == "002", "seed {}'s title", seed.number);
            for w in WHAT_RAN {
                for q in w.quotes.iter().filter(|q| q.seed == seed) {
                    if !quoted_in(&seed_text, q.words) {
                        wrong.push(format!("{}: seed {} does not say \"{}\"", w.slug, seed.number, q.words));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
