//! Writes every export format of the test samples into a folder, for readers outside this
//! app to check (`tests/interop/check.mjs`: W3C schemas, offsets by code points).
//!
//!     cargo run --example interop_samples -- target/interop

#[path = "../tests/support/mod.rs"]
mod support;

use annotator::model::formats::dispatch::{export, ExportFormat};
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/interop".to_owned()),
    );
    for (name, (doc, store)) in [
        ("article", support::article_sample()),
        ("unicode", support::unicode_sample()),
    ] {
        let folder = out.join(name);
        std::fs::create_dir_all(&folder).expect("the output folder can be created");
        for format in ExportFormat::ALL {
            let file = export(format, &doc, store.content());
            std::fs::write(folder.join(&file.name), &file.bytes).expect("the export is written");
        }
        println!("{}: {} annotations", folder.display(), store.len());
    }
}
