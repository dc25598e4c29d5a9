#!/usr/bin/env python3
"""Opens N keep-alive connections to host:port, sends one request on each, reads the answer,
then keeps them all idle until killed. Prints 'ready N' once every connection has answered."""
import socket
import sys
import time

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conns = []
for _ in range(count):
    s = socket.create_connection((host, port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: idle\r\n\r\n")
    conns.append(s)
for s in conns:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            sys.exit("connection closed before answering")
        data += chunk
print("ready", len(conns), flush=True)
while True:
    time.sleep(3600)
