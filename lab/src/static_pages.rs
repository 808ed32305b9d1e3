//! The catalogue's words as HTML, written into the built page by the site build (the
//! `static-pages` binary): a visitor reads the chapters, or the linked experiment's title
//! and explanation, while the wasm is still on its way. The app takes that text over from
//! the page's templates instead of carrying it in the wasm, so the markup here is the
//! markup the app shows (the class names are the style sheet's).

use crate::catalogue::lead_sentence;
use crate::what_ran::{WhatRan, what_ran};
use crate::words::{self, CHAPTERS, Words};
use std::fmt::Write;

/// The ids of the page's templates: the app reads them by these names.
pub const HOME_TEMPLATE: &str = "home-page";
pub const CHAPTERS_TEMPLATE: &str = "chapters-list";
/// The file beside index.html that holds the templates no first screen needs (what ran):
/// a first visit does not wait for them, and the app fetches them as it mounts.
pub const DETAILS_FILE: &str = "what-ran.html";
pub fn explain_template(slug: &str) -> String {
    format!("explain-{slug}")
}
pub fn explain_compact_template(slug: &str) -> String {
    format!("explain-compact-{slug}")
}
pub fn what_ran_template(slug: &str) -> String {
    format!("what-ran-{slug}")
}

/// Text made safe to put between tags or inside a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A plain link to an experiment at its defaults (the app handles clicks in place).
pub fn link_to(slug: &str) -> String {
    format!("?experiment={slug}")
}

/// What the site build writes: into index.html at its two markers, the first screen
/// (inside `#boot`) and the templates the first screen is filled from (before the script
/// that fills it); and [`DETAILS_FILE`], the templates only the app reads.
pub struct Inserts {
    pub shell: String,
    pub templates: String,
    pub details: String,
}

/// Everything the page needs of the catalogue's words.
pub fn inserts() -> Inserts {
    let mut templates = template(HOME_TEMPLATE, None, &home()) + &template(CHAPTERS_TEMPLATE, None, &chapters());
    let mut details = String::new();
    for w in words::all() {
        templates += &template(&explain_template(w.slug), Some(w.title), &explanation(w));
        templates += &template(&explain_compact_template(w.slug), None, &compact_explanation(w));
        if let Some(entry) = what_ran(w.slug) {
            details += &template(&what_ran_template(w.slug), None, &what_ran_section(entry));
        }
    }
    Inserts { shell: shell(), templates, details }
}

fn template(id: &str, title: Option<&str>, body: &str) -> String {
    let title = title.map(|t| format!(" data-title=\"{}\"", escape(t))).unwrap_or_default();
    format!("<template id=\"{id}\"{title}>{body}</template>\n")
}

/// Room for what the app adds above the words (the environment's badges and the pulse in
/// the header, the environment panel's line), kept empty, so that the words stay where
/// they are when the app takes over; the app shows the same until it mounts those parts.
pub const PLACEHOLDERS_TOP: &str = "<ul class=\"environment boot-placeholder\" aria-hidden=\"true\">\
     <li class=\"badge\"><span class=\"badge-button\"><span class=\"badge-short\">isolated</span><span class=\"badge-full\">Cross-origin isolated</span></span></li>\
     <li class=\"badge\"><span class=\"badge-button\"><span class=\"badge-short\">8 cores</span><span class=\"badge-full\">8 logical cores</span></span></li>\
     <li class=\"badge\"><span class=\"badge-button\"><span class=\"badge-short\">pool ready</span><span class=\"badge-full\">Rayon pool: 8 threads, started in 150 ms</span></span></li>\
     <li class=\"badge\"><span class=\"badge-button\"><span class=\"badge-short\">worker ready</span><span class=\"badge-full\">Compute worker: ready in 70 ms</span></span></li></ul>\
     <div class=\"pulse boot-placeholder\" aria-hidden=\"true\">\
     <div class=\"pulse-lane\"><span class=\"pulse-label\">Main thread</span><span class=\"pulse-track\"></span></div>\
     <div class=\"pulse-lane\"><span class=\"pulse-label\">Compositor</span><span class=\"pulse-track\"></span></div>\
     <div class=\"pulse-strip\"></div><span class=\"pulse-longest\">frames 0</span></div>";
pub const PLACEHOLDER_ENVIRONMENT: &str = "<details class=\"environment-panel boot-placeholder\" aria-hidden=\"true\">\
     <summary>Environment: what these results depend on</summary></details>";

