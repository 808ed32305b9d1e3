//! A web service under load (seed 003) as plain data: the requests that arrive, the
//! answers they got, and what a person reads off them (latency percentiles per window,
//! throughput, queue depth, errors, the latency distribution).
//!
//! Arrivals are open-loop: every request's arrival time is drawn before the run from a
//! seeded Poisson process, so a slow server cannot slow its own load down, and a
//! request's latency counts from when it arrived, not from when the server got to it.

use crate::records::{Line, Plot, RunRecord};
use playground_kernels::service::{LookupError, lookup_rule};

/// The most requests one run may generate (rate × duration): enough for 30 s at
/// 600 requests a second, and few enough that the page reads every answer live.
pub const MAX_REQUESTS: usize = 20_000;
/// Users the lookups ask for are drawn from 1..=USERS. Seed 003's database knows only
/// user 1; the page's load asks for ten users, so about one lookup in ten finds its user.
pub const USERS: u32 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Answered at once.
    Hello,
    /// A CPU-heavy password hash.
    Hash,
    /// A blocking "database" lookup of a user.
    Lookup,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Hello => "hello",
            Kind::Hash => "hash",
            Kind::Lookup => "lookup",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Request {
    /// When it arrives, in ms after the service started.
    pub at_ms: f64,
    pub kind: Kind,
    /// The user a lookup asks for.
    pub user: u32,
}

/// The load: how many requests a second, for how long, which share of them is which kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Load {
    pub rate_per_s: f64,
    pub duration_ms: f64,
    /// Percent of requests that hash, and that look a user up; the rest say hello.
    pub hash_percent: u64,
    pub lookup_percent: u64,
    pub seed: u64,
}

impl Load {
    /// Why this load cannot run, in a sentence.
    pub fn check(&self) -> Result<(), String> {
        if self.hash_percent + self.lookup_percent > 100 {
            return Err(format!(
                "The hash share ({} %) and the lookup share ({} %) add up to more than 100 %.",
                self.hash_percent, self.lookup_percent
            ));
        }
        let expected = self.rate_per_s * self.duration_ms / 1e3;
        if expected > MAX_REQUESTS as f64 {
            return Err(format!(
                "{} requests a second for {:.0} s is about {expected:.0} requests; one run serves at most {MAX_REQUESTS}. \
                 Lower the rate or the duration.",
                self.rate_per_s,
                self.duration_ms / 1e3
            ));
        }
        Ok(())
    }
}

/// The requests of `load`, in order of arrival: exponential gaps between arrivals (a
/// Poisson process), each request's kind and user drawn from the same seeded generator.
pub fn arrivals(load: &Load) -> Vec<Request> {
    let mut rng = fastrand::Rng::with_seed(load.seed);
    let mut requests = Vec::new();
    let mut at_ms = 0.0;
    while requests.len() < MAX_REQUESTS && load.rate_per_s > 0.0 {
        // 1 - U is in (0, 1], so the logarithm is finite.
        at_ms += -(1.0 - rng.f64()).ln() / load.rate_per_s * 1e3;
        if at_ms >= load.duration_ms {
            break;
        }
        let roll = rng.u64(0..100);
        let kind = if roll < load.hash_percent {
            Kind::Hash
        } else if roll < load.hash_percent + load.lookup_percent {
            Kind::Lookup
        } else {
            Kind::Hello
        };
        requests.push(Request { at_ms, kind, user: rng.u32(1..=USERS) });
    }
    requests
}

/// How a request was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    NotFound,
}

impl Status {
    /// Its code on the shared board (0 means not answered yet).
    pub fn code(self) -> u32 {
        match self {
            Status::Ok => 1,
            Status::NotFound => 2,
        }
    }
    pub fn from_code(code: u32) -> Option<Status> {
        [Status::Ok, Status::NotFound].into_iter().find(|s| s.code() == code)
    }
    pub fn of<T>(result: &Result<T, LookupError>) -> Status {
        match result {
            Ok(_) => Status::Ok,
            Err(LookupError::NotFound { .. }) => Status::NotFound,
        }
    }
    pub fn is_error(self) -> bool {
        self != Status::Ok
    }
}

/// A request's answer: when it was done (ms after the service started) and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Answered {
    pub done_ms: f64,
    pub status: Status,
}

/// The errors the lookups of `requests` must give, by the database's rule: what the
/// answers are checked against, so an error lost on the way shows.
pub fn expected_errors(requests: &[Request]) -> usize {
    requests.iter().filter(|r| r.kind == Kind::Lookup && lookup_rule(r.user).is_err()).count()
}

