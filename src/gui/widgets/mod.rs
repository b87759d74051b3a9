//! Widgets shared by the panels.

pub mod highlight;
