//! The Sync dialog (issue 17): connects this browser to a team's project database on a
//! CouchDB-protocol server, shows how the sync is going, and disconnects. Part of the views
//! loaded on first use; the page keeps only the toolbar's button and status line.

use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::sync;
use serde::Deserialize;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The status as `sync.js` describes it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
struct Status {
    state: String,
    label: String,
    message: String,
    user: Option<String>,
    server: Option<String>,
    database: Option<String>,
    resolved: u32,
    /// The session ended: the form asks for the password again.
    login: bool,
}

fn parse(json: &str) -> Status {
    serde_json::from_str(json).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct SyncDialogProps {
    pub on_event: Callback<ViewEvent>,
}

#[component]
pub fn SyncDialog(props: &SyncDialogProps) -> Html {
    let status = use_state(Status::default);
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let (server, database, user, password) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            let watch = sync::watch_status(move |json| status.set(parse(&json)));
            move || drop(watch)
        });
    }
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let value = |node: &NodeRef| {
        node.cast::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let connect = {
        let (busy, error) = (busy.clone(), error.clone());
        let (server, database, user, password) = (
            server.clone(),
            database.clone(),
            user.clone(),
            password.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let fields = (
                value(&server),
                value(&database),
                value(&user),
                value(&password),
            );
            // The password leaves the field as soon as it is sent.
            if let Some(input) = password.cast::<HtmlInputElement>() {
                input.set_value("");
            }
            let (busy, error) = (busy.clone(), error.clone());
            busy.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let (server, database, user, password) = fields;
                if let Err(why) = sync::connect(&server, &database, &user, &password).await {
                    error.set(Some(why));
                }
                busy.set(false);
            });
        })
    };
    let disconnect = {
        let error = error.clone();
        Callback::from(move |_| {
            let error = error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(why) = sync::disconnect().await {
                    error.set(Some(why));
                }
            });
        })
    };
    let now = {
        let error = error.clone();
        Callback::from(move |_| {
            if let Err(why) = sync::now() {
                error.set(Some(why));
            }
        })
    };
    let connected = status.user.clone().filter(|_| !status.login);
    let body = match &connected {
        Some(user) => html! {
            <>
                <p>{ format!(
                    "Connected as {user} to the database “{}” at {}. Your annotations go up as you make them; your colleagues’ come down as read-only layers (Layers, Agreement).",
                    status.database.clone().unwrap_or_default(),
                    status.server.clone().unwrap_or_default(),
                ) }</p>
                <p class="sync-state" role="status">{ if status.label.is_empty() { "Starting…".to_owned() } else { status.label.clone() } }</p>
                if status.resolved > 0 {
                    <p>{ format!("{} records edited apart on two devices were merged (the later edit kept).", status.resolved) }</p>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={disconnect}>{ "Disconnect" }</button>
                    <button type="button" onclick={now}>{ "Sync now" }</button>
                    <button type="button" class="primary" onclick={close.clone()}>{ "Close" }</button>
                </div>
            </>
        },
        None => {
            let account_user = sync::owner().unwrap_or_default();
            html! {
                <form onsubmit={connect}>
                    <p>{ "Share this browser’s documents and annotations with your team through a CouchDB server. Your annotations stay yours: colleagues see them as read-only layers, and you see theirs. Everything keeps working offline; changes wait and go up when the server can be reached." }</p>
                    <label class="field">{ "Server " }<input ref={server} type="text" name="server" value={status.server.clone().unwrap_or_else(|| "/couchdb/".to_owned())} autocomplete="url" /></label>
                    <label class="field">{ "Database " }<input ref={database} type="text" name="database" value={status.database.clone().unwrap_or_else(|| "annotations".to_owned())} /></label>
                    <label class="field">{ "User name " }<input ref={user} type="text" name="username" value={account_user} autocomplete="username" autofocus=true /></label>
                    <label class="field">{ "Password " }<input ref={password} type="password" name="password" autocomplete="current-password" /></label>
                    <p class="hint">{ "The password goes to the server once, to log in; it is not kept in this browser." }</p>
                    <div class="dialog-actions">
                        <button type="button" onclick={close.clone()}>{ "Cancel" }</button>
                        <button type="submit" class="primary" disabled={*busy}>{ if *busy { "Connecting…" } else { "Connect" } }</button>
                    </div>
                </form>
            }
        }
    };
    html! {
        <div class="backdrop">
            <div class="dialog sync-dialog" role="dialog" aria-modal="true" aria-labelledby="sync-title">
                <h2 id="sync-title">{ "Sync" }</h2>
                if let Some(why) = &*error {
                    <p class="form-error" role="alert">{ why.clone() }</p>
                } else if status.state == "error" && status.user.is_some() {
                    <p class="form-error" role="alert">{ status.message.clone() }</p>
                }
                { body }
            </div>
        </div>
    }
}
