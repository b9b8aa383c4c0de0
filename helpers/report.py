"""``presslens report``: run ``notebooks/report.ipynb`` for each article and write HTML reports.

Each article's notebook is executed with papermill (parameters injected), exported with nbconvert
through the ``presslens`` template in ``helpers/data/templates`` (JupyterLab's template without
its CDN scripts: the page loads nothing from the network) and written atomically to
``<output>/<article-id>.html``; ``<output>/index.html`` lists every report and every failure.

Kernel start-up dominates the cost of a report, so a ``Renderer`` keeps one kernel and runs every
notebook in it; with ``jobs > 1`` several renderers work in parallel processes.
"""

from __future__ import annotations

import concurrent.futures as cf
import copy
import datetime as dt
import multiprocessing as mp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .article import ArticleError, iter_articles
from .report_index import SUMMARY_MIME, index_page

__all__ = ["render_reports", "write_atomic", "Renderer", "ReportJob", "ReportResult", "NOTEBOOK", "TEMPLATES"]

#: The parameterized report notebook and the nbconvert template folder.
NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "report.ipynb"
TEMPLATES = Path(__file__).resolve().parent / "data" / "templates"
#: Cells with this tag (the notebook's scaffolding) are left out of reports rendered without code.
HIDE_TAG = "report-hide"
#: Run in a new kernel at once, so its imports overlap with the work of the parent process.
WARM_UP = "import helpers.report_sections, helpers.charts"
#: From this many articles on, render in two processes (when there are two cores).
PARALLEL_FROM = 12
#: Seconds to wait for a kernel to answer (generous: a busy machine starts kernels slowly).
START_TIMEOUT = 180
#: Seconds a single cell may run before the report is abandoned.
CELL_TIMEOUT = 600


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class ReportJob:
    """One article to render: where to load it from and the notebook parameters."""

    path: str
    article_id: str
    title: str
    published: str | None = None
    lexicon: list[str] | None = None
    with_code: bool = False


@dataclass
class ReportResult:
    """The rendered page (or the error) and the summary the index shows."""

    job: ReportJob
    html: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


def _kernel_manager(sockets: str | None = None):
    """A kernel manager that always starts *this* interpreter's ipykernel (never a stray kernelspec).

    With ``sockets`` (a private folder), the kernel talks over Unix domain sockets there instead of
    TCP ports: no port is ever reused by a later kernel while an old client could still reach it.
    """
    from ipykernel.kernelspec import get_kernel_dict
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class _ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(resource_dir="", **get_kernel_dict())

    extra = {"transport": "ipc", "ip": os.path.join(sockets, "kernel")} if sockets else {}
    return KernelManager(kernel_name="python3", kernel_spec_manager=_ThisPython(), **extra)


