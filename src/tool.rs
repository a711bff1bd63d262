//! Who wrote a file: tfward's name and version, and the report schema
//! version, stamped on every JSON report and baseline.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The report's schema version (bumped on incompatible changes).
pub const REPORT_VERSION: u32 = 1;

/// The tool that wrote a report (reports are read back by `diff`, `merge`
/// and `--baseline`, hence the owned form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: Cow<'static, str>,
    pub version: Cow<'static, str>,
}

pub const TOOL: Tool = Tool {
    name: Cow::Borrowed("tfward"),
    version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
};
