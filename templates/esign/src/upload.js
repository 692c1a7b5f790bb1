// Reading what staff send: a PDF (a multipart form from the page, or JSON with the file in base64 from the
// API) with the signer's NIK and passphrase. The base's readFields stops at 64 KB, too small for documents,
// so uploads have their own limit, from settings.maxFileMB. Nothing read here is written anywhere.
import { basename } from 'node:path';
import { region, settings } from './lib/config.js';
import { HttpError } from './lib/http.js';
import { words } from './lib/i18n.js';
import { isPdf } from './bsre.js';
import { text } from './text.js';

export const maxBytes = () => settings.maxFileMB * 1024 * 1024;
const FORM_OVERHEAD = 64 * 1024;

async function readBody(req, limit, lang) {
  const tooBig = () => new HttpError(413, text[lang].tooBig(settings.maxFileMB), { headers: { connection: 'close' } });
  if (Number(req.headers['content-length']) > limit) throw tooBig();
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw tooBig();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function mediaType(req) {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** A base64 PDF, with or without a data: URL prefix; anything that is not clean base64 is refused. */
function fromBase64(value, lang) {
  if (typeof value !== 'string') throw new HttpError(400, text[lang].noFile);
  const clean = value.replace(/^data:application\/pdf;base64,/i, '').replace(/\s+/g, '');
  if (clean.length === 0) throw new HttpError(400, text[lang].noFile);
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw new HttpError(400, text[lang].badBase64);
  return Buffer.from(clean, 'base64');
}

/** A download name made of safe characters only, so it can go into a header as it is. */
export function safeName(name) {
  const stem = basename(String(name || 'dokumen')).replace(/\.pdf$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  return `${stem || 'dokumen'}.pdf`;
}

/** The uploaded PDF, its name and the other fields; refuses what is not a PDF or is too large. */
export async function readUpload(req, lang) {
  const t = text[lang];
  const type = mediaType(req);
  if (type !== 'multipart/form-data' && type !== 'application/json') throw new HttpError(415, t.badUploadType);
  // base64 makes the JSON a third larger than the file it carries.
  const limit = (type === 'application/json' ? Math.ceil((maxBytes() * 4) / 3) : maxBytes()) + FORM_OVERHEAD;
  const body = await readBody(req, limit, lang);
  let fields = {};
  let pdf;
  let filename = 'dokumen.pdf';
  if (type === 'application/json') {
    let data;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, words[lang].badJson);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, words[lang].badJson);
    fields = data;
    pdf = fromBase64(data.file, lang);
    if (typeof data.filename === 'string') filename = data.filename;
  } else {
    let form;
    try {
      form = await new Response(body, { headers: { 'content-type': req.headers['content-type'] } }).formData();
    } catch {
      throw new HttpError(400, t.badForm);
    }
    for (const [key, value] of form) {
      if (typeof value === 'string') fields[key] = value;
      else if (key === 'file' && !pdf) {
        pdf = Buffer.from(await value.arrayBuffer());
        filename = value.name || filename;
      }
    }
  }
  if (!pdf || pdf.length === 0) throw new HttpError(400, t.noFile);
  if (pdf.length > maxBytes()) throw new HttpError(413, t.tooBig(settings.maxFileMB));
  if (!isPdf(pdf)) throw new HttpError(400, t.notPdf);
  return { pdf, filename: safeName(filename), fields };
}

/** The signer's NIK (16 digits) and passphrase, checked before anything is sent to BSrE. */
export function signer(fields, lang) {
  const nik = typeof fields.nik === 'string' ? fields.nik.trim() : '';
  const { passphrase } = fields;
  if (!/^\d{16}$/.test(nik)) throw new HttpError(400, text[lang].badNik);
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 128) throw new HttpError(400, text[lang].badPassphrase);
  return { nik, passphrase };
}

/** The signature's appearance: the request may choose visible/invisible and the reason; the rest is settings. */
export function appearance(fields) {
  const d = settings.signatureDefaults;
  const tampilan = fields.tampilan === 'visible' || fields.tampilan === 'invisible' ? fields.tampilan : d.tampilan;
  const reason = typeof fields.reason === 'string' && fields.reason.trim() ? fields.reason.trim().slice(0, 200) : d.reason;
  const location = d.location || region.name;
  return { tampilan, reason, location, page: d.page, originX: d.originX, originY: d.originY, width: d.width, height: d.height };
}
