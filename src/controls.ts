// Control characters on their way to a terminal. Text from data files (a value quoted in a message, a file name, a
// table cell) may hold ESC, BEL or C1 controls that a terminal would obey: set its title, write to the clipboard
// (OSC 52), clear the screen. Every text output shows them as visible escapes instead, with or without colour.

/** C0 and C1 controls (except tab and line feed), DEL, and bidirectional controls that reorder a line. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** The text with each unsafe character shown as \x1b or \u202e; `keepLines` false escapes line feeds too. */
export function escapeControls(text: string, options: { keepLines?: boolean } = {}): string {
  const pattern = options.keepLines === false ? /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu : UNSAFE;
  return text.replace(pattern, (char) => {
    if (char === '\t') return char;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
