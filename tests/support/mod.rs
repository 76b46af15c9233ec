//! Documents, annotations and helpers shared by the native test binaries (`tests/model`,
//! `tests/formats`, `tests/properties`), `tests/browser.rs` and `examples/interop_samples.rs`.
//! Each includes this file as its `support` module and uses a part of it.
#![allow(dead_code)]

use annotator::model::formats::ImportPlan;
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::{default_document, Document, Label, Role};

pub const NOW: &str = "2025-01-01T00:00:00.000Z";
pub const LATER: &str = "2025-01-02T09:30:00.000Z";

/// Text with emoji (skin tone, ZWJ sequences), flags, combining marks, CJK, Armenian and
/// Arabic: every way UTF-8, UTF-16 and code-point offsets can drift apart.
pub const UNICODE_TEXT: &str = include_str!("../fixtures/unicode.txt");

pub fn unicode_document() -> Document {
    Document::new(
        "unicode-sample",
        "Unicode sample",
        Some("2025-01-28"),
        UNICODE_TEXT,
    )
}

/// A short text with an emoji ZWJ sequence and a flag before the spans, so code points,
/// UTF-8 bytes and UTF-16 units all differ.
pub const SMALL_TEXT: &str =
    "👩🏽‍💼 Maria Zakharova said on Friday that talks with Armenia 🇦🇲 are difficult.";

pub fn small_document() -> Document {
    Document::new("small", "Small", Some("2025-01-24"), SMALL_TEXT)
}

/// The code-point span of the first occurrence of `needle` in the document's text.
pub fn span_of(doc: &Document, needle: &str) -> CharSpan {
    span_in(doc.index.text(), needle)
}

/// The code-point span of occurrence `n` (from 0) of `needle` in the document's text.
pub fn nth_span_of(doc: &Document, needle: &str, n: usize) -> CharSpan {
    nth_span_in(doc.index.text(), needle, n)
}

/// The code-point span of the first occurrence of `needle` in `text`.
pub fn span_in(text: &str, needle: &str) -> CharSpan {
    nth_span_in(text, needle, 0)
}

/// The code-point span of occurrence `n` (from 0) of `needle` in `text`.
pub fn nth_span_in(text: &str, needle: &str, n: usize) -> CharSpan {
    let (byte, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("“{needle}” occurs fewer than {} times", n + 1));
    let start = text[..byte].chars().count();
    CharSpan::at(start, start + needle.chars().count())
}

/// The text a code-point span covers: what Python's `text[start:end]` gives.
pub fn quote_at(text: &str, span: CharSpan) -> String {
    text.chars().skip(span.start.0).take(span.len()).collect()
}

/// A claim with its source actor and date; an overlapping actor inside the claim; notes
/// with commas, quotes, a line break and emoji; an entity; a hand-set date value.
pub struct Sample<'a> {
    pub actor: &'a str,
    pub date: &'a str,
    pub claim: &'a str,
    pub inner_actor: &'a str,
}

pub fn annotate(doc: &Document, samples: &[Sample]) -> Store {
    annotate_by(doc, samples, &[])
}

/// [`annotate`], sample `i`'s annotations made by `annotators[i]` (unknown past the list's end
/// or where it is empty).
pub fn annotate_by(doc: &Document, samples: &[Sample], annotators: &[&str]) -> Store {
    let mut store = Store::new();
    for (i, sample) in samples.iter().enumerate() {
        let n = i + 1;
        store.set_annotator(annotators.get(i).copied().unwrap_or(""));
        let mut add = |id: String, label: Label, needle: &str| {
            if !needle.is_empty() {
                store
                    .add(&doc.index, id, label, span_of(doc, needle), NOW)
                    .unwrap();
            }
        };
        add(format!("actor-{n}"), Label::Actor, sample.actor);
        add(format!("date-{n}"), Label::Date, sample.date);
        add(format!("claim-{n}"), Label::Claim, sample.claim);
        add(format!("inner-{n}"), Label::Actor, sample.inner_actor);
        if !sample.actor.is_empty() && !sample.claim.is_empty() {
            store
                .link(
                    format!("source-{n}"),
                    &format!("claim-{n}"),
                    &format!("actor-{n}"),
                    Role::Source,
                    NOW,
                )
                .unwrap();
        }
        if !sample.date.is_empty() && !sample.claim.is_empty() {
            store
                .link(
                    format!("when-{n}"),
                    &format!("claim-{n}"),
                    &format!("date-{n}"),
                    Role::When,
                    NOW,
                )
                .unwrap();
        }
        if !sample.inner_actor.is_empty() && !sample.claim.is_empty() {
            store
                .link(
                    format!("target-{n}"),
                    &format!("claim-{n}"),
                    &format!("inner-{n}"),
                    Role::Target,
                    NOW,
                )
                .unwrap();
        }
    }
    store.set_annotator("");
    store
}

/// The annotators of [`unicode_sample`]'s samples: a comma and quotes (CSV), scripts other
/// than Latin, an emoji; the fourth and fifth samples' annotator is unknown.
pub const UNICODE_ANNOTATORS: [&str; 3] = ["Ana “Ani” Petrova, 🦉", "Արամ Սարգսյան", "李 明"];

