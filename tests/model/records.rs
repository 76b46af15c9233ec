//! The local database's record layout (`model::records`): what is written, what one change
//! writes, how another tab's records are taken in, and what happens to a record that cannot
//! be read.

use crate::support::{article_sample, span_of, unicode_sample, LATER};
use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::records::{self, Round, Stored};
use annotator::model::sync::merge_stored;
use annotator::model::{Annotations, Document, Label, Relation, Role, Store};
use serde_json::Value;

/// What the database would hold after writing `writes` from scratch, with made-up revisions.
fn written(doc: &Document, store: &Store) -> Vec<Value> {
    Stored::empty(&doc.id)
        .changes(doc, store.content())
        .iter()
        .map(|w| {
            let mut body = parse(&w.to_json());
            body["_rev"] = Value::String("1-a".to_owned());
            body
        })
        .collect()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("records are JSON")
}

fn sorted(mut content: Annotations) -> Annotations {
    content.annotations.sort_by(|a, b| a.id.cmp(&b.id));
    content.orphans.sort_by(|a, b| a.id.cmp(&b.id));
    content.relations.sort_by(|a, b| a.id.cmp(&b.id));
    content
}

#[test]
fn every_annotation_and_link_is_one_readable_record_and_loads_back_unchanged() {
    let (doc, store) = unicode_sample();
    let records = written(&doc, &store);
    assert_eq!(
        records.len(),
        store.annotations().len() + store.relations().len()
    );
    for record in &records {
        let id = record["_id"].as_str().unwrap();
        assert!(
            id.starts_with(&format!("ann:{}:", doc.id))
                || id.starts_with(&format!("rel:{}:", doc.id)),
            "{id}"
        );
        assert_eq!(record["doc"], doc.id.as_str());
        assert_eq!(record["v"], 3);
    }
    let (_, content, unreadable) = Stored::load(&doc, &records);
    assert!(unreadable.reasons.is_empty(), "{:?}", unreadable.reasons);
    assert_eq!(sorted(content), sorted(store.content().owned()));
}

#[test]
fn records_hold_the_fields_of_the_json_export_with_code_point_offsets() {
    let (doc, store) = unicode_sample();
    let export: Value = serde_json::from_str(&native::to_json(
        &doc,
        store.content(),
        TextInclusion::WithText,
    ))
    .unwrap();
    let chars: Vec<char> = doc.index.text().chars().collect();
    for record in written(&doc, &store)
        .iter()
        .filter(|r| r["type"] == "annotation")
    {
        let exported = export["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == record["id"])
            .expect("exported too");
        for (field, value) in exported.as_object().unwrap() {
            assert_eq!(&record[field], value, "field {field} of {}", record["_id"]);
        }
        let (start, end) = (
            record["start"].as_u64().unwrap() as usize,
            record["end"].as_u64().unwrap() as usize,
        );
        let quote: String = chars[start..end].iter().collect();
        assert_eq!(record["quote"].as_str().unwrap(), quote);
    }
}

#[test]
fn one_change_writes_one_record_naming_the_revision_it_replaces() {
    let (doc, mut store) = article_sample();
    let (stored, _, _) = Stored::load(&doc, &written(&doc, &store));
    assert!(
        stored.changes(&doc, store.content()).is_empty(),
        "nothing changed yet"
    );

    store.set_note("actor-1", "checked", LATER).unwrap();
    let writes = stored.changes(&doc, store.content());
    assert_eq!(writes.len(), 1);
    assert_eq!(writes[0].id, format!("ann:{}:actor-1", doc.id));
    assert_eq!(writes[0].rev.as_deref(), Some("1-a"));
    assert_eq!(parse(writes[0].body.as_ref().unwrap())["note"], "checked");

    store.remove("date-1").unwrap();
    let writes = stored.changes(&doc, store.content());
    let deleted: Vec<_> = writes.iter().filter(|w| w.body.is_none()).collect();
    // The date and its link go; the note edit is still unwritten.
    assert_eq!(writes.len(), 3, "{writes:?}");
    assert!(deleted
        .iter()
        .any(|w| w.id == format!("ann:{}:date-1", doc.id)));
    assert!(deleted.iter().all(|w| w.rev.as_deref() == Some("1-a")));
    assert_eq!(parse(&deleted[0].to_json())["_deleted"], true);
    assert_eq!(parse(&deleted[0].to_json())["_rev"], "1-a");
}

#[test]
fn an_accepted_write_becomes_the_base_and_is_not_written_again() {
    let (doc, mut store) = article_sample();
    let (mut stored, _, _) = Stored::load(&doc, &written(&doc, &store));
    store.set_note("actor-1", "checked", LATER).unwrap();
    let writes = stored.changes(&doc, store.content());
    stored.written(&writes[0], "2-b".to_owned());
    assert!(stored.changes(&doc, store.content()).is_empty());
    // The database's echo of this tab's own write is no news.
    let mut echo = parse(&writes[0].to_json());
    echo["_rev"] = Value::String("2-b".to_owned());
    assert!(!stored.has_news(&[echo]));
}

#[test]
fn another_tabs_records_are_merged_without_losing_this_tabs_work() {
    let (doc, store) = article_sample();
    let base = written(&doc, &store);
    let (mut stored, _, _) = Stored::load(&doc, &base);
    // This tab adds an actor; the other tab notes the claim and adds a date of its own.
    let mut mine = store.clone();
    mine.add(
        &doc.index,
        "mine".into(),
        Label::Actor,
        span_of(&doc, "Armenia"),
        LATER,
    )
    .unwrap();
    let mut theirs = store.clone();
    theirs
        .set_note("claim-1", "from the other tab", LATER)
        .unwrap();
    theirs
        .add(
            &doc.index,
            "theirs".into(),
            Label::Actor,
            span_of(&doc, "Yerevan"),
            LATER,
        )
        .unwrap();
    let their_records: Vec<Value> = Stored::load(&doc, &base)
        .0
        .changes(&doc, theirs.content())
        .iter()
        .map(|w| {
            let mut body = parse(&w.to_json());
            body["_rev"] = Value::String("2-other".to_owned());
            body
        })
        .collect();
    assert_eq!(their_records.len(), 2, "one record per change");
    let before = stored.clone();
    assert!(stored.has_news(&their_records));
    assert_eq!(stored.absorb(&doc, &their_records), Ok(true));
    let merged = merge_stored(&before.content(), mine.content(), &stored.content())
        .expect("the other tab's work is new here");
    let ids: Vec<&str> = merged.annotations.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"mine") && ids.contains(&"theirs"), "{ids:?}");
    let claim = merged
        .annotations
        .iter()
        .find(|a| a.id == "claim-1")
        .unwrap();
    assert_eq!(claim.note, "from the other tab");
    // Writing the merge touches only what the other tab does not have: this tab's actor.
    let merged_store = Store::from_parts(merged);
    let writes = stored.changes(&doc, merged_store.content());
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0].id, format!("ann:{}:mine", doc.id));
}

#[test]
fn a_deletion_in_another_tab_reaches_this_one() {
    let (doc, store) = article_sample();
    let (mut stored, _, _) = Stored::load(&doc, &written(&doc, &store));
    let before = stored.clone();
    let tombstone = serde_json::json!({
        "_id": format!("ann:{}:actor-1", doc.id), "_rev": "2-x", "_deleted": true
    });
    assert_eq!(stored.absorb(&doc, &[tombstone]), Ok(true));
    let merged = merge_stored(&before.content(), store.content(), &stored.content()).unwrap();
    assert!(merged.annotations.iter().all(|a| a.id != "actor-1"));
}

#[test]
fn a_record_that_cannot_be_read_is_left_out_and_named_and_the_rest_load() {
    let (doc, store) = article_sample();
    let mut records = written(&doc, &store);
    let bad = records
        .iter_mut()
        .find(|r| r["id"] == "actor-1")
        .expect("actor-1 is stored");
    bad["start"] = Value::from(3);
    let (_, content, unreadable) = Stored::load(&doc, &records);
    assert_eq!(unreadable.reasons.len(), 1, "{:?}", unreadable.reasons);
    assert!(
        unreadable.reasons[0].contains("actor-1"),
        "{}",
        unreadable.reasons[0]
    );
    assert!(!unreadable.newer_version);
    assert_eq!(unreadable.raw.len(), 1);
    assert_eq!(content.annotations.len(), store.annotations().len() - 1);
    // The unreadable record is not in the base, so no write ever touches it.
    let (stored, _, _) = Stored::load(&doc, &records);
    let kept = Store::from_parts(content);
    assert!(stored
        .changes(&doc, kept.content())
        .iter()
        .all(|w| !w.id.ends_with(":actor-1")));
}

#[test]
fn a_record_from_a_newer_version_is_refused_and_marked() {
    let (doc, store) = article_sample();
    let mut records = written(&doc, &store);
    records[0]["v"] = Value::from(9);
    let (_, _, unreadable) = Stored::load(&doc, &records);
    assert!(unreadable.newer_version);
    assert!(
        unreadable.reasons[0].contains("version 9"),
        "{}",
        unreadable.reasons[0]
    );
}

#[test]
fn text_and_list_records_read_back_and_a_changed_text_is_refused() {
    let (doc, _) = unicode_sample();
    let text = parse(&records::text_record(&doc));
    assert_eq!(text["_id"], format!("text:{}", doc.id));
    let read = records::read_text(&text).unwrap();
    assert_eq!(read.index.text(), doc.index.text());
    assert_eq!(read.text_sha256, doc.text_sha256);
    let mut altered = text.clone();
    altered["text"] = Value::String(format!("{} ", doc.index.text()));
    assert!(records::read_text(&altered)
        .unwrap_err()
        .contains("fingerprint"));

    let meta = annotator::model::library::DocumentMeta::of(&doc, "2025-01-01T00:00:00Z", false);
    let record = parse(&records::meta_record(&meta));
    assert_eq!(record["_id"], format!("doc:{}", doc.id));
    assert_eq!(records::read_meta(&record).unwrap(), meta);
}

#[test]
fn another_tabs_merge_keeps_undo_steps_it_did_not_touch() {
    let (doc, mut store) = article_sample();
    store
        .add(
            &doc.index,
            "mine".into(),
            Label::Actor,
            span_of(&doc, "Armenia"),
            LATER,
        )
        .unwrap();
    store.set_note("claim-1", "mine", LATER).unwrap();
    // The other tab added an annotation: nothing of this tab's steps is touched.
    let mut merged = store.content().owned();
    let mut other = store.clone();
    other
        .add(
            &doc.index,
            "theirs".into(),
            Label::Actor,
            span_of(&doc, "Yerevan"),
            LATER,
        )
        .unwrap();
    merged.annotations = other.annotations().to_vec();
    assert_eq!(store.absorb(merged), 0);
    assert!(store.undo(), "the note edit is still undoable");
    assert_eq!(store.get("claim-1").unwrap().note, "");
    assert!(
        store.get("theirs").is_some(),
        "undo does not take the other tab's work"
    );

    // A merge that changes the annotation an undo step would restore drops that step.
    let mut edited = store.content().owned();
    let mine = edited
        .annotations
        .iter_mut()
        .find(|a| a.id == "mine")
        .unwrap();
    mine.note = "edited over there".into();
    assert_eq!(store.absorb(edited), 1);
    assert_eq!(store.get("mine").unwrap().note, "edited over there");
}

#[test]
fn typing_a_note_is_one_undo_step() {
    let (_, mut store) = article_sample();
    let before = store.get("claim-1").unwrap().note.clone();
    for typed in ["c", "ch", "che", "checked"] {
        assert_eq!(store.set_note("claim-1", typed, LATER), Ok(true));
    }
    assert!(store.undo());
    assert_eq!(store.get("claim-1").unwrap().note, before);
    assert!(store.redo());
    assert_eq!(store.get("claim-1").unwrap().note, "checked");
    // Typing again after an undo or another edit starts a new step.
    store.set_note("claim-1", "checked twice", LATER).unwrap();
    assert!(store.undo());
    assert_eq!(store.get("claim-1").unwrap().note, "checked");
}

#[test]
fn a_link_is_its_own_record() {
    let (doc, store) = article_sample();
    let records = written(&doc, &store);
    let links: Vec<&Value> = records.iter().filter(|r| r["type"] == "relation").collect();
    assert_eq!(links.len(), store.relations().len());
    let relation: &Relation = &store.relations()[0];
    let record = links
        .iter()
        .find(|r| r["id"] == relation.id.as_str())
        .unwrap();
    assert_eq!(record["claim"], relation.claim.as_str());
    assert_eq!(record["annotation"], relation.other.as_str());
    assert_eq!(
        record["role"],
        match relation.role {
            Role::Source => "source",
            Role::Target => "target",
            Role::When => "when",
        }
    );
}

