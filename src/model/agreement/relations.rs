//! Agreement on links (claim → source, target, when) between two layers.
//!
//! Two links agree when they have the same role, B's claim is the one matched to A's claim
//! and B's other end is the one matched to A's other end, by the same span matching
//! ([`super::spans::match_spans`], exact or overlap; the brief's figure is overlap). Since
//! that matching is one-to-one, so is this one; a link repeated in one layer matches once.
//! Only links whose two ends are placed annotations of their layer count.

use super::spans::{match_spans, MatchMode, SpanCounts};
use super::Layer;
use crate::model::annotation::Role;
use std::collections::HashMap;

/// The roles in report order.
pub const ROLES: [Role; 3] = [Role::Source, Role::Target, Role::When];

/// Counts per role, in [`ROLES`] order (`label_conflicts` is always 0).
pub fn relation_counts(a: &Layer<'_>, b: &Layer<'_>, mode: MatchMode) -> [SpanCounts; 3] {
    let (aa, ba) = (a.content.annotations, b.content.annotations);
    let matching = match_spans(aa, ba, mode);
    let partner: HashMap<usize, usize> = matching.pairs.iter().copied().collect();
    let links = |layer: &Layer<'_>| -> Vec<(usize, usize, Role)> {
        let ids: HashMap<&str, usize> = layer
            .content
            .annotations
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        layer
            .content
            .relations
            .iter()
            .filter_map(|r| {
                Some((
                    *ids.get(r.claim.as_str())?,
                    *ids.get(r.other.as_str())?,
                    r.role,
                ))
            })
            .collect()
    };
    let (a_links, b_links) = (links(a), links(b));
    let mut b_free: HashMap<(usize, usize, Role), usize> = HashMap::new();
    for &link in &b_links {
        *b_free.entry(link).or_default() += 1;
    }
    let mut counts = [SpanCounts::default(); 3];
    for (r, role) in ROLES.into_iter().enumerate() {
        counts[r].a_total = a_links.iter().filter(|l| l.2 == role).count();
        counts[r].b_total = b_links.iter().filter(|l| l.2 == role).count();
    }
    for &(claim, other, role) in &a_links {
        let (Some(&bc), Some(&bo)) = (partner.get(&claim), partner.get(&other)) else {
            continue;
        };
        if let Some(free) = b_free.get_mut(&(bc, bo, role)).filter(|n| **n > 0) {
            *free -= 1;
            let r = ROLES.iter().position(|&x| x == role).unwrap_or(0);
            counts[r].matches += 1;
        }
    }
    counts
}
