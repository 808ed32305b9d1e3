//! Every experiment's words: its title, the sentence the lists show, and the explanation its
//! page opens with, in the catalogue's chapters. Written once: the app's catalogue
//! (`src/experiments/`) takes its titles and summaries from here, and the site build
//! (`static-pages`, [`crate::static_pages`]) publishes all of it as the page's HTML, which
//! the app takes over, so the explanations need not be in the wasm.

/// What an experiment says about itself before anything runs.
#[derive(Debug)]
pub struct Words {
    /// Stable identifier, used in links: public format, never renamed.
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence for the list of experiments.
    pub summary: &'static str,
    /// Paragraphs: what to look for, and why it happens.
    pub explanation: &'static [&'static str],
}

pub const BLOCK_ON: Words = Words {
    slug: "block-on",
    title: "block_on: the bridge and its trap",
    summary: "Plain code on a worker calls block_on on work the pool does and gets count = 42; block_on of a timer on \
              the same worker waits forever, and the watchdog ends it.",
    explanation: &[
        "block_on is the bridge from synchronous code into async: it polls a future and puts the thread to sleep \
             until the future's waker wakes it. That works when something else will wake it: another thread \
             finishing work (here, a rayon job sending 42 through a oneshot, the seed's count = 42).",
        "It fails when the future needs the thread that block_on is holding. A timer future is woken by the \
             event loop of the thread that set it, and block_on is blocking that very loop: the timer can never \
             fire, and the thread sleeps for good. This is the browser's face of tokio's \"Cannot start a runtime \
             from within a runtime\": a runtime refuses to block its own thread, for exactly this reason. The \
             watchdog pings the worker: inside block_on it cannot answer, and the timer it waits for needs that \
             very thread, so the watchdog calls the thread blocked, terminates the worker, and checks that the \
             rest still works. Waiting on the pool's answer (the first mode) it cannot answer either, but what it \
             waits for comes from another thread, so that is a wait, not a hang.",
        "The third mode asks tokio itself (its current-thread runtime, which builds for the browser): inside \
             one runtime's block_on it calls block_on on another. tokio checks for exactly this and panics before \
             it blocks anything; the page shows that panic's message as the worker's panic hook caught it.",
        "On the page's main thread the page cannot even try: block_on sleeps with Atomics.wait, which the \
             browser forbids on the main thread (it would freeze the page), so the call would trap at once. Both \
             modes therefore run on a worker of their own.",
    ],
};

pub const BLOCKING_JOIN: Words = Words {
    slug: "blocking-join",
    title: "Blocking sleep inside join",
    summary: "Three tasks joined, each sleeping a second: blocking, they run one after another (≈3 s); awaiting, together (≈1 s).",
    explanation: &[
        "join! (here join_all) runs several futures concurrently on one thread, by polling each in turn. That \
             only works if each future returns at its awaits. A task that blocks (std::thread::sleep in the seed) \
             never returns until it is done, so the others wait their turn.",
        "Blocking: Start timer 1, Timer 1 done, Start timer 2, … about 3 s in all, and the page is frozen for all \
             of it. Awaiting a timer: all three start, then all three finish, about 1 s. The printed lines show the \
             order; the timeline shows the overlap.",
        "Spread over the pool: the seed's note that on a multi-threaded runtime the blocking tasks land on \
             different threads and overlap after all: about 1 s with three threads or more, but a pool of two runs \
             two sleeps, then the third (about 2 s). Blocking still holds a thread per sleep; it just has more \
             threads to hold.",
    ],
};

pub const CHANNELS: Words = Words {
    slug: "channels",
    title: "Producer and consumers",
    summary: "A producer sends 2,000 items through a channel of 16 to two consumers that compute on each: on pool \
              threads with crossbeam, or as tasks on one thread with tokio's mpsc.",
    explanation: &[
        "A bounded channel is how work flows between parts of a program: the producer sends, consumers receive, \
             and when the channel is full the producer waits (back-pressure) instead of piling up memory. Which \
             channel fits depends on who waits. crossbeam's blocks a thread; a futures (or tokio) channel suspends \
             a task. Seed 002's table: crossbeam for threads, tokio's channels for tasks, rayon when the work is a \
             collection to split.",
        "With crossbeam, the producer and the consumers are threads of a pool made for the run (one each), so the \
             consumers compute in parallel and the items go as fast as the cores allow; the queue stays full while \
             they cannot keep up. With a futures channel, every party is a task on the page's own thread: they take \
             turns, one item at a time, so more consumers add nothing, and the page is busy while they compute.",
        "Each item is a range of Collatz starts (the work knob) whose chain lengths the consumer sums. Charts: the \
             queue length over time, and the throughput in items per second. Every item is checked to be consumed \
             exactly once.",
    ],
};

