//! horizon-io's tests: one binary, one module per concern.

mod io {
    pub mod common;
    mod lists;
    mod matrix;
    mod docs;
    mod preview;
    mod roundtrip;
}
#[path = "io/export/mod.rs"]
mod export;
