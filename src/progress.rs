//! The progress bar on stderr. It appears only when stderr is a terminal and
//! the work has already taken more than a second, so quick runs, pipes and
//! CI logs see nothing at all.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before the bar is drawn.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar over `len` steps of work that began at `started` (the bar
    /// appears once the whole run, not just this stage, passes a second);
    /// `enabled` is false when stderr is not a terminal.
    pub fn new(enabled: bool, started: Instant, len: usize, what: &str) -> Progress {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}") {
                bar.set_style(style);
            }
            bar.set_message(what.to_owned());
            bar
        });
        Progress {
            bar,
            started,
            shown: AtomicBool::new(false),
        }
    }

    /// One step done (called from any worker).
    pub fn inc(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.started.elapsed() > DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Clears the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Prints a phase timing on stderr (TFWARD_PROFILE=1).
#[allow(clippy::print_stderr)]
pub fn report_timing(line: &str) {
    eprintln!("timing: {line}");
}

/// The process's resident memory now and at its peak, for TFWARD_PROFILE
/// lines ("rss 120 MB, peak 300 MB"); empty where /proc is not there.
pub fn memory_use() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb / 1024)
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(now), Some(peak)) => format!("rss {now} MB, peak {peak} MB"),
        _ => String::new(),
    }
}
