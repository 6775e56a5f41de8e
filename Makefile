# Streamwarden — `make run` builds and opens the desktop app, `make test`
# runs every test. Both install what a fresh Debian/Ubuntu machine lacks.

SHELL         := /bin/bash
.SHELLFLAGS   := -eu -o pipefail -c
WAILS_VERSION := v2.15.0
GOBIN         := $(shell go env GOPATH)/bin
WAILS         := $(GOBIN)/wails
VERSION       ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS       := -s -w -X github.com/streamwarden/streamwarden/app.version=$(VERSION)
# Never ./...: an npm package under frontend/node_modules ships Go files.
GO_PKGS       := . ./app/... ./backend/...
BIN           := build/bin
IMAGE         ?= streamwarden:latest

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

.PHONY: deps
deps: ## install the system packages the desktop build needs
	@build/scripts/install-deps.sh desktop

.PHONY: test-deps
test-deps: ## install the system packages the tests need
	@build/scripts/install-deps.sh desktop test

$(WAILS):
	go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

.PHONY: wails-cli
wails-cli: $(WAILS) ## install the pinned Wails CLI
	@$(WAILS) version | grep -qx '$(WAILS_VERSION)' || go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

.PHONY: npm
npm: frontend/node_modules/.package-lock.json ## install the frontend packages

.PHONY: frontend
frontend: npm ## build the frontend into frontend/dist
	cd frontend && npm run build

.PHONY: build
build: deps wails-cli npm ## build the desktop app into build/bin/streamwarden
	$(WAILS) build -ldflags "-X github.com/streamwarden/streamwarden/app.version=$(VERSION)"

.PHONY: run
run: build ## build and open the desktop app
	./$(BIN)/streamwarden

.PHONY: server
server: frontend ## build the static headless server build/bin/streamwarden-server
	CGO_ENABLED=0 go build -trimpath -tags headless -ldflags "$(LDFLAGS)" -o $(BIN)/streamwarden-server .

.PHONY: docker
docker: server ## build the Docker image (FROM scratch)
	build/scripts/ensure-docker.sh
	docker build -f build/docker/Dockerfile -t $(IMAGE) .

.PHONY: bindings
bindings: wails-cli ## regenerate frontend/wailsjs from the Go services
	$(WAILS) generate module

.PHONY: test
test: test-deps wails-cli npm test-go test-bindings test-js test-e2e test-desktop test-docker ## run every test
	@echo "make test: all suites passed"

.PHONY: test-go
test-go: ## Go vet and tests (race detector), inside a private D-Bus with a real keyring
	go vet $(GO_PKGS)
	go vet -tags headless $(GO_PKGS)
	build/scripts/private-dbus.sh go test -race -shuffle=on -count=1 $(GO_PKGS)
	build/scripts/private-dbus.sh go test -race -shuffle=on -count=1 -tags headless ./app/...

.PHONY: test-bindings
test-bindings: wails-cli ## the committed frontend/wailsjs matches the Go code
	$(WAILS) generate module
	@git -c core.fileMode=false diff --exit-code -- frontend/wailsjs || { echo "frontend/wailsjs is stale: run make bindings and commit it"; exit 1; }

.PHONY: test-js
test-js: npm ## svelte-check and vitest
	cd frontend && npm run check && npm test

.PHONY: test-e2e
test-e2e: server ## Playwright in headless Chromium against a running streamwarden-server
	build/scripts/e2e.sh $(BIN)/streamwarden-server

.PHONY: test-desktop
test-desktop: build ## start the desktop app under Xvfb and check its window renders
	build/scripts/desktop-smoke.sh $(BIN)/streamwarden $(BIN)/desktop.png

.PHONY: test-docker
test-docker: docker ## run the image and query its health endpoint through a published port
	build/scripts/docker-smoke.sh $(IMAGE)

.PHONY: bench
bench: ## the performance benchmarks (the history one seeds 1,000,000 plays once, in .tmp/bench)
	mkdir -p .tmp/bench
	go test -run '^$$' -bench 'TrackerCycle|RealtimeLatency' -benchtime 200x ./backend/monitor/
	go test -run '^$$' -bench 'LoginMemory' -benchtime 10x ./backend/httpapi/
	STREAMWARDEN_BENCH_DIR=$(CURDIR)/.tmp/bench go test -run '^$$' -bench 'HistoryPage' -benchtime 20x -timeout 30m ./backend/store/
	STREAMWARDEN_BENCH_DIR=$(CURDIR)/.tmp/bench go test -run '^$$' -bench 'RelocateHistory' -benchtime 3x ./backend/service/
	go test -run '^$$' -bench 'Locate' -benchmem ./backend/geo/
	go test -run '^$$' -bench 'GeneratorPlays' ./backend/simulator/

.PHONY: lint
lint: ## gofmt and go vet
	@test -z "$$(gofmt -l app backend main.go)" || { gofmt -l app backend main.go; exit 1; }
	go vet $(GO_PKGS)

.PHONY: clean
clean: ## remove build output
	rm -rf $(BIN)
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
