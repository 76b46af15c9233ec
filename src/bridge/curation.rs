//! Curation in the local database (issue 16): a gold document is an ordinary document of the
//! library (same text as its source, its own annotations are the gold layer, so it is edited,
//! undone, saved and exported like any other) with copies of the layers it was made from
//! and one record, `curation:<gold id>`, saying where it came from and which disagreements
//! were dropped (a drop leaves nothing in the gold to tell it from one not decided yet).

use super::db;
use super::storage;
use crate::model::layers::Layer;
use crate::model::records::RECORD_VERSION;
use crate::model::{Annotations, Document};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What the `curation:` record of a gold document holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curation {
    /// The document the layers were annotations of.
    pub source: String,
    /// Whether what every layer agrees on goes into the gold without a question.
    pub take_agreed: bool,
    /// Set once the agreed items were put in (so that they are not put in twice).
    #[serde(default)]
    pub started: bool,
    /// The layers' ids in the order of their keys (1, 2, …).
    pub layers: Vec<String>,
    /// The keys of the disagreements decided as "drop".
    #[serde(default)]
    pub dropped: Vec<String>,
}

fn record_id(doc_id: &str) -> String {
    format!("curation:{doc_id}")
}

/// The document's curation, if it is a gold document.
pub async fn curation_of(doc_id: &str) -> Result<Option<Curation>, String> {
    let Some(record) = db::get(&record_id(doc_id)).await? else {
        return Ok(None);
    };
    serde_json::from_value(record["curation"].clone())
        .map(Some)
        .map_err(|e| format!("the curation record could not be read ({e})"))
}

pub async fn save_curation(doc_id: &str, curation: &Curation) -> Result<(), String> {
    db::replace(&record_id(doc_id), |_| {
        serde_json::json!({
            "_id": record_id(doc_id),
            "type": "curation",
            "doc": doc_id,
            "v": RECORD_VERSION,
            "curation": curation,
        })
    })
    .await
}

/// The gold document made from `source` earlier, if there is one (and it is not deleted).
pub async fn gold_of(source: &str) -> Result<Option<String>, String> {
    for id in gold_ids(source) {
        match curation_of(&id).await? {
            Some(c) if c.source == source => {
                let listed = db::get(&crate::model::records::meta_id(&id)).await?;
                let deleted = listed.is_none_or(|m| m.get("deleted").is_some_and(|d| !d.is_null()));
                if !deleted {
                    return Ok(Some(id));
                }
            }
            Some(_) => continue,
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// The ids a gold document of `source` may have: `<source>-gold`, then numbered ones when
/// that id is taken.
fn gold_ids(source: &str) -> impl Iterator<Item = String> + '_ {
    (1..=20).map(move |n| match n {
        1 => format!("{source}-gold"),
        n => format!("{source}-gold-{n}"),
    })
}

/// Makes the gold document of `source`: its text, a copy of the person's annotations as a
/// layer (named `me`; none when they have none), copies of the colleagues' layers, and the
/// curation record. The gold
/// annotations themselves are put in by the curation panel once the document is open, as
/// one undoable step. Returns the new document's id.
pub async fn make_gold(
    source: &Document,
    mine: &Annotations,
    me: &str,
    colleagues: &[Layer],
    take_agreed: bool,
    now: &str,
) -> Result<String, String> {
    let mut id = None;
    for candidate in gold_ids(&source.id) {
        if db::get(&crate::model::records::meta_id(&candidate))
            .await?
            .is_none()
        {
            id = Some(candidate);
            break;
        }
    }
    let id = id.ok_or("there are too many gold documents of this one already")?;
    let mut gold = Document::new(
        &id,
        &format!("{} (gold)", source.title),
        source.published.as_deref(),
        source.index.text(),
    );
    gold.source_url = source.source_url.clone();
    storage::add_document(&gold, now).await?;
    match fill_gold(&gold, source, mine, me, colleagues, take_agreed, now).await {
        Ok(()) => Ok(id),
        // A gold document without its layers would curate nothing: out of the list with it.
        Err(why) => Err(match storage::delete_document(&id).await {
            Ok(()) => format!("{why}; the half-made “{}” is in the trash", gold.title),
            Err(_) => format!("{why}; delete the half-made “{}” in Documents", gold.title),
        }),
    }
}

/// The gold document's layers and curation record.
async fn fill_gold(
    gold: &Document,
    source: &Document,
    mine: &Annotations,
    me: &str,
    colleagues: &[Layer],
    take_agreed: bool,
    now: &str,
) -> Result<(), String> {
    // Without annotations of their own, the person curates the colleagues' layers only: an
    // empty layer would disagree everywhere.
    let mut order = Vec::new();
    if !mine.annotations.is_empty() {
        let own = Layer::new(
            me,
            &format!("your annotations of “{}”", source.title),
            now,
            mine.clone(),
        );
        order.push(own.id.clone());
        storage::save_layer(gold, &own).await?;
    }
    for layer in colleagues {
        // A colleague of the same name as the person would overwrite their copy.
        if order.contains(&layer.id) {
            continue;
        }
        storage::save_layer(gold, layer).await?;
        order.push(layer.id.clone());
    }
    let curation = Curation {
        source: source.id.clone(),
        take_agreed,
        started: false,
        layers: order,
        dropped: Vec::new(),
    };
    save_curation(&gold.id, &curation).await
}

/// Where the layers hidden from the text are kept, per document: `{doc id: [layer ids]}`.
const HIDDEN_KEY: &str = "text-annotator:layers-hidden";

fn hidden_map() -> serde_json::Map<String, serde_json::Value> {
    super::legacy::local_storage()
        .and_then(|s| s.get_item(HIDDEN_KEY).ok().flatten())
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default()
}

/// The layers of `doc_id` the person hid from the text.
pub fn hidden_layers(doc_id: &str) -> HashSet<String> {
    hidden_map()
        .get(doc_id)
        .and_then(|ids| serde_json::from_value(ids.clone()).ok())
        .unwrap_or_default()
}

pub fn save_hidden_layers(doc_id: &str, hidden: &HashSet<String>) {
    let mut map = hidden_map();
    if hidden.is_empty() {
        map.remove(doc_id);
    } else {
        map.insert(doc_id.to_owned(), serde_json::json!(hidden));
    }
    if let Some(storage) = super::legacy::local_storage() {
        let _ = storage.set_item(HIDDEN_KEY, &serde_json::Value::Object(map).to_string());
    }
}
