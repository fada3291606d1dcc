#!/usr/bin/env python3
"""Writes the seed corpus of WebSocketInboundFuzzTest (inbound/seed-*). Layout (see the test's Javadoc):
  config byte: bits 0-1 frame cap (0: 1 MiB, 1: 125, 2: 1 KiB, 3: 64 KiB), bits 2-3 message cap
               (0: 8 MiB, 1: = frame cap, 2: x4, 3: x64), bit 4 request cap 1 KiB
  request byte: index in REQUESTS (0 JSTP, 1 Primus, 2 foreign origin, 3 no subprotocol, 4 no upgrade,
               5 version 7, 6 POST, 7 unknown path, 8 no key, 9 raw: u8 length + bytes)
  read sizes:  u8 n, then 1 + n % 4 big-endian u16 sizes (0 = 64 KiB)
  operations:  0 T PARTS FLAGS template message   1 B0 FLAGS LEN BYTES raw frame
               2 KIND FLAGS LEN BYTES ping/pong    3 SEL FLAGS [B | RLEN BYTES] close
               4 FORM (LEN16 | 8 bytes) N BYTES oversize   5 LEN BYTES raw bytes
               6 T BAD POS PARTS FLAGS bad UTF-8   7 T PARTS FLAGS binary
  FLAGS: bit 0 unmasked, bit 1 16-bit length form, bit 2 64-bit length form.
Templates (index in TEMPLATES): see T below. Run from this directory."""
import os

T = {n: i for i, n in enumerate([
    "hs", "echo", "ping", "inspect", "hs_noapp", "hs_login_wrong", "nope", "event",
    "p_details", "p_roomadd", "p_say", "p_action", "p_pong", "p_id", "p_roomleave", "p_quit",
    "p_doc", "notjson", "empty", "hs_restore_unknown"])}
CODES = [1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1015, 999, 0, 2999,
         3000, 4999, 5000, 65535]
JSTP, PRIMUS = 0, 1
WHOLE = [0, 0, 0, 0]  # read sizes: one size, 0 = 64 KiB at once


def reads(*sizes):
    out = [len(sizes) - 1]
    for s in sizes:
        out += [s >> 8, s & 0xff]
    return out


def msg(name, parts=1, flags=0):
    return [0, T[name], parts - 1, flags]


def ping(payload=b"", pong=False, fin=True, flags=0):
    return [2, (1 if pong else 0) | (0 if fin else 2), flags, len(payload)] + list(payload)


def close(code=None, reason=b"", one=None, flags=0):
    if one is not None:
        return [3, 1, flags, one]
    if code is None:
        return [3, 0, flags]
    return [3, CODES.index(code) + (len(CODES) if CODES.index(code) < 2 else 0), flags, len(reason)] + list(reason)


def raw_frame(b0, payload=b"", flags=0):
    return [1, b0, flags, len(payload)] + list(payload)


def oversize16(length, follow=b"", binary=False):
    return [4, (2 if binary else 0), length >> 8, length & 0xff, len(follow)] + list(follow)


def oversize64(length8, follow=b""):
    return [4, 1] + list(length8) + [len(follow)] + list(follow)


def raw(data):
    return [5, len(data)] + list(data)


def bad_utf8(name, bad=0, pos=3, parts=1):
    return [6, T[name], bad, pos, parts - 1, 0]


def binary(name, parts=1):
    return [7, T[name], parts - 1, 0]


def seed(config, request, sizes, *ops):
    """request: an index in REQUESTS, or bytes for a raw request (index 9, then its length and bytes)."""
    if isinstance(request, bytes):
        out = [config, 9, len(request)] + list(request) + sizes
    else:
        out = [config, request] + sizes
    for o in ops:
        out += o
    return bytes(out)


