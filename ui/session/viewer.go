package session

import "github.com/charmbracelet/bubbles/viewport"

// Viewer is a viewport (a clause's text, an agreement's detail) that keeps
// its text, so that its box is drawn again only when the text, the line at
// its top or its size changed — not after every message — and once for all
// the sessions of one look showing the same (Shared.Draw).
type Viewer struct {
	viewport.Model
	text  string
	drawn struct {
		key viewerKey
		box string
	}
}

// viewerKey is what a viewer's box shows.
type viewerKey struct {
	text               string
	top, width, height int
	look               Look
}

// NewViewer returns an empty viewer of no size (SetSize lays it out).
func NewViewer() Viewer { return Viewer{Model: viewport.New(0, 0)} }

// SetContent puts text in the viewer, keeping its scroll (GotoTop to go to the top).
func (v *Viewer) SetContent(text string) {
	v.text = text
	v.Model.SetContent(text)
}

// Box is the viewer in an unfocused box (Styles.Box).
func (v *Viewer) Box(c *State) string {
	k := viewerKey{v.text, v.YOffset, v.Width, v.Height, c.Styles.Look}
	if k != v.drawn.key || v.drawn.box == "" {
		v.drawn.key = k
		v.drawn.box = c.Shared.Draw(k, func() string { return c.Styles.Box(v.View(), v.Width, v.Height, false, "") })
	}
	return v.drawn.box
}
