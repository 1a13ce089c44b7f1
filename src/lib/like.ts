/**
 * Text for a LIKE pattern, matched literally: `%`, `_` and the escape character `\` (PostgreSQL's
 * default LIKE escape) lose their wildcard meaning, so `q=%` finds a literal percent sign, not
 * every row.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
