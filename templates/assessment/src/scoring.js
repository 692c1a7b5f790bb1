// The checklist and its arithmetic. An indicator answered with level L counts L / maxLevel, yes counts 1 and
// no 0; a domain's score is the weighted mean of its answered indicators, the overall score the weighted mean
// of the answered domains (weights from the settings), both as 0–100. Unanswered indicators are left out and
// reported as completeness instead, so a half-filled draft can be saved without being scored as zero.
import { opdName, pick, settings } from './lib/config.js';

const round = (n) => Math.round(n * 100) / 100;

/** Answers as staff may send them: a level as a number or digits; yes/no as true/false, yes/no or ya/tidak. */
const YES = new Set([true, 'yes', 'ya', 'true']);
const NO = new Set([false, 'no', 'tidak', 'false']);

/** The checklist's operations, over any domains and maximum level (tests use their own). */
export function makeChecklist(domains, maxLevel) {
  const byId = new Map();
  for (const domain of domains) {
    for (const indicator of domain.indicators) {
      // Answers are keyed by indicator id, so one id in two domains would make them ambiguous.
      if (byId.has(indicator.id)) throw new Error(`config/settings.json: indicator id "${indicator.id}" is used twice`);
      byId.set(indicator.id, { domain, indicator });
    }
  }
  const typeOf = (indicator) => indicator.type ?? 'level';
  const weightOf = (item) => item.weight ?? 1;

  /** A stored answer's value in [0, 1]. */
  function valueOf(indicator, answer) {
    return typeOf(indicator) === 'yesno' ? (answer === true ? 1 : 0) : answer / maxLevel;
  }

  /**
   * Checks answers ({indicatorId: answer}); empty answers are skipped. Returns the clean answers and the
   * problems ({indicator, problem: unknown | range | yesno}); `shape` when it is not an object at all.
   */
  function check(raw) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { answers: {}, problems: [{ indicator: '', problem: 'shape' }] };
    const answers = {};
    const problems = [];
    for (const [id, value] of Object.entries(raw)) {
      if (value === '' || value === null || value === undefined) continue;
      const found = byId.get(id);
      if (!found) {
        problems.push({ indicator: id, problem: 'unknown' });
      } else if (typeOf(found.indicator) === 'yesno') {
        const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
        if (YES.has(v)) answers[id] = true;
        else if (NO.has(v)) answers[id] = false;
        else problems.push({ indicator: id, problem: 'yesno' });
      } else {
        const level = typeof value === 'number' ? value : /^\s*\d{1,3}\s*$/.test(String(value)) ? Number(value) : Number.NaN;
        if (Number.isInteger(level) && level >= 1 && level <= maxLevel) answers[id] = level;
        else problems.push({ indicator: id, problem: 'range' });
      }
    }
    return { answers, problems };
  }

  /** Scores per domain and overall (0–100, two decimals; null when nothing counted) and completeness. */
  function score(answers) {
    const perDomain = domains.map((domain) => {
      let sum = 0;
      let weights = 0;
      let answered = 0;
      for (const indicator of domain.indicators) {
        if (!Object.hasOwn(answers, indicator.id)) continue;
        sum += weightOf(indicator) * valueOf(indicator, answers[indicator.id]);
        weights += weightOf(indicator);
        answered += 1;
      }
      return { id: domain.id, weight: domain.weight, answered, total: domain.indicators.length, exact: weights > 0 ? (100 * sum) / weights : null };
    });
    const counted = perDomain.filter((d) => d.exact !== null);
    const weightSum = counted.reduce((s, d) => s + d.weight, 0);
    // Rounded only at the end, so the overall score does not inherit the domains' rounding.
    const overall = weightSum > 0 ? round(counted.reduce((s, d) => s + d.weight * d.exact, 0) / weightSum) : null;
    const answered = perDomain.reduce((s, d) => s + d.answered, 0);
    const total = perDomain.reduce((s, d) => s + d.total, 0);
    return {
      overall,
      answered,
      total,
      complete: answered === total,
      domains: perDomain.map(({ exact, ...d }) => ({ ...d, score: exact === null ? null : round(exact) })),
    };
  }

  /** One assessment with its scores and every indicator, labels in `lang`: the JSON export and API answer. */
  function report(assessment, lang) {
    const scores = score(assessment.answers);
    return {
      id: assessment.id,
      opd: assessment.opd ? { key: assessment.opd, name: opdName(assessment.opd) ?? assessment.opd } : null,
      period: assessment.period,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      maxLevel,
      overall: scores.overall,
      answered: scores.answered,
      total: scores.total,
      complete: scores.complete,
      domains: domains.map((domain, i) => ({
        ...scores.domains[i],
        label: pick(domain.label, lang),
        indicators: domain.indicators.map((indicator) => {
          const has = Object.hasOwn(assessment.answers, indicator.id);
          const answer = has ? assessment.answers[indicator.id] : null;
          return { id: indicator.id, label: pick(indicator.label, lang), type: typeOf(indicator), weight: weightOf(indicator), answer, value: has ? round(100 * valueOf(indicator, answer)) : null };
        }),
      })),
    };
  }

  return { domains, maxLevel, typeOf, check, score, report, has: (id) => byId.has(id) };
}

export const checklist = makeChecklist(settings.domains, settings.maxLevel);

// A spreadsheet would run a cell starting with = + - @ as a formula: such cells get a leading apostrophe.
function cell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = ['assessment_id', 'opd', 'period', 'domain_id', 'domain', 'domain_weight', 'indicator_id', 'indicator', 'answer_type',
  'indicator_weight', 'answer', 'indicator_score', 'domain_score', 'overall_score'];

/** RFC 4180 CSV (every field quoted, CRLF) with a byte-order mark so spreadsheets read it as UTF-8. */
export function toCsv(report) {
  const rows = [CSV_COLUMNS];
  for (const d of report.domains) {
    for (const i of d.indicators) {
      const answer = i.answer === true ? 'yes' : i.answer === false ? 'no' : i.answer;
      rows.push([report.id, report.opd?.name ?? '', report.period, d.id, d.label, d.weight, i.id, i.label, i.type, i.weight, answer, i.value, d.score, report.overall]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