/// Percentiles of a set of latencies (nearest rank), with their count and maximum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    pub count: usize,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Percentiles {
    pub fn of(mut samples: Vec<f64>) -> Option<Percentiles> {
        samples.retain(|s| s.is_finite());
        if samples.is_empty() {
            return None;
        }
        samples.sort_by(f64::total_cmp);
        let rank = |p: f64| samples[((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1];
        Some(Percentiles { count: samples.len(), p50: rank(0.50), p95: rank(0.95), p99: rank(0.99), max: rank(1.0) })
    }
}

/// The latencies (ms) of the answered requests of `kind`.
pub fn latencies(requests: &[Request], answers: &[Option<Answered>], kind: Kind) -> Vec<f64> {
    requests
        .iter()
        .zip(answers)
        .filter(|(r, _)| r.kind == kind)
        .filter_map(|(r, a)| a.map(|a| a.done_ms - r.at_ms))
        .collect()
}

/// How long each request of `kind` waited: until its answer, or, unanswered, at least
/// until `end_ms` (so a request never answered raises the percentiles, not lowers them).
pub fn waits(requests: &[Request], answers: &[Option<Answered>], kind: Kind, end_ms: f64) -> Vec<f64> {
    let waited = |(r, a): (&Request, &Option<Answered>)| a.map_or(end_ms, |a| a.done_ms) - r.at_ms;
    requests.iter().zip(answers).filter(|(r, _)| r.kind == kind).map(waited).collect()
}

/// Requests that had arrived by `t` and were not yet answered then.
pub fn queue_depth(requests: &[Request], answers: &[Option<Answered>], t: f64) -> usize {
    requests.iter().zip(answers).filter(|(r, a)| r.at_ms <= t && a.is_none_or(|a| a.done_ms > t)).count()
}

/// The most requests waiting at any moment: arrivals and answers swept in time order
/// (an answer at the same instant as an arrival leaves first).
pub fn deepest_queue(requests: &[Request], answers: &[Option<Answered>]) -> usize {
    let mut changes: Vec<(f64, i64)> = requests.iter().map(|r| (r.at_ms, 1)).collect();
    changes.extend(answers.iter().flatten().map(|a| (a.done_ms, -1)));
    changes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut waiting = 0i64;
    changes
        .iter()
        .map(|(_, change)| {
            waiting += change;
            waiting
        })
        .max()
        .map_or(0, |deepest| deepest.max(0) as usize)
}

/// One window of the live charts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub end_ms: f64,
    /// Hello requests answered in this window.
    pub hello: Option<Percentiles>,
    /// Requests answered per second in this window.
    pub throughput: f64,
    /// Requests waiting at the window's end.
    pub queued: usize,
    pub errors: usize,
}

/// The width of the live charts' windows: about twenty over the run, each long enough to
/// hold some fifty requests at `rate_per_s`, so its percentiles mean something.
pub fn window_ms(load: &Load) -> f64 {
    (load.duration_ms / 20.0).max(50_000.0 / load.rate_per_s.max(1.0)).clamp(250.0, 5_000.0)
}

/// The windows of `width_ms` from the start up to `now_ms` (the last one may be partial).
pub fn windows(requests: &[Request], answers: &[Option<Answered>], now_ms: f64, width_ms: f64) -> Vec<Window> {
    let count = (now_ms / width_ms).ceil().max(0.0) as usize;
    let mut hello = vec![Vec::new(); count];
    let mut answered = vec![0usize; count];
    let mut errors = vec![0usize; count];
    for (request, answer) in requests.iter().zip(answers) {
        let Some(answer) = answer else { continue };
        let i = (answer.done_ms / width_ms) as usize;
        if i >= count {
            continue;
        }
        answered[i] += 1;
        errors[i] += answer.status.is_error() as usize;
        if request.kind == Kind::Hello {
            hello[i].push(answer.done_ms - request.at_ms);
        }
    }
    hello
        .into_iter()
        .enumerate()
        .map(|(i, samples)| {
            let end_ms = ((i + 1) as f64 * width_ms).min(now_ms);
            let length_s = (end_ms - i as f64 * width_ms).max(1.0) / 1e3;
            Window {
                end_ms,
                hello: Percentiles::of(samples),
                throughput: answered[i] as f64 / length_s,
                queued: queue_depth(requests, answers, end_ms),
                errors: errors[i],
            }
        })
        .collect()
}

