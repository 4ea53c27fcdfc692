//! What the user decides: the configuration file, which rules run, inline suppressions, and the
//! pull-request scope.

pub mod baseline;
pub mod config_edit;
pub mod config_file;
pub mod relaxation;
pub mod scope;
pub mod selection;
pub mod suppress;
