//! List pages with signed counts: Kotlin's unsigned types cannot be read from Java.

/// Paging information of a list response.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ListMeta {
    pub limit: i64,
    pub offset: i64,
    pub total_count: i64,
    /// Plivo's `next` link; often absent or unusable. Page with `offset`.
    pub next: Option<String>,
    pub previous: Option<String>,
}

/// One page of Powerpacks.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PowerpackPage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub powerpacks: Vec<plivo_powerpack::Powerpack>,
}

impl From<plivo_powerpack::PowerpackPage> for PowerpackPage {
    fn from(page: plivo_powerpack::PowerpackPage) -> Self {
        let meta = page.meta;
        PowerpackPage {
            api_id: page.api_id,
            meta: ListMeta {
                limit: meta.limit.into(),
                offset: meta.offset.into(),
                total_count: meta.total_count.into(),
                next: meta.next,
                previous: meta.previous,
            },
            powerpacks: page.powerpacks,
        }
    }
}
