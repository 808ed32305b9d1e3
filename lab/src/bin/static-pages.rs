//! The site build's step that writes the catalogue's words into the built page
//! (Trunk's post-build hook, Trunk.toml): `static-pages DIR` fills DIR/index.html, by
//! default the directory Trunk stages its build in (TRUNK_STAGING_DIR).

use playground_lab::static_pages::{fill, inserts};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: static-pages DIR (or TRUNK_STAGING_DIR set): the built site whose index.html to fill");
        return ExitCode::FAILURE;
    };
    let path = PathBuf::from(dir).join("index.html");
    let filled = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|html| fill(&html, &inserts()).map_err(|e| format!("{}: {e}", path.display())))
        .and_then(|html| std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display())));
    match filled {
        Ok(()) => {
            println!("static pages: the catalogue's words written into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("static-pages: {message}");
            ExitCode::FAILURE
        }
    }
}
