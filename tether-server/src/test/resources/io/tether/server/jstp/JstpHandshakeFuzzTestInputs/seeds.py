#!/usr/bin/env python3
"""Writes the seed corpus of JstpHandshakeFuzzTest (sequences/seed-*): scripts of operations on up
to three connections. Layout (see the test's Javadoc): one header byte (bit 0: 2 messages may be
pipelined behind a handshake; bit 1: a pre-handshake cap of 256 bytes), then operations:
  0 open                         1 T N   send template T with id/count N
  2 T N CUT  send it in two reads  3 LEN BYTES  send raw bytes
  4 client drops the connection  5 switch to the next connection
  6 TENTHS  advance the clock      7 T N   send T, on a new connection if none is open
Templates (index in the test's TEMPLATES): see NAMES below. Run from this directory."""
import os

NAMES = ["anon", "login", "login_wrong", "restore", "no_app", "wrong_version", "unknown_session",
         "malformed_session", "login_malformed", "empty_app", "anonymous_strategy", "client_reply",
         "echo", "echo_no_args", "fail", "boom", "no_method", "join", "say", "leave", "api_nope",
         "no_iface", "inspect_box", "inspect_chat", "ping", "pong", "callback", "event",
         "event_bad_payload", "heartbeat", "unknown_kind", "echo_session"]
T = {n: i for i, n in enumerate(NAMES)}


def send(name, n=1):
    return [1, T[name], n]


def split(name, n, cut):
    return [2, T[name], n, cut]


def raw(data):
    data = data.encode() if isinstance(data, str) else data
    assert len(data) < 256
    return [3, len(data)] + list(data)


OPEN, DROP, SWITCH = [0], [4], [5]


def advance(tenths):
    return [6, tenths]


def fresh(name, n=1):
    return [7, T[name], n]


SEEDS = {
    "anon-echo-ping": [0] + OPEN + send("anon") + send("echo", 1) + send("ping", 2) + send("inspect_box", 3),
    "login-chat": [0] + OPEN + send("login") + send("join", 1) + send("say", 2) + send("leave", 3),
    "login-wrong": [0] + OPEN + send("login_wrong"),
    "drop-restore": [0] + OPEN + send("anon") + send("join", 1) + DROP + OPEN + send("restore", 1)
                    + send("echo", 2) + send("say", 3),
    "restore-attached": [0] + OPEN + send("anon") + send("echo", 1) + OPEN + send("restore", 1) + SWITCH
                        + send("echo", 2) + SWITCH + send("ping", 2),
    "restore-unknown": [0] + OPEN + send("unknown_session"),
    "pipelined": [0] + OPEN + raw("{handshake:[0,'fuzzApp']}\0{call:[1,'box'],echo:['a']}\0{ping:[2]}\0"),
    "pipelined-login-over-cap": [1] + OPEN + raw("{handshake:[0,'fuzzApp'],login:['user','secret']}\0"
                                                 "{call:[1,'box'],echo:['a']}\0{ping:[2]}\0{ping:[3]}\0"),
    "pipelined-restore": [0] + OPEN + send("anon") + DROP + OPEN
                         + split("restore", 0, 200) + send("echo", 1),
    "call-before-handshake": [0] + OPEN + send("echo", 1),
    "second-handshake": [0] + OPEN + send("anon") + send("anon"),
    "handshake-timeout": [0] + OPEN + advance(40),
    "handshake-then-time": [0] + OPEN + send("anon") + advance(50) + send("echo", 1),
    "idle-timeout": [0] + OPEN + send("anon") + send("join", 1) + advance(255) + advance(255) + advance(255),
    "login-timeout-race": [0] + OPEN + send("login") + advance(40) + send("echo", 1),
    "garbage": [0] + OPEN + raw(b"\x00\xff{handshake:[0,\x00'fu\xc3\x28zzApp']}\x00"),
    "split-handshake": [0] + OPEN + split("anon", 0, 7) + split("echo", 1, 3),
    "over-handshake-cap": [2] + OPEN + raw("{handshake:[0,'" + "x" * 200) + raw("x" * 100),
    "heartbeat-first": [0] + OPEN + send("heartbeat") + send("anon") + send("heartbeat"),
    "client-reply": [0] + OPEN + send("client_reply"),
    "refusals": [0] + fresh("login_malformed") + fresh("malformed_session") + fresh("empty_app")
                + fresh("no_app") + fresh("wrong_version") + fresh("anonymous_strategy"),
    "after-handshake-kinds": [0] + OPEN + send("anon") + send("pong", 1) + send("callback", 1) + send("event", 1)
                             + send("event_bad_payload", 2) + send("unknown_kind", 3) + send("fail", 4)
                             + send("boom", 5) + send("no_method", 6) + send("api_nope", 7) + send("no_iface", 8)
                             + send("inspect_chat", 9) + send("echo_no_args", 10) + send("echo_session", 11),
    "three-connections": [0] + OPEN + send("anon") + OPEN + send("login") + OPEN + send("login_wrong") + SWITCH
                         + send("join", 1) + SWITCH + send("say", 1) + DROP + SWITCH + send("restore", 0),
    "empty-frames": [0] + OPEN + raw("\0\0{handshake:[0,'fuzzApp']}\0\0"),
}

os.makedirs("sequences", exist_ok=True)
for name, ops in SEEDS.items():
    with open(os.path.join("sequences", "seed-" + name), "wb") as f:
        f.write(bytes(ops))
print(len(SEEDS), "seeds")
