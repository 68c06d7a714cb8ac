#!/usr/bin/env python3
# Lab 07, publisher.py: three ways to publish COUNT persistent messages, timed. Fire and forget
# is fastest and tells you nothing; waiting for each confirm is safe and slow; confirms handled
# as they come, with at most WINDOW unconfirmed, is both safe and fast.
import os
import time

import pika

from broker import broker_parameters, connect

queue = os.environ.get('QUEUE', 'confirms')
count = int(os.environ.get('COUNT', '2000'))
window = int(os.environ.get('WINDOW', '100'))
body = b'x' * 256
persistent = pika.BasicProperties(delivery_mode=2)

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue, durable=True)


def timed(label, publish):
    start = time.perf_counter()
    publish()
    seconds = time.perf_counter() - start
    print(f'{label:<16} {count:>6} messages {round(count / seconds):>8} msg/s')


def fire_and_forget():
    for _ in range(count):
        channel.basic_publish(exchange='', routing_key=queue, body=body, properties=persistent)
    channel.queue_declare(queue=queue, passive=True)  # a round trip, so the broker has them all


def synchronous():
    confirming = connection.channel()
    # From now on each basic_publish on this channel waits for the broker's confirm.
    confirming.confirm_delivery()
    for _ in range(count):
        confirming.basic_publish(exchange='', routing_key=queue, body=body, properties=persistent)
    confirming.close()


def asynchronous():
    # BlockingConnection waits for every confirm; to handle confirms as they come, pika has its
    # asynchronous adapter, SelectConnection, where everything happens in callbacks.
    unconfirmed = set()  # delivery tags the broker has not confirmed yet
    sent = 0
    nacked = 0

    def publish_more(ch):
        nonlocal sent
        while sent < count and len(unconfirmed) < window:
            ch.basic_publish(exchange='', routing_key=queue, body=body, properties=persistent)
            sent += 1
            unconfirmed.add(sent)  # on a confirm channel the n-th publish has delivery tag n
        if sent == count and not unconfirmed:
            ch.connection.close()

    def on_confirm(ch, frame):
        nonlocal nacked
        tag = frame.method.delivery_tag
        # One basic.ack (or basic.nack) with multiple set answers every tag up to its own.
        done = {t for t in unconfirmed if t <= tag} if frame.method.multiple else {tag}
        if isinstance(frame.method, pika.spec.Basic.Nack):
            nacked += len(done)
        unconfirmed.difference_update(done)
        publish_more(ch)

    def on_channel(ch):
        ch.confirm_delivery(ack_nack_callback=lambda frame: on_confirm(ch, frame),
                            callback=lambda _: publish_more(ch))

    async_connection = pika.SelectConnection(
        broker_parameters(),
        on_open_callback=lambda c: c.channel(on_open_callback=on_channel),
        on_open_error_callback=lambda c, err: c.ioloop.stop(),
        on_close_callback=lambda c, reason: c.ioloop.stop())
    async_connection.ioloop.start()
    if sent < count or unconfirmed:
        raise SystemExit(f'the asynchronous connection closed with {count - sent + len(unconfirmed)} messages unconfirmed')
    if nacked > 0:
        print(f'  {nacked} messages were nacked by the broker')


print(f"{'mode':<16} {'sent':>15} {'rate':>14}")
timed('fire-and-forget', fire_and_forget)
timed('synchronous', synchronous)
timed('asynchronous', asynchronous)
connection.close()
