//! Once, when the app is up: what went wrong loading the stored work, how full storage is,
//! and the message the root handed over.

use crate::bridge::storage::{self, LoadProblem};
use crate::ui::state::{Action, AppState, Notice};
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
        if persist {
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(fill) = storage::fill_ratio().await {
                    dispatcher.dispatch(Action::StorageFill(fill));
                }
            });
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

/// Records that could not be read stay untouched in the database; saving pauses only when
/// they were written by a newer version of the app, or the database cannot be used at all.
fn report_load_problem(dispatcher: &UseReducerDispatcher<AppState>, problem: LoadProblem) {
    if problem.raw.is_none() {
        if problem.pause {
            dispatcher.dispatch(Action::PauseSaving(problem.reason.clone()));
        }
        return;
    }
    super::persistence::report_unreadable(dispatcher, problem);
}
