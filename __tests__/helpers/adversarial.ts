// Adversarial inputs for the linear-time guarantee: each turns a real-shaped file into one that
// would make a backtracking pattern (or a recursive one) run for minutes.
export const MB = 1024 * 1024;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export interface Generator {
  name: string;
  make(text: string, size: number): string;
}

/** One very long line inserted in the middle of the file. */
function longLine(name: string, unit: (text: string) => string): Generator {
  return {
    name,
    make(text, size) {
      const lines = text.split('\n');
      const at = Math.floor(lines.length / 2);
      return [...lines.slice(0, at), repeatTo(unit(text), size), ...lines.slice(at)].join('\n');
    },
  };
}

export const GENERATORS: Generator[] = [
  longLine('spaces', () => ' \t'),
  longLine('base64', () => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw'),
  longLine('delimiters', () => `"'\`/:=,;{}[]()<>\\#*-. `),
  // The file's own lines joined into one: every literal and delimiter its rules look for, with no
  // line break to stop a pattern, over and over.
  {
    name: 'own-shape',
    make: (text, size) => repeatTo(`${text.replace(/\r?\n/g, ' ')} `, size),
  },
  // The file's own lines with every run of blanks stretched (indentation, alignment).
  {
    name: 'stretched',
    make: (text, size) => {
      const runs = (text.match(/[ \t]+/g) ?? []).length || 1;
      const pad = ' '.repeat(Math.max(1, Math.floor(size / runs)));
      return text.replace(/[ \t]+/g, pad).slice(0, size * 2);
    },
  },
];
