#!/usr/bin/env python3
"""Measure warta like a user: keystroke latency and terminal traffic through a real pty.

Usage:
    scripts/pty-bench.py [--bin PATH] [--size 120x40] [--repeat N] [--cache-dir DIR] [PATH...]

PATH are the corpus folders/files passed to warta (none: the bundled five-article corpus).
The report (Markdown) goes to stdout, progress to stderr. Python 3.11+ standard library only.

Method
------
Each scenario starts the real binary (default target/release/warta, built with
`cargo build --release` when missing) on a fresh pseudo-terminal of the given size (set with
TIOCSWINSZ before the child starts, so the first frame already has the right size). The child
gets an isolated environment: a temporary HOME, WARTA_DATA_DIR and WARTA_CONFIG (a path that
does not exist, so the defaults apply and no session is restored), TERM=xterm-256color, and
WARTA_CACHE_DIR = --cache-dir or a temporary folder shared by all scenarios of one run (so only
the very first start of a run without --cache-dir is cold).

Everything warta writes is read back, timestamped when `read()` returns and fed to a minimal
terminal model (cursor moves, erase, text with wide characters; colours and modes are
ignored), so the harness can wait for what the user waits for rather than for "some bytes":

  * startup: spawn -> the list pane's title reads "Articles N/M" with M > 0 and without the
    busy marker " …" (the first search has been applied), then the rest of that burst;
  * search, per typed character: "echo" is the time until the search bar row reads
    " / <query typed so far>"; "results" is the time until, in addition, the list title has
    lost its busy marker, plus the rest of that burst (the list redrawn);
  * cursor moves (list `j`/`k`, filter pane, help overlay): these are drawn synchronously, so
    the end is simply the last byte before the output goes quiet. Moves in the list and the
    filter pane are reported in two groups, told apart on the modelled screen: "within the
    page" (at most two rows of that pane changed) and "scrolling the pane" (more changed).
    The list walks down and turns round at the last article; the panes turn round at either
    end (noticed as a key that writes nothing within 300 ms).

A burst ends when no byte arrives for --quiet-ms (default 30 ms). Latencies are always "key
written -> LAST byte of the burst that completed the condition", i.e. the quiet window is not
included; first-byte times are reported too. Bytes per keystroke count everything read
between writing the key and the end of its burst. Between keystrokes the harness pauses
--gap-ms (default 100 ms, about a fast typist's pace); any output arriving in that pause is
reported as "late" bytes: non-zero means a frame came after the harness judged the key done.

Idle: after the first frame and a few moves, the start-up work that follows the first frame
(checking files, grouping copies) is waited out: until a whole second passes without CPU
time (at most 60 s; the table says how long that took). Then 10 s without input: bytes
written and CPU time (utime + stime of all threads, /proc/<pid>/stat, 10 ms ticks).

Statistics: count, median, p95 (nearest rank) and max. Run the script several times when
other work shares the machine; it prints the load average at start and end for that reason.

Limits
------
  * The terminal model knows what ratatui + crossterm emit, not a full VT: scroll regions,
    insert/delete line and character sets are ignored. Widths of East Asian wide/fullwidth
    characters follow Python's unicodedata, which can differ from the unicode-width crate in
    corner cases; only the list title and the search bar need to be read exactly.
  * The "results" condition relies on the list title's " …" marker while a search is in
    flight (src/ui/list.rs). If that marker is removed, "results" degrades to the first frame
    after the echo; late bytes then show up in the "late" column.
  * Timestamps are taken in Python after select()/read(); the harness adds well under 1 ms
    per burst (measured on an idle pty), but Python's own scheduling on a loaded 2-core
    machine adds noise: repeat runs and compare.
  * The pty is local: this measures the program, not an ssh link. Bytes per keystroke are
    what an ssh link would carry (before compression).
"""

from __future__ import annotations

import argparse
import codecs
import datetime
import fcntl
import math
import os
import platform
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# A minimal terminal model

