//! Reading option objects from JS: each value type-checked and named in the error, unknown
//! keys rejected (the official client validates with `ow.object.exactShape`).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::sys;
use crate::core::options::{OptionError, OptionErrorKind};
use crate::core::text::comma_list;

pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

pub fn range_error(message: &str) -> JsValue {
    js_sys::RangeError::new(message).into()
}

pub fn option_error(e: OptionError) -> JsValue {
    match e.kind {
        OptionErrorKind::Type => type_error(&e.message),
        OptionErrorKind::Range => range_error(&e.message),
    }
}

/// An options argument of one method, e.g. `DatasetClient.listItems`.
pub struct Opts {
    obj: Option<Object>,
    method: &'static str,
}

impl Opts {
    /// `undefined` and `null` read as no options; anything but a plain object is a TypeError.
    pub fn new(value: &JsValue, method: &'static str, allowed: &[&str]) -> Result<Self, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Opts { obj: None, method });
        }
        if !value.is_object() || Array::is_array(value) {
            return Err(type_error(&text!(method, ": options must be an object")));
        }
        let obj: Object = value.clone().unchecked_into();
        for key in Object::keys(&obj).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) && key != "signal" {
                return Err(type_error(&text!(
                    method,
                    ": unknown option \"",
                    key,
                    "\"; the options are: ",
                    comma_list(allowed),
                    ", signal"
                )));
            }
        }
        Ok(Opts {
            obj: Some(obj),
            method,
        })
    }

    /// The raw value, `undefined` when absent.
    pub fn raw(&self, name: &str) -> JsValue {
        match &self.obj {
            Some(o) => Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED),
            None => JsValue::UNDEFINED,
        }
    }

    fn present(&self, name: &str) -> Option<JsValue> {
        // No options object: nothing to read, and no `is_undefined` call into JS per option
        // (6 of a `list()` call's 17 crossings were those).
        self.obj.as_ref()?;
        let v = self.raw(name);
        (!v.is_undefined()).then_some(v)
    }

    fn wrong(&self, name: &str, expected: &str, got: &JsValue) -> JsValue {
        let got = if got.is_null() {
            "null".to_string()
        } else if Array::is_array(got) {
            "an array".to_string()
        } else {
            got.js_typeof().as_string().unwrap_or_default()
        };
        type_error(&text!(
            self.method,
            ": option \"",
            name,
            "\" must be ",
            expected,
            ", got ",
            got
        ))
    }

    pub fn string(&self, name: &str) -> Result<Option<String>, JsValue> {
        match self.present(name) {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| self.wrong(name, "a string", &v)),
        }
    }

    pub fn bool(&self, name: &str) -> Result<Option<bool>, JsValue> {
        match self.present(name) {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| self.wrong(name, "a boolean", &v)),
        }
    }

    pub fn number(&self, name: &str) -> Result<Option<f64>, JsValue> {
        match self.present(name) {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(n) if n.is_finite() => Ok(Some(n)),
                Some(n) => Err(range_error(&text!(
                    self.method,
                    ": option \"",
                    name,
                    "\" must be finite, got ",
                    sys::number_text(n)
                ))),
                None => Err(self.wrong(name, "a number", &v)),
            },
        }
    }

    /// A whole number ≥ 0.
    pub fn uint(&self, name: &str) -> Result<Option<u64>, JsValue> {
        match self.number(name)? {
            None => Ok(None),
            // At most Number.MAX_SAFE_INTEGER: beyond it `n as u64` would saturate into a
            // wrong value (1e300 became limit=-1 once it reached the query as i64).
            Some(n) if (0.0..=9_007_199_254_740_991.0).contains(&n) && n.fract() == 0.0 => {
                Ok(Some(n as u64))
            }
            Some(n) => Err(range_error(&text!(
                self.method,
                ": option \"",
                name,
                "\" must be a whole number from 0 to 2^53 - 1, got ",
                sys::number_text(n)
            ))),
        }
    }

    /// An array of strings; a lone string is taken as a one-element list where `single` is set.
    pub fn strings(&self, name: &str, single: bool) -> Result<Option<Vec<String>>, JsValue> {
        let Some(v) = self.present(name) else {
            return Ok(None);
        };
        if single {
            if let Some(s) = v.as_string() {
                return Ok(Some(vec![s]));
            }
        }
        if !Array::is_array(&v) {
            return Err(self.wrong(name, "an array of strings", &v));
        }
        let mut out = Vec::new();
        for item in Array::from(&v).iter() {
            match item.as_string() {
                Some(s) => out.push(s),
                None => return Err(self.wrong(name, "an array of strings", &item)),
            }
        }
        Ok(Some(out))
    }

    /// A `Date` (sent as ISO 8601) or a string passed as it is.
    pub fn date(&self, name: &str) -> Result<Option<String>, JsValue> {
        let Some(v) = self.present(name) else {
            return Ok(None);
        };
        if let Some(d) = v.dyn_ref::<js_sys::Date>() {
            if d.get_time().is_nan() {
                return Err(range_error(&text!(
                    self.method,
                    ": option \"",
                    name,
                    "\" is an invalid Date"
                )));
            }
            return Ok(Some(String::from(d.to_iso_string())));
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| self.wrong(name, "a Date or an ISO 8601 string", &v))
    }

    /// Any object (a request body passed through as it is).
    pub fn object(&self, name: &str) -> Result<Option<JsValue>, JsValue> {
        match self.present(name) {
            None => Ok(None),
            Some(v) if v.is_object() => Ok(Some(v)),
            Some(v) => Err(self.wrong(name, "an object", &v)),
        }
    }

    /// The `signal` option every call takes.
    pub fn signal(&self) -> Result<Option<AbortSignal>, JsValue> {
        match self.present("signal") {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<AbortSignal>()
                .map(Some)
                .map_err(|v| self.wrong("signal", "an AbortSignal", &v)),
        }
    }
}

/// A required non-empty string argument, e.g. the id of `client.dataset(id)`.
pub fn required_string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match value.as_string() {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(type_error(&text!(what, " must be a non-empty string"))),
    }
}
