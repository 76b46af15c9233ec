//! Entities across the library: every actor mention of every document grouped by the entity
//! it names, with the claims those mentions are linked to, and the plan that merges one
//! entity into another.
//!
//! **Which entity a mention names.** An actor's entity is its entity name when one is set,
//! else its own text (an *inferred* entity, as the exports write it: `formats::native`).
//! Mentions are grouped by [`entity_id`] of that name, so "Dmitry Peskov" set by hand in one
//! document and an actor whose text is "Dmitry Peskov" in another are one entity, and so are
//! "the MFA" and "The MFA". An entity is shown by the entity name its mentions use most
//! (ties: the first in sorted order), else, when none of them has one, by their most common
//! text.
//!
//! **Claims.** An entity's claims are the claims whose sources or targets name it, as
//! [`super::collection::collect`] lists them (a source or target is named by its entity name,
//! else its text: [`super::claims::linked_name`]); a claim counts once per role however many
//! of its actors name the entity.
//!
//! **Merging** entity B into entity A gives every actor (placed or orphaned) that names B the
//! entity name A ([`merge_plan`]): a list of edits per document, each naming the annotation
//! and the entity it must still name when it is applied ([`apply_merge`]), so an annotation
//! changed meanwhile is left as it is.

use super::annotation::{entity_id, Annotation, Label, Role};
use super::collection::{collect, CollectionClaim};
use super::content::{Annotations, Content};
use super::document::Document;
use super::library::WorkspaceDocument;
use super::sort;
use super::store::fold;
use std::cmp::Ordering;
use std::collections::HashMap;

/// One actor mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub document_id: String,
    pub document_title: String,
    /// The annotation's id.
    pub annotation: String,
    pub quote: String,
    /// Code-point offsets in its document, end-exclusive.
    pub start: usize,
    pub end: usize,
    /// The entity name set on the mention; `None` when it names the entity by its text.
    pub entity: Option<String>,
}

/// A claim an entity is linked to, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityClaim {
    pub document_id: String,
    pub document_title: String,
    /// The claim's annotation id.
    pub claim: String,
    pub quote: String,
    /// [`Role::Source`] (the entity made the claim) or [`Role::Target`] (it is about it).
    pub role: Role,
}

/// One entity of the library with its mentions and claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// [`entity_id`] of its name: what groups its mentions.
    pub id: String,
    /// The name it is shown by (see the module's notes).
    pub name: String,
    /// No mention sets an entity name: the entity is named by the mentions' text.
    pub inferred: bool,
    /// Document by document (in the library's order), each in document order.
    pub mentions: Vec<Mention>,
    /// Claims naming it as source or target, document by document, in document order; a
    /// claim that names it in both roles is listed twice.
    pub claims: Vec<EntityClaim>,
    /// How many documents mention it.
    pub documents: usize,
    /// How many claims it is a source of, and a target of.
    pub as_source: usize,
    pub as_target: usize,
}

/// The entity key of an actor: [`entity_id`] of its entity name, else of its text. A name
/// without letters or digits (an id of nothing) keys by its folded text, so it is not lumped
/// together with every other such name.
pub fn entity_key(name: &str) -> String {
    let id = entity_id(name);
    if id.is_empty() {
        format!("~{}", fold(name.trim()))
    } else {
        id
    }
}

/// The name an actor gives its entity: its entity name, else its text.
pub fn named(actor: &Annotation) -> &str {
    actor.entity.as_deref().unwrap_or(&actor.quote)
}

/// The order of [`EntityIndex::sort`]. Ties go by name (ignoring case and accents), then id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EntitySort {
    /// Most mentions first (ascending: fewest first).
    #[default]
    Mentions,
    /// Most documents first.
    Documents,
    /// By name, A to Z.
    Name,
}

/// The entities of a library, with what filtering and sorting read worked out once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    /// Each entity's folded name.
    names: Vec<String>,
}

