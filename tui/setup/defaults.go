package setup

import (
	"context"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
)

// Default is a session choice that Settings changes for the next practice
// session and mock interview alike: the same choices the setup offers.
type Default struct {
	Label   string
	Choices []string
	// Index is the choice a setup has, or -1 when it has none of them.
	Index func(sess.Setup) int
	// Apply sets choice i.
	Apply func(s *sess.Setup, i int)
}

// Defaults lists them in the setup's order.
func Defaults() []Default {
	var out []Default
	for _, f := range []field{
		{"Role", roleChoices}, {"How many", countChoices}, {"Timer", timerChoices},
		{"Reading time", readingChoices}, {"Typing allowance", allowanceChoices},
	} {
		cs := f.choices(nil) // these choices do not depend on the bank
		d := Default{Label: f.label}
		for _, c := range cs {
			d.Choices = append(d.Choices, c.label)
		}
		d.Index = func(s sess.Setup) int {
			for i, c := range cs {
				if c.is(s) {
					return i
				}
			}
			return -1
		}
		d.Apply = func(s *sess.Setup, i int) { cs[i].apply(s) }
		out = append(out, d)
	}
	return out
}

// Remembered is the setup the next session of a mode starts from.
func Remembered(ctx context.Context, st *store.Store, mode sess.Mode) (sess.Setup, error) {
	s := defaults(mode)
	v, ok, err := st.Setting(ctx, settingKey(mode))
	if err != nil {
		return s, err
	}
	if ok {
		s = sess.DecodeSetup(v)
		s.Mode = mode
	}
	return s, nil
}

// Remember stores s as the next session's setup for its mode.
func Remember(ctx context.Context, st *store.Store, s sess.Setup) error {
	return st.SetSetting(ctx, settingKey(s.Mode), s.Encode())
}
