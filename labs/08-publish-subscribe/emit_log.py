#!/usr/bin/env python3
# Lab 08, emit_log.py: broadcast a log line to everyone listening, through a fanout exchange.
import os
import sys

from broker import connect

exchange = os.environ.get('EXCHANGE', 'logs')
message = ' '.join(sys.argv[1:]) or 'info: Hello World!'

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
channel.exchange_declare(exchange=exchange, exchange_type='fanout')
# A fanout exchange ignores the routing key: every bound queue gets a copy.
channel.basic_publish(exchange=exchange, routing_key='', body=message)
print(f' [x] Sent {message}')
connection.close()
