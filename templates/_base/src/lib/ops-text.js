// What the copy tells its operators (start-up, shutdown, logs), in the copy's language.
import { defaultLang } from './config.js';

const texts = {
  id: {
    started: ({ url }) => `melayani di ${url}`,
    stopping: ({ signal }) => `${signal} diterima: menyelesaikan permintaan yang sedang berjalan lalu berhenti`,
    startFailed: ({ reason }) => `Tidak dapat memulai: ${reason}`,
  },
  en: {
    started: ({ url }) => `serving on ${url}`,
    stopping: ({ signal }) => `${signal} received: finishing the requests in flight, then stopping`,
    startFailed: ({ reason }) => `Cannot start: ${reason}`,
  },
};

/** A lookup of operator messages ({ id, en } tables of functions) in the copy's default language. */
export const inCopyLanguage = (tables) => (key, params = {}) => tables[defaultLang][key](params);

/** An operator message in the copy's default language. */
export const opsText = inCopyLanguage(texts);
