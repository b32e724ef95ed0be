package session

import (
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is the theme of one session, built from that session's renderer
// so colours follow the client's own terminal.
type Styles struct {
	App       lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	TabGap    lipgloss.Style
	StatusBar lipgloss.Style
	StatusKey lipgloss.Style
	StatusErr lipgloss.Style
	Scope     lipgloss.Style

	Pane        lipgloss.Style
	FocusedPane lipgloss.Style
	Title       lipgloss.Style
	Header      lipgloss.Style
	Row         lipgloss.Style
	Selected    lipgloss.Style
	Dim         lipgloss.Style
	Label       lipgloss.Style
	Value       lipgloss.Style
	Section     lipgloss.Style
	Empty       lipgloss.Style
	Warn        lipgloss.Style
	Danger      lipgloss.Style
	OK          lipgloss.Style
	Highlight   lipgloss.Style

	// Plain is true when the terminal shows no colour or attributes
	// (NO_COLOR, a dumb terminal): what colour would mark must then be
	// written in the text (the active tab bracketed, hints in brackets).
	Plain bool

	// Look is what the styles were made from: sessions of one look draw
	// the same text the same way (see Shared.Draw).
	Look Look

	// paneEdge and focusedEdge colour the borders of Pane and FocusedPane
	// (see Box).
	paneEdge, focusedEdge edge
}

// Look is a terminal's colour profile and background, all NewStyles
// builds a theme from.
type Look struct {
	Profile termenv.Profile
	Dark    bool
}

// NewStyles builds the theme with renderer r.
func NewStyles(r *lipgloss.Renderer) *Styles {
	dark := r.HasDarkBackground()
	accent := resolve(r, dark, "#1F5FAD", "#7AB8FF")
	subtle := resolve(r, dark, "#6B6B6B", "#8A8A8A")
	border := resolve(r, dark, "#B8B8B8", "#4A4A4A")
	warn := resolve(r, dark, "#9A6700", "#E3B341")
	danger := resolve(r, dark, "#C0262D", "#FF6B6B")
	ok := resolve(r, dark, "#1A7F37", "#56D364")
	selBg := resolve(r, dark, "#DCE9F9", "#243B5C")

	s := &Styles{Plain: r.ColorProfile() == termenv.Ascii, Look: Look{r.ColorProfile(), dark}}
	s.App = r.NewStyle()
	s.Tab = r.NewStyle().Padding(0, 1).Foreground(subtle)
	s.ActiveTab = r.NewStyle().Padding(0, 1).Bold(true).Foreground(accent).Underline(true)
	s.TabGap = r.NewStyle().Foreground(border)
	s.StatusBar = r.NewStyle().Foreground(subtle)
	s.StatusKey = r.NewStyle().Foreground(accent)
	s.StatusErr = r.NewStyle().Foreground(danger).Bold(true)
	s.Scope = r.NewStyle().Foreground(accent).Bold(true)
	s.Pane = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.FocusedPane = s.Pane.BorderForeground(accent)
	s.Title = r.NewStyle().Bold(true).Foreground(accent)
	s.Header = r.NewStyle().Bold(true).Foreground(subtle)
	s.Row = r.NewStyle()
	s.Selected = r.NewStyle().Background(selBg).Bold(true)
	s.Dim = r.NewStyle().Foreground(subtle)
	s.Label = r.NewStyle().Foreground(subtle)
	s.Value = r.NewStyle()
	s.Section = r.NewStyle().Bold(true).Foreground(accent).MarginTop(1)
	s.Empty = r.NewStyle().Foreground(subtle).Italic(true).Padding(1, 2)
	s.Warn = r.NewStyle().Foreground(warn)
	s.Danger = r.NewStyle().Foreground(danger).Bold(true)
	s.OK = r.NewStyle().Foreground(ok)
	s.Highlight = r.NewStyle().Foreground(accent).Bold(true)
	s.paneEdge, s.focusedEdge = edgeOf(r, s.Pane), edgeOf(r, s.FocusedPane)
	return s
}

// resolve is the theme colour for r's background (light or dark), turned
// into r's colour profile here, once: an adaptive hex colour is matched to
// the 256-colour palette at every Render otherwise, a fifth of the time an
// SSH session spends drawing.
func resolve(r *lipgloss.Renderer, dark bool, light, darkHex string) lipgloss.TerminalColor {
	hex := light
	if dark {
		hex = darkHex
	}
	switch c := r.ColorProfile().Color(hex).(type) {
	case termenv.ANSI256Color:
		return lipgloss.Color(strconv.Itoa(int(c)))
	case termenv.ANSIColor:
		return lipgloss.Color(strconv.Itoa(int(c)))
	}
	return lipgloss.Color(hex)
}
