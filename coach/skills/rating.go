package skills

// Rating is a candidate's view of their own level in a skill.
type Rating int

// The ratings, in order.
const (
	None     Rating = iota // not rated, or no experience
	Learning               // studying it, little real use
	Working                // used it for real work
	Strong                 // could teach it or lead with it
)

// Ratings lists every rating in order.
var Ratings = []Rating{None, Learning, Working, Strong}

func (r Rating) String() string {
	switch r {
	case Learning:
		return "learning"
	case Working:
		return "working"
	case Strong:
		return "strong"
	}
	return "none"
}

// OnResume reports whether a skill at this rating belongs on a resume.
func (r Rating) OnResume() bool { return r >= Working }
