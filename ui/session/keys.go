package session

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/i18n"
)

// KeyMap holds the bindings every pane shares: the global keys and list
// navigation. Panes declare their own bindings next to their code.
type KeyMap struct {
	Quit     key.Binding
	Help     key.Binding
	NextTab  key.Binding
	PrevTab  key.Binding
	GotoTab  key.Binding
	Unscope  key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	// A list's "/" filter (see Filter).
	Filter      key.Binding
	ClearFilter key.Binding
	KeepFilter  key.Binding
	// Sort sorts a list by its next column (see list.List).
	Sort key.Binding
	// Mouse is not a key: it names what the mouse does, for the ? help.
	// Its one "key" is no key's name, so it never matches one.
	Mouse key.Binding
}

// NewKeyMap builds a fresh key map with help texts in lang.
func NewKeyMap(lang i18n.Lang) *KeyMap {
	return &KeyMap{
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", lang.T("key.quit"))),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", lang.T("key.help"))),
		NextTab:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", lang.T("key.next_tab"))),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", lang.T("key.prev_tab"))),
		GotoTab:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", lang.T("key.goto_tab"))),
		Unscope:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", lang.T("key.unscope"))),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", lang.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", lang.T("key.down"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", lang.T("key.pgup"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", " "), key.WithHelp("pgdn", lang.T("key.pgdown"))),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", lang.T("key.top"))),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", lang.T("key.bottom"))),

		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", lang.T("key.filter"))),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", lang.T("key.clear_filter"))),
		KeepFilter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", lang.T("key.keep_filter"))),
		Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", lang.T("key.sort"))),
		Mouse:       key.NewBinding(key.WithKeys("mouse"), key.WithHelp(lang.T("key.mouse_keys"), lang.T("key.mouse"))),
	}
}

// Navigation returns the list-movement bindings, for panes' help.
func (k *KeyMap) Navigation() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}
