//! `actor(id).versions()`, `actor(id).version(n)`, and their `envVars()` / `envVar(name)`:
//! `ActorVersionCollectionClient`, `ActorVersionClient`, `ActorEnvVarCollectionClient`,
//! `ActorEnvVarClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::delete_quietly;
use super::job::list_whole;
use super::{get_object, json_body, rejecting, send_object, Resource};
use crate::core::request::Method;
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface ActorEnvVar {
    name: string;
    value?: string;
    isSecret?: boolean;
}

export interface ActorVersionSourceFile {
    name: string;
    format?: "TEXT" | "BASE64";
    content?: string;
    folder?: boolean;
}

export interface ActorVersion {
    versionNumber?: string;
    sourceType?: "SOURCE_FILES" | "GIT_REPO" | "TARBALL" | "GITHUB_GIST";
    envVars?: ActorEnvVar[];
    applyEnvVarsToBuild?: boolean;
    buildTag?: string;
    sourceFiles?: ActorVersionSourceFile[];
    gitRepoUrl?: string;
    tarballUrl?: string;
    gitHubGistUrl?: string;
}

/** `versions().list()` and `envVars().list()`: the whole list, no paging. */
export interface WholeList<T> {
    total: number;
    items: T[];
}

export type WholeListIterator<T> = Promise<WholeList<T>> & AsyncIterable<T>;
"#;

fn body_of(value: &JsValue, m: &str, what: &str) -> Result<JsValue, JsValue> {
    if !value.is_object() {
        return Err(type_error(&text!(m, ": ", what, " must be an object")));
    }
    json_body(value)
}

fn get_at(r: &Resource, options: &JsValue, m: &'static str) -> Result<Promise, JsValue> {
    let o = Opts::new(options, m, &[])?;
    let req = r.request(Method::Get, &[], m);
    Ok(get_object(r, req, o.signal()?))
}

fn send_at(
    r: &Resource,
    method: Method,
    value: &JsValue,
    what: &str,
    options: &JsValue,
    m: &'static str,
) -> Result<Promise, JsValue> {
    let o = Opts::new(options, m, &[])?;
    let body = body_of(value, m, what)?;
    let req = r.request(method, &[], m).content_type("application/json");
    Ok(send_object(r, req, Some(body), o.signal()?))
}

fn delete_at(r: &Resource, options: &JsValue, m: &'static str) -> Result<Promise, JsValue> {
    let o = Opts::new(options, m, &[])?;
    let req = r.request(Method::Delete, &[], m);
    Ok(delete_quietly(r, req, o.signal()?))
}

fn list_at(r: &Resource, options: &JsValue, m: &'static str) -> Result<Promise, JsValue> {
    // The official client takes (and ignores) the usual list options here.
    let o = Opts::new(options, m, &["limit", "offset", "desc"])?;
    let req = r.request(Method::Get, &[], m);
    Ok(list_whole(r, req, o.signal()?))
}

/// The versions of an Actor.
#[wasm_bindgen]
pub struct ActorVersionCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorVersionCollectionClient {
    /// All versions (`{total, items}`; `for await` goes over the items). Paging options are
    /// accepted and ignored, as in the official client: the API returns every version.
    #[wasm_bindgen(unchecked_return_type = "WholeListIterator<ActorVersion>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListOptions")] options: JsValue,
    ) -> Result<Promise, JsValue> {
        list_at(&self.r, &options, "ActorVersionCollectionClient.list")
    }

    /// Creates a version (`versionNumber` is required).
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorVersion>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ActorVersion")] version: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            send_at(
                &self.r,
                Method::Post,
                &version,
                "version",
                &options,
                "ActorVersionCollectionClient.create",
            )
        })
    }
}

/// One version of an Actor.
#[wasm_bindgen]
pub struct ActorVersionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorVersionClient {
    /// The version, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorVersion | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| get_at(&self.r, &options, "ActorVersionClient.get"))
    }

    /// Updates the version.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorVersion>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "ActorVersion")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            send_at(
                &self.r,
                Method::Put,
                &new_fields,
                "newFields",
                &options,
                "ActorVersionClient.update",
            )
        })
    }

    /// Deletes the version (resolves also when it was already gone).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| delete_at(&self.r, &options, "ActorVersionClient.delete"))
    }

    /// The version's environment variables.
    #[wasm_bindgen(js_name = envVars)]
    pub fn env_vars(&self) -> ActorEnvVarCollectionClient {
        ActorEnvVarCollectionClient {
            r: self.r.below(&["env-vars"]),
        }
    }

    /// One environment variable of the version, by name.
    #[wasm_bindgen(js_name = envVar)]
    pub fn env_var(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<ActorEnvVarClient, JsValue> {
        let name = required_string(&name, "ActorVersionClient.envVar: name")?;
        Ok(ActorEnvVarClient {
            r: self.r.below(&["env-vars", &name]),
        })
    }
}

/// The environment variables of an Actor version.
#[wasm_bindgen]
pub struct ActorEnvVarCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorEnvVarCollectionClient {
    /// All environment variables (`{total, items}`; `for await` goes over the items).
    #[wasm_bindgen(unchecked_return_type = "WholeListIterator<ActorEnvVar>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListOptions")] options: JsValue,
    ) -> Result<Promise, JsValue> {
        list_at(&self.r, &options, "ActorEnvVarCollectionClient.list")
    }

    /// Creates an environment variable (`{name, value, isSecret}`).
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorEnvVar>")]
    pub fn create(
        &self,
        #[wasm_bindgen(js_name = envVar, unchecked_param_type = "ActorEnvVar")] env_var: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            send_at(
                &self.r,
                Method::Post,
                &env_var,
                "envVar",
                &options,
                "ActorEnvVarCollectionClient.create",
            )
        })
    }
}

/// One environment variable of an Actor version.
#[wasm_bindgen]
pub struct ActorEnvVarClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorEnvVarClient {
    /// The variable, or `undefined` when it does not exist. Secret values are not returned.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorEnvVar | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| get_at(&self.r, &options, "ActorEnvVarClient.get"))
    }

    /// Updates the variable.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorEnvVar>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = envVar, unchecked_param_type = "ActorEnvVar")] env_var: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            send_at(
                &self.r,
                Method::Put,
                &env_var,
                "envVar",
                &options,
                "ActorEnvVarClient.update",
            )
        })
    }

    /// Deletes the variable (resolves also when it was already gone).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| delete_at(&self.r, &options, "ActorEnvVarClient.delete"))
    }
}
