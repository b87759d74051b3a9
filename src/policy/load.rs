//! Loading policy files: TOML in `assets/policy/` (embedded) or a directory the user names.
//! Every problem becomes a sentence naming the file, the line and the field.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use toml::Spanned;

use super::model::{
    Channel, ChannelPolicy, Feature, InteractionKind, Limits, PrivateReply, Purpose, Route, Rule,
    RuleExample, Text, Version, WindowExample, WindowNeed, WindowOverride,
};
use super::region::{Confidence, GroupInfo, Party, Regions, Scope};

/// The region groups built into the binary.
pub const EMBEDDED_REGIONS: (&str, &str) = (
    "regions.toml",
    include_str!("../../assets/policy/regions.toml"),
);

/// The policy files built into the binary, by file name.
pub const EMBEDDED: [(&str, &str); 3] = [
    (
        "messenger.toml",
        include_str!("../../assets/policy/messenger.toml"),
    ),
    (
        "instagram.toml",
        include_str!("../../assets/policy/instagram.toml"),
    ),
    (
        "whatsapp.toml",
        include_str!("../../assets/policy/whatsapp.toml"),
    ),
];

/// A policy file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file or directory could not be read.
    #[error("{path}: cannot read it ({source}); check the path and its permissions")]
    Io {
        /// What was being read.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid, at a known place.
    #[error("{file}, line {line}{}: {message}", field.as_deref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Invalid {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// The field at fault, when known.
        field: Option<String>,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A directory without policy files.
    #[error("{dir}: no policy files (*.toml) found; copy assets/policy/*.toml there and edit them")]
    Empty {
        /// The directory.
        dir: String,
    },
    /// Two files for the same channel.
    #[error("{second}: channel {channel} is already defined by {first}; keep one file per channel")]
    DuplicateChannel {
        /// The channel.
        channel: Channel,
        /// The first file.
        first: String,
        /// The second file.
        second: String,
    },
}

/// The rules of every channel, and where they came from.
#[derive(Clone, Debug)]
pub struct Policy {
    channels: BTreeMap<Channel, ChannelPolicy>,
    origins: BTreeMap<Channel, String>,
    regions: Regions,
}

impl Policy {
    /// The policy built into the binary.
    pub fn embedded() -> Result<Policy, PolicyError> {
        let mut policy = Policy {
            channels: BTreeMap::new(),
            origins: BTreeMap::new(),
            regions: parse_regions(EMBEDDED_REGIONS.0, EMBEDDED_REGIONS.1)?,
        };
        for (name, text) in EMBEDDED {
            let cp = parse_channel(name, text, &policy.regions)?;
            policy.add(cp, format!("embedded {name}"))?;
        }
        Ok(policy)
    }

