-- broker-sim's durable state. One file, WAL mode; inspect it with plain SQL, e.g.
--   sqlite3 queuelab.db 'select vhost, queue, count(*) from messages group by vhost, queue'
CREATE TABLE IF NOT EXISTS vhosts (
  name TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,          -- sha256$<RabbitMQ's salted SHA-256, base64>, never the password
  tags TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS permissions (
  user TEXT NOT NULL,
  vhost TEXT NOT NULL,
  configure TEXT NOT NULL,              -- regexes, as RabbitMQ's set_permissions
  write TEXT NOT NULL,
  read TEXT NOT NULL,
  PRIMARY KEY (user, vhost)
);
CREATE TABLE IF NOT EXISTS vhost_limits ( -- RabbitMQ's vhost limits: max-queues, max-connections
  vhost TEXT NOT NULL,
  name TEXT NOT NULL,
  value INTEGER NOT NULL,               -- -1 = no limit, as RabbitMQ
  PRIMARY KEY (vhost, name)
);
CREATE TABLE IF NOT EXISTS policies (
  vhost TEXT NOT NULL,
  name TEXT NOT NULL,
  pattern TEXT NOT NULL,                -- regex on queue / exchange names, unanchored
  apply_to TEXT NOT NULL,               -- 'queues', 'exchanges' or 'all'
  priority REAL NOT NULL,
  definition TEXT NOT NULL,             -- JSON
  PRIMARY KEY (vhost, name)
);
CREATE TABLE IF NOT EXISTS queues (     -- durable queues only
  vhost TEXT NOT NULL,
  name TEXT NOT NULL,
  auto_delete INTEGER NOT NULL,
  arguments TEXT NOT NULL,              -- JSON
  PRIMARY KEY (vhost, name)
);
CREATE TABLE IF NOT EXISTS exchanges (  -- durable exchanges declared by clients
  vhost TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  auto_delete INTEGER NOT NULL,
  internal INTEGER NOT NULL,
  arguments TEXT NOT NULL,
  PRIMARY KEY (vhost, name)
);
CREATE TABLE IF NOT EXISTS bindings (
  vhost TEXT NOT NULL,
  source TEXT NOT NULL,
  destination TEXT NOT NULL,
  destination_type TEXT NOT NULL,       -- 'queue' or 'exchange'
  routing_key TEXT NOT NULL,
  arguments TEXT NOT NULL,
  PRIMARY KEY (vhost, source, destination, destination_type, routing_key, arguments)
);
CREATE TABLE IF NOT EXISTS messages (   -- persistent messages in durable queues, ready or unacked
  id INTEGER PRIMARY KEY,               -- the broker's sequence: the order within a queue
  vhost TEXT NOT NULL,
  queue TEXT NOT NULL,
  exchange TEXT NOT NULL,
  routing_key TEXT NOT NULL,
  properties BLOB NOT NULL,             -- AMQP content properties as published
  body BLOB NOT NULL,
  redelivered INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER,                   -- broker clock ms when its TTL runs out, NULL = never
  delivery_count INTEGER NOT NULL DEFAULT 0, -- times given back (delivery-limited queues)
  acquired INTEGER NOT NULL DEFAULT 0,  -- held by a consumer (delivered, not acked): given back redelivered at start-up
  -- Who holds it while acquired (NULL otherwise), written in the same group commits as the messages.
  held_connection TEXT,                 -- the connection's name in the management API
  held_client_name TEXT,                -- the client-provided connection name (connection_name), if any
  held_channel TEXT,                    -- connection id / channel number, as in events
  held_consumer_tag TEXT,               -- NULL for basic.get
  held_since INTEGER,                   -- broker clock ms: delivered at
  held_until INTEGER                    -- broker clock ms: the lease's deadline (consumer timeout), NULL = none
);
CREATE INDEX IF NOT EXISTS messages_by_queue ON messages (vhost, queue, id);
-- The few messages a consumer held when the broker stopped, which start-up reads whole (the rest are
-- read as their queue reaches them).
CREATE INDEX IF NOT EXISTS messages_held ON messages (id) WHERE acquired = 1;
-- What is being worked on right now, by whom, since when and until when: one select
-- (`select * from held`). Persistent messages in durable queues only: the others are not on disk.
CREATE VIEW IF NOT EXISTS held AS
  SELECT id AS message_id, vhost, queue, held_connection AS connection, held_client_name AS client_name,
    held_channel AS channel, held_consumer_tag AS consumer_tag,
    strftime('%Y-%m-%d %H:%M:%f', held_since / 1000.0, 'unixepoch') AS since,
    strftime('%Y-%m-%d %H:%M:%f', held_until / 1000.0, 'unixepoch') AS until,
    redelivered, delivery_count, routing_key, length(body) AS bytes
  FROM messages WHERE acquired = 1;
CREATE TABLE IF NOT EXISTS events (     -- the event log: leases requeued, expired, dead-lettering…; oldest dropped
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,                  -- broker clock, ms since the epoch
  kind TEXT NOT NULL,                   -- lease.expired, lease.requeued, dead-lettered, …
  vhost TEXT NOT NULL,
  queue TEXT NOT NULL,
  message_id INTEGER,
  consumer_tag TEXT,
  channel TEXT,                         -- connection id / channel number
  detail TEXT
);
-- Streams (x-queue-type: stream): each stream's log, apart from the messages of queues. A segment is
-- a range of offsets; retention deletes whole segments from the front.
--   sqlite3 queuelab.db 'select queue, segment, min("offset"), max("offset"), count(*) from stream_messages group by queue, segment'
CREATE TABLE IF NOT EXISTS stream_messages (
  vhost TEXT NOT NULL,
  queue TEXT NOT NULL,
  "offset" INTEGER NOT NULL,            -- from 0, as x-stream-offset
  segment INTEGER NOT NULL,             -- segments begin when x-stream-max-segment-size-bytes is reached
  timestamp INTEGER NOT NULL,           -- broker clock ms when it was appended
  exchange TEXT NOT NULL,
  routing_key TEXT NOT NULL,
  properties BLOB NOT NULL,             -- AMQP content properties as published
  body BLOB NOT NULL,
  PRIMARY KEY (vhost, queue, "offset")
);
