//! The model must stay pure Rust: no browser crates. This test fails the suite if a file in
//! src/model names one, so the boundary holds even inside a single crate.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "web_sys",
    "js_sys",
    "gloo",
    "yew",
    "wasm_bindgen",
    "crate::bridge",
    "crate::ui",
];

fn visit(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("src/model is readable") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for word in FORBIDDEN {
                    if code.contains(word) {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
}

#[test]
fn model_uses_no_browser_crates() {
    let mut found = Vec::new();
    visit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "src/model must stay pure:\n{}",
        found.join("\n")
    );
    // The scan itself must see the model, or it proves nothing.
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/model/text.rs")
        .exists());
}
