//! The one integration-test binary: every test runs the real `tfward`
//! binary or the library's public pipeline and asserts what a user sees.

#![allow(clippy::print_stderr, clippy::print_stdout)]

mod baseline;
mod batches;
mod ci_support;
mod cli;
mod config;
mod conftest;
mod diff;
mod download;
mod formats;
mod fuzz_smoke;
mod help;
mod hostile;
mod inputs;
mod layering;
mod output;
mod peers;
mod plans;
mod policies;
mod report;
mod semantics;
mod shard;
mod support;
mod suppress;
mod terragrunt;
mod trust;
mod trust2;
