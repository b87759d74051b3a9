//! Which column holds what: the usual headers of bot platforms (ManyChat, Chatfuel) and of
//! spreadsheets in English, Italian and Spanish, and the user's `--map field=column`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, say};

/// A contact field an export column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The person's page-scoped ID.
    Psid,
    /// The Page (or account) ID.
    PageId,
    /// The channel of the row.
    Channel,
    /// Full name.
    Name,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Locale.
    Locale,
    /// Time zone.
    Timezone,
    /// The person's country.
    Country,
    /// The last user interaction: what opens the window.
    LastInteraction,
    /// What kind of action it was.
    InteractionKind,
    /// When the person was last seen.
    LastSeen,
    /// When the person subscribed.
    Subscribed,
}

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 13] = [
        Field::Psid,
        Field::PageId,
        Field::Channel,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Locale,
        Field::Timezone,
        Field::Country,
        Field::LastInteraction,
        Field::InteractionKind,
        Field::LastSeen,
        Field::Subscribed,
    ];

    /// The snake_case name used by `--map` and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Psid => "psid",
            Field::PageId => "page_id",
            Field::Channel => "channel",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Locale => "locale",
            Field::Timezone => "timezone",
            Field::Country => "country",
            Field::LastInteraction => "last_interaction",
            Field::InteractionKind => "interaction_kind",
            Field::LastSeen => "last_seen",
            Field::Subscribed => "subscribed",
        }
    }

    /// Whether the field holds a time.
    pub fn is_time(self) -> bool {
        matches!(
            self,
            Field::LastInteraction | Field::LastSeen | Field::Subscribed
        )
    }

    /// Normalised header names that mean this field, most specific first. When two columns
    /// match the same field, the one with the earlier synonym wins.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Psid => &[
                "psid",
                "pageuid",
                "page_uid",
                "page_scoped_id",
                "page_scoped_user_id",
                "recipient_id",
                "fb_psid",
                "messenger_user_id",
                "subscriber_id",
                "user_id",
                "contact_id",
                "id_contatto",
                "id_de_contacto",
                "id_contacto",
                "id_utente",
                "id_usuario",
                "facebook_id",
                "sender_id",
                "chatfuel_user_id",
                "id",
                "igsid",
                "ig_id",
                "wa_id",
            ],
            Field::PageId => &[
                "page_id",
                "fb_page_id",
                "id_pagina",
                "id_de_pagina",
                "id_de_la_pagina",
                "page",
                "pagina",
            ],
            Field::Channel => &[
                "channel",
                "canale",
                "canal",
                "platform",
                "piattaforma",
                "plataforma",
            ],
            Field::Name => &[
                "name",
                "full_name",
                "fullname",
                "display_name",
                "contact_name",
                "nome_completo",
                "nombre_completo",
                "nome_e_cognome",
                "nominativo",
            ],
            Field::FirstName => &["first_name", "firstname", "given_name", "nome", "nombre"],
            Field::LastName => &[
                "last_name",
                "lastname",
                "family_name",
                "surname",
                "cognome",
                "apellido",
                "apellidos",
            ],
            Field::Locale => &["locale", "language", "lang", "lingua", "idioma"],
            Field::Timezone => &["timezone", "time_zone", "tz", "fuso_orario", "zona_horaria"],
            Field::Country => &[
                "country",
                "country_code",
                "paese",
                "nazione",
                "codice_paese",
                "pais",
                "codigo_pais",
                "codigo_de_pais",
            ],
            Field::LastInteraction => &[
                "ts_last_user_interaction",
                "last_interaction",
                "last_user_interaction",
                "last_interaction_at",
                "last_interaction_time",
                "last_message_at",
                "last_input",
                "last_message",
                "ultima_interazione",
                "data_ultima_interazione",
                "ultimo_messaggio",
                "ultima_interaccion",
                "fecha_ultima_interaccion",
                "ultimo_mensaje",
            ],
            Field::InteractionKind => &[
                "last_interaction_type",
                "interaction_type",
                "last_interaction_kind",
                "last_event",
                "tipo_interazione",
                "tipo_de_interaccion",
                "tipo_interaccion",
            ],
            Field::LastSeen => &[
                "last_seen",
                "last_seen_at",
                "lastseen",
                "last_active",
                "last_activity",
                "ultimo_accesso",
                "ultima_visita",
                "visto_l_ultima_volta",
                "ultima_vez_visto",
                "ultima_conexion",
            ],
            Field::Subscribed => &[
                "subscribed",
                "subscribed_at",
                "signed_up",
                "date_subscribed",
                "opted_in",
                "optin_at",
                "data_iscrizione",
                "iscritto_il",
                "fecha_de_suscripcion",
                "fecha_suscripcion",
                "fecha_de_alta",
            ],
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Field {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let n = normalize_header(s);
        let alias = match n.as_str() {
            "id" => Some(Field::Psid),
            "page" => Some(Field::PageId),
            "kind" | "interaction" => Some(Field::InteractionKind),
            "last_interaction_time" | "interaction_time" => Some(Field::LastInteraction),
            _ => None,
        };
        alias
            .or_else(|| Field::ALL.into_iter().find(|f| f.as_str() == n))
            .ok_or_else(|| {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                format!(
                    "unknown field {s:?} in --map; fields are {}",
                    names.join(", ")
                )
            })
    }
}