pub const COLLATZ: Words = Words {
    slug: "collatz",
    title: "Collatz longest chain",
    summary: "Pure CPU work: the start below N with the longest Collatz chain, on the main thread, in a worker, and on all cores with rayon.",
    explanation: &[
        "Take a number; halve it if it is even, otherwise triple it and add one; repeat until you reach 1. \
             Which start below N takes the most steps? Below 100,000 it is 77,031 (350 steps); below a million, 837,799 (524 steps).",
        "This is CPU-bound work: there is nothing to wait for, so async cannot make it faster and cannot keep the \
             page alive while it runs. Only another thread can. On the main thread the page freezes: watch the two dots \
             of the pulse, and the red cliff in the frame chart. In a web worker the same loop runs while the page keeps \
             drawing. With rayon the starts are cut into chunks spread over a pool of workers, one per core: the \
             timeline shows which thread ran which chunk when.",
    ],
};

pub const COMPILE_ERRORS: Words = Words {
    slug: "compile-errors",
    title: "What the compiler says",
    summary: "Programs the seeds warn about that do not compile (seed 000's .await outside async and forgotten \
              .await; a MutexGuard held across .await in a spawned task, seed 001's two warnings in one) with the \
              compiler's real message for each.",
    explanation: &[
        "Some of async Rust's lessons are taught by the compiler before anything runs. Each card is a small \
             program the seeds warn about, and beneath it what rustc prints for it. The messages are not copied \
             by hand: the test suite compiles every snippet with the compiler this project builds with and fails \
             when a message changes, so this page shows what today's compiler says.",
    ],
};

pub const CONNECT: Words = Words {
    slug: "connect",
    title: "Awaiting the network",
    summary: "A task awaits a connection while the thread does other things: the wait costs no thread, but the \
              task resumes only when the thread is free.",
    explanation: &[
        "Seed 001's async example awaits tokio::net::TcpStream::connect: while the connection is made, the task \
             gives its thread back and the runtime runs other tasks. A web page cannot open a TCP socket, so this \
             page cannot run that line. The nearest honest thing is an HTTP request the browser makes for it: a \
             fetch of a small file of this site, its icon (with the cache turned off; where the page's service \
             worker is installed, it may answer instead of the network), awaited by a task on the page's thread. \
             Small, as a connection's exchange is: a body larger than the browser's buffer would wait for the \
             busy thread to read it.",
        "Awaited alone, the heartbeat beside it stays on time: the wait holds no thread. Beside a busy loop on \
             the same thread, the browser still receives the response in the background (its Resource Timing \
             says when), but the task that awaits it resumes only after the loop: the time between the two is \
             what blocking costs an async task that was ready.",
    ],
};

pub const HAND_FUTURE: Words = Words {
    slug: "hand-future",
    title: "A future by hand",
    summary: "Seed 002's unit that moves one step per poll, from 0 to 10: eleven polls by a plain loop; stuck when \
              nothing wakes it; done when it wakes itself or a timer wakes it.",
    explanation: &[
        "A future is a value with a poll method. Each poll does a little work and answers Ready (with the value) \
             or Pending. An executor is a loop that polls futures, but it does not poll a Pending future again by \
             itself: it waits until the future's waker is called. Who calls the waker is the future's business.",
        "Polled by a plain loop with a do-nothing waker, the unit walks from 0 to 10 in 11 polls: 10 Pending (one \
             step each) and 1 Ready. Under the page's executor, a future that returns Pending without arranging a \
             wake is polled once and never again: it is not running and not failing, just forgotten. The watchdog \
             sees the page's thread answering, the future pending, and no timer or waker registered for it: \
             nobody will wake it, and the page goes on. (A timer of any length is different: it is waited for.) wake_by_ref asks for the next poll \
             at once, and wasm-bindgen-futures' threaded executor, finding the task woken while it polled it, polls \
             it again in the same turn: a future that wakes itself every step holds the thread until it is done, \
             heartbeat and frames waiting, like a loop (try a target of 400,000 and watch the dots stop). A timer holding the waker calls wake when it fires: that is \
             how every timer, socket and channel future works underneath.",
    ],
};

pub const HANDOFF: Words = Words {
    slug: "handoff",
    title: "Handing data to a worker",
    summary: "The same numbers reach a worker copied (structured clone), moved (transfer) or not at all (shared memory): what each costs, from 1 KiB to 64 MiB.",
    explanation: &[
        "A web worker does not see the page's variables. JavaScript hands it data by postMessage, which copies \
             the data with the structured clone algorithm: the cost grows with the size. An ArrayBuffer can instead be \
             transferred: it changes owner without a copy, and the sender's buffer is left detached, 0 bytes long, \
             much like a Rust value moved into a thread.",
        "Rust compiled to WebAssembly with threads has a third way: every thread runs on one shared memory, so only \
             where the numbers are (an offset and a length) travels, whatever their size. That is the \"shared \
             memory, cheap\" of the seed's table, and why rayon can hand a slice to a thread for nothing.",
        "Each run hands the chosen size over once and the worker sums it (in JavaScript, the same in every mode, \
             so only the handoff differs). The round trip is timed on the page's clock; when the numbers arrived is \
             read on the worker's, to a fraction of a millisecond. \"Measure across sizes\" repeats every mode at \
             1 KiB to 64 MiB and draws time against size.",
    ],
};

