//! Local checks shared by the client and the parameter types. Each returns a
//! [`PowerpackError::Validation`] naming the field, before anything is sent.

use crate::error::PowerpackError;

/// The largest page the list endpoints serve.
pub const MAX_PAGE_SIZE: u32 = 20;

/// Longest name accepted; Plivo documents none, this only stops accidents.
pub const MAX_NAME_CHARS: usize = 255;

/// An auth_id is 20 characters: `MA` (account) or `SA` (sub-account) followed
/// by 18 upper-case letters or digits. This is what Plivo's own Python, Ruby
/// and Java SDKs check; [`ClientBuilder::skip_auth_id_check`](crate::ClientBuilder::skip_auth_id_check)
/// turns it off.
pub fn auth_id(id: &str) -> Result<(), PowerpackError> {
    let ok = id.len() == 20
        && (id.starts_with("MA") || id.starts_with("SA"))
        && id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(PowerpackError::validation(
            "auth_id",
            "must be 20 characters: MA or SA followed by 18 upper-case letters or digits",
        ))
    }
}

/// The auth token must be present and printable; its value is never echoed.
pub fn auth_token(token: &str) -> Result<(), PowerpackError> {
    if token.is_empty() {
        return Err(PowerpackError::validation("auth_token", "must not be empty"));
    }
    if token.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(PowerpackError::validation("auth_token", "must not contain whitespace or control characters"));
    }
    Ok(())
}

/// A value placed in a URL path segment (a Powerpack uuid). Anything that
/// could change which URL is requested is refused rather than escaped: the
/// caller must never reach a path they did not mean.
pub fn path_segment(field: &str, value: &str) -> Result<(), PowerpackError> {
    if value.is_empty() {
        return Err(PowerpackError::validation(field, "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(PowerpackError::validation(field, "must not be a relative path"));
    }
    if let Some(c) =
        value.chars().find(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control())
    {
        return Err(PowerpackError::validation(field, format!("must not contain {}", describe_char(c))));
    }
    Ok(())
}

fn describe_char(c: char) -> String {
    if c.is_whitespace() {
        "whitespace".to_owned()
    } else if c.is_control() {
        "control characters".to_owned()
    } else {
        format!("'{c}'")
    }
}

/// A Powerpack name: not blank, not absurdly long, no control characters.
pub fn name(name: &str) -> Result<(), PowerpackError> {
    if name.trim().is_empty() {
        return Err(PowerpackError::validation("name", "must not be empty or only whitespace"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(PowerpackError::validation("name", format!("must be at most {MAX_NAME_CHARS} characters")));
    }
    if name.chars().any(char::is_control) {
        return Err(PowerpackError::validation("name", "must not contain control characters"));
    }
    Ok(())
}

/// An application or PHLO id to attach. `none` is refused here because
/// detaching has its own, explicit variant.
pub fn application_id(field: &str, id: &str) -> Result<(), PowerpackError> {
    if id.trim().is_empty() {
        return Err(PowerpackError::validation(field, "must not be empty"));
    }
    if id.eq_ignore_ascii_case("none") {
        return Err(PowerpackError::validation(
            field,
            "\"none\" is not an id: use Application::Detach to detach the application",
        ));
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(PowerpackError::validation(field, "must not contain whitespace or control characters"));
    }
    Ok(())
}

/// A canonical UUID: 8-4-4-4-12 hexadecimal digits.
pub fn uuid_shape(field: &str, id: &str) -> Result<(), PowerpackError> {
    let groups: Vec<&str> = id.split('-').collect();
    let ok = groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(())
    } else {
        Err(PowerpackError::validation(field, "must be a UUID such as 0166c910-1268-47c7-bf30-f5809ee843b9"))
    }
}

/// A phone number as the number-pool paths take it: E.164 digits without `+`
/// (7 to 15 digits, no leading 0), e.g. `14155550100`.
pub fn phone_number(field: &str, number: &str) -> Result<(), PowerpackError> {
    if let Some(rest) = number.strip_prefix('+') {
        return Err(PowerpackError::validation(
            field,
            format!("must be E.164 digits without '+': write {rest:?}, not {number:?}"),
        ));
    }
    let digits_ok = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok || !(7..=15).contains(&number.len()) || number.starts_with('0') {
        return Err(PowerpackError::validation(
            field,
            "must be a number in E.164 form without '+': 7 to 15 digits, not starting with 0, e.g. 14155550100",
        ));
    }
    Ok(())
}

/// A shortcode: 3 to 8 digits.
pub fn shortcode(field: &str, code: &str) -> Result<(), PowerpackError> {
    if code.is_empty() || code.len() > 8 || code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PowerpackError::validation(field, "must be a shortcode of 3 to 8 digits, e.g. 444444"));
    }
    Ok(())
}

/// An ISO 3166-1 alpha-2 country code, upper case (`US`).
pub fn country_iso2(field: &str, iso: &str) -> Result<(), PowerpackError> {
    if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(PowerpackError::validation(
            field,
            format!("must be two upper-case letters (ISO 3166-1 alpha-2), got {iso:?}"),
        ));
    }
    Ok(())
}