/// The first screen before the app: the header, the chapters' list, and an empty main
/// that the start-up script fills with the home page or the linked experiment's words.
fn shell() -> String {
    format!(
        "<header class=\"top\"><a class=\"brand\" href=\"?\">Concurrency Playground</a>\
         <a class=\"compare-open\" href=\"?compare=1\">Compare devices</a>{PLACEHOLDERS_TOP}</header>\n\
         <div class=\"layout\">{}<main id=\"boot-page\">{PLACEHOLDER_ENVIRONMENT}</main></div>\n",
        sidebar()
    )
}

/// The list of experiments beside the page, as the app shows it (it takes [`chapters`]
/// from its template).
pub fn sidebar() -> String {
    format!(
        "<nav class=\"experiments\" aria-label=\"Experiments\"><h2>Experiments</h2><div class=\"chapter-row\">{}</div></nav>",
        chapters()
    )
}

/// The chapters and their experiments' links.
pub fn chapters() -> String {
    let mut html = String::new();
    for chapter in CHAPTERS {
        let title = escape(chapter.title);
        let _ = write!(
            html,
            "<section class=\"chapter\" aria-label=\"{title}\"><h3>{title}</h3><p class=\"chapter-summary\">{}</p><ul>",
            escape(chapter.summary)
        );
        for w in chapter.words() {
            let _ = write!(
                html,
                "<li><a href=\"{}\" data-slug=\"{}\">{}</a></li>",
                link_to(w.slug),
                w.slug,
                escape(w.title)
            );
        }
        html += "</ul></section>";
    }
    html
}

/// The home page: what the playground is, and the chapters as cards.
pub fn home() -> String {
    let mut html = String::from(
        "<section class=\"home\"><h1>See what async and threads do, measured in your browser</h1>\
         <p>Each experiment runs real Rust, compiled to WebAssembly, in this tab. Some work runs on the page's \
         main thread, the one that also draws the page; some is offloaded to web workers; some is spread over a \
         rayon thread pool made of web workers. Watch the <strong>Main thread</strong> dot of the pulse panel: \
         when it stops while the <strong>Compositor</strong> dot keeps moving, the page is frozen.</p>\
         <p>The experiments come in chapters, in the order they build on each other.</p>",
    );
    for (i, chapter) in CHAPTERS.iter().enumerate() {
        let _ = write!(
            html,
            "<section class=\"home-chapter\" data-testid=\"chapter\"><h2>{}. {}</h2><p class=\"chapter-summary\">{}</p><ul class=\"cards\">",
            i + 1,
            escape(chapter.title),
            escape(chapter.summary)
        );
        for w in chapter.words() {
            let _ = write!(
                html,
                "<li class=\"card\"><h3><a href=\"{}\" data-slug=\"{}\">{}</a></h3><p>{}</p></li>",
                link_to(w.slug),
                w.slug,
                escape(w.title),
                escape(w.summary)
            );
        }
        html += "</ul></section>";
    }
    html + "</section>"
}

/// The explanation's paragraphs (inside `<div class="explain">`).
pub fn explanation(words: &Words) -> String {
    words.explanation.iter().map(|p| format!("<p>{}</p>", escape(p))).collect()
}

/// The explanation as a phone shows it under a run link (inside `<div class="explain-compact">`):
/// the first sentence, and the rest one tap away, so the run is on the first screen.
pub fn compact_explanation(words: &Words) -> String {
    let (lead, rest) = words.explanation.first().map_or(("", ""), |p| lead_sentence(p));
    let mut html = format!("<p>{}</p><details><summary>The rest of the explanation</summary>", escape(lead));
    if !rest.is_empty() {
        let _ = write!(html, "<p>{}</p>", escape(rest));
    }
    for p in words.explanation.iter().skip(1) {
        let _ = write!(html, "<p>{}</p>", escape(p));
    }
    html + "</details>"
}

