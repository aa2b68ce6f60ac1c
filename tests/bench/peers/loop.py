# loop.py PATTERN_FILE TEXT - a Python line loop with one compiled regex,
# counting matching lines: the yardstick for the text extractors.
import re
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    pattern = re.compile(f.read())
count = 0
with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
    for line in f:
        if pattern.search(line):
            count += 1
print(count)
