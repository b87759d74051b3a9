//! The `ventana` binary: parse the command line, then run one subcommand or the desktop app.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        Some(cli::Command::Check(args)) => cli::check::run(&cli, args),
        Some(cli::Command::Eval(args)) => cli::eval::run(&cli, args),
        Some(cli::Command::Import(args)) => cli::import::run_import(&cli, args),
        Some(cli::Command::Windows(args)) => cli::windows::run(&cli, args),
        None => run_gui(&cli),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("ventana: {e:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(feature = "gui")]
fn run_gui(_cli: &cli::Cli) -> anyhow::Result<u8> {
    anyhow::bail!("the desktop app is not part of this build yet; use a subcommand (see --help)")
}

#[cfg(not(feature = "gui"))]
fn run_gui(_cli: &cli::Cli) -> anyhow::Result<u8> {
    anyhow::bail!(
        "this build has no desktop app (built without the `gui` feature); use a subcommand, see --help"
    )
}