/// "What ran": the seed's program, what runs here instead and why, where the seed is
/// wrong, which figures are measured and which computed, and the seed's own words.
pub fn what_ran_section(w: &WhatRan) -> String {
    let heading = format!("{}-what-ran", w.slug);
    let mut html = format!(
        "<section class=\"what-ran\" data-testid=\"what-ran\" aria-labelledby=\"{heading}\"><h2 id=\"{heading}\">What ran</h2><dl><dt>The seed's program</dt>"
    );
    for p in w.programs {
        let _ = write!(html, "<dd>seed {} ({}): {}</dd>", p.seed.number, escape(p.seed.title), escape(p.program));
    }
    let _ = write!(
        html,
        "<dt>What runs here</dt><dd>{}</dd><dt>What differs, and why</dt><dd>{}</dd>",
        escape(w.runs_here),
        escape(w.differs)
    );
    if let Some(text) = w.seed_wrong {
        let _ = write!(
            html,
            "<dt>Where the seed is wrong</dt><dd class=\"seed-wrong\" data-testid=\"seed-wrong\">{}</dd>",
            escape(text)
        );
    }
    let _ = write!(html, "<dt>Measured</dt><dd data-testid=\"measured\">{}</dd>", escape(&w.measured.join("; ")));
    if !w.computed.is_empty() {
        let _ = write!(
            html,
            "<dt>Computed, not measured</dt><dd data-testid=\"computed\">{}</dd>",
            escape(&w.computed.join("; "))
        );
    }
    html += "</dl>";
    for q in w.quotes {
        let _ = write!(
            html,
            "<figure class=\"seed-quote\" data-testid=\"seed-quote\"><blockquote><p>“{}”</p></blockquote><figcaption>seed {}, {}</figcaption></figure>",
            escape(q.words),
            q.seed.number,
            escape(q.seed.title)
        );
    }
    html + "</section>"
}

/// Puts the inserts into a built index.html at its two markers; `Err` names a missing one.
pub fn fill(index_html: &str, inserts: &Inserts) -> Result<String, String> {
    let markers = [("<!-- static-shell -->", &inserts.shell), ("<!-- static-templates -->", &inserts.templates)];
    let mut html = index_html.to_string();
    for (marker, insert) in markers {
        if html.matches(marker).count() != 1 {
            return Err(format!("index.html must hold the marker {marker} exactly once"));
        }
        html = html.replace(marker, insert);
    }
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(escape("a < b && \"c\" > d"), "a &lt; b &amp;&amp; &quot;c&quot; &gt; d");
    }

    #[test]
    fn every_experiment_has_its_words_and_what_ran_in_the_templates() {
        let inserts = inserts();
        let all = format!("{}{}", inserts.templates, inserts.details);
        assert!(inserts.templates.contains(&format!("<template id=\"{HOME_TEMPLATE}\">")));
        assert!(inserts.templates.contains(&format!("<template id=\"{CHAPTERS_TEMPLATE}\">{}</template>", chapters())));
        for w in words::all() {
            let link = format!("<a href=\"{}\" data-slug=\"{}\">", link_to(w.slug), w.slug);
            assert_eq!(chapters().matches(&link).count(), 1, "{} listed once", w.slug);
            for id in [explain_template(w.slug), explain_compact_template(w.slug), what_ran_template(w.slug)] {
                assert_eq!(all.matches(&format!("<template id=\"{id}\"")).count(), 1, "{id}");
            }
            assert!(inserts.shell.contains(&format!("data-slug=\"{}\"", w.slug)), "{} in the sidebar", w.slug);
            // The text is there, escaped: the first words of its explanation.
            let first: String = w.explanation[0].chars().take(30).collect();
            assert!(inserts.templates.contains(&escape(&first)), "{}'s explanation", w.slug);
        }
    }

    #[test]
    fn no_text_breaks_out_of_its_element() {
        // Every '<' written is a tag of ours: the words hold none of their own.
        let inserts = inserts();
        let html = format!("{}{}{}", inserts.shell, inserts.templates, inserts.details);
        for (i, _) in html.match_indices('<') {
            let tag: String = html[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
            let name = tag.trim_start_matches('/');
            assert!(
                [
                    "template",
                    "header",
                    "nav",
                    "main",
                    "section",
                    "h1",
                    "h2",
                    "h3",
                    "p",
                    "ul",
                    "li",
                    "a",
                    "strong",
                    "div",
                    "dl",
                    "dt",
                    "dd",
                    "figure",
                    "blockquote",
                    "figcaption",
                    "details",
                    "summary",
                    "span"
                ]
                .contains(&name),
                "unexpected tag <{tag}> at {i}"
            );
        }
    }

    #[test]
    fn the_markers_are_filled_once_and_missing_ones_are_named() {
        let inserts = Inserts { shell: "S".into(), templates: "T".into(), details: "D".into() };
        let filled = fill("a<!-- static-shell -->b<!-- static-templates -->c", &inserts);
        assert_eq!(filled.unwrap(), "aSbTc");
        assert!(fill("no markers", &inserts).unwrap_err().contains("static-shell"));
    }

    #[test]
    fn the_compact_explanation_holds_every_word_of_the_whole() {
        for w in words::all() {
            let compact = compact_explanation(w);
            for p in w.explanation {
                let (lead, rest) = lead_sentence(p);
                assert!(compact.contains(&escape(lead)) && compact.contains(&escape(rest)), "{}", w.slug);
            }
        }
    }
}