impl EntityIndex {
    /// The entities of these documents, by their key in order of first mention.
    pub fn build<'a>(documents: impl IntoIterator<Item = (&'a Document, Content<'a>)>) -> Self {
        let documents: Vec<(&Document, Content)> = documents.into_iter().collect();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut entities: Vec<Entity> = Vec::new();
        for (document, content) in &documents {
            let mut actors: Vec<&Annotation> = content
                .annotations
                .iter()
                .filter(|a| a.label == Label::Actor)
                .collect();
            sort::sort_by(&mut actors, |a, b| a.order_key().cmp(&b.order_key()));
            for actor in actors {
                let key = entity_key(named(actor));
                let i = *at.entry(key.clone()).or_insert_with(|| {
                    entities.push(Entity {
                        id: key,
                        name: String::new(),
                        inferred: true,
                        mentions: Vec::new(),
                        claims: Vec::new(),
                        documents: 0,
                        as_source: 0,
                        as_target: 0,
                    });
                    entities.len() - 1
                });
                let entity = &mut entities[i];
                if entity
                    .mentions
                    .last()
                    .is_none_or(|m| m.document_id != document.id)
                {
                    entity.documents += 1;
                }
                entity.mentions.push(Mention {
                    document_id: document.id.clone(),
                    document_title: document.title.clone(),
                    annotation: actor.id.clone(),
                    quote: actor.quote.clone(),
                    start: actor.span.start.0,
                    end: actor.span.end.0,
                    entity: actor.entity.clone(),
                });
            }
        }
        for claim in collect(documents.iter().copied()) {
            for (role, names) in [
                (Role::Source, &claim.record.sources),
                (Role::Target, &claim.record.targets),
            ] {
                let mut keys: Vec<String> = names.iter().map(|n| entity_key(n)).collect();
                sort::sort(&mut keys);
                keys.dedup();
                for key in keys {
                    if let Some(&i) = at.get(&key) {
                        add_claim(&mut entities[i], &claim, role);
                    }
                }
            }
        }
        for entity in &mut entities {
            entity.inferred = entity.mentions.iter().all(|m| m.entity.is_none());
            entity.name = display_name(&entity.mentions);
        }
        let names = entities.iter().map(|e| fold(&e.name)).collect();
        EntityIndex { entities, names }
    }

    /// [`EntityIndex::build`] over a library's documents.
    pub fn of_workspace(documents: &[WorkspaceDocument]) -> Self {
        Self::build(documents.iter().map(|d| (&d.document, d.content.content())))
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id ([`entity_key`] of its name).
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity an actor name belongs to.
    pub fn of_name(&self, name: &str) -> Option<&Entity> {
        self.get(&entity_key(name))
    }

    /// How many mentions there are in all.
    pub fn mentions(&self) -> usize {
        self.entities.iter().map(|e| e.mentions.len()).sum()
    }

    /// The positions of the entities whose name contains every word of `filter`, ignoring
    /// case and accents ("cote" finds "Renée Côté"); all of them for an empty filter.
    pub fn select(&self, filter: &str) -> Vec<usize> {
        let words: Vec<String> = filter.split_whitespace().map(fold).collect();
        (0..self.entities.len())
            .filter(|&i| words.iter().all(|w| self.names[i].contains(w.as_str())))
            .collect()
    }

    /// Sorts positions (from [`EntityIndex::select`]) by `by`; `descending` reverses that key
    /// only, ties always go by name, then id.
    pub fn sort(&self, rows: &mut [usize], by: EntitySort, descending: bool) {
        let (entities, names) = (&self.entities, &self.names);
        let tie =
            |a: usize, b: usize| (&names[a], &entities[a].id).cmp(&(&names[b], &entities[b].id));
        sort::sort_by(rows, |&a, &b| {
            let (x, y) = (&entities[a], &entities[b]);
            let primary = match by {
                // Most first unless reversed.
                EntitySort::Mentions => y.mentions.len().cmp(&x.mentions.len()),
                EntitySort::Documents => y.documents.cmp(&x.documents),
                EntitySort::Name => Ordering::Equal,
            };
            let primary = if descending {
                primary.reverse()
            } else {
                primary
            };
            match primary {
                Ordering::Equal if by == EntitySort::Name && descending => tie(a, b).reverse(),
                Ordering::Equal => tie(a, b),
                other => other,
            }
        });
    }
}

fn add_claim(entity: &mut Entity, claim: &CollectionClaim, role: Role) {
    match role {
        Role::Source => entity.as_source += 1,
        _ => entity.as_target += 1,
    }
    entity.claims.push(EntityClaim {
        document_id: claim.document_id.clone(),
        document_title: claim.document_title.clone(),
        claim: claim.record.claim.clone(),
        quote: claim.record.quote.clone(),
        role,
    });
}