# One escape sequence or C0 control per match: CSI, OSC (BEL or ST terminated), DCS/SOS/PM/APC
# strings, two-byte ESC sequences (with intermediates; not the introducers [ ] P X ^ _, so a
# sequence split across reads waits for its rest), and the C0 controls except ESC itself.
TOKEN = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\"
    r"|\x1b[ -/]*[0-OQ-WYZ\\`a-~]"
    r"|[\x00-\x1a\x1c-\x1f\x7f]"
)


def char_width(c: str) -> int:
    o = ord(c)
    if o < 0x300:
        return 1
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def _narrow_class() -> re.Pattern[str]:
    """A regex for runs of single-width characters below U+3000 (ASCII, Latin, punctuation,
    box drawing, blocks, ...): such runs are copied into the cells in one slice, which keeps
    the model's cost per frame well under a millisecond."""
    spans, start = [], None
    for cp in range(0x20, 0x3000):
        narrow = cp != 0x7F and char_width(chr(cp)) == 1
        if narrow and start is None:
            start = cp
        elif not narrow and start is not None:
            spans.append((start, cp - 1))
            start = None
    if start is not None:
        spans.append((start, 0x2FFF))
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans)
    return re.compile(f"[{body}]*")


NARROW_RUN = _narrow_class()


class Screen:
    """The visible cells of a cols x rows terminal after feeding it what the program wrote."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.saved = (0, 0)
        self.pending = ""  # an escape sequence split across reads
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.replies: list[bytes] = []  # answers to terminal queries, written back by the caller
        self.queries: list[str] = []

    def row(self, y: int) -> str:
        return "".join(self.cells[y])

    def text(self) -> str:
        return "\n".join(self.row(y).rstrip() for y in range(self.rows))

    def feed(self, data: bytes) -> None:
        s = self.pending + self.decoder.decode(data)
        self.pending = ""
        pos = 0
        for m in TOKEN.finditer(s):
            if m.start() > pos:
                self._text(s[pos : m.start()])
            self._control(m.group())
            pos = m.end()
        rest = s[pos:]
        esc = rest.find("\x1b")
        if esc >= 0:
            self.pending = rest[esc:]
            rest = rest[:esc]
        if rest:
            self._text(rest)

    def _text(self, run: str) -> None:
        if self.x + len(run) <= self.cols and NARROW_RUN.fullmatch(run):
            self.cells[self.y][self.x : self.x + len(run)] = list(run)
            self.x += len(run)
            return
        for c in run:
            w = char_width(c)
            if w == 0:
                continue
            if self.x + w > self.cols:
                self.x = 0
                self._linefeed()
            line = self.cells[self.y]
            line[self.x] = c
            if w == 2:
                line[self.x + 1] = ""
            self.x += w

    def _linefeed(self) -> None:
        if self.y + 1 < self.rows:
            self.y += 1
        else:
            self.cells.pop(0)
            self.cells.append([" "] * self.cols)

    def _control(self, seq: str) -> None:
        if len(seq) == 1:
            if seq == "\r":
                self.x = 0
            elif seq == "\n":
                self._linefeed()
            elif seq == "\b":
                self.x = max(0, self.x - 1)
            elif seq == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            return
        if seq[1] == "[":
            self._csi(seq[2:-1], seq[-1])
        elif seq == "\x1b7":
            self.saved = (self.x, self.y)
        elif seq == "\x1b8":
            self.x, self.y = self.saved
        elif seq == "\x1bc":
            self.__init__(self.cols, self.rows)

    def _csi(self, params: str, final: str) -> None:
        private = params[:1] in ("?", ">", "<", "=")
        body = params[1:] if private else params
        nums = [int(p) if p.isdigit() else 0 for p in body.split(";")] if body else []

        def arg(i: int, default: int) -> int:
            return nums[i] if len(nums) > i and nums[i] > 0 else default

        if private:
            if final in "cnu":
                self.queries.append(params + final)
            return
        if final in "Hf":
            self.y = min(self.rows, arg(0, 1)) - 1
            self.x = min(self.cols, arg(1, 1)) - 1
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                self._erase_line(self.y, self.x, self.cols)
                for y in range(self.y + 1, self.rows):
                    self._erase_line(y, 0, self.cols)
            elif mode == 1:
                for y in range(self.y):
                    self._erase_line(y, 0, self.cols)
                self._erase_line(self.y, 0, self.x + 1)
            else:
                for y in range(self.rows):
                    self._erase_line(y, 0, self.cols)
        elif final == "K":
            mode = nums[0] if nums else 0
            start, end = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(mode, (0, self.cols))
            self._erase_line(self.y, start, end)
        elif final == "A":
            self.y = max(0, self.y - arg(0, 1))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + arg(0, 1))
        elif final == "C":
            self.x = min(self.cols - 1, self.x + arg(0, 1))
        elif final == "D":
            self.x = max(0, self.x - arg(0, 1))
        elif final == "G":
            self.x = min(self.cols, arg(0, 1)) - 1
        elif final == "d":
            self.y = min(self.rows, arg(0, 1)) - 1
        elif final == "n" and arg(0, 0) == 6:
            self.replies.append(f"\x1b[{self.y + 1};{self.x + 1}R".encode())
            self.queries.append(params + final)
        elif final == "c":
            # Primary device attributes: a plain VT220-class answer. crossterm sends this after
            # a keyboard-enhancement query and waits for it, so an unanswered query would stall.
            self.replies.append(b"\x1b[?62;22c")
            self.queries.append(params + final)

    def _erase_line(self, y: int, start: int, end: int) -> None:
        self.cells[y][start:end] = [" "] * (end - start)


# What the harness reads off the screen.
# Counts are printed with thousands separators ("Articles 1,005/20,000").
TITLE = re.compile(r"Articles ([\d,]+)/([\d,]+)([^─┐│+|]*)")


def list_title(screen: Screen) -> tuple[int, int, bool] | None:
    """(shown, total, busy) from the list pane's title, or None when it is not on screen."""
    for y in range(screen.rows):
        m = TITLE.search(screen.row(y))
        if m:
            count = lambda g: int(g.replace(",", ""))  # noqa: E731
            return count(m.group(1)), count(m.group(2)), "…" in m.group(3)
    return None


