#!/usr/bin/env python3
# Lab 15, reader.py: reads the stream from where OFFSET says (first, last, next or a number) and
# prints each event with its offset. Reading takes nothing away: the next reader sees it all too.
# With CHECKPOINT=file it records the last event it has done; started again after a crash, it
# resumes from that event's time (a timestamp offset) and skips the events it had already done.
import datetime
import json
import os

import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672')
stream = os.environ.get('STREAM', 'orders.log')
offset = os.environ.get('OFFSET', 'next')
checkpoint = os.environ.get('CHECKPOINT')

saved = None
if checkpoint and os.path.exists(checkpoint):
    with open(checkpoint) as f:
        saved = json.load(f)


def start_at():
    """Where to start reading: x-stream-offset."""
    # TODO 3: after a crash (`saved` is set), start from the time of the last event done instead:
    # an AMQP timestamp (pika sends a datetime.datetime as one).
    # TODO 2: start where OFFSET says: 'first', 'last', 'next', or a number (an offset).
    return None


def callback(ch, method, properties, body):
    at = properties.headers['x-stream-offset']
    event = body.decode()
    if saved and at <= saved['offset']:
        # The same second holds events done before the crash: skip them, do not do them twice.
        print(f' [=] Skipped {at}: {event} (done before the restart)')
    else:
        print(f' [x] {at}: {event}')
        if checkpoint:
            with open(checkpoint, 'w') as f:
                json.dump({'offset': at, 'timestamp': properties.timestamp}, f)
    # The ack removes nothing from the stream: it only lets the broker send more.
    ch.basic_ack(delivery_tag=method.delivery_tag)


connection = pika.BlockingConnection(pika.URLParameters(url))
channel = connection.channel()
channel.queue_declare(queue=stream, durable=True, arguments={'x-queue-type': 'stream'})
# A stream's consumer must ack, and must say how many events it may hold unacked.
channel.basic_qos(prefetch_count=10)
start = start_at()
channel.basic_consume(queue=stream, on_message_callback=callback, auto_ack=False,
                      arguments={} if start is None else {'x-stream-offset': start})
print(f' [*] Reading {stream} from {start}. To exit press CTRL+C')
try:
    channel.start_consuming()
except KeyboardInterrupt:
    connection.close()
