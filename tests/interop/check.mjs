// An outsider's reading of every export format: no code from the app, only the files.
// Offsets are checked the way Python reads them (code points: [...text].slice(start, end)),
// and every W3C annotation is validated against each MUST schema of the W3C test suite.
//
//   node tests/interop/check.mjs <folder>   (folders of exports, as written by
//                                            `cargo run --example interop_samples`)
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Code-point slice, as Python's text[start:end]. */
export function slice(text, start, end) {
  return [...text].slice(start, end).join('');
}

function fail(message) {
  throw new Error(message);
}

/** The reference: this app's own JSON export (text, and placed annotations with quotes). */
export function readNative(json) {
  const file = JSON.parse(json);
  const text = file.document.text;
  // Who made each annotation, by span ("" when unknown: the field is left out).
  const annotators = new Map();
  const spans = file.annotations.map((a) => {
    if (slice(text, a.start, a.end) !== a.quote) fail(`native: ${a.id} quote does not match ${a.start}–${a.end}`);
    if (a.annotator !== undefined && (typeof a.annotator !== 'string' || a.annotator === '')) {
      fail(`native: ${a.id} annotator ${JSON.stringify(a.annotator)} is not a name`);
    }
    annotators.set(key(a.start, a.end, a.label), a.annotator ?? '');
    return key(a.start, a.end, a.label);
  });
  return { text, spans: spans.sort(), relations: file.relations.length, file, annotators };
}

/** Each span's annotator as a format gives it must be the JSON export's. */
function sameAnnotators(format, found, reference) {
  for (const [k, name] of found) {
    const expected = reference.annotators.get(k);
    if (name !== expected) fail(`${format}: ${k} annotator “${name}”, expected “${expected}”`);
  }
}

function key(start, end, label) {
  return `${start}-${end}-${String(label).toLowerCase()}`;
}

function sameSpans(format, found, reference) {
  const a = [...found].sort();
  if (a.length !== reference.spans.length) fail(`${format}: ${a.length} spans, expected ${reference.spans.length}`);
  a.forEach((k, i) => {
    if (k !== reference.spans[i]) fail(`${format}: span ${k} differs from ${reference.spans[i]}`);
  });
}

// ---------- W3C ----------
const schemaDir = ['w3c-annotation-schemas', join(root, '..', 'shared', 'w3c-annotation-schemas')]
  .map((d) => (d.startsWith('/') ? d : join(here, d)))
  .find((d) => existsSync(d));

