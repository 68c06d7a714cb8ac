"""The broker a lab program talks to: the same one as the kit's tools (qsend, qprocessor, qtop).

$AMQP_URL, else the broker-sim running for this folder (`npm start`, whatever port it took), else
amqp://guest:guest@localhost:5672. A running broker-sim says where it is in a JSON file of its own,
~/.queuelab/brokers/<pid>.json ($QUEUELAB_HOME/brokers/ when set); this reads those files the same
way broker-sim/src/discovery.ts does. connect() is pika.BlockingConnection(broker_parameters())
that also prints which broker answered, so a program never talks to another broker unseen.
"""
import glob
import json
import os
import sys
import urllib.parse

import pika

DEFAULT_AMQP_URL = 'amqp://guest:guest@localhost:5672'
MANAGEMENT_PORT = 15672


def _alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except PermissionError:
        return True
    except (ProcessLookupError, OverflowError):
        return False


def running_brokers():
    """Every running broker-sim's entry, newest first."""
    home = os.environ.get('QUEUELAB_HOME') or os.path.join(os.path.expanduser('~'), '.queuelab')
    found = []
    for path in glob.glob(os.path.join(home, 'brokers', '*.json')):
        if not os.path.basename(path)[:-5].isdigit():
            continue
        try:
            with open(path) as f:
                entry = json.load(f)
        except (OSError, ValueError):
            continue
        if _alive(entry['pid']):
            found.append(entry)
    return sorted(found, key=lambda e: e.get('startedAt', ''), reverse=True)


def _serves_folder(entry, cwd):
    """How deep the broker's database folder is, when cwd is in it; -1 when it is not this folder's."""
    if entry['dbPath'] == ':memory:':
        return -1
    folder = os.path.dirname(entry['dbPath'])
    return len(folder) if cwd == folder or cwd.startswith(folder.rstrip(os.sep) + os.sep) else -1


def find_broker(cwd=None):
    """(entry, why) of the running broker-sim for this folder, the only one, or the newest; else None."""
    everyone = running_brokers()
    if not everyone:
        return None
    cwd = cwd or os.getcwd()
    mine = sorted((e for e in everyone if _serves_folder(e, cwd) >= 0), key=lambda e: -_serves_folder(e, cwd))
    if mine:
        return mine[0], 'the database of this folder'
    if len(everyone) == 1:
        return everyone[0], 'the only one running'
    return everyone[0], f'the newest of {len(everyone)} running, none with its database in this folder'


def broker_url():
    """The AMQP URL to connect to."""
    if os.environ.get('AMQP_URL'):
        return os.environ['AMQP_URL']
    found = find_broker()
    return found[0]['amqpUrl'] if found else DEFAULT_AMQP_URL


def broker_parameters():
    """pika's connection parameters for that broker."""
    return pika.URLParameters(broker_url())


def management_url():
    """The management API (http://...) of that broker: broker-sim's own port, or RabbitMQ's 15672."""
    if os.environ.get('MANAGEMENT_URL'):
        return os.environ['MANAGEMENT_URL']
    url = urllib.parse.urlsplit(broker_url())
    for entry in running_brokers():
        if entry.get('managementUrl') and urllib.parse.urlsplit(entry['amqpUrl']).port == (url.port or 5672):
            return entry['managementUrl']
    return f'http://{url.hostname}:{MANAGEMENT_PORT}'


def broker_name(props):
    """broker-sim (however it presents itself), else the product and version, e.g. RabbitMQ 3.10.8."""
    def text(key):
        v = (props or {}).get(key, '')
        return v.decode() if isinstance(v, bytes) else str(v)
    if any('broker-sim' in text(k) for k in ('product', 'cluster_name', 'information')):
        return 'broker-sim'
    return ' '.join(x for x in (text('product') or 'an AMQP broker', text('version')) if x)


def _shown(url):
    """The URL without its password and query."""
    u = urllib.parse.urlsplit(url)
    netloc = u.netloc
    if u.password:
        netloc = f'{u.username}:***@{u.hostname}' + (f':{u.port}' if u.port else '')
    path = '' if u.path in ('', '/') else u.path
    return urllib.parse.urlunsplit((u.scheme, netloc, path, '', ''))


def connected_line(server_properties, url):
    """The line a program prints once connected, as the kit's tools print it."""
    located = None if os.environ.get('AMQP_URL') else find_broker()
    found = ''
    if located and located[0]['amqpUrl'] == url:
        entry, why = located
        found = f" (pid {entry['pid']}, database {entry['dbPath']}: {why})"
    return f'connected to {broker_name(server_properties)} at {_shown(url)}{found}'


def _differs(parameters, chosen):
    """Whether these parameters reach another broker, user or vhost than the chosen URL's."""
    def where(p):
        return p.host, p.port, p.credentials.username, p.virtual_host
    return where(parameters) != where(chosen)


def connected_to(connection, parameters=None):
    """connected_line for an open connection, made with broker_parameters() or these parameters."""
    url = broker_url()
    if parameters is not None and _differs(parameters, pika.URLParameters(url)):
        vhost = '' if parameters.virtual_host == '/' else '/' + urllib.parse.quote(parameters.virtual_host, safe='')
        url = f'amqp://{parameters.credentials.username}:***@{parameters.host}:{parameters.port}{vhost}'
    return connected_line(connection._impl.server_properties, url)  # what the broker said in connection.start


def connect(parameters=None):
    """pika.BlockingConnection to the broker (or with these parameters), saying on stderr which broker answered."""
    connection = pika.BlockingConnection(parameters or broker_parameters())
    print(connected_to(connection, parameters), file=sys.stderr)
    return connection
