//! Local checks shared by the client and the parameter types. Each returns a
//! [`PowerpackError::Validation`] naming the field, before anything is sent.

use crate::error::PowerpackError;

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
        return Err(PowerpackError::validation(
            "auth_token",
            "must not contain whitespace or control characters",
        ));
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
    if let Some(c) = value
        .chars()
        .find(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control())
    {
        return Err(PowerpackError::validation(
            field,
            format!("must not contain {}", describe_char(c)),
        ));
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
        return Err(PowerpackError::validation(
            "name",
            format!("must be at most {MAX_NAME_CHARS} characters"),
        ));
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
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| {
            g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit())
        });
    if ok {
        Ok(())
    } else {
        Err(PowerpackError::validation(field, "must be a UUID such as 0166c910-1268-47c7-bf30-f5809ee843b9"))
    }
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
        for bad in ["", "MA123", "XA123456789012345678", "MA12345678901234567a", "MA1234567890123456789", "ma123456789012345678"] {
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
    fn uuid_shape_is_checked() {
        uuid_shape("f", "0166c910-1268-47c7-bf30-f5809ee843b9").unwrap();
        assert!(uuid_shape("f", "0166c910-1268-47c7-bf30-f5809ee843b").is_err());
        assert!(uuid_shape("f", "0166c910126847c7bf30f5809ee843b9").is_err());
    }
}
