package docimport

// Prepare reads the document called name (.txt, .md, .docx or .pdf) from its
// bytes and finds its documents, clauses, tag suggestions and proposals: Read,
// then Analyse.
func Prepare(name string, data []byte) (Plan, error) {
	p, err := Read(name, data)
	if err == nil {
		p.Analyse()
	}
	return p, err
}
