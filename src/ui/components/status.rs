//! The notice banners and the status line that always says whether the work is saved.

use crate::bridge::files;
use crate::model::annotation::describe_counts;
use crate::ui::state::{Action, Notice, SaveStatus, Tone, Unreadable};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    pub on_action: Callback<Action>,
}

#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
    let on_action = props.on_action.clone();
    let dismiss = Callback::from(move |_| on_action.emit(Action::DismissNotice));
    let (class, role) = match props.notice.tone {
        Tone::Info => ("notice info", "status"),
        Tone::Error => ("notice error", "alert"),
    };
    html! {
        <div {class} {role}>
            <span class="notice-text">{ props.notice.text.clone() }</span>
            <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnreadableProps {
    pub unreadable: Rc<Unreadable>,
    pub doc_id: AttrValue,
    pub on_action: Callback<Action>,
}

/// Stored work that could not be read: it stays until dismissed, with a way to download it.
#[component]
pub fn UnreadableBanner(props: &UnreadableProps) -> Html {
    let download = {
        let unreadable = props.unreadable.clone();
        let doc_id = props.doc_id.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            let name = format!("{doc_id}.unreadable-backup.json");
            if let Err(e) = files::download(&name, "application/json", &unreadable.stored_text) {
                on_action.emit(Action::Notify(Notice::error(format!(
                    "Download failed: {e}."
                ))));
            }
        })
    };
    let on_action = props.on_action.clone();
    let dismiss = Callback::from(move |_| on_action.emit(Action::DismissUnreadable));
    html! {
        <div class="notice error" role="alert">
            <span class="notice-text">{ props.unreadable.explanation.clone() }</span>
            <button type="button" onclick={download}>{ "Download the unreadable data" }</button>
            <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub save: SaveStatus,
    /// A change is on its way to the database.
    #[prop_or_default]
    pub saving: bool,
    /// Records written so far by a save that goes in rounds.
    #[prop_or_default]
    pub saved_so_far: usize,
    pub counts: [usize; 3],
    #[prop_or_default]
    pub orphans: usize,
    #[prop_or_default]
    pub storage_fill: f64,
}

/// From this fill on, the status line warns before storage runs out.
const FILL_WARNING: f64 = 0.8;

#[component]
pub fn StatusLine(props: &StatusProps) -> Html {
    let total: usize = props.counts.iter().sum();
    let breakdown = describe_counts(props.counts, ", ");
    let mut counts = format!(
        "{total} annotation{} ({breakdown})",
        if total == 1 { "" } else { "s" }
    );
    if props.orphans > 0 {
        counts.push_str(&format!(
            " and {} orphan{}",
            props.orphans,
            if props.orphans == 1 { "" } else { "s" }
        ));
    }
    let (class, text) = match &props.save {
        SaveStatus::Saved if props.saving && props.saved_so_far > 0 => (
            "status ok",
            format!(
                "Saving… {} records written so far · {counts}",
                props.saved_so_far
            ),
        ),
        SaveStatus::Saved if props.saving => ("status ok", format!("Saving… · {counts}")),
        SaveStatus::Saved if props.storage_fill >= FILL_WARNING => (
            "status warn",
            format!(
                "Saved locally, but this browser's storage for the app is {}% full: download a workspace backup (Export ▾) and delete documents you no longer need · {counts}",
                // Whole numbers: no float formatting code in the download for one figure.
                (props.storage_fill * 100.0).round() as u32
            ),
        ),
        SaveStatus::Saved => ("status ok", format!("Saved locally · {counts}")),
        SaveStatus::Failed(why) => (
            "status bad",
            format!(
                "Not saved: {why}. Your work is still here in this tab; export it now. · {counts}"
            ),
        ),
        SaveStatus::Paused(why) => (
            "status bad",
            format!("Saving is paused: {why}. Export your work to keep it. · {counts}"),
        ),
    };
    html! { <div {class} role="status" aria-live="polite">{ text }</div> }
}
