/**
 * VS Code's glob forms as the include/exclude settings use them, for paths with `/`: `**` any path,
 * `*` within one segment, `?` one character, `{a,b}` alternatives; a relative glob matches at any
 * depth. One matcher for the extension (files that are not open) and the language server.
 */
export function globMatches(glob: string, path: string): boolean {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else if (char === '{') pattern += '(?:';
    else if (char === '}') pattern += ')';
    else if (char === ',') pattern += '|';
    else pattern += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchored = glob.startsWith('/') || glob.startsWith('**') ? `^${pattern}$` : `(?:^|/)${pattern}$`;
  return new RegExp(anchored).test(path);
}
