//! Terraform configuration: parsing HCL, evaluating expressions the way
//! Terraform would at plan time, and assembling modules.

pub mod address;
pub mod big_objects;
pub mod data_sources;
pub mod eval;
pub mod functions;
pub mod json_config;
pub mod module;
pub mod number;
pub mod parse;
pub mod refs;
pub mod schema;
pub mod types;
pub mod value;
