//! horizon-io's tests: one binary, one module per concern.

mod io {
    pub mod common;
    mod docs;
    mod events;
    mod fixtures;
    mod fuzz_preview;
    mod lists;
    mod matrix;
    mod preview;
    mod roundtrip;
}
#[path = "io/export/mod.rs"]
mod export;
#[path = "io/fuzz_read.rs"]
mod fuzz_read;
#[path = "io/read.rs"]
mod read;
