//! The one integration-test binary (STYLE.md): each module tests one area
//! through the real `tfward` binary.

mod formats;
