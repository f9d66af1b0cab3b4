//! horizon-io's tests: one binary, one module per concern.

#[path = "io/fuzz_read.rs"]
mod fuzz_read;
#[path = "io/read.rs"]
mod read;
