//! horizon-io's tests: one binary, one module per concern.
