//! Writes a generated library of news articles as a workspace file, the format of the app's
//! "Download workspace" (Import… or dropping the file on the page reads it back):
//!
//!     cargo run --release --example generate_library -- OUT.json [--count 1000] [--seed N]
//!
//! Each article has 2–5 KB of English prose, a publication date between March 2024 and
//! February 2025 and 50 annotations (actors with entity names shared across articles, claims
//! linked to their sources, dates and targets, dates the normaliser reads). The same count and
//! seed give the same file, byte for byte. See `annotator::model::synthetic::library`.

use annotator::model::library::parse_workspace;
use annotator::model::synthetic::library::generate;
use annotator::model::Label;
use std::process::ExitCode;

const USAGE: &str = "usage: generate_library OUT.json [--count 1000] [--seed N]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut out, mut count, mut seed) = (None, 1000usize, 14u64);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Option<u64> {
            let value = args.next().and_then(|v| v.parse().ok());
            if value.is_none() {
                eprintln!("{name} needs a whole number\n{USAGE}");
            }
            value
        };
        match arg.as_str() {
            "--count" => match number("--count") {
                Some(n) => count = n as usize,
                None => return ExitCode::FAILURE,
            },
            "--seed" => match number("--seed") {
                Some(n) => seed = n,
                None => return ExitCode::FAILURE,
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if out.is_none() && !arg.starts_with("--") => out = Some(arg),
            _ => {
                eprintln!("unexpected argument “{arg}”\n{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let library = generate(count, seed);
    let json = library.to_workspace_json();
    if let Err(e) = std::fs::write(&out, &json) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    let counts = Label::ALL.map(|label| {
        library
            .documents
            .iter()
            .flat_map(|d| &d.content.annotations)
            .filter(|a| a.label == label)
            .count()
    });
    let links: usize = library
        .documents
        .iter()
        .map(|d| d.content.relations.len())
        .sum();
    let text_bytes: usize = library
        .documents
        .iter()
        .map(|d| d.document.index.text().len())
        .sum();
    println!(
        "{out}: {} bytes ({:.1} MB), {} documents ({} KB of text), {} actors, {} claims, {} dates, {} links (seed {seed})",
        json.len(),
        json.len() as f64 / 1_000_000.0,
        library.documents.len(),
        text_bytes / 1024,
        counts[0],
        counts[1],
        counts[2],
        links,
    );
    // The app's own reader must take it; say so now rather than at import.
    if let Err(e) = parse_workspace(&json) {
        eprintln!("the app's workspace reader refuses the file: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
