#!/usr/bin/env python3
# Lab 01, send.py: connect, open a channel, make sure the queue exists, publish one message
# through the default exchange (its routing key is the queue's name), then close.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'hello')

connection = connect()
channel = connection.channel()
# Declaring is idempotent: it creates the queue only if it does not exist yet.
channel.queue_declare(queue=queue)
channel.basic_publish(exchange='', routing_key=queue, body='Hello World!')
print(" [x] Sent 'Hello World!'")
# Closing the connection flushes what is still buffered to the broker.
connection.close()