#[test]
fn an_older_revision_of_this_tabs_own_record_is_not_taken_back_in() {
    let (doc, mut store) = article_sample();
    let (mut stored, _, _) = Stored::load(&doc, &written(&doc, &store));
    let mut echoes = Vec::new();
    for (n, note) in ["K", "Kremlin"].iter().enumerate() {
        store.set_note("actor-1", note, LATER).unwrap();
        let writes = stored.changes(&doc, store.content());
        let rev = format!("{}-x{n}", n + 2);
        stored.written(&writes[0], rev.clone());
        let mut echo = parse(&writes[0].to_json());
        echo["_rev"] = Value::String(rev);
        echoes.push(echo);
    }
    // The feed brings back both writes after the second was confirmed: neither is news.
    assert!(!stored.has_news(&echoes));
    assert_eq!(stored.absorb(&doc, &echoes), Ok(false));
    assert!(stored.changes(&doc, store.content()).is_empty());
    // The same generation from another tab (a conflict it won) is news.
    let mut theirs = echoes[1].clone();
    theirs["_rev"] = Value::String("3-other".into());
    theirs["note"] = Value::String("theirs".into());
    assert!(stored.has_news(&[theirs]));
}

/// Every write as the database is given it, in id order: the writes of two ways of working
/// them out compare equal.
fn as_sent(writes: &[records::RecordWrite]) -> Vec<String> {
    let mut sent: Vec<String> = writes.iter().map(|w| w.to_json()).collect();
    sent.sort();
    sent
}

/// The saver's comparison of what may differ gives exactly the writes of comparing the whole
/// store, and keeps the state the next comparison needs.
fn compare(
    compared: &mut records::Compared,
    stored: &mut Stored,
    doc: &Document,
    store: &Store,
) -> Vec<records::RecordWrite> {
    let everything = stored.changes(doc, store.content());
    let some = compared.changes(stored, doc, store);
    assert_eq!(as_sent(&some), as_sent(&everything));
    some
}

fn confirm(stored: &mut Stored, writes: &[records::RecordWrite], rev: &str) {
    for write in writes {
        stored.written(write, rev.to_owned());
    }
}

#[test]
fn comparing_only_what_was_touched_writes_what_comparing_everything_writes() {
    let (doc, mut store) = article_sample();
    let (mut stored, _, _) = Stored::load(&doc, &written(&doc, &store));
    let mut compared = records::Compared::default();
    assert!(compare(&mut compared, &mut stored, &doc, &store).is_empty());

    // An edit whose write fails stays due, next to the following edit.
    store.set_note("actor-1", "checked", LATER).unwrap();
    assert_eq!(compare(&mut compared, &mut stored, &doc, &store).len(), 1);
    store
        .add(
            &doc.index,
            "new".into(),
            Label::Actor,
            span_of(&doc, "Armenia"),
            LATER,
        )
        .unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(writes.len(), 2, "{writes:?}");
    confirm(&mut stored, &writes, "2-a");
    assert!(compare(&mut compared, &mut stored, &doc, &store).is_empty());

    // Typing joins one undo step (the store edits in place); then a deletion with its
    // link, its undo and redo.
    store.set_note("new", "t", LATER).unwrap();
    store.set_note("new", "ty", LATER).unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    confirm(&mut stored, &writes, "3-a");
    store.remove("date-1").unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert!(writes.len() >= 2, "the date and its link: {writes:?}");
    confirm(&mut stored, &writes, "4-a");
    assert!(store.undo());
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    confirm(&mut stored, &writes, "5-a");
    assert!(store.undo());
    assert!(store.redo());
    compare(&mut compared, &mut stored, &doc, &store);

    // A link added, a write still unconfirmed while the next change comes.
    let relation = store.relations()[0].clone();
    store.unlink(&relation.id).unwrap();
    store
        .link(
            "link-again".into(),
            &relation.claim,
            &relation.other,
            relation.role,
            LATER,
        )
        .unwrap();
    let unconfirmed = compare(&mut compared, &mut stored, &doc, &store);
    store.relabel("new", Label::Date, LATER).unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert!(writes.len() > unconfirmed.len());
    confirm(&mut stored, &writes, "6-a");
    assert!(compare(&mut compared, &mut stored, &doc, &store).is_empty());

    // Another tab's record arrives (changing `Stored`, not the store): the store's version
    // must be compared again even though the store did not touch it.
    let mut theirs = store.clone();
    theirs.set_note("claim-1", "theirs", LATER).unwrap();
    let their_records: Vec<Value> = stored
        .changes(&doc, theirs.content())
        .iter()
        .map(|w| {
            let mut body = parse(&w.to_json());
            body["_rev"] = Value::String("9-other".to_owned());
            body
        })
        .collect();
    assert_eq!(stored.absorb(&doc, &their_records), Ok(true));
    assert_eq!(compare(&mut compared, &mut stored, &doc, &store).len(), 1);
    // Merged in: the store now agrees, nothing to write.
    let merged = merge_stored(&store.content().owned(), store.content(), &stored.content())
        .expect("the other tab's note is new here");
    store.absorb(merged);
    assert!(compare(&mut compared, &mut stored, &doc, &store).is_empty());

    // Content replaced whole: the store no longer says what it touched; everything is compared.
    let mut content = store.content().owned();
    content.annotations.retain(|a| a.id != "new");
    store.replace_all(content);
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(writes[0].body.is_none());
}

