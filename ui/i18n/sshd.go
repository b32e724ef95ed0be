package i18n

import "sync"

// sshdMsgs are the strings of the SSH server: what a visitor reads on their
// screen, the refusal of writes in a viewer's session, and the lines the
// server prints when it starts.
var sshdMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"write.read_only":  {"You are a viewer: you cannot change the register.", "Du är läsare: du kan inte ändra registret."},
		"sshd.role.editor": {"editor", "redaktör"},
		"sshd.role.viewer": {"viewer", "läsare"},
		"sshd.user":        {"%s (%s)", "%s (%s)"},
		"sshd.usage": {"Avtal is an interactive workbench: connect with a terminal and no command, e.g. ssh -p PORT HOST",
			"Avtal är en interaktiv arbetsbänk: anslut med en terminal och utan kommando, t.ex. ssh -p PORT VÄRD"},
		"sshd.full":        {"The server is full (%d sessions); try again later.", "Servern är full (%d sessioner); försök igen senare."},
		"sshd.one_session": {"This connection already has a workbench open.", "Den här anslutningen har redan en arbetsbänk öppen."},
		"sshd.closing":     {"The server is shutting down; try again in a moment.", "Servern stängs av; försök igen om en stund."},
		"sshd.demo_failed": {"Could not prepare your copy of the sample register: %s", "Kunde inte förbereda din kopia av exempelregistret: %s"},
		"sshd.bye.shutdown": {"The Avtal server is shutting down. Everything you saved is kept.",
			"Avtal-servern stängs av. Allt du har sparat finns kvar."},
		"sshd.bye.revoked": {"Your key was removed from the server's list of keys; the workbench is closed. Everything you saved is kept.",
			"Din nyckel har tagits bort ur serverns nyckellista; arbetsbänken stängs. Allt du sparat finns kvar."},
		"sshd.role_changed": {"Your access changed: you are now %s.", "Din behörighet har ändrats: du är nu %s."},
		"sshd.bye.idle":     {"Disconnected after %s without input.", "Frånkopplad efter %s utan inmatning."},
		"sshd.listening": {"Avtal is served over SSH: ssh -p %s %s\nHost key %s (%s)\n",
			"Avtal serveras över SSH: ssh -p %s %s\nVärdnyckel %s (%s)\n"},
		"sshd.access.keys": {"Access: the keys in %s\n", "Åtkomst: nycklarna i %s\n"},
		"sshd.access.open": {"Access: anyone who can reach the address\n", "Åtkomst: alla som når adressen\n"},
		"sshd.access.demo": {"Demo: every session gets its own copy of the sample register, removed when it ends\n", "Demo: varje session får en egen kopia av exempelregistret, som tas bort när den slutar\n"},
		"sshd.needs_keys":  {"%s is reachable from other machines: give --authorized-keys FILE (or --demo to serve a throwaway sample register)", "%s nås från andra datorer: ange --authorized-keys FIL (eller --demo för ett exempelregister som slängs)"},

		// The files serve reads (sshd): a refusal as model.Refusal. The SSH
		// library's own complaint is English: the Swedish leaves it out.
		"field.err.keys_line":        {"%s:%d: not a public key line: %v", "%s:%d: ingen rad med en publik nyckel%.0v"},
		"field.err.keys_at":          {"%s:%d: %s", "%s:%d: %s"},
		"field.err.keys_role":        {"unknown role %q (use editor or viewer)", "okänd roll %q (använd editor eller viewer)"},
		"field.err.keys_quote":       {"option %s: the value must be quoted", "alternativet %s: värdet ska stå inom citattecken"},
		"field.err.keys_option_role": {"unknown role %q in %s (use editor or viewer)", "okänd roll %q i %s (använd editor eller viewer)"},
		"field.err.keys_option":      {"option %q is not supported by avtal serve (it would not be enforced)", "alternativet %q stöds inte av avtal serve (det skulle inte följas)"},
		"field.err.host_key_mode":    {"host key %s can be read by others (mode %04o); run chmod 600 %s", "värdnyckeln %s kan läsas av andra (läge %04o); kör chmod 600 %s"},
		"field.err.host_key_text":    {"host key %s is not a private key: %v", "värdnyckeln %s är ingen privat nyckel%.0v"},
	}
})
