//! `--help` of every subcommand, as a user reads it: a change to a flag or
//! its wording shows up here for review.

use crate::support::{code, stdout, tfward};

/// Every command's path from the top (`[]`, `["scan"]`, `["policy",
/// "test"]`), read from the command-line definition so a new subcommand
/// gets its snapshot.
fn commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(
        &<tfward::cli::Cli as clap::CommandFactory>::command(),
        Vec::new(),
        &mut out,
    );
    out
}

#[test]
fn every_subcommand_has_help() {
    let commands = commands();
    assert!(commands.len() > 10, "{commands:?}");
    for command in &commands {
        let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
        args.push("--help");
        let out = tfward(&args);
        assert_eq!(code(&out), 0, "tfward {}", args.join(" "));
        let name = if command.is_empty() {
            "tfward".to_owned()
        } else {
            command.join("_")
        };
        insta::with_settings!({
            snapshot_suffix => name,
            // The version moves with every release; the help does not.
            filters => vec![(env!("CARGO_PKG_VERSION"), "[VERSION]")],
        }, {
            insta::assert_snapshot!("help", stdout(&out));
        });
    }
}
