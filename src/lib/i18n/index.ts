import { en } from './en.js';
import { id } from './id.js';
import type { Lang, Params } from './types.js';
import { ui } from './ui.js';

export type { Lang, Params } from './types.js';
export type MessageKey = keyof typeof en;
export type UiKey = keyof typeof ui.en;

const catalogues = { en, id };

/** The language to speak: --lang wins, then LANGUAGE/LC_ALL/LC_MESSAGES/LANG; Indonesian unless they ask for another. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'id' || flag === 'en') return flag;
  const locale = [env.LANGUAGE, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v !== 'C' && v !== 'POSIX' && !v.startsWith('C.'));
  if (!locale) return 'id';
  return locale.toLowerCase().startsWith('id') || locale.toLowerCase().startsWith('in_') ? 'id' : 'en';
}

export function message(lang: Lang, key: MessageKey, params: Params = {}): { text: string; hint: string } {
  const entry = catalogues[lang][key];
  return { text: entry.text(params), hint: entry.hint(params) };
}

/** A line of interface text (headings, progress, summaries). */
export function say(lang: Lang, key: UiKey, params: Params = {}): string {
  return ui[lang][key](params);
}