def search_bar(screen: Screen) -> str | None:
    """The query shown in the search bar (cursor cell included as a space), or None."""
    for y in range(screen.rows):
        row = screen.row(y)
        if row.startswith(" / ") and "type / to search" not in row:
            return row[3:].rstrip()
    return None


def pane_columns(screen: Screen, title: str) -> tuple[int, int] | None:
    """The columns [x0, x1) of the bordered pane whose title starts with `title`."""
    for y in range(screen.rows):
        cells = screen.cells[y]
        row = "".join(c or "\0" for c in cells)  # keep one char per cell: indexes are columns
        x0 = row.find("┌ " + title)
        if x0 >= 0:
            x1 = row.find("┐", x0)
            return x0, (x1 + 1 if x1 >= 0 else screen.cols)
    return None


def changed_rows(before: list[list[str]], after: list[list[str]], cols: tuple[int, int]) -> int:
    x0, x1 = cols
    return sum(b[x0:x1] != a[x0:x1] for b, a in zip(before, after))


def list_ready(screen: Screen) -> bool:
    t = list_title(screen)
    return t is not None and t[1] > 0 and not t[2]


def bar_shows(query: str):
    return lambda screen: search_bar(screen) == query.rstrip()


def results_for(query: str):
    return lambda screen: bar_shows(query)(screen) and list_ready(screen)


# ---------------------------------------------------------------------------------------------
# The program on a pty


class Burst:
    """What came back after one write: times are seconds since the write."""

    def __init__(self) -> None:
        self.first: float | None = None
        self.last: float | None = None
        self.met: dict[str, float] = {}
        self.nbytes = 0
        self.timed_out = False
        self.pane_rows: int | None = None  # rows of the moving pane that changed


