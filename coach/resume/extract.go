package resume

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Format is the kind of file a resume was read from.
type Format string

// The formats a resume can be read from.
const (
	Markdown Format = "md"
	Text     Format = "txt"
	PDF      Format = "pdf"
	DOCX     Format = "docx"
)

// Formats lists the formats ReadFile accepts; each is also its file
// extension (.markdown and .text are read too), for a file picker.
var Formats = []Format{Markdown, Text, PDF, DOCX}

// Document is a resume as text: what an ATS would extract from the file.
type Document struct {
	// Name is the file name (or a label for text given directly).
	Name   string
	Format Format
	// Text is the extracted text, lines separated by "\n". Control
	// characters other than tab are replaced by U+FFFD, so the text is safe
	// to print and the plain-text test counts them as lost.
	Text string
	// Pages is the page count of a PDF; 0 when the format has no pages.
	Pages int
}

// ErrNoText is returned for a PDF with no text in it.
var ErrNoText = errors.New("no text could be extracted: it looks like a scanned image, and an applicant tracking system could not read it either; export the PDF from your editor (or save as .docx) so the text is real text")

// ReadError says which file could not be read and why.
type ReadError struct {
	File string
	Err  error
}

func (e *ReadError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// maxFileSize bounds what is read: a resume is a few hundred kilobytes.
const maxFileSize = 20 << 20

// ReadFile reads a resume from a .md, .txt, .pdf or .docx file.
func ReadFile(path string) (Document, error) {
	if _, err := formatOf(path); err != nil {
		return Document{}, &ReadError{path, err}
	}
	f, err := os.Open(path)
	if err != nil {
		return Document{}, &ReadError{path, plainOSError(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return Document{}, &ReadError{path, plainOSError(err)}
	}
	if len(data) > maxFileSize {
		return Document{}, &ReadError{path, fmt.Errorf("larger than %d MB: that is not a resume", maxFileSize>>20)}
	}
	return Extract(path, data)
}

func plainOSError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		if pe.Err.Error() == "is a directory" {
			return errors.New("is a folder, not a file")
		}
		return pe.Err
	}
	return err
}

func formatOf(name string) (Format, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	switch ext {
	case "md", "markdown":
		return Markdown, nil
	case "txt", "text":
		return Text, nil
	case "pdf":
		return PDF, nil
	case "docx":
		return DOCX, nil
	case "":
		return "", errors.New("no file extension: name it .md, .txt, .pdf or .docx")
	case "doc":
		return "", errors.New("old Word .doc files are not supported: save it as .docx or PDF")
	}
	return "", fmt.Errorf("unsupported file type .%s: use .md, .txt, .pdf or .docx", ext)
}

// Extract turns a file's bytes into a Document; the name's extension
// decides the format.
func Extract(name string, data []byte) (Document, error) {
	format, err := formatOf(name)
	if err != nil {
		return Document{}, &ReadError{name, err}
	}
	doc := Document{Name: filepath.Base(name), Format: format}
	var text string
	switch format {
	case Markdown, Text:
		if bytes.IndexByte(data, 0) >= 0 {
			return doc, &ReadError{name, fmt.Errorf("is not a text file, although it is named .%s", format)}
		}
		text = string(data)
	case PDF:
		text, doc.Pages, err = pdfText(data)
	case DOCX:
		text, err = docxText(data)
	}
	if err != nil {
		return doc, &ReadError{name, err}
	}
	if err := checkResumeText(text); err != nil {
		return doc, &ReadError{name, errors.New(strings.TrimPrefix(err.Error(), "the resume "))}
	}
	doc.Text = cleanText(text)
	if strings.TrimSpace(doc.Text) == "" {
		if format == PDF {
			return doc, &ReadError{name, ErrNoText}
		}
		return doc, &ReadError{name, errors.New("is empty: there is no text to review")}
	}
	return doc, nil
}

// FromText makes a Document from text already in hand, such as a resume
// pasted into a text box; markdown is assumed.
func FromText(label, text string) Document {
	return Document{Name: label, Format: Markdown, Text: cleanText(text)}
}

// cleanText makes line ends "\n", drops a byte-order mark and escape
// sequences, and shows invalid UTF-8 and lone control characters (a
// glyph the file's maker could not map) as U+FFFD, which the review counts
// as lost characters.
func cleanText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n").Replace(s)
	return textsafe.CleanMarked(s)
}

