function (newDoc, oldDoc, userCtx, secObj) {
  // The project database's write rule (issue 17), installed by scripts/sync/setup.mjs as
  // _design/annotator's validate_doc_update. This file holds only the function: the server
  // compiles it as it is, so keep it plain ES5 (CouchDB's JavaScript engine) and put comments
  // inside. Every record the app syncs carries a string field `owner`, the CouchDB user name of
  // who made it.
  //   - a server admin (role _admin) may write anything, design documents included;
  //   - anyone else must be logged in, may not touch design documents, may create a document
  //     only with owner equal to their own name, and may update or delete a document only if
  //     its stored revision's owner is their name, and never change owner;
  //   - a deletion (_deleted: true) may carry nothing but _id and _rev, so it is judged by the
  //     stored revision (oldDoc); a tombstone with no owner counts as no document at all.
  //     Known limit: pouchdb-server gives no oldDoc at all when the winning revision is a
  //     tombstone, so once a document is deleted anyone may create its _id anew (as its owner).
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) {
    return;
  }
  var name = userCtx && userCtx.name;
  var id = newDoc._id || '';
  var verb = newDoc._deleted ? 'delete' : (oldDoc && !oldDoc._deleted ? 'change' : 'create');
  if (!name) {
    throw { unauthorized: 'Log in to ' + verb + ' "' + id + '": anonymous writes are refused.' };
  }
  if (id.indexOf('_design/') === 0) {
    throw { forbidden: 'Only an admin may write design documents; ' + name + ' may not ' + verb + ' "' + id + '".' };
  }
  var hasOwner = function (doc) {
    return !!doc && typeof doc.owner === 'string';
  };
  if (hasOwner(oldDoc) || (oldDoc && !oldDoc._deleted)) {
    // An existing document (or a tombstone that still names its owner): only its owner may
    // write it, and the owner stays.
    if (!hasOwner(oldDoc)) {
      throw { forbidden: '"' + id + '" has no owner; only an admin may ' + verb + ' it (refused for ' + name + ').' };
    }
    if (oldDoc.owner !== name) {
      throw { forbidden: '"' + id + '" is owned by ' + oldDoc.owner + '; ' + name + ' may not ' + verb + ' it.' };
    }
    if (newDoc.owner !== undefined && newDoc.owner !== oldDoc.owner) {
      throw { forbidden: '"' + id + '" is owned by ' + oldDoc.owner + '; its owner may not be changed (to ' + JSON.stringify(newDoc.owner) + ').' };
    }
    if (newDoc.owner === undefined && !newDoc._deleted) {
      throw { forbidden: '"' + id + '" is owned by ' + oldDoc.owner + '; a change must keep owner "' + oldDoc.owner + '".' };
    }
    return;
  }
  // No document yet (or a tombstone without owner): a creation.
  if (newDoc._deleted) {
    // A tombstone of a document the server never had (made and deleted offline): harmless.
    return;
  }
  if (typeof newDoc.owner !== 'string') {
    throw { forbidden: 'A new document needs a string owner equal to your user name; ' + name + ' may not create "' + id + '" without one.' };
  }
  if (newDoc.owner !== name) {
    throw { forbidden: name + ' may not create "' + id + '" owned by ' + newDoc.owner + ': a new document\'s owner must be its author (' + name + ').' };
  }
}
