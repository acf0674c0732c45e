#!/usr/bin/env python3
"""Baseline for bench/hl7.sh: python3-hl7 (Debian package) parsing and re-encoding the same ORU^R01
messages the .NET codec gets, single-threaded. Usage: hl7_baseline.py MESSAGES_FILE SECONDS
MESSAGES_FILE holds UTF-8 messages separated by 0x1C. Prints one line: messages bytes seconds."""
import sys
import time

import hl7

messages = [m for m in open(sys.argv[1], "rb").read().split(b"\x1c") if m]
seconds = float(sys.argv[2])
# Bytes in, bytes out, as on the .NET side: decode, parse, re-encode.
count = 0
size = 0
# CPU time of this process, like the .NET side: the machine is shared, and "per core" is per CPU second.
start = time.process_time()
while time.process_time() - start < seconds:
    for raw in messages:
        parsed = hl7.parse(raw.decode("utf-8"))
        out = str(parsed).encode("utf-8")
        count += 1
        size += len(raw)
elapsed = time.process_time() - start
print(count, size, elapsed)
