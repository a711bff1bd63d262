//! tfward: a Terraform / OpenTofu policy, drift, cost and risk analyser.
//!
//! The pipeline (see DESIGN.md): [`discover`] the files, [`scan`] loads and
//! parses them in parallel, [`terraform`] evaluates each module, [`input`]
//! builds the policy input document, [`policy`] evaluates the Rego policies,
//! and [`report`] renders the findings.

pub mod analyse;
pub mod baseline;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod discover;
pub mod error;
pub mod evaluate;
pub mod fetch;
pub mod finding;
pub mod load;
pub mod model;
pub mod paths;
pub mod pipeline;
pub mod plan;
pub mod policy;
pub mod progress;
pub mod report;
pub mod shard;
pub mod source;
pub mod state_v3;
pub mod suppress;
pub mod terraform;
pub mod tool;

/// The policy input document, under its older path (`tfward::input`).
pub use model::document as input;