/// A header made comparable: lowercase, accents removed, every run of other characters one `_`.
pub fn normalize_header(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut gap = false;
    for c in h.trim().trim_start_matches('\u{feff}').chars() {
        let c = match c.to_lowercase().next().unwrap_or(c) {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            other => other,
        };
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Which column (by index into the headers) fills which field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Field → column index.
    pub columns: BTreeMap<Field, usize>,
}

/// A mapping that cannot be used; [`MappingError::sentence`] says why in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// No ID column.
    NoId {
        /// The headers seen.
        headers: String,
    },
    /// A `--map` without `=`.
    BadForm(String),
    /// A `--map` naming no field.
    UnknownField(String),
    /// A `--map` naming no column of the file.
    NoSuchColumn {
        /// The column named.
        column: String,
        /// The file's headers, quoted.
        headers: String,
        /// How many columns the file has.
        count: usize,
    },
}

impl std::error::Error for MappingError {}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence(Lang::En))
    }
}

impl MappingError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            MappingError::NoId { headers } => {
                say(lang, "map-no-id", &[("headers", headers.as_str().into())])
            }
            MappingError::BadForm(o) => say(
                lang,
                "map-bad-form",
                &[
                    ("map", format!("{o:?}").into()),
                    ("example", "--map psid=\"ID contatto\"".into()),
                ],
            ),
            MappingError::UnknownField(name) => {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                say(
                    lang,
                    "map-unknown-field",
                    &[
                        ("field", format!("{name:?}").into()),
                        ("fields", names.join(", ").into()),
                    ],
                )
            }
            MappingError::NoSuchColumn {
                column,
                headers,
                count,
            } => say(
                lang,
                "map-no-such-column",
                &[
                    ("column", format!("{column:?}").into()),
                    ("headers", headers.as_str().into()),
                    ("count", (*count).into()),
                ],
            ),
        }
    }
}

impl Mapping {
    /// Recognises the columns of `headers`, then applies the user's `--map field=column`
    /// overrides (a column by header name, case-insensitive, or by 1-based number). The
    /// result may lack the ID column: see [`Mapping::require_id`].
    pub fn detect(headers: &[String], overrides: &[String]) -> Result<Mapping, MappingError> {
        let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let mut m = Mapping::default();
        let mut taken = vec![false; headers.len()];
        for field in Field::ALL {
            let best = field
                .synonyms()
                .iter()
                .find_map(|syn| (0..norm.len()).find(|&i| !taken[i] && norm[i] == *syn));
            if let Some(i) = best {
                m.columns.insert(field, i);
                taken[i] = true;
            }
        }
        for o in overrides {
            let (field, column) = o
                .split_once('=')
                .ok_or_else(|| MappingError::BadForm(o.clone()))?;
            let field: Field = field
                .parse()
                .map_err(|_| MappingError::UnknownField(field.to_string()))?;
            if column.trim().is_empty() {
                // `field=` with no column: the file has no such column.
                m.columns.remove(&field);
                continue;
            }
            let i = column_index(headers, column)?;
            // A column moved to a new field leaves its old one.
            m.columns.retain(|_, c| *c != i);
            m.columns.insert(field, i);
        }
        Ok(m)
    }