class Warta:
    def __init__(self, argv: list[str], env: dict[str, str], cols: int, rows: int, quiet: float):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t_spawn = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: become the session leader of the pty and exec
            try:
                os.close(master)
                os.login_tty(slave)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.fd, self.pid = master, pid
        self.screen = Screen(cols, rows)
        self.quiet = quiet
        self.eof = False
        self.exit_status: int | None = None

    # -- reading

    def _read(self, timeout: float) -> tuple[float, bytes] | None:
        if self.eof:
            time.sleep(max(0.0, timeout))
            return None
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed the pty
            data = b""
        t = time.monotonic()
        if not data:
            self.eof = True
            return None
        self.screen.feed(data)
        for reply in self.screen.replies:
            os.write(self.fd, reply)
        self.screen.replies.clear()
        return t, data

    def wait(self, t0: float, conds=None, first_wait: float = 1.0, timeout: float = 30.0) -> Burst:
        """Reads until every condition holds (if any; else until some output arrived or
        `first_wait` passed without any), then until the output is quiet."""
        conds = conds or {}
        b = Burst()
        deadline = t0 + timeout
        while True:
            now = time.monotonic()
            if len(b.met) < len(conds):
                until = deadline
            elif b.last is None and not conds:
                until = t0 + first_wait
            else:
                until = t0 + (b.last if b.last is not None else 0.0) + self.quiet
            if now >= until:
                b.timed_out = len(b.met) < len(conds)
                return b
            got = self._read(until - now)
            if got is None:
                if self.eof and len(b.met) < len(conds):
                    b.timed_out = True
                    return b
                continue
            t, data = got
            rel = t - t0
            if b.first is None:
                b.first = rel
            b.last = rel
            b.nbytes += len(data)
            for name, cond in conds.items():
                if name not in b.met and cond(self.screen):
                    b.met[name] = rel

    def drain(self, seconds: float) -> int:
        """Reads for `seconds`; returns the byte count (output nobody asked for)."""
        end = time.monotonic() + seconds
        n = 0
        while (left := end - time.monotonic()) > 0:
            got = self._read(left)
            if got:
                n += len(got[1])
        return n

    def key(self, data: bytes, conds=None, first_wait: float = 1.0, timeout: float = 30.0) -> Burst:
        t0 = time.monotonic()
        os.write(self.fd, data)
        return self.wait(t0, conds, first_wait, timeout)

    # -- the process

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self) -> float | None:
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def quit(self) -> None:
        for data in (b"\x1b", b"\x1b", b"q"):
            if self._reap():
                break
            try:
                os.write(self.fd, data)
            except OSError:
                break
            self.drain(0.1)
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and not self._reap():
                os.kill(self.pid, sig)
            end = time.monotonic() + 3
            while not self._reap() and time.monotonic() < end:
                self.drain(0.05)
            if self._reap():
                break
        os.close(self.fd)

    def _reap(self) -> bool:
        if self.exit_status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = status
        return self.exit_status is not None


# ---------------------------------------------------------------------------------------------
# Scenarios


def ms(x: float | None) -> float | None:
    return None if x is None else x * 1000


