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

/// One page of a pool's numbers, or of its toll-free numbers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PoolNumberPage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub numbers: Vec<plivo_powerpack::PoolNumber>,
}

/// One page of a pool's shortcodes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ShortcodePage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub shortcodes: Vec<plivo_powerpack::Shortcode>,
}

impl From<plivo_powerpack::ListMeta> for ListMeta {
    fn from(meta: plivo_powerpack::ListMeta) -> Self {
        ListMeta {
            limit: meta.limit.into(),
            offset: meta.offset.into(),
            total_count: meta.total_count.into(),
            next: meta.next,
            previous: meta.previous,
        }
    }
}

impl From<plivo_powerpack::PowerpackPage> for PowerpackPage {
    fn from(page: plivo_powerpack::PowerpackPage) -> Self {
        PowerpackPage { api_id: page.api_id, meta: page.meta.into(), powerpacks: page.powerpacks }
    }
}

impl From<plivo_powerpack::PoolNumberPage> for PoolNumberPage {
    fn from(page: plivo_powerpack::PoolNumberPage) -> Self {
        PoolNumberPage { api_id: page.api_id, meta: page.meta.into(), numbers: page.numbers }
    }
}

impl From<plivo_powerpack::ShortcodePage> for ShortcodePage {
    fn from(page: plivo_powerpack::ShortcodePage) -> Self {
        ShortcodePage { api_id: page.api_id, meta: page.meta.into(), shortcodes: page.shortcodes }
    }
}
