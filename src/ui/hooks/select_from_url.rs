//! Once, when a document opens: select the annotation the URL names (`#doc=<id>&select=<id>`,
//! as the claims across the library jump to a claim in another document) and scroll to it.

use crate::bridge::page;
use crate::ui::state::{Action, AppState, StoreHandle};
use yew::prelude::*;

#[hook]
pub(crate) fn use_selection_from_url(
    dispatcher: UseReducerDispatcher<AppState>,
    store: &StoreHandle,
) {
    let store = store.clone();
    use_effect_with((), move |_| {
        if let Some(id) = page::take_selection_from_hash() {
            if store.borrow().get(&id).is_some() {
                dispatcher.dispatch(Action::Select {
                    id: Some(id.into()),
                    reveal: true,
                });
            }
        }
    });
}
