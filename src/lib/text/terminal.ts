/**
 * Characters a terminal acts on, or that hide or reorder the text around them: C0 controls but tab and line feed
 * (escape sequences, carriage returns that overwrite a line), DEL, C1 controls (a lone U+009B starts a sequence on
 * many terminals), bidirectional marks, embeddings, overrides and isolates (U+202E shows `gnp.exe` for `exe.png`),
 * line and paragraph separators, and zero-width and other invisible format characters.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Text from any input as it may be printed: each control or invisible character shown as `\uXXXX`, everything
 * else as it is. The form is JSON's own escape, so JSON text stays JSON with the same value; text already shown
 * this way is left as it is.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Whether a name holds a character `showControls` would escape (a fork's file names must not). */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  return CONTROLS.test(text);
}
