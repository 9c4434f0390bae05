//! `client.user(id = 'me')`: `UserClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::get_resource;
use super::{get_object, json_body, json_request, rejecting, send_empty, spawn, Resource};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::js::client::ApifyClient;
use crate::js::convert::{parse_dates_also, pluck_data};
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface UserProfile {
    bio?: string;
    name?: string;
    pictureUrl?: string | null;
    githubUsername?: string;
    websiteUrl?: string;
    twitterUsername?: string;
}

export interface ProxyGroup {
    name: string;
    description: string | null;
    availableCount: number;
}

export interface UserProxy {
    password: string;
    groups: ProxyGroup[];
}

export type PlatformFeature =
    | "ACTORS"
    | "STORAGE"
    | "PROXY_SERPS"
    | "SCHEDULER"
    | "WEBHOOKS"
    | "PROXY"
    | "PROXY_EXTERNAL_ACCESS";

export interface UserPlan {
    id: string;
    description: string;
    isEnabled: boolean;
    monthlyBasePriceUsd: number;
    monthlyUsageCreditsUsd: number;
    usageDiscountPercent: number;
    enabledPlatformFeatures: PlatformFeature[];
    maxMonthlyUsageUsd: number;
    maxActorMemoryGbytes: number;
    maxMonthlyActorComputeUnits: number;
    maxMonthlyResidentialProxyGbytes: number;
    maxMonthlyProxySerps: number;
    maxMonthlyExternalDataTransferGbytes: number;
    maxActorCount: number;
    maxActorTaskCount: number;
    dataRetentionDays: number;
    availableProxyGroups: Record<string, number>;
    teamAccountSeatCount: number;
    supportLevel: string;
    availableAddOns: unknown[];
}

export interface EffectivePlatformFeature {
    isEnabled: boolean;
    disabledReason: string | null;
    disabledReasonType: string | null;
    isTrial: boolean;
    trialExpirationAt: Date | null;
}

/** Public fields for any user; the private ones (`id`, `email`, `plan`, …) only for `me`. */
export interface User {
    username: string;
    profile: UserProfile;
    id?: string;
    email?: string;
    proxy?: UserProxy;
    plan?: UserPlan;
    effectivePlatformFeatures?: Record<string, EffectivePlatformFeature>;
    createdAt?: Date;
    isPaying?: boolean;
}

export interface UsageCycle {
    startAt: Date;
    endAt: Date;
}

export interface PriceTier {
    quantityAbove: number;
    discountPercent: number;
    tierQuantity: number;
    unitPriceUsd: number;
    priceUsd: number;
}

export interface MonthlyServiceUsageData {
    quantity: number;
    baseAmountUsd: number;
    baseUnitPriceUsd: number;
    amountAfterVolumeDiscountUsd: number;
    priceTiers: PriceTier[];
}

export interface DailyServiceUsageData {
    quantity: number;
    baseAmountUsd: number;
}

export interface DailyServiceUsage {
    /** Parsed to a `Date`, as the official client does. */
    date: Date;
    serviceUsage: Record<string, DailyServiceUsageData>;
    totalUsageCreditsUsd: number;
}

export interface MonthlyUsage {
    usageCycle: UsageCycle;
    monthlyServiceUsage: Record<string, MonthlyServiceUsageData>;
    dailyServiceUsages: DailyServiceUsage[];
    totalUsageCreditsUsdBeforeVolumeDiscount: number;
    totalUsageCreditsUsdAfterVolumeDiscount: number;
}

export interface UserMonthlyUsageOptions extends CallOptions {
    /**
     * Any day of the usage cycle to report (`YYYY-MM-DD`, or a `Date`, whose UTC day is
     * sent); the current cycle when left out. Not in apify-client.
     */
    date?: string | Date;
}

