package docread

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// Word keeps clause numbers out of the text: a paragraph only says which
// list (numId) and level (ilvl) it belongs to, directly or through its
// style, and numbering.xml says how each level is counted and written
// ("%1.%2." in decimal, "Bilaga %1" in upper-case letters …). numbering
// replays that counting in document order.

const maxLevels = 9

// level is one level of an abstract numbering definition.
type level struct {
	start  int
	format string // numFmt: decimal, upperLetter, lowerRoman, bullet …
	text   string // lvlText, e.g. "%1.%2."
	legal  bool   // isLgl: show every level in decimal
	style  string // pStyle: the paragraph style tied to this level
}

// numbering holds the definitions and the running counters.
type numbering struct {
	abstract  map[string]*[maxLevels]level
	nums      map[string]numInstance
	styles    map[string]styleDef
	counters  map[string]*[maxLevels]int // by abstract id; 0 = not started
	usedNumID map[string]bool
}

// numInstance is a w:num: a list that points at an abstract definition and
// may restart some levels at new values.
type numInstance struct {
	abstractID string
	starts     map[int]int
}

// styleDef is the part of a paragraph style that matters for numbering.
type styleDef struct {
	basedOn string
	numID   string
	ilvl    int
	hasLvl  bool
	toc     bool // a table-of-contents style ("toc 1" … "toc 9")
	outline int  // 1 to 9 for a heading style ("heading 2" is 2), else 0
}

func newNumbering() *numbering {
	return &numbering{
		abstract:  map[string]*[maxLevels]level{},
		nums:      map[string]numInstance{},
		styles:    map[string]styleDef{},
		counters:  map[string]*[maxLevels]int{},
		usedNumID: map[string]bool{},
	}
}

// The shapes of numbering.xml and styles.xml that are read. encoding/xml
// matches on local names, so the w: prefix needs no spelling out.
type (
	valAttr struct {
		Val string `xml:"val,attr"`
	}
	numPrXML struct {
		NumID *valAttr `xml:"numId"`
		Ilvl  *valAttr `xml:"ilvl"`
	}
	numberingXML struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Ilvl   string   `xml:"ilvl,attr"`
				Start  *valAttr `xml:"start"`
				Format *valAttr `xml:"numFmt"`
				Text   *valAttr `xml:"lvlText"`
				Legal  *valAttr `xml:"isLgl"`
				Style  *valAttr `xml:"pStyle"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID         string  `xml:"numId,attr"`
			AbstractID valAttr `xml:"abstractNumId"`
			Overrides  []struct {
				Ilvl  string   `xml:"ilvl,attr"`
				Start *valAttr `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	stylesXML struct {
		Styles []struct {
			ID      string    `xml:"styleId,attr"`
			Name    *valAttr  `xml:"name"`
			BasedOn *valAttr  `xml:"basedOn"`
			NumPr   *numPrXML `xml:"pPr>numPr"`
			Outline *valAttr  `xml:"pPr>outlineLvl"`
		} `xml:"style"`
	}
)

func (n *numbering) loadNumbering(b []byte) error {
	var x numberingXML
	if err := xml.Unmarshal(b, &x); err != nil {
		return err
	}
	for _, a := range x.Abstract {
		var lv [maxLevels]level
		for i := range lv {
			lv[i] = level{start: 1, format: "decimal"}
		}
		for _, l := range a.Levels {
			i := atoi(l.Ilvl)
			if i >= maxLevels {
				continue
			}
			if l.Start != nil {
				lv[i].start = atoi(l.Start.Val)
			}
			if l.Format != nil {
				lv[i].format = l.Format.Val
			}
			if l.Text != nil {
				lv[i].text = l.Text.Val
			}
			lv[i].legal = l.Legal != nil && l.Legal.Val != "0" && l.Legal.Val != "false"
			if l.Style != nil {
				lv[i].style = l.Style.Val
			}
		}
		n.abstract[a.ID] = &lv
	}
	for _, m := range x.Nums {
		inst := numInstance{abstractID: m.AbstractID.Val, starts: map[int]int{}}
		for _, o := range m.Overrides {
			if i := atoi(o.Ilvl); o.Start != nil && i < maxLevels {
				inst.starts[i] = atoi(o.Start.Val)
			}
		}
		n.nums[m.ID] = inst
	}
	return nil
}

func (n *numbering) loadStyles(b []byte) error {
	var x stylesXML
	if err := xml.Unmarshal(b, &x); err != nil {
		return err
	}
	for _, s := range x.Styles {
		var d styleDef
		if s.BasedOn != nil {
			d.basedOn = s.BasedOn.Val
		}
		// The built-in name stays English whatever the style's id says in
		// the author's language ("Innehll1", "INNH1", "Sisluet1").
		d.toc = s.Name != nil && strings.HasPrefix(strings.ToLower(s.Name.Val), "toc ")
		d.outline = headingLevel(s.Name, s.Outline)
		if s.NumPr != nil {
			if s.NumPr.NumID != nil {
				d.numID = s.NumPr.NumID.Val
			}
			if s.NumPr.Ilvl != nil {
				d.ilvl, d.hasLvl = atoi(s.NumPr.Ilvl.Val), true
			}
		}
		n.styles[s.ID] = d
	}
	return nil
}

