/**
 * The login scenario's storm, in a process of its own so that the bench's client does not share an
 * event loop with it: `login-storm.ts URL COUNT WAVE` makes COUNT logins that must be refused,
 * WAVE at a time, and exits 0 when all were. It prints "start" as the first wave goes out.
 */
import amqp from 'amqplib';

const [url, count, wave] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];

async function refused(): Promise<void> {
  const c = await amqp.connect(url).catch(() => undefined);
  if (c) { await c.close(); throw new Error('a wrong login was accepted'); }
}

process.stdout.write('start\n');
for (let sent = 0; sent < count; sent += wave) {
  await Promise.all(Array.from({ length: Math.min(wave, count - sent) }, refused));
}
