# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install argon2 migrate demo e2e bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Argon2id (every login's password check) is built for this machine's processor, as
# upstream libargon2 builds by default (-march=native): the PyPI wheel is compiled for
# any x86-64 (SSE2) and takes about twice as long per login where AVX2 or AVX-512 is
# there. Same algorithm and parameters, same stored hashes. Without a compiler the wheel
# stays. A virtualenv moved to another processor must be built with ARGON2_NATIVE=0.
ARGON2_NATIVE ?= 1

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"
	$(MAKE) --no-print-directory argon2
	touch $(STAMP)

argon2: | $(BIN)/python
	if [ "$(ARGON2_NATIVE)" = 1 ]; then \
	  CFLAGS="-O3 -march=native" $(BIN)/pip install --quiet --no-cache-dir --force-reinstall \
	    --no-deps --no-binary argon2-cffi-bindings \
	    "argon2-cffi-bindings==$$($(BIN)/python -c 'from importlib.metadata import version; print(version("argon2-cffi-bindings"))')" \
	  || echo "make: Argon2 not built for this processor (no compiler?): the PyPI wheel stays"; \
	fi

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo --if-empty

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=eios.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=eios.settings.test $(BIN)/python manage.py check

test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

messages: install
	$(BIN)/python manage.py makemessages -l ru --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=benchmarks
	$(BIN)/python manage.py compilemessages -l ru --ignore=.venv

bench: install
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var db.sqlite3
