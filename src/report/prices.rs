//! `tfward prices import`: reads the bulk price files, merges their prices
//! into a catalogue and writes it (without following a link at the output).

use std::path::Path;

use crate::analyse::cost::import::{self, Imported};
use crate::analyse::cost::Catalogue;

/// A bulk price file is large (the EC2 offer file of one region is a few
/// hundred MB); beyond this it is refused rather than read into memory.
const MAX_FILE: u64 = 2 * 1024 * 1024 * 1024;

/// Imports `files` into `base` (or the built-in catalogue), writes the
/// result to `output`, and says what was taken.
pub fn import(
    files: &[std::path::PathBuf],
    base: Option<&Path>,
    output: &Path,
    date: &str,
) -> Result<String, String> {
    if crate::date::Date::parse(date).is_none() {
        return Err(format!("--date {date:?}: expected YYYY-MM-DD"));
    }
    let base_text = match base {
        Some(p) => {
            std::fs::read_to_string(p).map_err(|e| format!("--base {}: {e}", p.display()))?
        }
        None => crate::analyse::cost::catalogue::EMBEDDED.to_owned(),
    };
    let base_doc: serde_json::Value = serde_json::from_str(&base_text)
        .map_err(|e| format!("the base catalogue is not JSON: {e}"))?;
    let mut imports: Vec<(String, Imported)> = Vec::new();
    for f in files {
        let meta = std::fs::metadata(f).map_err(|e| format!("{}: {e}", f.display()))?;
        if !meta.is_file() || meta.len() > MAX_FILE {
            return Err(format!(
                "{}: not a price file (a regular file of at most 2 GiB)",
                f.display()
            ));
        }
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let imp = import::read(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        imports.push((name, imp));
    }
    let merged = import::merge(&base_doc, &imports, date);
    let mut text = serde_json::to_string_pretty(&merged).map_err(|e| e.to_string())?;
    text.push('\n');
    // The result must load as a catalogue, or it is not written.
    Catalogue::parse(&text)?;
    super::publish::write_atomic(output, &text)?;
    let parts: Vec<String> = imports
        .iter()
        .map(|(f, i)| {
            format!(
                "{f} ({}): {} prices, {} entries skipped",
                i.format,
                i.lines.len(),
                i.skipped
            )
        })
        .collect();
    Ok(format!(
        "wrote {} (prices of {date}); {}\n",
        crate::source::display_path(output),
        parts.join("; ")
    ))
}
