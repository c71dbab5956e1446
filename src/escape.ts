// Repository text (file names, snippets, diffs) is untrusted. The runner executes workflow
// commands it reads on stdout and stderr: `::cmd::` at the start of a line (after blanks) and
// `##[cmd]` anywhere in it. Markdown turns text into links, mentions, closing keywords and HTML.
// Everything the project prints or posts from a repository goes through one of these.

const ZWSP = '\u200b';

/**
 * One line of terminal or log text: control characters (newlines, CR, escape sequences, bidi
 * overrides) shown as escapes, and `##[` broken so the runner cannot read it as a command.
 */
export function safeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      out += `\\u{${c.toString(16)}}`;
    } else out += ch;
  }
  return out.split('##[').join(`#${ZWSP}#[`);
}

/** A file name that starts a line: as safeText, and never read as `::command::`. */
export function safePath(path: string): string {
  const text = safeText(path);
  const first = text.trimStart()[0];
  return first === ':' || first === '#' || text !== text.trimStart() ? `./${text}` : text;
}

/** Every line of a block prefixed, so no line of it starts with repository text. */
export function gutter(block: string, prefix: string): string {
  const lines = block.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // A CRLF file's lines end in CR: shown as plain lines, not as escapes.
  return lines.map((l) => `${prefix}${safeText(l.endsWith('\r') ? l.slice(0, -1) : l)}`).join('\n') + (lines.length ? '\n' : '');
}

/** Mentions (`@user`) and issue references (`#12`, `fixes #12`) made inert by a zero-width space. */
function inert(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch;
    const next = text.charCodeAt(i + 1);
    const word = (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if ((ch === '@' || ch === '#') && word) out += ZWSP;
  }
  return out;
}

/** Repository text as a Markdown code span that nothing inside can close. */
export function mdCode(text: string): string {
  const body = inert(safeText(text));
  let longest = 0;
  let run = 0;
  for (const ch of body) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A code span inside a table cell: GFM still splits cells at `|` there unless escaped. */
export function mdCodeCell(text: string): string {
  return mdCode(text).split('|').join('\\|');
}

/** Plain Markdown text on one line (a table cell, a list item): no HTML, no table break. */
export function mdCell(text: string): string {
  return inert(safeText(text))
    .split('\\')
    .join('\\\\')
    .split('|')
    .join('\\|')
    .split('<')
    .join('&lt;')
    .split('>')
    .join('&gt;');
}

/** A fenced block whose fence no line inside can close (any run of backticks or tildes). */
export function mdFence(body: string, info = ''): string {
  let longest = 2;
  let run = 0;
  for (const ch of body) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return `${fence}${info}\n${text}${fence}\n`;
}

/**
 * Node prints process warnings raw on stderr, where the runner reads workflow commands; libraries
 * quote source lines in them. Every warning is printed escaped, on a line of our own, instead.
 */
export function escapeProcessWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    process.stderr.write(`adobe-jwt-migrate: warning: ${safeText(`${w.name}: ${w.message}`)}\n`);
  });
}
