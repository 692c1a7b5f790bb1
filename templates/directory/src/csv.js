// CSV as RFC 4180 describes it: CRLF after every record, and a field holding a comma, a quote or a line break
// is quoted with its quotes doubled, so a spreadsheet reads exactly the values the settings hold.

// A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return, which some of them skip
// first) as a formula: "CSV injection". A leading apostrophe makes it plain text again.
const FORMULA = /^[=+\-@\t\r]/;

/** One field. Only text is neutralised: a number written by String() is never a formula, and -5 stays -5. */
export function csvCell(value) {
  let cell = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Rows (arrays of values) as one CSV text. */
export function toCsv(rows) {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
