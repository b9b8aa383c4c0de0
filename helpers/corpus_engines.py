"""Engines of the corpus runner: a local process pool and a Dask cluster (``dask.bag``).

Both take the stream of ``(batch, load errors)`` that ``helpers.corpus`` makes, call ``fn(batch,
options)`` on each batch in a worker, and yield ``(tables, load errors)`` per batch **in input
order**, with a bounded number of batches in flight, so memory stays flat whatever the corpus size.
``fn`` must be importable by the workers (a module-level function of an installed package).
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable, Iterable, Iterator

__all__ = ["run_local", "run_dask", "dask_client"]


def run_local(fn: Callable, batches: Iterable, options: dict, workers: int) -> Iterator[tuple[dict, list]]:
    """Yield (results, load errors) per batch, in input order, at most 2 batches per worker queued."""
    if workers <= 1:
        for batch, errors in batches:
            yield (fn(batch, options) if batch else {}), errors
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending: deque = deque()
        for batch, errors in batches:
            pending.append((pool.submit(fn, batch, options) if batch else None, errors))
            while len(pending) > 2 * workers:
                fut, errs = pending.popleft()
                yield (fut.result() if fut else {}), errs
        while pending:
            fut, errs = pending.popleft()
            yield (fut.result() if fut else {}), errs
    finally:  # on Ctrl-C or an error: drop the queued batches, don't wait for them
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(fn: Callable, batches: Iterable, options: dict, workers: int, client: Any) -> Iterator[tuple[dict, list]]:
    """Like ``_run_local`` on a Dask cluster: windows of batches as ``dask.bag`` partitions."""
    import dask.bag as db

    window = max(2, 2 * workers)
    pending: deque = deque()

    def submit(group):
        bag = db.from_sequence([b for b, _ in group], npartitions=len(group)).map_partitions(
            lambda part: [fn(b, options) for b in part]
        )
        futures = client.compute(bag.to_delayed())
        pending.append((futures, [e for _, e in group]))

    def collect():
        futures, errs = pending.popleft()
        for fut, e in zip(futures, errs):
            (res,) = fut.result() or [{}]
            yield res, e

    group: list = []
    for batch, errors in batches:
        group.append((batch, errors))
        if len(group) >= window:
            submit(group)
            group = []
            while len(pending) > 2:
                yield from collect()
    if group:
        submit(group)
    while pending:
        yield from collect()


def dask_client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster on 127.0.0.1; returns
    (client, cluster or None)."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster
