/** The page's strings for numbers, rates and times: one spelling everywhere (graph, tables, panels). */

/** Messages per second as RabbitMQ rounds them: "0/s", "0.4/s", "12.5/s", "340/s". */
export function rateText(perSecond: number): string {
  if (perSecond === 0) return '0/s';
  return perSecond >= 100 ? `${perSecond.toFixed(0)}/s` : `${perSecond.toFixed(1)}/s`;
}

/** A span of time as a countdown or age: "850 ms", "12 s", "1 min 05 s", "2 h 03 min". */
export function durationText(ms: number): string {
  const v = Math.max(0, ms);
  if (v < 1000) return `${Math.round(v)} ms`;
  const s = Math.floor(v / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Wall-clock time of day, HH:MM:SS, in the viewer's time zone. */
export function clockText(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** "1 message", "3 messages". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The name the page shows for an exchange: the default exchange has none of its own. */
export function exchangeLabel(name: string): string {
  return name === '' ? '(AMQP default)' : name;
}

/** Shortens s to at most max characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}
