#!/usr/bin/env python3
# Lab 09, emit_log_topic.py: publish a log line under a routing key like "kern.critical"
# (<facility>.<severity>) to a topic exchange.
import os
import sys

from broker import connect

exchange = os.environ.get('EXCHANGE', 'topic_logs')
routing_key = sys.argv[1] if len(sys.argv) > 1 else 'anonymous.info'
message = ' '.join(sys.argv[2:]) or 'Hello World!'

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
channel.exchange_declare(exchange=exchange, exchange_type='topic')
channel.basic_publish(exchange=exchange, routing_key=routing_key, body=message)
print(f' [x] Sent {routing_key}: {message}')
connection.close()
