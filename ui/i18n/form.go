package i18n

import "sync"

// formMsgs are the strings of the shared form.
var formMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"form.next":     {"next field", "nästa fält"},
		"form.prev":     {"previous field", "föregående fält"},
		"form.save":     {"save", "spara"},
		"form.cancel":   {"cancel", "avbryt"},
		"form.required": {"must be filled in", "måste fyllas i"},
		"form.clear":    {"clear field", "töm fältet"},
		"form.discard":  {"Throw away what you typed? y throws it away, any other key goes back to the form.", "Kasta det du skrivit? y kastar, annan tangent går tillbaka till formuläret."},
	}
})
