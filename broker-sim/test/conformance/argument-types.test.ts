/**
 * Queue arguments of the wrong type or range, refused with RabbitMQ 3.10's exact texts (which
 * differ from argument to argument), and the two it does not check. Same assertions on both brokers.
 */
import { after, test } from 'node:test';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, closeAll, expectChannelError } from './support/amqp.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Arguments, and what RabbitMQ says after "for queue '…' in vhost '/': " (or the whole text, for '!'). */
const REFUSED: [Record<string, unknown>, string][] = [
  [{ 'x-single-active-consumer': 'true' }, "invalid arg 'x-single-active-consumer' {q}: {unacceptable_type,longstr}"],
  [{ 'x-single-active-consumer': 1.5 }, "invalid arg 'x-single-active-consumer' {q}: {unacceptable_type,double}"],
  [{ 'x-queue-type': 'quorum', 'x-single-active-consumer': 'yes' }, "invalid arg 'x-single-active-consumer' {q}: {unacceptable_type,longstr}"],
  [{ 'x-max-length': '10' }, `invalid arg 'x-max-length' {q}: "expected integer, got longstr"`],
  [{ 'x-max-length': 1.5 }, `invalid arg 'x-max-length' {q}: "expected integer, got double"`],
  [{ 'x-max-length-bytes': '1' }, `invalid arg 'x-max-length-bytes' {q}: "expected integer, got longstr"`],
  [{ 'x-message-ttl': true }, `invalid arg 'x-message-ttl' {q}: "expected integer, got bool"`],
  [{ 'x-expires': '5' }, `invalid arg 'x-expires' {q}: "expected integer, got longstr"`],
  [{ 'x-max-priority': '5' }, `invalid arg 'x-max-priority' {q}: "expected integer, got longstr"`],
  [{ 'x-overflow': true }, "invalid arg 'x-overflow' {q}: {unacceptable_type,bool}"],
  [{ 'x-overflow': 'bad' }, "invalid arg 'x-overflow' {q}: invalid_overflow"],
  [{ 'x-queue-type': true }, "invalid arg 'x-queue-type' {q}: {unacceptable_type,bool}"],
  [{ 'x-dead-letter-routing-key': true }, "invalid arg 'x-dead-letter-routing-key' {q}: {unacceptable_type,bool}"],
  [{ 'x-dead-letter-exchange': true }, "invalid type 'bool' for arg 'x-dead-letter-exchange' in queue '{name}' in vhost '/'"],
];

forEachBroker('queue argument types', (broker) => {
  after(closeAll);

  test('each wrong type is 406 with RabbitMQ\'s text for that argument', async () => {
    for (const [args, text] of REFUSED) {
      const q = broker.name('argtype');
      const quorum = args['x-queue-type'] === 'quorum';
      const want = text.replace('{q}', `for queue '${q}' in vhost '/'`).replace('{name}', q);
      await expectChannelError(broker.url, (ch) => ch.assertQueue(q, { durable: quorum, arguments: args }), 406,
        new RegExp(`PRECONDITION_FAILED - ${esc(want)}"$`));
    }
  });

  test('x-consumer-timeout and a quorum queue\'s x-delivery-limit are not checked: a string is accepted', async () => {
    const { ch } = await channel(broker.url);
    const [a, b] = [broker.name('argtype-ct'), broker.name('argtype-dl')];
    await ch.assertQueue(a, { durable: false, arguments: { 'x-consumer-timeout': 'soon' } });
    await ch.assertQueue(b, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 'five' } });
    await ch.deleteQueue(a);
    await ch.deleteQueue(b);
  });
});
