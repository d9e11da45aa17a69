import {
  PARAGRAPH_PARTS,
  type Paragraph,
  type ParagraphInput,
  type ParagraphPart,
  type RevisionContent,
} from './revision';

/** A paragraph read from outside (a Word file), not yet tied to the revision it follows. */
export interface IncomingParagraph {
  part: ParagraphPart;
  text: string;
}

export interface ParagraphMatch {
  /** Index into the incoming paragraphs. */
  incoming: number;
  paragraphId: string;
  /** Word-level similarity in [0, 1], rounded to three places: 1 is the same words in the same order. */
  similarity: number;
}

export interface ParagraphMatchOptions {
  /** Below this similarity two paragraphs are not the same paragraph; default 0.5. */
  threshold?: number;
}

export const DEFAULT_MATCH_THRESHOLD = 0.5;

/** How many of the most word-sharing previous paragraphs each incoming one is compared with in order. */
const COMPARED_PER_PARAGRAPH = 8;

/** A paragraph of the previous revision, with the part it stood in. */
export interface PreviousParagraph extends Paragraph {
  part: ParagraphPart;
}

/**
 * Ties each incoming paragraph to at most one paragraph of the previous revision, so that
 * unchanged and edited paragraphs keep their ids (and the positions, amendments and redlines
 * that point at them stay on target) while new ones get none.
 *
 * Word-level similarity is the share of words two paragraphs have in common in the same
 * order (2·LCS / (|a| + |b|)), so a reworded clause keeps a high score and a paragraph that
 * merely shares vocabulary does not. The assignment is greedy from the most similar pair
 * down: identical texts first, then pairs in the same part (preamble, operative), then pairs
 * closer in reading order. Greedy is optimal whenever the best pairs do not compete, which is
 * the common case for successive revisions, and costs far less than the Hungarian method on
 * a thousand paragraphs.
 */
export function matchParagraphs(
  previous: readonly PreviousParagraph[],
  incoming: readonly IncomingParagraph[],
  options: ParagraphMatchOptions = {},
): ParagraphMatch[] {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const previousWords = previous.map((p) => words(p.text));
  const incomingWords = incoming.map((p) => words(p.text));
  const takenIncoming = new Set<number>();
  const takenPrevious = new Set<number>();
  const matches: ParagraphMatch[] = [];
  const take = (i: number, j: number, similarity: number) => {
    takenIncoming.add(i);
    takenPrevious.add(j);
    matches.push({
      incoming: i,
      paragraphId: previous[j].id,
      similarity: Math.round(similarity * 1000) / 1000,
    });
  };

  // Unchanged paragraphs first, by their words: most of a new revision is the old text, and
  // pairing it directly leaves only the edited paragraphs to compare with each other.
  const byWords = new Map<string, Record<ParagraphPart, number[]>>();
  previousWords.forEach((list, j) => {
    const key = list.join(' ');
    let queues = byWords.get(key);
    if (!queues) byWords.set(key, (queues = { preamble: [], operative: [] }));
    queues[previous[j].part].push(j);
  });
  incomingWords.forEach((list, i) => {
    const queues = byWords.get(list.join(' '));
    if (!queues) return;
    const own = queues[incoming[i].part];
    const j = own.length > 0 ? own.shift() : queues[other(incoming[i].part)].shift();
    if (j !== undefined) take(i, j, 1);
  });

  // Shared words regardless of order bound the in-order score from above, so only the few
  // previous paragraphs sharing the most words with an incoming one are compared in order:
  // formulaic drafts ("Decide that…") share most words across all their paragraphs.
  const vocabulary = new Map<string, number>();
  const idOf = (word: string) => {
    let id = vocabulary.get(word);
    if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
    return id;
  };
  const postings: { j: number; n: number }[][] = [];
  previousWords.forEach((list, j) => {
    if (takenPrevious.has(j)) return;
    for (const [word, n] of countWords(list)) (postings[idOf(word)] ??= []).push({ j, n });
  });
  const shared = new Float64Array(previous.length);
  const candidates: Candidate[] = [];
  incomingWords.forEach((list, i) => {
    if (takenIncoming.has(i)) return;
    shared.fill(0);
    const touched: number[] = [];
    for (const [word, n] of countWords(list)) {
      for (const posting of postings[vocabulary.get(word) ?? -1] ?? []) {
        if (shared[posting.j] === 0) touched.push(posting.j);
        shared[posting.j] += Math.min(n, posting.n);
      }
    }
    const closest: { j: number; bound: number }[] = [];
    for (const j of touched) {
      const bound = (2 * shared[j]) / (list.length + previousWords[j].length);
      if (bound < threshold) continue;
      // Keep the few best in order: a short insertion beats sorting every paragraph.
      let at = closest.length;
      while (at > 0 && closest[at - 1].bound < bound) at--;
      if (at >= COMPARED_PER_PARAGRAPH) continue;
      closest.splice(at, 0, { j, bound });
      if (closest.length > COMPARED_PER_PARAGRAPH) closest.pop();
    }
    for (const { j } of closest) {
      const similarity =
        (2 * commonSubsequence(list, previousWords[j])) / (list.length + previousWords[j].length);
      if (similarity < threshold) continue;
      candidates.push({
        i,
        j,
        similarity,
        samePart: incoming[i].part === previous[j].part,
        distance: Math.abs(i / Math.max(1, incoming.length) - j / Math.max(1, previous.length)),
      });
    }
  });

  candidates.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      Number(b.samePart) - Number(a.samePart) ||
      a.distance - b.distance ||
      a.i - b.i,
  );
  for (const { i, j, similarity } of candidates) {
    if (!takenIncoming.has(i) && !takenPrevious.has(j)) take(i, j, similarity);
  }
  return matches.sort((a, b) => a.incoming - b.incoming);
}

