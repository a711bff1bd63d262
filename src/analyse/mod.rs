//! Analyses over the model and findings: pure functions.

pub mod diff;
pub mod drift;
