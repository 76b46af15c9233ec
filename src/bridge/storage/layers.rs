//! Colleagues' layers of a document in the local database (`model::layers`): one record each,
//! replaced whole when the same colleague's file is added again.

use super::super::db;
use crate::model::layers::{layer_prefix, Layer};
use crate::model::records::{self, Stored};
use crate::model::Document;

/// Writes `layer` for `doc`, in place of the one of the same colleague if there is one.
pub async fn save_layer(doc: &Document, layer: &Layer) -> Result<(), String> {
    let id = layer.record_id(&doc.id);
    for _ in 0..3 {
        let rev = db::get(&id)
            .await?
            .and_then(|r| r["_rev"].as_str().map(str::to_owned));
        let mut record = layer.to_record(doc);
        if let Some(rev) = rev {
            // The record is text; its revision goes in as its first field.
            record = format!(
                "{{\"_rev\":{},{}",
                serde_json::Value::from(rev),
                &record[1..]
            );
        }
        let written = db::write(&[record]).await?;
        match written.first() {
            Some(w) if w.rev.is_some() => return Ok(()),
            Some(w) if w.conflict() => continue,
            Some(w) => return Err(w.error.clone()),
            None => return Err("the local database gave no answer".to_owned()),
        }
    }
    Err("another tab kept writing the same layer".to_owned())
}

/// The document's colleagues' layers: those added from files, in the order of their ids,
/// then those synced from the project database (one per colleague, by name); and what could
/// not be read (named, with why).
pub async fn layers_of(doc: &Document) -> Result<(Vec<Layer>, Vec<String>), String> {
    let mut layers = Vec::new();
    let mut unreadable = Vec::new();
    let prefixes = [
        layer_prefix(&doc.id),
        records::annotation_prefix(&doc.id),
        records::relation_prefix(&doc.id),
    ];
    let (imported, synced): (Vec<_>, Vec<_>) = db::ranges(&prefixes)
        .await?
        .into_iter()
        .filter(|r| r["doc"].as_str() == Some(doc.id.as_str()))
        .partition(|r| r["type"].as_str() == Some("layer"));
    for record in imported {
        match Layer::from_record(&record, doc) {
            Ok(layer) => layers.push(layer),
            Err(why) => unreadable.push(format!(
                "{}: {why}",
                record["_id"].as_str().unwrap_or("a layer")
            )),
        }
    }
    let me = crate::bridge::sync::owner();
    let (_, colleagues) = records::split_by_owner(synced, me.as_deref());
    for (owner, found) in colleagues {
        let (_, content, problems) = Stored::load(doc, &found);
        unreadable.extend(problems.reasons);
        let last = found
            .iter()
            .filter_map(|r| r["updated"].as_str())
            .max()
            .unwrap_or_default();
        let mut layer = Layer::new(&owner, SYNCED_SOURCE, last, content);
        layer.id = format!("synced-{}", layer.id);
        layers.push(layer);
    }
    Ok((layers, unreadable))
}

/// The `source` of a layer synced from the project database (an imported one names its file).
pub const SYNCED_SOURCE: &str = "team sync";

/// Removes a colleague's layer of the document.
pub async fn delete_layer(doc_id: &str, layer_id: &str) -> Result<(), String> {
    let id = format!("{}{layer_id}", layer_prefix(doc_id));
    let Some(record) = db::get(&id).await? else {
        return Ok(());
    };
    let rev = record["_rev"].as_str().unwrap_or_default();
    let deletion = serde_json::json!({ "_id": id, "_rev": rev, "_deleted": true });
    match db::write(&[deletion.to_string()]).await?.first() {
        Some(w) if w.rev.is_some() => Ok(()),
        Some(w) => Err(w.error.clone()),
        None => Err("the local database gave no answer".to_owned()),
    }
}
