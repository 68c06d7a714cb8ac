/**
 * What went wrong in a student's program, said the way a compiler or a stack trace says it but
 * short: a syntax error before anything runs (file:line:column and the message), a type error when a
 * step failed, the error line of a program that crashed, and a hint when the error is the broker's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { requirePython } from './python.ts';

const root = resolve(new URL('../', import.meta.url).pathname);

/** At most this many errors of a file are shown: the first ones are the ones to fix. */
const SHOWN = 3;

/** `send.ts:3:7: Unexpected ";"` for each syntax error in the files (full paths), in order. */
export function syntaxErrors(files: string[]): string[] {
  const ts = files.filter((f) => f.endsWith('.ts'));
  const py = files.filter((f) => f.endsWith('.py'));
  return [...ts.flatMap(tsSyntaxErrors), ...(py.length ? pySyntaxErrors(py) : [])];
}

function tsSyntaxErrors(file: string): string[] {
  try {
    transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', sourcefile: basename(file), logLevel: 'silent' });
    return [];
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { line: number; column: number; lineText: string } }[] }).errors ?? [];
    return errors.slice(0, SHOWN).map((e) => e.location
      ? `${basename(file)}:${e.location.line}:${e.location.column + 1}: ${e.text}: ${e.location.lineText.trim()}`
      : `${basename(file)}: ${e.text}`);
  }
}

/** Python compiles each file (without running it) and prints file:line:column: message. */
const PY_CHECK = `
import sys, os
for f in sys.argv[1:]:
    try:
        compile(open(f, encoding='utf-8').read(), f, 'exec')
    except SyntaxError as e:
        text = (e.text or '').strip()
        print(f"{os.path.basename(f)}:{e.lineno}:{e.offset}: {type(e).__name__}: {e.msg}" + (f": {text}" if text else ''))
`;

function pySyntaxErrors(files: string[]): string[] {
  const r = spawnSync(requirePython(), ['-c', PY_CHECK, ...files], { encoding: 'utf8', timeout: 20_000 });
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

/**
 * Type errors in a lab's TypeScript files, checked as `tsc -p labs` checks the starters. Slow (a
 * second or two), so asked for only once a step has failed.
 */
export async function typeErrors(files: string[]): Promise<string[]> {
  const ts = (await import('typescript')).default;
  const config = ts.readConfigFile(join(root, 'labs', 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(root, 'labs'));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const wanted = new Set(files.map((f) => resolve(f)));
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && wanted.has(resolve(d.file.fileName)))
    .slice(0, SHOWN)
    .map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${basename(d.file!.fileName)}:${line + 1}:${character + 1}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').split('\n')[0]}`;
    });
}

/** An error line as Node and Python print them: `ReferenceError: x is not defined`, `pika.exceptions.X: …`. */
const ERROR_LINE = /^(?:[\w.]+\.)?\w*(?:Error|Exception|Interrupt)\b.*$|^[\w.]*exceptions\.\w+.*$/;

/**
 * The head of a crashed program's stderr: where in the student's files (in `labDir`) and the error
 * line; undefined when stderr holds no error.
 */
export function crashHead(stderr: string, labDir: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trimEnd());
  const python = lines.some((l) => l.startsWith('Traceback (most recent call last)') || /^\s*File ".*", line \d+/.test(l));
  const error = python ? [...lines].reverse().find((l) => ERROR_LINE.test(l)) : lines.find((l) => ERROR_LINE.test(l.replace(/^Uncaught /, '')));
  if (!error) return undefined;
  const where = place(lines, resolve(labDir), python);
  return `${where ? `${where}: ` : ''}${error.trim()}`;
}

/** `send.ts:3:1` (Node's frames or its first line) or `send.py:2` (Python's last frame in the file). */
function place(lines: string[], labDir: string, python: boolean): string | undefined {
  const inLab = (path: string): boolean => resolve(path).startsWith(labDir + '/');
  const found: string[] = [];
  for (const line of lines) {
    const py = /File "(.+?)", line (\d+)/.exec(line);
    if (py && inLab(py[1]!)) found.push(`${basename(py[1]!)}:${py[2]}`);
    const node = /(\/[^\s():]+\.ts):(\d+)(?::(\d+))?/.exec(line.replace(/^file:\/\//, ''));
    if (node && inLab(node[1]!)) found.push(`${basename(node[1]!)}:${node[2]}${node[3] ? `:${node[3]}` : ''}`);
  }
  return python ? found.at(-1) : found.find((f) => f.split(':').length === 3) ?? found[0];
}

/** A one-line hint for the errors a client gets from the broker itself, whatever the language. */
export function brokerHint(text: string): string | undefined {
  if (/ECONNREFUSED|AMQPConnectionError\s*$|ConnectionRefusedError|Connection refused/m.test(text)) {
    return 'is the broker running? `qlab start` (and does the program connect to AMQP_URL?)';
  }
  if (/ACCESS[_-]REFUSED|ProbableAuthenticationError|\(403\)|\b403\b/.test(text)) {
    return 'the broker refused the login (403 ACCESS_REFUSED): check the user and password in AMQP_URL';
  }
  if (/NOT_ALLOWED|\(530\)|\b530\b/.test(text)) return 'the broker refused the vhost (530 NOT_ALLOWED): check the vhost in AMQP_URL and the user\'s rights there';
  return undefined;
}
