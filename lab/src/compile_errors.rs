//! What the compiler says about the seeds' programs that do not compile: each snippet
//! in `lab/compile_fail/` with the compiler's own message beside it. The messages are
//! not written by hand: the test below compiles every snippet with today's compiler and
//! fails when its message changes (`UPDATE_COMPILE_ERRORS=1 cargo test` writes the new
//! one), so the page shows what rustc prints.

/// One card: the code, and what rustc said about it.
pub struct CompileError {
    pub file: &'static str,
    pub title: &'static str,
    /// Why it fails, in a sentence or two.
    pub lesson: &'static str,
    pub code: &'static str,
    pub message: &'static str,
}

macro_rules! card {
    ($file:literal, $title:literal, $lesson:literal) => {
        CompileError {
            file: $file,
            title: $title,
            lesson: $lesson,
            code: include_str!(concat!("../compile_fail/", $file, ".rs")),
            message: include_str!(concat!("../compile_fail/", $file, ".stderr")),
        }
    };
}

pub static COMPILE_ERRORS: &[CompileError] = &[
    card!(
        "await_outside_async",
        ".await outside async (E0728)",
        "Only an async function or block can wait: it is compiled into a state machine that can stop at the \
         await and resume later. main is plain code with no way to stop half-way, so it needs an executor to \
         run the future (block_on, or a runtime's main)."
    ),
    card!(
        "forgotten_await",
        "A forgotten .await (E0308)",
        "Calling an async function runs none of it: it returns a future, a value that will produce a u32 once \
         polled. The types say so: the future is not the number. TypeScript lets a forgotten await through \
         (the Promise is a value too); Rust's types stop it here."
    ),
    card!(
        "guard_across_await",
        "A std MutexGuard held across .await: the future is not Send",
        "A task on a multi-threaded runtime may resume on another thread, so its future must be Send. A std \
         MutexGuard must be unlocked by the thread that locked it, so it is not Send, and holding it across the \
         await puts it inside the future. Drop the guard before awaiting, or use an async mutex. The program is \
         compiled against a spawn of its own with tokio::spawn's bound (Send + 'static), not tokio itself: the \
         compiler's check is the same, and the tests need no tokio to run it."
    ),
];

#[cfg(test)]
mod tests {
    use super::COMPILE_ERRORS;
    use std::path::Path;
    use std::process::Command;

    /// What rustc prints for `file`, compiled as this toolchain compiles the app.
    fn rustc_message(file: &str) -> String {
        let out_dir = std::env::temp_dir().join(format!("compile-fail-{}", std::process::id()));
        let source = format!("compile_fail/{file}.rs");
        let output = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .args(["--edition", "2024", "--crate-type", "bin", "--emit", "metadata", "--color", "never"])
            .arg("--out-dir")
            .arg(&out_dir)
            .arg(&source)
            // From the crate's folder, so the message names the snippet by the same short path everywhere.
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("rustc runs");
        assert!(!output.status.success(), "{source} compiled, but it is here because it must not");
        String::from_utf8(output.stderr).expect("rustc prints UTF-8")
    }

    #[test]
    fn each_card_shows_what_the_compiler_prints_today() {
        for card in COMPILE_ERRORS {
            let printed = rustc_message(card.file);
            if std::env::var_os("UPDATE_COMPILE_ERRORS").is_some() {
                let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("compile_fail/{}.stderr", card.file));
                std::fs::write(path, &printed).expect("the expected message is written");
                continue;
            }
            assert_eq!(
                printed, card.message,
                "{}: rustc's message changed (UPDATE_COMPILE_ERRORS=1 to take it)",
                card.file
            );
        }
    }

    #[test]
    fn each_card_names_its_error() {
        let codes = ["E0728", "E0308", "cannot be sent between threads safely"];
        for (card, code) in COMPILE_ERRORS.iter().zip(codes) {
            assert!(card.message.contains(code), "{}: {}", card.file, card.message);
        }
    }
}