    /// The embedded policy with every channel defined in `dir` replaced by the user's file,
    /// and the region groups replaced by the user's `regions.toml` when there is one.
    pub fn with_dir(dir: &Path) -> Result<Policy, PolicyError> {
        let mut policy = Policy::embedded()?;
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| PolicyError::Io {
                path: path.display().to_string(),
                source,
            })
        };
        let files = toml_files(dir)?;
        let (regions, channels): (Vec<PathBuf>, Vec<PathBuf>) = files
            .into_iter()
            .partition(|p| p.file_name().is_some_and(|n| n == EMBEDDED_REGIONS.0));
        let region_data = match regions.first() {
            Some(path) => Some(parse_regions(&path.display().to_string(), &read(path)?)?),
            None => None,
        };
        let mut user = Policy {
            channels: BTreeMap::new(),
            origins: BTreeMap::new(),
            regions: region_data.unwrap_or_else(|| policy.regions.clone()),
        };
        for path in channels {
            let name = path.display().to_string();
            let cp = parse_channel(&name, &read(&path)?, &user.regions)?;
            user.add(cp, name)?;
        }
        // Embedded channels the user did not replace are read again against the user's
        // regions, so that a group they redefine applies everywhere.
        if !regions.is_empty() {
            for (name, text) in EMBEDDED {
                let cp = parse_channel(name, text, &user.regions)?;
                if !user.channels.contains_key(&cp.channel) {
                    user.add(cp, format!("embedded {name}"))?;
                }
            }
            return Ok(user);
        }
        policy.channels.append(&mut user.channels);
        policy.origins.append(&mut user.origins);
        Ok(policy)
    }

    /// The region groups.
    pub fn regions(&self) -> &Regions {
        &self.regions
    }

    fn add(&mut self, cp: ChannelPolicy, origin: String) -> Result<(), PolicyError> {
        if let Some(first) = self.origins.get(&cp.channel) {
            return Err(PolicyError::DuplicateChannel {
                channel: cp.channel,
                first: first.clone(),
                second: origin,
            });
        }
        self.origins.insert(cp.channel, origin);
        self.channels.insert(cp.channel, cp);
        Ok(())
    }

    /// The rules of `channel`, if any file defines it.
    pub fn channel(&self, channel: Channel) -> Option<&ChannelPolicy> {
        self.channels.get(&channel)
    }

    /// Every channel's rules.
    pub fn channels(&self) -> impl Iterator<Item = &ChannelPolicy> {
        self.channels.values()
    }

    /// Where `channel`'s rules were read from.
    pub fn origin(&self, channel: Channel) -> Option<&str> {
        self.origins.get(&channel).map(String::as_str)
    }
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, PolicyError> {
    let io = |source| PolicyError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(PolicyError::Empty {
            dir: dir.display().to_string(),
        });
    }
    Ok(files)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    channel: Channel,
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    limits: Option<Spanned<Limits>>,
    #[serde(default)]
    version: Vec<RawVersion>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    feature: Vec<Spanned<RawScope>>,
    #[serde(default)]
    private_reply: Option<Spanned<PrivateReply>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegions {
    group: BTreeMap<String, RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: Text,
    source: String,
    countries: Vec<String>,
}

/// A regional restriction as written in a file: a rule's `[[rule.region]]`, or a
/// `[[feature]]`, which also has an id and a title.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScope {
    #[serde(default)]
    id: Option<Spanned<String>>,
    #[serde(default)]
    title: Option<Text>,
    party: Party,
    #[serde(default)]
    only: Option<Vec<String>>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    uncertain: Vec<String>,
    from: Spanned<NaiveDate>,
    #[serde(default)]
    until: Option<Spanned<NaiveDate>>,
    source: Spanned<String>,
    #[serde(default)]
    confidence: Confidence,
    reason: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    id: Spanned<String>,
    title: Text,
    effective: Spanned<NaiveDate>,
    source: Spanned<String>,
    #[serde(default)]
    note: String,
    window_hours: Spanned<u32>,
    openers: Vec<InteractionKind>,
    #[serde(default)]
    window_override: Vec<WindowOverride>,
    #[serde(default)]
    example: Vec<Spanned<WindowExample>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    route: Spanned<Route>,
    title: Text,
    from: Spanned<NaiveDate>,
    #[serde(default)]
    until: Option<Spanned<NaiveDate>>,
    source: Spanned<String>,
    purposes: Spanned<Vec<Purpose>>,
    #[serde(default)]
    topics: Vec<String>,
    promotional_allowed: bool,
    window: WindowNeed,
    #[serde(default)]
    max_hours: Option<u32>,
    #[serde(default)]
    requires: Option<Text>,
    #[serde(default)]
    human_only: bool,
    allowed: String,
    #[serde(default)]
    forbidden: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    replaced_by: Vec<Route>,
    #[serde(default)]
    topic_required: bool,
    #[serde(default = "yes")]
    suggest: bool,
    #[serde(default)]
    rank: i32,
    #[serde(default)]
    region: Vec<Spanned<RawScope>>,
    #[serde(default)]
    example: Vec<RuleExample>,
}

fn yes() -> bool {
    true
}

const STATES: [&str; 5] = [
    "open",
    "closing",
    "maybe_open",
    "human_agent_only",
    "closed",
];

