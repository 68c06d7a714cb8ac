#!/usr/bin/env python3
"""qprocessor.py: the lab sheet's worker, in Python with pika.

It takes messages from a queue one at a time and fakes work on each: --delay-per-char seconds per
character of the body. --lose-every N loses every Nth message (the work "fails"); --acknowledge
turns auto-ack off and acks each message after its work. One line per event, as the kit's
`npx qprocessor` prints them; Ctrl-C finishes the current message and prints a summary.

    ./qprocessor.py --host 10.200.172.54 --vhost alice --username alice --password 1Password --queue hello

Without --host it connects to the kit's broker, as every lab program does (broker.py): $AMQP_URL,
else the broker-sim running for this folder, else amqp://guest:guest@localhost:5672.

The fake work is time.sleep, as in the sheet: it blocks pika's connection, heartbeats included, so
a task longer than the heartbeat timeout (--heartbeat) gets the worker disconnected by the broker
(pika's StreamLostError).
"""
import argparse
import json
import os
import signal
import sys
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
parser.add_argument('--prefetch', type=int, default=0, help='basic.qos prefetch count for fair dispatch, 0 = unlimited (default: %(default)s)')
parser.add_argument('--delay-per-char', type=float, default=1, help='seconds of fake work per character of the body (default: %(default)s)')
parser.add_argument('--name', default=f'worker-{os.getpid()}', help="label for this worker's lines and its connection (default: worker-PID)")
args = parser.parse_args()

counts = {'received': 0, 'acked': 0, 'lost': 0, 'nacked': 0, 'rejected': 0, 'redelivered': 0}
busy = False  # in the middle of a message
stopping = False  # Ctrl-C was pressed: stop after the current message


def event(kind, detail):
    print(f"{time.strftime('%H:%M:%S')} [{args.name}] {kind:<11} {detail}", flush=True)


def fail(message):
    sys.stderr.write(f'qprocessor.py: {message}\n')
    sys.exit(1)


def summary():
    c = counts
    event('INFO', f"summary: received {c['received']}, acked {c['acked']}, lost {c['lost']}, nacked {c['nacked']}, "
                  f"rejected {c['rejected']}, redelivered seen {c['redelivered']}")


def on_message(ch, method, properties, body):
    global busy
    busy = True
    counts['received'] += 1
    k = counts['received']
    text = body.decode('utf-8', errors='replace')
    quoted = json.dumps(text, ensure_ascii=False)
    if method.redelivered:
        counts['redelivered'] += 1
    event('REDELIVERED' if method.redelivered else 'RECEIVED', f'#{k} {quoted}')
    if args.lose_every > 0 and k % args.lose_every == 0:
        # The work fails: no ack. With auto-ack the broker has forgotten the message already.
        counts['lost'] += 1
        why = ('never acked: the broker gives it to another worker when this one goes away' if args.acknowledge
               else 'auto-acked, so it is gone for good')
        event('LOST', f'#{k} {quoted} {why}')
    else:
        time.sleep(len(text) * args.delay_per_char)
        if args.acknowledge:
            ch.basic_ack(delivery_tag=method.delivery_tag)
            counts['acked'] += 1
            event('ACKED', f'#{k} done')
        else:
            event('DONE', f'#{k} done')
    busy = False
    if stopping:
        ch.stop_consuming()


def on_signal(signum, frame):
    """The first Ctrl-C lets the current message finish; the second, or one while idle, stops now."""
    global stopping
    first = not stopping
    stopping = True
    if first:
        event('INFO', 'stopping: finishing the current message')
    if not first or not busy:
        raise KeyboardInterrupt


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
if args.prefetch > 0:
    channel.basic_qos(prefetch_count=args.prefetch)
channel.basic_consume(queue=args.queue, on_message_callback=on_message, auto_ack=not args.acknowledge)
acks = 'manual acks' if args.acknowledge else 'auto-ack'
event('INFO', f"waiting for messages on '{args.queue}' ({acks}{f', prefetch {args.prefetch}' if args.prefetch else ''})")

signal.signal(signal.SIGINT, on_signal)
signal.signal(signal.SIGTERM, on_signal)
try:
    channel.start_consuming()
except KeyboardInterrupt:
    pass
except pika.exceptions.AMQPError as err:
    fail(f'the broker closed the {"channel" if isinstance(err, pika.exceptions.ChannelClosed) else "connection"}: {err!r}')
signal.signal(signal.SIGINT, signal.SIG_IGN)  # the summary and the close are not interrupted
signal.signal(signal.SIGTERM, signal.SIG_IGN)
summary()
try:
    connection.close()  # unacked messages go back to the queue
except Exception:
    pass  # Ctrl-C may have left the connection half-way through a frame: exiting closes it too
