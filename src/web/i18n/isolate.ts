/**
 * Wraps a name from the data (a person, an organisation) in Unicode first-strong isolates, so a French
 * name inside an Arabic sentence (or the reverse) keeps its own direction without reordering the sentence.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
