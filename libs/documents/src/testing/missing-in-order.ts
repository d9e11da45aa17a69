/**
 * The first of `parts` that a document's text does not hold after the ones before it, or
 * undefined when all are there in that order. A function, not an assertion: this folder is
 * compiled with the library, where Jest's globals do not exist.
 */
export function missingInOrder(text: string, parts: readonly string[]): string | undefined {
  let from = 0;
  for (const part of parts) {
    const index = text.indexOf(part, from);
    if (index < 0) return part;
    from = index + part.length;
  }
  return undefined;
}
