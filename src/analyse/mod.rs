//! Analyses over the model and findings: pure functions.

pub mod approvals;
pub mod checklist;
pub mod cost;
pub mod dependents;
pub mod diff;
pub mod drift;
pub mod exposure;
pub mod iam;
pub mod monitoring;
pub mod request;
pub mod risk;
pub mod rollback;
pub mod savings;