/// `annotations` imported into `store` in one step, as a file's are, with fresh ids.
fn import_all(store: &mut Store, annotations: Vec<annotator::model::Annotation>) {
    let mut n = 0;
    store.import(
        Annotations {
            annotations,
            ..Annotations::default()
        },
        annotator::model::store::ImportMode::Merge,
        || {
            n += 1;
            format!("fresh-{n}")
        },
    );
}

/// A generated document with `n` annotations imported into its store, none of them written
/// to the database yet.
fn imported_unsaved(n: usize) -> (Document, Store, Stored) {
    let (doc, annotations) = annotator::model::synthetic::generate(300_000, n);
    let mut store = Store::new();
    let (stored, _, _) = Stored::load(&doc, &[]);
    import_all(&mut store, annotations);
    (doc, store, stored)
}

#[test]
fn an_import_of_thousands_is_compared_whole_and_the_next_edit_alone() {
    let (doc, annotations) = annotator::model::synthetic::generate(300_000, 5_000);
    let mut store = Store::new();
    let (mut stored, _, _) = Stored::load(&doc, &[]);
    let mut compared = records::Compared::default();
    assert!(compare(&mut compared, &mut stored, &doc, &store).is_empty());
    let before = store.revision();
    import_all(&mut store, annotations);
    assert_eq!(store.touched_since(before), None, "too many to remember");
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    let comparison = compared.comparisons();
    assert_eq!(writes.len(), store.len());
    // The first half confirmed: the other half stays due for the next comparison.
    let (taken, sent) = writes.split_at(writes.len() / 2);
    confirm(&mut stored, taken, "1-a");
    compared.settle(&stored, &writes, comparison);
    assert_eq!(compared.due(), sent.len());
    confirm(&mut stored, sent, "1-a");
    compared.settle(&stored, &writes, comparison);
    assert_eq!(compared.due(), 0, "everything written needs no second look");
    let id = store.annotations()[7].id.clone();
    store.set_note(&id, "after the import", LATER).unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(writes.len(), 1);
    confirm(&mut stored, &writes, "2-a");
    compared.settle(&stored, &writes, compared.comparisons());

    // The page is left while a write is under way: that comparison finds a newer edit of the
    // same annotation, and the older write's confirmation must not drop it.
    store.set_note(&id, "older", LATER).unwrap();
    let older = compare(&mut compared, &mut stored, &doc, &store);
    let comparison = compared.comparisons();
    store.set_note(&id, "newer", LATER).unwrap();
    let leaving = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(leaving.len(), 1);
    confirm(&mut stored, &older, "3-a");
    compared.settle(&stored, &older, comparison);
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(writes.len(), 1, "the newer note is still due");
    assert!(writes[0].to_json().contains("newer"));
    confirm(&mut stored, &writes, "4-a");
    compared.settle(&stored, &writes, compared.comparisons());
    // A deletion confirmed is settled too; one refused stays due.
    let (gone, kept) = (
        store.annotations()[3].id.clone(),
        store.annotations()[4].id.clone(),
    );
    store.remove(&gone).unwrap();
    store.remove(&kept).unwrap();
    let writes = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(writes.len(), 2, "{writes:?}");
    let confirmed: Vec<_> = writes
        .iter()
        .filter(|w| w.id.ends_with(&gone))
        .cloned()
        .collect();
    confirm(&mut stored, &confirmed, "5-a");
    compared.settle(&stored, &writes, compared.comparisons());
    assert_eq!(compared.due(), 1);
    let again = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(again.len(), 1);
    assert!(again[0].id.ends_with(&kept) && again[0].body.is_none());
}

