"""Errors the CLI turns into one line, kept in a module that imports nothing heavy, so the CLI
can name them without loading spaCy or Dask (``graphbuild --help`` stays fast)."""

from __future__ import annotations


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline is installed."""


class DaskUnavailableError(RuntimeError):
    """The dask extra is not installed, the scheduler cannot be reached, or no worker is left."""


class NoDocumentsError(RuntimeError):
    """A run read no document: it changes nothing (no export replaced, no graph dropped)."""


# seconds a Dask build waits with no worker on the cluster before giving up
DASK_TIMEOUT = 120.0