pub const HEARTBEAT: Words = Words {
    slug: "heartbeat",
    title: "Heartbeat starvation and its fix",
    summary: "A heartbeat that should tick every 50 ms beside 300 ms of blocking work: late and bunched on the main thread, on time when the work is offloaded.",
    explanation: &[
        "Async code shares its thread by taking turns: a task only gives the thread back at an await. Blocking \
             work has no await, so while it runs no timer callback and no other task can run. Here a heartbeat task \
             is started, then 300 ms of blocking work runs.",
        "Blocking on the main thread: the heartbeat cannot even start until the work is done, then its ticks \
             arrive late, as in the seed program (ticks at about 356, 409 and 461 ms; work done at about 305 ms). \
             The page freezes too: the main-thread dot stops and the frame chart shows a cliff. Offloaded to a web \
             worker, the thread stays free: the ticks land near 50, 100 and 150 ms while the work finishes at about \
             300 ms. In the browser the blocking is a busy wait, since the main thread may not sleep.",
    ],
};

pub const HEAVY: Words = Words {
    slug: "heavy",
    title: "CPU speedup with rayon",
    summary: "Eight seeds through 50 million LCG steps each: one after another, then par_iter across the cores. Same results, less time.",
    explanation: &[
        "Each seed goes through a long chain of multiply-and-add steps; every step needs the one before, so one \
             chain cannot be split. Several chains can run at once, though: the parallel version changes iter() to \
             par_iter() and rayon hands the seeds to the pool's threads.",
        "There is no waiting anywhere, so async has nothing to overlap: only cores help. Compare the two modes' \
             bars, check that the result vectors are equal, and see in the timeline which thread ran which seed. \
             With 8 seeds on 2 threads each thread takes about 4.",
    ],
};

pub const LAZINESS: Words = Words {
    slug: "laziness",
    title: "Lazy futures, eager promises",
    summary: "Make a future, wait 200 ms, then await it: a Rust future starts only at the await, a JavaScript Promise \
              started when it was made.",
    explanation: &[
        "Calling an async function in Rust returns a future and runs none of its body; the body runs when the \
             future is polled, which an .await (or an executor) does. A JavaScript Promise is the other way round: \
             new Promise runs its executor function immediately, and calling an async function runs it up to its \
             first await. So in Rust, making futures and joining them later costs nothing until the join; in \
             JavaScript the work is already under way.",
        "Each run makes the future (or promise), waits the idle time, then awaits it. The timeline marks when it \
             was made, when its body started (a side effect it records) and when it finished: the Rust body starts \
             after the idle wait, the promise's at once. The side effect is checked just before the await: 0 for \
             the Rust future, 1 for the promise.",
    ],
};

pub const MUTEX_AWAIT: Words = Words {
    slug: "mutex-await",
    title: "A lock held across .await",
    summary: "Two tasks on one thread share a counter: with std's Mutex held across an await they deadlock (the \
              watchdog ends it); with an async mutex, or the guard dropped first, both finish.",
    explanation: &[
        "std::sync::Mutex::lock blocks the thread until the lock is free. Between threads that is fine: the holder \
             runs on its own thread and unlocks. Between tasks on one thread it is a trap: if task 1 holds the \
             guard across an .await, task 2 may run next, and its lock() blocks the only thread, the one task 1 \
             needs to resume and unlock. Nothing can ever run again: a deadlock. When each task is handed to tokio::spawn \
             the compiler stops this on either kind of runtime (the future holding the guard is not Send: see \
             \"What the compiler says\"); it compiles when the futures share one task (join!, select!) or are \
             spawned with spawn_local, which is how the two tasks here run: joined in one future.",
        "Here the two tasks run on a web worker of their own (its event loop is the executor), and each tells \
             the watchdog what it waits for: a timer and when it is due, or the lock and who holds it. The \
             watchdog pings the worker. With the std Mutex the worker stops answering: its only thread is \
             blocked in lock(), and task 1's timer needs that thread to fire. The watchdog says so, with what \
             each task was waiting for, terminates the worker, and checks that the compute worker and the pool \
             still answer. An async mutex suspends task 2 instead, and dropping the guard before the await holds \
             nothing while waiting: the worker keeps answering, the watchdog sees a timer that will fire (however \
             long the hold), and both finish with the counter at 2.",
    ],
};

