//! The auth token masked in every form a server or proxy could echo it back in.
//!
//! The token travels in one header, `Authorization: Basic base64(auth_id:token)`. A server that
//! echoes the request (a debugging proxy, a misconfigured gateway, a hostile host) can hand any
//! of these back inside an error body, and the base64 form *is* the token. [`Secrets`] holds
//! each form (the token, the standard and URL-safe base64 of `auth_id:token`, and the
//! percent-encoded spelling of each, upper- and lower-case hex) and masks them in every text
//! field of an error. [`Client::send`](crate::Client::send) masks a response body before an
//! error takes anything from it, so a cut (the 1 KiB reason, the 512 B excerpt) can never leave
//! the first characters of a token behind.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use crate::error::PowerpackError;

/// What a masked secret is replaced with.
pub const MASK: &str = "***";

/// Every echoable form of one client's credentials. Never printed.
#[derive(Clone, Default)]
pub(crate) struct Secrets {
    /// Longest first, so that a form containing another is masked whole.
    forms: Vec<String>,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secrets({} forms)", self.forms.len())
    }
}

impl Secrets {
    pub fn new(auth_id: &str, token: &str) -> Self {
        if token.is_empty() {
            return Secrets::default();
        }
        let pair = format!("{auth_id}:{token}");
        let engines = [&base64::engine::general_purpose::STANDARD, &base64::engine::general_purpose::URL_SAFE];
        // `auth_id:token` needs no form of its own: masking the token in it leaves `auth_id:***`,
        // which still says which account was refused.
        let mut plain: Vec<String> = vec![token.to_owned()];
        plain.extend(engines.iter().map(|e| e.encode(&pair)));
        let mut forms = plain.clone();
        for form in &plain {
            let upper = utf8_percent_encode(form, NON_ALPHANUMERIC).to_string();
            forms.push(lower_hex_escapes(&upper));
            forms.push(upper);
        }
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        forms.dedup();
        Secrets { forms }
    }

    /// Masks every form in `text`, in place.
    pub fn mask(&self, text: &mut String) {
        for form in &self.forms {
            if text.contains(form.as_str()) {
                *text = text.replace(form.as_str(), MASK);
            }
        }
    }

    /// The body with every form masked; borrowed as it is when none occurs. Bodies that are not
    /// UTF-8 are read lossily (errors only ever show them lossily).
    pub fn mask_body<'a>(&self, body: &'a [u8]) -> Cow<'a, [u8]> {
        let text = String::from_utf8_lossy(body);
        if !self.forms.iter().any(|form| text.contains(form.as_str())) {
            return Cow::Borrowed(body);
        }
        let mut text = text.into_owned();
        self.mask(&mut text);
        Cow::Owned(text.into_bytes())
    }

    /// The error with every form masked in every text field.
    pub fn redact(&self, e: PowerpackError) -> PowerpackError {
        if self.forms.is_empty() {
            return e;
        }
        e.map_text(|s| self.mask(s))
    }
}

/// `%2B` -> `%2b`: some encoders write lower-case hex.
fn lower_hex_escapes(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if c == '%' {
            hex_left = 2;
            out.push(c);
        } else if hex_left > 0 {
            hex_left -= 1;
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "MAODZKMDFJMJU3MTEYNG";
    const TOKEN: &str = "Zt/8+q=tok_en";

    #[test]
    fn every_form_is_masked() {
        let secrets = Secrets::new(ID, TOKEN);
        let pair = format!("{ID}:{TOKEN}");
        let b64 = base64::engine::general_purpose::STANDARD.encode(&pair);
        let b64_url = base64::engine::general_purpose::URL_SAFE.encode(&pair);
        let encoded = utf8_percent_encode(TOKEN, NON_ALPHANUMERIC).to_string();
        let encoded_b64 = utf8_percent_encode(&b64, NON_ALPHANUMERIC).to_string();
        for echoed in [
            TOKEN.to_owned(),
            pair.clone(),
            format!("Basic {b64}"),
            b64_url.clone(),
            encoded.clone(),
            lower_hex_escapes(&encoded),
            encoded_b64.clone(),
            lower_hex_escapes(&encoded_b64),
        ] {
            let mut text = format!("seen: {echoed} (end)");
            secrets.mask(&mut text);
            for secret in [TOKEN, &b64, &b64_url, &encoded, &encoded_b64] {
                assert!(!text.contains(secret), "{echoed} left {secret} in {text}");
            }
            assert!(text.contains(MASK), "{text}");
        }
    }

    #[test]
    fn a_body_without_secrets_is_not_copied() {
        let secrets = Secrets::new(ID, TOKEN);
        assert!(matches!(secrets.mask_body(b"{\"error\": \"nope\"}"), Cow::Borrowed(_)));
        assert_eq!(&*secrets.mask_body(format!("x{TOKEN}y").as_bytes()), b"x***y");
    }

    #[test]
    fn debug_shows_no_form() {
        let text = format!("{:?}", Secrets::new(ID, TOKEN));
        assert!(!text.contains("tok_en"), "{text}");
    }
}
