//! Report renderers shared by every shell.

pub mod human;
pub mod json;
