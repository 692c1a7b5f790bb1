// One JSON object per line on standard output: what a container platform or journald collects and a log
// tool can search. LOG_LEVEL (debug, info, warn, error, silent; default info) sets what is written.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let sink = (line) => process.stdout.write(`${line}\n`);

/** Sends log lines elsewhere (tests read them); returns the previous sink. */
export function setLogSink(next) {
  const previous = sink;
  sink = next;
  return previous;
}

export function log(level, msg, fields = {}) {
  const threshold = LEVELS[String(process.env.LOG_LEVEL || 'info').toLowerCase()] ?? LEVELS.info;
  if (LEVELS[level] < threshold) return;
  sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
}

/** An error's message and, for a bug (not an error marked `expected`: a refusal, a database that is down), its stack. */
export function errorFields(error) {
  const cause = error?.cause;
  return {
    error: error?.message ?? String(error),
    ...(cause ? { cause: cause.message ?? String(cause) } : {}),
    ...(error?.stack && !error.expected ? { stack: error.stack } : {}),
  };
}
