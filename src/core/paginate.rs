//! Page state machines: offset/limit/total, `exclusiveStartKey`, and cursor.
//!
//! Each machine says what to ask for next and learns from the page that came back; the wasm
//! layer does the asking. `limit = 0` means "unset", as the API reads it.

/// `limit` for the next request: the smaller of what is left and the chunk size, where a zero
/// or missing value does not count (`minForLimit` in the official client).
fn min_for_limit(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a.filter(|&x| x > 0), b.filter(|&x| x > 0)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Offset pagination over `{total, offset, limit, count, items}` pages.
#[derive(Debug, Clone)]
pub struct OffsetPager {
    start: u64,
    limit: Option<u64>,
    chunk: Option<u64>,
    fetched: u64,
    next_offset: u64,
    total: Option<u64>,
    done: bool,
}

impl OffsetPager {
    pub fn new(offset: Option<u64>, limit: Option<u64>, chunk_size: Option<u64>) -> Self {
        let start = offset.unwrap_or(0);
        OffsetPager {
            start,
            limit: limit.filter(|&l| l > 0),
            chunk: chunk_size.filter(|&c| c > 0),
            fetched: 0,
            next_offset: start,
            total: None,
            done: false,
        }
    }

    /// `(offset, limit)` of the first page.
    pub fn first(&self) -> (u64, Option<u64>) {
        (self.start, min_for_limit(self.limit, self.chunk))
    }

    /// Records a page of `count` items out of `total`.
    pub fn record(&mut self, count: u64, total: u64) {
        self.fetched += count;
        self.next_offset += count;
        self.total = Some(total);
        if count == 0 {
            self.done = true;
        }
    }

    fn remaining(&self) -> u64 {
        let total = self.total.unwrap_or(0);
        let available = total.saturating_sub(self.start);
        let wanted = self.limit.map_or(available, |l| l.min(available));
        wanted.saturating_sub(self.fetched)
    }

    /// The next page to ask for, or `None` when iteration is over.
    pub fn next(&self) -> Option<(u64, Option<u64>)> {
        if self.done || self.total.is_none() {
            return None;
        }
        let remaining = self.remaining();
        if remaining == 0 {
            return None;
        }
        Some((self.next_offset, min_for_limit(Some(remaining), self.chunk)))
    }
}

/// Key-based pagination (`listKeys` with `exclusiveStartKey`) and cursor pagination
/// (`listRequests` with `cursor`): the server hands out the token of the next page.
#[derive(Debug, Clone)]
pub struct TokenPager {
    limit: Option<u64>,
    chunk: Option<u64>,
    fetched: u64,
    next_token: Option<String>,
    done: bool,
}

impl TokenPager {
    pub fn new(limit: Option<u64>, chunk_size: Option<u64>) -> Self {
        TokenPager {
            limit: limit.filter(|&l| l > 0),
            chunk: chunk_size.filter(|&c| c > 0),
            fetched: 0,
            next_token: None,
            done: false,
        }
    }

    /// `limit` of the first page (the first token is the user's own option).
    pub fn first_limit(&self) -> Option<u64> {
        min_for_limit(self.limit, self.chunk)
    }

    /// Records a page of `count` items whose successor is `next_token`.
    pub fn record(&mut self, count: u64, next_token: Option<String>) {
        self.fetched += count;
        if count == 0 || next_token.is_none() {
            self.done = true;
        }
        self.next_token = next_token;
    }

    /// `(token, limit)` of the next page, or `None` when iteration is over.
    pub fn next(&self) -> Option<(String, Option<u64>)> {
        if self.done {
            return None;
        }
        let remaining = match self.limit {
            Some(l) if self.fetched >= l => return None,
            Some(l) => Some(l - self.fetched),
            None => None,
        };
        let token = self.next_token.clone()?;
        Some((token, min_for_limit(remaining, self.chunk)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replays a server holding `total` items that serves at most `max_page` per request.
    fn walk(mut p: OffsetPager, total: u64, max_page: u64) -> Vec<(u64, Option<u64>)> {
        let mut asked = vec![p.first()];
        loop {
            let (offset, limit) = *asked.last().unwrap();
            let served = limit
                .unwrap_or(u64::MAX)
                .min(max_page)
                .min(total.saturating_sub(offset));
            p.record(served, total);
            match p.next() {
                Some(r) => asked.push(r),
                None => return asked,
            }
        }
    }

    #[test]
    fn walks_all_items_in_server_sized_pages() {
        let asked = walk(OffsetPager::new(None, None, None), 2_500, 1_000);
        assert_eq!(asked, [(0, None), (1_000, Some(1_500)), (2_000, Some(500))]);
    }

    #[test]
    fn chunk_size_bounds_each_page_and_limit_stops_early() {
        let asked = walk(
            OffsetPager::new(Some(10), Some(250), Some(100)),
            1_000,
            1_000,
        );
        assert_eq!(asked, [(10, Some(100)), (110, Some(100)), (210, Some(50))]);
    }

    #[test]
    fn zero_means_unset_and_empty_pages_stop() {
        let p = OffsetPager::new(Some(0), Some(0), Some(0));
        assert_eq!(p.first(), (0, None));
        let asked = walk(OffsetPager::new(Some(5_000), None, None), 100, 1_000);
        assert_eq!(asked, [(5_000, None)]);
        let mut q = OffsetPager::new(None, None, None);
        q.record(0, 50); // the server claims 50 but sends none: stop rather than loop
        assert_eq!(q.next(), None);
    }

    #[test]
    fn token_pager_follows_next_tokens_until_limit() {
        let mut p = TokenPager::new(Some(5), Some(2));
        assert_eq!(p.first_limit(), Some(2));
        p.record(2, Some("k2".into()));
        assert_eq!(p.next(), Some(("k2".into(), Some(2))));
        p.record(2, Some("k4".into()));
        assert_eq!(p.next(), Some(("k4".into(), Some(1))));
        p.record(1, Some("k5".into()));
        assert_eq!(p.next(), None);
    }

    #[test]
    fn token_pager_stops_without_next_token() {
        let mut p = TokenPager::new(None, None);
        assert_eq!(p.first_limit(), None);
        p.record(1_000, Some("c1".into()));
        assert_eq!(p.next(), Some(("c1".into(), None)));
        p.record(3, None);
        assert_eq!(p.next(), None);
    }
}
