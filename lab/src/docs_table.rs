//! Reads the table of experiments in `docs/experiments.md`, so a test can hold it to the
//! catalogue: a chapter row is `| **Title**: summary | | … |`, an experiment row is
//! `| Title | `?experiment=slug` | `mode` / `mode` | … |`. Anything else is prose.

/// A chapter of the table, with its experiments in order.
#[derive(Debug, PartialEq, Eq)]
pub struct DocChapter {
    pub title: String,
    pub summary: String,
    pub experiments: Vec<DocExperiment>,
}

/// An experiment's row: what the catalogue must say of it.
#[derive(Debug, PartialEq, Eq)]
pub struct DocExperiment {
    pub title: String,
    pub slug: String,
    pub modes: Vec<String>,
}

/// The chapters of every table row in `markdown`, or the first row that fits neither form.
pub fn read(markdown: &str) -> Result<Vec<DocChapter>, String> {
    let mut chapters: Vec<DocChapter> = Vec::new();
    for line in markdown.lines().map(str::trim).filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let first = cells[0];
        if first.starts_with("---") || first == "Experiment" {
            continue;
        }
        if let Some(rest) = first.strip_prefix("**") {
            let (title, summary) = rest.split_once("**").ok_or_else(|| format!("unclosed chapter title: {line}"))?;
            let summary = summary.trim_start_matches(':').trim();
            chapters.push(DocChapter { title: title.into(), summary: summary.into(), experiments: Vec::new() });
            continue;
        }
        let chapter = chapters.last_mut().ok_or_else(|| format!("an experiment before any chapter: {line}"))?;
        let slug = cells
            .get(1)
            .and_then(|c| c.strip_prefix("`?experiment=")?.strip_suffix('`'))
            .ok_or_else(|| format!("no `?experiment=slug` in the second cell: {line}"))?;
        let modes = cells
            .get(2)
            .ok_or_else(|| format!("no modes cell: {line}"))?
            .split(" / ")
            .map(|m| m.trim().strip_prefix('`').and_then(|m| m.strip_suffix('`')).map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("modes are not `id` / `id`: {line}"))?;
        chapter.experiments.push(DocExperiment { title: first.into(), slug: slug.into(), modes });
    }
    Ok(chapters)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Intro.\n\n| Experiment | Link | Modes | What it shows | The seed's result |\n|---|---|---|---|---|\n\
        | **Blocking**: work that never awaits. | | | | |\n\
        | Timer vs busy loop | `?experiment=timer-vs-busy` | `main-thread` / `worker` / `js` | a timer | 316 ms |\n\
        | Heartbeat | `?experiment=heartbeat` | `main-thread` / `worker` | ticks | late |\n\n\
        | **Async waiting**: waiting costs no thread. | | | | |\n\
        | Compiler | `?experiment=compile-errors` | `cards` | cards | |\n";

    #[test]
    fn reads_chapters_experiments_and_modes_in_order() {
        let chapters = read(SAMPLE).unwrap();
        assert_eq!(chapters.len(), 2);
        assert_eq!((chapters[0].title.as_str(), chapters[0].summary.as_str()), ("Blocking", "work that never awaits."));
        let slugs: Vec<&str> = chapters[0].experiments.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["timer-vs-busy", "heartbeat"]);
        assert_eq!(chapters[0].experiments[0].modes, ["main-thread", "worker", "js"]);
        assert_eq!(chapters[1].experiments[0].title, "Compiler");
        assert_eq!(chapters[1].experiments[0].modes, ["cards"]);
    }

    #[test]
    fn a_row_that_fits_no_form_is_named() {
        let no_link = "| **C**: s | | |\n| Title | slug | `a` |\n";
        assert!(read(no_link).unwrap_err().contains("| Title | slug |"));
        let bare_mode = "| **C**: s | | |\n| Title | `?experiment=x` | a / `b` |\n";
        assert!(read(bare_mode).unwrap_err().contains("modes are not"));
        assert!(read("| Title | `?experiment=x` | `a` |\n").unwrap_err().contains("before any chapter"));
    }
}
