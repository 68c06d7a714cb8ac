#!/usr/bin/env python3
# Lab 06, cleanup.py: delete the queue when the experiment is over.
import os

import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672')
queue = os.environ.get('QUEUE', 'durable_tasks')

connection = pika.BlockingConnection(pika.URLParameters(url))
channel = connection.channel()
# TODO: delete the queue (channel.queue_delete) and print how many messages went with it
#       (the result's .method.message_count): f" [x] Deleted '{queue}' with N messages".
connection.close()
