//! The shortcut sheet (`?`): every key and mouse gesture. Part of the views loaded on first use
//! (`bridge::lazy_views`).

use crate::bridge::lazy_views::ViewEvent;
use yew::prelude::*;

/// Every shortcut, in one place, so the sheet and the README can be checked against each other.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Select with the mouse", "drag, double-click a word, triple-click a paragraph, Shift+click to extend; snaps to whole words"),
    ("Alt while selecting", "keep exact character boundaries (still never splits a character)"),
    ("Tab (first stop) then Enter", "skip to the article text, where a caret appears"),
    ("← / → in the text", "move the caret one character (whole emoji and accented letters; reading order in right-to-left text)"),
    ("Ctrl+← / Ctrl+→ in the text", "move the caret one word"),
    ("↑ / ↓ in the text", "move the caret one line"),
    ("Home / End in the text", "to the start / end of the line (Ctrl: of the text)"),
    ("Shift + any caret key", "select from where the caret was, then 1, 2 or 3 labels it (with an annotation selected, Shift+← / Shift+→ move its end instead)"),
    ("Enter in the text", "select the annotation under the caret (the shortest)"),
    ("Tab / Shift+Tab in the text", "select the next / previous annotation and put the caret at its start"),
    ("1 or a", "label the selection Actor (or relabel the selected annotation)"),
    ("2 or c", "label the selection Claim"),
    ("3 or d", "label the selection Date"),
    ("Shift+1 / Shift+2 / Shift+3", "sticky label: every selection gets that label as soon as the mouse is released; again to turn off"),
    ("Click a highlight", "select the shortest annotation there; a list offers the others when spans overlap"),
    ("Delete or Backspace", "delete the selected annotation"),
    ("Shift+← / Shift+→", "move the selected annotation's end one word back / forward"),
    ("Ctrl+Shift+← / Ctrl+Shift+→", "move its start one word back / forward"),
    ("n", "edit the selected annotation's note (saved when you leave the field; Escape returns to the text)"),
    ("j / k", "select the next / previous annotation in the document"),
    ("r", "link the selection: a claim to an actor or a date, or an actor or a date to a claim (the nearest are listed first; every one is in the list)"),
    ("Type in the link list", "filter it by words or entity name (case and accents ignored)"),
    ("↑ / ↓ then Enter in the link list", "link the highlighted one: an actor as source, a date as when (Page Up / Page Down move by eight)"),
    ("Shift+Enter in the link list", "link the highlighted actor as target (whom the claim is about)"),
    ("1 … 9 in the link list", "while its filter is empty: link one of the first nine (Shift: an actor as target); to filter by a number, type a space first"),
    ("t", "the claims table: who claimed what, when (sort, filter, CSV)"),
    ("s", "suggest actors, claims, dates and their links (again, with the panel open): dashed boxes in the text and a list by label"),
    ("] / [", "step to the next / previous suggestion in reading order"),
    ("Enter or y", "accept the suggestion under review (with its proposed links), an ordinary annotation; Ctrl+Z takes it back"),
    ("x or n", "reject the suggestion under review: that text is not suggested again in this document"),
    ("Shift+← / → on a suggestion", "move its end one word before accepting (Ctrl+Shift: its start)"),
    ("↑ / ↓ in the list", "move through the annotation list"),
    ("Ctrl+Z", "undo (every change, imports and delete-all included)"),
    ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
    ("Escape", "close a dialog or list, then drop the pending selection, then deselect"),
    ("?", "show this sheet"),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_event: Callback<ViewEvent>,
}

#[component]
pub fn HelpDialog(props: &HelpProps) -> Html {
    let close = props.on_event.reform(|_| ViewEvent::Close);
    html! {
        <div class="backdrop">
            <div class="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                // Close sits at the top: the dialog gives its button the focus, and a button at
                // the end of this long sheet would scroll it to the end as it opens.
                <div class="dialog-head">
                    <h2 id="help-title">{ "Keyboard and mouse" }</h2>
                    <button type="button" class="primary" onclick={close} autofocus=true>{ "Close" }</button>
                </div>
                <table class="shortcuts">
                    <tbody>
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
