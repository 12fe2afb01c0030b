//! Every response decoder, on any bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plivo_powerpack::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage};

fuzz_target!(|body: &[u8]| {
    let _ = Powerpack::from_json(body);
    let _ = PowerpackPage::from_json(body);
    let _ = PoolNumber::from_json(body);
    let _ = PoolNumberPage::from_json(body);
    let _ = Shortcode::from_json(body);
    let _ = ShortcodePage::from_json(body);
    let _ = DeleteResult::from_json(body);
});
