//! The error that stops a run, and the exit statuses (an API: 0 clean, 1
//! findings at or above the threshold, 2 tfward could not do its job).

/// Exit statuses (tested in the CLI tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the threshold.
    Clean = 0,
    /// Findings at or above the threshold.
    Findings = 1,
    /// tfward could not do its job.
    Error = 2,
}

/// An error that stops the run (exit 2), with what to do about it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Fatal(pub String);
