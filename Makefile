# Two commands for a new user:  `make run` (set up, index corpus/, start the app)
#                               `make test` (set up, run the whole test suite)
# corpus/ is the user's own folder (uploads land there; git ignores it). It starts as a copy of
# the bundled documents in samples/corpus/, which tests read and nothing ever writes to.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
RAY_STAMP := $(VENV)/.ray-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 7860
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install ray-deps index run serve lint test test-fast browser-deps test-fonts bench eval clean

install: $(STAMP)

# torch first, pinned: pip takes the CPU wheel on this disk instead of a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# the first time only: start the user's corpus with the bundled documents
corpus:
	cp -r samples/corpus corpus

index: install corpus
	$(BIN)/qa index

run: index
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

serve: install corpus
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

# Browser tests drive Debian's Chromium; installed here when missing and we may (root + apt).
browser-deps:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: /usr/bin/chromium missing and cannot be installed here: browser tests will be skipped"; fi; }

# The tests also exercise `qa index --engine ray` on a local Ray instance: the optional `ray`
# extra is installed for them (`make run` does not need it).
ray-deps: $(RAY_STAMP)

$(RAY_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,ray]'
	rm -f $(VENV)/.ray-*
	touch $@

# The PDF fixtures of the reader tests have a Cyrillic page, written in Debian's DejaVu Sans.
test-fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	  else echo "note: fonts-dejavu-core missing and cannot be installed here: the PDF reader tests will fail"; fi; }

# ruff (pyproject.toml, [tool.ruff]): pyflakes and pycodestyle, lines up to 120 characters
lint: install
	$(BIN)/ruff check qa tests benchmarks

test: install ray-deps browser-deps test-fonts lint
	$(BIN)/python -m pytest -q

test-fast: install ray-deps test-fonts lint
	$(BIN)/python -m pytest -q -m "not slow and not browser"

eval: install
	$(BIN)/python benchmarks/eval_dev.py

bench: install
	$(BIN)/python benchmarks/eval_dev.py
	$(BIN)/python benchmarks/squad.py

clean:
	rm -rf $(VENV) embeddings/CURRENT embeddings/PREVIOUS embeddings/gen-* benchmarks/out test-output
