//! `ventana entry-points`: the links, QR codes, ads and comment replies that make a person
//! write first, and so reopen the window.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Cli, outln};
use ventana::i18n::{Lang, format_instant};
use ventana::policy::Channel;
use ventana::reopen::{EntryKind, entries};
use ventana::store::{EntryPoint, NewEntryPoint, Store};

/// Arguments of `ventana entry-points`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub action: Action,
}

/// What to do with entry points.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List the entry points, newest first.
    List {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record an entry point; prints its link and, with --out, writes its QR code.
    Create(CreateArgs),
    /// Change an entry point's name, campaign or start (its Page, kind and ref stay: the link
    /// is already out there).
    Edit {
        /// The entry point's id or ref.
        #[arg(value_name = "ID_OR_REF")]
        key: String,
        /// A new name.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// The campaign it belongs to; 0 for none.
        #[arg(long, value_name = "ID")]
        campaign: Option<i64>,
        /// When it went out, RFC 3339.
        #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
        started: Option<DateTime<Utc>>,
    },
    /// Delete an entry point (its link keeps working; Ventana stops counting its returns).
    Delete {
        /// The entry point's id or ref.
        #[arg(value_name = "ID_OR_REF")]
        key: String,
    },
    /// Show one entry point (by id or ref): its link, the sentence to print beside it, and
    /// its QR code with --out.
    Show {
        /// The entry point's id or ref.
        #[arg(value_name = "ID_OR_REF")]
        key: String,
        /// Write the QR code of its link here (.png, or .svg).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Arguments of `ventana entry-points create`.
#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// The Page people write to (its ID; `ventana pages` lists them). Links need its username
    /// (`ventana pages set PAGE_ID --username NAME`).
    #[arg(long, value_name = "PAGE_ID")]
    pub page: String,
    /// The ref the link carries: 1 to 250 characters from a-z A-Z 0-9 + / = - . : _ (Meta's
    /// rule for m.me links and plugins). Needed for links, QR codes and plugins.
    #[arg(long = "ref", value_name = "REF")]
    pub ref_: Option<String>,
    /// What it is: link, qr, ad, comment-reply or plugin (default: qr with --out, else link).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// A name to find it by (default: the ref).
    #[arg(long, value_name = "NAME", default_value = "")]
    pub name: String,
    /// The campaign it belongs to (its id, as `ventana export --approve` printed it).
    #[arg(long, value_name = "ID")]
    pub campaign: Option<i64>,
    /// messenger (m.me links) or instagram (ig.me links).
    #[arg(long, value_name = "CHANNEL", default_value = "messenger")]
    pub channel: Channel,
    /// When it goes out (posted, printed, the ad starts), RFC 3339 (default: --now, else now).
    #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
    pub started: Option<DateTime<Utc>>,
    /// Write the QR code of the link here (.png, or .svg).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the entry point as JSON.
    #[arg(long)]
    pub json: bool,
}

/// An entry point with what is made from it.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    entry: &'a EntryPoint,
    link: Option<String>,
    text: Option<String>,
    qr: Option<String>,
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let lang = cli.language();
    let store = Store::open(&cli.db_path())?;
    match &args.action {
        Action::List { json } => {
            let all = store.entry_points()?;
            if *json {
                let shown = all
                    .iter()
                    .map(|e| shown(&store, e, None, lang))
                    .collect::<Result<Vec<_>, _>>()?;
                outln!("{}", serde_json::to_string_pretty(&shown)?);
            } else if all.is_empty() {
                outln!("{}", super::say(lang, "cli-entry-none", &[]));
            } else {
                for e in &all {
                    print_line(&store, e, lang)?;
                }
            }
        }
        Action::Create(c) => {
            let kind = match &c.kind {
                Some(k) => EntryKind::parse(k).ok_or_else(|| {
                    super::fail(lang, "cli-entry-bad-kind", &[("kind", k.as_str().into())])
                })?,
                None if c.out.is_some() => EntryKind::Qr,
                None => EntryKind::Link,
            };
            let now = cli.now();
            let e = entries::create(
                &store,
                NewEntryPoint {
                    name: c.name.clone(),
                    page_id: c.page.trim().to_string(),
                    channel: c.channel,
                    kind,
                    ref_: c.ref_.clone(),
                    campaign_id: c.campaign,
                    started_at: c.started.unwrap_or(now).timestamp(),
                },
                now.timestamp(),
                lang,
            )?;
            show(&store, &e, c.out.as_deref(), c.json, lang)?;
        }
        Action::Show { key, out, json } => {
            let e = entries::find(&store, key)?;
            show(&store, &e, out.as_deref(), *json, lang)?;
        }
        Action::Edit {
            key,
            name,
            campaign,
            started,
        } => {
            let e = entries::find(&store, key)?;
            let campaign_id = match campaign {
                Some(0) => None,
                Some(id) if store.campaign(*id)?.is_none() => {
                    return Err(entries::EntryError::UnknownCampaign(*id).into());
                }
                Some(id) => Some(*id),
                None => e.campaign_id,
            };
            let name = name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(&e.name);
            let started = started.map_or(e.started_at, |t| t.timestamp());
            store.update_entry_point(e.id, name, campaign_id, started)?;
            let e = entries::find(&store, &e.id.to_string())?;
            print_line(&store, &e, lang)?;
        }
        Action::Delete { key } => {
            let e = entries::find(&store, key)?;
            store.delete_entry_point(e.id)?;
            outln!(
                "{}",
                super::say(
                    lang,
                    "cli-entry-deleted",
                    &[("name", e.name.as_str().into())]
                )
            );
        }
    }
    Ok(0)
}