    /// The mapping, or the sentence saying no column holds the contact ID.
    pub fn require_id(&self, headers: &[String]) -> Result<(), MappingError> {
        if self.columns.contains_key(&Field::Psid) {
            return Ok(());
        }
        Err(MappingError::NoId {
            headers: headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// The column of `field`.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    /// Whether column `i` is mapped to a field.
    pub fn is_mapped(&self, i: usize) -> bool {
        self.columns.values().any(|c| *c == i)
    }

    /// The field whose time opens the window: the last interaction, else last seen, else
    /// the subscription time.
    pub fn window_field(&self) -> Option<Field> {
        [Field::LastInteraction, Field::LastSeen, Field::Subscribed]
            .into_iter()
            .find(|f| self.columns.contains_key(f))
    }

    /// Field → header, for reports.
    pub fn named(&self, headers: &[String]) -> BTreeMap<String, String> {
        self.columns
            .iter()
            .map(|(f, i)| (f.to_string(), headers.get(*i).cloned().unwrap_or_default()))
            .collect()
    }
}

fn column_index(headers: &[String], column: &str) -> Result<usize, MappingError> {
    let c = column.trim().trim_start_matches('#');
    if let Ok(n) = c.parse::<usize>()
        && (1..=headers.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    let wanted = normalize_header(column);
    headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
        .or_else(|| headers.iter().position(|h| normalize_header(h) == wanted))
        .ok_or_else(|| MappingError::NoSuchColumn {
            column: column.to_string(),
            headers: headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            count: headers.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_normalise() {
        assert_eq!(
            normalize_header(" Última interacción "),
            "ultima_interaccion"
        );
        assert_eq!(
            normalize_header("\u{feff}Messenger User Id"),
            "messenger_user_id"
        );
        assert_eq!(normalize_header("ID contatto"), "id_contatto");
    }

    #[test]
    fn manychat_chatfuel_and_spreadsheets_are_recognised() {
        let m = Mapping::detect(
            &h(&[
                "id",
                "page_id",
                "first_name",
                "last_name",
                "locale",
                "timezone",
                "subscribed",
                "last_interaction",
                "last_seen",
            ]),
            &[],
        )
        .unwrap();
        assert_eq!(m.get(Field::Psid), Some(0));
        assert_eq!(m.get(Field::LastInteraction), Some(7));
        assert_eq!(m.window_field(), Some(Field::LastInteraction));

        let m = Mapping::detect(
            &h(&[
                "messenger user id",
                "first name",
                "last name",
                "last seen",
                "signed up",
            ]),
            &[],
        )
        .unwrap();
        assert_eq!(m.get(Field::Psid), Some(0));
        assert_eq!(m.window_field(), Some(Field::LastSeen));

        let m = Mapping::detect(
            &h(&["Nome", "Cognome", "ID contatto", "Ultima interazione"]),
            &[],
        )
        .unwrap();
        assert_eq!(
            (m.get(Field::Psid), m.get(Field::LastInteraction)),
            (Some(2), Some(3))
        );
        let m =
            Mapping::detect(&h(&["Nombre", "ID de contacto", "Última interacción"]), &[]).unwrap();
        assert_eq!(
            (m.get(Field::Psid), m.get(Field::LastInteraction)),
            (Some(1), Some(2))
        );

        // ManyChat web dumps: the epoch column wins over the naive one.
        let m = Mapping::detect(
            &h(&[
                "fb_psid",
                "last_user_interaction",
                "ts_last_user_interaction",
            ]),
            &[],
        )
        .unwrap();
        assert_eq!(m.get(Field::LastInteraction), Some(2));
    }

    #[test]
    fn overrides_and_their_errors() {
        let heads = h(&["Cliente", "Telefono", "Quando"]);
        let err = Mapping::detect(&heads, &[])
            .unwrap()
            .require_id(&heads)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("\"Cliente\", \"Telefono\", \"Quando\"") && err.contains("--map psid="),
            "{err}"
        );
        let m = Mapping::detect(
            &heads,
            &["psid=telefono".into(), "last_interaction=3".into()],
        )
        .unwrap();
        assert_eq!(
            (m.get(Field::Psid), m.get(Field::LastInteraction)),
            (Some(1), Some(2))
        );
        let err = Mapping::detect(&heads, &["psid=Phone".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("no such column"), "{err}");
        let err = Mapping::detect(&heads, &["colour=1".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field"), "{err}");
        let err = Mapping::detect(&heads, &["psid".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("FIELD=COLUMN"), "{err}");
    }
}
