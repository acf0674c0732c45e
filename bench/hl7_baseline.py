#!/usr/bin/env python3
"""Baseline for bench/hl7.sh: python3-hl7 (Debian package) parsing and re-encoding the same ORU^R01
messages the .NET codec gets, single-threaded. Usage: hl7_baseline.py MESSAGES_FILE SECONDS
MESSAGES_FILE holds UTF-8 messages separated by 0x1C. Prints one line: messages bytes seconds."""
import sys
import time

import hl7

messages = [m for m in open(sys.argv[1], "rb").read().split(b"\x1c") if m]
seconds = float(sys.argv[2])
# Decode outside the timed loop? No: the .NET side decodes bytes too, so python does the same work.
count = 0
size = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    for raw in messages:
        parsed = hl7.parse(raw.decode("utf-8"))
        out = str(parsed).encode("utf-8")
        count += 1
        size += len(raw)
elapsed = time.perf_counter() - start
print(count, size, elapsed)
