"""numba's file cache is switched on for UMAP's kernels once the cluster stage has run."""

from __future__ import annotations

import numpy as np
import pytest

from localdigest.cluster import reduce
from localdigest.jitcache import enable_numba_cache


@pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning")  # UMAP with a fixed seed
def test_umap_kernels_are_cached_on_disk():
    rng = np.random.default_rng(0)
    reduce(rng.normal(size=(40, 16)).astype(np.float32), 3, seed=1)
    import umap.layouts
    from numba.core.caching import NullCache

    kernel = umap.layouts.clip  # a kernel UMAP does not declare cache=True
    assert not isinstance(kernel._cache, NullCache)
    assert enable_numba_cache() == 0  # nothing left to switch on: every kernel is cached