/// The most used entity name of the mentions, else their most common text; ties go to the
/// first in sorted order.
fn display_name(mentions: &[Mention]) -> String {
    let mut names: Vec<&str> = mentions
        .iter()
        .filter_map(|m| m.entity.as_deref())
        .collect();
    if names.is_empty() {
        names = mentions.iter().map(|m| m.quote.as_str()).collect();
    }
    sort::sort(&mut names);
    let mut best: Option<(&str, usize)> = None;
    let mut i = 0;
    while i < names.len() {
        let run = names[i..].iter().take_while(|n| **n == names[i]).count();
        if best.is_none_or(|(_, n)| run > n) {
            best = Some((names[i], run));
        }
        i += run;
    }
    best.map(|(name, _)| name.to_owned()).unwrap_or_default()
}

/// One actor whose entity a merge changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityEdit {
    /// The annotation's id (a placed actor or an orphan).
    pub annotation: String,
    /// Its text, for reports.
    pub quote: String,
    pub orphan: bool,
}

/// The edits of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentEdits {
    pub document_id: String,
    pub document_title: String,
    pub edits: Vec<EntityEdit>,
}

/// Merging one entity into another: every actor that names `from` gets the entity name
/// `into_name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergePlan {
    /// The key of the entity merged away (what an edited actor must still name).
    pub from: String,
    pub from_name: String,
    /// The key and name of the entity that stays.
    pub into: String,
    pub into_name: String,
    /// Documents with something to change, in the library's order.
    pub documents: Vec<DocumentEdits>,
}

impl MergePlan {
    /// How many actors change, orphans included.
    pub fn mentions(&self) -> usize {
        self.documents.iter().map(|d| d.edits.len()).sum()
    }

    /// What the merge changes, in words: "3 mentions in 2 documents".
    pub fn describe(&self) -> String {
        let (m, d) = (self.mentions(), self.documents.len());
        format!(
            "{m} mention{} in {d} document{}",
            if m == 1 { "" } else { "s" },
            if d == 1 { "" } else { "s" }
        )
    }
}

/// The plan that merges entity `from` into entity `into` (both ids of `index`) over the same
/// documents the index was built from: for each document, the actors — placed or orphaned —
/// whose entity is `from` (set, or inferred from their text) get `into`'s name.
pub fn merge_plan<'a>(
    index: &EntityIndex,
    documents: impl IntoIterator<Item = (&'a Document, Content<'a>)>,
    from: &str,
    into: &str,
) -> Result<MergePlan, String> {
    if from == into {
        return Err("an entity cannot be merged into itself".to_owned());
    }
    let find = |id: &str| {
        index
            .get(id)
            .ok_or_else(|| format!("there is no entity “{id}” in the library any more"))
    };
    let (source, target) = (find(from)?, find(into)?);
    let mut plan = MergePlan {
        from: source.id.clone(),
        from_name: source.name.clone(),
        into: target.id.clone(),
        into_name: target.name.clone(),
        documents: Vec::new(),
    };
    for (document, content) in documents {
        let edits: Vec<EntityEdit> = content
            .annotations
            .iter()
            .map(|a| (a, false))
            .chain(content.orphans.iter().map(|a| (a, true)))
            .filter(|(a, _)| names(a, from))
            .map(|(a, orphan)| EntityEdit {
                annotation: a.id.clone(),
                quote: a.quote.clone(),
                orphan,
            })
            .collect();
        if !edits.is_empty() {
            plan.documents.push(DocumentEdits {
                document_id: document.id.clone(),
                document_title: document.title.clone(),
                edits,
            });
        }
    }
    Ok(plan)
}

/// Whether the annotation is an actor naming the entity `key`.
fn names(a: &Annotation, key: &str) -> bool {
    a.label == Label::Actor && entity_key(named(a)) == key
}

/// Applies one document's part of a merge to its annotations as they are now: each listed
/// actor that still names `plan.from` gets `plan.into_name` as its entity and `now` as its
/// last edit. Actors changed or deleted since the plan was made are left alone. Returns how
/// many changed. Nothing else is touched (links, other annotations, the records of links
/// the store would drop).
pub fn apply_merge(
    content: &mut Annotations,
    plan: &MergePlan,
    edits: &DocumentEdits,
    now: &str,
) -> usize {
    let mut changed = 0;
    for a in content
        .annotations
        .iter_mut()
        .chain(content.orphans.iter_mut())
    {
        if names(a, &plan.from) && edits.edits.iter().any(|e| e.annotation == a.id) {
            a.entity = Some(plan.into_name.clone());
            a.updated = now.to_owned();
            changed += 1;
        }
    }
    changed
}