// pdfText extracts a PDF's text page by page, rebuilding lines from where
// each glyph sits rather than from the order the file draws them.
func pdfText(data []byte) (text string, pages int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not a readable PDF (%v)", r)
		}
	}()
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("%PDF")) {
		return "", 0, errors.New("is not a PDF file, although it is named .pdf")
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", 0, fmt.Errorf("not a readable PDF: %v", err)
	}
	pages = r.NumPage()
	if pages > MaxPages {
		return "", pages, fmt.Errorf("has %d pages; a resume has at most %d", pages, MaxPages)
	}
	var b strings.Builder
	for i := 1; i <= pages; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		if i > 1 {
			b.WriteString("\n\n")
		}
		b.WriteString(pageLines(p.Content().Text))
	}
	return b.String(), pages, nil
}

// glyphLine is the glyphs sharing one baseline.
type glyphLine struct {
	y      float64
	size   float64
	glyphs []pdf.Text
}

// wideGap is what a gap wider than three spaces becomes: four spaces, so
// the plain-text test can see text from two columns glued on one line.
const wideGap = "    "

// pageLines turns positioned glyphs into lines, top to bottom and left to
// right. A gap of about a space becomes one space; a wider one (a second
// column, a right-aligned date) becomes wideGap.
func pageLines(glyphs []pdf.Text) string {
	var lines []*glyphLine
	for _, g := range glyphs {
		if g.S == "" {
			continue
		}
		size := g.FontSize
		if size <= 0 {
			size = 10
		}
		var line *glyphLine
		for _, l := range lines {
			if math.Abs(l.y-g.Y) < 0.4*math.Max(size, l.size) {
				line = l
				break
			}
		}
		if line == nil {
			line = &glyphLine{y: g.Y, size: size}
			lines = append(lines, line)
		}
		line.glyphs = append(line.glyphs, g)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	var b strings.Builder
	for n, l := range lines {
		if n > 0 {
			// a blank line where the gap is more than about one and a half lines
			if prev := lines[n-1]; prev.y-l.y > 1.9*math.Max(prev.size, l.size) {
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
		}
		sort.SliceStable(l.glyphs, func(i, j int) bool { return l.glyphs[i].X < l.glyphs[j].X })
		var row strings.Builder
		end := math.Inf(-1)
		for _, g := range l.glyphs {
			size := g.FontSize
			if size <= 0 {
				size = l.size
			}
			if g.W <= 0 { // a font without widths: guess half an em
				g.W = 0.5 * size
			}
			gap := g.X - end
			switch {
			case end == math.Inf(-1):
			case gap > 1.2*size:
				trimmed := strings.TrimRight(row.String(), " ")
				row.Reset()
				row.WriteString(trimmed)
				row.WriteString(wideGap)
			case gap > 0.15*size && !strings.HasSuffix(row.String(), " "):
				row.WriteByte(' ')
			}
			if g.S == " " && strings.HasSuffix(row.String(), " ") {
				end = g.X + g.W
				continue
			}
			row.WriteString(g.S)
			end = g.X + g.W
		}
		b.WriteString(strings.TrimRight(row.String(), " "))
	}
	return b.String()
}

// docxText reads the paragraphs of word/document.xml: each paragraph is a
// line, a list paragraph starts with "- ", a tab or table cell boundary
// is a tab.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", errors.New("not a readable .docx file (it is not a zip archive)")
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return "", errors.New("not a readable .docx file (word/document.xml is missing)")
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("not a readable .docx file: %v", err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxFileSize))
	var b, para strings.Builder
	inText, list, cells, pendingSpace := false, false, 0, false
	flush := func() {
		p := strings.TrimRight(para.String(), " \t")
		if list && strings.TrimSpace(p) != "" {
			p = "- " + strings.TrimLeft(p, " \t")
		}
		b.WriteString(p)
		b.WriteByte('\n')
		para.Reset()
		list = false
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("not a readable .docx file: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "numPr":
				list = true
			case "tc":
				if cells > 0 {
					para.WriteByte('\t')
				}
				cells++
				pendingSpace = false
			case "tr":
				cells = 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				// paragraphs inside one table row stay on the row's line
				if cells == 0 {
					flush()
				} else {
					pendingSpace = true
				}
			case "tr":
				cells = 0
				flush()
			}
		case xml.CharData:
			if inText {
				if pendingSpace {
					para.WriteByte(' ')
					pendingSpace = false
				}
				para.Write(t)
			}
		}
	}
	if para.Len() > 0 {
		flush()
	}
	return b.String(), nil
}