pub const ASYNC_OVERLAP: Words = Words {
    slug: "async-overlap",
    title: "Async overlap",
    summary: "Three 100 ms requests: awaited one by one they take about 300 ms, awaited together with join_all about 100 ms.",
    explanation: &[
        "Waiting is where async shines. A request spends its time waiting for the network, and while one waits \
             the thread can start the others. Here each request is a timer future (gloo-timers), standing in for a \
             round trip.",
        "Awaited one after another, the waits add up: 3 × 100 ms ≈ 300 ms. With join_all they all start at once \
             and overlap: about 100 ms in all, and the results still come back in order ([17, 17, 17], the lengths \
             of the URLs). No thread is needed, and the page never freezes.",
        "The JavaScript mode is the seed's TypeScript: Promise.all over three fetchUser promises, each a \
             setTimeout here. JavaScript's promises and Rust's futures overlap waits on one thread alike.",
    ],
};

pub const PIPELINE: Words = Words {
    slug: "pipeline",
    title: "Download and process pipeline",
    summary: "Four 80 ms downloads that overlap, each followed by CPU processing offloaded to the pool: about 80 ms plus a little, not 320.",
    explanation: &[
        "The canonical shape of a service: wait for data (async), then crunch it (threads). Each image task awaits \
             its download, then hands its bytes to the rayon pool and awaits the checksum, so processing one image \
             never holds up the others' downloads.",
        "The timeline shows each image's download and processing. The seed's checksums for four 1 MB images: \
             0, 15279771427360356480, 12112798781011161344 and 8945826134661966208.",
    ],
};

pub const POOL_HEALTH: Words = Words {
    slug: "pool-health",
    title: "Keeping the pool healthy",
    summary: "An endless job on the pool takes a thread from every parallel run after it; on a worker of its own it \
              takes none. A huge job ahead of small ones makes them wait, unless it is cut into pieces.",
    explanation: &[
        "A thread pool has a fixed number of threads, and a job holds its thread until it returns. A job that \
             never returns (a loop that listens forever, a blocking wait on something that never comes) takes one \
             thread away for good: every parallel run after it has one thread less, and nothing says so. Such a \
             job belongs on a thread of its own: here, a web worker started for it.",
        "Endless job on the pool: a parallel Collatz runs first on the whole pool (after a smaller run that \
             lets the browser optimise the kernel), then again with the endless job \
             holding a thread; the timeline shows the lane that is missing, the table both times. Endless job on \
             its own worker: the same, with the loop on a dedicated worker; the pool keeps its speed. The loop \
             waits rather than computes (it sleeps in 5 ms steps, checking whether to stop), so it takes a thread \
             and not a core. When the run ends or is cancelled, the loop stops and the pool is whole again.",
        "Huge jobs ahead of small ones: as many huge jobs as the pool has threads (the Collatz range split \
             between them), and small jobs arriving every 5 ms meanwhile. The small jobs wait for a thread until \
             a huge job ends. Then the same huge work is cut into pieces that go back to the queue one by one, \
             so a small job that arrives waits for one piece at most. Both small-job latencies are in the table.",
    ],
};

pub const POOL_TO_ASYNC: Words = Words {
    slug: "pool-to-async",
    title: "From the pool back to async",
    summary: "Sum a million ones on the rayon pool with rayon::spawn and await the answer through a oneshot channel: 1048576, and the page never blocks.",
    explanation: &[
        "How do async code and a thread pool talk? The async side starts the work with rayon::spawn, which returns \
             at once, and awaits the receiving end of a oneshot channel; the pool thread sends the answer when it is \
             done. Awaiting gives the thread back, so the page's thread stays free the whole time.",
        "The seed sums vec![1; 1024 * 1024] and prints 1048576. The second mode puts a par_iter inside the spawned \
             task so every pool thread helps with one call.",
    ],
};

pub const PRIMES: Words = Words {
    slug: "primes",
    title: "Plain parallel jobs",
    summary: "Four independent jobs, each counting the primes below 50,000 by trial division, one after another or side by side: 20,532 in all.",
    explanation: &[
        "Each job counts the primes below a limit the slowest honest way: try every divisor. The jobs share \
             nothing, so they can run side by side with no coordination at all, the easiest parallelism there is. \
             The seed program gives each job its own OS thread (the new-worker mode does the same with web \
             workers); the pool mode hands them to rayon's pool of web workers instead.",
        "Total for 4 jobs below 50,000: 20,532 (5,133 each). Compare the sequential and parallel bars, and watch \
             the timeline fill both pool threads.",
    ],
};

