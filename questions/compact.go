package questions

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// The compact form is the default bank as length-prefixed fields in a
// fixed order. Decoding slices every text out of the one embedded string,
// so the bank's words cost no heap, and it needs no reflection: a few
// milliseconds and well under a megabyte, where parsing the YAML took tens
// of milliseconds and megabytes.

const compactMagic = "coach-bank-1\n"

// EncodeCompact writes questions in the compact form the program embeds.
func EncodeCompact(qs []*Question) []byte {
	e := &encoder{buf: []byte(compactMagic)}
	e.uint(len(qs))
	for _, q := range qs {
		e.str(q.ID)
		e.str(q.Text)
		e.str(string(q.Kind))
		e.str(q.Category)
		e.uint(len(q.Roles))
		for _, r := range q.Roles {
			e.str(string(r))
		}
		e.uint(q.Difficulty)
		e.uint(int(q.Time / time.Second))
		e.strs(q.Tags)
		e.str(q.Company)
		e.keyPoints(q.KeyPoints)
		e.uint(len(q.FollowUps))
		for _, f := range q.FollowUps {
			e.str(f.Text)
			e.keyPoints(f.KeyPoints)
		}
		e.str(q.Outline)
		e.str(q.Why)
		e.str(q.Source.File)
		e.uint(q.Source.Line)
		e.uint(q.Source.Column)
		e.bool(q.Source.User)
	}
	return e.buf
}

type encoder struct{ buf []byte }

func (e *encoder) uint(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

func (e *encoder) str(s string) {
	e.uint(len(s))
	e.buf = append(e.buf, s...)
}

func (e *encoder) strs(ss []string) {
	e.uint(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) bool(b bool) {
	if b {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func (e *encoder) keyPoints(kps []KeyPoint) {
	e.uint(len(kps))
	for _, kp := range kps {
		e.str(kp.Point)
		e.strs(kp.Terms)
	}
}

// DecodeCompact reads questions written by EncodeCompact. The questions'
// texts share data's memory.
func DecodeCompact(data string) (qs []*Question, err error) {
	d := &decoder{data: data}
	if len(data) < len(compactMagic) || data[:len(compactMagic)] != compactMagic {
		return nil, errors.New("embedded bank: not a compact bank (run go generate ./questions)")
	}
	d.at = len(compactMagic)
	defer func() {
		if r := recover(); r != nil {
			if r != errTruncated {
				panic(r)
			}
			qs, err = nil, fmt.Errorf("embedded bank: cut short at byte %d (run go generate ./questions)", d.at)
		}
	}()
	n := d.uint()
	qs = make([]*Question, n)
	all := make([]Question, n) // one allocation for every question
	for i := range qs {
		q := &all[i]
		q.ID, q.Text, q.Kind, q.Category = d.str(), d.str(), Kind(d.str()), d.str()
		q.Roles = make([]Role, d.uint())
		for j := range q.Roles {
			q.Roles[j] = Role(d.str())
		}
		q.Difficulty = d.uint()
		q.Time = time.Duration(d.uint()) * time.Second
		q.Tags = d.strs()
		q.Company = d.str()
		q.KeyPoints = d.keyPoints()
		if m := d.uint(); m > 0 {
			q.FollowUps = make([]FollowUp, m)
			for j := range q.FollowUps {
				q.FollowUps[j] = FollowUp{Text: d.str(), KeyPoints: d.keyPoints()}
			}
		}
		q.Outline, q.Why = d.str(), d.str()
		q.Source = Source{File: d.str(), Line: d.uint(), Column: d.uint(), User: d.uint() == 1}
		qs[i] = q
	}
	if d.at != len(data) {
		return nil, fmt.Errorf("embedded bank: %d bytes left over (run go generate ./questions)", len(data)-d.at)
	}
	return qs, nil
}

var errTruncated = errors.New("truncated")

type decoder struct {
	data string
	at   int
}

func (d *decoder) uint() int {
	var n uint64
	for shift := 0; ; shift += 7 {
		if d.at >= len(d.data) || shift > 63 {
			panic(errTruncated)
		}
		b := d.data[d.at]
		d.at++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	if n > uint64(len(d.data)) {
		panic(errTruncated) // no count or length is longer than the data
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.at+n > len(d.data) {
		panic(errTruncated)
	}
	s := d.data[d.at : d.at+n]
	d.at += n
	return s
}

// strs reads a list; an empty one is nil, as the YAML parser leaves it.
func (d *decoder) strs() []string {
	n := d.uint()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) keyPoints() []KeyPoint {
	n := d.uint()
	if n == 0 {
		return nil
	}
	out := make([]KeyPoint, n)
	for i := range out {
		out[i] = KeyPoint{Point: d.str(), Terms: d.strs()}
	}
	return out
}
