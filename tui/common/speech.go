package common

import "github.com/coach-tui/coach/coach/llm"

// Speech is how this run takes spoken answers: the recorder to use, and
// the optional transcription endpoint. Audio is always measured here; it
// is sent only to Client, after the user's yes for that endpoint (asked
// by the answer screen and kept in the database).
type Speech struct {
	// Client is the transcription endpoint, nil when it is off.
	Client *llm.Client
	// Problem says why a configured endpoint cannot work (no key).
	Problem string
	// RecordCommand is speech.record_command; "" finds a recorder.
	RecordCommand string
	// Language is the spoken language, "" to let the endpoint tell.
	Language string
	// KeepAudio keeps each recording under the data directory.
	KeepAudio bool
	// Audio is the user's answer about sending recordings this run.
	Audio Consent
}