pub const REPO_PIPELINE: Words = Words {
    slug: "repo-pipeline",
    title: "The GitHub pipeline: fetch, then process",
    summary: "Fetch the issues and pull requests of three repositories (1 s each, simulated) and process them on the \
              pool: about 4 s with two consumer threads that block while they fetch, about 1 s awaited together.",
    explanation: &[
        "Seed 002 ends with a pipeline that uses three crates: a producer thread queues repositories in a \
             crossbeam channel, two consumer threads each take a repository, fetch its issues and its pull \
             requests (tokio sleeps of 1 s standing in for GitHub's API), process the items with rayon's par_iter, \
             and send the result back. Each consumer builds a tokio runtime and calls block_on inside \
             task::block_in_place, so a consumer fetches one thing at a time: two repositories take 2 s at once, \
             the third 2 s more.",
        "block_in_place is for a worker thread of a multi-threaded tokio runtime: it tells the runtime that this \
             thread is about to block, so the runtime moves the thread's other tasks elsewhere first. The seed's \
             consumers are plain threads, not runtime workers, so there it only runs its closure. A browser page \
             has one event loop and no second thread to move tasks to, and may not block it at all: \
             block_in_place has no counterpart here. The consumers are therefore web workers, which may block, \
             and each waits out a fetch's delay as the seed's block_on does.",
        "The other mode does what one event loop is good at: every fetch of every repository is a timer future, \
             all awaited together, so the waiting overlaps, and only the processing goes to the pool. The fetches \
             are simulated in both modes, as in the seed: there is no network here, only its delays.",
    ],
};

pub const SCOPED: Words = Words {
    slug: "scoped",
    title: "Borrowing across threads",
    summary: "Sum a vector with the pool's threads: rayon::scope and rayon::join borrow it, rayon::spawn must own a copy of it.",
    explanation: &[
        "A thread that borrows another thread's data must be done with it before the data goes away, and the \
             compiler must be able to see that. rayon::scope and rayon::join return only when every task they \
             started has finished, so their tasks may borrow the vector: nothing is copied.",
        "rayon::spawn returns at once and its task may run later, so its closure must be 'static: it owns what it \
             uses. A closure that borrows the vector does not compile (\"borrowed value does not live long enough\"); \
             here each part is copied into its task instead (sharing the vector behind an Arc is the other way out). \
             The table shows the bytes that copy took.",
        "JavaScript has no such choice: a worker gets a copy unless the data is a SharedArrayBuffer (see \"Handing \
             data to a worker\").",
    ],
};

pub const SERVICE: Words = Words {
    slug: "service",
    title: "A web service under load",
    summary: "Requests arrive at 100 a second; one in ten hashes a password for 40 ms. Hashed inline, every hello \
              behind a hash waits; offloaded, hello stays fast.",
    explanation: &[
        "A web service runs its handlers as async tasks on a few runtime threads. Most requests are quick (here \
             \"hello\", answered at once); a few need slow synchronous work: a password hash that burns CPU, a \
             database driver that blocks while it waits. Seed 003's service is actix-web on tokio; neither runs in a \
             browser (no sockets to listen on, no tokio blocking pool), so this page runs a request loop of its own \
             in a web worker (its runtime thread), with pools of web workers where tokio and rayon would have threads, and sends it requests at random times, at a set average rate: a Poisson process \
             drawn from a seed, fixed before the run, so a slow server cannot slow its own load down. A request's \
             latency counts from when it arrived.",
        "Hashing inline holds the runtime thread for the whole hash, so every hello that arrives meanwhile \
             queues behind it: hello's p99 climbs to about the hash's cost. spawn_blocking sends the slow work to a \
             pool of blocking threads and awaits it; the rayon route (seed 003's CPU_POOL.install from a blocking \
             thread) runs the hash on a pool sized to the cores. Either way the runtime thread only dispatches, and \
             hello stays fast until the cores themselves run out. Yielding keeps the hash inline but gives the \
             thread back every k iterations (seed 002: reach an await every 10 to 100 µs): hello recovers, the hash \
             takes longer.",
        "Calling CPU_POOL.install straight from the handler looks like offloading, and the hash does run on the \
             pool, but install waits for it on the calling thread, the runtime's: hello waits as it does inline. \
             Seed 003 warns about it; the last mode runs it, so the cost is measured.",
        "Set a share of requests to look a user up and they call seed 003's fetch_user_blocking: the thread that \
             runs it sleeps (1 s by default, as in the seed) and only user 1 exists; any other id is \"User not \
             found\". Where the seed wraps it in spawn_blocking, here the mode decides: on the runtime thread inline \
             and yielding (a sleep cannot yield), on the blocking pool otherwise. The seed only defines it; here the \
             load asks for users 1 to 10, so most lookups end in that error, which \
             reaches the answer and is counted, and the count is checked against the errors the rule must give. \
             Requests not answered within 10 s of the last arrival count as unanswered. Each run starts its runtime \
             worker and its pools (the requests begin once they are up) and ends them all when it is over or \
             cancelled.",
    ],
};

