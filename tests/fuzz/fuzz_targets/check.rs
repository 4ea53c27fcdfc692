//! The first byte picks the file the rest replaces (meta.yml, image-list.yml, Dockerfile);
//! everything else is `tests/support/harness.rs`: every parser, the check, every renderer and
//! the report invariants.
#![no_main]

#[path = "../../support/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((&selector, input)) = data.split_first() {
        harness::run(selector, input);
    }
});