/// Parses the region groups (`regions.toml`).
pub fn parse_regions(file: &str, text: &str) -> Result<Regions, PolicyError> {
    let invalid =
        |span: Range<usize>, field: Option<String>, message: String| PolicyError::Invalid {
            file: file.to_string(),
            line: line_of(text, span.start),
            field,
            message,
        };
    let raw: RawRegions = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        invalid(
            span.clone(),
            key_at(text, &span),
            e.message().trim_end_matches('\n').to_string(),
        )
    })?;
    let members = raw
        .group
        .iter()
        .map(|(k, g)| (k.clone(), g.countries.clone()))
        .collect();
    let mut regions = Regions::build(&members).map_err(|message| {
        let line = text.find("[group.").map_or(0, |i| i);
        invalid(line..line, Some("countries".into()), message)
    })?;
    regions.info = raw
        .group
        .into_iter()
        .map(|(k, g)| {
            (
                k,
                GroupInfo {
                    name: g.name,
                    source: g.source,
                },
            )
        })
        .collect();
    Ok(regions)
}

/// Parses and validates one channel's policy file; region names refer to `regions`.
pub fn parse_channel(
    file: &str,
    text: &str,
    regions: &Regions,
) -> Result<ChannelPolicy, PolicyError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let field = key_at(text, &span);
        PolicyError::Invalid {
            file: file.to_string(),
            line: line_of(text, span.start),
            field,
            message: e.message().trim_end_matches('\n').to_string(),
        }
    })?;
    let invalid = |span: Range<usize>, field: &str, message: String| PolicyError::Invalid {
        file: file.to_string(),
        line: line_of(text, span.start),
        field: Some(field.to_string()),
        message,
    };
    let resolve = |src: &Spanned<String>| -> Result<String, PolicyError> {
        let s = src.get_ref().trim();
        if s.starts_with("https://") || s.starts_with("http://") {
            Ok(s.to_string())
        } else if let Some(url) = raw.sources.get(s) {
            Ok(url.clone())
        } else {
            let known: Vec<&str> = raw.sources.keys().map(String::as_str).collect();
            Err(invalid(
                src.span(),
                "source",
                format!(
                    "{s:?} is neither a URL nor a key of [sources] (known: {})",
                    known.join(", ")
                ),
            ))
        }
    };

    let mut ids = HashSet::new();
    let mut check_id = |id: &Spanned<String>| {
        if id.get_ref().trim().is_empty() {
            return Err(invalid(id.span(), "id", "the id is empty".into()));
        }
        if !ids.insert(id.get_ref().clone()) {
            return Err(invalid(
                id.span(),
                "id",
                format!("{:?} is used twice; ids must be unique", id.get_ref()),
            ));
        }
        Ok(())
    };

    let scope = |span: Range<usize>, id: String, r: RawScope| -> Result<Scope, PolicyError> {
        let set = |list: &[String], field: &str| {
            regions
                .set(list)
                .map_err(|m| invalid(span.clone(), field, m))
        };
        if let Some(until) = &r.until
            && until.get_ref() <= r.from.get_ref()
        {
            return Err(invalid(
                until.span(),
                "until",
                format!(
                    "the restriction ends ({}) before it starts ({})",
                    until.get_ref(),
                    r.from.get_ref()
                ),
            ));
        }
        let only = match &r.only {
            Some(list) if list.is_empty() => {
                return Err(invalid(
                    span.clone(),
                    "only",
                    "`only` lists no country; give codes or group names, or leave it out".into(),
                ));
            }
            Some(list) => Some(set(list, "only")?),
            None => None,
        };
        let except = set(&r.except, "except")?;
        let uncertain = set(&r.uncertain, "uncertain")?;
        if only.is_none() && except.is_empty() && uncertain.is_empty() {
            return Err(invalid(
                span.clone(),
                "only",
                "a regional restriction needs `only`, `except` or `uncertain`".into(),
            ));
        }
        Ok(Scope {
            id,
            party: r.party,
            only,
            except,
            uncertain,
            from: r.from.into_inner(),
            until: r.until.map(Spanned::into_inner),
            source: resolve(&r.source)?,
            confidence: r.confidence,
            reason: r.reason,
        })
    };

    let limits = match raw.limits {
        Some(l) => {
            let span = l.span();
            let mut l = l.into_inner();
            if !l.source.is_empty() {
                l.source = resolve(&Spanned::new(span, l.source.clone()))?;
            }
            l
        }
        None => Limits::default(),
    };

    let mut versions = Vec::with_capacity(raw.version.len());
    let mut window_examples = Vec::new();
    for v in raw.version {
        check_id(&v.id)?;
        if *v.window_hours.get_ref() == 0 {
            return Err(invalid(
                v.window_hours.span(),
                "window_hours",
                "a window of 0 hours makes no sense; give the length in hours, e.g. 24".into(),
            ));
        }
        if let Some(prev) = versions.last().map(|p: &Version| p.effective)
            && *v.effective.get_ref() <= prev
        {
            return Err(invalid(
                v.effective.span(),
                "effective",
                format!(
                    "versions must be in date order, but {} is not after {prev}",
                    v.effective.get_ref()
                ),
            ));
        }
        for ex in &v.example {
            if !STATES.contains(&ex.get_ref().state.as_str()) {
                return Err(invalid(
                    ex.span(),
                    "state",
                    format!(
                        "{:?} is not a window state; use one of {}",
                        ex.get_ref().state,
                        STATES.join(", ")
                    ),
                ));
            }
            window_examples.push((v.id.get_ref().clone(), ex.get_ref().clone()));
        }
        versions.push(Version {
            source: resolve(&v.source)?,
            id: v.id.into_inner(),
            title: v.title,
            effective: v.effective.into_inner(),
            note: v.note,
            window_hours: v.window_hours.into_inner(),
            openers: v.openers,
            window_overrides: v.window_override,
        });
    }
    if versions.is_empty() {
        return Err(PolicyError::Invalid {
            file: file.to_string(),
            line: 1,
            field: Some("version".into()),
            message: "the file defines no [[version]]; a channel needs at least one".into(),
        });
    }

    let mut rules = Vec::with_capacity(raw.rule.len());
    for r in raw.rule {
        check_id(&r.id)?;
        let rule_id = r.id.get_ref().clone();
        if *r.route.get_ref() == Route::None {
            return Err(invalid(
                r.route.span(),
                "route",
                "a rule cannot grant the route \"none\"".into(),
            ));
        }
        if let Some(until) = &r.until
            && until.get_ref() <= r.from.get_ref()
        {
            return Err(invalid(
                until.span(),
                "until",
                format!(
                    "the rule ends ({}) before it starts ({})",
                    until.get_ref(),
                    r.from.get_ref()
                ),
            ));
        }
        if r.purposes.get_ref().is_empty() {
            return Err(invalid(
                r.purposes.span(),
                "purposes",
                "list at least one purpose the route may carry".into(),
            ));
        }
        rules.push(Rule {
            source: resolve(&r.source)?,
            id: r.id.into_inner(),
            route: r.route.into_inner(),
            title: r.title,
            from: r.from.into_inner(),
            until: r.until.map(Spanned::into_inner),
            purposes: r.purposes.into_inner(),
            topics: r.topics,
            promotional_allowed: r.promotional_allowed,
            window: r.window,
            max_hours: r.max_hours,
            requires: r.requires,
            human_only: r.human_only,
            allowed: r.allowed,
            forbidden: r.forbidden,
            note: r.note,
            replaced_by: r.replaced_by,
            topic_required: r.topic_required,
            suggest: r.suggest,
            rank: r.rank,
            regions: r
                .region
                .into_iter()
                .enumerate()
                .map(|(k, s)| {
                    let span = s.span();
                    let mut s = s.into_inner();
                    if s.title.is_some() {
                        return Err(invalid(
                            span,
                            "title",
                            "a rule's [[rule.region]] has no title; its `reason` says what it is"
                                .into(),
                        ));
                    }
                    let id = s
                        .id
                        .take()
                        .map_or_else(|| format!("{rule_id}.region{}", k + 1), Spanned::into_inner);
                    scope(span, id, s)
                })
                .collect::<Result<_, _>>()?,
            examples: r.example,
        });
    }

    let mut features = Vec::with_capacity(raw.feature.len());
    for f in raw.feature {
        let span = f.span();
        let mut f = f.into_inner();
        let (Some(id), Some(title)) = (f.id.take(), f.title.take()) else {
            return Err(invalid(
                span,
                "id",
                "a [[feature]] needs an `id` and a `title`".into(),
            ));
        };
        check_id(&id)?;
        let id = id.into_inner();
        features.push(Feature {
            id: id.clone(),
            title,
            scope: scope(span, id, f)?,
        });
    }

    let private_reply = match raw.private_reply {
        Some(p) => {
            let span = p.span();
            let mut p = p.into_inner();
            p.source = resolve(&Spanned::new(span.clone(), p.source.clone()))?;
            if p.max_hours == 0 || p.messages == 0 || p.after.is_empty() {
                return Err(invalid(
                    span,
                    "private_reply",
                    "a private reply needs the actions it answers (after), max_hours and messages above 0".into(),
                ));
            }
            Some(p)
        }
        None => None,
    };

    Ok(ChannelPolicy {
        channel: raw.channel,
        limits,
        versions,
        window_examples,
        rules,
        features,
        private_reply,
    })
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The key written on the line where `span` starts, as in `key = value`.
fn key_at(text: &str, span: &Range<usize>) -> Option<String> {
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_string())
}

