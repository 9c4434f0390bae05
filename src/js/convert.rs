//! Shaping API responses for JS: unwrapping `{data}`, turning `…At` fields into `Date`s, and
//! reading the few fields Rust needs (pagination) without converting whole objects.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

pub fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `body.data` when the body is the API's `{data: …}` envelope (`pluckData`).
pub fn pluck_data(body: JsValue) -> JsValue {
    let data = get(&body, "data");
    if data.is_undefined() {
        body
    } else {
        data
    }
}

/// [`pluck_data`], then every key ending in `At` whose value parses as a date becomes a `Date`,
/// down to depth 3 (data → array → item → nested object), as the official client's
/// `parseDateFields`; in one call (`shapeData` in support.js). Every object response goes
/// through it.
pub fn shaped(body: &JsValue) -> JsValue {
    super::sys::shape_data(body)
}

/// Dates parsed as [`shaped`] does, and also every key named `also` (`date` in `monthlyUsage`,
/// as the official client's `shouldParseField`).
pub fn parse_dates_also(value: &JsValue, also: &str) {
    super::sys::parse_dates(value, Some(also));
}

pub fn as_u64(v: &JsValue) -> Option<u64> {
    v.as_f64()
        .filter(|n| *n >= 0.0 && n.is_finite())
        .map(|n| n as u64)
}

/// A plain object from key/value pairs.
pub fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}
