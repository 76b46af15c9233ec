//! Import: an `.ann`, with its `.txt` when the user gave it, read into a [`Foreign`].

use super::is_line_break;
use crate::model::annotation::{Label, Role};
use crate::model::case::lowercase;
use crate::model::formats::plan::check_import_count;
use crate::model::formats::{Draft, DraftRelation, Foreign};
use crate::model::sort;
use std::collections::HashMap;

/// Records of an `.ann` that this app has no place for, read past without failing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// `E` lines.
    pub events: usize,
    /// `A` and `M` lines.
    pub attributes: usize,
    /// `N` lines.
    pub normalizations: usize,
    /// `*` lines.
    pub equivalences: usize,
    /// `#` lines that are not `AnnotatorNotes` or `Annotator`, or are on a link, event or
    /// attribute.
    pub comments: usize,
}

impl Skipped {
    /// "3 events, 1 attribute": what was left out, for the user; empty when nothing was.
    pub fn describe(&self) -> String {
        [
            (self.events, "event", "events"),
            (self.attributes, "attribute", "attributes"),
            (self.normalizations, "normalisation", "normalisations"),
            (self.equivalences, "equivalence", "equivalences"),
            (self.comments, "other comment", "other comments"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// Reads an `.ann` file; `txt` is the text it was made for, when the user gave it.
pub fn parse(ann: &str, txt: Option<&str>) -> Result<Foreign, String> {
    parse_counted(ann, txt).map(|(foreign, _)| foreign)
}

/// The `.txt` by code point, for checking offsets and slicing.
struct Text<'a> {
    text: &'a str,
    /// Byte offset of every code point, and one for the end.
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        Text { text, bytes }
    }

    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        self.text
            .get(*self.bytes.get(start)?..*self.bytes.get(end)?)
    }
}

struct PendingNote<'a> {
    target: &'a str,
    text: &'a str,
    line: usize,
    /// An `Annotator` comment (who made it) rather than an `AnnotatorNotes` one.
    annotator: bool,
}

struct PendingRelation<'a> {
    id: &'a str,
    role: Role,
    arg1: &'a str,
    arg2: &'a str,
    line: usize,
}

/// Like [`parse`], also counting the records read past (events, attributes and the like).
pub fn parse_counted(ann: &str, txt: Option<&str>) -> Result<(Foreign, Skipped), String> {
    let ann = ann.strip_prefix('\u{feff}').unwrap_or(ann);
    let text = txt.map(Text::new);
    let mut skipped = Skipped::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut notes: Vec<PendingNote> = Vec::new();
    let mut relations: Vec<PendingRelation> = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();

    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        let fail = |problem: String| format!("line {n}: {problem}");
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let (id, rest) = line.split_once('\t').ok_or_else(|| {
            fail(
                "no tab after the id (brat separates the id, the annotation and its text \
                 with tabs)"
                    .to_owned(),
            )
        })?;
        let id = id.trim();
        let kind = id.chars().next().unwrap_or(' ');
        if kind != '*' {
            if id.len() < 2 {
                return Err(fail(format!("\"{id}\" is not a brat id")));
            }
            if let Some(first) = ids.insert(id, n) {
                return Err(fail(format!("id \"{id}\" is already used on line {first}")));
            }
        }
        match kind {
            'T' => {
                check_import_count(drafts.len()).map_err(fail)?;
                drafts.push(text_bound(id, rest, text.as_ref(), n)?)
            }
            'R' => relations.push(relation(id, rest, n)?),
            '#' => {
                let (data, note) = rest.split_once('\t').unwrap_or((rest, ""));
                let mut fields = data.split_whitespace();
                let kind = fields.next().unwrap_or("");
                let annotator = kind.eq_ignore_ascii_case(super::ANNOTATOR_COMMENT);
                if annotator || kind.eq_ignore_ascii_case("AnnotatorNotes") {
                    let target = fields
                        .next()
                        .ok_or_else(|| fail("the note names no annotation".to_owned()))?;
                    notes.push(PendingNote {
                        target,
                        text: note,
                        line: n,
                        annotator,
                    });
                } else {
                    skipped.comments += 1;
                }
            }
            'E' => skipped.events += 1,
            'A' | 'M' => skipped.attributes += 1,
            'N' => skipped.normalizations += 1,
            '*' => skipped.equivalences += 1,
            _ => {
                return Err(fail(format!(
                    "unknown record \"{id}\" (brat ids begin with T, R, E, A, M, N, # or *)"
                )))
            }
        }
    }

    let by_id: HashMap<String, usize> = drafts
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.clone(), k))
        .collect();
    for note in notes {
        match by_id.get(note.target) {
            Some(&k) => {
                if note.text.trim().is_empty() {
                    continue;
                }
                let draft = &mut drafts[k];
                if note.annotator {
                    // One name per annotation: the first line that gives one.
                    if draft.annotator.is_empty() {
                        draft.annotator = note.text.trim().to_owned();
                    }
                    continue;
                }
                if !draft.note.is_empty() {
                    draft.note.push('\n');
                }
                draft.note.push_str(note.text);
            }
            // A note on a link, event or attribute: brat has them, this app does not.
            None if ids.contains_key(note.target) => skipped.comments += 1,
            None => {
                return Err(format!(
                    "line {}: the note is on \"{}\", which is not in the file",
                    note.line, note.target
                ))
            }
        }
    }

    let label_of = |id: &str| by_id.get(id).and_then(|&k| drafts[k].label);
    let relations = relations
        .into_iter()
        .map(|r| {
            // Lenient about direction: the claim may be given as Arg2.
            let swap =
                label_of(r.arg1) != Some(Label::Claim) && label_of(r.arg2) == Some(Label::Claim);
            let (claim, other) = if swap {
                (r.arg2, r.arg1)
            } else {
                (r.arg1, r.arg2)
            };
            DraftRelation {
                id: r.id.to_owned(),
                claim: claim.to_owned(),
                other: other.to_owned(),
                role: r.role,
                created: String::new(),
                place: format!("line {}", r.line),
            }
        })
        .collect();

    Ok((
        Foreign {
            text: txt.map(str::to_owned),
            drafts,
            relations,
        },
        skipped,
    ))
}

