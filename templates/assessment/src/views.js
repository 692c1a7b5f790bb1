// The self-assessment's pages: the checklist form, the saved assessments and one assessment's scores.
import { defaultLang, localTime, opdName, pick, region } from './lib/config.js';
import { html, layout } from './lib/html.js';
import { link } from './lib/i18n.js';
import { checklist } from './scoring.js';
import { text } from './text.js';

const langField = (lang) => (lang === defaultLang ? '' : html`<input type="hidden" name="lang" value="${lang}">`);
const shown = (score) => (score === null ? '—' : score.toFixed(2));
const unitName = (t, opd) => (opd ? opdName(opd) ?? opd : t.wholeRegion);

function levelLabel(t, level) {
  // The SPBE capability names fit a five-level scale only; other scales show the number alone.
  return checklist.maxLevel === 5 ? `${level} — ${t.levelNames[level - 1]}` : `${t.level} ${level}`;
}

function answerLabel(t, type, answer) {
  if (answer === null || answer === undefined) return t.notAnswered;
  return type === 'yesno' ? (answer ? t.yes : t.no) : levelLabel(t, answer);
}

/** The checklist form; `values` fills it again (an assessment being changed, or a refused attempt). */
export function checklistForm(lang, { action, values = {}, problems = [] } = {}) {
  const t = text[lang];
  const answers = values.answers ?? {};
  const choice = (id, value, label) => html`<option value="${value}"${String(answers[id] ?? '') === String(value) ? html` selected` : ''}>${label}</option>`;
  const levels = Array.from({ length: checklist.maxLevel }, (_, i) => i + 1);
  const problemList = problems.map((p) => html`<li class="error">${t.problems[p.problem](p.indicator, checklist.maxLevel)}</li>`);
  return html`${problems.length > 0 ? html`<div role="alert"><p class="error">${t.invalid}</p><ul>${problemList}</ul></div>` : ''}
<form method="post" action="${link(action, lang)}">
<label>${t.opd}<select name="opd">
<option value="">${t.wholeRegion}</option>
${Object.keys(region.opd).map((key) => html`<option value="${key}"${values.opd === key ? html` selected` : ''}>${opdName(key)}</option>`)}
</select></label>
<label>${t.periodHint}<input type="text" name="period" maxlength="40" required value="${values.period ?? ''}"></label>
${checklist.domains.map((d) => html`<fieldset>
<legend>${pick(d.label, lang)} (${t.weight} ${d.weight})</legend>
${d.indicators.map((i) => html`<label>${pick(i.label, lang)}<select name="a.${i.id}">
${choice(i.id, '', t.notAnswered)}
${checklist.typeOf(i) === 'yesno'
    ? html`${choice(i.id, 'yes', t.yes)}${choice(i.id, 'no', t.no)}`
    : levels.map((level) => choice(i.id, level, levelLabel(t, level)))}
</select></label>`)}
</fieldset>`)}
${langField(lang)}<button type="submit">${t.save}</button>
</form>`;
}

/** The home page: how scores are computed, the saved assessments and a new checklist. */
export function homePage({ lang, url }, list, form = {}, next = undefined) {
  const t = text[lang];
  const body = html`<p>${t.intro}</p>
<p class="note">${t.example}<br>${t.method(checklist.maxLevel)}</p>
<h2>${t.saved}</h2>
${list.length === 0 ? html`<p>${t.none}</p>` : html`<table>
<thead><tr><th>${t.opd}</th><th>${t.period}</th><th>${t.overall}</th><th>${t.completeness}</th><th>${t.updated}</th></tr></thead>
<tbody>${list.map((a) => html`<tr><td><a href="${link(`/penilaian/${a.id}`, lang)}">${unitName(t, a.opd)}</a></td><td>${a.period}</td>
<td>${shown(a.overall)}</td><td>${a.answered}/${a.total}</td><td>${localTime(lang, new Date(a.updatedAt))}</td></tr>`)}</tbody>
</table>`}
${next ? html`<p><a href="${link('/', lang, { setelah: next })}">${t.older}</a></p>` : ''}
<h2>${t.newTitle}</h2>
${checklistForm(lang, { action: '/penilaian', ...form })}`;
  return layout({ lang, url, title: t.title, body });
}

/** A saved assessment as the form's values, so it can be changed. */
function formValues(report) {
  const answered = report.domains.flatMap((d) => d.indicators).filter((i) => i.answer !== null);
  const answers = Object.fromEntries(answered.map((i) => [i.id, i.type === 'yesno' ? (i.answer ? 'yes' : 'no') : i.answer]));
  return { opd: report.opd?.key, period: report.period, answers };
}

/** One assessment: overall and per-domain scores, every answer, the exports and the form to change it. */
export function resultPage({ lang, url }, report, { saved = false, form } = {}) {
  const t = text[lang];
  const base = `/api/penilaian/${report.id}/ekspor`;
  const body = html`${saved ? html`<p class="note" role="status">${t.savedNote}</p>` : ''}
<dl>
<dt>${t.opd}</dt><dd>${report.opd ? report.opd.name : t.wholeRegion}</dd>
<dt>${t.period}</dt><dd>${report.period}</dd>
<dt>${t.overall}</dt><dd><strong>${shown(report.overall)}</strong></dd>
<dt>${t.completeness}</dt><dd>${report.answered}/${report.total}</dd>
<dt>${t.updated}</dt><dd>${localTime(lang, new Date(report.updatedAt))}</dd>
</dl>
<p>${t.export}: <a href="${link(`${base}.csv`, lang)}">CSV</a> · <a href="${link(`${base}.json`, lang)}">JSON</a></p>
<table>
<thead><tr><th>${t.domain}</th><th>${t.weight}</th><th>${t.completeness}</th><th>${t.score}</th></tr></thead>
<tbody>${report.domains.map((d) => html`<tr><td>${d.label}</td><td>${d.weight}</td><td>${d.answered}/${d.total}</td><td>${shown(d.score)}</td></tr>`)}</tbody>
</table>
${report.domains.map((d) => html`<h2>${d.label}</h2>
<table>
<thead><tr><th>${t.indicator}</th><th>${t.answer}</th><th>${t.score}</th></tr></thead>
<tbody>${d.indicators.map((i) => html`<tr><td>${i.label}</td><td>${answerLabel(t, i.type, i.answer)}</td><td>${shown(i.value)}</td></tr>`)}</tbody>
</table>`)}
<h2>${t.editTitle}</h2>
${checklistForm(lang, { action: `/penilaian/${report.id}`, ...(form ?? { values: formValues(report) }) })}`;
  return layout({ lang, url, title: t.result, body });
}