export interface Limits {
    maxMonthlyUsageUsd: number;
    maxMonthlyActorComputeUnits: number;
    maxMonthlyExternalDataTransferGbytes: number;
    maxMonthlyProxySerps: number;
    maxMonthlyResidentialProxyGbytes: number;
    maxActorMemoryGbytes: number;
    maxActorCount: number;
    maxActorTaskCount: number;
    maxConcurrentActorJobs: number;
    maxTeamAccountSeatCount: number;
    dataRetentionDays: number;
}

export interface Current {
    monthlyUsageUsd: number;
    monthlyActorComputeUnits: number;
    monthlyExternalDataTransferGbytes: number;
    monthlyProxySerps: number;
    monthlyResidentialProxyGbytes: number;
    actorMemoryGbytes: number;
    actorCount: number;
    actorTaskCount: number;
    activeActorJobCount: number;
    teamAccountSeatCount: number;
}

export interface AccountAndUsageLimits {
    monthlyUsageCycle: UsageCycle;
    limits: Limits;
    current: Current;
}

export type LimitsUpdateOptions = Partial<Pick<Limits, "maxMonthlyUsageUsd" | "dataRetentionDays">>;
"#;

#[wasm_bindgen]
pub struct UserClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl UserClient {
    /// The user: private data for `me` (with a token), public data otherwise.
    #[wasm_bindgen(unchecked_return_type = "Promise<User | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "UserClient.get",
            TimeoutTier::ClientDefault,
        )
    }

    /// The usage of the current (or `date`'s) billing cycle, or `undefined` when there is
    /// none. `…At` and `date` fields are parsed to `Date`s.
    #[wasm_bindgen(js_name = monthlyUsage, unchecked_return_type = "Promise<MonthlyUsage | undefined>")]
    pub fn monthly_usage(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "UserMonthlyUsageOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "UserClient.monthlyUsage";
            let o = Opts::new(&options, M, &["date"])?;
            let is_date = o.raw("date").is_instance_of::<js_sys::Date>();
            // A `Date` arrives as an ISO timestamp; the API wants its (UTC) day.
            let date = o.date("date")?.map(|d| {
                if is_date {
                    d.chars().take(10).collect()
                } else {
                    d
                }
            });
            let mut req = self.r.request(Method::Get, &["usage", "monthly"], M);
            req.query.opt("date", date);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(
                    match client.call_or_none(&req, None, signal.as_ref()).await? {
                        Some(resp) => {
                            let data = pluck_data(resp.body);
                            parse_dates_also(&data, "date");
                            data
                        }
                        None => JsValue::UNDEFINED,
                    },
                )
            }))
        })
    }

    /// The account's limits and its current usage against them, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Promise<AccountAndUsageLimits | undefined>")]
    pub fn limits(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "UserClient.limits";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Get, &["limits"], M);
            Ok(get_object(&self.r, req, o.signal()?))
        })
    }

    /// Sets `maxMonthlyUsageUsd` and/or `dataRetentionDays`.
    #[wasm_bindgen(js_name = updateLimits, unchecked_return_type = "Promise<void>")]
    pub fn update_limits(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LimitsUpdateOptions")] limits: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "UserClient.updateLimits";
            let o = Opts::new(&options, M, &[])?;
            if !limits.is_object() || js_sys::Array::is_array(&limits) {
                return Err(type_error(&text!(M, ": options must be an object")));
            }
            let body = Some(json_body(&limits)?);
            let req = json_request(self.r.request(Method::Put, &["limits"], M), &body);
            Ok(send_empty(&self.r, req, body, o.signal()?))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// A user by id or username; `me` (the default) is the token's own account.
    pub fn user(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] id: JsValue,
    ) -> Result<UserClient, JsValue> {
        let id = if id.is_undefined() {
            "me".to_string()
        } else {
            required_string(&id, "ApifyClient.user: id")?
        };
        Ok(UserClient {
            r: Resource::item(&self.inner, "users", &id),
        })
    }
}
