export function trimEndOffset(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i;
}

export function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[\r\n]/.test(text[i])) i++;
  return i;
}
