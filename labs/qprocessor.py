#!/usr/bin/env python3
"""qprocessor.py: the lab sheet's worker, in Python with pika.

It takes messages from a queue one at a time (--concurrency N: up to N at once, each in a slot of
its own) and fakes work on each: --delay-per-char seconds per character of the body. --lose-every N
loses every Nth message (the work "fails"); --acknowledge turns auto-ack off and acks each message
after its work. One line per event, as the kit's `npx qprocessor` prints them; Ctrl-C finishes the
messages in progress and prints a summary.

    ./qprocessor.py --host 10.200.172.54 --vhost alice --username alice --password 1Password --queue hello

Without --host it connects to the kit's broker, as every lab program does (broker.py): $AMQP_URL,
else the broker-sim running for this folder, else amqp://guest:guest@localhost:5672.

The fake work is time.sleep in a thread of its own, so pika's connection keeps sending heartbeats
meanwhile. With --block it sleeps in the callback, as the sheet's worker does: that blocks pika's
connection, heartbeats included, so a task longer than two or three heartbeat timeouts
(--heartbeat) gets the worker dropped by the broker (pika's StreamLostError), and it says so.
"""
import argparse
import collections
import json
import os
import signal
import sys
import threading
import time

try:
    import pika
except ImportError:
    sys.exit(f'qprocessor.py: {sys.executable} has no pika: `pip install pika` (or Debian\'s `apt-get install python3-pika`, then run it with /usr/bin/python3)')

from broker import broker_parameters, connected_to

parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
parser.add_argument('--host', help="broker host (default: the kit's broker, see broker.py)")
parser.add_argument('--port', type=int, help="broker port (default: 5672 with --host, else the kit's broker's)")
parser.add_argument('--vhost', help='virtual host (on a class server: your username)')
parser.add_argument('--username', help='user name')
parser.add_argument('--password', help='password')
parser.add_argument('--heartbeat', type=int, default=60, help='heartbeat timeout in seconds, 0 = off (default: %(default)s)')
parser.add_argument('-q', '--queue', required=True, help='queue to consume from')
parser.add_argument('--acknowledge', action='store_true', help='manual acks: ack each message after processing (default: auto-ack)')
parser.add_argument('--lose-every', type=int, default=0, help='lose one message in every N, 0 = never (default: %(default)s)')
parser.add_argument('--prefetch', type=int, help='basic.qos prefetch count for fair dispatch, 0 = unlimited (default: 0, or N with --concurrency N)')
parser.add_argument('--concurrency', type=int, default=1, help='work on up to N messages at once, each in a thread of its own and acked when its own work ends; needs --acknowledge (default: %(default)s)')
parser.add_argument('--block', action='store_true', help="the fake work blocks pika's connection (time.sleep in the callback, as the sheet's worker does): no heartbeats while it runs (default: off)")
parser.add_argument('--delay-per-char', type=float, default=1, help='seconds of fake work per character of the body (default: %(default)s)')
parser.add_argument('--name', default=f'worker-{os.getpid()}', help="label for this worker's lines and its connection (default: worker-PID)")
args = parser.parse_args()

counts = {'received': 0, 'acked': 0, 'lost': 0, 'nacked': 0, 'rejected': 0, 'redelivered': 0}
N = args.concurrency
slots = [None] * max(N, 1)  # what each slot works on: (message number, body, delivery tag)
waiting = collections.deque()  # delivered, not yet in a slot
peak = 0  # the most slots busy at once
last_block = None  # (seconds, when it ended) of the last blocking work
stopping = False  # Ctrl-C was pressed: stop after the messages in progress


def event(kind, detail):
    print(f"{time.strftime('%H:%M:%S')} [{args.name}] {kind:<11} {detail}", flush=True)


def fail(message):
    sys.stderr.write(f'qprocessor.py: {message}\n')
    sys.exit(1)


