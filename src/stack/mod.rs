//! The AI stack of oEEP-0014: reading stack tags ([`grammar`]) and the in-repo parent graph
//! ([`layers`]).

pub mod grammar;
pub mod layers;