pub const SHARDS: Words = Words {
    slug: "shards",
    title: "Shards, then sum of squares",
    summary: "Fetch 4 shards of 250,000 numbers concurrently (~50 ms, not 200), then sum their squares with rayon: 333332833333500000.",
    explanation: &[
        "A real pipeline mixes both kinds of work: first wait for data, then compute on it. Each tool goes where \
             it belongs. The four fetches are timers awaited together with join_all, so they overlap: about 50 ms, not \
             200. The numbers are then summed on the rayon pool, off the page's thread.",
        "The million numbers are not copied to the workers: every thread shares the same wasm memory, so the \
             page hands over an address and a length. The sum of squares of 0 … 999,999 is 333,332,833,333,500,000.",
        "The sum is a u64, as in the seed. Past about 3,000,000 numbers it no longer fits and wraps around, as \
             the seed's release build does without a word; here the page says so and shows the exact sum beside \
             the wrapped one (which is the exact sum modulo 2^64).",
    ],
};

pub const SLOW_HASH: Words = Words {
    slug: "slow-hash",
    title: "Offloading a slow hash",
    summary: "A 150 ms password hash while a heartbeat ticks: offloaded, the ticks stay on time; on the main thread they wait.",
    explanation: &[
        "Password hashes (bcrypt, argon2) are slow on purpose. Computed on the thread that also serves timers and \
             the page, one hash stalls everything for its whole length. The first two modes run the seed's Rust \
             slow_hash: it holds its thread for 150 ms (the seed sleeps; the browser's main thread may not, so it \
             busy-waits) and then folds the password's bytes (hash × 31 + byte).",
        "Offloaded to a web worker, as the seed does with spawn_blocking: heartbeat 1 at about 52 ms, heartbeat 2 \
             at about 104 ms, and the hash (95755137202 for \"hunter2\") at about 152 ms. On the main thread the \
             heartbeat only starts once the hash is done.",
        "The JavaScript modes run the seed's TypeScript hashPasswords for real: a SHA-256 per password, updated \
             200,000 times with it, synchronously. Browsers have no synchronous SHA-256 (crypto.subtle answers with \
             a promise), so the page carries a small one, checked against known digests. It is given the password \
             4 times by default, so the freeze outlasts a 50 ms heartbeat. On the event loop the heartbeat stalls \
             exactly as with Rust on the main thread; posted to a web worker (Node's worker_threads, in the browser) \
             it does not, and the table shows how long each crossing took.",
        "The sha2 modes do the same work in Rust with the sha2 crate, so the twins compare like with like: the same \
             digest, and how long each language took for it.",
    ],
};

pub const SPAWN_JOIN: Words = Words {
    slug: "spawn-join",
    title: "One thread, spawned and joined",
    summary: "A new thread sums a million numbers while the caller waits in join: what starting the thread costs \
              against what its work costs, and an i32 that overflows.",
    explanation: &[
        "std::thread::spawn gives a closure a thread of its own, and join waits for it to end and hands back what \
             it returned. Seed 001 does exactly that with (0..1_000_000).sum() and calls spawning expensive. Here \
             each run starts a new web worker (a browser's thread), runs the sum there and waits for the worker \
             to end; the timeline shows how long the worker took to start, to sum and to be joined, beside the \
             same sum with no thread at all.",
        "The seed's sum does not fit its i32: 0 + 1 + … + 999,999 is 499,999,500,000, and an i32 holds up to \
             2,147,483,647. Built in debug the seed's program panics (attempt to add with overflow); built in \
             release it wraps and returns 1,783,293,664. The page works out all three and says which is which.",
    ],
};

pub const SWITCH_COST: Words = Words {
    slug: "switch-cost",
    title: "Switching: futures, threads, postMessage",
    summary: "One message bounced 10,000 times between two futures on one thread, two pool threads, and the page and a \
              worker: what one round trip costs each way.",
    explanation: &[
        "Concurrency is also the cost of handing control from one party to another. Between two futures on one \
             thread that is a wake and a poll: the executor calls the other future's poll, no more. Between two \
             threads the message crosses memory both can see, but the receiver may be asleep, and waking a parked \
             thread goes through the operating system (here, Atomics.wait and Atomics.notify). Between the page and \
             a worker, each message is copied (structured clone) and queued as a task in the other side's event \
             loop.",
        "Each mode bounces one message the number of round trips asked, at 1, 10, 100, … on the way, three \
             rounds each; the chart draws one round trip's cost against the count (log scales), the table keeps \
             the median and spread at the full count. The pool mode needs two free pool threads.",
    ],
};

