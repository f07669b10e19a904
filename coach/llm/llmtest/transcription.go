package llmtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TranscriptionServer is an /v1/audio/transcriptions endpoint for tests:
// it checks each request is the multipart form go-openai sends (a WAV
// file, the model, verbose_json, word and segment timestamps) and hands it
// to reply with the request's number, from 1; a request that is not that
// form gets a 400 saying what was wrong.
func TranscriptionServer(t testing.TB, model string, reply func(w http.ResponseWriter, r *http.Request, n int)) *httptest.Server {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/audio/transcriptions" || r.Method != http.MethodPost {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f, hdr, err := r.FormFile("file")
		if err != nil {
			http.Error(w, "no file", http.StatusBadRequest)
			return
		}
		defer f.Close()
		head := make([]byte, 4)
		f.Read(head)
		got := []string{string(head), r.FormValue("model"), r.FormValue("response_format"), strings.Join(r.MultipartForm.Value["timestamp_granularities[]"], ",")}
		if want := []string{"RIFF", model, "verbose_json", "word,segment"}; strings.Join(got, " ") != strings.Join(want, " ") || !strings.HasSuffix(hdr.Filename, ".wav") {
			http.Error(w, "bad request: got "+strings.Join(got, " ")+" for "+hdr.Filename, http.StatusBadRequest)
			return
		}
		reply(w, r, int(calls.Add(1)))
	}))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// VerboseJSON writes a verbose_json transcription of text, its words
// spread evenly over duration seconds.
func VerboseJSON(w http.ResponseWriter, text string, duration float64) {
	words := strings.Fields(text)
	var ws []map[string]any
	for i, word := range words {
		start := duration * float64(i) / float64(max(len(words), 1))
		ws = append(ws, map[string]any{"word": word, "start": start, "end": start + duration/float64(max(len(words), 1))})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"task": "transcribe", "language": "english", "duration": duration, "text": text, "words": ws,
		"segments": []map[string]any{{"id": 0, "start": 0, "end": duration, "text": " " + text}},
	})
}
