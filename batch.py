"""Jobs run in worker processes that a dead worker, a deadline or a signal cannot derail.

`run_jobs(function, jobs, workers, deadline)` calls `function(job)` for every job in up to `workers`
worker processes, one job per worker at a time, and returns one outcome per job in the order of the jobs
(whatever the order they finish in):

- `Done(value)`: what the function returned;
- `Died(exitcode)`: the worker died holding the job (the OOM killer's SIGKILL, a crash in a library);
- `TimedOut(seconds)`: the job was not done `deadline` seconds after its worker took it, and the worker was
  killed: a deadline no library can swallow, unlike an exception raised by a signal handler.

A new worker carries on with the other jobs. An exception the function raises is raised again here: it is
a bug, not a bad job. Workers never outlive the process that started them: they are killed when it leaves
`run_jobs` by any route (an error, `Stopped`), they ignore SIGINT (Ctrl-C reaches the whole process group;
the parent decides), and they end themselves when the parent dies without cleaning up (`kill -9`):
PR_SET_PDEATHSIG where Linux offers it, and a thread watching the parent's pid everywhere.

`stop_on_signals()` turns SIGINT and SIGTERM into `Stopped` in the main process, so clean-up runs and the
command can exit 128 + the signal's number; `signals_held()` holds them back while a step that must not be
cut in two (swapping the output folder into place) runs.
"""
from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait

PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 0.5
JOIN_SECONDS = 10.0


@dataclass(frozen=True)
class Done:
    value: object


@dataclass(frozen=True)
class Died:
    """The worker holding the job ended: killed by signal -exitcode (exitcode < 0), or exited with it."""

    exitcode: int

    def describe(self) -> str:
        if self.exitcode >= 0:
            return f"exited with status {self.exitcode}"
        try:
            name = signal.Signals(-self.exitcode).name
        except ValueError:
            name = f"signal {-self.exitcode}"
        if -self.exitcode == getattr(signal, "SIGKILL", None):
            return f"killed by {name}, as the system does when memory runs out"
        return f"killed by {name}"


@dataclass(frozen=True)
class TimedOut:
    seconds: float


Outcome = Done | Died | TimedOut


class WorkerError(Exception):
    """The traceback, in the worker, of an exception a job raised."""


class CannotStart(Exception):
    """The system refused a new worker process (out of memory, out of processes)."""


# ----------------------------------------------------------------------------- the parent's side