function listJson(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listJson(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

let validators = null;
export function w3cValidators() {
  if (validators) return validators;
  if (!schemaDir) fail('the W3C schemas are missing (tests/interop/w3c-annotation-schemas)');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const path of listJson(join(schemaDir, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));
  validators = listJson(join(schemaDir, 'annotations')).map((path) => {
    const schema = JSON.parse(readFileSync(path, 'utf8'));
    return { name: path.slice(schemaDir.length + 1), validate: ajv.compile(schema) };
  });
  if (validators.length < 50) fail(`only ${validators.length} W3C schemas found`);
  return validators;
}

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function checkW3c(json, reference) {
  const data = JSON.parse(json);
  const items = data.type === 'AnnotationCollection' ? asList(data.first?.items) : asList(data.items ?? data);
  if (items.length === 0) fail('w3c: no annotations');
  const spans = [];
  const creators = [];
  let links = 0;
  for (const item of items) {
    for (const { name, validate } of w3cValidators()) {
      if (!validate(item)) fail(`w3c: ${item.id} fails ${name}: ${JSON.stringify(validate.errors).slice(0, 400)}`);
    }
    const contexts = asList(item['@context'] ?? data['@context']);
    if (!contexts.includes('http://www.w3.org/ns/anno.jsonld')) fail(`w3c: ${item.id} lacks the anno.jsonld context`);
    const target = asList(item.target)[0];
    const selectors = asList(target?.selector);
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!position) {
      if (asList(item.motivation).includes('linking')) links += 1;
      continue;
    }
    if (!quote) fail(`w3c: ${item.id} has a position but no quote`);
    if (slice(reference.text, position.start, position.end) !== quote.exact) {
      fail(`w3c: ${item.id}: text[${position.start}:${position.end}] is not “${quote.exact}”`);
    }
    const tag = asList(item.body).find((b) => b.purpose === 'tagging');
    if (!tag) fail(`w3c: ${item.id} has no tagging body`);
    spans.push(key(position.start, position.end, tag.value));
    // The Web Annotation model's creator: an agent, here a Person with a name.
    if (item.creator !== undefined && (item.creator.type !== 'Person' || typeof item.creator.name !== 'string')) {
      fail(`w3c: ${item.id} creator ${JSON.stringify(item.creator)} is not a named Person`);
    }
    creators.push([key(position.start, position.end, tag.value), item.creator?.name ?? '']);
  }
  sameSpans('w3c', spans, reference);
  sameAnnotators('w3c', creators, reference);
  if (links !== reference.relations) fail(`w3c: ${links} linking annotations, expected ${reference.relations}`);
  return items.length;
}

// ---------- brat ----------
/** Entries of a zip with stored (uncompressed) files, read from the central directory. */
export function unzipStored(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) fail('brat: not a zip');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const files = {};
  for (let n = 0; n < count; n += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) fail('brat: bad central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) fail(`brat: ${name} is compressed (method ${method})`);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    files[name] = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(dataAt, dataAt + size));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

export function checkBrat(files, reference) {
  const names = Object.keys(files);
  const txtName = names.find((n) => n.endsWith('.txt'));
  const annName = names.find((n) => n.endsWith('.ann'));
  const conf = names.find((n) => n.endsWith('annotation.conf'));
  if (!txtName || !annName || !conf) fail(`brat: expected .txt, .ann and annotation.conf, got ${names.join(', ')}`);
  if (files[txtName] !== reference.text) fail('brat: the .txt is not the document text');
  for (const type of ['Actor', 'Claim', 'Date']) {
    if (!new RegExp(`^${type}$`, 'm').test(files[conf])) fail(`brat: annotation.conf lacks ${type}`);
  }
  const spans = [];
  const keys = new Map();
  const named = new Map();
  let relations = 0;
  for (const line of files[annName].split('\n').filter(Boolean)) {
    const [id, middle, text] = line.split('\t');
    if (id.startsWith('#') && middle.startsWith('Annotator ')) {
      named.set(middle.split(' ')[1], text);
    } else if (id.startsWith('T')) {
      const [type, ...ranges] = middle.split(/[ ;]/);
      const pairs = [];
      for (let i = 0; i < ranges.length; i += 2) pairs.push([Number(ranges[i]), Number(ranges[i + 1])]);
      const pieces = pairs.map(([s, e]) => slice(reference.text, s, e));
      if (pieces.join(' ') !== text) fail(`brat: ${id} text “${text}” is not “${pieces.join(' ')}”`);
      spans.push(key(pairs[0][0], pairs[pairs.length - 1][1], type));
      keys.set(id, spans[spans.length - 1]);
    } else if (id.startsWith('R')) {
      relations += 1;
    }
  }
  sameSpans('brat', spans, reference);
  sameAnnotators('brat', [...keys].map(([id, k]) => [k, named.get(id) ?? '']), reference);
  if (relations !== reference.relations) fail(`brat: ${relations} R lines, expected ${reference.relations}`);
  return spans.length;
}

// ---------- JSONL ----------
export function checkSpacy(jsonl, reference) {
  const lines = jsonl.split('\n').filter(Boolean);
  if (lines.length !== 1) fail(`spacy: ${lines.length} lines, expected 1`);
  const record = JSON.parse(lines[0]);
  if (record.text !== reference.text) fail('spacy: "text" is not the document text');
  const spans = record.spans.map((s) => {
    if (s.text !== undefined && slice(record.text, s.start, s.end) !== s.text) {
      fail(`spacy: text[${s.start}:${s.end}] is not “${s.text}”`);
    }
    return key(s.start, s.end, s.label);
  });
  sameSpans('spacy', spans, reference);
  sameAnnotators('spacy', record.spans.map((s, i) => [spans[i], s.annotator ?? '']), reference);
  if ((record.relations ?? []).length !== reference.relations) fail('spacy: relation count differs');
  return spans.length;
}

export function checkDoccano(jsonl, reference) {
  const record = JSON.parse(jsonl.split('\n').filter(Boolean)[0]);
  if (record.text !== reference.text) fail('doccano: "text" is not the document text');
  const quotes = new Map(reference.file.annotations.map((a) => [key(a.start, a.end, a.label), a.quote]));
  const spans = record.label.map(([start, end, label]) => {
    const k = key(start, end, label);
    if (slice(record.text, start, end) !== quotes.get(k)) fail(`doccano: text[${start}:${end}] is not the quote of ${k}`);
    return k;
  });
  sameSpans('doccano', spans, reference);
  // One name per [start, end, label] triple, in the same order.
  if (record.annotators !== undefined && record.annotators.length !== spans.length) fail('doccano: annotators do not match label');
  sameAnnotators('doccano', spans.map((k, i) => [k, record.annotators?.[i] ?? '']), reference);
  return spans.length;
}

// ---------- CSV ----------
/** RFC 4180 records. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { /* the \n ends the record */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function checkCsv(csv, reference) {
  const [header, ...rows] = parseCsv(csv);
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) fail(`csv: no column ${name}`);
    return i;
  };
  const [start, end, label, quote] = ['start', 'end', 'label', 'quote'].map(col);
  const [normalized, modifier, annotator] = ['date_normalized', 'date_modifier', 'annotator'].map(col);
  const spans = rows.map((r) => {
    if (r.length !== header.length) fail(`csv: a row has ${r.length} fields, the header ${header.length}`);
    // A program parses the value; its TIMEX3 modifier has a column of its own.
    if (/\s/.test(r[normalized])) fail(`csv: date_normalized “${r[normalized]}” is not a plain value`);
    if (!/^(|START|MID|END)$/.test(r[modifier])) fail(`csv: date_modifier “${r[modifier]}”`);
    if (slice(reference.text, Number(r[start]), Number(r[end])) !== r[quote]) {
      fail(`csv: text[${r[start]}:${r[end]}] is not “${r[quote]}”`);
    }
    return key(r[start], r[end], r[label]);
  });
  sameSpans('csv', spans, reference);
  sameAnnotators('csv', rows.map((r, i) => [spans[i], r[annotator]]), reference);
  return spans.length;
}

