// Checks that a document's text holds the parts in the order given, naming the first one missing.

export function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const index = text.indexOf(part, from);
    expect({ part, found: index >= 0 }).toEqual({ part, found: true });
    from = index + part.length;
  }
}
