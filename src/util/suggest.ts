// "Did you mean …" for misspelt keys, values and rule ids (schema findings, the config file).

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The candidate a misspelt word most likely means (same letters in another case count as equal). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  // The distance is at least the difference in length: a candidate too far off by length alone
  // is not compared (edit distance takes length × length; a 3 MB key took seconds per finding).
  const best = candidates
    .map((c) => ({
      c,
      d:
        c.toLowerCase() === lower
          ? 0
          : Math.abs(c.length - word.length) > limit
            ? Number.POSITIVE_INFINITY
            : editDistance(word, c),
    }))
    .sort((a, b) => a.d - b.d)[0];
  return best && best.d <= limit ? best.c : undefined;
}