/// The Unicode document, annotated in every script it holds.
pub fn unicode_sample() -> (Document, Store) {
    let doc = unicode_document();
    let mut store = annotate_by(
        &doc,
        &[
            Sample {
                actor: "👩🏽‍💼 Maria Zakharova",
                date: "24 January 2025",
                claim: "relations with Armenia 🇦🇲 are going through a challenging period",
                inner_actor: "Armenia 🇦🇲",
            },
            Sample {
                actor: "Հայաստանի ԱԳՆ-ն",
                date: "2025 թ. հունվարի 25-ին",
                claim: "«երկխոսությունը շարունակվում է» 👨‍👩‍👧‍👦",
                inner_actor: "",
            },
            Sample {
                actor: "外交部发言人毛宁",
                date: "26 January",
                claim: "China “supports dialogue” 🤝",
                inner_actor: "China",
            },
            Sample {
                actor: "المتحدث باسم وزارة الخارجية",
                date: "27 يناير",
                claim: "«الحوار مستمر»",
                inner_actor: "",
            },
            Sample {
                actor: "Jose\u{301} Mari\u{301}a Ferna\u{301}ndez",
                date: "Monday",
                claim: "“Ça va mieux, n’est-ce pas?”",
                inner_actor: "",
            },
        ],
        &UNICODE_ANNOTATORS,
    );
    store
        .set_note("claim-1", "Paraphrase, not a “direct” quote 🧐", LATER)
        .unwrap();
    store
        .set_note("actor-5", "Spelling checked\nagainst Le Monde", LATER)
        .unwrap();
    store
        .set_entity("actor-1", Some("Maria Zakharova"), LATER)
        .unwrap();
    store
        .set_date_value("date-4", Some("2025-01-27"), LATER)
        .unwrap();
    (doc, store)
}

/// Who made [`article_sample`]'s annotations.
pub const ARTICLE_ANNOTATOR: &str = "Ada Lovelace";

/// The default article with a claim, its source, target and date, and a note, all made by
/// [`ARTICLE_ANNOTATOR`].
pub fn article_sample() -> (Document, Store) {
    let doc = default_document();
    let mut store = annotate_by(
        &doc,
        &[Sample {
            actor: "Sergey Lavrov",
            date: "January 24",
            claim: "Russian-Armenian relations are experiencing a challenging period",
            inner_actor: "Russian-Armenian",
        }],
        &[ARTICLE_ANNOTATOR],
    );
    store
        .set_note("actor-1", "Foreign Minister — “quoted”, twice", LATER)
        .unwrap();
    (doc, store)
}

/// A store holding what an import placed.
pub fn store_of(plan: ImportPlan) -> Store {
    Store::from_parts(plan.content)
}

/// What a round trip must keep of each annotation.
pub type Summary = (
    String,
    Label,
    usize,
    usize,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// Each annotation's id, label, span, quote, note, entity, date value and annotator.
pub fn annotations(store: &Store) -> Vec<Summary> {
    store
        .annotations()
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                a.label,
                a.span.start.0,
                a.span.end.0,
                a.quote.clone(),
                a.note.clone(),
                a.entity.clone(),
                a.date_value.clone(),
                a.annotator.clone(),
            )
        })
        .collect()
}

/// The default article annotated the way an analyst does it: every actor mention and every
/// date, the MFA's six claims (ids `mfa-1` … `mfa-6`), Peskov's and Aliyev's; nothing linked.
/// More actors and dates than the link picker has digit keys.
pub fn mfa_sample() -> (Document, Store) {
    let doc = default_document();
    let mut store = Store::new();
    let spans: &[(&str, Label, &str, usize)] = &[
        ("ministry", Label::Actor, "Russian Ministry of Foreign Affairs", 0),
        ("mfa-abbr", Label::Actor, "MFA", 0),
        ("jan24", Label::Date, "January 24", 0),
        ("lavrov", Label::Actor, "Sergey Lavrov", 0),
        ("year-2024", Label::Date, "2024", 0),
        ("izvestiya", Label::Actor, "Izvestiya", 0),
        ("past-year", Label::Date, "the past year", 0),
        ("the-mfa", Label::Actor, "The MFA", 0),
        ("the-mfa-2", Label::Actor, "the MFA", 0),
        ("russian-mfa", Label::Actor, "The Russian MFA", 0),
        ("end-2024", Label::Date, "the end of 2024", 0),
        ("ministry-2", Label::Actor, "The Ministry", 0),
        ("the-mfa-3", Label::Actor, "the MFA", 1),
        ("jan23", Label::Date, "January 23", 0),
        ("peskov", Label::Actor, "Dmitry Peskov", 0),
        ("pashinyan", Label::Actor, "Nikol Pashinyan", 0),
        ("putin", Label::Actor, "Vladimir Putin", 0),
        ("dec18", Label::Date, "December 18, 2024", 0),
        ("aliyev", Label::Actor, "Ilham Aliyev", 0),
        ("dec4", Label::Date, "December 4", 0),
        ("nov2022", Label::Date, "November 2022", 0),
        ("mfa-1", Label::Claim, "Relations between Russia and Armenia are going through a challenging period", 0),
        ("mfa-2", Label::Claim, "Russian-Armenian relations are experiencing a challenging period", 0),
        ("mfa-3", Label::Claim, "Armenian authorities took in the unsubstantiated promises from Washington and Brussels", 0),
        ("mfa-4", Label::Claim, "it is the Collective Security Treaty Organization (CSTO) that ensures Armenia’s security", 0),
        ("mfa-5", Label::Claim, "Eurasian integration and EU membership are incompatible", 0),
        ("mfa-6", Label::Claim, "Moscow has always valued and continues to value its brotherly relations with Yerevan", 0),
        ("peskov-claim", Label::Claim, "Armenia has not expressed an intention to leave the CSTO", 0),
        ("aliyev-claim", Label::Claim, "Armenia would leave the CSTO as soon as it received the green light from Washington", 0),
    ];
    for &(id, label, needle, n) in spans {
        store
            .add(
                &doc.index,
                id.into(),
                label,
                nth_span_of(&doc, needle, n),
                NOW,
            )
            .unwrap();
    }
    (doc, store)
}
