//! The desktop app (eframe/egui): top bar, filters, and the contacts, timeline and composer
//! tabs, over the same core the command line uses.

pub mod app;
pub mod command;
pub mod format;
pub mod jobs;
pub mod panels;
pub mod state;
pub mod widgets;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

pub use app::VentanaApp;

use crate::Engine;
use crate::i18n::Lang;

/// What the command line passes to the app.
#[derive(Debug)]
pub struct Launch {
    /// The database file.
    pub db: PathBuf,
    /// Load the demo when the database does not exist yet (the default database; a file the
    /// user names opens on the welcome screen instead).
    pub demo_on_first_run: bool,
    /// A fixed planning instant.
    pub now: Option<DateTime<Utc>>,
    /// A language that overrides the saved one.
    pub lang: Option<Lang>,
    /// The desktop's language, for a first start with no saved preferences.
    pub system_lang: Lang,
    /// A tab to open on instead of the saved one.
    pub tab: Option<state::Tab>,
    /// Policy and lexicons.
    pub engine: Arc<Engine>,
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> Result<(), eframe::Error> {
    let first_run = launch.demo_on_first_run && !launch.db.exists();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Ventana")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Ventana",
        options,
        Box::new(move |cc| Ok(Box::new(VentanaApp::from_creation(cc, launch, first_run)))),
    )
}
