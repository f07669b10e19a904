package questions

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// The compact form is the default bank in three parts: a table of every
// count and length in a fixed order, then the texts looked up at start
// (ids, kinds, roles, tags…), then the texts read only when a question is
// shown or scored. Decoding walks the table and slices each text out of
// the one embedded string without reading it, so the bank's words cost no
// heap and, until a question is shown, the cold texts' pages are never
// read into memory. It needs no reflection: about a millisecond, where
// parsing the YAML took tens of milliseconds and megabytes.

const compactMagic = "coach-bank-2\n"

// EncodeCompact writes questions in the compact form the program embeds.
func EncodeCompact(qs []*Question) []byte {
	e := &encoder{}
	e.uint(len(qs))
	for _, q := range qs {
		e.hot(q.ID)
		e.cold(q.Text)
		e.hot(string(q.Kind))
		e.hot(q.Category)
		e.uint(len(q.Roles))
		for _, r := range q.Roles {
			e.hot(string(r))
		}
		e.uint(q.Difficulty)
		e.uint(int(q.Time / time.Second))
		e.uint(len(q.Tags))
		for _, t := range q.Tags {
			e.hot(t)
		}
		e.hot(q.Company)
		e.keyPoints(q.KeyPoints)
		e.uint(len(q.FollowUps))
		for _, f := range q.FollowUps {
			e.cold(f.Text)
			e.keyPoints(f.KeyPoints)
		}
		e.cold(q.Outline)
		e.cold(q.Why)
		e.hot(q.Source.File)
		e.uint(q.Source.Line)
		e.uint(q.Source.Column)
		e.bool(q.Source.User)
	}
	out := []byte(compactMagic)
	out = binary.AppendUvarint(out, uint64(len(e.table)))
	out = binary.AppendUvarint(out, uint64(len(e.hotText)))
	out = append(out, e.table...)
	out = append(out, e.hotText...)
	return append(out, e.coldText...)
}

type encoder struct{ table, hotText, coldText []byte }

func (e *encoder) uint(n int) { e.table = binary.AppendUvarint(e.table, uint64(n)) }

func (e *encoder) hot(s string) {
	e.uint(len(s))
	e.hotText = append(e.hotText, s...)
}

func (e *encoder) cold(s string) {
	e.uint(len(s))
	e.coldText = append(e.coldText, s...)
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
		e.cold(kp.Point)
		e.uint(len(kp.Terms))
		for _, t := range kp.Terms {
			e.cold(t)
		}
	}
}

// DecodeCompact reads questions written by EncodeCompact. The questions'
// texts share data's memory.
func DecodeCompact(data string) (qs []*Question, err error) {
	if len(data) < len(compactMagic) || data[:len(compactMagic)] != compactMagic {
		return nil, errors.New("embedded bank: not a compact bank (run go generate ./questions)")
	}
	d := &decoder{table: data, at: len(compactMagic)}
	defer func() {
		if r := recover(); r != nil {
			if r != errTruncated {
				panic(r)
			}
			qs, err = nil, errors.New("embedded bank: cut short or malformed (run go generate ./questions)")
		}
	}()
	tableLen, hotLen := d.uint(), d.uint()
	start := d.at
	if start+tableLen+hotLen > len(data) {
		panic(errTruncated)
	}
	d.table, d.at = data[start:start+tableLen], 0
	d.hotText = text{data: data[start+tableLen : start+tableLen+hotLen]}
	d.coldText = text{data: data[start+tableLen+hotLen:]}
	n := d.count()
	qs = make([]*Question, n)
	all := make([]Question, n) // one allocation for every question
	for i := range qs {
		q := &all[i]
		q.ID, q.Text, q.Kind, q.Category = d.hot(), d.cold(), Kind(d.hot()), d.hot()
		q.Roles = make([]Role, d.count())
		for j := range q.Roles {
			q.Roles[j] = Role(d.hot())
		}
		q.Difficulty = d.uint()
		q.Time = time.Duration(d.uint()) * time.Second
		q.Tags = d.list(d.hot)
		q.Company = d.hot()
		q.KeyPoints = d.keyPoints()
		if m := d.count(); m > 0 {
			q.FollowUps = make([]FollowUp, m)
			for j := range q.FollowUps {
				q.FollowUps[j] = FollowUp{Text: d.cold(), KeyPoints: d.keyPoints()}
			}
		}
		q.Outline, q.Why = d.cold(), d.cold()
		q.Source = Source{File: d.hot(), Line: d.uint(), Column: d.uint(), User: d.uint() == 1}
		qs[i] = q
	}
	if left := len(d.table) - d.at + len(d.hotText.data) - d.hotText.at + len(d.coldText.data) - d.coldText.at; left != 0 {
		return nil, fmt.Errorf("embedded bank: %d bytes left over (run go generate ./questions)", left)
	}
	return qs, nil
}

var errTruncated = errors.New("truncated")

type decoder struct {
	table             string // every count and length, read in order
	at                int
	hotText, coldText text
}

// text is one region of texts, each taken in turn by its length.
type text struct {
	data string
	at   int
}

func (d *decoder) uint() int {
	var n uint64
	for shift := 0; ; shift += 7 {
		if d.at >= len(d.table) || shift > 63 {
			panic(errTruncated)
		}
		b := d.table[d.at]
		d.at++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	if n > 1<<31 {
		panic(errTruncated) // no count or length is near this
	}
	return int(n)
}

// count reads how many of something follow: each takes at least a byte of
// the table, so a count larger than the table is malformed, not a reason
// to allocate.
func (d *decoder) count() int {
	n := d.uint()
	if n > len(d.table) {
		panic(errTruncated)
	}
	return n
}

func (d *decoder) hot() string  { return d.take(&d.hotText) }
func (d *decoder) cold() string { return d.take(&d.coldText) }

// take slices the next text out of r without reading its bytes.
func (d *decoder) take(r *text) string {
	n := d.uint()
	if r.at+n > len(r.data) {
		panic(errTruncated)
	}
	s := r.data[r.at : r.at+n]
	r.at += n
	return s
}

// list reads a list of texts; an empty one is nil, as the YAML parser
// leaves it.
func (d *decoder) list(next func() string) []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = next()
	}
	return out
}

func (d *decoder) keyPoints() []KeyPoint {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]KeyPoint, n)
	for i := range out {
		out[i] = KeyPoint{Point: d.cold(), Terms: d.list(d.cold)}
	}
	return out
}
