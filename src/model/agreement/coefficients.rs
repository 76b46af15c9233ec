//! Chance-corrected agreement over reliability data: Cohen's κ (two coders, every unit coded by
//! both) and Krippendorff's α for nominal values (any number of coders, missing values
//! allowed). The values may be anything comparable; the units are the caller's (see
//! [`super::units`] for the units this app uses).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// Cohen's κ of two coders over the same units, one `(a, b)` pair of values per unit:
/// κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the share of units with equal values and
/// pₑ = Σₖ p_A(k) · p_B(k) the agreement expected from each coder's own distribution of values.
///
/// `None` when there are no units, or when pₑ = 1 (both coders gave one and the same value to
/// every unit: agreement is perfect but nothing was at stake, and the ratio is 0/0).
/// scikit-learn's `cohen_kappa_score` reports NaN there; nltk 3.10 reports 1.0 by convention.
pub fn cohen_kappa<V, I>(pairs: I) -> Option<f64>
where
    V: Eq + Hash,
    I: IntoIterator<Item = (V, V)>,
{
    // Counts as integers, divided once at the end: κ = (N·agree − Σ a_k b_k) / (N² − Σ a_k b_k).
    let mut codes: HashMap<V, usize> = HashMap::new();
    let mut counts: Vec<(u64, u64)> = Vec::new();
    let (mut n, mut agree) = (0u64, 0u64);
    let mut code = |v: V, counts: &mut Vec<(u64, u64)>| -> usize {
        let next = codes.len();
        let c = *codes.entry(v).or_insert(next);
        if c == counts.len() {
            counts.push((0, 0));
        }
        c
    };
    for (a, b) in pairs {
        let ca = code(a, &mut counts);
        let cb = code(b, &mut counts);
        counts[ca].0 += 1;
        counts[cb].1 += 1;
        n += 1;
        agree += u64::from(ca == cb);
    }
    if n == 0 {
        return None;
    }
    let chance: u128 = counts
        .iter()
        .map(|&(a, b)| u128::from(a) * u128::from(b))
        .sum();
    let n2 = u128::from(n) * u128::from(n);
    if chance == n2 {
        return None;
    }
    let numerator = (u128::from(n) * u128::from(agree)) as f64 - chance as f64;
    Some(numerator / (n2 - chance) as f64)
}

/// The parts of Krippendorff's α for nominal data, for reports that show them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlphaParts {
    /// n: the number of pairable values (values in units that at least two coders coded).
    pub pairable: u64,
    /// Units with at least two values.
    pub pairable_units: u64,
    /// Dₒ: the observed disagreement, Σ_{c≠k} o_ck / n.
    pub observed: f64,
    /// Dₑ: the expected disagreement, Σ_{c≠k} n_c · n_k / (n (n − 1)).
    pub expected: f64,
}

impl AlphaParts {
    /// α = 1 − Dₒ / Dₑ; `None` when Dₑ = 0 (every pairable value is the same one, or fewer
    /// than two pairable values): the data cannot tell agreement from chance.
    pub fn alpha(&self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

/// Krippendorff's α for nominal values. `data[coder][unit]` is the value a coder gave a unit,
/// `None` when the coder did not code it; rows may differ in length (a missing tail is
/// missing values).
///
/// With m_u the number of values unit u received, only units with m_u ≥ 2 count. The
/// coincidence matrix is o_ck = Σ_u (number of ordered pairs of values (c, k) from different
/// coders in u) / (m_u − 1); n_c = Σ_k o_ck, n = Σ_c n_c, and
/// α = 1 − Dₒ / Dₑ = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
///
/// `None` when α is undefined (see [`AlphaParts::alpha`]); the `krippendorff` package raises
/// an error there.
pub fn krippendorff_alpha<V: Eq + Hash>(data: &[Vec<Option<V>>]) -> Option<f64> {
    alpha_parts(data).alpha()
}

/// [`krippendorff_alpha`]'s observed and expected disagreement.
pub fn alpha_parts<V: Eq + Hash>(data: &[Vec<Option<V>>]) -> AlphaParts {
    let units = data.iter().map(Vec::len).max().unwrap_or(0);
    let mut codes: HashMap<&V, usize> = HashMap::new();
    for row in data {
        for v in row.iter().flatten() {
            let next = codes.len();
            codes.entry(v).or_insert(next);
        }
    }
    let mut totals = vec![0u64; codes.len()];
    // Σ_{c≠k} (pairs in u) = m_u² − Σ_c n_uc², kept as integers per m_u so that the division by
    // m_u − 1 happens once for each distinct m_u.
    let mut disagreeing_by_m: BTreeMap<u64, u64> = BTreeMap::new();
    let mut in_unit: Vec<usize> = Vec::with_capacity(data.len());
    let mut pairable_units = 0u64;
    for u in 0..units {
        in_unit.clear();
        in_unit.extend(
            data.iter()
                .filter_map(|row| row.get(u).and_then(Option::as_ref))
                .map(|v| codes[v]),
        );
        let m = in_unit.len() as u64;
        if m < 2 {
            continue;
        }
        pairable_units += 1;
        in_unit.sort_unstable();
        let mut same = 0u64;
        for run in in_unit.chunk_by(|x, y| x == y) {
            let count = run.len() as u64;
            same += count * count;
            totals[run[0]] += count;
        }
        *disagreeing_by_m.entry(m).or_default() += m * m - same;
    }
    let n: u64 = totals.iter().sum();
    let observed_sum: f64 = disagreeing_by_m
        .iter()
        .map(|(&m, &pairs)| pairs as f64 / (m - 1) as f64)
        .sum();
    let same_total: u128 = totals.iter().map(|&t| u128::from(t) * u128::from(t)).sum();
    let expected_sum = (u128::from(n) * u128::from(n) - same_total) as f64;
    if n < 2 {
        return AlphaParts {
            pairable: n,
            pairable_units,
            observed: 0.0,
            expected: 0.0,
        };
    }
    AlphaParts {
        pairable: n,
        pairable_units,
        observed: observed_sum / n as f64,
        expected: expected_sum / (n as f64 * (n - 1) as f64),
    }
}
