/** Title case per token ("ben ali" → "Ben Ali", "n'diaye" → "N'diaye"), the way most forms store names. */
export function titleCase(value: string): string {
  let result = '';
  let startOfToken = true;
  for (const character of value) {
    result += startOfToken ? character.toUpperCase() : character.toLowerCase();
    startOfToken = character === ' ' || character === '-';
  }
  return result;
}
