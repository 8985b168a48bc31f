"""Errors and memory diagnosis shared by the extraction child's modules."""

from __future__ import annotations

BOMB = "compressed content expands beyond the limit"


def near_memory_limit(fraction: float = 0.8) -> bool:
    """True if this process's peak address space came close to RLIMIT_AS:
    libraries report failed allocations in odd ways (lxml: "unknown error",
    zlib: "Error -4"), so a failure near the limit is blamed on memory."""
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit == resource.RLIM_INFINITY or limit <= 0:
            return False
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024 >= fraction * limit
    except (OSError, ValueError, ImportError):
        pass
    return False


class Failed(Exception):
    """Extraction failed with a human-readable reason."""

    def __init__(self, reason: str, code: str = "failed"):
        super().__init__(reason)
        self.reason = reason
        self.code = code
