//! The shipped rule pack is embedded with `include_dir!`, which Cargo does not
//! track: watching the folder makes an edited or added rule rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=../../rules");
}