/// A `T` line after its id: `Type START END[;START END…]` and, after a tab, the text.
fn text_bound(id: &str, rest: &str, text: Option<&Text>, n: usize) -> Result<Draft, String> {
    let fail = |problem: String| format!("line {n}: {problem}");
    let (data, stated) = match rest.split_once('\t') {
        Some((data, stated)) => (data, Some(stated)),
        None => (rest, None),
    };
    let data = data.trim();
    let (kind, offsets) = data
        .split_once(char::is_whitespace)
        .ok_or_else(|| fail(format!("\"{data}\" has a type but no offsets")))?;
    let label = Label::parse(&lowercase(kind)).ok_or_else(|| {
        fail(format!(
            "unknown type \"{kind}\" (expected Actor, Claim or Date)"
        ))
    })?;
    let mut pieces = Vec::new();
    for piece in offsets.split(';') {
        let numbers: Vec<&str> = piece.split_whitespace().collect();
        let [start, end] = numbers[..] else {
            return Err(fail(format!(
                "offsets \"{}\" should be START END, or fragments START END;START END (is \
                 the tab before the text missing?)",
                offsets.trim()
            )));
        };
        let number = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| fail(format!("offset \"{s}\" is not a number")))
        };
        let (start, end) = (number(start)?, number(end)?);
        if end <= start {
            return Err(fail(format!(
                "end {end} is not after start {start} (end is exclusive)"
            )));
        }
        pieces.push((start, end));
    }
    sort::sort(&mut pieces);
    for pair in pieces.windows(2) {
        if pair[1].0 < pair[0].1 {
            return Err(fail(format!(
                "fragments {}–{} and {}–{} overlap",
                pair[0].0, pair[0].1, pair[1].0, pair[1].1
            )));
        }
    }
    let (start, end) = match (pieces.first(), pieces.last()) {
        (Some(first), Some(last)) => (first.0, last.1),
        _ => return Err(fail("no offsets".to_owned())),
    };
    let stated = stated.filter(|s| !s.is_empty());

    let quote = match text {
        Some(text) if end <= text.len() => {
            let slice = |s, e| text.slice(s, e).unwrap_or_default();
            for pair in pieces.windows(2) {
                let gap = slice(pair[0].1, pair[1].0);
                // Export splits at every line break, and three of them (U+001C..U+001E) are
                // no white space.
                if !gap.chars().all(|c| c.is_whitespace() || is_line_break(c)) {
                    return Err(fail(format!(
                        "the fragments of {id} have text between them (“{}” at {}–{}); this \
                         app keeps one continuous span per annotation",
                        crate::model::text::shorten(gap, 40),
                        pair[0].1,
                        pair[1].0
                    )));
                }
            }
            let expected: Vec<&str> = pieces.iter().map(|&(s, e)| slice(s, e)).collect();
            let expected = expected.join(" ");
            if let Some(stated) = stated {
                // brat allows more after the text, set off by white space.
                let matches = stated
                    .strip_prefix(expected.as_str())
                    .is_some_and(|more| more.is_empty() || more.starts_with(char::is_whitespace));
                if !matches {
                    return Err(fail(format!(
                        "text “{}” does not match the .txt at {} (“{}”)",
                        crate::model::text::shorten(stated, 40),
                        offsets.trim(),
                        crate::model::text::shorten(&expected, 40)
                    )));
                }
            }
            Some(slice(start, end).to_owned())
        }
        // No text: a single range's text is its quote; fragments' text has spaces where the
        // text had line breaks, so it is no quote, and the offsets count in the open text.
        // Outside the text: placing it reports that, naming this line.
        _ => stated.filter(|_| pieces.len() == 1).map(str::to_owned),
    };

    Ok(Draft {
        id: id.to_owned(),
        label: Some(label),
        start: Some(start),
        end: Some(end),
        quote,
        place: format!("line {n}"),
        ..Draft::default()
    })
}

/// An `R` line after its id: `Type Arg1:ID Arg2:ID`.
fn relation<'a>(id: &'a str, rest: &'a str, n: usize) -> Result<PendingRelation<'a>, String> {
    let fail = |problem: String| format!("line {n}: {problem}");
    let mut fields = rest.split_whitespace();
    let kind = fields.next().unwrap_or("");
    let role = Role::parse(&lowercase(kind)).ok_or_else(|| {
        fail(format!(
            "unknown relation type \"{kind}\" (expected Source, Target or When)"
        ))
    })?;
    let (mut arg1, mut arg2) = (None, None);
    for field in fields {
        match field.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("Arg1") && !value.is_empty() => {
                arg1 = Some(value)
            }
            Some((name, value)) if name.eq_ignore_ascii_case("Arg2") && !value.is_empty() => {
                arg2 = Some(value)
            }
            _ => {
                return Err(fail(format!(
                    "\"{field}\" is not an argument (expected Arg1:ID Arg2:ID)"
                )))
            }
        }
    }
    match (arg1, arg2) {
        (Some(arg1), Some(arg2)) => Ok(PendingRelation {
            id,
            role,
            arg1,
            arg2,
            line: n,
        }),
        _ => Err(fail(
            "a relation needs both arguments, Arg1:ID and Arg2:ID".to_owned(),
        )),
    }
}
