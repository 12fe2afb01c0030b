//! The core's records and enums, exported unchanged (UniFFI "remote" types).
//!
//! Each declaration repeats the core type's fields so that UniFFI can describe them; the
//! compiler checks it against the real type (a missing or mistyped field does not build).
//! `UpdatePowerpack` and `CreatePowerpack` cross as one record each, every optional field
//! defaulting to unset, so no foreign caller passes positional nulls.

use std::time::SystemTime;

use plivo_powerpack::{
    Application, CreatePowerpack, DeleteResult, NumberFilter, NumberPriority, NumberType, PoolNumber, PoolNumberType,
    Powerpack, Priority, ServiceType, Shortcode, TrustStore, UpdatePowerpack,
};

#[uniffi::remote(Record)]
pub struct Powerpack {
    pub api_id: Option<String>,
    pub uuid: String,
    pub name: String,
    pub sticky_sender: Option<bool>,
    pub local_connect: Option<bool>,
    pub application_type: Option<String>,
    pub application_id: Option<String>,
    pub number_pool: Option<String>,
    pub number_pool_uuid: Option<String>,
    pub number_priority: Vec<NumberPriority>,
    pub created_on: Option<SystemTime>,
}

#[uniffi::remote(Record)]
pub struct DeleteResult {
    pub api_id: Option<String>,
    pub response: Option<String>,
}

#[uniffi::remote(Record)]
pub struct UpdatePowerpack {
    #[uniffi(default = None)]
    pub name: Option<String>,
    #[uniffi(default = None)]
    pub sticky_sender: Option<bool>,
    #[uniffi(default = None)]
    pub local_connect: Option<bool>,
    #[uniffi(default = None)]
    pub application: Option<Application>,
    #[uniffi(default = None)]
    pub number_priority: Option<Vec<NumberPriority>>,
}

#[uniffi::remote(Record)]
pub struct CreatePowerpack {
    pub name: String,
    #[uniffi(default = None)]
    pub sticky_sender: Option<bool>,
    #[uniffi(default = None)]
    pub local_connect: Option<bool>,
    #[uniffi(default = None)]
    pub application: Option<Application>,
    #[uniffi(default = None)]
    pub number_priority: Option<Vec<NumberPriority>>,
}

#[uniffi::remote(Enum)]
pub enum Application {
    Xml { app_id: String },
    Phlo { phlo_id: String },
    Detach,
}

#[uniffi::remote(Record)]
pub struct NumberPriority {
    pub country_iso: String,
    pub service_type: ServiceType,
    pub priority: Priority,
}

#[uniffi::remote(Record)]
pub struct Priority {
    pub priority1: NumberType,
    pub priority2: NumberType,
    pub priority3: NumberType,
}

#[uniffi::remote(Enum)]
pub enum ServiceType {
    Sms,
    Mms,
}

#[uniffi::remote(Enum)]
pub enum NumberType {
    Shortcode,
    Tollfree,
    Longcode,
}

#[uniffi::remote(Record)]
pub struct PoolNumber {
    pub api_id: Option<String>,
    pub number: String,
    pub number_type: Option<String>,
    pub country_iso2: Option<String>,
    pub service: Option<String>,
    pub number_pool_uuid: Option<String>,
    pub account_phone_number_resource: Option<String>,
    pub added_on: Option<SystemTime>,
}

#[uniffi::remote(Record)]
pub struct Shortcode {
    pub api_id: Option<String>,
    pub shortcode: String,
    pub country_iso2: Option<String>,
    pub number_pool_uuid: Option<String>,
    pub added_on: Option<SystemTime>,
}

#[uniffi::remote(Enum)]
pub enum PoolNumberType {
    Fixed,
    Mobile,
    Tollfree,
}

#[uniffi::remote(Record)]
pub struct NumberFilter {
    #[uniffi(default = [])]
    pub starts_with: Vec<String>,
    #[uniffi(default = None)]
    pub country_iso2: Option<String>,
    #[uniffi(default = None)]
    pub number_type: Option<PoolNumberType>,
    #[uniffi(default = None)]
    pub service: Option<ServiceType>,
}

#[uniffi::remote(Enum)]
pub enum TrustStore {
    Bundled,
    System,
}
