//! What the sandbox received, for tests that assert requests, retries and
//! their spacing. Credentials are never recorded: the Authorization header is
//! reduced to the auth_id it names.

use std::collections::VecDeque;

use serde::Serialize;

/// The most entries kept; older ones are dropped first.
pub const JOURNAL_CAPACITY: usize = 50_000;

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Position since the sandbox started or was reset, from 0.
    pub seq: u64,
    /// Milliseconds since the sandbox started (monotonic), with fractions.
    pub at_ms: f64,
    pub method: String,
    /// The path without the query string.
    pub path: String,
    pub query: Option<String>,
    /// Header names in lower case. `authorization` is replaced by
    /// `Basic <auth_id>:***`, or `<redacted>` when it is not Basic.
    pub headers: Vec<(String, String)>,
    /// The auth_id of the Basic credentials, if any.
    pub auth_id: Option<String>,
    /// The body as text (lossy UTF-8).
    pub body: String,
    /// The status answered; `None` for a reset or hang.
    pub status: Option<u16>,
    /// The fault applied, if any (`"reset"`, `"status"`, ...).
    pub fault: Option<String>,
}

#[derive(Debug, Default)]
pub struct Journal {
    entries: VecDeque<Entry>,
    next_seq: u64,
}

impl Journal {
    pub fn record(&mut self, mut entry: Entry) -> u64 {
        entry.seq = self.next_seq;
        self.next_seq += 1;
        if self.entries.len() == JOURNAL_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
        self.next_seq - 1
    }

    pub fn set_status(&mut self, seq: u64, status: u16) {
        if let Some(e) = self.entries.iter_mut().rev().find(|e| e.seq == seq) {
            e.status = Some(status);
        }
    }

    pub fn entries(&self) -> Vec<Entry> {
        self.entries.iter().cloned().collect()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.next_seq = 0;
    }
}
