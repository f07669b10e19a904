// Package llmtest writes the OpenAI chat-completions wire format, plain JSON
// and server-sent events, so tests of coach/llm, the screens and the built
// binary can point the client at an httptest.Server.
package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// WriteCompletion answers a non-streamed request with content.
func WriteCompletion(w http.ResponseWriter, model, content string) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": time.Now().Unix(), "model": model,
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]string{"role": "assistant", "content": content},
			"finish_reason": "stop",
		}},
		"usage": map[string]int{"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
	})
}

// StartStream sends the event-stream headers and the role-only first chunk.
func StartStream(w http.ResponseWriter, model string) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	writeChunk(w, model, map[string]string{"role": "assistant"}, nil)
}

// Chunk sends one piece of streamed text and flushes it.
func Chunk(w http.ResponseWriter, model, content string) {
	writeChunk(w, model, map[string]string{"content": content}, nil)
}

// Finish sends the last chunk (finish_reason stop) and data: [DONE].
func Finish(w http.ResponseWriter, model string) {
	stop := "stop"
	writeChunk(w, model, map[string]string{}, &stop)
	Raw(w, "data: [DONE]\n\n")
}

// WriteStream answers a streamed request with the pieces, then finishes.
func WriteStream(w http.ResponseWriter, model string, pieces ...string) {
	StartStream(w, model)
	for _, p := range pieces {
		Chunk(w, model, p)
	}
	Finish(w, model)
}

// Raw writes s as is (a malformed chunk, a comment line) and flushes it.
func Raw(w http.ResponseWriter, s string) {
	fmt.Fprint(w, s)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// WriteError answers with an OpenAI-style error body.
func WriteError(w http.ResponseWriter, status int, typ, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	e := map[string]any{"message": message, "type": typ, "param": nil, "code": nil}
	if code != "" {
		e["code"] = code
	}
	json.NewEncoder(w).Encode(map[string]any{"error": e})
}

func writeChunk(w http.ResponseWriter, model string, delta map[string]string, finish *string) {
	b, _ := json.Marshal(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": time.Now().Unix(), "model": model,
		"choices": []map[string]any{{"index": 0, "delta": delta, "finish_reason": finish}},
	})
	Raw(w, "data: "+string(b)+"\n\n")
}
