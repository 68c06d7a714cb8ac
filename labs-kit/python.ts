/**
 * The Python that runs the labs' .py programs: the first of $QUEUELAB_PYTHON, /usr/bin/python3
 * (Debian's, where python3-pika installs), python3 and python that can `import pika`.
 */
import { spawnSync } from 'node:child_process';

export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([env.QUEUELAB_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter((p): p is string => !!p))];
}

/** The first of these Pythons that can import pika. */
export function firstWithPika(candidates: string[]): string | undefined {
  return candidates.find((python) => spawnSync(python, ['-c', 'import pika'], { stdio: 'ignore', timeout: 10_000 }).status === 0);
}

let found: string | null | undefined;

/** The path of a Python with pika, or undefined when there is none (looked up once per process). */
export function findPython(): string | undefined {
  if (found === undefined) found = firstWithPika(pythonCandidates()) ?? null;
  return found ?? undefined;
}

/** One line saying that no Python with pika was found, and how to get one. */
export function pythonMissing(): string {
  return `no Python with pika found (tried ${pythonCandidates().join(', ')}): install it with \`pip install pika\` `
    + '(or Debian\'s `apt-get install python3-pika`), or set QUEUELAB_PYTHON to a Python that has it';
}

export class PythonMissing extends Error {
  override name = 'PythonMissing';
  constructor() { super(pythonMissing()); }
}

/** The Python with pika, or a PythonMissing error that says how to install it. */
export function requirePython(): string {
  const python = findPython();
  if (!python) throw new PythonMissing();
  return python;
}
