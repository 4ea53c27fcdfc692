//! What the user decides: the configuration file, which rules run, inline suppressions, the
//! pull-request scope, and how safe a tag-renaming fix is once the change is known.

pub mod baseline;
pub mod config_edit;
pub mod config_file;
pub mod relaxation;
pub mod renames;
pub mod scope;
pub mod selection;
pub mod suppress;
