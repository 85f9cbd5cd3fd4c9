"""Run a C parser on hostile input in a forked child, bounded in time and memory.

A signal cannot stop PDFium inside one call, and a few hundred kilobytes of PDF
can make it allocate gigabytes (a content stream inflating to millions of text
objects). So the work runs in a child process with an address-space limit, and
the parent kills it at the deadline; either way the caller gets `PageOverLimit`
with one line of reason, and this process never holds what the child allocated.
Without `fork` (not on Linux or macOS) the work runs in this process, unbounded.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from rightsdesk.clean.limits import PageOverLimit

T = TypeVar("T")
READ_CHUNK = 1 << 16
STATM = "/proc/self/statm"  # the process's address-space size, in pages


def run_bounded(work: Callable[[], T], *, seconds: float, memory_bytes: int, what: str) -> T:
    """work() in a child allowed `memory_bytes` more address space and `seconds`;
    its PageOverLimit comes back as is, any other failure as PageOverLimit."""
    if not hasattr(os, "fork"):
        return work()
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(work, writable, memory_bytes, what)
    os.close(writable)
    payload: bytes | None = None
    try:
        payload = _read_all(readable, time.monotonic() + seconds)
    finally:
        os.close(readable)
        if payload is None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if payload is None:
        raise PageOverLimit(f"{what} took longer than {seconds:g} s")
    if not payload:
        raise PageOverLimit(f"{what} failed: {_death(status, memory_bytes)}")
    kind, value = pickle.loads(payload)
    if kind == "refused":
        raise PageOverLimit(value)
    return value


def _child(work: Callable[[], object], out: int, memory_bytes: int, what: str) -> None:
    """Run work under the memory limit and write ("done" | "refused", value) to `out`."""
    code = 0
    faulthandler.disable()  # an abort on the memory limit is expected, not a crash to dump
    try:
        _limit_memory(memory_bytes)
        try:
            result: tuple[str, object] = ("done", work())
        except PageOverLimit as over:
            result = ("refused", over.reason)
        except MemoryError:
            result = ("refused", f"{what} needs over {memory_bytes // 2**20} MB of memory")
        except Exception as exc:  # a parser's bug on hostile input: one line, not a crash
            summary = " ".join(str(exc).split())[:200]
            result = ("refused", f"{what} failed ({type(exc).__name__}: {summary})")
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(out, "wb") as stream:
            stream.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _limit_memory(extra: int) -> None:
    """Cap the child's address space at what it has now plus `extra` bytes (Linux)."""
    if not os.path.exists(STATM):
        return
    with open(STATM) as statm:
        pages = int(statm.read().split()[0])
    cap = pages * resource.getpagesize() + extra
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _death(status: int, memory_bytes: int) -> str:
    """Why a child wrote nothing: killed by a signal (an allocation refused) or exited."""
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return f"the reader died ({name}), likely over {memory_bytes // 2**20} MB of memory"
    return f"the reader exited with status {os.WEXITSTATUS(status)}"
