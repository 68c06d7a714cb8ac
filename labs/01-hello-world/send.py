#!/usr/bin/env python3
# Lab 01, send.py: publish "Hello World!" to the queue named `queue`.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'hello')

connection = connect()
channel = connection.channel()
# TODO: make sure the queue exists (channel.queue_declare(queue=queue)), then publish 'Hello World!'
#       to it through the default exchange (channel.basic_publish(exchange='', routing_key=queue, body=…)).
print(" [x] Sent 'Hello World!'")
connection.close()
