//! The UniFFI bindings generator, with exactly the uniffi version `bindings/ffi` is built with
//! (`cargo run --bin uniffi-bindgen --features bindgen -- generate --library ...`).

fn main() {
    uniffi::uniffi_bindgen_main()
}