function other(part: ParagraphPart): ParagraphPart {
  return part === 'preamble' ? 'operative' : 'preamble';
}

/** Word-level similarity of two texts in [0, 1] (see matchParagraphs). */
export function paragraphSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length + right.length === 0) return 1;
  return (2 * commonSubsequence(left, right)) / (left.length + right.length);
}

interface Candidate {
  i: number;
  j: number;
  similarity: number;
  samePart: boolean;
  distance: number;
}

/** Words as a reader compares them: letters and digits, case and punctuation aside. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function countWords(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Length of the longest common subsequence, in two rows of memory. */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let above = new Uint32Array(b.length + 1);
  let row = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? above[j - 1] + 1 : Math.max(above[j], row[j - 1]);
    }
    [above, row] = [row, above];
  }
  return above[b.length];
}

/** The previous revision's paragraphs in reading order, each with its part. */
export function previousParagraphsOf(content: RevisionContent | null): PreviousParagraph[] {
  if (!content) return [];
  return PARAGRAPH_PARTS.flatMap((part) => content[part].map((p) => ({ ...p, part })));
}

export interface MatchedRevisionInput {
  preamble: ParagraphInput[];
  operative: ParagraphInput[];
  /** paragraphId → similarity, for every paragraph that kept its id. */
  matched: Record<string, number>;
}

/**
 * The incoming paragraphs as a revision input: a matched paragraph names the id it keeps, an
 * unmatched one has none (buildRevisionContent gives it a new id).
 */
export function matchRevisionInput(
  previous: RevisionContent | null,
  incoming: readonly IncomingParagraph[],
  options: ParagraphMatchOptions = {},
): MatchedRevisionInput {
  const matches = new Map(
    matchParagraphs(previousParagraphsOf(previous), incoming, options).map((m) => [m.incoming, m]),
  );
  const input: MatchedRevisionInput = { preamble: [], operative: [], matched: {} };
  incoming.forEach((paragraph, i) => {
    const match = matches.get(i);
    if (match) input.matched[match.paragraphId] = match.similarity;
    input[paragraph.part].push(
      match ? { id: match.paragraphId, text: paragraph.text } : { text: paragraph.text },
    );
  });
  return input;
}
