//! The error envelope of any status and body: never a panic, and a bounded reason.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, &[u8])| {
    let (status, body) = input;
    let e = plivo_powerpack::__fuzz::error_from_response(status % 600, body);
    assert!(e.to_string().len() < 4096);
});