#[test]
fn thousands_of_writes_go_in_rounds_that_together_write_everything_once() {
    let (doc, mut store, mut stored) = imported_unsaved(5_000);
    let mut compared = records::Compared::default();
    let everything = as_sent(&stored.changes(&doc, store.content()));
    assert_eq!(everything.len(), 5_000);
    let mut sent = Vec::new();
    let mut rounds = 0;
    loop {
        let (writes, more) =
            compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
        assert!(writes.len() <= 500);
        rounds += 1;
        sent.extend(writes.iter().map(|w| w.to_json()));
        confirm(&mut stored, &writes, "1-a");
        compared.settle(&stored, &writes, compared.comparisons());
        if !more {
            break;
        }
        // An edit between two rounds is written too, once.
        if rounds == 3 {
            let id = store.annotations()[0].id.clone();
            store.set_note(&id, "between rounds", LATER).unwrap();
        }
    }
    assert_eq!(rounds, 11, "ten full rounds, then the edit");
    assert!(stored.changes(&doc, store.content()).is_empty());
    let ids: std::collections::HashSet<String> = sent
        .iter()
        .map(|w| parse(w)["_id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 5_000, "every record written");
    assert_eq!(sent.len(), 5_001, "each once, and the edited one again");
    // Deletions go in rounds too.
    let mut content = store.content().owned();
    content.annotations.truncate(1_000);
    store.replace_all(content);
    let mut deleted = 0;
    loop {
        let (writes, more) =
            compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
        assert!(writes.len() <= 500);
        deleted += writes.iter().filter(|w| w.body.is_none()).count();
        confirm(&mut stored, &writes, "2-a");
        if !more {
            break;
        }
    }
    assert_eq!(deleted, 4_000);
    assert!(stored.changes(&doc, store.content()).is_empty());
}

#[test]
fn a_round_goes_on_where_the_last_one_stopped_and_skips_what_is_before() {
    let (doc, store, stored) = imported_unsaved(2_000);
    let now = store.content();
    let (first, next) = stored.changes_from(&doc, now, 0, Round::of_records(500));
    assert_eq!((first.len(), next), (500, Some(500)));
    // Nothing is held, so a round from position 1,500 finds only the last 500: what is
    // before its position is not looked at again.
    let (last, next) = stored.changes_from(&doc, now, 1_500, Round::of_records(500));
    assert_eq!(next, None);
    let expected: Vec<String> = store.annotations()[1_500..]
        .iter()
        .map(|a| records::annotation_id(&doc.id, &a.id))
        .collect();
    assert_eq!(
        last.iter().map(|w| w.id.clone()).collect::<Vec<_>>(),
        expected
    );
}

#[test]
fn a_round_starts_over_when_the_one_before_was_not_taken_whole_or_is_still_being_written() {
    let (doc, store, mut stored) = imported_unsaved(2_000);
    let mut compared = records::Compared::default();
    let (round, more) = compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
    assert!(more);
    confirm(&mut stored, &round, "1-a");
    compared.settle(&stored, &round, compared.comparisons());
    // The second round is being written when the page is left: what is kept aside holds
    // it too (it is not held yet), not only what comes after it.
    let (in_flight, _) =
        compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
    let leaving = compare(&mut compared, &mut stored, &doc, &store);
    assert_eq!(leaving.len(), 1_500);
    assert_eq!(leaving[..500], in_flight[..]);
    // A round the database refused in part is looked at again by the next.
    let mut compared = records::Compared::default();
    let (mut stored, _, _) = Stored::load(&doc, &[]);
    let (round, _) = compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
    confirm(&mut stored, &round[1..], "1-a");
    compared.settle(&stored, &round, compared.comparisons());
    let (next, _) = compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
    assert_eq!(next[0], round[0], "the refused record comes first again");
    assert_eq!(next.len(), 500);
    // Taken whole, the rounds go on and write each record once.
    let mut sent = round.len() + next.len();
    confirm(&mut stored, &next, "1-a");
    compared.settle(&stored, &next, compared.comparisons());
    loop {
        let (writes, more) =
            compared.changes_at_most(&mut stored, &doc, &store, Round::of_records(500));
        sent += writes.len();
        confirm(&mut stored, &writes, "1-a");
        compared.settle(&stored, &writes, compared.comparisons());
        if !more {
            break;
        }
    }
    assert_eq!(sent, 2_000 + 1, "the refused one twice, every other once");
    assert!(stored.changes(&doc, store.content()).is_empty());
}

#[test]
fn a_record_without_an_annotator_reads_as_unknown_and_one_with_it_round_trips() {
    let (doc, store) = article_sample();
    let mut records = written(&doc, &store);
    let annotation_records = || records.iter().filter(|r| r["type"] == "annotation");
    assert!(annotation_records().all(|r| r["annotator"] == "Ada Lovelace"));
    let (_, content, unreadable) = Stored::load(&doc, &records);
    assert!(unreadable.reasons.is_empty(), "{:?}", unreadable.reasons);
    assert!(content
        .annotations
        .iter()
        .all(|a| a.annotator == "Ada Lovelace"));
    // Records written before annotators existed have no such field.
    let old = records.iter_mut().find(|r| r["id"] == "claim-1").unwrap();
    old.as_object_mut().unwrap().remove("annotator");
    let (stored, content, unreadable) = Stored::load(&doc, &records);
    assert!(unreadable.reasons.is_empty(), "{:?}", unreadable.reasons);
    let claim = content.annotations.iter().find(|a| a.id == "claim-1");
    assert_eq!(claim.unwrap().annotator, "");
    // An unknown annotator is not written; a record differing only in it is rewritten.
    let loaded = Store::from_parts(content);
    let writes = stored.changes(&doc, store.content());
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0].id, format!("ann:{}:claim-1", doc.id));
    let rewritten = parse(&writes[0].to_json());
    assert_eq!(rewritten["annotator"], "Ada Lovelace");
    let unknown = written(&doc, &loaded);
    let claim = unknown.iter().find(|r| r["id"] == "claim-1").unwrap();
    assert!(claim.get("annotator").is_none(), "{claim}");
}