// fromStyle finds the numbering a paragraph style (or a style it is based
// on) gives. The depth limit guards against styles based on each other.
func (n *numbering) fromStyle(style string) (numID string, ilvl int, hasLvl bool) {
	for depth := 0; style != "" && depth < 20; depth++ {
		d, ok := n.styles[style]
		if !ok {
			break
		}
		if numID == "" {
			numID = d.numID
		}
		if !hasLvl && d.hasLvl {
			ilvl, hasLvl = d.ilvl, true
		}
		style = d.basedOn
	}
	return numID, ilvl, hasLvl
}

// headingLevel is the outline level a style's name ("heading 1", English
// whatever the author's language) or its outlineLvl (0 for the top, 9 for
// body text) gives: 1 to 9, or 0 for none.
func headingLevel(name, outline *valAttr) int {
	if outline != nil {
		if v := atoi(outline.Val); outline.Val != "" && v < maxLevels {
			return v + 1
		}
		return 0
	}
	if name == nil {
		return 0
	}
	var n int
	if _, err := fmt.Sscanf(strings.ToLower(name.Val), "heading %d", &n); err == nil && n >= 1 && n <= maxLevels {
		return n
	}
	return 0
}

// outlineLevel is the heading level a paragraph style gives, directly or
// through the styles it is based on: 1 to 9, or 0 for body text.
func (n *numbering) outlineLevel(style string) int {
	for depth := 0; style != "" && depth < 20; depth++ {
		d, ok := n.styles[style]
		if !ok {
			return 0
		}
		if d.outline > 0 {
			return d.outline
		}
		style = d.basedOn
	}
	return 0
}

// isTOC reports whether a paragraph style (or a style it is based on) is
// one of Word's table-of-contents styles.
func (n *numbering) isTOC(style string) bool {
	for depth := 0; style != "" && depth < 20; depth++ {
		d, ok := n.styles[style]
		if !ok {
			return false
		}
		if d.toc {
			return true
		}
		style = d.basedOn
	}
	return false
}

// label counts one paragraph and returns its number as Word shows it, or ""
// when the paragraph is not numbered.
func (n *numbering) label(numID string, ilvl int, hasLvl bool, style string) string {
	sNum, sLvl, sHas := n.fromStyle(style)
	if numID == "" {
		numID = sNum
	}
	if !hasLvl && sHas {
		ilvl, hasLvl = sLvl, true
	}
	inst, ok := n.nums[numID]
	if !ok || numID == "0" {
		return ""
	}
	lv, ok := n.abstract[inst.abstractID]
	if !ok {
		return ""
	}
	if !hasLvl {
		// A style tied to a level by the definition itself.
		for i := range lv {
			if style != "" && lv[i].style == style {
				ilvl = i
			}
		}
	}
	if ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	count := n.counters[inst.abstractID]
	if count == nil {
		count = new([maxLevels]int)
		n.counters[inst.abstractID] = count
	}
	if !n.usedNumID[numID] {
		// A list that restarts levels takes effect where it is first used.
		n.usedNumID[numID] = true
		for i, v := range inst.starts {
			count[i] = v - 1
		}
	}
	if count[ilvl] == 0 {
		count[ilvl] = lv[ilvl].start
	} else {
		count[ilvl]++
	}
	for i := ilvl + 1; i < maxLevels; i++ {
		count[i] = 0
	}
	if lv[ilvl].format == "bullet" {
		return "•"
	}
	return formatLevel(lv, count, ilvl)
}

// formatLevel expands lvlText: "%k" is the counter of level k-1 written in
// that level's format (or decimal when the level is "legal").
func formatLevel(lv *[maxLevels]level, count *[maxLevels]int, ilvl int) string {
	text := lv[ilvl].text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := count[k]
			if v == 0 {
				v = lv[k].start
			}
			format := lv[k].format
			if lv[ilvl].legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNumber writes v in one of Word's number formats.
func formatNumber(v int, format string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		// Word writes 27 as "AA", 28 as "BB": the letter repeated.
		if v < 1 || v > 26*8 {
			break
		}
		s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
		if format == "lowerLetter" {
			s = strings.ToLower(s)
		}
		return s
	case "upperRoman", "lowerRoman":
		if v < 1 || v > 3999 {
			break
		}
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	digits := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range values {
		for v >= n {
			b.WriteString(digits[i])
			v -= n
		}
	}
	return b.String()
}
