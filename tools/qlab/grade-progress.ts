/** A progress bar for a class being graded, redrawn in place on a terminal; silent elsewhere. */
export interface ProgressBar { tick(label: string): void; done(): void }

export function progressBar(total: number, out: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now();
  let n = 0;
  const draw = (label: string): void => {
    const width = 30;
    const full = Math.round((n / Math.max(1, total)) * width);
    const secs = Math.round((Date.now() - started) / 1000);
    out.write(`\r\x1b[2K[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${n}/${total} students, ${secs}s${label ? ` (${label})` : ''}`);
  };
  if (!out.isTTY) return { tick: () => {}, done: () => {} };
  draw('');
  return {
    tick: (label) => { n++; draw(label); },
    done: () => out.write('\n'),
  };
}
