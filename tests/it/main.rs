//! The one integration-test binary (STYLE.md): every module runs the real
//! `tfward` on fixtures under testdata/ and checks what a user observes.

mod support;

mod baseline;
mod config;
mod diff;
mod shard;
mod suppress;
