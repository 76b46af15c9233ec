//! brat standoff: `.txt` + `.ann`, with `annotation.conf` and `visual.conf`.
//!
//! The `.ann` holds one record a line, fields separated by tabs (`\t` below), offsets in
//! code points of the `.txt` (brat counts Python string characters, which are code points):
//!
//! ```text
//! T1\tDate 201 211\tJanuary 24
//! T2\tActor 291 304\tSergey Lavrov
//! T3\tClaim 337 350;351 368\t2024 results. “Russian-Armenian
//! R1\tSource Arg1:T3 Arg2:T2
//! #1\tAnnotatorNotes T2\tForeign Minister
//! #2\tAnnotator T2\tAda Lovelace
//! ```
//!
//! Export numbers the annotations T1…Tn in document order, the links R1…Rm by claim, role
//! and linked annotation, the notes #1…#k in the order of their annotations and then the
//! annotators' names (`Annotator` comments, one per annotation whose annotator is known; brat
//! shows them with the annotation like a note), so the same
//! content always gives the same file. Import keeps brat's ids, so a file read and written
//! again numbers everything the same.
//!
//! What brat cannot hold:
//! - a line break inside a span: brat's `.ann` is line-oriented, so such a span is written
//!   as fragments, one per line of text (T3 above), without the line breaks and the spaces
//!   next to them; its text column is the fragments' texts joined by single spaces, as
//!   brat expects. Reading joins fragments separated only by white space and line breaks
//!   back into one span from the first start to the last end. A span that begins or ends
//!   with a line break loses that break (and the spaces beside it); one made of nothing
//!   else is not written.
//! - a line break or tab inside a note or a name: brat's comments are one line, so each
//!   becomes a space.
//! - entity names, hand-set date values and orphans (see `CARRIES`).

mod read;

pub use read::{parse, parse_counted, Skipped};

use super::Carries;
use crate::model::annotation::{Annotation, Label, Role};
use crate::model::content::Content;
use crate::model::document::Document;
use crate::model::sort;
use std::collections::HashMap;
use std::fmt::Write as _;

pub(crate) const CARRIES: Carries = Carries {
    annotators: true,
    notes: true,
    links: true,
    entities: false,
    date_values: false,
    orphans: false,
};

pub struct BratFiles {
    pub txt: String,
    pub ann: String,
    pub annotation_conf: String,
    pub visual_conf: String,
}

/// brat's configuration: the three labels, the three links from a claim, and spans that
/// may overlap and nest in any way (a claim holds the actor it is about).
pub(crate) const ANNOTATION_CONF: &str = "\
# brat configuration for files exported by the text annotator: actors, claims and dates,
# and the links from a claim to the actor who made it (Source), an actor it is about
# (Target) and its date (When).

[entities]

Actor
Claim
Date

[relations]

Source Arg1:Claim, Arg2:Actor
Target Arg1:Claim, Arg2:Actor
When Arg1:Claim, Arg2:Date

# Spans may overlap, nest and coincide.
<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
";

/// brat's colours, close to the app's: actors blue, claims amber, dates green.
pub(crate) const VISUAL_CONF: &str = "\
[labels]

Actor | Actor | Act
Claim | Claim | Clm
Date | Date | Dt
Source | Source | Src
Target | Target | Tgt
When | When

[drawing]

SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken
ARC_DEFAULT\tcolor:black, arrowHead:triangle-5
Actor\tbgColor:#a9d1f2, borderColor:#0072b2
Claim\tbgColor:#f7cd7a, borderColor:#b27300
Date\tbgColor:#9fdcc7, borderColor:#007a5e
Source\tcolor:#0072b2
Target\tcolor:#5a7a99
When\tcolor:#007a5e
";

/// The characters that end a line for some reader of brat files: brat itself (Python's
/// `str.splitlines`), editors and `str::lines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The comment type of the line that names who made an annotation (`#2\tAnnotator T1\tAda`):
/// a comment of its own, so that a note is never taken for a name.
pub(crate) const ANNOTATOR_COMMENT: &str = "Annotator";