fn shown<'a>(
    store: &Store,
    e: &'a EntryPoint,
    out: Option<&std::path::Path>,
    lang: Lang,
) -> Result<Shown<'a>, entries::EntryError> {
    let link = entries::link_of(store, e)?;
    let qr = match (&link, out) {
        (Some(l), Some(path)) => {
            entries::write_qr(l, path)?;
            Some(path.display().to_string())
        }
        _ => None,
    };
    Ok(Shown {
        entry: e,
        text: link
            .as_deref()
            .map(|l| entries::blurb(lang, e.kind, e.channel, l)),
        link,
        qr,
    })
}

fn show(
    store: &Store,
    e: &EntryPoint,
    out: Option<&std::path::Path>,
    json: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    if out.is_some() && entries::link_of(store, e)?.is_none() {
        return Err(super::fail(
            lang,
            "cli-entry-no-qr",
            &[("kind", e.kind.name(lang).into())],
        ));
    }
    let s = shown(store, e, out, lang)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    print_line(store, e, lang)?;
    if let Some(l) = &s.link {
        outln!("{l}");
    }
    if let Some(t) = &s.text {
        outln!("{t}");
    }
    if let Some(q) = &s.qr {
        outln!(
            "{}",
            super::say(lang, "cli-entry-qr-written", &[("path", q.as_str().into())])
        );
    }
    Ok(())
}

fn print_line(store: &Store, e: &EntryPoint, lang: Lang) -> anyhow::Result<()> {
    let started = DateTime::from_timestamp(e.started_at, 0).unwrap_or_default();
    let campaign = match e
        .campaign_id
        .map(|id| store.campaign(id))
        .transpose()?
        .flatten()
    {
        Some(c) => c.campaign.name,
        None => "—".into(),
    };
    outln!(
        "{}",
        super::say(
            lang,
            "cli-entry-line",
            &[
                ("id", e.id.into()),
                ("name", e.name.as_str().into()),
                ("kind", e.kind.name(lang).into()),
                ("page", e.page_id.as_str().into()),
                ("ref", e.ref_.as_deref().unwrap_or("—").into()),
                ("started", format_instant(lang, started).into()),
                ("campaign", campaign.into()),
            ],
        )
    );
    Ok(())
}
