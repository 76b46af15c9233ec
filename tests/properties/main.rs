//! Generated inputs: the model's properties over generated Unicode text, and the fuzz
//! targets' checked-in seeds and regressions.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod fuzz_regressions;
mod model;
