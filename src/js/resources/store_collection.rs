//! `client.store()`: `StoreCollectionClient`, the Actors published in Apify Store.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{list_collection, Resource};
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::opts::Opts;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface StoreCollectionListOptions extends CallOptions {
    offset?: number;
    limit?: number;
    /** Searched in the title, name, description, username and README. */
    search?: string;
    /** `relevance` (the default), `popularity`, `newest` or `lastUpdate`. */
    sortBy?: string;
    category?: string;
    username?: string;
    pricingModel?: "FREE" | "FLAT_PRICE_PER_MONTH" | "PRICE_PER_DATASET_ITEM" | "PAY_PER_EVENT" | (string & {});
    /** Include Actors the Store hides as unsafe to run automatically. */
    includeUnrunnableActors?: boolean;
    /** Only Actors that allow (`true`) or do not allow (`false`) agentic users. Not in apify-client. */
    allowsAgenticUsers?: boolean;
    /** `full` (the default) or `agent`, a reduced field set for LLM consumers. Not in apify-client. */
    responseFormat?: "full" | "agent";
}

export interface ActorStoreListStats {
    totalBuilds?: number;
    totalRuns?: number;
    totalUsers?: number;
    totalUsers7Days?: number;
    totalUsers30Days?: number;
    totalUsers90Days?: number;
    totalMetamorphs?: number;
    lastRunStartedAt?: Date;
    [key: string]: unknown;
}

export interface PricingInfo {
    pricingModel: string;
    [key: string]: unknown;
}

/** An Actor as the Store lists it. */
export interface ActorStoreList {
    id: string;
    name: string;
    username: string;
    title?: string;
    description?: string;
    userFullName?: string | null;
    categories?: string[];
    stats: ActorStoreListStats;
    currentPricingInfo: PricingInfo;
    pictureUrl?: string | null;
    userPictureUrl?: string | null;
    url: string;
    badge?: string | null;
    readmeSummary?: string;
    isWhiteListedForAgenticPayments?: boolean | null;
    actorReviewCount?: number;
    actorReviewRating?: number;
    bookmarkCount?: number;
}
"#;

#[wasm_bindgen]
pub struct StoreCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl StoreCollectionClient {
    /// Lists (searches) Actors in Apify Store. `await` it for one page, or `for await` over
    /// every match.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<ActorStoreList>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "StoreCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "StoreCollectionClient.list";
        let o = Opts::new(
            &options,
            M,
            &[
                "limit",
                "offset",
                "search",
                "sortBy",
                "category",
                "username",
                "pricingModel",
                "includeUnrunnableActors",
                "allowsAgenticUsers",
                "responseFormat",
            ],
        )?;
        let mut extra = Query::new();
        extra
            .opt("search", o.string("search")?)
            .opt("sortBy", o.string("sortBy")?)
            .opt("category", o.string("category")?)
            .opt("username", o.string("username")?)
            .opt("pricingModel", o.string("pricingModel")?)
            .opt(
                "includeUnrunnableActors",
                o.bool("includeUnrunnableActors")?,
            )
            .opt("allowsAgenticUsers", o.bool("allowsAgenticUsers")?)
            .opt("responseFormat", o.string("responseFormat")?);
        list_collection(&self.r, M, &o, extra)
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// Apify Store: the public Actors anyone can run.
    pub fn store(&self) -> StoreCollectionClient {
        StoreCollectionClient {
            r: Resource::collection(&self.inner, "store"),
        }
    }
}
