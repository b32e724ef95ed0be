package i18n

// formMsgs are the strings of the shared form.
var formMsgs = map[string]msg{
	"form.next":     {"next field", "nästa fält"},
	"form.prev":     {"previous field", "föregående fält"},
	"form.save":     {"save", "spara"},
	"form.cancel":   {"cancel", "avbryt"},
	"form.required": {"must be filled in", "måste fyllas i"},
	"form.readonly": {"You are connected as a viewer: changes are not allowed.", "Du är ansluten som läsare: ändringar är inte tillåtna."},
}
