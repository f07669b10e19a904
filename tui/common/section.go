package common

// Section is an entry of the home menu.
type Section struct {
	ID    SectionID
	Key   string // the key that opens it from the home screen
	Title string
	Desc  string // one line: what the candidate does there
}
