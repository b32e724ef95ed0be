package store

// As returns a view of the store that signs its writes in the audit log as
// who (an SSH session's key), sharing s's connections, so every session of a
// server writes through the one writer connection. Close s, not the view.
func (s *Store) As(who string) *Store {
	v := *s
	v.who = func() string { return who }
	return &v
}
