#!/usr/bin/env python3
# Lab 07, publisher.py: three ways to publish COUNT persistent messages, timed.
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


# TODO (synchronous): a function that publishes COUNT messages on a channel of their own
# (connection.channel()) with confirm_delivery() on: each basic_publish then waits for the
# broker's confirm. Time it: timed('synchronous', synchronous), between the other two rows.


def asynchronous():
    # BlockingConnection waits for every confirm; to handle confirms as they come, pika has its
    # asynchronous adapter, SelectConnection, where everything happens in callbacks.
    unconfirmed = set()  # delivery tags the broker has not confirmed yet
    sent = 0
    nacked = 0

    def publish_more(ch):
        nonlocal sent
        # TODO (asynchronous): while fewer than COUNT are sent and fewer than WINDOW unconfirmed,
        # publish one (as fire_and_forget does, on ch) and add its delivery tag to unconfirmed (on a
        # confirm channel the n-th publish has tag n). Close the connection only once all COUNT
        # are sent and none is unconfirmed.
        ch.connection.close()

    def on_confirm(ch, frame):
        nonlocal nacked
        # TODO (asynchronous): remove frame.method.delivery_tag from unconfirmed — with
        # frame.method.multiple set, every tag up to it; count the tags of a pika.spec.Basic.Nack
        # in nacked; then publish_more(ch).

    def on_channel(ch):
        ch.confirm_delivery(ack_nack_callback=lambda frame: on_confirm(ch, frame),
                            callback=lambda _: publish_more(ch))

    async_connection = pika.SelectConnection(
        broker_parameters(),
        on_open_callback=lambda c: c.channel(on_open_callback=on_channel),
        on_open_error_callback=lambda c, err: c.ioloop.stop(),
        on_close_callback=lambda c, reason: c.ioloop.stop())
    async_connection.ioloop.start()
    if nacked > 0:
        print(f'  {nacked} messages were nacked by the broker')


print(f"{'mode':<16} {'sent':>15} {'rate':>14}")
timed('fire-and-forget', fire_and_forget)
timed('asynchronous', asynchronous)
connection.close()