fn type_name(label: Label) -> &'static str {
    label.title()
}

fn relation_name(role: Role) -> &'static str {
    match role {
        Role::Source => "Source",
        Role::Target => "Target",
        Role::When => "When",
    }
}

/// The pieces of a span brat can hold: its lines, in code points of the whole text. Spaces
/// next to a line break inside the span are left out; the span's own ends are kept.
fn fragments(quote: &str, start: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = quote.chars().collect();
    let mut pieces = Vec::new();
    let mut from = 0;
    while from <= chars.len() {
        let to = chars[from..]
            .iter()
            .position(|&c| is_line_break(c))
            .map_or(chars.len(), |at| from + at);
        let (mut a, mut b) = (from, to);
        if a > 0 {
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
        }
        if b < chars.len() {
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
        }
        if a < b {
            pieces.push((start + a, start + b));
        }
        from = to + 1;
    }
    pieces
}

/// A note as one line: line breaks and tabs become spaces.
fn one_line(note: &str) -> String {
    note.chars()
        .map(|c| {
            if is_line_break(c) || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

pub fn export(doc: &Document, content: Content) -> BratFiles {
    let index = &doc.index;
    let mut annotations: Vec<&Annotation> = content.annotations.iter().collect();
    sort::sort_by(&mut annotations, |a, b| a.order_key().cmp(&b.order_key()));

    let mut ann = String::new();
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut written: Vec<(usize, &Annotation)> = Vec::new();
    for a in annotations {
        let pieces = fragments(index.slice(a.span.start, a.span.end), a.span.start.0);
        if pieces.is_empty() {
            continue;
        }
        let n = written.len() + 1;
        let offsets: Vec<String> = pieces.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = pieces
            .iter()
            .map(|&(s, e)| index.slice(s.into(), e.into()))
            .collect();
        let _ = writeln!(
            ann,
            "T{n}\t{} {}\t{}",
            type_name(a.label),
            offsets.join(";"),
            texts.join(" ")
        );
        numbers.insert(&a.id, n);
        written.push((n, a));
    }

    let mut links: Vec<(usize, Role, usize)> = content
        .relations
        .iter()
        .filter_map(|r| {
            Some((
                *numbers.get(r.claim.as_str())?,
                r.role,
                *numbers.get(r.other.as_str())?,
            ))
        })
        .collect();
    sort::sort(&mut links);
    links.dedup();
    for (k, (claim, role, other)) in links.iter().enumerate() {
        let _ = writeln!(
            ann,
            "R{}\t{} Arg1:T{claim} Arg2:T{other}",
            k + 1,
            relation_name(*role)
        );
    }

    let notes = written
        .iter()
        .filter(|(_, a)| !a.note.trim().is_empty())
        .map(|(n, a)| ("AnnotatorNotes", n, &a.note));
    let annotators = written
        .iter()
        .filter(|(_, a)| !a.annotator.trim().is_empty())
        .map(|(n, a)| (ANNOTATOR_COMMENT, n, &a.annotator));
    for (k, (kind, n, text)) in notes.chain(annotators).enumerate() {
        let _ = writeln!(ann, "#{}\t{kind} T{n}\t{}", k + 1, one_line(text));
    }

    BratFiles {
        txt: index.text().to_owned(),
        ann,
        annotation_conf: ANNOTATION_CONF.to_owned(),
        visual_conf: VISUAL_CONF.to_owned(),
    }
}

/// A zip (stored) holding one folder named after the document with the four files.
pub fn export_zip(doc: &Document, content: Content) -> Vec<u8> {
    let files = export(doc, content);
    let stem = super::file_stem(doc);
    super::zip::write_stored(&[
        (format!("{stem}/{stem}.txt"), files.txt.into_bytes()),
        (format!("{stem}/{stem}.ann"), files.ann.into_bytes()),
        (
            format!("{stem}/annotation.conf"),
            files.annotation_conf.into_bytes(),
        ),
        (
            format!("{stem}/visual.conf"),
            files.visual_conf.into_bytes(),
        ),
    ])
}
