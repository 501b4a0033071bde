/** The longest id SPEC §1 allows. */
export const MAX_ID = 63;

/**
 * SPEC §1 id from any text: lower-case letters of any script, digits and hyphens, at most 63
 * characters — `Max Braun` → `max-braun`, `IT_Oncall` → `it-oncall`, `Leverandørsvikt – høy!`
 * → `leverandørsvikt-høy`. `fallback` when nothing of the text is left.
 */
export function slugify(text: string, fallback = ''): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{Nd}]+/gu, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
  return slug || fallback;
}
