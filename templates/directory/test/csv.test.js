// The CSV export parses back, with an RFC 4180 reader written here, to exactly the records in settings; cells a
// spreadsheet would run as formulas are neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv } from '../src/csv.js';
import { config, serve } from './support.js';

const { app, settings } = config;
const base = serve();

/** RFC 4180, strictly: records end in CRLF, quoted fields double their quotes, nothing follows a closing quote. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      // A quoted field runs to the first quote that is not doubled.
      for (i += 1; text[i] !== '"' || text[i + 1] === '"'; i += 1) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        field += text[i];
        if (text[i] === '"') i += 1;
      }
      i += 1;
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

/** What a cell should read as: text starting like a formula gets an apostrophe, numbers stay as they are. */
const expected = (value) => (value === undefined ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value));

test('the reader itself follows RFC 4180', () => {
  assert.deepEqual(parseCsv('a,"b,c","d""e"\r\n"f\r\ng",,h\r\n'), [['a', 'b,c', 'd"e'], ['f\r\ng', '', 'h']]);
  assert.throws(() => parseCsv('a,"b"c\r\n'), /after a closing quote/);
  assert.throws(() => parseCsv('a,b\n'), /bare/);
  assert.throws(() => parseCsv('a,b'), /CRLF/);
});

test('a value with a comma, a quote and a line break survives the round trip', () => {
  const tricky = 'Pasar "Baru", Blok A\nLantai 2';
  const rows = [['id', 'nama', 'harga'], ['a', tricky, 15000], ['b', '', undefined]];
  const csv = toCsv(rows);
  assert.ok(csv.includes('"Pasar ""Baru"", Blok A\nLantai 2"'), csv);
  assert.deepEqual(parseCsv(csv), [['id', 'nama', 'harga'], ['a', tricky, '15000'], ['b', '', '']]);
});

test('cells that a spreadsheet would run as formulas are neutralised', () => {
  for (const formula of ['=HYPERLINK("http://evil.example","klik")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1']) {
    const [[cell]] = parseCsv(toCsv([[formula]]));
    assert.equal(cell, `'${formula}`, JSON.stringify(formula));
  }
  assert.equal(csvCell('=1,2'), `"'=1,2"`);
  // Numbers are written by String() and are never formulas: a negative amount stays a number.
  assert.equal(csvCell(-2500), '-2500');
  assert.equal(csvCell('Rp 5.000 (harga = naik)'), 'Rp 5.000 (harga = naik)');
});

test('GET /export.csv is every record of the settings, one row each, headed by the field labels', async () => {
  const response = await fetch(`${base()}/export.csv?lang=en`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.equal(response.headers.get('content-disposition'), `attachment; filename="${app.id}.csv"`);
  const text = await response.text();
  // fetch's text() drops the byte-order mark that tells spreadsheets the file is UTF-8.
  const [head, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  assert.deepEqual(head, ['id', ...settings.fields.map((field) => field.label.en)]);
  assert.equal(rows.length, settings.items.length);
  const byId = new Map(rows.map((row) => [row[0], row]));
  for (const item of settings.items) {
    assert.deepEqual(byId.get(item.id), [item.id, ...settings.fields.map((field) => expected(item[field.key]))], item.id);
  }
});

test('the CSV export applies the same search and filters as the list', async () => {
  const filter = settings.fields.find((field) => field.filter && settings.items.some((item) => item[field.key] !== undefined));
  if (!filter) return;
  const value = String(settings.items.find((item) => item[filter.key] !== undefined)[filter.key]);
  const text = await (await fetch(`${base()}/export.csv?${new URLSearchParams({ [filter.key]: value })}`)).text();
  const ids = parseCsv(text.replace(/^\uFEFF/, '')).slice(1).map((row) => row[0]).sort();
  assert.deepEqual(ids, settings.items.filter((item) => String(item[filter.key] ?? '') === value).map((item) => item.id).sort());
  const none = await (await fetch(`${base()}/export.csv?q=${encodeURIComponent('zz-tidak-ada-qq')}`)).text();
  assert.equal(parseCsv(none.replace(/^\uFEFF/, '')).length, 1, 'only the header');
});
