// Assessments live in DATA_DIR/spbe-mandiri.json (see lib/json-store.js); ids are made here.
import { randomBytes } from 'node:crypto';
import { createStore } from './lib/json-store.js';

export const { readAll, find, update } = createStore('spbe-mandiri.json');

export const ID = /^[0-9a-f]{12}$/;
/** 48 random bits: ids in links cannot be guessed from one another. */
export const newId = () => randomBytes(6).toString('hex');