/** Checks one folder of exports; returns a line per format. */
export function checkFolder(folder) {
  const names = readdirSync(folder);
  const find = (suffix) => {
    const name = names.find((n) => n.endsWith(suffix));
    if (!name) fail(`${folder}: no *${suffix}`);
    return join(folder, name);
  };
  const reference = readNative(readFileSync(find('.annotations.json'), 'utf8'));
  // The samples name their annotators, so that every format's way of holding one is checked.
  if (![...reference.annotators.values()].some(Boolean)) fail(`${folder}: no annotation names its annotator`);
  return [
    `w3c ${checkW3c(readFileSync(find('.w3c.jsonld'), 'utf8'), reference)} annotations valid against ${w3cValidators().length} schemas`,
    `brat ${checkBrat(unzipStored(readFileSync(find('.brat.zip'))), reference)} spans`,
    `spacy ${checkSpacy(readFileSync(find('.spacy.jsonl'), 'utf8'), reference)} spans`,
    `doccano ${checkDoccano(readFileSync(find('.doccano.jsonl'), 'utf8'), reference)} spans`,
    `csv ${checkCsv(readFileSync(find('.annotations.csv'), 'utf8'), reference)} rows`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const top = process.argv[2] ?? 'target/interop';
  const folders = readdirSync(top).map((n) => join(top, n)).filter((p) => statSync(p).isDirectory());
  if (folders.length === 0) fail(`no export folders in ${top}`);
  for (const folder of folders) {
    for (const line of checkFolder(folder)) console.log(`${folder}: ${line}`);
  }
  console.log(`interop: ${folders.length} folders checked by an independent reader`);
}
