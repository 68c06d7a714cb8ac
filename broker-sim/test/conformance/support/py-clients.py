"""Drives a broker with py-amqp and kombu (Celery's transport): prints one JSON line of findings.

Usage: py-clients.py AMQP_URL QUEUE
"""
import json
import sys
from urllib.parse import unquote, urlparse

import amqp
import kombu

url, queue = sys.argv[1], sys.argv[2]
u = urlparse(url)
found = {}

# py-amqp: publish and get with an ack, then immediate=true, which RabbitMQ refuses.
conn = amqp.Connection(host=f'{u.hostname}:{u.port or 5672}', userid=unquote(u.username or 'guest'),
                       password=unquote(u.password or 'guest'), virtual_host='/')
conn.connect()
found['product'] = conn.server_properties.get('product')
ch = conn.channel()
ch.queue_declare(queue, durable=False, auto_delete=False)
ch.confirm_select()
ch.basic_publish(amqp.Message('from py-amqp', application_headers={'lang': 'python'}), exchange='', routing_key=queue)
msg = ch.basic_get(queue, no_ack=False)
found['got'] = (msg.body if isinstance(msg.body, str) else msg.body.decode()) if msg else None
found['header'] = msg.headers.get('lang') if msg else None
ch.basic_ack(msg.delivery_tag)
ch.queue_delete(queue)
try:
    ch.basic_publish(amqp.Message('now or never'), exchange='', routing_key=queue, immediate=True)
    conn.drain_events(timeout=3)
    found['immediate'] = 'accepted'
except amqp.exceptions.AMQPError as e:
    found['immediate'] = f'{e.reply_code} {e.reply_text}'
except Exception as e:  # a timeout: nothing came back
    found['immediate'] = f'no answer: {type(e).__name__}'

# kombu: a round trip through SimpleQueue, and how it reads the broker's QoS semantics.
with kombu.Connection(url) as k:
    k.connect()
    found['kombu_qos_semantics_match_spec'] = k.transport.qos_semantics_matches_spec(k.connection)
    q = k.SimpleQueue(queue + '.kombu')
    q.put({'task': 'add', 'args': [2, 3]})
    m = q.get(timeout=5)
    found['kombu_got'] = m.payload
    m.ack()
    q.consumer.cancel()
    q.queue.delete()
    q.queue.exchange.delete()

print(json.dumps(found))
