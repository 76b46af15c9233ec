#!/usr/bin/env python3
"""Opens every exported zip (the brat `.brat.zip`) with readers that share no code with the app.

    python3 tests/interop/check_zip.py [--unzip] target/interop

For each `*.zip` under the folder (found recursively):
  - Python's `zipfile` reads the central directory and `testzip()` checks every entry's CRC-32
    (the app's own reader and the Rust test reader do not check CRCs);
  - every entry name is UTF-8: either flagged as UTF-8 (general purpose bit 11) or plain ASCII,
    so no reader falls back to code page 437; names are relative, with no `..`;
  - the brat folder is complete: one `<id>.txt`, one `<id>.ann` beside it, `annotation.conf` and
    `visual.conf`; the `.txt`, `.ann` and `.conf` files decode as strict UTF-8;
  - every text-bound line of the `.ann` (`T…`) has fragments inside the text, and a
    one-fragment span's quote equals the text at its offsets, counted in code points;
  - `unzip -tq` (Info-ZIP) must accept the file too: always with `--unzip` (what
    scripts/test.sh passes; scripts/setup.sh --tests installs unzip), else when it is on the PATH.

Prints one line per zip (`<path>: ok, …`) and exits non-zero on the first problem, or when no
zip was found at all.
"""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

UTF8_NAME_FLAG = 0x800


def fail(path, message):
    print(f"{path}: {message}", file=sys.stderr)
    sys.exit(1)


def check_names(path, infos):
    for info in infos:
        if not info.flag_bits & UTF8_NAME_FLAG and not info.filename.isascii():
            fail(path, f"entry name {info.filename!r} is not ASCII and not flagged as UTF-8")
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
            fail(path, f"entry name {info.filename!r} is not a plain relative path")


def utf8(path, archive, name):
    try:
        return archive.read(name).decode("utf-8")
    except UnicodeDecodeError as e:
        fail(path, f"{name} is not UTF-8 ({e})")


def check_ann(path, ann_name, ann, text):
    spans = 0
    for number, line in enumerate(ann.split("\n"), start=1):
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            fail(path, f"{ann_name} line {number}: expected 3 tab-separated fields")
        _label, _, ranges = fields[1].partition(" ")
        fragments = []
        for fragment in ranges.split(";"):
            start, end = (int(x) for x in fragment.split())
            if not 0 <= start <= end <= len(text):
                fail(path, f"{ann_name} line {number}: {start}–{end} outside the text")
            fragments.append((start, end))
        if len(fragments) == 1:
            start, end = fragments[0]
            if text[start:end] != fields[2]:
                fail(path, f"{ann_name} line {number}: text[{start}:{end}] is "
                           f"{text[start:end]!r}, the quote is {fields[2]!r}")
        spans += 1
    return spans


def check_zip(path, require_unzip):
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            fail(path, f"entry {bad} fails its CRC check")
        infos = archive.infolist()
        check_names(path, infos)
        names = [i.filename for i in infos if not i.is_dir()]
        by_suffix = {s: [n for n in names if n.endswith(s)] for s in (".txt", ".ann")}
        if len(by_suffix[".txt"]) != 1 or len(by_suffix[".ann"]) != 1:
            fail(path, f"expected one .txt and one .ann, found {names}")
        txt_name, ann_name = by_suffix[".txt"][0], by_suffix[".ann"][0]
        if txt_name[:-4] != ann_name[:-4]:
            fail(path, f"{txt_name} and {ann_name} are not a pair")
        folder = str(PurePosixPath(txt_name).parent)
        for conf in ("annotation.conf", "visual.conf"):
            conf_name = conf if folder == "." else f"{folder}/{conf}"
            if conf_name not in names:
                fail(path, f"{conf_name} is missing (entries: {names})")
            utf8(path, archive, conf_name)
        text = utf8(path, archive, txt_name)
        spans = check_ann(path, ann_name, utf8(path, archive, ann_name), text)
    if require_unzip and not shutil.which("unzip"):
        fail(path, "unzip is not installed (scripts/setup.sh --tests installs it)")
    if shutil.which("unzip"):
        result = subprocess.run(["unzip", "-tq", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            fail(path, f"unzip -t rejects it: {result.stdout}{result.stderr}".strip())
        tools = "zipfile + unzip -t"
    else:
        tools = "zipfile (unzip not installed)"
    print(f"{path}: ok, {len(names)} entries, CRCs checked, {spans} spans ({tools})")


def main():
    args = sys.argv[1:]
    require_unzip = "--unzip" in args
    args = [a for a in args if a != "--unzip"]
    top = Path(args[0] if args else "target/interop")
    zips = sorted(top.rglob("*.zip"))
    if not zips:
        fail(top, "no zip found to check (did the interop samples get written?)")
    for path in zips:
        check_zip(path, require_unzip)


if __name__ == "__main__":
    main()
