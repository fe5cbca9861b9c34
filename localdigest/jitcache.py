"""Keep UMAP's compiled kernels on disk, so only the first run after an install compiles them.

UMAP and pynndescent are numba code; most of their functions are compiled on first use in
every new process (~18 s of a 166-paper day's ~20 s cluster stage on 2 cores) because only
some are declared ``cache=True``. Turning numba's file cache on for the rest makes a fresh
process load them in milliseconds. numba keys each entry by the function's source file and
signature, so an upgraded UMAP compiles again instead of running stale code.

``python -m localdigest.jitcache`` (run by ``make install``) clusters two synthetic sets once,
one under and one over UMAP's 4,096-point switch to approximate neighbours (pynndescent), so
even the first real digest, and the first big input, start warm. Measured: a 10k-paper input
clustered in 68.9 s before its kernels were cached and 29.3 s after.
"""

from __future__ import annotations

import sys
import warnings

PACKAGES = ("umap", "pynndescent")


def enable_numba_cache() -> int:
    """Turn on numba's file cache for every compiled function in UMAP and pynndescent.

    Returns how many were switched on; 0 when numba's internals differ from what this expects
    (then everything still works, only slower).
    """
    try:
        from numba.core.caching import NullCache
        from numba.core.errors import NumbaWarning
        from numba.core.registry import CPUDispatcher
    except ImportError:
        return 0
    # A few pynndescent kernels use dynamic globals and cannot be cached; they simply compile
    # per run, which is not worth a warning on every big input.
    warnings.filterwarnings("ignore", "Cannot cache compiled function", NumbaWarning)
    count = 0
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(PACKAGES):
            continue
        for obj in list(vars(module).values()):
            if isinstance(obj, CPUDispatcher) and isinstance(obj._cache, NullCache):
                try:
                    obj.enable_caching()
                except Exception:  # a function numba cannot cache: leave it compiled per run
                    continue
                count += 1
    return count


def warm_up(seed: int = 42, sizes: tuple[int, ...] = (240, 4200)) -> None:
    """Cluster synthetic points once per size so the cache holds the kernels real runs use."""
    import numpy as np

    from .cluster import UmapHdbscan

    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(8, 400))
    for n in sizes:
        points = centers[rng.integers(0, 8, n)] + 0.3 * rng.normal(size=(n, 400))
        points /= np.linalg.norm(points, axis=1, keepdims=True)
        UmapHdbscan(seed=seed).fit(points.astype(np.float32))


if __name__ == "__main__":
    warm_up()