def p95(xs: list[float]) -> float:
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def summary(xs: list[float]) -> tuple[int, float, float, float] | None:
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return len(xs), statistics.median(xs), p95(xs), max(xs)


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path, cache_dir: Path) -> None:
        self.args = args
        self.cols, self.rows = args.cols, args.rows
        self.work = work
        self.cache_dir = cache_dir
        self.env = {
            "HOME": str(work / "home"),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "WARTA_CACHE_DIR": str(cache_dir),
            "WARTA_DATA_DIR": str(work / "data"),
            "WARTA_CONFIG": str(args.config.resolve() if args.config else work / "config.toml"),
        }
        (work / "home").mkdir(exist_ok=True)
        self.argv = [str(args.bin), *[str(p) for p in args.paths]]
        self.total: int | None = None
        self.late = 0
        self.spawns = 0
        self.bad_exits: list[str] = []

    def log(self, msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    def spawn(self) -> tuple[Warta, Burst]:
        # A fresh data dir per process: no restored session, no triage state from before.
        data = self.work / "data"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        self.spawns += 1
        w = Warta(self.argv, self.env, self.cols, self.rows, self.args.quiet)
        b = w.wait(w.t_spawn, {"frame": list_ready}, timeout=self.args.timeout)
        if b.timed_out:
            w.quit()
            raise SystemExit(f"no first frame within {self.args.timeout} s; screen:\n{w.screen.text()}")
        t = list_title(w.screen)
        if t:
            self.total = t[1]
        return w, b

    def move(self, w: Warta, key: bytes, pane: str | None, first_wait: float = 1.0) -> Burst:
        """One move key; notes how many rows of `pane` changed, to tell scrolling apart."""
        before = [row[:] for row in w.screen.cells]
        b = w.key(key, first_wait=first_wait)
        cols = pane_columns(w.screen, pane) if pane else None
        if cols:
            b.pane_rows = changed_rows(before, w.screen.cells, cols)
        return b

    def quit(self, w: Warta) -> None:
        """Quits with `q` (signals only if that fails) and notes any exit other than 0."""
        w.quit()
        st = w.exit_status
        if st is None or not os.WIFEXITED(st) or os.WEXITSTATUS(st) != 0:
            what = "not reaped" if st is None else (
                f"exit {os.WEXITSTATUS(st)}" if os.WIFEXITED(st) else f"signal {os.WTERMSIG(st)}"
            )
            self.bad_exits.append(what)
            self.log(f"  warning: warta ended with {what}")

    def gap(self, w: Warta) -> None:
        self.late += w.drain(self.args.gap)

    # 1. startup
    def startup(self) -> dict:
        rows = []
        for i in range(self.args.starts + 1):
            w, b = self.spawn()
            rss = w.peak_rss_mb()
            rows.append({"first_byte": ms(b.first), "frame": ms(b.last), "rss": rss})
            self.quit(w)
            self.log(f"  start {i}: first frame {ms(b.last):.0f} ms")
        return {"first": rows[0], "rest": rows[1:]}

    # 2. cursor moves
    def moves_list(self) -> dict:
        w, _ = self.spawn()
        total = self.total or 1
        pos, down, out = 0, True, []
        for _ in range(self.args.repeat if total > 1 else 0):
            if down and pos >= total - 1:
                down = False
            elif not down and pos <= 0:
                down = True
            b = self.move(w, b"j" if down else b"k", "Articles")
            pos += 1 if down else -1
            out.append(b)
            self.gap(w)
        self.quit(w)
        return {"bursts": out}

    def moves_in(self, enter: bytes, pane: str | None) -> dict:
        """Moves inside a pane that leaves the detail alone: turn round at either end,
        noticed as a key that changes nothing."""
        w, _ = self.spawn()
        w.key(enter)
        self.gap(w)
        out, down, turns = [], True, 0
        while len(out) < self.args.repeat and turns < 4:
            b = self.move(w, b"j" if down else b"k", pane, first_wait=0.3)
            if b.nbytes == 0:
                down = not down
                turns += 1
                continue
            turns = 0
            out.append(b)
            self.gap(w)
        self.quit(w)
        return {"bursts": out}

    # 3. typing queries
    def search(self) -> dict:
        w, _ = self.spawn()
        if self.args.settle:
            self.settle(w)
        w.key(b"/", {"bar": bar_shows("")})
        self.gap(w)
        per_query: dict[str, list[Burst]] = {q: [] for q in self.args.queries}
        timeouts = 0
        for _ in range(self.args.rounds):
            for q in self.args.queries:
                for i in range(1, len(q) + 1):
                    typed = q[:i]
                    b = w.key(
                        q[i - 1].encode(),
                        {"echo": bar_shows(typed), "results": results_for(typed)},
                        timeout=self.args.timeout,
                    )
                    timeouts += b.timed_out
                    per_query[q].append(b)
                    self.gap(w)
                w.key(b"\x15", {"results": results_for("")}, timeout=self.args.timeout)
                self.gap(w)
        self.quit(w)
        return {"per_query": per_query, "timeouts": timeouts}

    def settle(self, w: "Warta") -> float:
        """Waits until the start-up work is over (a whole second without CPU time, 60 s at
        most); returns the seconds waited."""
        t0 = time.monotonic()
        last = w.cpu_seconds()
        while time.monotonic() - t0 < 60:
            w.drain(1.0)
            now = w.cpu_seconds()
            if now == last:
                break
            last = now
        return time.monotonic() - t0

    # 4. idle
    def idle(self) -> dict:
        w, _ = self.spawn()
        for k in (b"j", b"j", b"k"):
            w.key(k)
        # Start-up work (checking files, grouping copies) runs after the first frame; idle
        # starts once it is over.
        settle = self.settle(w)
        cpu0 = w.cpu_seconds()
        n = w.drain(self.args.idle)
        cpu = w.cpu_seconds() - cpu0
        self.quit(w)
        return {"bytes": n, "cpu": cpu, "seconds": self.args.idle, "settle": settle}


# ---------------------------------------------------------------------------------------------
# Report


def fmt(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "–"
    if value <= target:
        return "met"
    return f"missed ({value / target:.1f}×)" if target > 0 else "missed"


def machine() -> str:
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {mem} RAM, {platform.system()} {platform.release()}"


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def loadavg() -> str:
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def split_scrolling(name: str, target_kb: float, bursts: list[Burst]) -> list[tuple]:
    """Moves within the visible page (at most 2 rows of the pane change: the old and the new
    cursor row) and moves that scroll the pane (every row changes), as separate rows."""
    known = [b for b in bursts if b.pane_rows is not None]
    if not known:
        return [(name, target_kb, bursts)]
    within = [b for b in known if b.pane_rows <= 2]
    scrolling = [b for b in known if b.pane_rows > 2]
    return [
        (f"{name}, within the page", target_kb, within),
        (f"{name}, scrolling the pane", target_kb, scrolling),
    ]


def move_row(name: str, target_kb: float, bursts: list[Burst]) -> str:
    lat = summary([ms(b.last) for b in bursts])
    size = summary([b.nbytes for b in bursts])
    if lat is None or size is None:
        return f"| {name} | 0 | – | – | – | – | – | – | – | ≤ {target_kb:g} KB: – |"
    n, med, p, mx = lat
    _, bmed, bp, bmx = size
    first = summary([ms(b.first) for b in bursts]) or (0, None, None, None)
    return (
        f"| {name} | {n} | {fmt(first[1])} | {fmt(med)} | {fmt(p)} | {fmt(mx)} "
        f"| {bmed:.0f} | {bp:.0f} | {bmx:.0f} "
        f"| ≤ {target_kb:g} KB: {verdict(bp / 1024, target_kb)} |"
    )


def report(b: Bench, res: dict, started: str, load0: str) -> str:
    a = b.args
    out = []
    corpus = " ".join(str(p) for p in a.paths) or "bundled corpus (5 articles)"
    out.append(f"## pty-bench: {corpus}\n")
    built = datetime.datetime.fromtimestamp(a.bin.stat().st_mtime).astimezone().strftime("%Y-%m-%d %H:%M")
    out.append(f"- date: {started}; commit `{commit()}`; binary `{a.bin}` (built {built})")
    out.append(f"- machine: {machine()}; load average {load0} at start, {loadavg()} at end")
    out.append(
        f"- terminal {a.cols}x{a.rows}, TERM=xterm-256color; {b.total} articles; "
        f"quiet window {a.quiet * 1000:.0f} ms, gap {a.gap * 1000:.0f} ms; "
        f"cache dir {'given' if a.cache_dir else 'temporary'}"
    )
    out.append(f"- late bytes (after a key was judged done): {b.late}")
    bad = ", ".join(b.bad_exits) or "none"
    out.append(f"- {b.spawns} processes started; exits other than 0 after `q`: {bad}\n")

    if "startup" in res:
        s = res["startup"]
        out.append("### Startup (spawn → first full frame)\n")
        out.append("| start | n | first byte ms | frame median ms | p95 | max | peak RSS MB | target ≤ 300 ms |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---|")
        f = s["first"]
        label = "first (cold)" if res.get("cold") else "first (warm)"
        out.append(
            f"| {label} | 1 | {fmt(f['first_byte'], 0)} | {fmt(f['frame'], 0)} | | "
            f"| {fmt(f['rss'], 0)} | {verdict(f['frame'], 300)} |"
        )
        st = summary([r["frame"] for r in s["rest"]])
        if st:
            fb = summary([r["first_byte"] for r in s["rest"]])
            rss = max((r["rss"] or 0) for r in s["rest"])
            out.append(
                f"| warm | {st[0]} | {fmt(fb[1], 0)} | {fmt(st[1], 0)} | {fmt(st[2], 0)} "
                f"| {fmt(st[3], 0)} | {fmt(rss, 0)} | {verdict(st[2], 300)} (p95) |"
            )
        out.append("")

    if "moves" in res:
        out.append("### Cursor moves (latency = key → last byte of the frame)\n")
        out.append(
            "| move | n | first byte median ms | median ms | p95 ms | max ms "
            "| bytes median | bytes p95 | bytes max | bytes target (p95) |"
        )
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for name, target, bursts in res["moves"]:
            out.append(move_row(name, target, bursts))
        out.append("")

    if "search" in res:
        sr = res["search"]
        out.append("### Typing a query (per keystroke; echo = typed text on screen, results = list redrawn)\n")
        when = "after the start-up work" if a.settle else "from the first frame, during the start-up work"
        order = f"config {a.config}" if a.config else "default config: relevance order once a query scores"
        out.append(f"Typed {when}; {order}.\n")
        out.append(
            "| query | keys | echo median ms | echo p95 | echo max | results median ms "
            "| results p95 | results max | bytes/key median | bytes/key max |"
        )
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        everything: list[Burst] = []
        for q, bursts in sr["per_query"].items():
            everything += bursts
            out.append(search_row(f"`{q}`", bursts))
        out.append(search_row("**all**", everything))
        echo = summary([ms(x.met.get("echo")) for x in everything])
        resl = summary([ms(x.last) for x in everything if "results" in x.met])
        out.append("")
        if echo and resl:
            out.append(
                f"Targets: echo ≤ 16 ms (max {fmt(echo[3])} ms: {verdict(echo[3], 16)}); "
                f"results median ≤ 50 ms ({fmt(resl[1])} ms: {verdict(resl[1], 50)}), "
                f"p95 ≤ 100 ms ({fmt(resl[2])} ms: {verdict(resl[2], 100)}); "
                f"{sr['timeouts']} keystrokes timed out.\n"
            )

    if "idle" in res:
        i = res["idle"]
        pct = 100 * i["cpu"] / i["seconds"]
        out.append("### Idle\n")
        out.append(
            "| start-up work done after s | seconds | bytes written | CPU ms | CPU % "
            "| target 0 bytes | target < 1 % |"
        )
        out.append("|---:|---:|---:|---:|---:|---|---|")
        out.append(
            f"| {i['settle']:.1f} | {i['seconds']:g} | {i['bytes']} | {i['cpu'] * 1000:.0f} | {pct:.2f} "
            f"| {'met' if i['bytes'] == 0 else 'missed'} | {'met' if pct < 1 else 'missed'} |"
        )
        out.append("")
    return "\n".join(out)


def search_row(name: str, bursts: list[Burst]) -> str:
    echo = summary([ms(b.met.get("echo")) for b in bursts])
    res = summary([ms(b.last) for b in bursts if "results" in b.met])
    size = summary([b.nbytes for b in bursts])
    e = echo or (0, None, None, None)
    r = res or (0, None, None, None)
    s = size or (0, None, None, None)
    return (
        f"| {name} | {len(bursts)} | {fmt(e[1])} | {fmt(e[2])} | {fmt(e[3])} "
        f"| {fmt(r[1])} | {fmt(r[2])} | {fmt(r[3])} | {fmt(s[1], 0)} | {fmt(s[3], 0)} |"
    )


# ---------------------------------------------------------------------------------------------


def ensure_binary(path: Path) -> None:
    if path.exists():
        return
    if path.resolve() != (ROOT / "target/release/warta").resolve():
        raise SystemExit(f"{path} does not exist")
    # Colleagues may be mid-edit: a failing build is retried a few times.
    for attempt in range(5):
        print("building target/release/warta ...", file=sys.stderr)
        if subprocess.run(["cargo", "build", "--release"], cwd=ROOT).returncode == 0:
            return
        time.sleep(60)
    raise SystemExit("cargo build --release kept failing")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Measure warta's latency and terminal traffic through a pseudo-terminal.",
        epilog="Method and limits: see the docstring at the top of this script.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="corpus files or folders (default: bundled)")
    p.add_argument("--bin", type=Path, default=ROOT / "target/release/warta")
    p.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    p.add_argument("--repeat", type=int, default=100, help="keystrokes per move scenario (default 100)")
    p.add_argument("--starts", type=int, default=5, help="warm starts after the first (default 5)")
    p.add_argument("--rounds", type=int, default=3, help="times each query is typed (default 3)")
    p.add_argument(
        "--query", dest="queries", action="append",
        help='query to type (repeatable; default: "presiden", "asn medsos", "kpk")',
    )
    p.add_argument("--cache-dir", type=Path, help="persistent cache dir (default: a temporary one)")
    p.add_argument(
        "--settle", action="store_true",
        help="type queries only once the start-up work (file check, copy grouping) is over",
    )
    p.add_argument(
        "--config", type=Path,
        help="warta config file (default: none), e.g. one with rank_while_typing = false",
    )
    p.add_argument("--quiet-ms", type=float, default=30, help="silence that ends a burst (default 30)")
    p.add_argument("--gap-ms", type=float, default=100, help="pause between keystrokes (default 100)")
    p.add_argument("--idle", type=float, default=10, help="idle seconds (default 10)")
    p.add_argument("--timeout", type=float, default=60, help="seconds to wait for a frame (default 60)")
    p.add_argument(
        "--only", action="append", choices=["startup", "moves", "search", "idle"],
        help="run only these scenarios (repeatable)",
    )
    p.add_argument("--dump", action="store_true", help="print the screen after the first frame and exit")
    a = p.parse_args(argv)
    try:
        a.cols, a.rows = (int(x) for x in a.size.lower().split("x"))
    except ValueError:
        p.error(f"--size: expected COLSxROWS, got {a.size!r}")
    a.queries = a.queries or ["presiden", "asn medsos", "kpk"]
    a.quiet = a.quiet_ms / 1000
    a.gap = a.gap_ms / 1000
    return a


def main(argv: list[str]) -> int:
    a = parse_args(argv)
    ensure_binary(a.bin)
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load0 = loadavg()
    with tempfile.TemporaryDirectory(prefix="pty-bench.") as tmp:
        work = Path(tmp)
        cache = a.cache_dir or work / "cache"
        cache.mkdir(parents=True, exist_ok=True)
        cold = not any(cache.iterdir())
        b = Bench(a, work, cache)
        if a.dump:
            w, burst = b.spawn()
            print(w.screen.text())
            print(f"first frame {ms(burst.last):.1f} ms, {burst.nbytes} bytes; queries {w.screen.queries}")
            w.quit()
            return 0
        only = set(a.only or ["startup", "moves", "search", "idle"])
        res: dict = {"cold": cold}
        if "startup" in only:
            b.log("startup ...")
            res["startup"] = b.startup()
        if "moves" in only:
            b.log("moves ...")
            res["moves"] = [
                *split_scrolling(f"`j`/`k` in the list ({a.cols}x{a.rows}, detail changes)", 8, b.moves_list()["bursts"]),
                *split_scrolling("`j`/`k` in the filter pane (`f`)", 1, b.moves_in(b"f", "Filters")["bursts"]),
                ("`j`/`k` in the help overlay (`?`, scrolls)", 1, b.moves_in(b"?", None)["bursts"]),
            ]
        if "search" in only:
            b.log("search ...")
            res["search"] = b.search()
        if "idle" in only:
            b.log(f"idle {a.idle:g} s ...")
            res["idle"] = b.idle()
        print(report(b, res, started, load0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
