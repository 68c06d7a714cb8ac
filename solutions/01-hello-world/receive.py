#!/usr/bin/env python3
# Lab 01, receive.py: declare the same queue (whoever starts first creates it), then consume:
# the broker pushes each message to the callback. auto-ack: a message is gone once sent to us.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'hello')

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)


def callback(ch, method, properties, body):
    # body is bytes: decode it, or print shows b'Hello World!'.
    print(f' [x] Received {body.decode()}')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
