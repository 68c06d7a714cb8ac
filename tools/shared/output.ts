/** One line per event: time, the tool's name, the event, details. Coloured on a TTY, plain when piped. */
const COLOURS: Record<string, string> = {
  RECEIVED: '36', DONE: '32', ACKED: '32', LOST: '31;1', CRASH: '31;1', NACKED: '33', REJECTED: '35',
  REDELIVERED: '33;1', SENT: '36', CONFIRMED: '32', NACK: '31', RETURNED: '35', INFO: '2', ERROR: '31',
};

export function formatLine(name: string, event: string, detail: string, colour: boolean, now = new Date()): string {
  const time = now.toTimeString().slice(0, 8);
  const ev = event.padEnd(11);
  const shown = colour && COLOURS[event] ? `\x1b[${COLOURS[event]}m${ev}\x1b[0m` : ev;
  return `${time} [${name}] ${shown} ${detail}`;
}

export function printer(name: string, stream: NodeJS.WriteStream = process.stdout): (event: string, detail: string) => void {
  const colour = !!stream.isTTY && !process.env.NO_COLOR;
  return (event, detail) => { stream.write(formatLine(name, event, detail, colour) + '\n'); };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
