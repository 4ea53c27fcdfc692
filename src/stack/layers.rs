//! placeholder
pub struct Layers;
