//! Analyses over the model and findings: pure functions.

pub mod cost;
pub mod diff;
pub mod drift;
pub mod risk;
