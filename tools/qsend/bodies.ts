/** The bodies qsend publishes: its arguments, or --count copies of --body with {i} numbered, or stdin lines. */
import { createInterface } from 'node:readline';

export function* countedBodies(count: number, template: string): Generator<string> {
  for (let i = 1; i <= count; i++) yield template.replaceAll('{i}', String(i));
}

export async function* stdinLines(input: NodeJS.ReadableStream = process.stdin): AsyncGenerator<string> {
  for await (const line of createInterface({ input })) if (line.length > 0) yield line;
}