def flag_problem():
    """What is wrong with the flags, in one line, as the kit's qprocessor says it; else None."""
    if N < 1:
        return f'--concurrency must be a whole number from 1 (got {N})'
    if args.prefetch is not None and args.prefetch < 0:
        return f'--prefetch must be a whole number from 0 (unlimited) (got {args.prefetch})'
    if N == 1:
        return None
    if not args.acknowledge:
        return (f'--concurrency {N} needs --acknowledge: with auto-ack the broker ignores prefetch and pushes every message at once, '
                'so nothing limits what this worker holds and a crash loses all of it')
    if args.block:
        return f'--block with --concurrency {N}: blocking work holds the one thread, so the {N} slots would still run one after another'
    if args.prefetch and args.prefetch < N:
        return (f'--prefetch {args.prefetch} is less than --concurrency {N}: the broker would never hand this worker more than '
                f'{args.prefetch} at once; leave --prefetch out (it is then {N})')
    return None


problem = flag_problem()
if problem:
    fail(problem)
prefetch = args.prefetch if args.prefetch is not None else (N if N > 1 else 0)


def summary():
    c = counts
    parallel = f'; at most {peak} at once (of {N})' if N > 1 else ''
    event('INFO', f"summary: received {c['received']}, acked {c['acked']}, lost {c['lost']}, nacked {c['nacked']}, "
                  f"rejected {c['rejected']}, redelivered seen {c['redelivered']}{parallel}")


def in_flight():
    return sum(1 for s in slots if s)


def label(i, with_body):
    """'#3' with one slot; '#3 "body" (slot 2)' with several, so every line says which message."""
    k, text, _ = slots[i]
    quoted = json.dumps(text, ensure_ascii=False)
    if N == 1:
        return f'#{k} {quoted}' if with_body else f'#{k}'
    return f'#{k} {quoted} (slot {i + 1})'


def on_message(ch, method, properties, body):
    waiting.append((method, body))
    fill_slots(ch)


def fill_slots(ch):
    """Starts waiting messages in free slots, lowest first; once stopping, the last one to end stops the consumer."""
    global peak
    while waiting and None in slots:
        method, body = waiting.popleft()
        if stopping:
            continue  # not started: unacked, it goes back to the queue when the connection closes
        i = slots.index(None)
        counts['received'] += 1
        slots[i] = (counts['received'], body.decode('utf-8', errors='replace'), method.delivery_tag)
        peak = max(peak, in_flight())
        if method.redelivered:
            counts['redelivered'] += 1
        event('REDELIVERED' if method.redelivered else 'RECEIVED', label(i, True))
        start(ch, i)
    if stopping and in_flight() == 0:
        ch.stop_consuming()


def start(ch, i):
    """The fake work on slot i: in the callback (--block), else in a thread of its own."""
    global last_block
    k, text, _ = slots[i]
    if args.lose_every > 0 and k % args.lose_every == 0:
        # The work fails: no ack. With auto-ack the broker has forgotten the message already.
        counts['lost'] += 1
        why = ('never acked: the broker gives it to another worker when this one goes away' if args.acknowledge
               else 'auto-acked, so it is gone for good')
        event('LOST', f'{label(i, True)} {why}')
        slots[i] = None
        return
    seconds = len(text) * args.delay_per_char
    if args.block:
        time.sleep(seconds)  # pika's connection waits too: no heartbeats go out meanwhile
        last_block = (seconds, time.monotonic())
        # One round trip before claiming the ack: an ack into a dropped connection gets no reply.
        ch.connection.channel().close()
        finish(ch, i)
    else:
        def work():
            time.sleep(seconds)
            try:
                ch.connection.add_callback_threadsafe(lambda: (finish(ch, i), fill_slots(ch)))
            except Exception:
                pass  # the connection is gone: the broker gives the message to another worker
        threading.Thread(target=work, daemon=True).start()


def finish(ch, i):
    """Slot i's work is done: ack it (with --acknowledge) and free the slot."""
    if args.acknowledge:
        ch.basic_ack(delivery_tag=slots[i][2])
        counts['acked'] += 1
        event('ACKED', f'{label(i, False)} done')
    else:
        event('DONE', f'{label(i, False)} done')
    slots[i] = None


class StopNow(Exception):
    """A second Ctrl-C: no waiting for the work in progress."""


def on_signal(signum, frame):
    """The first Ctrl-C lets the messages in progress finish; the second stops now; one while idle stops at once."""
    global stopping
    n = in_flight()
    if stopping:
        raise StopNow
    stopping = True
    what = 'the current message' if N == 1 else f"the {n} message{'' if n == 1 else 's'} in progress"
    event('INFO', f'stopping: finishing {what}; Ctrl-C again to stop now')
    if n == 0:
        raise KeyboardInterrupt


