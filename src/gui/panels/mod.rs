//! One file per panel. Each draws from the state and pushes commands; none does I/O.

pub mod campaigns;
pub mod composer;
pub mod contact;
pub mod contacts;
pub mod filters;
pub mod import;
pub mod imports;
pub mod pages;
pub mod reopen;
pub mod send_list;
pub mod timeline;
pub mod top_bar;
pub mod welcome;
pub mod zone_picker;
