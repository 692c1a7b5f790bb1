// A per-client limit on public submissions (a token bucket: RATE_LIMIT_PER_MINUTE requests, refilled evenly over
// a minute; 0 turns it off). The client is the connecting address, or — only when TRUST_PROXY names how many
// reverse proxies stand in front — the address those proxies recorded in X-Forwarded-For. Counts are kept per
// process: with several processes, each allows the limit (set the proxy's own limit too).
import { HttpError } from './http.js';
import { words } from './i18n.js';

const MAX_CLIENTS = 100_000;

/** How many proxy hops to trust: TRUST_PROXY=1 (or true) for one reverse proxy, 2 for two, unset or 0 for none. */
function trustedHops() {
  const value = String(process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (value === 'true' || value === 'yes') return 1;
  const hops = Number.parseInt(value, 10);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/** The address the limit is counted for. */
export function clientAddress(req) {
  const direct = req.socket.remoteAddress ?? 'unknown';
  const hops = trustedHops();
  if (hops === 0) return direct;
  // Each proxy appends the address it saw; the entry `hops` from the end was written by our outermost proxy.
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? direct;
}

export function rateLimiter(now = () => Date.now()) {
  const buckets = new Map();

  /** Counts one request of `req`'s client; throws 429 with Retry-After when its bucket is empty. */
  return function take(req, lang) {
    const perMinute = Number(process.env.RATE_LIMIT_PER_MINUTE ?? 20);
    if (!Number.isFinite(perMinute) || perMinute <= 0) return;
    const key = clientAddress(req);
    const at = now();
    const refillMs = 60_000 / perMinute;
    const bucket = buckets.get(key) ?? { tokens: perMinute, at };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.at) / refillMs);
    bucket.at = at;
    buckets.delete(key);
    // Most recent last, so the oldest client is the first forgotten when too many are tracked.
    buckets.set(key, bucket);
    if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil(((1 - bucket.tokens) * refillMs) / 1000));
      throw new HttpError(429, words[lang].tooMany(retryAfter), { headers: { 'retry-after': String(retryAfter) } });
    }
    bucket.tokens -= 1;
  };
}
