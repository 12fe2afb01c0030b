//! Every response decoder, on any bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| plivo_powerpack::__fuzz::decode_all(body));
