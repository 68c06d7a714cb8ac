#!/usr/bin/env python3
# Lab 06, producer.py: the tasks must survive a broker restart.
import os
import sys

import pika

from broker import connect

queue = os.environ.get('QUEUE', 'durable_tasks')
count = int(sys.argv[1]) if len(sys.argv) > 1 else 5

connection = connect()
channel = connection.channel()
channel.confirm_delivery()  # each basic_publish waits for the broker's confirm
# TODO: declare the queue durable, so the queue itself survives a restart.
channel.queue_declare(queue=queue, durable=False)
for i in range(1, count + 1):
    # TODO: mark each message persistent (properties=pika.BasicProperties(delivery_mode=2)),
    #       so it is written to disk.
    channel.basic_publish(exchange='', routing_key=queue, body=f'task {i}')
print(f' [x] Sent {count} persistent messages, all confirmed')
connection.close()
