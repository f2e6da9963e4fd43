/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
