//! horizon-io's tests: one binary, one module per concern.
#[path = "io/export/mod.rs"]
mod export;
