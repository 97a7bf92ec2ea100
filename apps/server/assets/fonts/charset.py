#!/usr/bin/python3
"""Writes charset.txt: the characters the vendored CJK font must cover.

GB 2312's 6,763 hanzi (rows 16-87) and its symbols (rows 1-9), plus every
non-ASCII character in the repository's TypeScript sources (demo seed, locale
files, document texts), so every name the demo shows prints. ASCII, Latin-1,
CJK punctuation and full-width forms are added by --unicodes in the subset
command (see README.md). Run from this folder: /usr/bin/python3 charset.py
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[4]
SCANNED = ["apps/server/src", "apps/web/src", "packages/contracts/src"]

chars = set()
for hi in range(0xA1, 0xF8):
    if 0xAA <= hi <= 0xAF:  # unassigned rows 10-15
        continue
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for folder in SCANNED:
    for path in sorted((ROOT / folder).rglob("*.ts*")):
        chars.update(c for c in path.read_text("utf-8") if ord(c) > 0x7F)
chars = {c for c in chars if c.isprintable() and not (0xD800 <= ord(c) <= 0xDFFF)}
out = "".join(sorted(chars))
pathlib.Path(__file__).with_name("charset.txt").write_text(out + "\n", "utf-8")
hanzi = sum(1 for c in chars if 0x4E00 <= ord(c) <= 0x9FFF)
print(f"{len(chars)} characters, {hanzi} hanzi")
