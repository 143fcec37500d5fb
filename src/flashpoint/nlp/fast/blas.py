"""Faster matrix products for the spaCy model: numpy's BLAS instead of thinc's bundled BLIS.

The model's time goes mostly into dense matrix products (the tok2vec CNNs of the tagger/parser
and of the NER, and the parser's precomputed feature layers). thinc runs them through its
bundled BLIS, which on some CPUs runs a generic kernel: on the 2-core AMD EPYC CI machine numpy's
OpenBLAS multiplies the model's 45,000×288·288×288 products 3× faster on one thread. The weights,
the inputs and the algorithm are unchanged; only the library doing the float multiplication
changes, so annotations match the default ops (checked in the tests on real articles).

BLAS runs with **one thread per process**: a worker uses the one core it is given, and the
``processes``/``ray`` engines do not oversubscribe the machine.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from thinc.api import NumpyOps

__all__ = ["BlasOps", "use_blas"]

_LIMITER = None  # the threadpoolctl limit in force (kept alive for the process)


class BlasOps(NumpyOps):
    """thinc's NumPy ops with ``gemm`` done by ``numpy.matmul`` (the BLAS numpy links)."""

    name = "flashpoint-blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # type: ignore[override]
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return np.matmul(a, b)
        np.matmul(a, b, out=out)
        return out


def limit_blas_threads(threads: int = 1) -> None:
    """Hold numpy's BLAS to ``threads`` threads in this process (idempotent)."""
    global _LIMITER
    if _LIMITER is None:
        from threadpoolctl import threadpool_limits

        _LIMITER = threadpool_limits(limits=threads, user_api="blas")


def use_blas(nlp: Language) -> int:
    """Switch every thinc layer of ``nlp``'s trainable components to :class:`BlasOps`.

    Returns the number of layers switched. Layers on other ops (e.g. a GPU's) are left alone.
    """
    limit_blas_threads(1)
    ops = BlasOps()
    switched = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                switched += 1
    return switched
