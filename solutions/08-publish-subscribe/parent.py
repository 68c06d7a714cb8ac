#!/usr/bin/env python3
# Lab 08, parent.py: wait for a child task's "finished" broadcast. The queue is bound before the
# child starts, so the broadcast cannot be missed; it is exclusive, so it goes away with the parent.
import os
import sys

from broker import connect

events = os.environ.get('EVENTS', 'events')
child_id = os.environ.get('CHILD_ID', 'child-1')
timeout_ms = int(os.environ.get('TIMEOUT_MS', '30000'))

connection = connect()
channel = connection.channel()
channel.exchange_declare(exchange=events, exchange_type='fanout')
queue = channel.queue_declare(queue='', exclusive=True).method.queue
channel.queue_bind(exchange=events, queue=queue)
print(f' [*] Waiting for {child_id} to finish')


def on_timeout():
    print(f' [!] {child_id} did not finish within {timeout_ms} ms')
    sys.exit(1)


# call_later runs on_timeout inside start_consuming, unless it is removed first.
timer = connection.call_later(timeout_ms / 1000, on_timeout)


def callback(ch, method, properties, body):
    if body.decode() != f'finished {child_id}':
        return
    connection.remove_timeout(timer)
    print(f' [x] {child_id} has finished')
    ch.stop_consuming()  # start_consuming returns, and the program ends


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
channel.start_consuming()
connection.close()
