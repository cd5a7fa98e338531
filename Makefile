SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X github.com/transcript-cli/transcript/internal/build.Version=$(VERSION)
REFERENCE := testdata/amazon-2023-q2.en-zh-Hant.txt
FUZZTIME ?= 30s

.PHONY: build run test lint bench fuzz update-golden clean

build: ## build bin/transcript
	go build -trimpath -ldflags '$(LDFLAGS)' -o bin/transcript ./cmd/transcript

run: build ## parse the reference transcript to stdout
	./bin/transcript parse $(REFERENCE)

test: ## run all tests (fuzz targets run on their seed corpus)
	go test -count=1 ./...

lint: ## gofmt, go vet, go mod tidy drift
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...
	go mod tidy -diff

# batchbench times the built binary on a 1,000-file corpus against the
# peers in ../shared/bench (skipped with a note when absent): see its
# package comment. BENCHFLAGS passes it flags (-rounds 9, -out /dev/shm).
BENCHFLAGS ?=

bench: build ## Go benchmarks (MB/s), then end to end against the peers: ratios, -j2, --out-dir, memory, one file
	go test -run='^$$' -bench=. -benchmem ./...
	go run ./internal/tools/batchbench -bin bin/transcript $(BENCHFLAGS)

# Minimising each new input for the default 60 s stalls the fuzzer on our
# kilobyte-sized seeds; 2 s keeps it exploring. FUZZTIME must leave room
# for gathering the baseline over the corpus (a few seconds), or go test
# reports "context deadline exceeded".
fuzz: ## run every fuzz target for FUZZTIME each
	@for pkg in $$(go list ./...); do \
	  for t in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$t"; go test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s $$pkg; \
	  done; \
	done

update-golden: ## rewrite golden files after an intended output change
	go test ./internal/cli ./internal/export ./internal/sentence -run Golden -update

clean:
	rm -rf bin
