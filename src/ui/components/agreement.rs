//! The Agreement view (issue 16): how far the annotators of the open document agree — the
//! person's own annotations and every colleague's layer added from their files — per pair of
//! layers and per label, and across all of them; downloadable as JSON and CSV with the
//! definitions beside the figures. Part of the views loaded on first use: the page hands over
//! the document as it is; the layers are read from the local database.

use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::{files, settings, storage};
use crate::model::agreement::{agreement_report, report_csv, AgreementReport, Layer as Coder};
use crate::model::layers::Layer;
use crate::ui::components::OpenDocumentProps;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Loaded {
    Reading,
    /// The layers, what could not be read, and whether this is a gold document (its own
    /// annotations are then the gold, named so).
    Ready(Rc<Vec<Layer>>, Rc<Vec<String>>, bool),
    Failed(String),
}

#[component]
pub fn AgreementView(props: &OpenDocumentProps) -> Html {
    let loaded = use_state(|| Loaded::Reading);
    // Said once the figures are on the clipboard.
    let copied = use_state(|| false);
    let reload = use_state(|| 0u32);
    // Counts the bursts of colleagues' synced records: the figures are read again for each.
    let synced = use_state(|| 0u32);
    {
        let (loaded, doc) = (loaded.clone(), props.doc.clone());
        use_effect_with((*reload, *synced), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let gold = matches!(
                    crate::bridge::curation::curation_of(&doc.0.id).await,
                    Ok(Some(_))
                );
                loaded.set(match storage::layers_of(&doc.0).await {
                    Ok((layers, unreadable)) => {
                        Loaded::Ready(Rc::new(layers), Rc::new(unreadable), gold)
                    }
                    Err(why) => Loaded::Failed(why),
                });
            });
        });
    }
    {
        // Colleagues' synced records change the figures: read again when they arrive.
        let (synced, doc_id) = (synced.clone(), props.doc.0.id.clone());
        use_effect_with((), move |_| {
            let count = std::rc::Rc::new(std::cell::Cell::new(0));
            let watch = super::layers::follow_synced(
                &doc_id,
                std::rc::Rc::new(std::cell::RefCell::new(true)),
                move || {
                    count.set(count.get() + 1);
                    synced.set(count.get());
                },
            );
            move || drop(watch)
        });
    }
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let name = use_state(|| settings::annotator_name().unwrap_or_default());
    let me = match &*loaded {
        Loaded::Ready(_, _, true) => "gold".to_owned(),
        _ => settings::own_layer_name(),
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            name.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let save_name = {
        let (name, reload) = (name.clone(), reload.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            settings::save_annotator_name(&name);
            reload.set(*reload + 1);
        })
    };
    let report: Option<Rc<AgreementReport>> = match &*loaded {
        Loaded::Ready(layers, _, _) if !layers.is_empty() => {
            let mut coders = vec![Coder::new(&me, &props.content)];
            coders.extend(layers.iter().map(|l| Coder::new(&l.annotator, &l.content)));
            Some(Rc::new(agreement_report(&props.doc.0.index, &coders)))
        }
        _ => None,
    };
    let stem = format!("{}-agreement", props.doc.0.id);
    let download_json = {
        let (report, stem, on_event) = (report.clone(), stem.clone(), props.on_event.clone());
        Callback::from(move |_| {
            let Some(report) = &report else { return };
            let json = serde_json::to_string_pretty(&**report).unwrap_or_default();
            if let Err(why) = files::download(&format!("{stem}.json"), "application/json", &json) {
                on_event.emit(ViewEvent::Error(format!("The download failed: {why}.")));
            }
        })
    };
    let download_csv = {
        let (report, stem, on_event) = (report.clone(), stem.clone(), props.on_event.clone());
        Callback::from(move |_| {
            let Some(report) = &report else { return };
            if let Err(why) =
                files::download(&format!("{stem}.csv"), "text/csv", &report_csv(report))
            {
                on_event.emit(ViewEvent::Error(format!("The download failed: {why}.")));
            }
        })
    };
    let copy_csv = {
        let (report, on_event, copied) = (report.clone(), props.on_event.clone(), copied.clone());
        Callback::from(move |_| {
            let Some(report) = &report else { return };
            let (csv, on_event, copied) = (report_csv(report), on_event.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match files::copy_text(&csv).await {
                    Ok(()) => copied.set(true),
                    Err(why) => on_event.emit(ViewEvent::Error(format!("Copying failed: {why}."))),
                }
            });
        })
    };
    let remove = |layer: &Layer| {
        let (doc_id, id, reload, on_event) = (
            props.doc.0.id.clone(),
            layer.id.clone(),
            reload.clone(),
            props.on_event.clone(),
        );
        Callback::from(move |_| {
            let (doc_id, id, reload, on_event) =
                (doc_id.clone(), id.clone(), reload.clone(), on_event.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match storage::delete_layer(&doc_id, &id).await {
                    Ok(()) => reload.set(*reload + 1),
                    Err(why) => on_event.emit(ViewEvent::Error(format!(
                        "The layer could not be removed: {why}."
                    ))),
                }
            });
        })
    };
    let figure = |value: Option<f64>| match value {
        Some(v) => format!("{v:.3}"),
        None => "—".to_owned(),
    };

    let body = match &*loaded {
        Loaded::Reading => html! { <p role="status">{ "Reading the layers…" }</p> },
        Loaded::Failed(why) => {
            html! { <p class="form-error" role="alert">{ format!("The layers could not be read: {why}.") }</p> }
        }
        Loaded::Ready(layers, unreadable, _) => html! {
            <>
            <section aria-labelledby="layers-title">
                <h3 id="layers-title">{ "Layers" }</h3>
                <ul class="layer-list" aria-label="Layers">
                    <li>{ format!("{me} (yours): {} annotations, {} links", props.content.annotations.len(), props.content.relations.len()) }</li>
                    { for layers.iter().map(|l| html! {
                        <li key={l.id.clone()}>
                            { format!("{}: {} annotations, {} links — from {}, added {}", l.annotator, l.content.annotations.len(), l.content.relations.len(), l.source, l.added.get(..10).unwrap_or_default()) }
                            <button type="button" aria-label={format!("Remove the layer of {}", l.annotator)} onclick={remove(l)}>{ "Remove" }</button>
                        </li>
                    }) }
                </ul>
                if layers.is_empty() {
                    <p class="empty-list">{ "No colleague's layer yet. Import a colleague's file of this text (Import…) and choose “Add as a colleague's layer”." }</p>
                }
                if !unreadable.is_empty() {
                    <p class="form-error" role="alert">{ format!("Left out because they could not be read: {}.", unreadable.join("; ")) }</p>
                }
            </section>
            if let Some(report) = &report {
                <section aria-labelledby="pairs-title">
                    <h3 id="pairs-title">{ "Each pair of layers" }</h3>
                    <div class="table-scroll">
                    <table class="agreement-table" aria-label="Agreement by pair and label">
                        <thead><tr>
                            <th scope="col">{ "Layers (B against A)" }</th><th scope="col">{ "Label" }</th>
                            <th scope="col">{ "P" }</th><th scope="col">{ "R" }</th><th scope="col">{ "F1" }</th>
                            <th scope="col">{ "F1 overlap" }</th><th scope="col">{ "κ" }</th><th scope="col">{ "α" }</th><th scope="col">{ "αu" }</th>
                            <th scope="col">{ "matches / A only / B only / conflicts" }</th>
                        </tr></thead>
                        <tbody>
                        { for report.pairs.iter().map(|r| html! {
                            <tr>
                                <td>{ format!("{} / {}", r.annotator_a, r.annotator_b) }</td>
                                <td>{ r.label.clone() }</td>
                                <td>{ figure(r.precision) }</td><td>{ figure(r.recall) }</td><td>{ figure(r.f1) }</td>
                                <td>{ figure(r.overlap_f1) }</td><td>{ figure(r.kappa) }</td><td>{ figure(r.alpha) }</td><td>{ figure(r.unitizing_alpha) }</td>
                                <td>{ format!("{} / {} / {} / {}", r.matches, r.a_only, r.b_only, r.label_conflicts) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                    <h3>{ "Links between matched claims" }</h3>
                    <div class="table-scroll">
                    <table class="agreement-table" aria-label="Agreement on links">
                        <thead><tr><th scope="col">{ "Layers" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "P" }</th><th scope="col">{ "R" }</th><th scope="col">{ "F1" }</th><th scope="col">{ "F1 overlap" }</th></tr></thead>
                        <tbody>
                        { for report.links.iter().map(|r| html! {
                            <tr>
                                <td>{ format!("{} / {}", r.annotator_a, r.annotator_b) }</td><td>{ r.role.clone() }</td>
                                <td>{ figure(r.precision) }</td><td>{ figure(r.recall) }</td><td>{ figure(r.f1) }</td><td>{ figure(r.overlap_f1) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                    <h3>{ format!("All {} layers together", report.annotators.len()) }</h3>
                    <table class="agreement-table" aria-label="Agreement across all layers">
                        <thead><tr><th scope="col">{ "Label" }</th><th scope="col">{ "α (tokens)" }</th><th scope="col">{ "αu (code points)" }</th><th scope="col">{ "Spans" }</th></tr></thead>
                        <tbody>
                        { for report.group.iter().map(|r| html! {
                            <tr><td>{ r.label.clone() }</td><td>{ figure(r.alpha) }</td><td>{ figure(r.unitizing_alpha) }</td><td>{ r.spans }</td></tr>
                        }) }
                        </tbody>
                    </table>
                </section>
                <details class="agreement-definitions">
                    <summary>{ "How these are computed" }</summary>
                    <pre>{ report.definitions }</pre>
                </details>
            }
            </>
        },
    };
    html! {
        <div class="backdrop">
            <div class="dialog agreement" role="dialog" aria-modal="true" aria-labelledby="agreement-title">
                <h2 id="agreement-title">{ "Agreement" }</h2>
                <form class="annotator-name" onsubmit={save_name}>
                    <label>{ "Your name as annotator " }<input type="text" value={(*name).clone()} oninput={on_name} placeholder="e.g. Ana Lima" /></label>
                    <button type="submit">{ "Save" }</button>
                </form>
                { body }
                <div class="dialog-actions">
                    <button type="button" disabled={report.is_none()} onclick={download_json}>{ "Download agreement (JSON)" }</button>
                    <button type="button" disabled={report.is_none()} onclick={download_csv}>{ "Download agreement (CSV)" }</button>
                    <button type="button" disabled={report.is_none()} onclick={copy_csv}
                        title="The figures and their definitions as CSV, to paste into a spreadsheet">{ if *copied { "Copied" } else { "Copy (CSV)" } }</button>
                    <button type="button" onclick={props.on_event.reform(|_| ViewEvent::Layers)}
                        title="Show the layers in the text, and curate them into a gold document">{ "Layers and curation…" }</button>
                    <button type="button" class="primary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}