#[test]
fn a_change_of_annotator_alone_is_merged_like_any_edit() {
    let (_, store) = article_sample();
    let base = store.content().owned();
    // This tab deleted the actor; the other tab changed only who made it (same time).
    let mut mine = store.clone();
    mine.remove("inner-1").unwrap();
    let mut theirs = base.clone();
    theirs
        .annotations
        .iter_mut()
        .find(|a| a.id == "inner-1")
        .unwrap()
        .annotator = "Grace Hopper".to_owned();
    let merged = merge_stored(&base, mine.content(), &theirs).expect("the edit comes back");
    let inner = merged.annotations.iter().find(|a| a.id == "inner-1");
    assert_eq!(inner.unwrap().annotator, "Grace Hopper");
}

/// A burst from the change feed: the last state of each record, in the order written.
#[test]
fn latest_each_keeps_the_last_state_of_each_record() {
    use annotator::model::records::latest_each;
    let records = vec![
        serde_json::json!({"_id": "ann:d:x", "_rev": "1-a"}),
        serde_json::json!({"_id": "ann:d:y", "_rev": "1-b"}),
        serde_json::json!({"_id": "ann:d:x", "_rev": "2-c", "_deleted": true}),
    ];
    let kept = latest_each(records);
    let revs: Vec<&str> = kept.iter().map(|r| r["_rev"].as_str().unwrap()).collect();
    assert_eq!(revs, ["1-b", "2-c"]);
}

