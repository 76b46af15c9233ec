//! One stable sort shared by every caller, to keep the download small.
//!
//! `slice::sort_by` is generic over the element type and the comparison closure, so each call
//! site compiles its own copy of the standard library's stable sort (about 3 KB of wasm each).
//! Here the sort itself runs once, non-generically, on a list of positions with the
//! comparison behind `&dyn Fn`; each caller only adds a few bytes to move its elements into
//! the order found. The result is exactly `slice::sort_by`'s: a stable sort, so elements that
//! compare equal keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably: equal elements keep their order, as with
/// `slice::sort_by`.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` in their natural order, as `slice::sort` does (and as `slice::sort_unstable`
/// does for elements that are equal only when identical).
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by the key `key_of` gives, stably, as with `slice::sort_by_key`.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key_of: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key_of(a).cmp(&key_of(b)));
}

/// The positions `0..len` in the order `compare` puts them in, stably. Never inlined: this is
/// the one copy of the sort code.
#[inline(never)]
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the element at `order[k]` to position `k`, for every `k`, in place: each cycle of the
/// permutation is walked once with swaps.
fn apply<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // `order[at] == at` marks a position already holding its element.
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort_and_keeps_equal_elements_in_order() {
        // Pairs sorted by their first half only: the second half shows stability.
        let input: Vec<(u8, usize)> = [3u8, 1, 2, 3, 1, 0, 2, 2, 9, 1, 3, 0]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut expected = input.clone();
        expected.sort_by_key(|p| p.0);
        let mut sorted = input.clone();
        sort_by_key(&mut sorted, |p| p.0);
        assert_eq!(sorted, expected);

        let mut reversed = input;
        sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
        let mut expected_reversed = expected.clone();
        expected_reversed.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(reversed, expected_reversed);
    }

    #[test]
    fn every_list_of_five_small_keys_sorts_like_the_standard_stable_sort() {
        // 4^5 lists with many ties and cycles of every length; the index tags show stability.
        for n in 0..1024usize {
            let items: Vec<(usize, usize)> = (0..5).map(|i| ((n >> (2 * i)) & 3, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut sorted = items;
            sort_by_key(&mut sorted, |p| p.0);
            assert_eq!(sorted, expected, "list {n}");
        }
    }
}