/// The share of samples at or below each latency: at most `points` steps, always with the largest.
pub fn cdf(mut samples: Vec<f64>, points: usize) -> Vec<(f64, f64)> {
    samples.retain(|s| s.is_finite());
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    let step = n.div_ceil(points.max(1)).max(1);
    let mut curve: Vec<(f64, f64)> =
        (step - 1..n).step_by(step).map(|i| (samples[i], (i + 1) as f64 / n as f64)).collect();
    if n > 0 && curve.last().is_none_or(|p| p.1 < 1.0) {
        curve.push((samples[n - 1], 1.0));
    }
    curve
}

/// What a run of the service comes to.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub requests: usize,
    pub answered: usize,
    pub hello: Option<Percentiles>,
    pub hash: Option<Percentiles>,
    pub lookup: Option<Percentiles>,
    pub not_found: usize,
    pub expected_errors: usize,
    pub max_queue: usize,
    /// Answers per second over the load's duration and its drain.
    pub throughput: f64,
}

impl Report {
    pub fn of(requests: &[Request], answers: &[Option<Answered>], end_ms: f64) -> Report {
        let count = |status| answers.iter().flatten().filter(|a| a.status == status).count();
        let answered = answers.iter().flatten().count();
        Report {
            requests: requests.len(),
            answered,
            hello: Percentiles::of(waits(requests, answers, Kind::Hello, end_ms)),
            hash: Percentiles::of(latencies(requests, answers, Kind::Hash)),
            lookup: Percentiles::of(latencies(requests, answers, Kind::Lookup)),
            not_found: count(Status::NotFound),
            expected_errors: expected_errors(requests),
            max_queue: deepest_queue(requests, answers),
            throughput: answered as f64 / (end_ms.max(1.0) / 1e3),
        }
    }

    pub fn unanswered(&self) -> usize {
        self.requests - self.answered
    }

    /// The run table's columns.
    pub fn figures(&self) -> Vec<(&'static str, String)> {
        let ms = |p: Option<Percentiles>, f: fn(&Percentiles) -> f64| {
            p.map_or("–".to_string(), |p| format!("{:.1} ms", f(&p)))
        };
        vec![
            ("requests", self.requests.to_string()),
            ("hello p50", ms(self.hello, |p| p.p50)),
            ("hello p95", ms(self.hello, |p| p.p95)),
            ("hello p99", ms(self.hello, |p| p.p99)),
            ("hash p50", ms(self.hash, |p| p.p50)),
            ("lookup p50", ms(self.lookup, |p| p.p50)),
            ("throughput", format!("{:.0} /s", self.throughput)),
            ("deepest queue", self.max_queue.to_string()),
            ("errors", format!("{} not found", self.not_found)),
            ("unanswered", self.unanswered().to_string()),
        ]
    }
}

/// The live charts of the windows so far: hello latency percentiles, throughput and queue depth.
pub fn window_plots(windows: &[Window]) -> Vec<Plot> {
    let seconds = |w: &Window| w.end_ms / 1e3;
    let percentile = |name: &str, f: fn(&Percentiles) -> f64| Line {
        name: name.to_string(),
        points: windows.iter().filter_map(|w| w.hello.map(|p| (seconds(w), f(&p)))).collect(),
    };
    let line = |name: &str, f: &dyn Fn(&Window) -> f64| Line {
        name: name.to_string(),
        points: windows.iter().map(|w| (seconds(w), f(w))).collect(),
    };
    vec![
        Plot::new(
            "Hello latency per window: p50, p95, p99",
            "time (s)",
            "latency (ms)",
            vec![percentile("p50", |p| p.p50), percentile("p95", |p| p.p95), percentile("p99", |p| p.p99)],
        ),
        Plot::new(
            "Throughput and queue depth per window",
            "time (s)",
            "per second / waiting",
            vec![
                line("answers per second", &|w| w.throughput),
                line("requests waiting", &|w| w.queued as f64),
                line("errors", &|w| w.errors as f64),
            ],
        ),
    ]
}

/// The distribution of every kind's latency at the end, as a cumulative curve.
pub fn distribution_plot(requests: &[Request], answers: &[Option<Answered>]) -> Plot {
    let lines = [Kind::Hello, Kind::Hash, Kind::Lookup]
        .into_iter()
        .map(|kind| Line { name: kind.name().to_string(), points: cdf(latencies(requests, answers, kind), 200) })
        .filter(|line| !line.points.is_empty())
        .collect();
    Plot::new(DISTRIBUTION, "latency (ms, log scale)", "share answered within it", lines).with_log_x()
}

const DISTRIBUTION: &str = "Latency distribution of the run (share of requests answered within a latency)";

