//! Local validation of any uuid, number, shortcode and name: never a panic, and anything it
//! accepts as a path segment holds none of the characters it documents as refused.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if plivo_powerpack::__fuzz::path_segment(text) {
        assert!(!text
            .chars()
            .any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control()));
    }
    let _ = plivo_powerpack::__fuzz::phone_number(text);
    let _ = plivo_powerpack::__fuzz::shortcode(text);
    let _ = plivo_powerpack::UpdatePowerpack::new().name(text).validate();
});
