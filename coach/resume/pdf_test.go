package resume

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/go-pdf/fpdf"
)

// The PDFs these tests read are written here, with fpdf, so every byte of
// them is known: one column of text, two columns side by side, and a
// page that is only a picture.

// textPDF lays out lines in one column, one line every 5 mm, starting
// new pages as needed.
func textPDF(t testing.TB, lines []string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("")
	p.SetFont("Helvetica", "", 10)
	p.AddPage()
	y := 20.0
	for _, l := range lines {
		if y > 280 {
			p.AddPage()
			y = 20
		}
		if l != "" {
			p.Text(15, y, tr(l))
		}
		y += 5
	}
	return pdfBytes(t, p)
}

// twoColumnPDF puts left and right side by side, as a designed template
// does: a narrow sidebar and the main column.
func twoColumnPDF(t testing.TB, header, left, right []string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("")
	p.AddPage()
	p.SetFont("Helvetica", "B", 14)
	y := 20.0
	for _, l := range header {
		p.Text(15, y, tr(l))
		y += 7
	}
	p.SetFont("Helvetica", "", 9)
	top := y + 3
	for i, l := range left {
		if l != "" {
			p.Text(15, top+float64(i)*5, tr(l))
		}
	}
	for i, l := range right {
		if l != "" {
			p.Text(80, top+float64(i)*5, tr(l))
		}
	}
	return pdfBytes(t, p)
}

// imagePDF is a scan: one picture of a page, with no text objects.
func imagePDF(t testing.TB) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	// grey bars where lines of text would be
	for y := 20; y < 260; y += 12 {
		for x := 20; x < 180-(y%50); x++ {
			for dy := 0; dy < 5; dy++ {
				img.SetGray(x, y+dy, color.Gray{Y: 40})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	p.ImageOptions("scan", 10, 10, 190, 0, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return pdfBytes(t, p)
}

func pdfBytes(t testing.TB, p *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
