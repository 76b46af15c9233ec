//! Krippendorff's αu for unitizing a continuum (Krippendorff 1995; 2004, pp. 251–256): how far
//! coders agree on *where* the units of one category lie, with no units given in advance.
//!
//! The continuum here is the text's code points, `[0, len)`. For a category c each coder's
//! annotations of c cut the continuum into sections: units (their annotations; overlapping
//! ones of the same coder merged into one, since αu requires a coder's units of a category
//! not to overlap) and the gaps between them. With m coders, continuum length L, sections g
//! of coder i beginning at b and of length l:
//!
//! * the distance of two sections of different coders, δ², is
//!   (b_g − b_h)² + (b_g + l_g − b_h − l_h)² for two overlapping units,
//!   l_g² for a unit g lying wholly inside a gap h (and l_h² the other way round),
//!   and 0 otherwise (gap with gap, units that do not overlap, a unit only partly in a gap);
//! * observed disagreement cuDₒ = Σ_{i≠j} Σ_g Σ_h δ²(ig, jh) / (m (m − 1) L²);
//! * expected disagreement, over every way of placing the same units and gaps,
//!   cuDₑ = (2 / L) · Σ_units [ (N_c − 1) (2l³ − 3l² + l) / 3 +
//!   l² Σ_{gaps h with l_h ≥ l} (l_h − l + 1) ] / [ m L (m L − 1) − Σ_units l (l − 1) ],
//!   where N_c is the number of units of c of all coders and the sums run over all coders;
//! * cuα = 1 − cuDₒ / cuDₑ, and over several categories uα = 1 − Σ_c cuDₒ / Σ_c cuDₑ.
//!
//! Checked against the worked examples of Krippendorff (1995: 57) and (2004: 254) as DKPro
//! Statistics' tests state them (tests/fixtures/agreement/reference.json). This is the
//! 1995/2004 coefficient; the later family of Krippendorff, Mathet, Bouvry and Widlöcher (2016:
//! |uα, cuα, (k)uα over overlapping categories) is not implemented.

/// Observed and expected disagreement of one category (or of several, summed).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct UnitizingParts {
    /// cuDₒ.
    pub observed: f64,
    /// cuDₑ.
    pub expected: f64,
}

impl UnitizingParts {
    /// 1 − Dₒ / Dₑ; `None` when Dₑ = 0: no coder marked a unit of the category (or fewer than
    /// two coders, or an empty continuum), so there is no placement to agree on.
    pub fn alpha(&self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }

    /// The parts of several categories together (uα over all of them).
    pub fn sum<I: IntoIterator<Item = UnitizingParts>>(parts: I) -> UnitizingParts {
        parts
            .into_iter()
            .fold(UnitizingParts::default(), |acc, p| UnitizingParts {
                observed: acc.observed + p.observed,
                expected: acc.expected + p.expected,
            })
    }
}

/// One section of a coder's partition of the continuum.
#[derive(Clone, Copy, Debug)]
struct Section {
    begin: u64,
    len: u64,
    unit: bool,
}

/// A coder's units (half-open `[start, end)`, any order, may overlap) → sorted, merged units
/// and the gaps between them, covering `[begin, begin + length)`. Parts outside are cut off.
fn sections(begin: u64, length: u64, units: &[(u64, u64)]) -> Vec<Section> {
    let end = begin + length;
    let mut units: Vec<(u64, u64)> = units
        .iter()
        .map(|&(s, e)| (s.max(begin), e.min(end)))
        .filter(|&(s, e)| s < e)
        .collect();
    units.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(units.len());
    for (s, e) in units {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::with_capacity(2 * merged.len() + 1);
    let mut at = begin;
    for (s, e) in merged {
        if s > at {
            out.push(Section {
                begin: at,
                len: s - at,
                unit: false,
            });
        }
        out.push(Section {
            begin: s,
            len: e - s,
            unit: true,
        });
        at = e;
    }
    if at < end {
        out.push(Section {
            begin: at,
            len: end - at,
            unit: false,
        });
    }
    out
}

fn distance(g: &Section, h: &Section) -> u128 {
    let (gb, ge, hb, he) = (
        g.begin as i128,
        (g.begin + g.len) as i128,
        h.begin as i128,
        (h.begin + h.len) as i128,
    );
    let square = |x: i128| (x * x) as u128;
    match (g.unit, h.unit) {
        (true, true) if gb < he && hb < ge => square(gb - hb) + square(ge - he),
        (true, false) if hb <= gb && ge <= he => square(ge - gb),
        (false, true) if gb <= hb && he <= ge => square(he - hb),
        _ => 0,
    }
}

/// Σ_g Σ_h δ² over two coders' partitions of the same continuum: only sections that
/// intersect can be at a distance, and two partitions are walked together to find them.
fn pair_distance(x: &[Section], y: &[Section]) -> u128 {
    let (mut p, mut q, mut sum) = (0, 0, 0u128);
    while p < x.len() && q < y.len() {
        sum += distance(&x[p], &y[q]);
        let (xe, ye) = (x[p].begin + x[p].len, y[q].begin + y[q].len);
        if xe <= ye {
            p += 1;
        }
        if ye <= xe {
            q += 1;
        }
    }
    sum
}

/// cuDₒ and cuDₑ for one category: `units[coder]` are that coder's units of the category as
/// half-open `[start, end)` positions on the continuum `[begin, begin + length)`.
pub fn unitizing_parts(begin: u64, length: u64, units: &[Vec<(u64, u64)>]) -> UnitizingParts {
    let m = units.len() as u64;
    if m < 2 || length == 0 {
        return UnitizingParts::default();
    }
    let partitions: Vec<Vec<Section>> = units.iter().map(|u| sections(begin, length, u)).collect();

    let mut observed = 0u128;
    for i in 0..partitions.len() {
        for j in i + 1..partitions.len() {
            observed += 2 * pair_distance(&partitions[i], &partitions[j]);
        }
    }
    let l_total = length as f64;
    let observed = observed as f64 / ((m * (m - 1)) as f64 * l_total * l_total);

    let all = partitions.iter().flatten();
    let unit_lengths: Vec<u128> = all
        .clone()
        .filter(|s| s.unit)
        .map(|s| u128::from(s.len))
        .collect();
    let mut gaps: Vec<u128> = all.filter(|s| !s.unit).map(|s| u128::from(s.len)).collect();
    gaps.sort_unstable();
    // suffix[k] = Σ gaps[k..]: the total length of the gaps at least as long as gaps[k].
    let mut suffix = vec![0u128; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k];
    }
    let n_c = unit_lengths.len() as u128;
    let mut numerator = 0u128;
    let mut within = 0u128;
    for &l in &unit_lengths {
        // (2l³ − 3l² + l) / 3 = l (l − 1) (2l − 1) / 3, an integer.
        numerator += (n_c - 1) * (l * (l - 1) * (2 * l - 1) / 3);
        let first = gaps.partition_point(|&g| g < l);
        let count = (gaps.len() - first) as u128;
        // Σ_{gaps ≥ l} (g − l + 1) = Σ g − count · (l − 1).
        numerator += l * l * (suffix[first] - count * (l - 1));
        within += l * (l - 1);
    }
    let ml = u128::from(m) * u128::from(length);
    let denominator = ml * (ml - 1) - within;
    let expected = if numerator == 0 || denominator == 0 {
        0.0
    } else {
        2.0 / l_total * numerator as f64 / denominator as f64
    };
    UnitizingParts { observed, expected }
}
