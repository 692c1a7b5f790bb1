/** Beyond this many, a list written into a message is cut and the rest counted. */
export const LISTED = 20;

/** Items for one line of a message: the first few, then how many more (`a, b, c, … (+9988)`). */
export function shortList(items: Iterable<unknown>, max = LISTED): string {
  const shown: string[] = [];
  let more = 0;
  for (const item of items) {
    if (shown.length < max) shown.push(clip(String(item)));
    else more++;
  }
  return more > 0 ? `${shown.join(', ')}, … (+${more})` : shown.join(', ');
}

/** A value short enough for one line of a report: a key or value may be a megabyte long. */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

/** A long path shown whole at both ends, where its root and its file name are: `/tmp/aaaa…aaaa/README.md`. */
export function clipMiddle(text: string, max = 120): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(-half)}`;
}