/// Team sync (issue 17): every synced record names its owner. The person's own records load
/// into their store as before; a colleague's form a read-only layer of their own, and a
/// deletion (which names no one) is left to the store, where an unknown id changes nothing.
#[test]
fn synced_records_are_split_by_owner_and_a_colleagues_load_as_their_own_layer() {
    let (doc, store) = unicode_sample();
    let mut mine = written(&doc, &store);
    let total = mine.len();
    assert!(total >= 3, "the sample has annotations and a link");
    for record in &mut mine {
        record["owner"] = Value::from("alice");
    }
    // Bob's copy of the same work, under his own ids.
    let bobs: Vec<Value> = mine
        .iter()
        .map(|r| {
            let mut r = r.clone();
            let id = r["_id"].as_str().unwrap().replace(":a", ":b-bob-a");
            r["_id"] = Value::from(id);
            r["owner"] = Value::from("bob");
            r
        })
        .collect();
    let tombstone = serde_json::json!({"_id": "ann:x:gone", "_rev": "2-z", "_deleted": true});
    let mut all = mine.clone();
    all.extend(bobs.clone());
    all.push(tombstone.clone());

    let (own, colleagues) = records::split_by_owner(all.clone(), Some("alice"));
    assert_eq!(own.len(), total + 1, "alice's records and the tombstone");
    assert!(own.contains(&tombstone));
    assert_eq!(colleagues.len(), 1);
    assert_eq!(colleagues[0].0, "bob");
    assert_eq!(colleagues[0].1.len(), total);

    // Each side loads as the same annotations, the owner field notwithstanding.
    let (_, own_content, unreadable) = Stored::load(&doc, &own);
    assert!(unreadable.reasons.is_empty(), "{:?}", unreadable.reasons);
    assert_eq!(sorted(own_content), sorted(store.content().owned()));
    let (_, bob_content, unreadable) = Stored::load(&doc, &colleagues[0].1);
    assert!(unreadable.reasons.is_empty(), "{:?}", unreadable.reasons);
    assert_eq!(bob_content.annotations.len(), store.annotations().len());

    // Seen from bob's browser, alice's are the colleague's.
    let (own, colleagues) = records::split_by_owner(all.clone(), Some("bob"));
    assert_eq!(own.len(), total + 1);
    assert_eq!(colleagues[0].0, "alice");
    // Before any account: records that name an owner are someone else's.
    let (own, colleagues) = records::split_by_owner(all, None);
    assert_eq!((own.len(), colleagues.len()), (1, 2));
    assert!(!records::is_colleagues(&tombstone, Some("alice")));
}

#[test]
fn rounds_are_bounded_by_bytes_too_and_a_record_longer_than_the_bound_goes_alone() {
    let (doc, store, mut stored) = imported_unsaved(2_000);
    let size = |w: &records::RecordWrite| w.id.len() + w.body.as_ref().map_or(0, String::len);
    let total: usize = stored.changes(&doc, store.content()).iter().map(size).sum();
    let round = Round {
        records: 500,
        bytes: 64 * 1024,
    };
    assert!(
        total > 8 * round.bytes,
        "the test needs rounds bounded by bytes"
    );
    let mut compared = records::Compared::default();
    let mut ids = std::collections::HashSet::new();
    let mut rounds = 0;
    loop {
        let (writes, more) = compared.changes_at_most(&mut stored, &doc, &store, round);
        rounds += 1;
        let bytes: usize = writes.iter().map(size).sum();
        let before_last = bytes - size(writes.last().unwrap());
        // It stops at the first record that reaches the bound, not before.
        assert!(writes.len() <= 500 && before_last < round.bytes);
        if more {
            assert!(bytes >= round.bytes || writes.len() == 500);
        }
        ids.extend(writes.iter().map(|w| w.id.clone()));
        confirm(&mut stored, &writes, "1-a");
        compared.settle(&stored, &writes, compared.comparisons());
        if !more {
            break;
        }
    }
    assert_eq!(ids.len(), 2_000, "every record, once");
    assert!(
        rounds >= total / round.bytes,
        "{rounds} rounds for {total} bytes"
    );
    assert!(stored.changes(&doc, store.content()).is_empty());
    // A bound smaller than any record: one record a round, never none.
    let (doc, store, stored) = imported_unsaved(3);
    let tiny = Round {
        records: 500,
        bytes: 1,
    };
    let (first, more) = stored.changes_from(&doc, store.content(), 0, tiny);
    assert_eq!((first.len(), more), (1, Some(1)));
    let (last, more) = stored.changes_from(&doc, store.content(), 2, tiny);
    assert_eq!((last.len(), more), (1, None));
}
