#!/usr/bin/env python3
# Lab 08, receive_logs.py: hear every broadcast. Each listener has its own queue — exclusive and
# server-named, so it goes away with the listener — bound to the fanout exchange.
import os

from broker import connect

exchange = os.environ.get('EXCHANGE', 'logs')

connection = connect()
channel = connection.channel()
channel.exchange_declare(exchange=exchange, exchange_type='fanout')
# queue='' asks the broker to choose a name (amq.gen-…), returned in the declare-ok.
result = channel.queue_declare(queue='', exclusive=True)
queue = result.method.queue
channel.queue_bind(exchange=exchange, queue=queue)
print(f' [*] Waiting for logs in {queue}. To exit press CTRL+C')


def callback(ch, method, properties, body):
    print(f' [x] {body.decode()}')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
channel.start_consuming()
