//! The site build's step that writes the catalogue's words into the built page
//! (Trunk's post-build hook, Trunk.toml): `static-pages DIR` fills DIR/index.html and
//! writes DIR/what-ran.html beside it, by default in the directory Trunk stages its build
//! in (TRUNK_STAGING_DIR).

use playground_lab::static_pages::{DETAILS_FILE, fill, inserts};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: static-pages DIR (or TRUNK_STAGING_DIR set): the built site whose index.html to fill");
        return ExitCode::FAILURE;
    };
    let dir = PathBuf::from(dir);
    let (path, details) = (dir.join("index.html"), dir.join(DETAILS_FILE));
    let inserts = inserts();
    let write = |path: &PathBuf, text: String| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let filled = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|html| fill(&html, &inserts).map_err(|e| format!("{}: {e}", path.display())))
        .and_then(|html| write(&path, html))
        .and_then(|()| write(&details, inserts.details));
    match filled {
        Ok(()) => {
            println!("static pages: the catalogue's words written into {} and {}", path.display(), details.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("static-pages: {message}");
            ExitCode::FAILURE
        }
    }
}
