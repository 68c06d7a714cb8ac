#!/usr/bin/env python3
# Lab 09, receive_logs_topic.py: hear the log lines whose routing key matches any of the binding
# keys given, e.g. "kern.*" (one word for *) or "*.critical" or "#" (zero or more words).
import os
import sys

from broker import connect

exchange = os.environ.get('EXCHANGE', 'topic_logs')
binding_keys = sys.argv[1:]
if not binding_keys:
    sys.stderr.write('usage: receive_logs_topic.py <binding key>...  e.g. "kern.*" "*.critical"\n')
    sys.exit(1)

connection = connect()
channel = connection.channel()
channel.exchange_declare(exchange=exchange, exchange_type='topic')
queue = channel.queue_declare(queue='', exclusive=True).method.queue
# One queue, one binding per key: a message matching any of them arrives once.
for binding_key in binding_keys:
    channel.queue_bind(exchange=exchange, queue=queue, routing_key=binding_key)
print(f" [*] Waiting for {', '.join(binding_keys)}. To exit press CTRL+C")


def callback(ch, method, properties, body):
    print(f' [x] {method.routing_key}: {body.decode()}')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
channel.start_consuming()