def _engine():
    """papermill's nbclient engine, running in a kernel we keep and closing its client afterwards."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine
    from papermill.log import logger

    class KeptKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, start_timeout=60,
                                     execution_timeout=None, km=None, **_):
            client = PapermillNotebookClient(nb_man, km=km, kernel_name=kernel_name, log=logger,
                                             log_output=log_output, startup_timeout=start_timeout,
                                             timeout=execution_timeout)
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    return KeptKernelEngine


class Renderer:
    """Executes the report notebook in one reused kernel and exports HTML."""

    def __init__(self, notebook: Path = NOTEBOOK) -> None:
        if not Path(notebook).is_file():
            raise FileNotFoundError(f"{notebook}: report notebook not found (run from a presslens checkout)")
        self.km = None
        self._warm = None
        self._sockets: str | None = None
        self._kernel()  # starts importing pandas & co. in the kernel while we import nbconvert here
        import nbformat

        self.notebook = nbformat.read(str(notebook), as_version=4)
        self._exporters: dict[bool, Any] = {}

    def _kernel(self):
        if self.km is None or not self.km.is_alive():
            self.close()
            self._sockets = tempfile.mkdtemp(prefix="presslens-kernel-") if os.name == "posix" else None
            self.km = _kernel_manager(self._sockets)
            env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1",
                   "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
            # The kernel's own stdout/stderr are not inherited: cell output travels over ZMQ, and an
            # inherited descriptor that the parent redirects (pytest's capsys) can stall the kernel.
            self.km.start_kernel(cwd=str(NOTEBOOK.parent), env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                 extra_arguments=["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"])
            # Its own session: clients sharing the manager's session share a socket identity, and
            # the kernel then drops one client's requests.
            from jupyter_client.session import Session

            warm = self.km.client(session=Session(key=self.km.session.key,
                                                  signature_scheme=self.km.session.signature_scheme))
            warm.start_channels()
            warm.execute(WARM_UP, silent=True, store_history=False)
            self._warm = warm
        return self.km

    def exporter(self, with_code: bool):
        if with_code not in self._exporters:
            from nbconvert import HTMLExporter
            from nbconvert.preprocessors import TagRemovePreprocessor

            exp = HTMLExporter(
                template_name="presslens", extra_template_basedirs=[str(TEMPLATES)],
                exclude_input=not with_code, exclude_input_prompt=not with_code,
                exclude_output_prompt=True, embed_images=True)
            if not with_code:  # the notebook's own scaffolding (parameters, imports) means nothing to a reader
                exp.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={HIDE_TAG}), enabled=True)
            self._exporters[with_code] = exp
        return self._exporters[with_code]

    def render(self, job: ReportJob) -> ReportResult:
        """Execute the notebook for ``job``; never raises for a bad article (see ``error``)."""
        import time

        import papermill as pm
        from papermill.engines import papermill_engines

        papermill_engines.register("presslens", _engine())
        t0 = time.perf_counter()
        params = {"article_path": job.path, "article_id": job.article_id, "published": job.published,
                  "lexicon_paths": job.lexicon}
        try:
            nb = pm.execute_notebook(copy.deepcopy(self.notebook), None, parameters=params, km=self._kernel(),
                                     progress_bar=False, log_output=False, cwd=str(NOTEBOOK.parent),
                                     engine_name="presslens", start_timeout=START_TIMEOUT,
                                     execution_timeout=CELL_TIMEOUT)
        except pm.PapermillExecutionError as exc:
            return ReportResult(job, error=f"{exc.ename}: {exc.evalue}", seconds=time.perf_counter() - t0)
        except Exception as exc:  # kernel died, timeout...: the next job gets a fresh kernel
            self.close()
            return ReportResult(job, error=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - t0)
        summary: dict[str, Any] = {}
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            keep = []
            for out in cell.get("outputs", []):
                if SUMMARY_MIME in out.get("data", {}):
                    summary = dict(out["data"][SUMMARY_MIME])
                elif not (out.get("output_type") == "stream" and out.get("name") == "stderr"):
                    keep.append(out)
            cell["outputs"] = keep
        nb.metadata["title"] = job.title
        body, _ = self.exporter(job.with_code).from_notebook_node(nb)
        return ReportResult(job, html=body, summary=summary, seconds=time.perf_counter() - t0)

    def close(self) -> None:
        """Shut the kernel down (the next ``render`` starts a fresh one)."""
        if self._warm is not None:
            self._warm.stop_channels()
            self._warm = None
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:
                pass
            self.km.cleanup_resources()
            self.km = None
        if self._sockets is not None:
            shutil.rmtree(self._sockets, ignore_errors=True)
            self._sockets = None


_WORKER: Renderer | None = None


def _worker_render(job: ReportJob) -> ReportResult:
    global _WORKER
    if _WORKER is None:
        _WORKER = Renderer()
        import atexit

        atexit.register(_WORKER.close)
    return _WORKER.render(job)


def render_jobs(jobs: Sequence[ReportJob], *, workers: int = 1):
    """Render ``jobs``, yielding each ``ReportResult`` in order as it completes."""
    if workers <= 1 or len(jobs) <= 1:
        r = Renderer()
        try:
            for job in jobs:
                yield r.render(job)
        finally:
            r.close()
        return
    ctx = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from pool.map(_worker_render, jobs)


def _file_name(article_id: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", article_id).strip(".-")[:120] or "article"
    if base.lower() == "index":
        base = "index-article"
    name, n = f"{base}.html", 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}.html"
    taken.add(name.lower())
    return name


def default_workers(n_jobs: int) -> int:
    """Parallel renderers (each holds a kernel and costs a start-up of several seconds).

    A reused kernel renders an article in well under a second, so a second process only pays off
    for many articles and a second core.
    """
    return 1 if n_jobs < PARALLEL_FROM else max(1, min(2, os.cpu_count() or 1))


def render_reports(
    paths: Sequence[str],
    *,
    output: str | Path = "reports",
    published: dt.date | None = None,
    lexicon: Sequence[str] | None = None,
    with_code: bool = False,
    workers: int | None = None,
) -> int:
    """Render one HTML report per article and ``index.html``; returns the exit status.

    Every article that fails to load or analyse is named on stderr with the reason and listed in
    the index; the other reports are still written. Exit status 1 when anything failed.
    """
    out = Path(output)
    jobs: list[ReportJob] = []
    failures: list[tuple[str, str]] = []  # (what, reason)
    for item in iter_articles(paths):
        if isinstance(item, ArticleError):
            print(f"presslens: error: {item}", file=sys.stderr)
            failures.append((item.path or "<input>", item.reason if item.line is None else f"line {item.line}: {item.reason}"))
            continue
        src = item.path or item.url or ""
        jobs.append(ReportJob(str(Path(src).resolve()) if item.path else src, item.id, item.title,
                              str(published) if published else None,
                              [str(Path(x).resolve()) for x in lexicon] if lexicon else None, with_code))
    entries: list[dict[str, Any]] = []
    taken: set[str] = {"index.html"}
    n = workers if workers is not None else default_workers(len(jobs))
    for res in render_jobs(jobs, workers=n):
        job = res.job
        if res.error is not None or res.html is None:
            print(f"presslens: error: {job.path}: report failed: {res.error}", file=sys.stderr)
            failures.append((f"{job.path} ({job.title})", res.error or "no output"))
            continue
        name = _file_name(job.article_id, taken)
        write_atomic(out / name, res.html)
        entries.append({"file": name, **res.summary, "title": job.title})
    index = out / "index.html"
    write_atomic(index, index_page(entries, failures))
    print(index)
    return 1 if failures or not entries else 0
