from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id with the OWASP Password Storage Cheat Sheet's first profile (m=19 MiB,
    t=2, p=1): about 20 ms of one core per login, so a morning rush of a whole school
    fits on two cores, while each guess still costs an attacker 19 MiB of memory.
    Django's default (m=100 MiB, t=2, p=8) costs several times more per login."""

    algorithm = "argon2"  # same stored format: existing Argon2 hashes keep verifying
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
