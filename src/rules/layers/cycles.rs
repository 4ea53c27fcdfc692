//! L007: following in-repo parents leads back to the start.

use crate::diagnostic::Finding;
use crate::model::context::Context;
use crate::rule;

rule! {
    /// Following parents inside this repository leads back to where it started: no image of
    /// the loop can ever be built first.
    ///
    /// Fix: none: which image of the loop should be built on something else is a design
    /// decision.
    pub static LAYER_CYCLE = ("L007", "layer-cycle", Error, "the in-repo parent graph has a cycle");
}

pub(super) fn check_cycle(context: &Context, cycle: &[usize], out: &mut Vec<Finding>) {
    let layers = &context.parents;
    let ns = &context.config.images.namespace;
    let Some(first) = cycle.first().and_then(|&n| layers.nodes.get(n)) else {
        return;
    };
    let (Some(path), Some(origin)) = (&first.dockerfile, first.parent.origin()) else {
        return;
    };
    let mut chain: Vec<String> = cycle
        .iter()
        .filter_map(|&n| layers.nodes.get(n))
        .map(|n| n.published(ns))
        .collect();
    chain.push(first.published(ns));
    let mut finding = Finding::new(
        &LAYER_CYCLE,
        path,
        origin,
        format!("the parent chain loops: {}", chain.join(" -> ")),
    )
    .help("one image of the loop must be built on an image outside it");
    for &n in cycle.iter().skip(1) {
        let Some(node) = layers.nodes.get(n) else {
            continue;
        };
        if let (Some(path), Some(origin)) = (&node.dockerfile, node.parent.origin()) {
            finding = finding.related(
                path,
                origin,
                format!(
                    "`{}` is built on the next image of the loop here",
                    node.published(ns)
                ),
            );
        }
    }
    out.push(finding);
}
