//! `ventana pages`: the Pages contacts belong to, and where each is — the country decides
//! which routes exist for it (Utility Messages, paid marketing messages, One-Time
//! Notifications…).

use super::{out, outln};
use anyhow::bail;

use ventana::i18n::{I18n, Lang, format_count};
use ventana::import::time::parse_zone;
use ventana::policy::Country;
use ventana::store::{PageEdit, PageRow, Store};

use super::Cli;
use super::check::country;

/// Arguments of `ventana pages`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Change a Page; without it, list them.
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

/// What to do with a Page.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Set a Page's country, name, username or time zone (the others stay as they are).
    Set(SetArgs),
}

/// Arguments of `ventana pages set`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The Page ID, as contacts carry it.
    #[arg(value_name = "PAGE_ID")]
    pub page_id: String,
    /// Where the Page (the business) is: an ISO 3166 code such as IT, ES or US.
    #[arg(long, value_name = "CC", value_parser = country)]
    pub country: Option<Country>,
    /// The Page's name.
    #[arg(long, value_name = "N")]
    pub name: Option<String>,
    /// The Page's username, for m.me links (letters, digits and dots).
    #[arg(long, value_name = "U", value_parser = username)]
    pub username: Option<String>,
    /// The Page's time zone (IANA name, e.g. Europe/Rome).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

/// Reads a Page username: what follows `https://m.me/`.
fn username(s: &str) -> Result<String, String> {
    ventana::reopen::clean_username(s).ok_or_else(|| {
        format!(
            "{s:?} is not a Page username: use the letters, digits and dots after https://m.me/ (at least 5)"
        )
    })
}

/// Runs the subcommand; returns the exit code.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let db = cli.db_path();
    let store = Store::open(&db)?;
    let lang = cli.language();
    let engine = cli.engine()?;
    if let Some(Action::Set(set)) = &args.action {
        let timezone = match &set.tz {
            Some(z) => Some(
                parse_zone(z)
                    .map_err(|e| {
                        super::fail(lang, "cli-error-tz", &[("detail", e.sentence(lang).into())])
                    })?
                    .name()
                    .to_string(),
            ),
            None => None,
        };
        if set.country.is_none()
            && set.name.is_none()
            && set.username.is_none()
            && timezone.is_none()
        {
            bail!("{}", engine.i18n.t(lang, "cli-pages-nothing-to-set"));
        }
        store.set_page(
            &set.page_id,
            &PageEdit {
                name: set.name.clone(),
                username: set.username.clone(),
                country: set.country,
                timezone,
            },
        )?;
    }
    let pages = store.pages()?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&pages)?);
    } else {
        out!("{}", human(&engine.i18n, &pages, lang));
    }
    Ok(0)
}

fn human(i18n: &I18n, pages: &[PageRow], lang: Lang) -> String {
    if pages.is_empty() {
        return format!("{}\n", i18n.t(lang, "cli-pages-none"));
    }
    let dash = || "—".to_string();
    let mut out = String::new();
    for p in pages {
        let country = p
            .country
            .map_or_else(dash, |c| format!("{c} ({})", c.name(lang)));
        out.push_str(&i18n.tr(
            lang,
            "cli-pages-line",
            &[
                ("id", p.id.as_str().into()),
                ("name", p.name.clone().unwrap_or_else(dash).into()),
                ("username", p.username.clone().unwrap_or_else(dash).into()),
                ("country", country.into()),
                ("tz", p.timezone.clone().unwrap_or_else(dash).into()),
                ("contacts", format_count(lang, p.contacts).into()),
            ],
        ));
        out.push('\n');
    }
    if pages.iter().any(|p| p.country.is_none()) {
        out.push_str(&i18n.t(lang, "cli-pages-set-country"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_read_from_links_too() {
        assert_eq!(
            username("https://m.me/bottega.roma").unwrap(),
            "bottega.roma"
        );
        assert_eq!(username("@bottega").unwrap(), "bottega");
        assert!(username("bottega roma").is_err());
        assert!(username("").is_err());
    }
}