def start_method() -> str:
    """fork where there is one: a worker starts in milliseconds, with everything the parent imported."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class Worker:
    """One worker process, the parent's end of its pipe, and the job it holds."""

    def __init__(self, function: Callable[[object], object]) -> None:
        context = multiprocessing.get_context(start_method())
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=serve, args=(theirs, function, os.getpid()), daemon=True)
        try:
            self.process.start()
        except OSError as exc:
            self.conn.close()
            raise CannotStart(exc.strerror or str(exc)) from exc
        finally:
            theirs.close()
        self.index: int | None = None
        self.since = 0.0

    def give(self, index: int, job: object) -> bool:
        """Hand the worker a job; False when it has died meanwhile."""
        try:
            self.conn.send(job)
        except OSError:
            return False
        self.index, self.since = index, time.monotonic()
        return True

    def collect(self) -> Outcome:
        """The outcome of the job, once the worker's pipe or its process sentinel is ready."""
        try:
            if self.conn.poll():
                reply = self.conn.recv()
                if reply[0] == "done":
                    return Done(reply[1])
                raise reply[1] from WorkerError(reply[2])
        except (EOFError, OSError):
            pass
        self.end(kill=False)
        return Died(self.process.exitcode if self.process.exitcode is not None else -signal.SIGKILL)

    def end(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        self.process.join(JOIN_SECONDS)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_jobs(function: Callable[[object], object], jobs: Iterable[object], workers: int = 1,
             deadline: float | None = None,
             on_outcome: Callable[[int, Outcome], None] | None = None) -> list[Outcome]:
    """One outcome per job, in the order of `jobs`; `on_outcome(index, outcome)` as each one is known."""
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    if deadline is not None and not (math.isfinite(deadline) and deadline > 0):
        raise ValueError(f"deadline must be a positive number of seconds, not {deadline}")
    jobs = list(jobs)
    outcomes: list[Outcome | None] = [None] * len(jobs)
    waiting = deque(range(len(jobs)))
    crew: list[Worker] = []
    finished = False
    try:
        while True:
            hand_out(crew, waiting, jobs, function, min(workers, len(jobs)))
            busy = [worker for worker in crew if worker.index is not None]
            if not busy:
                break
            for worker, outcome in next_outcomes(busy, deadline):
                outcomes[worker.index] = outcome
                if on_outcome:
                    on_outcome(worker.index, outcome)
                worker.index = None
                if not isinstance(outcome, Done):
                    crew.remove(worker)
        finished = True
    finally:
        stop_workers(crew, gently=finished)
    return outcomes


def hand_out(crew: list[Worker], waiting: deque[int], jobs: list[object],
             function: Callable[[object], object], size: int) -> None:
    """Give every idle worker a job, starting workers up to `size` while jobs wait."""
    while waiting:
        idle = next((worker for worker in crew if worker.index is None), None)
        if idle is None:
            if len(crew) >= size:
                return
            idle = Worker(function)
            crew.append(idle)
        index = waiting.popleft()
        if not idle.give(index, jobs[index]):  # it died idle: nothing of the job was done
            waiting.appendleft(index)
            crew.remove(idle)
            idle.end(kill=True)


def next_outcomes(busy: list[Worker], deadline: float | None) -> list[tuple[Worker, Outcome]]:
    """Wait until a busy worker replies, dies or passes its deadline; those workers and their outcomes."""
    timeout = None
    if deadline is not None:
        timeout = max(0.0, min(worker.since for worker in busy) + deadline - time.monotonic())
    ready = set(wait([worker.conn for worker in busy] + [worker.process.sentinel for worker in busy], timeout))
    now = time.monotonic()
    found: list[tuple[Worker, Outcome]] = []
    for worker in busy:
        if worker.conn in ready or worker.process.sentinel in ready:
            found.append((worker, worker.collect()))
        elif deadline is not None and now - worker.since >= deadline:
            worker.end(kill=True)
            found.append((worker, TimedOut(deadline)))
    return found


def stop_workers(crew: list[Worker], gently: bool) -> None:
    """End every worker: idle ones are asked to leave, and any that hold a job or do not leave are killed."""
    for worker in crew:
        if gently and worker.index is None:
            try:
                worker.conn.send(None)
            except OSError:
                pass
    for worker in crew:
        worker.end(kill=not gently or worker.index is not None)


# ----------------------------------------------------------------------------- the worker's side

def serve(conn, function: Callable[[object], object], parent: int) -> None:
    """A worker's life: take a job, send back its outcome, until told to stop or the parent is gone."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = ("done", function(job))
        except Exception as exc:
            reply = ("raised", exc, traceback.format_exc())
        try:
            conn.send(reply)
        except Exception as exc:  # the reply could not be pickled: say why, with the traceback
            conn.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}"), traceback.format_exc()))


def die_with_parent(parent: int) -> None:
    """End this process as soon as `parent` is gone, whatever the process is busy with."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)
    threading.Thread(target=watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


# ----------------------------------------------------------------------------- signals in the main process

class Stopped(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: the run stops and cleans up; the command exits 128 + `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class SignalState:
    """How deep in `signals_held()` blocks the main thread is, and a signal that arrived meanwhile."""

    held = 0
    pending: int | None = None


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM raise `Stopped` (once: clean-up is not cut short by a second).

    A signal the process was started ignoring (`nohup`, a background job) stays ignored. Only the main
    thread can set signal handlers; elsewhere the block runs with the handlers as they are.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def stop(signum: int, frame) -> None:
        nonlocal raised
        if raised:
            return
        if SignalState.held:
            SignalState.pending = signum
            return
        raised = True
        raise Stopped(signum)

    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs; one that arrived is acted on when it ends."""
    SignalState.held += 1
    try:
        yield
    finally:
        SignalState.held -= 1
        if not SignalState.held and SignalState.pending is not None:
            signum, SignalState.pending = SignalState.pending, None
            handler = signal.getsignal(signum)
            if callable(handler):
                handler(signum, None)
