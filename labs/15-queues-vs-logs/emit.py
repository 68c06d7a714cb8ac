#!/usr/bin/env python3
# Lab 15, emit.py: the same events, each into a work queue and into a stream. The work queue hands
# each event to one worker and forgets it once acked; the stream keeps every event, in order, for
# any number of readers to read (and read again) from where they choose.
import os
import sys
import time

import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672')
queue = os.environ.get('QUEUE', 'orders')
stream = os.environ.get('STREAM', 'orders.log')
events = sys.argv[1:]

connection = pika.BlockingConnection(pika.URLParameters(url))
channel = connection.channel()
channel.confirm_delivery()
channel.queue_declare(queue=queue, durable=True)
# TODO 1: make `stream` a stream, not a second work queue: a queue declared with the argument
# x-queue-type: stream (a stream must be durable).
channel.queue_declare(queue=stream, durable=True)
for event in events:
    # The publish time (seconds) travels with the event: a reader that crashes resumes from it.
    properties = pika.BasicProperties(delivery_mode=2, timestamp=int(time.time()))
    channel.basic_publish(exchange='', routing_key=queue, body=event, properties=properties)
    channel.basic_publish(exchange='', routing_key=stream, body=event, properties=properties)
    print(f' [x] Sent {event}')
connection.close()
