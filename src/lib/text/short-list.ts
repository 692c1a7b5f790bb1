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
