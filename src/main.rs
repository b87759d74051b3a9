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
        Some(cli::Command::Plan(args)) => cli::plan::run(&cli, args),
        Some(cli::Command::Export(args)) => cli::export::run(&cli, args),
        Some(cli::Command::Pages(args)) => cli::pages::run(&cli, args),
        Some(cli::Command::EntryPoints(args)) => cli::entry_points::run(&cli, args),
        Some(cli::Command::Returns(args)) => cli::returns::run(&cli, args),
        None => run_gui(&cli),
    };
    match (result, cli::stdout_error()) {
        (Err(e), _) => {
            eprintln!("ventana: {}", cli::error_sentence(&e, cli.language()));
            ExitCode::from(cli::EXIT_ERROR)
        }
        (Ok(_), Some(e)) => {
            let detail = ventana::i18n::Arg::from(e);
            let sentence =
                ventana::i18n::say(cli.language(), "cli-error-output", &[("detail", detail)]);
            eprintln!("ventana: {sentence}");
            ExitCode::from(cli::EXIT_ERROR)
        }
        (Ok(code), None) => ExitCode::from(code),
    }
}

#[cfg(feature = "gui")]
fn run_gui(cli: &cli::Cli) -> anyhow::Result<u8> {
    let engine = std::sync::Arc::new(cli.engine()?);
    ventana::gui::run(ventana::gui::Launch {
        db: cli.db_path(),
        demo_on_first_run: cli.db.is_none(),
        now: cli.now,
        lang: cli.lang,
        system_lang: cli.language(),
        tab: cli
            .tab
            .as_deref()
            .and_then(ventana::gui::state::Tab::from_name),
        engine,
    })
    .map_err(|e| {
        anyhow::anyhow!(
            "cannot open the window ({e}); on a machine without a display, use the subcommands (see --help)"
        )
    })?;
    Ok(0)
}

#[cfg(not(feature = "gui"))]
fn run_gui(_cli: &cli::Cli) -> anyhow::Result<u8> {
    anyhow::bail!(
        "this build has no desktop app (built without the `gui` feature); use a subcommand, see --help"
    )
}