def loss_reason(err, heartbeat):
    """Why the connection ended, in one phrase; after blocking work longer than two heartbeats, that is the likely cause."""
    cause = f'{err!r}'
    if last_block and heartbeat and time.monotonic() - last_block[1] < 1 and last_block[0] > 2 * heartbeat:
        return (f'the broker dropped this worker: its work blocked the process for {last_block[0]:.1f}s '
                f'with a heartbeat of {heartbeat}s, so it missed its heartbeats ({cause})')
    return f'the broker closed the {"channel" if isinstance(err, pika.exceptions.ChannelClosed) else "connection"}: {cause}'


def lost_in_slots():
    """The connection is gone: what becomes of each message in a slot."""
    for i, s in enumerate(slots):
        if not s:
            continue
        if args.acknowledge:
            event('ERROR', f'{label(i, True)} worked on, but the connection was lost before its ack: never acked, so the broker gives it to another worker')
        else:
            counts['lost'] += 1
            event('LOST', f'{label(i, True)} auto-acked, so it is gone for good: the connection was lost mid-work')


# The connection: the kit's broker (broker.py: $AMQP_URL, else the running broker-sim, else
# localhost:5672), with the sheet's flags on top.
params = broker_parameters()
if args.host:
    params.host, params.port = args.host, args.port or 5672
elif args.port:
    params.port = args.port
if args.vhost is not None:
    params.virtual_host = args.vhost
if args.username is not None or args.password is not None:
    params.credentials = pika.PlainCredentials(args.username or params.credentials.username,
                                               args.password or params.credentials.password)
params.heartbeat = args.heartbeat
params.client_properties = {'connection_name': args.name}
where = f'{params.host}:{params.port}'

try:
    connection = pika.BlockingConnection(params)
except pika.exceptions.ProbableAuthenticationError:
    fail(f"login refused for user '{params.credentials.username}' at {where}; check --username and --password")
except pika.exceptions.ProbableAccessDeniedError:
    fail(f"vhost '{params.virtual_host}' refused for user '{params.credentials.username}' at {where}; check --vhost")
except pika.exceptions.AMQPConnectionError as err:
    fail(f'cannot connect to {where}: {err!r}; is the broker running?')
event('INFO', f"{connected_to(connection, params)}, vhost '{params.virtual_host}', as {params.credentials.username}")

channel = connection.channel()
try:
    # Use the queue as it is if it exists (durable or not); declare it only if it does not.
    channel.queue_declare(queue=args.queue, passive=True)
except pika.exceptions.ChannelClosedByBroker:  # 404: no such queue, and the channel is closed
    channel = connection.channel()
    channel.queue_declare(queue=args.queue)
if prefetch > 0:
    channel.basic_qos(prefetch_count=prefetch)
channel.basic_consume(queue=args.queue, on_message_callback=on_message, auto_ack=not args.acknowledge)
how = ['manual acks' if args.acknowledge else 'auto-ack'] + ([f'prefetch {prefetch}'] if prefetch else []) \
    + ([f'{N} at once'] if N > 1 else []) + (['work blocks the process'] if args.block else [])
event('INFO', f"waiting for messages on '{args.queue}' ({', '.join(how)})")

signal.signal(signal.SIGINT, on_signal)
signal.signal(signal.SIGTERM, on_signal)
code = 0
try:
    channel.start_consuming()
except KeyboardInterrupt:
    pass
except StopNow:
    event('INFO', 'stopped now: the messages in progress were not finished (unacknowledged ones go back to the queue)')
    code = 130
except pika.exceptions.AMQPError as err:
    lost_in_slots()
    fail(loss_reason(err, getattr(connection._impl.params, 'heartbeat', None) or args.heartbeat))
signal.signal(signal.SIGINT, signal.SIG_IGN)  # the summary and the close are not interrupted
signal.signal(signal.SIGTERM, signal.SIG_IGN)
summary()
try:
    connection.close()  # unacked messages go back to the queue
except Exception:
    pass  # Ctrl-C may have left the connection half-way through a frame: exiting closes it too
sys.exit(code)
