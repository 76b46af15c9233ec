//! The panel's rows and the words it says: a suggestion's row (why, value, entity, the links
//! an accept would make), and what screen readers hear after a decision.

use super::keys::Decision;
use crate::model::annotation::{Annotation, Label, Role};
use crate::model::suggest::{LinkEnd, Review, Suggestion};
use crate::model::text::shorten;
use std::collections::HashMap;
use yew::prelude::*;

pub(super) fn row(
    s: &Suggestion,
    current: Option<&str>,
    review: &Review,
    existing: &HashMap<&str, &Annotation>,
    decide: &impl Fn(Decision) -> Callback<MouseEvent>,
) -> Html {
    let key = s.key();
    let is_current = current == Some(key.as_str());
    let quote = shorten(&s.quote, 80);
    let mut detail = vec![s.why.wording().to_owned()];
    if let Some(value) = &s.date_value {
        detail.push(match &s.date_modifier {
            Some(m) => format!("{value} ({m})"),
            None => value.clone(),
        });
    }
    if let Some(entity) = &s.entity {
        if entity != &s.quote {
            detail.push(format!("entity: {entity}"));
        }
    }
    // Only the links an accept would make: one whose other end was rejected meanwhile goes.
    for link in &s.links {
        if let Some(other) = end_words(&link.other, review, existing) {
            detail.push(format!("{}: {other}", role_words(link.role)));
        }
    }
    let spoken = if s.rejected {
        format!("rejected {}: {quote}", s.label)
    } else {
        format!("suggested {}: {quote}, accept with Enter", s.label)
    };
    html! {
        <li key={key.clone()} class={classes!("suggest-row", is_current.then_some("current"), s.rejected.then_some("rejected"))}>
            // The button's name holds what it shows (the quote); why it was proposed is beside it.
            <div class={classes!("suggest-main", format!("chip-{}", s.label))}>
                <button type="button" class="suggest-item" data-key={key.clone()}
                    aria-label={spoken} aria-current={is_current.then_some("true")}
                    onclick={decide(Decision::Current(Some(key.clone())))}>
                    <span class="suggest-quote" dir="auto">{ quote }</span>
                </button>
                <span class="suggest-why">{ detail.join(" · ") }</span>
            </div>
            if s.rejected {
                <button type="button" class="suggest-restore" aria-label={format!("Restore suggested {}: {}", s.label, s.quote)}
                    onclick={decide(Decision::Restore(key.clone()))}>{ "Restore" }</button>
            } else {
                <button type="button" class="suggest-yes" aria-label={format!("Accept suggested {}: {}", s.label, s.quote)}
                    title="Accept (Enter or y)" onclick={decide(Decision::Accept(vec![key.clone()]))}>{ "✓" }</button>
                <button type="button" class="suggest-no" aria-label={format!("Reject suggested {}: {}", s.label, s.quote)}
                    title="Reject (x or n)" onclick={decide(Decision::Reject(vec![key]))}>{ "✗" }</button>
            }
        </li>
    }
}

pub(super) fn role_words(role: Role) -> &'static str {
    match role {
        Role::Source => "source",
        Role::Target => "target",
        Role::When => "when",
    }
}

/// The text at the other end of a proposed link, if that end is still there.
pub(super) fn end_words(
    end: &LinkEnd,
    review: &Review,
    existing: &HashMap<&str, &Annotation>,
) -> Option<String> {
    match end {
        LinkEnd::Existing(id) => existing.get(id.as_str()).map(|a| shorten(&a.quote, 40)),
        LinkEnd::Suggested(key) => review
            .get(key)
            .map(|s| s.quote.as_str())
            .or_else(|| review.accepted(key).map(|a| a.quote.as_str()))
            .map(|quote| shorten(quote, 40)),
    }
}

/// "actor “Dmitry Peskov”" for one, "12 suggestions" for more.
pub(super) fn describe_keys(review: &Review, keys: &[String]) -> String {
    match keys {
        [key] => review
            .get(key)
            .map(|s| format!("{} “{}”", s.label, shorten(&s.quote, 60)))
            .unwrap_or_default(),
        keys => format!("{} suggestions", keys.len()),
    }
}

pub(super) fn next_words(review: &Review) -> String {
    match review.current() {
        Some(s) => format!("Next: suggested {}: {}.", s.label, shorten(&s.quote, 60)),
        None => String::new(),
    }
}

/// "12 suggestions: 5 actors, 4 claims, 3 dates. ] steps to the first."
pub(super) fn summary(review: &Review) -> String {
    let counts = Label::ALL.map(|l| review.count(l));
    let total: usize = counts.iter().sum();
    format!(
        "{total} suggestions: {} actors, {} claims, {} dates. ] steps to the first.",
        counts[0], counts[1], counts[2]
    )
}
