package speech

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Recorder is a program that records the microphone to a WAV file.
type Recorder struct {
	Name string
	// Command is run by sh -c with the file as $1.
	Command string
}

// recorders are tried in order; each records 16 kHz mono 16-bit WAV.
var recorders = []Recorder{
	{"rec", `rec -q -r 16000 -c 1 -b 16 "$1"`},
	{"arecord", `arecord -q -f S16_LE -r 16000 -c 1 "$1"`},
	{"ffmpeg", `ffmpeg -loglevel error -nostdin -f alsa -i default -ac 1 -ar 16000 -y "$1"`},
	{"pw-record", `pw-record --rate 16000 --channels 1 --format s16 "$1"`},
}

// ErrNoRecorder says what to install when no recorder is found.
var ErrNoRecorder = errors.New("no recorder found: install sox (for rec) or alsa-utils (for arecord), or set speech.record_command")

// FindRecorder is the configured command (its {file} is the recording),
// or else the first recorder on the PATH.
func FindRecorder(command string, lookPath func(string) (string, error)) (Recorder, error) {
	if strings.TrimSpace(command) != "" {
		if !strings.Contains(command, "{file}") {
			return Recorder{}, fmt.Errorf("speech.record_command must name the file to write as {file}: %q", command)
		}
		return Recorder{Name: strings.Fields(command)[0], Command: strings.ReplaceAll(command, "{file}", `"$1"`)}, nil
	}
	for _, r := range recorders {
		if _, err := lookPath(r.Name); err == nil {
			return r, nil
		}
	}
	return Recorder{}, ErrNoRecorder
}

// Recording is a recorder running.
type Recording struct {
	Path    string
	Started time.Time
	cmd     *exec.Cmd
	stderr  *bytes.Buffer
	done    chan struct{}
	err     error // set when done is closed
}

// Start runs the recorder, writing to path.
func (r Recorder) Start(path string) (*Recording, error) {
	cmd := exec.Command("sh", "-c", r.Command, "sh", path)
	var stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, &stderr
	setGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.Name, err)
	}
	rec := &Recording{Path: path, Started: time.Now(), cmd: cmd, stderr: &stderr, done: make(chan struct{})}
	running.Store(rec, true)
	go func() {
		rec.err = cmd.Wait()
		running.Delete(rec)
		close(rec.done)
	}()
	return rec, nil
}

// running are the recorders not yet ended: each runs in a process group
// of its own, which a ctrl+c at the terminal does not reach.
var running sync.Map

// StopAll stops every recorder still running, for a program that is
// ending: none is left recording in the background.
func StopAll() {
	running.Range(func(k, _ any) bool {
		_ = k.(*Recording).Stop()
		return true
	})
}

// Failed reports a recorder that stopped by itself with an error (no
// microphone, a busy device), with what it said.
func (rec *Recording) Failed() error {
	select {
	case <-rec.done:
		if rec.err != nil {
			return rec.failure()
		}
	default:
	}
	return nil
}

func (rec *Recording) failure() error {
	msg := strings.TrimSpace(rec.stderr.String())
	if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
		msg = msg[i+1:]
	}
	if msg == "" && rec.err != nil {
		msg = rec.err.Error()
	}
	return fmt.Errorf("the recorder stopped: %s (is a microphone connected, and free?)", msg)
}

// Stop ends the recording the way a user's ctrl+c would, so the recorder
// finishes the file, and waits for it; a recorder that already finished
// by itself (a prepared file copied in) is fine.
func (rec *Recording) Stop() error {
	stopped := false
	select {
	case <-rec.done:
	default:
		stopped = true
		interrupt(rec.cmd)
		select {
		case <-rec.done:
		case <-time.After(3 * time.Second):
			kill(rec.cmd)
			<-rec.done
		}
	}
	// most recorders report our interrupt as a failure, though the file
	// is complete; one that failed by itself did fail
	if rec.err != nil && !(stopped && interrupted(rec.err)) {
		return rec.failure()
	}
	if info, err := os.Stat(rec.Path); err != nil || info.Size() <= 44 {
		if strings.TrimSpace(rec.stderr.String()) != "" {
			return rec.failure() // what it said is the reason
		}
		return errors.New("the recorder wrote nothing: check the microphone, or speech.record_command")
	}
	return nil
}

// Level is the loudness of the last tenth of a second written to a 16-bit
// mono WAV file being recorded, from 0 (silence) to 1 (full scale), for a
// meter; it reads only the file's tail.
func Level(path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	const n = 3200 // 0.1 s at 16 kHz, 16-bit
	info, err := f.Stat()
	if err != nil || info.Size() <= 44+n {
		return 0
	}
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, info.Size()-n); err != nil {
		return 0
	}
	var sum float64
	for i := 0; i+1 < len(buf); i += 2 {
		v := float64(int16(uint16(buf[i])|uint16(buf[i+1])<<8)) / 32768
		sum += v * v
	}
	db := 20 * math.Log10(math.Sqrt(sum/(n/2))+1e-10)
	return min(max((db+60)/60, 0), 1) // -60 dBFS and below is empty
}