pub const TASK_COST: Words = Words {
    slug: "task-cost",
    title: "Tasks against threads: what each costs",
    summary: "Start and finish 100,000 async tasks, 100,000 pool jobs and 16 new web workers, and compare what one \
              of each costs.",
    explanation: &[
        "An async task is a small heap allocation (its future) and a place in a queue; running it is a function \
             call. A pool job is the same kind of allocation handed to other threads, so it also pays for waking \
             them and for the queue they share. A thread is an operating-system object with its own stack; in the \
             browser it is a web worker, a whole JavaScript realm that fetches and instantiates the module before \
             it runs a line. That is why a million tasks is fine and a million threads is not.",
        "Each mode starts its units all at once and waits for the last to finish, at 1, 10, 100, … units up to \
             the count asked, three rounds each: the chart draws the cost of one unit (the round's time over the \
             count) as the count grows, and the table keeps the median and spread at the full count. With a wait, \
             every unit also awaits a timer (tasks) or sleeps (jobs and workers): waiting tasks share one thread, \
             waiting jobs hold a pool thread each.",
        "Memory: the wasm memory only grows (freed memory is reused inside it), so its growth is what the \
             most units held at once needed; a second run of the same size should not grow it again. Chromium \
             also reports its JavaScript heap (performance.memory, coarse); Firefox does not, and the table says \
             so.",
    ],
};

pub const TIMER_VS_BUSY: Words = Words {
    slug: "timer-vs-busy",
    title: "Timer vs busy loop",
    summary: "A timer due at 50 ms, then 300 ms of busy work on the page's thread: the timer fires at about 300 ms, not 50.",
    explanation: &[
        "JavaScript, and the browser's main thread, run one thing at a time. A timer's callback is queued when \
             it is due, but it can only run when the thread is free. Here a timer is set for 50 ms and then the \
             thread busy-loops for 300 ms.",
        "The seed program, under Node: the busy loop is done at 309 ms and the timer fires at 316 ms (wanted \
             50). Run it here on the main thread and you get the same shape. Offload the busy loop to a web worker \
             and the timer fires on time.",
        "The JavaScript mode runs the seed's Node program itself, setTimeout then a while loop on the clock, in \
             this page: its timer waits for its loop exactly as Rust's does on the main thread. The stall belongs to \
             the thread, not to the language.",
    ],
};

pub const WORK_STEALING: Words = Words {
    slug: "work-stealing",
    title: "Thread per job against work stealing",
    summary: "32 uneven jobs (one in seven is 20 times longer) on a new worker each, in equal shares per pool thread, \
              and with rayon's work stealing: wall time, and how busy each thread was.",
    explanation: &[
        "Real jobs are uneven. Starting a thread for each one pays a thread's start-up per job (in the browser a \
             whole worker) and runs more threads than there are cores, so they take turns. Splitting the jobs into \
             equal shares per thread up front costs nothing to organise, but the thread whose share holds the long \
             jobs finishes last while the others sit idle. Work stealing gives each thread a queue and lets an idle \
             thread take from a busy one's, so the long jobs end up spread over the threads.",
        "The jobs are consecutive ranges of Collatz starts; job 0 and every seventh after it is long (by default: with every eighth, 32 jobs \
             would split into equal shares that each hold as many long jobs, and the static split would be even by \
             luck). The timeline \
             shows each job on the thread that ran it; the table has each thread's share of the wall time spent \
             busy. Every job's answer (the sum of its chain lengths) is added up, and the total is the same in every \
             mode.",
    ],
};

pub const YIELD_OFTEN: Words = Words {
    slug: "yield-often",
    title: "How often to yield",
    summary: "300 ms of work on the main thread in 5 ms slices: yielding between slices keeps a 50 ms heartbeat on \
              time, at a price in total time that depends on how you yield.",
    explanation: &[
        "An async task only gives its thread back at an await, so long work should be cut into slices with a \
             yield between them; seed 002's rule is an await every 10 to 100 µs. In the browser the same holds for \
             the main thread, and how you yield matters as much as how often.",
        "setTimeout(0) queues a new task, so timers, input and frames get their turn; but once timeouts are \
             nested five deep browsers clamp them to at least 4 ms, so slicing finely in JavaScript costs idle time \
             (the setTimeout mode measures a JavaScript chain of nested timeouts to show it). A MessageChannel \
             post is a task without the clamp and keeps the gaps short. scheduler.yield() is the newer way: its \
             continuation is meant to run ahead of other tasks, and in some browsers that means ahead of timers \
             too (run it in Firefox and watch the heartbeat). Awaiting an already resolved promise looks like a \
             yield but is a microtask: it runs before any timer or frame, so the heartbeat starves exactly as if \
             the work never yielded.",
        "A twist this page measured: from Rust compiled with threads, the same await is a real yield. \
             wasm-bindgen-futures' threaded executor parks a waiting future in Atomics.waitAsync, which wakes it \
             in a new task, so timers slip in at every await, and Rust's zero timeouts are never nested, so the \
             clamp never comes. The microtask mode therefore runs its loop as one JavaScript async function, where \
             the await stays a microtask; the other modes' loops are Rust.",
        "Each run measures the whole work's time (its overhead over the work itself), every gap a yield took, \
             the heartbeat's lateness and the page's frame gaps. \"Measure across sizes\" repeats every means at \
             slices of 10 µs to 100 ms, seed 002's 10 to 100 µs included: the total time and the heartbeat's worst \
             lateness against the slice, the trade-off measured. The slice knob of a single run counts whole \
             milliseconds; the sweep goes below.",
    ],
};

