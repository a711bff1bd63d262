//! The one integration-test binary: each module tests one command or
//! feature end to end.

mod report;
