#!/usr/bin/env python3
# Lab 13, inspect.py: what is queued, what is held, and by whom — from the broker's management
# HTTP API, which RabbitMQ and broker-sim both serve (same paths, same JSON). RabbitMQ serves it
# on port 15672; broker-sim on 15672 too when that port is free, else on another (it prints it).
import base64
import json
import os
import sys
import urllib.parse
import urllib.request

from broker import broker_url, management_url

amqp_url = urllib.parse.urlsplit(broker_url())
api = management_url()
print(f'management API at {api}', file=sys.stderr)
vhost = urllib.parse.unquote(amqp_url.path[1:]) or '/'
prefix = os.environ.get('QUEUE_PREFIX', '')
user = urllib.parse.unquote(amqp_url.username or 'guest')
password = urllib.parse.unquote(amqp_url.password or 'guest')
authorization = 'Basic ' + base64.b64encode(f'{user}:{password}'.encode()).decode()


def get(path):
    request = urllib.request.Request(urllib.parse.urljoin(api, path), headers={'Authorization': authorization})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


v = urllib.parse.quote(vhost, safe='')
queues = [q for q in get(f'/api/queues/{v}') if q['name'].startswith(prefix)]
consumers = [c for c in get(f'/api/consumers/{v}') if c['queue']['name'].startswith(prefix)]

for q in sorted(queues, key=lambda q: q['name']):
    # Statistics a broker has not computed yet are missing: count them as 0.
    print(f"queue {q['name']}: ready={q.get('messages_ready', 0)} unacked={q.get('messages_unacknowledged', 0)} consumers={q.get('consumers', 0)}")
for c in consumers:
    # RabbitMQ sends channel_details as [] until it has statistics for the consumer's channel.
    channel = c.get('channel_details') or {}
    print(f"consumer {c['consumer_tag']} on {c['queue']['name']} from {channel.get('connection_name', '?')} (channel {channel.get('number', '?')}) prefetch={c['prefetch_count']}")
