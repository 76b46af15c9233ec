//! A generated long document with many overlapping annotations, for the benchmark
//! (`scripts/bench.sh`, which opens the app with `?bench`). Deterministic, so runs compare.

pub mod library;
mod news;
mod sentences;

use super::annotation::{Annotation, Label};
use super::document::Document;
use super::span::{snap, CharSpan, SnapMode};
use super::text::CharOffset;
use super::DEFAULT_ARTICLE_TEXT;

/// Repeats the default article until the text has at least `min_bytes` UTF-8 bytes, then
/// places `spans` annotations on word boundaries: a third long (claim-like, sentence-sized
/// and overlapping each other), the rest short (one to three words) and often nested inside.
pub fn generate(min_bytes: usize, spans: usize) -> (Document, Vec<Annotation>) {
    let mut text = String::with_capacity(min_bytes + DEFAULT_ARTICLE_TEXT.len());
    let mut copy = 0;
    while text.len() < min_bytes {
        if copy > 0 {
            text.push('\n');
        }
        text.push_str(DEFAULT_ARTICLE_TEXT);
        copy += 1;
    }
    let doc = Document::new(
        "benchmark",
        &format!("Benchmark: {} KB, {spans} spans", text.len() / 1024),
        Some("2025-01-24"),
        &text,
    );
    let len = doc.index.len_chars();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        // xorshift64*: small, deterministic, good enough to spread spans.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % bound.max(1)
    };
    let mut out: Vec<Annotation> = Vec::with_capacity(spans);
    let mut taken = std::collections::HashSet::new();
    let stride = len / spans.max(1);
    let mut i = 0;
    while out.len() < spans && i < spans * 4 {
        let base = (out.len() * stride + next(stride.max(1))).min(len.saturating_sub(1));
        let (label, width) = match i % 3 {
            0 => (Label::Claim, 60 + next(180)),
            1 => (Label::Actor, 4 + next(20)),
            _ => (Label::Date, 4 + next(14)),
        };
        i += 1;
        let raw = CharSpan::new(CharOffset(base), CharOffset((base + width).min(len)));
        let Some(span) = snap(&doc.index, raw, SnapMode::Words) else {
            continue;
        };
        if !taken.insert((label, span)) {
            continue;
        }
        out.push(Annotation::new(
            &doc.index,
            format!("b-{}", out.len()),
            label,
            span,
            "2025-01-24T00:00:00.000Z",
        ));
    }
    (doc, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_valid_overlapping_spans_of_the_requested_size() {
        let (doc, annotations) = generate(200_000, 2_000);
        assert!(doc.index.text().len() >= 200_000);
        assert_eq!(annotations.len(), 2_000);
        let mut overlapping = 0;
        for pair in annotations.windows(2) {
            if pair[0].span.overlaps(&pair[1].span) {
                overlapping += 1;
            }
        }
        assert!(overlapping > 100, "spans overlap: {overlapping}");
        for a in &annotations {
            assert_eq!(doc.index.slice(a.span.start, a.span.end), a.quote);
            assert!(doc.index.is_grapheme_boundary(a.span.start));
        }
    }
}