/// A group of experiments that teach one thing, in the order to try them.
#[derive(Debug)]
pub struct Chapter {
    pub title: &'static str,
    /// One sentence: what the chapter shows.
    pub summary: &'static str,
    /// Its experiments' slugs, in order. Slugs, not [`Words`]: the app orders its lists by
    /// these, and a reference to the words would compile every explanation into the wasm.
    pub experiments: &'static [&'static str],
}

impl Chapter {
    /// Its experiments' words, in order.
    pub fn words(&self) -> impl Iterator<Item = &'static Words> + '_ {
        self.experiments.iter().filter_map(|slug| of(slug))
    }
}

/// The catalogue's chapters, in the order they build on each other.
pub static CHAPTERS: &[Chapter] = &[
    Chapter {
        title: "Blocking and offloading",
        summary: "Work that never awaits holds its thread: on the page's main thread timers wait and the page \
                  freezes; moved to a web worker, neither happens.",
        experiments: &[TIMER_VS_BUSY.slug, HEARTBEAT.slug, SLOW_HASH.slug],
    },
    Chapter {
        title: "Async waiting",
        summary: "Waiting costs no thread: futures that await overlap their waits on one thread, as long as none \
                  of them blocks.",
        experiments: &[ASYNC_OVERLAP.slug, BLOCKING_JOIN.slug, CONNECT.slug],
    },
    Chapter {
        title: "CPU parallelism",
        summary: "Computing needs cores: only more threads make CPU-bound work faster, and rayon spreads it over a \
                  pool of web workers.",
        experiments: &[COLLATZ.slug, HEAVY.slug, PRIMES.slug],
    },
    Chapter {
        title: "Async meets threads",
        summary: "Real programs do both: await the data, hand the computing to the pool, and await its answer.",
        experiments: &[SHARDS.slug, PIPELINE.slug, POOL_TO_ASYNC.slug, REPO_PIPELINE.slug],
    },
    Chapter {
        title: "Sharing data with threads",
        summary: "Another thread cannot see this one's variables: data is copied to it, moved to it, or shared with \
                  it, and the three cost very differently.",
        experiments: &[HANDOFF.slug, SCOPED.slug],
    },
    Chapter {
        title: "Latency under load",
        summary: "What users of a service feel is its slowest answers: slow work on the thread that serves them \
                  makes everyone wait, and how often that thread is given back decides how long.",
        experiments: &[SERVICE.slug, YIELD_OFTEN.slug],
    },
    Chapter {
        title: "What concurrency costs",
        summary: "Tasks are cheap and threads are not: what starting one, switching between two and keeping a \
                  pool healthy cost, measured here.",
        experiments: &[SPAWN_JOIN.slug, TASK_COST.slug, SWITCH_COST.slug, CHANNELS.slug, POOL_HEALTH.slug, WORK_STEALING.slug],
    },
    Chapter {
        title: "Inside async",
        summary: "A future is a value that is polled: it does nothing until then, needs a waker to be polled again, \
                  and must never block the thread it shares.",
        experiments: &[HAND_FUTURE.slug, LAZINESS.slug, MUTEX_AWAIT.slug, BLOCK_ON.slug, COMPILE_ERRORS.slug],
    },
];

/// Every experiment's words, in no order (the site build's; the app never reads this
/// list, so the explanations stay out of the wasm).
static WORDS: &[&Words] = &[
    &BLOCK_ON,
    &BLOCKING_JOIN,
    &CHANNELS,
    &COLLATZ,
    &COMPILE_ERRORS,
    &CONNECT,
    &HAND_FUTURE,
    &HANDOFF,
    &HEARTBEAT,
    &HEAVY,
    &LAZINESS,
    &MUTEX_AWAIT,
    &ASYNC_OVERLAP,
    &PIPELINE,
    &POOL_HEALTH,
    &POOL_TO_ASYNC,
    &PRIMES,
    &REPO_PIPELINE,
    &SCOPED,
    &SERVICE,
    &SHARDS,
    &SLOW_HASH,
    &SPAWN_JOIN,
    &SWITCH_COST,
    &TASK_COST,
    &TIMER_VS_BUSY,
    &WORK_STEALING,
    &YIELD_OFTEN,
];

/// Every experiment's words, chapter by chapter.
pub fn all() -> impl Iterator<Item = &'static Words> {
    CHAPTERS.iter().flat_map(Chapter::words)
}

/// The words of the experiment `slug`.
pub fn of(slug: &str) -> Option<&'static Words> {
    WORDS.iter().copied().find(|w| w.slug == slug)
}
