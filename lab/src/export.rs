//! The downloads: every run of an experiment with its parameters and the environment
//! the numbers depend on, as JSON (everything, events and chunks included) or CSV
//! (one row per run). The page only hands the text to the browser as a file.

use crate::environment::{Environment, Readiness};
use crate::knobs::Value;
use crate::records::RunRecord;
use crate::shared_result::SharedResult;
use serde_json::{Value as Json, json};

fn environment_json(env: &Environment, pool: &Readiness) -> Json {
    let pool = match pool {
        Readiness::Ready { threads, start_ms } => json!({ "threads": threads, "start_ms": start_ms }),
        Readiness::Starting => json!("starting"),
        Readiness::Failed(why) => json!({ "failed": why }),
    };
    json!({
        "user_agent": env.user_agent,
        "browser": env.browser,
        "timer_resolution_ms": env.timer_resolution_ms,
        "hardware_concurrency": env.hardware_concurrency,
        "cross_origin_isolated": env.cross_origin_isolated,
        "optimised_build": env.optimised_build,
        "pool": pool,
    })
}

fn run_json(run: &RunRecord) -> Json {
    let params: serde_json::Map<String, Json> = run
        .values
        .0
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Value::Whole(n) => json!(n),
                Value::Text(t) => json!(t),
            };
            (k.to_string(), value)
        })
        .collect();
    let figures: serde_json::Map<String, Json> =
        run.outcome.figures.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    json!({
        "number": run.number,
        "mode": run.mode.id,
        "parameters": params,
        "result": run.outcome.result,
        "matches_seed": run.outcome.matches_seed,
        "threads": run.outcome.threads,
        "compute_ms": run.outcome.compute_ms,
        "headline": run.outcome.headline.map(|(name, ms)| json!({ "name": name, "ms": ms })),
        "wall_ms": run.wall_ms,
        "longest_frame_gap_ms": run.frame_gap_ms,
        "began_ms": run.began_ms,
        "hidden": run.hidden,
        "page_drawing_ms": run.drawing_ms,
        "long_tasks": run.long_tasks.as_ref().map(|tasks| tasks.iter().map(|(start, d)| json!({ "start_ms": start, "duration_ms": d })).collect::<Vec<_>>()),
        "figures": figures,
        "events": run.events.iter().map(|e| json!({
            "lane": e.lane, "label": e.label, "start_ms": e.start, "end_ms": e.end, "due_ms": e.due,
        })).collect::<Vec<_>>(),
        "chunks": run.spans.iter().map(|s| json!({
            "index": s.index, "thread": s.thread, "start_ms": s.start_ms, "end_ms": s.end_ms,
        })).collect::<Vec<_>>(),
        "plots": run.plots.iter().map(|p| json!({
            "title": p.title, "x": p.x_name, "y": p.y_name, "log_x": p.log_x, "log_y": p.log_y,
            "lines": p.lines.iter().map(|l| json!({ "name": l.name, "points": l.points })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The JSON download: `{experiment, environment, shared, runs}`, pretty-printed.
/// `shared` is the figures a results link carries, so the Compare view reads the file.
pub fn runs_json(
    slug: &str,
    runs: &[RunRecord],
    env: &Environment,
    pool: &Readiness,
    shared: Option<&SharedResult>,
) -> String {
    let document = json!({
        "experiment": slug,
        "environment": environment_json(env, pool),
        "shared": shared,
        "runs": runs.iter().map(run_json).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

pub const CSV_HEADER: &str = "experiment,number,mode,parameters,result,matches_seed,threads,compute_ms,wall_ms,longest_frame_gap_ms,hardware_concurrency,pool_threads,cross_origin_isolated,user_agent";

/// Quotes a CSV field when it must be (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The CSV download: a header line, then one line per run.
pub fn runs_csv(slug: &str, runs: &[RunRecord], env: &Environment, pool: &Readiness) -> String {
    let pool = match pool {
        Readiness::Ready { threads, .. } => threads.to_string(),
        _ => String::new(),
    };
    let mut lines = vec![CSV_HEADER.to_string()];
    for r in runs {
        let fields = [
            slug.to_string(),
            r.number.to_string(),
            r.mode.id.to_string(),
            r.values.display(),
            r.outcome.result.clone(),
            r.outcome.matches_seed.map(|m| m.to_string()).unwrap_or_default(),
            r.outcome.threads.to_string(),
            r.outcome.compute_ms.map(|c| format!("{c:.3}")).unwrap_or_default(),
            format!("{:.3}", r.wall_ms),
            r.frame_gap_ms.map(|g| format!("{g:.1}")).unwrap_or_default(),
            env.hardware_concurrency.to_string(),
            pool.clone(),
            env.cross_origin_isolated.to_string(),
            env.user_agent.clone(),
        ];
        lines.push(fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{POOL, WORKER};
    use crate::environment::tests::chromium;
    use crate::records::Event;
    use crate::records::tests::run;
    use playground_kernels::probe::ChunkSpan;

    fn two_runs() -> Vec<RunRecord> {
        let mut pool = run(2, POOL, 100.0, 2);
        pool.events.push(Event::tick("Heartbeat", "heartbeat 1", 50.0, 52.5));
        pool.spans.push(ChunkSpan { index: 0, thread: 1, start_ms: 1.0, end_ms: 3.0 });
        pool.outcome.figures.push(("start", "837799".into()));
        pool.outcome.matches_seed = Some(true);
        vec![run(1, WORKER, 200.0, 1), pool]
    }

    #[test]
    fn json_has_the_environment_and_every_run_whole() {
        let ready = Readiness::Ready { threads: 2, start_ms: 150.0 };
        let doc: Json = serde_json::from_str(&runs_json("collatz", &two_runs(), &chromium(), &ready, None)).unwrap();
        assert_eq!(doc["experiment"], "collatz");
        assert_eq!(doc["environment"]["hardware_concurrency"], 2);
        assert_eq!(doc["environment"]["optimised_build"], true);
        assert_eq!(doc["environment"]["pool"], json!({ "threads": 2, "start_ms": 150.0 }));
        let runs = doc["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[1]["mode"], "pool");
        assert_eq!(runs[1]["parameters"]["n"], 1_000_000, "numbers stay numbers");
        assert_eq!(runs[1]["matches_seed"], true);
        assert_eq!(runs[0]["matches_seed"], Json::Null);
        assert_eq!(runs[1]["figures"]["start"], "837799");
        assert_eq!(runs[1]["events"][0]["due_ms"], 50.0);
        assert_eq!(runs[1]["chunks"][0], json!({ "index": 0, "thread": 1, "start_ms": 1.0, "end_ms": 3.0 }));
        let failed: Json =
            serde_json::from_str(&runs_json("x", &[], &chromium(), &Readiness::Failed("no".into()), None)).unwrap();
        assert_eq!(failed["environment"]["pool"]["failed"], "no");
        assert_eq!(failed["runs"], json!([]));
        assert_eq!(failed["shared"], Json::Null, "no runs, nothing to compare");
        let shared = crate::shared_result::tests::sample();
        let with_shared = runs_json("collatz", &two_runs(), &chromium(), &ready, Some(&shared));
        let read = crate::comparison::read_file("runs.json", &with_shared, &crate::catalogue::tests::find);
        assert_eq!(read.items[0].result, shared, "the Compare view reads the download");
    }

    #[test]
    fn csv_has_a_header_and_a_line_per_run() {
        let text = runs_csv("collatz", &two_runs(), &chromium(), &Readiness::Ready { threads: 2, start_ms: 1.0 });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], CSV_HEADER);
        assert!(
            lines[2]
                .starts_with("collatz,2,pool,n=1000000,\"837,799 (524 steps)\",true,2,100.000,105.000,17.0,2,2,true,")
        );
        // The user agent has commas: quoted.
        assert!(lines[1].ends_with(&format!("\"{}\"", chromium().user_agent)));
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn csv_quotes_what_must_be_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        let mut text_knob = run(1, WORKER, 1.0, 1);
        text_knob.values = crate::knobs::Values(vec![("password", Value::Text("a\"b".into()))]);
        let csv = runs_csv("slow-hash", &[text_knob], &chromium(), &Readiness::Starting);
        assert!(csv.lines().nth(1).unwrap().contains(r#""password=""a\""b"""#), "{csv}");
    }
}
