#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| annotator_fuzz::anchor(data));
