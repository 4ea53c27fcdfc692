//! What the image repository's names mean: openEuler releases, tags and their OS suffix, the
//! oEEP-0014 stack tags, image references, and the policy tables a configuration can extend.

pub mod arch;
pub mod image_ref;
pub mod layout;
pub mod os_release;
pub mod stack_tag;
pub mod tables;
pub mod tag;
