// Preloaded into pouchdb-server by scripts/sync-server.sh (`node --require`). It corrects one
// known bug of pouchdb-server 4.2.0, the development and test server (production runs Apache
// CouchDB, which does not have it):
//
//   pouchdb-validation's validate() sets the incoming document's `_revisions` to the stored
//   revision's before running validate_doc_update. A replicated update (new_edits=false)
//   then names a history the server already has, and PouchDB skips it without an error: an
//   edited annotation never reaches the server. Reported upstream as pouchdb/pouchdb-server
//   issue 419 (open; the fix in pull request 420 was never merged).
//
// The correction puts each document's own `_revisions` back once it has been validated, and
// changes nothing else: the write rule runs as before. tests/sync/server.test.mjs checks that
// a replicated edit arrives (and fails without this file).
'use strict';
const Module = require('module');

const load = Module._load;
Module._load = function loadWithFix(request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  if (request === 'pouchdb-bulkdocs-wrapper' && parent && /pouchdb-validation/.test(parent.filename)) {
    return function createBulkDocsWrapper(handler) {
      return loaded((doc, args) => {
        const had = Object.prototype.hasOwnProperty.call(doc, '_revisions');
        const own = doc._revisions;
        const restore = () => {
          if (had) doc._revisions = own;
          else delete doc._revisions;
        };
        return handler(doc, args).then(
          (value) => { restore(); return value; },
          (err) => { restore(); throw err; },
        );
      });
    };
  }
  return loaded;
};
