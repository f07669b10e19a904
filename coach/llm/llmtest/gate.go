package llmtest

import (
	"net/http"
	"sync"
)

// Gate holds a fake server's reply at a point until the test has seen
// what it waits for (a spinner, a piece on screen), so a test never
// depends on how fast the machine runs: a sleep in the handler would.
type Gate struct {
	once sync.Once
	ch   chan struct{}
}

// NewGate returns a gate that holds every handler until Open.
func NewGate() *Gate { return &Gate{ch: make(chan struct{})} }

// Open lets every waiting and later handler through; it may be called
// more than once, from any goroutine.
func (g *Gate) Open() { g.once.Do(func() { close(g.ch) }) }

// Wait blocks until the gate opens or the request ends (the client hung
// up, or the server is closing), and reports whether it opened.
func (g *Gate) Wait(r *http.Request) bool {
	select {
	case <-g.ch:
		return true
	case <-r.Context().Done():
		return false
	}
}
