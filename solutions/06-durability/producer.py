#!/usr/bin/env python3
# Lab 06, producer.py: a durable queue and persistent messages survive a broker restart. Publisher
# confirms tell us the broker has written them before we exit.
import os
import sys

import pika

from broker import connect

queue = os.environ.get('QUEUE', 'durable_tasks')
count = int(sys.argv[1]) if len(sys.argv) > 1 else 5

connection = connect()
channel = connection.channel()
# With confirms on, each basic_publish returns only once the broker has the message (on disk, for a
# persistent one in a durable queue), and raises if the broker refuses it.
channel.confirm_delivery()
channel.queue_declare(queue=queue, durable=True)
for i in range(1, count + 1):
    # delivery_mode 2 = persistent (pika 1.3 also names it pika.DeliveryMode.Persistent).
    channel.basic_publish(exchange='', routing_key=queue, body=f'task {i}',
                          properties=pika.BasicProperties(delivery_mode=2))
print(f' [x] Sent {count} persistent messages, all confirmed')
connection.close()