/// A page size for the list endpoints: 1 to 20.
pub fn page_limit(limit: u32) -> Result<(), PowerpackError> {
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(PowerpackError::validation(
            "limit",
            format!("must be between 1 and {}, got {limit}", MAX_PAGE_SIZE),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_ids_of_accounts_and_sub_accounts_pass() {
        auth_id("MAODZKMDFJMJU3MTEYNG").unwrap();
        auth_id("SA123456789012345678").unwrap();
    }

    #[test]
    fn malformed_auth_ids_fail() {
        for bad in [
            "",
            "MA123",
            "XA123456789012345678",
            "MA12345678901234567a",
            "MA1234567890123456789",
            "ma123456789012345678",
        ] {
            assert!(auth_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn path_segments_that_could_change_the_url_are_refused() {
        for bad in ["", ".", "..", "a/b", "a?b", "a#b", "a%2F", "a b", "a\nb", "a\u{0}b", "a\\b", " uuid"] {
            let err = path_segment("uuid", bad).unwrap_err();
            assert!(matches!(err, PowerpackError::Validation { ref field, .. } if field == "uuid"), "{bad:?}");
        }
        path_segment("uuid", "86bbb125-97bb-4d72-89fd-81d5c515b015").unwrap();
    }

    #[test]
    fn names_are_checked() {
        name("support line").unwrap();
        assert!(name(" ").is_err());
        assert!(name(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(name("a\u{7}").is_err());
    }

    #[test]
    fn phone_numbers_are_e164_digits_without_plus() {
        for good in ["14155550100", "918031274121", "6834002", "123456789012345"] {
            phone_number("number", good).unwrap_or_else(|e| panic!("{good}: {e}"));
        }
        for bad in [
            "",
            "+14155550100",
            "1415555010a",
            "141555",
            "1234567890123456",
            "04155550100",
            "1415 555 0100",
            "1415-555",
        ] {
            let err = phone_number("number", bad).unwrap_err();
            assert!(matches!(err, PowerpackError::Validation { ref field, .. } if field == "number"), "{bad:?}");
        }
        let plus = phone_number("number", "+14155550100").unwrap_err().to_string();
        assert!(plus.contains("\"14155550100\""), "the message shows the fix: {plus}");
    }

    #[test]
    fn shortcodes_are_three_to_eight_digits() {
        for good in ["444", "444444", "12345678"] {
            shortcode("shortcode", good).unwrap();
        }
        for bad in ["", "44", "123456789", "44a444", "+44444"] {
            assert!(shortcode("shortcode", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn country_codes_are_two_upper_case_letters() {
        country_iso2("country_iso2", "US").unwrap();
        for bad in ["", "us", "USA", "U1", "É"] {
            assert!(country_iso2("country_iso2", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn page_limits_are_one_to_twenty() {
        page_limit(1).unwrap();
        page_limit(20).unwrap();
        assert!(page_limit(0).is_err());
        assert!(page_limit(21).is_err());
    }

    #[test]
    fn uuid_shape_is_checked() {
        uuid_shape("f", "0166c910-1268-47c7-bf30-f5809ee843b9").unwrap();
        assert!(uuid_shape("f", "0166c910-1268-47c7-bf30-f5809ee843b").is_err());
        assert!(uuid_shape("f", "0166c910126847c7bf30f5809ee843b9").is_err());
    }
}
