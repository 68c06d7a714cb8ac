#!/usr/bin/env python3
# Lab 16, consumer.py: takes the orders one at a time (prefetch 1), works DELAY_MS on each, acks,
# and prints it. Connected to a node that stays up, it carries on when the queue's leader goes
# down: the queue elects a new leader on another node and goes on delivering.
import os
import sys
import time

import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672')
queue = os.environ.get('QUEUE', 'orders.replicated')
delay_ms = int(os.environ.get('DELAY_MS', '50'))


def callback(ch, method, properties, body):
    time.sleep(delay_ms / 1000)
    ch.basic_ack(delivery_tag=method.delivery_tag)
    print(f" [x] Received {body.decode()}{' (redelivered)' if method.redelivered else ''}")


connection = pika.BlockingConnection(pika.URLParameters(url))
channel = connection.channel()
channel.basic_qos(prefetch_count=1)
channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(f' [*] Waiting for orders on {queue}. To exit press CTRL+C')
try:
    channel.start_consuming()
except pika.exceptions.AMQPError as err:
    print(f' [!] Connection lost: {err!r}')
    sys.exit(1)
