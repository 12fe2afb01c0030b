//! Retry-After values and timestamps of any text: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = plivo_powerpack::__fuzz::retry_after(text);
    let _ = plivo_powerpack::__fuzz::timestamp(text);
});
