"""numpy-BLAS matrix products: same annotations as thinc's default ops, one BLAS thread."""

from __future__ import annotations

import numpy as np
from thinc.api import NumpyOps

from flashpoint.nlp.fast.blas import BlasOps, use_blas
from flashpoint.nlp.model import load_model
from flashpoint.settings import Settings

TEXTS = [
    "Iranian Foreign Minister Mohammad Javad Zarif condemned the U.S. air strikes in Iraq on Monday.",
    "Protesters gathered outside the embassy in Baghdad, and police fired tear gas to disperse them.",
    "The talks in Almaty ended without a deal, a spokesman for the Kyrgyz government said.",
]


def _annotations(nlp, texts):
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)]


def test_gemm_matches_numpy_ops():
    rng = np.random.default_rng(0)
    x = rng.random((7, 5), dtype=np.float32)
    y = rng.random((3, 5), dtype=np.float32)
    want = NumpyOps().gemm(x, y, trans2=True)
    got = BlasOps().gemm(x, y, trans2=True)
    assert got.dtype == np.float32 and np.allclose(got, want, atol=1e-5)
    out = np.zeros((5, 5), dtype=np.float32)
    assert np.allclose(BlasOps().gemm(x, x, out=out, trans1=True), x.T @ x, atol=1e-5)


def test_same_annotations_as_the_default_ops():
    settings = Settings()
    default = load_model(settings.model)
    fast = load_model(settings.model)
    assert use_blas(fast) > 10
    assert _annotations(default, TEXTS) == _annotations(fast, TEXTS)


def test_blas_runs_one_thread_and_pipeline_uses_it(pipeline):
    from threadpoolctl import threadpool_info

    # numpy's BLAS, which BlasOps multiplies with. scipy bundles its own OpenBLAS, loaded only when
    # ingest de-duplicates (datasketch imports scipy) and never running the model's products.
    blas = [pool for pool in threadpool_info()
            if pool["user_api"] == "blas" and "numpy" in pool["filepath"]]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
    ner = pipeline.nlp.get_pipe("ner")
    assert any(isinstance(node.ops, BlasOps) for node in ner.model.walk())


def test_setting_off_keeps_thinc_ops():
    from flashpoint.pipeline import build_pipeline

    nlp = build_pipeline(Settings(blas=False))
    assert not any(isinstance(node.ops, BlasOps) for node in nlp.get_pipe("ner").model.walk())
