//! Never built by this project's own scripts: its presence tells maturin (1.16) that this
//! package's bindings are generated with `cargo run --bin uniffi-bindgen --features bindgen` in
//! the workspace root, which runs the root package's identical generator (`src/bin/`), in the
//! repository and in the sdist alike. Without it, maturin runs the command against this
//! package's manifest, which fails inside the sdist.

fn main() {
    uniffi::uniffi_bindgen_main()
}
