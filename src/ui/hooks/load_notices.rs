//! Once, when the app is up: what went wrong loading the stored work, how full storage is,
//! and the message the root handed over.

use crate::bridge::storage::{self, LoadProblem};
use crate::ui::state::{Action, AppState, Notice, Unreadable};
use std::rc::Rc;
use yew::prelude::*;

pub(crate) struct LoadNotices {
    pub problem: Option<LoadProblem>,
    pub initial_notice: Option<String>,
    /// Whether this document is stored at all (the benchmark's is not).
    pub persist: bool,
}

#[hook]
pub(crate) fn use_load_notices(dispatcher: UseReducerDispatcher<AppState>, notices: LoadNotices) {
    use_effect_with((), move |_| {
        let LoadNotices {
            problem,
            initial_notice,
            persist,
        } = notices;
        if let Some(problem) = problem {
            report_load_problem(&dispatcher, problem);
        }
        if let Some(fill) = storage::fill_ratio() {
            dispatcher.dispatch(Action::StorageFill(fill));
        }
        if let Some(text) = initial_notice {
            dispatcher.dispatch(Action::Notify(Notice::info(text)));
        }
        if !persist {
            dispatcher.dispatch(Action::PauseSaving(
                "this generated document is not stored".to_owned(),
            ));
        }
    });
}

/// Saving pauses whenever the unreadable value could not be copied aside, so that it is
/// never overwritten; the value itself is offered for download.
fn report_load_problem(dispatcher: &UseReducerDispatcher<AppState>, problem: LoadProblem) {
    let mut text = format!(
        "The annotations saved for this document could not be read: {}.",
        problem.reason
    );
    match &problem.backup_key {
        Some(key) => text.push_str(&format!(
            " The stored data was kept unchanged under the key “{key}”; new work is saved as usual."
        )),
        None if problem.raw.is_some() => {
            text.push_str(
                " It could not be copied aside, so saving is paused to avoid overwriting it.",
            );
            dispatcher.dispatch(Action::PauseSaving(
                "stored data could not be read and could not be backed up".to_owned(),
            ));
        }
        None => dispatcher.dispatch(Action::PauseSaving(problem.reason.clone())),
    }
    match problem.raw {
        Some(stored_text) => dispatcher.dispatch(Action::Unreadable(Rc::new(Unreadable {
            explanation: text,
            stored_text,
        }))),
        None => dispatcher.dispatch(Action::Notify(Notice::error(text))),
    }
}