SEEDS = {
    "jstp-handshake-call": seed(0, JSTP, WHOLE, msg("hs"), msg("echo"), msg("ping"), msg("inspect")),
    "jstp-handshake-call-trickled": seed(0, JSTP, reads(1), msg("hs"), msg("echo")),
    "jstp-split-reads": seed(0, JSTP, reads(7, 3, 100), msg("hs", flags=2), msg("echo", 3), msg("event")),
    "jstp-unknown-app": seed(0, JSTP, WHOLE, msg("hs_noapp")),
    "jstp-login-wrong": seed(0, JSTP, WHOLE, msg("hs_login_wrong")),
    "jstp-restore-unknown": seed(0, JSTP, WHOLE, msg("hs_restore_unknown")),
    "jstp-call-before-handshake": seed(0, JSTP, WHOLE, msg("echo")),
    "jstp-not-mdsf": seed(0, JSTP, WHOLE, msg("hs"), msg("notjson"), msg("empty")),
    "primus-actions": seed(0, PRIMUS, WHOLE, msg("p_details"), msg("p_roomadd"), msg("p_say"), msg("p_action"),
                           msg("p_pong"), msg("p_id"), msg("p_roomleave"), msg("p_doc")),
    "primus-quit": seed(0, PRIMUS, WHOLE, msg("p_details"), msg("p_quit"), msg("p_details")),
    "primus-trickled": seed(0, PRIMUS, reads(1, 2), msg("p_roomadd"), msg("p_say", 2)),
    "primus-not-json": seed(0, PRIMUS, WHOLE, msg("notjson"), msg("empty")),
    "fragmented": seed(0, PRIMUS, WHOLE, msg("p_say", 4), msg("p_details", 2, flags=1)),
    "fragmented-jstp": seed(0, JSTP, reads(5), msg("hs", 4), msg("echo", 3)),
    "ping-pong": seed(0, PRIMUS, WHOLE, ping(b"hello"), ping(b"x", pong=True), ping(), msg("p_details")),
    "ping-over-125": seed(0, PRIMUS, WHOLE, ping(b"p" * 126)),
    "ping-fragmented": seed(0, JSTP, WHOLE, ping(b"x", fin=False)),
    "ping-between-fragments": seed(0, PRIMUS, WHOLE, raw_frame(0x01, b'{"event":'), ping(b"in"),
                                   raw_frame(0x80, b'"detailsView"}')),
    "close-normal": seed(0, JSTP, WHOLE, msg("hs"), close(1000, b"bye")),
    "close-empty": seed(0, PRIMUS, WHOLE, close()),
    "close-one-byte": seed(0, PRIMUS, WHOLE, close(one=3)),
    "close-invalid-code": seed(0, PRIMUS, WHOLE, close(1005)),
    "close-app-code": seed(0, JSTP, WHOLE, close(4999, b"app")),
    "close-bad-reason": seed(0, PRIMUS, WHOLE, close(1000, b"\xff\xfe")),
    "close-then-more": seed(0, PRIMUS, WHOLE, close(1001), msg("p_details")),
    "bad-utf8-primus": seed(0, PRIMUS, WHOLE, bad_utf8("p_details", 0, 5)),
    "bad-utf8-jstp": seed(0, JSTP, WHOLE, msg("hs"), bad_utf8("echo", 2, 4)),
    "bad-utf8-split-fragments": seed(0, PRIMUS, WHOLE, bad_utf8("p_say", 3, 10, 3)),
    "utf8-split-over-fragments": seed(0, PRIMUS, WHOLE, raw_frame(0x01, b'"\xe2\x82'), raw_frame(0x80, b'\xac"')),
    "binary": seed(0, PRIMUS, WHOLE, binary("p_details")),
    "binary-jstp": seed(0, JSTP, WHOLE, msg("hs"), binary("echo", 2)),
    "oversize-frame-16": seed(1, PRIMUS, WHOLE, oversize16(200, b"x" * 10)),
    "oversize-frame-64": seed(0, JSTP, WHOLE, oversize64(b"\x00\x00\x00\x00\x7f\xff\xff\xff", b"x")),
    "oversize-frame-64-top-bit": seed(0, JSTP, WHOLE, oversize64(b"\x80\x00\x00\x00\x00\x00\x00\x01")),
    "oversize-message": seed(1 | 4, PRIMUS, WHOLE, msg("p_say", 1), raw_frame(0x01, b"a" * 100),
                             raw_frame(0x80, b"b" * 100)),
    "oversize-jstp-handshake-cap": seed(2 | 12, JSTP, WHOLE, raw_frame(0x81, b"{handshake:[0,'" + b"a" * 200 + b"']}")),
    "length-16-for-small": seed(0, PRIMUS, WHOLE, msg("p_details", flags=2), msg("p_id", flags=4)),
    "unmasked": seed(0, PRIMUS, WHOLE, msg("p_details", flags=1)),
    "reserved-bits": seed(0, PRIMUS, WHOLE, raw_frame(0xC1, b'"primus::id::"')),
    "reserved-opcode": seed(0, JSTP, WHOLE, raw_frame(0x83, b"x"), ),
    "reserved-control-opcode": seed(0, PRIMUS, WHOLE, raw_frame(0x8B)),
    "continuation-first": seed(0, PRIMUS, WHOLE, raw_frame(0x80, b"x")),
    "text-inside-fragments": seed(0, PRIMUS, WHOLE, raw_frame(0x01, b"x"), raw_frame(0x81, b"y")),
    "foreign-origin": seed(0, 2, WHOLE, msg("hs")),
    "no-subprotocol": seed(0, 3, WHOLE, msg("hs")),
    "no-upgrade": seed(0, 4, WHOLE),
    "wrong-version": seed(0, 5, WHOLE),
    "post-upgrade": seed(0, 6, WHOLE),
    "unknown-path": seed(0, 7, WHOLE),
    "no-key": seed(0, 8, WHOLE),
    "raw-request": seed(16, b"GET /primus HTTP/1.1\r\nHost: \x00\xff\r\n\r\n", WHOLE),
    "raw-request-lowercase-upgrade": seed(0, b"GET /primus/x HTTP/1.1\r\nhost: h\r\nupgrade: WebSocket\r\nconnection: keep-alive, upgrade\r\n"
                                             b"sec-websocket-key: AAAAAAAAAAAAAAAAAAAAAA==\r\nsec-websocket-version: 13\r\n\r\n",
                                             WHOLE, msg("p_id")),
    "raw-garbage-request": seed(0, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\x00", reads(1)),
    # finding 1: upgrades Netty's handshake refuses (400) were closed through its WebSocket stage, which
    # first wrote a close frame object to the never-upgraded connection; the router now answers them
    "finding-upgrade-token-list": seed(0, b"GET /primus HTTP/1.1\r\nHost: h\r\nUpgrade: websocket, h2c\r\nConnection: Upgrade\r\n"
                                          b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", WHOLE),
    "finding-upgrade-no-version": seed(0, b"GET /primus HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                          b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", WHOLE),
    "finding-upgrade-no-connection-token": seed(0, b"GET /jstp HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n"
                                                   b"Sec-WebSocket-Protocol: metarhia-jstp\r\n"
                                                   b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", WHOLE),
    "request-then-garbage": seed(0, PRIMUS, WHOLE, raw(bytes(range(256))[:200])),
}

if __name__ == "__main__":
    os.makedirs("inbound", exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join("inbound", "seed-" + name), "wb") as f:
            f.write(data)
    print(len(SEEDS), "seeds")
