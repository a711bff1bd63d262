//! The one integration-test binary: every test runs the real `tfward`

#![allow(clippy::print_stderr, clippy::print_stdout)]
//! binary or the library's public pipeline and asserts what a user sees.

mod cli;
mod inputs;
mod plans;
mod policies;
mod support;