/// Parses an RFC 3339 instant, as accepted by `--at` and `--now`.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(super::model::start_of_day(d));
    }
    Err(format!(
        "{s:?} is not an instant; write it as RFC 3339, e.g. 2026-11-22T10:00:00Z or 2026-11-22"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
channel = "messenger"
[sources]
A = "https://example.com/a"

[[version]]
id = "v1"
title = "t"
effective = "2020-03-04"
source = "A"
window_hours = 24
openers = ["message"]

[[rule]]
id = "r1"
route = "message_tag:HUMAN_AGENT"
title = "t"
from = "2020-03-04"
source = "A"
purposes = ["human_support"]
promotional_allowed = false
window = "outside"
allowed = "x"
"#;

    #[test]
    fn embedded_policy_loads() {
        let p = Policy::embedded().unwrap();
        for c in Channel::ALL {
            assert!(p.channel(c).is_some(), "{c} missing");
        }
    }

    #[test]
    fn minimal_file_parses() {
        let cp = parse_channel("m.toml", MINIMAL, &Regions::default()).unwrap();
        assert_eq!(cp.versions.len(), 1);
        assert_eq!(cp.rules[0].source, "https://example.com/a");
    }

    #[test]
    fn unknown_source_names_line_and_field() {
        let text = MINIMAL.replace("source = \"A\"\npurposes", "source = \"B\"\npurposes");
        let err = parse_channel("m.toml", &text, &Regions::default())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("m.toml, line 19, field `source`:"), "{err}");
        assert!(err.contains("\"B\""), "{err}");
    }

    #[test]
    fn type_error_names_line_and_field() {
        let text = MINIMAL.replace("window_hours = 24", "window_hours = \"a day\"");
        let err = parse_channel("m.toml", &text, &Regions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("m.toml, line 11, field `window_hours`:"),
            "{err}"
        );
    }

    #[test]
    fn missing_field_is_named() {
        let text = MINIMAL.replace("allowed = \"x\"\n", "");
        let err = parse_channel("m.toml", &text, &Regions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("allowed"), "{err}");
        assert!(err.starts_with("m.toml, line "), "{err}");
    }

    #[test]
    fn bad_dates_are_refused() {
        let text = MINIMAL.replace(
            "from = \"2020-03-04\"",
            "from = \"2020-03-04\"\nuntil = \"2019-01-01\"",
        );
        let err = parse_channel("m.toml", &text, &Regions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("field `until`"), "{err}");
        let text = MINIMAL.replace("effective = \"2020-03-04\"", "effective = \"2020-02-30\"");
        assert!(parse_channel("m.toml", &text, &Regions::default()).is_err());
    }

    #[test]
    fn directory_errors_are_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let err = Policy::with_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("no policy files"), "{err}");
        let err = Policy::with_dir(&dir.path().join("nope"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot read it"), "{err}");
        std::fs::write(dir.path().join("m.toml"), MINIMAL).unwrap();
        let p = Policy::with_dir(dir.path()).unwrap();
        assert!(p.origin(Channel::Messenger).unwrap().ends_with("m.toml"));
        assert!(
            p.origin(Channel::Instagram)
                .unwrap()
                .starts_with("embedded")
        );
    }

    #[test]
    fn instants_parse() {
        assert!(parse_instant("2025-06-02T10:00:00Z").is_ok());
        assert!(parse_instant("2025-06-02T10:00:00+02:00").is_ok());
        assert!(parse_instant("2025-06-02").is_ok());
        assert!(
            parse_instant("02/06/2025")
                .unwrap_err()
                .contains("RFC 3339")
        );
    }
}
