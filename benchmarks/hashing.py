"""What one password check costs on this box: most of a login (the login storm's ceiling
is about cores ÷ (this + the rest of a login)), so a figure from another box can be
compared only together with it."""

import statistics
import time
from importlib.metadata import distribution

CHECKS = 10


def password_check() -> str:
    from argon2.low_level import Type, hash_secret, verify_secret

    from accounts.hashers import Argon2idHasher as Hasher

    params = {
        "time_cost": Hasher.time_cost,
        "memory_cost": Hasher.memory_cost,
        "parallelism": Hasher.parallelism,
    }
    stored = hash_secret(b"bench", b"bench-salt-16byt", hash_len=32, type=Type.ID, **params)
    timings = []
    for _ in range(CHECKS):
        start = time.process_time()
        verify_secret(stored, b"bench", Type.ID)
        timings.append((time.process_time() - start) * 1000)
    return (
        f"Argon2id m={Hasher.memory_cost // 1024} MiB t={Hasher.time_cost} "
        f"p={Hasher.parallelism}: {statistics.median(timings):.1f} ms of one core "
        f"({_build()})"
    )


def _build() -> str:
    # A wheel built here is tagged for this platform only (…-linux_x86_64); PyPI's are
    # manylinux/musllinux wheels compiled for any processor of the architecture.
    wheel = distribution("argon2-cffi-bindings").read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in wheel.splitlines() if line.startswith("Tag:")]
    if any("manylinux" in tag or "musllinux" in tag or "macosx" in tag for tag in tags):
        return "PyPI wheel, built for any processor"
    return "built on this machine by make install"