/// Hello's latency distribution in the latest run of each mode, one line a mode, once
/// two or more modes have run: where each mode's tail is, side by side.
pub fn hello_by_mode(runs: &[RunRecord]) -> Option<Plot> {
    let mut lines: Vec<Line> = Vec::new();
    for run in runs.iter().rev() {
        let hello =
            run.plots.iter().filter(|p| p.title == DISTRIBUTION).flat_map(|p| &p.lines).find(|l| l.name == "hello");
        if let Some(hello) = hello.filter(|_| !lines.iter().any(|l| l.name == run.mode.label)) {
            lines.push(Line { name: run.mode.label.to_string(), points: hello.points.clone() });
        }
    }
    lines.reverse();
    (lines.len() >= 2).then(|| {
        let title = "Hello latency distribution per mode (latest run of each)";
        Plot::new(title, "latency (ms, log scale)", "share answered within it", lines).with_log_x()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(rate: f64, seconds: f64) -> Load {
        Load { rate_per_s: rate, duration_ms: seconds * 1e3, hash_percent: 10, lookup_percent: 20, seed: 7 }
    }

    #[test]
    fn arrivals_are_seeded_poisson_with_the_asked_shares() {
        let requests = arrivals(&load(1000.0, 10.0));
        assert_eq!(requests, arrivals(&load(1000.0, 10.0)), "the same seed, the same load");
        assert_ne!(requests, arrivals(&Load { seed: 8, ..load(1000.0, 10.0) }));
        assert!((9_500..10_500).contains(&requests.len()), "about rate × duration: {}", requests.len());
        assert!(requests.windows(2).all(|w| w[0].at_ms <= w[1].at_ms) && requests.last().unwrap().at_ms < 10_000.0);
        let share = |kind| requests.iter().filter(|r| r.kind == kind).count() as f64 / requests.len() as f64;
        assert!((share(Kind::Hash) - 0.1).abs() < 0.02 && (share(Kind::Lookup) - 0.2).abs() < 0.02);
        // Exponential gaps: their mean is 1/rate, and about 1/e of them exceed it.
        let gaps: Vec<f64> = requests.windows(2).map(|w| w[1].at_ms - w[0].at_ms).collect();
        let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
        assert!((mean - 1.0).abs() < 0.05, "mean gap {mean} ms");
        let above = gaps.iter().filter(|g| **g > 1.0).count() as f64 / gaps.len() as f64;
        assert!((above - (-1f64).exp()).abs() < 0.03, "share above the mean {above}");
        assert!(requests.iter().all(|r| (1..=USERS).contains(&r.user)));
    }

    #[test]
    fn a_load_too_big_or_over_full_is_refused_with_its_reason() {
        assert_eq!(load(100.0, 5.0).check(), Ok(()));
        assert!(load(2000.0, 30.0).check().unwrap_err().contains("at most 20000"));
        let over = Load { hash_percent: 60, lookup_percent: 50, ..load(10.0, 1.0) };
        assert!(over.check().unwrap_err().contains("more than 100 %"));
        assert!(arrivals(&Load { rate_per_s: 0.0, ..load(1.0, 1.0) }).is_empty());
        assert!(arrivals(&load(1e9, 30.0)).len() <= MAX_REQUESTS, "capped even unchecked");
    }

    #[test]
    fn windows_hold_enough_requests_for_percentiles() {
        assert_eq!(window_ms(&load(100.0, 2.0)), 500.0, "50 requests at 100 a second");
        assert_eq!(window_ms(&load(1000.0, 30.0)), 1500.0, "twenty windows over a long run");
        assert_eq!(window_ms(&load(1.0, 5.0)), 5000.0, "capped for a trickle");
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let p = Percentiles::of((1..=100).map(f64::from).collect()).unwrap();
        assert_eq!((p.count, p.p50, p.p95, p.p99, p.max), (100, 50.0, 95.0, 99.0, 100.0));
        let one = Percentiles::of(vec![3.0, f64::NAN]).unwrap();
        assert_eq!((one.count, one.p50, one.p99), (1, 3.0, 3.0));
        assert_eq!(Percentiles::of(Vec::new()), None);
    }

    fn request(at_ms: f64, kind: Kind, user: u32) -> Request {
        Request { at_ms, kind, user }
    }
    fn answer(done_ms: f64, status: Status) -> Option<Answered> {
        Some(Answered { done_ms, status })
    }

    #[test]
    fn windows_count_answers_where_they_finish_and_the_queue_at_the_end() {
        let requests = [
            request(10.0, Kind::Hello, 1),
            request(20.0, Kind::Hash, 1),
            request(30.0, Kind::Hello, 1),
            request(150.0, Kind::Lookup, 10),
            request(160.0, Kind::Hello, 1),
        ];
        let answers = [
            answer(12.0, Status::Ok),
            answer(120.0, Status::Ok),
            answer(121.0, Status::Ok),
            answer(170.0, Status::NotFound),
            None,
        ];
        let w = windows(&requests, &answers, 180.0, 100.0);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].hello.unwrap().p50, 2.0);
        assert_eq!((w[0].queued, w[0].errors, w[0].throughput), (2, 0, 10.0), "hash and hello wait at 100 ms");
        assert_eq!(w[1].hello.unwrap().max, 91.0, "the hello behind the hash");
        assert_eq!((w[1].end_ms, w[1].queued, w[1].errors), (180.0, 1, 1));
        assert!((w[1].throughput - 3.0 / 0.08).abs() < 1e-9, "a partial window's rate is over its length");
        let report = Report::of(&requests, &answers, 200.0);
        assert_eq!((report.answered, report.unanswered(), report.not_found, report.expected_errors), (4, 1, 1, 1));
        assert_eq!(report.max_queue, 2);
        let at_once = [request(0.0, Kind::Hello, 1), request(0.0, Kind::Hello, 1), request(1.0, Kind::Hello, 1)];
        let answered = [answer(1.0, Status::Ok), answer(3.0, Status::Ok), None];
        assert_eq!(deepest_queue(&at_once, &answered), 2, "the answer at 1 ms leaves as the third arrives");
        assert_eq!(deepest_queue(&at_once, &[None, None, None]), 3);
        assert_eq!(deepest_queue(&[], &[]), 0);
        assert_eq!(report.figures()[3], ("hello p99", "91.0 ms".to_string()));
        let unanswered = Report::of(&requests, &answers[..4].iter().copied().chain([None]).collect::<Vec<_>>(), 1160.0);
        assert_eq!(unanswered.hello.unwrap().max, 1000.0, "the unanswered hello counts as waiting until the end");
        assert_eq!(window_plots(&w)[0].lines[2].points, [(0.1, 2.0), (0.18, 91.0)]);
    }

    #[test]
    fn the_distribution_is_thinned_keeping_its_end() {
        let curve = cdf((1..=1000).map(f64::from).collect(), 100);
        assert_eq!(curve.len(), 100);
        assert_eq!((curve[0], *curve.last().unwrap()), ((10.0, 0.01), (1000.0, 1.0)));
        assert_eq!(cdf(vec![5.0, 1.0, 3.0], 2), [(3.0, 2.0 / 3.0), (5.0, 1.0)]);
        assert!(cdf(Vec::new(), 10).is_empty());
        let requests = [request(0.0, Kind::Hello, 1), request(0.0, Kind::Lookup, 3)];
        let plot = distribution_plot(&requests, &[answer(1.0, Status::Ok), None]);
        assert_eq!(plot.lines.len(), 1, "kinds with no answers are left out");
    }

    #[test]
    fn hello_tails_side_by_side_once_two_modes_ran() {
        use crate::catalogue::tests::{MAIN, WORKER};
        let requests = [request(0.0, Kind::Hello, 1), request(5.0, Kind::Hello, 1)];
        let with_plot = |number, mode, late: f64| {
            let mut run = crate::records::tests::run(number, mode, 1.0, 1);
            run.plots = vec![distribution_plot(&requests, &[answer(1.0, Status::Ok), answer(5.0 + late, Status::Ok)])];
            run
        };
        assert_eq!(hello_by_mode(&[with_plot(1, MAIN, 50.0)]), None, "one mode alone");
        let plot =
            hello_by_mode(&[with_plot(1, MAIN, 50.0), with_plot(2, WORKER, 2.0), with_plot(3, MAIN, 40.0)]).unwrap();
        let names: Vec<&str> = plot.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Web worker", "Main thread"]);
        assert_eq!(plot.lines[1].points.last(), Some(&(40.0, 1.0)), "the latest run of a mode");
        assert!(plot.log_x, "latencies from 0.1 to 100 ms: a log axis");
    }

    #[test]
    fn statuses_round_trip_through_their_codes() {
        for status in [Status::Ok, Status::NotFound] {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
        assert_eq!(Status::from_code(0), None);
        assert_eq!(Status::of::<()>(&Err(LookupError::NotFound { id: 3 })), Status::NotFound);
    }
}
