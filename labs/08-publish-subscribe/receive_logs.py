#!/usr/bin/env python3
# Lab 08, receive_logs.py: hear every broadcast on the fanout exchange.
import os

from broker import connect

exchange = os.environ.get('EXCHANGE', 'logs')

connection = connect()
channel = connection.channel()
channel.exchange_declare(exchange=exchange, exchange_type='fanout')
# TODO: declare a queue of your own: exclusive and server-named (channel.queue_declare(queue='',
# exclusive=True); its name is in .method.queue), and bind it to the exchange (channel.queue_bind),
# so that a copy of every broadcast lands in it.
queue = 'logs-for-me'
channel.queue_declare(queue=queue, auto_delete=True)
print(f' [*] Waiting for logs in {queue}. To exit press CTRL+C')


def callback(ch, method, properties, body):
    print(f' [x] {body.decode()}')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
channel.start_consuming()
