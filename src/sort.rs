//! Sorting for every layer through one shared instantiation of the standard sort. Each
//! `sort_by` of the standard library is compiled anew for every element type and comparator
//! it is used with, some kilobytes each: the WebAssembly build (with its size budget) carried
//! a dozen copies. Here the standard sort runs once, on indices, with the comparison behind
//! `&dyn Fn`; what is generic is only the small glue that reorders the items.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Sorts `items` by `compare`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    // Position i takes the item at order[i]: follow each cycle of the permutation with swaps.
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = order[at];
            order[at] = usize::MAX;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `items` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// `items` as an ordered set, built by insertion: collecting into one sorts the items first,
/// with another copy of the standard sort.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The indices `0..len` in the order `compare` gives, ties by index: the one place the
/// standard sort is instantiated.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_comparator_key_or_natural_order() {
        let mut pairs = vec![(2, "b"), (1, "x"), (2, "a"), (1, "y")];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(1, "x"), (1, "y"), (2, "b"), (2, "a")]);
        let mut words = vec!["pear".to_string(), "apple".into(), "fig".into()];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()));
        assert_eq!(words, ["apple", "pear", "fig"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        // Longer cycles of the permutation.
        let mut numbers: Vec<u32> = (0..50).map(|i| (i * 37 + 11) % 50).collect();
        sort(&mut numbers);
        assert_eq!(numbers, (0..50).collect::<Vec<u32>>());
    }
}
