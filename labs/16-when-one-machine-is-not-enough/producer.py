#!/usr/bin/env python3
# Lab 16, producer.py: publishes COUNT numbered orders to a queue replicated over the cluster, with
# publisher confirms, and prints each one the cluster has confirmed. "Confirmed" is the promise a
# broker makes: a quorum queue confirms a message once a majority of its nodes have it.
import os
import sys
import time

import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672')
queue = os.environ.get('QUEUE', 'orders.replicated')
count = int(os.environ.get('COUNT', '200'))
delay_ms = int(os.environ.get('DELAY_MS', '10'))

connection = pika.BlockingConnection(pika.URLParameters(url))
channel = connection.channel()
channel.confirm_delivery()
# TODO 1: a classic queue lives on the one node it was declared on, and goes down with it.
# Declare a quorum queue instead (the argument x-queue-type: quorum): replicated on every node.
channel.queue_declare(queue=queue, durable=True)
print(f' [*] Publishing {count} orders to {queue}')
try:
    for i in range(1, count + 1):
        # With confirm_delivery, basic_publish returns once the broker has confirmed the message.
        channel.basic_publish(exchange='', routing_key=queue, body=f'order {i}',
                              properties=pika.BasicProperties(delivery_mode=2))
        print(f' [x] Confirmed order {i}')
        time.sleep(delay_ms / 1000)
except pika.exceptions.AMQPError as err:
    # The node this producer is connected to may be the one that goes down: what it had not been
    # told was confirmed may be lost. What was confirmed must not be.
    print(f' [!] Connection lost: {err!r}')
    sys.exit(1)
connection.close()
