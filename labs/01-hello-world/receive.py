#!/usr/bin/env python3
# Lab 01, receive.py: print every message that arrives on the queue named `queue`.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'hello')

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)


def callback(ch, method, properties, body):
    print(f' [x] Received {body.decode()}')


# TODO: consume from the queue with auto-ack, each message going to callback:
#       channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True).
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
