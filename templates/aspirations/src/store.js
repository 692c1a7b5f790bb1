// Reports live in DATA_DIR/aspirasi.json (see lib/json-store.js); tickets are made here.
import { randomInt } from 'node:crypto';
import { createStore } from './lib/json-store.js';

export const { readAll, find, update } = createStore('aspirasi.json');

// No 0/O or 1/I, so a ticket read out over the phone is not misheard.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TICKET = /^LKS-\d{8}-[2-9A-HJ-NP-Z]{8}$/;

/** LKS-YYYYMMDD-XXXXXXXX: the local date, then 40 random bits so tickets cannot be guessed. */
export function newTicket(localDate) {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `LKS-${localDate.replace(/-/g, '')}-${tail}`;
}
