//! The fuzz targets, run by `cargo test`: every checked-in seed (`fuzz/corpus/<target>/seed-*`)
//! and every input a fuzzer once broke the model with, through the very entry points the
//! targets use (`fuzz/src/lib.rs`), which panic on any violated invariant.
//! Fuzzing itself (nightly, libFuzzer) is `scripts/fuzz.sh`.

#[path = "../../fuzz/src/lib.rs"]
mod fuzz;

use std::path::Path;

/// The checked-in seeds of a target, by name.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("seed-"))
        })
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a seed is readable");
            (path.display().to_string(), bytes)
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "{} holds no seeds", folder.display());
    seeds
}

fn run_seeds(target: &str, run: fn(&[u8])) {
    for (name, bytes) in seeds(target) {
        // Shown with the failure, if this seed panics.
        eprintln!("{name}");
        run(&bytes);
    }
}

#[test]
fn schema_seeds() {
    run_seeds("schema", fuzz::schema);
}

#[test]
fn workspace_seeds() {
    run_seeds("workspace", fuzz::workspace);
}

#[test]
fn w3c_seeds() {
    run_seeds("w3c", fuzz::w3c);
}

#[test]
fn brat_seeds() {
    run_seeds("brat", fuzz::brat);
}

#[test]
fn jsonl_seeds() {
    run_seeds("jsonl", fuzz::jsonl);
}

#[test]
fn csv_seeds() {
    run_seeds("csv", fuzz::csv);
}

#[test]
fn zip_seeds() {
    run_seeds("zip", fuzz::zip);
}

#[test]
fn anchor_seeds() {
    run_seeds("anchor", fuzz::anchor);
}

#[test]
fn files_seeds() {
    run_seeds("files", fuzz::files);
}

/// The seeds are real exports: each is read without an error by the document it was made
/// for, so the fuzzers start from inputs that reach placement.
#[test]
fn the_seeds_import_cleanly() {
    use annotator::model::formats::dispatch::{read_files, InputFile};
    let [article, unicode] = fuzz::documents();
    for (name, bytes) in seeds("files") {
        let (&choice, bytes) = bytes
            .split_first()
            .expect("a files seed has its choice byte");
        let doc = if name.contains("unicode") {
            unicode
        } else {
            article
        };
        let file = InputFile {
            name: format!(
                "seed.{}",
                fuzz::FILE_EXTENSIONS[usize::from(choice) % fuzz::FILE_EXTENSIONS.len()]
            ),
            bytes: bytes.to_vec(),
        };
        if let Err(e) = read_files(vec![file], doc) {
            panic!("{name}: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Inputs that once broke the model, each through its target's entry point (which asserts
// the invariants) and with the outcome it must have now.
// ---------------------------------------------------------------------------------------

use annotator::model::anchor::{place, Placement, Selector};
use annotator::model::formats::{plan, w3c};
use annotator::model::{CharSpan, TextIndex};
use std::time::Duration;

/// Runs `work` on its own thread and fails if it takes longer than `limit` (a regression to
/// a hang then fails the test instead of stalling the run).
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    result
        .recv_timeout(limit)
        .unwrap_or_else(|e| panic!("not done within {limit:?} ({e})"))
}

/// A W3C annotation tagged "claim" with a quote selector (and a position that is wrong).
fn w3c_quote(exact: &str, prefix: &str, suffix: &str) -> String {
    serde_json::json!({
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
        "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": 0, "end": 1},
        ]},
    })
    .to_string()
}

/// The anchor target's input: old start and length (u16, little-endian), then text, quote,
/// prefix and suffix separated by NUL.
fn anchor_input(start: u16, length: u16, parts: [&str; 4]) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(start.to_le_bytes());
    data.extend(length.to_le_bytes());
    data.extend(parts.join("\0").into_bytes());
    data
}

/// Fuzzy placement trimmed whitespace one code point at a time, so a candidate that began
/// at a space carrying a combining mark (one grapheme cluster) was cut inside the cluster:
/// a placed annotation started between U+0020 and U+0301. Now the cluster is left out whole.
#[test]
fn fuzzy_trimming_never_cuts_a_space_with_a_combining_mark() {
    let text = "The ministry said \u{301}relations are difficult now.";
    let selector = Selector {
        quote: "Rrelations are difficult",
        prefix: "The ministry said",
        suffix: " now.",
        start: 0,
        end: 24,
    };
    fuzz::anchor(&anchor_input(
        0,
        24,
        [text, selector.quote, selector.prefix, selector.suffix],
    ));
    let index = TextIndex::new(text);
    let Placement::Fuzzy(span, _) = place(&index, &selector) else {
        panic!("expected a fuzzy placement");
    };
    assert_eq!(span, CharSpan::at(19, 42));
    assert!(index.is_grapheme_boundary(span.start));
    assert_eq!(index.slice(span.start, span.end), "relations are difficult");
}

/// A 30 kB W3C file took six minutes to import (under the fuzzer's instrumentation): its
/// 30,000-character quote, whose first and last 12 characters occur in the article, was
/// compared by edit distance with every short candidate place, though no place that much
/// shorter can reach the quote minimum. Now lengths too far apart are skipped: an orphan at
/// once.
#[test]
fn a_long_quote_is_not_compared_with_places_far_shorter() {
    let file = w3c_quote(
        &format!(" that Armeni{}that Armenia", "x".repeat(30_000)),
        " Armenia",
        " Armenia ",
    );
    let reports = within(Duration::from_secs(30), move || {
        fuzz::w3c(file.as_bytes());
        fuzz::documents()
            .iter()
            .map(|doc| plan(w3c::parse(&file).unwrap(), doc).unwrap().report)
            .collect::<Vec<_>>()
    });
    for report in reports {
        assert_eq!((report.orphaned, report.fuzzy), (1, 0), "{report:?}");
    }
}

/// Context of 30,000 characters each side made every fuzzy candidate cost two edit
/// distances over the whole of it (90 s for one annotation); now only the 64 characters
/// next to the quote are compared, as the exact stage already did.
#[test]
fn a_long_context_is_compared_only_next_to_the_quote() {
    let file = w3c_quote("that Armenia!", &"q".repeat(30_000), &"z".repeat(30_000));
    let reports = within(Duration::from_secs(30), move || {
        fuzz::w3c(file.as_bytes());
        fuzz::documents()
            .iter()
            .map(|doc| plan(w3c::parse(&file).unwrap(), doc).unwrap().report)
            .collect::<Vec<_>>()
    });
    // The quote alone is close (12 of 13 characters) but the context matches nothing.
    for report in reports {
        assert_eq!(report.orphaned, 1, "{report:?}");
    }
}
