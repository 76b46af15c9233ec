//! Which annotations each paragraph shows, kept up to date with the least work: after an
//! edit only the paragraphs the touched annotations were in or are in are grouped again.

use crate::model::annotation::Label;
use crate::model::span::CharSpan;
use crate::model::store::{Store, Touch};
use crate::model::TextIndex;
use std::rc::Rc;
use yew::AttrValue;

/// What a paragraph needs to know about one annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanView {
    pub id: AttrValue,
    pub label: Label,
    pub span: CharSpan,
    pub has_note: bool,
}

/// Groups the annotations by the paragraphs they touch (a span crossing a line break is in
/// each of its paragraphs). Linear in annotations plus paragraphs.
/// Lists that did not change keep their previous allocation (`previous`), so the props of
/// untouched paragraphs compare equal by pointer.
/// `touched`: what changed since `previous` was grouped, when the store knows it
/// ([`Store::touched_since`]): then only the paragraphs the touched annotations were in (found
/// in `previous`) or are in now get new lists; the others keep theirs without a copy of
/// every annotation being made and compared (about 2 ms a key on the benchmark's 10,000).
pub(super) fn spans_by_paragraph(
    index: &TextIndex,
    store: &Store,
    previous: &[Rc<[SpanView]>],
    touched: Option<&[Touch]>,
) -> Vec<Rc<[SpanView]>> {
    let count = index.paragraphs().len();
    let mut due = vec![true; count];
    if let Some(touched) = touched.filter(|t| previous.len() == count && t.len() <= 64) {
        // Links are not shown in the text: only annotations count.
        let ids: Vec<&str> = touched
            .iter()
            .filter_map(|t| match t {
                Touch::Annotation(id) => Some(id.as_str()),
                Touch::Relation(_) => None,
            })
            .collect();
        for (flag, group) in due.iter_mut().zip(previous) {
            *flag = group.iter().any(|v| ids.contains(&v.id.as_str()));
        }
        for a in ids.iter().filter_map(|id| store.get(id)) {
            let (first, last) = (
                index.paragraph_of(a.span.start),
                index.paragraph_of(a.span.end - 1),
            );
            due[first..=last].fill(true);
        }
    }
    // When only some paragraphs are due, the stretches of text they own (each paragraph
    // owns its line break, up to the next paragraph's start): an annotation outside them is
    // passed over without looking up its paragraphs (two binary searches each, 20,000 a key
    // on the benchmark). None when every paragraph is due, or too many stretches.
    let stretches: Option<Vec<(usize, usize)>> = due.contains(&false).then(|| {
        let paragraphs = index.paragraphs();
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        for i in (0..count).filter(|&i| due[i]) {
            let start = if i == 0 { 0 } else { paragraphs[i].start.0 };
            let end = paragraphs.get(i + 1).map_or(usize::MAX, |p| p.start.0);
            match stretches.last_mut() {
                Some(last) if last.1 == start => last.1 = end,
                _ => stretches.push((start, end)),
            }
        }
        stretches
    });
    let stretches = stretches.filter(|s| s.len() <= 32);
    let mut grouped: Vec<Vec<SpanView>> = vec![Vec::new(); count];
    for annotation in store.annotations() {
        if let Some(stretches) = &stretches {
            let (start, end) = (annotation.span.start.0, annotation.span.end.0);
            if !stretches.iter().any(|&(s, e)| start < e && end > s) {
                continue;
            }
        }
        let first = index.paragraph_of(annotation.span.start);
        let last = index.paragraph_of(annotation.span.end - 1);
        let mut view = None;
        for (group, _) in grouped[first..=last]
            .iter_mut()
            .zip(&due[first..=last])
            .filter(|(_, &due)| due)
        {
            let view = view.get_or_insert_with(|| SpanView {
                id: AttrValue::from(annotation.id.clone()),
                label: annotation.label,
                span: annotation.span,
                has_note: !annotation.note.is_empty(),
            });
            group.push(view.clone());
        }
    }
    grouped
        .into_iter()
        .enumerate()
        .map(|(i, group)| match previous.get(i) {
            Some(old) if !due[i] || **old == *group => old.clone(),
            _ => Rc::from(group),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regrouping only the touched paragraphs gives the lists grouping everything gives,
    /// through adds, spans over line breaks, relabels, notes, moves, deletions, undo and redo.
    #[test]
    fn regrouping_the_touched_paragraphs_matches_grouping_all() {
        let text =
            "Alpha beta gamma.\nDelta epsilon zeta.\n\nEta theta iota.\nKappa lambda mu nu.\n";
        let index = TextIndex::new(text);
        let len = index.len_chars();
        let mut store = Store::new();
        let mut lists = spans_by_paragraph(&index, &store, &[], None);
        let mut revision = store.revision();
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for step in 0..400 {
            let ids: Vec<String> = store.annotations().iter().map(|a| a.id.clone()).collect();
            let label = [Label::Actor, Label::Claim, Label::Date][next(3)];
            let pick = |n: usize| ids.get(n % ids.len().max(1)).cloned();
            match next(8) {
                0..=2 => {
                    let start = next(len - 1);
                    let end = (start + 1 + next(30)).min(len);
                    let _ = store.add(
                        &index,
                        format!("a{step}"),
                        label,
                        CharSpan::at(start, end),
                        "t",
                    );
                }
                3 => {
                    if let Some(id) = pick(next(100)) {
                        let _ = store.relabel(&id, label, "t");
                    }
                }
                4 => {
                    if let Some(id) = pick(next(100)) {
                        let _ = store.set_note(&id, if next(2) == 0 { "" } else { "a note" }, "t");
                    }
                }
                5 => {
                    if let Some(id) = pick(next(100)) {
                        let start = next(len - 1);
                        let end = (start + 1 + next(40)).min(len);
                        let _ = store.set_span(&index, &id, CharSpan::at(start, end), "t");
                    }
                }
                6 => {
                    if let Some(id) = pick(next(100)) {
                        let _ = store.remove(&id);
                    }
                }
                _ => {
                    if next(2) == 0 {
                        store.undo();
                    } else {
                        store.redo();
                    }
                }
            }
            let touches = store
                .touched_since(revision)
                .expect("a short history is known");
            let regrouped = spans_by_paragraph(&index, &store, &lists, Some(&touches));
            let all = spans_by_paragraph(&index, &store, &[], None);
            assert_eq!(regrouped, all, "step {step}");
            // Untouched paragraphs keep their lists (the same allocation).
            for (old, new) in lists.iter().zip(&regrouped) {
                if **old == **new {
                    assert!(Rc::ptr_eq(old, new), "step {step}");
                }
            }
            lists = regrouped;
            revision = store.revision();
        }
        assert!(store
            .annotations()
            .iter()
            .any(|a| { index.paragraph_of(a.span.start) != index.paragraph_of(a.span.end - 1) }));
    }
}
