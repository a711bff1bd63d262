//! The one integration-test binary: every test runs the real `tfward`
//! binary or the library's public pipeline and asserts what a user sees.

#![allow(clippy::print_stderr, clippy::print_stdout)]

mod cli;
mod formats;
mod inputs;
mod plans;
mod policies;
mod report;
mod semantics;
mod support;
