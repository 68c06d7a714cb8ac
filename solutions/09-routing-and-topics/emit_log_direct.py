#!/usr/bin/env python3
# Lab 09, emit_log_direct.py: publish a log line under its severity ("info", "warning", "error")
# to a direct exchange: it reaches the queues bound with exactly that key.
import os
import sys

from broker import connect

exchange = os.environ.get('EXCHANGE', 'direct_logs')
severity = sys.argv[1] if len(sys.argv) > 1 else 'info'
message = ' '.join(sys.argv[2:]) or 'Hello World!'

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
channel.exchange_declare(exchange=exchange, exchange_type='direct')
channel.basic_publish(exchange=exchange, routing_key=severity, body=message)
print(f' [x] Sent {severity}: {message}')
connection.close()
