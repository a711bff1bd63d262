//! Stage 3, model: files as loaded become one policy input document per
//! module (DESIGN.md, "the contract every policy is written against") with a
//! span index beside it, from HCL ([`config`]) or from a plan or state
//! ([`plan`]); [`document`] holds the document type both build.

pub mod config;
pub mod document;
pub mod plan;

pub use document::ModuleInput;
