//! The result of every `list()`: a Promise of the first page that is also `for await`-iterable
//! over all items, walking pages with the core's pagination machines.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::convert::{as_u64, get};
use super::http::spawn;
use super::opts::type_error;
use super::sys;
use crate::core::paginate::{OffsetPager, TokenPager};

/// Which page to fetch: by offset, or by the token the previous page handed out (`None` on
/// the first page, where the caller's own `exclusiveStartKey` / `cursor` applies).
pub enum PageRequest {
    Offset {
        offset: u64,
        limit: Option<u64>,
    },
    Token {
        token: Option<String>,
        limit: Option<u64>,
    },
}

pub type PageFuture = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;
/// Fetches one page object (`{items, total, …}`) for a request.
pub type FetchPage = Rc<dyn Fn(PageRequest) -> PageFuture>;

#[derive(Clone)]
pub enum Pagination {
    Offset(OffsetPager),
    /// `next_field` names the page's successor token (`nextExclusiveStartKey`, `nextCursor`).
    Token {
        pager: TokenPager,
        next_field: &'static str,
    },
}

impl Pagination {
    fn first(&self) -> PageRequest {
        match self {
            Pagination::Offset(p) => {
                let (offset, limit) = p.first();
                PageRequest::Offset { offset, limit }
            }
            Pagination::Token { pager, .. } => PageRequest::Token {
                token: None,
                limit: pager.first_limit(),
            },
        }
    }

    fn next(&self) -> Option<PageRequest> {
        match self {
            Pagination::Offset(p) => p
                .next()
                .map(|(offset, limit)| PageRequest::Offset { offset, limit }),
            Pagination::Token { pager, .. } => pager.next().map(|(t, limit)| PageRequest::Token {
                token: Some(t),
                limit,
            }),
        }
    }

    fn record(&mut self, page: &JsValue, count: u64) {
        match self {
            Pagination::Offset(p) => p.record(count, as_u64(&get(page, "total")).unwrap_or(0)),
            Pagination::Token { pager, next_field } => {
                pager.record(count, get(page, next_field).as_string())
            }
        }
    }
}

/// Starts fetching the first page now and returns its Promise, made async-iterable.
pub fn paginated(fetch: FetchPage, pagination: Pagination) -> Promise {
    let first_request = pagination.first();
    let first = spawn((fetch)(first_request));
    sys::attach_item_iterator(&first, PaginatedSource { fetch, pagination }.into())
}

/// Held by the list Promise; makes a fresh page cursor for each `for await`.
#[wasm_bindgen]
pub struct PaginatedSource {
    fetch: FetchPage,
    pagination: Pagination,
}

#[wasm_bindgen]
impl PaginatedSource {
    /// A cursor over the pages, starting with the already-requested first page. The items are
    /// walked in JavaScript (`attachAsyncIterator` in support.js): crossing into wasm once per
    /// page rather than once per item made `for await` 3-27× slower than a plain fetch loop.
    pub fn cursor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Promise<unknown>")] first: Promise,
    ) -> PageCursor {
        PageCursor {
            state: Rc::new(RefCell::new(CursorState {
                fetch: self.fetch.clone(),
                pagination: self.pagination.clone(),
                first: Some(first),
                finished: false,
            })),
        }
    }
}

struct CursorState {
    fetch: FetchPage,
    pagination: Pagination,
    first: Option<Promise>,
    finished: bool,
}

/// The pages of a list, one `next()` per page. Calls must not overlap (the async generator
/// in support.js that drives it never overlaps them).
#[wasm_bindgen]
pub struct PageCursor {
    state: Rc<RefCell<CursorState>>,
}

enum Pending {
    First(JsFuture),
    Fetch(PageFuture),
}

async fn next_page(state: Rc<RefCell<CursorState>>) -> Result<JsValue, JsValue> {
    let pending = {
        let mut s = state.borrow_mut();
        if s.finished {
            return Ok(JsValue::UNDEFINED);
        }
        if let Some(first) = s.first.take() {
            Pending::First(JsFuture::from(first))
        } else if let Some(req) = s.pagination.next() {
            Pending::Fetch((s.fetch)(req))
        } else {
            s.finished = true;
            return Ok(JsValue::UNDEFINED);
        }
    };
    let page = match pending {
        Pending::First(f) => f.await,
        Pending::Fetch(f) => f.await,
    };
    let mut s = state.borrow_mut();
    let page = page.inspect_err(|_| s.finished = true)?;
    let items = get(&page, "items");
    if !Array::is_array(&items) {
        s.finished = true;
        return Err(type_error("The API returned a page without an items array"));
    }
    let count = Array::from(&items).length() as u64;
    s.pagination.record(&page, count);
    Ok(items)
}

#[wasm_bindgen]
impl PageCursor {
    /// The next page's items, or `undefined` after the last page.
    #[wasm_bindgen(unchecked_return_type = "Promise<unknown[] | undefined>")]
    pub fn next(&self) -> Promise {
        spawn(next_page(self.state.clone()))
    }
}
