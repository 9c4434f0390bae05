//! The result of every `list()`: a Promise of the first page that is also `for await`-iterable
//! over all items, walking pages with the core's pagination machines.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::convert::{as_u64, get, object};
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
    let first = future_to_promise((fetch)(first_request));
    sys::attach_async_iterator(&first, PaginatedSource { fetch, pagination }.into())
}

/// Held by the list Promise; makes a fresh iterator for each `for await`.
#[wasm_bindgen]
pub struct PaginatedSource {
    fetch: FetchPage,
    pagination: Pagination,
}

#[wasm_bindgen]
impl PaginatedSource {
    /// An iterator that starts with the already-requested first page.
    pub fn iterator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Promise<unknown>")] first: Promise,
    ) -> PageIterator {
        PageIterator {
            state: Rc::new(RefCell::new(IterState {
                fetch: self.fetch.clone(),
                pagination: self.pagination.clone(),
                first: Some(first),
                items: None,
                index: 0,
                finished: false,
                chain: None,
            })),
        }
    }
}

struct IterState {
    fetch: FetchPage,
    pagination: Pagination,
    first: Option<Promise>,
    items: Option<Array>,
    index: u32,
    finished: bool,
    /// The previous `next()`: each call waits for it, so concurrent calls stay in order.
    chain: Option<Promise>,
}

/// An async iterator over the items of every page.
#[wasm_bindgen]
pub struct PageIterator {
    state: Rc<RefCell<IterState>>,
}

fn iter_result(value: JsValue, done: bool) -> JsValue {
    object(&[("value", value), ("done", done.into())]).into()
}

enum Pending {
    First(JsFuture),
    Fetch(PageFuture),
}

async fn step(state: Rc<RefCell<IterState>>) -> Result<JsValue, JsValue> {
    loop {
        let pending = {
            let mut s = state.borrow_mut();
            if s.finished {
                return Ok(iter_result(JsValue::UNDEFINED, true));
            }
            if let Some(items) = &s.items {
                if s.index < items.length() {
                    let v = items.get(s.index);
                    s.index += 1;
                    return Ok(iter_result(v, false));
                }
            }
            if let Some(first) = s.first.take() {
                Pending::First(JsFuture::from(first))
            } else if let Some(req) = s.pagination.next() {
                Pending::Fetch((s.fetch)(req))
            } else {
                s.finished = true;
                return Ok(iter_result(JsValue::UNDEFINED, true));
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
        let items = Array::from(&items);
        let count = items.length() as u64;
        s.pagination.record(&page, count);
        s.items = Some(items);
        s.index = 0;
    }
}

#[wasm_bindgen]
impl PageIterator {
    #[wasm_bindgen(unchecked_return_type = "Promise<IteratorResult<unknown>>")]
    pub fn next(&self) -> Promise {
        let state = self.state.clone();
        let previous = self.state.borrow_mut().chain.take();
        let promise = future_to_promise(async move {
            if let Some(p) = previous {
                let _ = JsFuture::from(p).await;
            }
            step(state).await
        });
        self.state.borrow_mut().chain = Some(promise.clone());
        promise
    }

    /// Called by `break` in `for await`: no further pages are fetched.
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<unknown>>"
    )]
    pub fn return_(&self) -> Promise {
        self.state.borrow_mut().finished = true;
        Promise::resolve(&iter_result(JsValue::UNDEFINED, true))
    }
}
