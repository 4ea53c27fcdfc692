//! Tables that define policy. Defaults live here, in one place, so that a configuration file
//! can later extend them.

use crate::os_release::ReleaseTable;

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub releases: ReleaseTable,
}
