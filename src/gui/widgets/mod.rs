//! Widgets shared by the panels.

pub mod highlight;
pub mod legend;
pub mod pick_list;
