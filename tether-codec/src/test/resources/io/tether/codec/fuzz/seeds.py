#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (io.tether.codec.fuzz.*FuzzTest).

Each seed is a small binary header (the configuration, see FuzzInput and each target's
Config.consume) followed by the payload. Run from this directory: ./seeds.py
Files named seed-* are rewritten; other files (crash-*, regressions) are kept.
"""
import glob
import os
import struct


def u16(v):
    return struct.pack(">H", v)


def reads(*sizes):  # read sizes block: count byte, then one u16 per size (0 = all at once)
    return bytes([len(sizes) - 1]) + b"".join(u16(s) for s in sizes)


def write(directory, seeds):
    os.makedirs(directory, exist_ok=True)
    for old in glob.glob(os.path.join(directory, "seed-*")):
        os.remove(old)
    for name, data in seeds.items():
        with open(os.path.join(directory, "seed-" + name), "wb") as f:
            f.write(data)


# ---- socket: delimiter idx (0 \n, 1 \r\n, 2 \r, 3 ||, 4 \0), line cap u16 (0 = 1 MiB),
#      maxDataLength u16 (0 = none), JSON token budget idx (0 = default, 1..4 = 1, 3, 16, 1000), reads
def socket(delim=0, line_cap=0, max_data=0, tokens=0, rd=(0,)):
    return bytes([delim]) + u16(line_cap) + u16(max_data) + bytes([tokens]) + reads(*rd)


verbs = b"".join(v + b"\n" for v in [
    b"quit", b"exit", b"documentation", b"paramAdd foo=bar", b"paramDelete foo", b"paramView foo",
    b"paramsView", b"paramsDelete", b"roomAdd defaultRoom", b"roomLeave defaultRoom", b"roomView defaultRoom",
    b"detailsView", b"say defaultRoom hello  world ", b"file index.html", b"file"])
socket_seeds = {
    "verbs": socket() + verbs,
    "verbs-trickled": socket(rd=(1,)) + verbs,
    "inline-actions": socket() + b"status\r\nrandomNumber extra words\r\n\r\n  \nnull\n",
    "json-request": socket() + b'{"action":"cacheTest","params":{"key":"k","value":[1,2.5,true,null,{"a":"b"}]}}\n',
    "json-others": socket(rd=(3, 7)) + b'[1,2]\n"str"\n-12.5e3\ntrue\nfalse\n{"action":null}\n{"params":5}\n{"a":1} x\n',
    "json-token-budget": socket(tokens=2) + b'[{},{},{},{}]\n{"action":"a","params":{}}\n',
    "json-deep": socket() + b"[" * 600 + b"]" * 600 + b"\n",
    "crlf-mixed": socket(rd=(1, 2, 3)) + b"a\nb\rc\r\nd\r\r\n",
    "custom-delimiter": socket(delim=3) + b"a||b\nc\rd||paramsView||roomAdd x|",
    "custom-delimiter-trickled": socket(delim=3, rd=(1,)) + b"say r hi||" + b"x" * 64 + b"|" + b"y||",
    # found by this target: a custom-delimiter line trickled one byte per read was rescanned from its start on
    # every read (Netty's DelimiterBasedFrameDecoder), quadratic: ~4 min of CPU for 1 MiB; see DelimitersFrameDecoderTest
    "custom-delimiter-unterminated-trickled": socket(delim=3, rd=(1,)) + b"x" * 64,
    "nul-delimiter": socket(delim=4, rd=(2,)) + b"quit\x00detailsView\x00",
    "line-too-long": socket(line_cap=16) + b"x" * 17 + b"y" * 16 + b"\nshort\n",
    "data-too-long": socket(max_data=4) + b"abcd\nabcde\n\xc3\xa9\xc3\xa9\n\xc3\xa9\xc3\xa9!\n",
    "utf8-split": socket(rd=(1,)) + "say room é😀\n".encode(),
    "malformed-utf8": socket() + b"say room \xff\xfe\xc3\n\xed\xa0\x80\n",
    "ctrl-d": socket(rd=(1,)) + b"\x04",
    "telnet-ctrl-c": socket(rd=(5,)) + b"\xff\xf4\xff\xfd\x06",
    "unterminated": socket() + b"partial",
}

# ---- mdsf: flags (bit 0 parseMessage, bit 1 UTF-16BE payload), limits: depth, elements, number length (u16, 0 = default)
def mdsf(message=False, utf16=False, depth=0, elements=0, numlen=0):
    return bytes([(1 if message else 0) | (2 if utf16 else 0)]) + u16(depth) + u16(elements) + u16(numlen)


mdsf_values = {
    "undefined": b"undefined", "null": b"null", "true": b"true", "false": b"false",
    "integers": b"[0,-0,1,-1,9007199254740992,9007199254740993,-9007199254740993]",
    "floats": b"[1.5,.5,5.,-2.5e-3,1e999,-1e999,1e-999,NaN,Infinity,-Infinity,+1]",
    "radix": b"[0x1F,-0xffffff,0b101,0o17,0X20000000000001,0x" + b"f" * 256 + b"]",
    "strings": b"['single',\"double\",'esc\\n\\t\\\\\\'\\u00e9\\x41\\u{1F600}','line\\\ncontinued','']",
    "unicode": "['é😀',\"ключ\"]".encode(),
    "array-holes": b"[1,,'x',,]",
    "nested": b"{a:[{b:{c:[[],{}]}}],'x y':\"q\",null:6,class:7,$a:1,_b:2,\\u0061bc:9}",
    "comments": b"// head\n{/* c */a:/**/1 // tail\n,b:[/*x*//*y*/2]}/* end */",
    "duplicate-keys": b"{a:1,b:2,a:3,u:undefined}",
    "json": b'{"call":[1,"testInterface"],"echo":[{"a b":"c","d":[1,2,{"e":null}]}]}',
    "trailing-commas": b"{ call: [3, 'calculator'], divide: [ 0x14, .5, ], }",
}
mdsf_seeds = {name: mdsf(message=text.lstrip().startswith((b"{", b"/"))) + text for name, text in mdsf_values.items()}
mdsf_seeds.update({
    "depth-limit": mdsf(depth=3) + b"[[[[]]]]",
    "element-limit": mdsf(message=True, elements=4) + b"{a:[1,'x',null,true]}",
    "number-limit": mdsf(numlen=5) + b"[12345,123456]",
    "long-number": mdsf() + b"0." + b"0" * 300 + b"1e300",
    "syntax-error": mdsf(message=True) + b"{call:[15,'x'],y:[}",
    "unterminated-string": mdsf() + b"'abc",
    "unterminated-comment": mdsf() + b"[1/* x",
    "lone-surrogate-utf16": mdsf(utf16=True) + "['".encode("utf-16-be") + b"\xd8\x00" + "']".encode("utf-16-be"),
})

# ---- jstp: handshake cap u16 (0 = 16 KiB), message cap above it u16 (0 = 8 MiB),
#      handshakeDone before read n-1 (u8, 0 = never), mdsf limits (3 x u16), reads
def jstp(hs=0, msg=0, done=1, depth=0, elements=0, numlen=0, rd=(0,)):
    return u16(hs) + u16(msg) + bytes([done]) + u16(depth) + u16(elements) + u16(numlen) + reads(*rd)


def frames(*texts):
    return b"".join(t.encode() + b"\x00" for t in texts)


all_kinds = frames(
    "{handshake:[0,'testApp']}", "{handshake:[0,'testApp','^1.0.0'],login:['user','secret']}",
    "{handshake:[0,'testApp'],session:['46f9',1]}", "{handshake:[0],ok:'46f967eb'}", "{handshake:[0],ok:6}",
    "{handshake:[0],error:[11]}", "{call:[1,'calculator'],answer:[]}", "{call:[5,'calculator']}",
    "{call:[6,'c'],m:'notArray'}", "{callback:[1],ok:[42]}", "{callback:[-3],error:[1,'Zero division']}",
    "{callback:[2]}", "{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}", "{inspect:[11,'nope']}",
    "{ping:[5]}", "{pong:[-2]}", "{}", "{state:null}", "{foo:[1,'x'],bar:[]}",
    '{"call":[1,"testInterface"],"echo":[{"a b":"c"}],"extra":1}')
jstp_seeds = {
    "all-kinds": jstp() + all_kinds,
    "all-kinds-trickled": jstp(rd=(1, 3)) + all_kinds,
    "before-handshake": jstp(hs=64, msg=1024, done=0) + frames("{handshake:[0,'app']}", "{call:[1,'i'],m:['" + "x" * 80 + "']}"),
    "handshake-then-big": jstp(hs=64, msg=1024, done=2, rd=(26, 200)) + frames("{handshake:[0,'app']}", "{call:[1,'i'],m:['" + "x" * 80 + "']}"),
    "utf8-split": jstp(rd=(1,)) + frames("{call:[1,'i'],echo:['é😀']}"),
    "empty-frame": jstp() + b"\x00{ping:[1]}\x00",
    "invalid-headers": jstp() + frames("{call:null,answer:[]}", "{call:[1.5,'x']}", "{call:[1]}", "{handshake:[0,5]}",
                                      "{callback:[1],ok:5}", "{ping:[9007199254740993]}", "[1]", "{call:[15,'x'],y:[}"),
    "limits": jstp(depth=3, elements=4, numlen=4) + frames("{a:[[[1]]]}", "{call:[1,'i'],m:[1,2,3]}", "{ping:[12345]}"),
    "unterminated": jstp() + b"{call:[1,'i'],m:[",
}

if __name__ == "__main__":
    write("SocketInboundFuzzTestInputs/inbound", socket_seeds)
    write("MdsfFuzzTestInputs/parse", mdsf_seeds)
    write("JstpInboundFuzzTestInputs/inbound", jstp_seeds)
