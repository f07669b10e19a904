package prompts

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

func TestInvented(t *testing.T) {
	resume := "Acme Corp, 2019 - 2023. Cut p99 latency by 40% on a service handling 1,200 req/s.\n" +
		"Saved $1.2M a year; 3 years on-call; 99.95% uptime; 10,000 users on EKS and S3."
	cases := []struct {
		name, output string
		sources      []string
		want         []string
	}{
		{"all from resume", "Reduced p99 latency by 40% at 1200 req/s, saving $1.2M over 3 years since 2019.", []string{resume}, nil},
		{"normalised forms", "Cut latency 40 % for 1,200 users and 10k customers, 99.950% uptime, 1.2 million saved.", []string{resume}, nil},
		{"invented", "Cut latency by 55%, served 2.5x more traffic, saved $3M in 2021 with 12 engineers.", []string{resume},
			[]string{"55%", "2.5x", "$3M", "2021", "12"}},
		{"once each, as first written", "Grew by 25% and then by another 25 %.", []string{resume}, []string{"25%"}},
		{"bare number matches any unit", "Kept it at 40 across regions.", []string{resume}, nil},
		{"different unit does not", "Made it 40x faster over 3 months.", []string{resume}, []string{"40x", "3 months"}},
		{"placeholders", "Cut costs by [X%] across [N] services in [Y ms].", []string{resume}, nil},
		{"list numbering and headings", "## 2. Bullet rewrites\n1. Original: cut latency\n2) Rewrite: cut latency\n**3.** Rewrite", []string{resume}, nil},
		{"item labels", "**Question 3:** How did you scale it?\nBullet 2 rewrite: in 4 steps", []string{resume}, []string{"4"}},
		{"inside words", "Moved S3 and EC2 to k8s, p95 under HTTP/2, 5xx alerts, 2FA, IPv6, v1.2.3, the 3rd team.", []string{resume}, nil},
		{"urls", "See https://example.com/2024/07/report for details.", []string{resume}, nil},
		{"posting as second source", "Brings 5+ years of Go and 8 years of Linux.", []string{resume, "We need 5+ years with Go."}, []string{"8 years"}},
		{"years", "Led the migration in 2022.", []string{resume}, []string{"2022"}},
		{"units", "p99 went to 180ms and disk to 4 TB in 2 weeks.", []string{resume}, []string{"180ms", "4 TB", "2 weeks"}},
		{"empty", "", []string{resume}, nil},
		{"no sources", "Grew 10%.", nil, []string{"10%"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Invented(c.output, c.sources...); !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	cases := map[string]string{"1,200": "1200", "1200.0": "1200", "1.2k": "1200", "$1.2M": "1200000",
		"0.5": "0.5", "007": "7", "2.5x": "2.5", "1.25 billion": "1250000000", "10,000,000": "10000000"}
	for in, want := range cases {
		fs := figures(in, false)
		if len(fs) != 1 || fs[0].value != want || in[fs[0].start:fs[0].end] != in {
			t.Errorf("%q: got %+v, want value %s spanning the whole text", in, fs, want)
		}
	}
}

func TestMarkInvented(t *testing.T) {
	resume := "Cut latency by 40% at Acme."
	cases := []struct{ in, want string }{
		{"Cut latency by 40% and costs by 30%.", "Cut latency by 40% and costs by **30%** ⚠."},
		{"**Cut costs by 30%**", "**Cut costs by 30% ⚠**"},
		{"Use `30s` timeouts", "Use `30s ⚠` timeouts"},
		{"Fill in [30%] yourself; 2 of them.", "Fill in [30%] yourself; **2** ⚠ of them."},
		{"A 30%-40% range", "A **30%** ⚠-40% range"},
		{"Nothing to flag at 40%.", "Nothing to flag at 40%."},
		{"The model's own sign goes: 40% ⚠ and 777 ⚠️ ⚠", "The model's own sign goes: 40% and **777** ⚠"},
	}
	for _, c := range cases {
		got, list := MarkInvented(c.in, resume)
		if got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.in, got, c.want)
		}
		if n := strings.Count(got, inventedMark); n < len(list) {
			t.Errorf("%q: %d figures listed, %d marked", c.in, len(list), n)
		}
	}
}

func TestFlagInventedInQuestions(t *testing.T) {
	posting := "Payments team: 5+ years of Go, you will own 3 services handling 2M requests a day."
	q := &questions.Question{
		Text:      "How would you reconcile 37 payment ledgers across the 3 services? ⚠",
		Outline:   "Start with the 2M daily requests, then 15 minute batches.",
		KeyPoints: []questions.KeyPoint{{Point: "Idempotency keys over 5 years of data", Terms: []string{"idempotency"}}, {Point: "Retry 4 times ⚠️"}},
	}
	got := FlagInvented(q, posting, "")
	if strings.Join(got, "|") != "37|15 minute|4 times" {
		t.Fatalf("invented %q", got)
	}
	if q.Text != "How would you reconcile 37 ⚠ payment ledgers across the 3 services?" {
		t.Fatalf("text %q", q.Text)
	}
	if q.Outline != "Start with the 2M daily requests, then 15 minute ⚠ batches." || q.KeyPoints[0].Point != "Idempotency keys over 5 years of data" ||
		q.KeyPoints[1].Point != "Retry 4 times ⚠" {
		t.Fatalf("outline %q, points %q", q.Outline, q.KeyPoints)
	}
	if !HasInvented(q.Text) || HasInvented(StripMarks("a ⚠ b")) {
		t.Fatal("HasInvented")
	}
}
