// Package docimport turns the bytes of an agreement document into what an
// import stores: its documents and clauses (model/docread and
// model/docparse), the tags each clause's words suggest, and what the
// importer proposes for the user to accept or reject — deadline rules, SLA
// tiers, sub-processors and amendments (model/extract). Nothing here is
// applied to an agreement; the store keeps it all as suggestions.
package docimport

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"avtal/model"
	"avtal/model/docparse"
	"avtal/model/docread"
	"avtal/model/extract"
)

// MaxTags is how many tags are suggested for one clause at most: the
// strongest few are worth a look, a longer list is noise to reject.
const MaxTags = 3

// UnknownSupplier names the supplier of an agreement made from a text
// that names no company; the user edits it later.
const UnknownSupplier = "(unknown)"

// Plan is everything found in one file, ready to be stored.
type Plan struct {
	Title string
	// Supplier is the company the text is most about, "" when it names none.
	Supplier string
	// Kind is the agreement's guessed kind: that of its first document
	// with a recognisable kind, else general terms.
	Kind      model.Kind
	Documents []Document
	Skipped   []docparse.Skip
	// Unstructured says the text showed no clauses: it is one clause.
	Unstructured bool
	// unanalysed says the plan was Read and Analyse has not yet filled in
	// its suggestions and proposals.
	unanalysed bool
	// byPosition says the text numbers none of its clauses: their numbers
	// were given by position, so proposals cite a clause by its heading.
	byPosition bool
}

// Document is one document of the file with what was found in it.
type Document struct {
	model.Document
	// Suggested holds the suggested tag ids of each clause, by clause index.
	Suggested [][]string
	// Proposals are in clause order, the amendments last.
	Proposals []extract.Proposal
}

// Clauses returns how many clauses the plan's documents hold.
func (p *Plan) Clauses() int {
	n := 0
	for _, d := range p.Documents {
		n += len(d.Clauses)
	}
	return n
}

// Prepare reads the document called name (.txt, .md, .html, .docx or .pdf) from its
// bytes and finds its documents, clauses, tag suggestions and proposals: Read,
// then Analyse.
func Prepare(name string, data []byte) (Plan, error) {
	p, err := Read(name, data)
	if err == nil {
		p.Analyse()
	}
	return p, err
}

// Read reads the document called name (.txt, .md, .html, .docx or .pdf) from its
// bytes and finds its documents and clauses, leaving the suggestions and
// proposals to Analyse. It fails with an error naming the file (a
// *docread.FileError) when the file cannot be read, or is empty or binary.
func Read(name string, data []byte) (Plan, error) {
	text, err := docread.Read(name, data)
	if err != nil {
		return Plan{}, err
	}
	res, err := docparse.Parse(name, text)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{Title: res.Title, Supplier: res.Supplier, Kind: model.KindGeneralTerms, Skipped: res.Skipped, Unstructured: res.Unstructured,
		unanalysed: true, byPosition: numberedByPosition(text, res.Documents)}
	for i := len(res.Documents) - 1; i >= 0; i-- {
		d := &res.Documents[i]
		if d.Kind == "" {
			d.Kind = extract.TitleKind(d.Name) // the title's words in any of the five languages
		}
		if d.Kind != "" {
			p.Kind = d.Kind
		}
	}
	p.Documents = make([]Document, len(res.Documents))
	for i, d := range res.Documents {
		p.Documents[i] = Document{Document: d, Suggested: make([][]string, len(d.Clauses))}
	}
	return p, nil
}

// NeedsAnalysis reports whether the plan was Read and not yet analysed. A
// plan put together by hand is taken as it is.
func (p *Plan) NeedsAnalysis() bool { return p.unanalysed }

// Analyse finds each clause's suggested tags and each document's
// proposals, on every core.
func (p *Plan) Analyse() {
	p.analysis().run(runtime.GOMAXPROCS(0))
	p.unanalysed = false
}

// Analysis is the analysis of a plan under way (StartAnalysis): a list of
// independent tasks — each document's proposals, the tags of a batch of
// clauses — that goroutines take in turn, and the merging of the
// proposals once they are all done.
type Analysis struct {
	tasks   []func()
	next    atomic.Int64   // the index of the next task to take
	pending sync.WaitGroup // the tasks not yet done
	finish  func()
	done    chan struct{}
	// untagged counts the tag tasks not yet done; the last one done
	// closes tagged.
	untagged atomic.Int64
	tagged   chan struct{}
}

// StartAnalysis begins Analyse of a plan only Read, in the background (at
// once done for a plan already analysed). The analysis only reads the
// clauses and writes only each document's Suggested and Proposals, so
// meanwhile the plan may be copied and its clauses stored: the two take
// about as long. It runs on one core fewer than the program may, so that
// storing keeps a core of its own, and the goroutine that stores takes its
// part of what is left by Help when it has to wait. Read Suggested and
// Proposals once Done is closed.
func (p *Plan) StartAnalysis() *Analysis {
	if !p.unanalysed {
		a := &Analysis{done: make(chan struct{}), tagged: make(chan struct{})}
		close(a.done)
		close(a.tagged)
		return a
	}
	p.unanalysed = false
	a := p.analysis()
	go a.run(max(1, runtime.GOMAXPROCS(0)-1))
	return a
}

// Done is closed when the analysis is done.
func (a *Analysis) Done() <-chan struct{} { return a.done }

// Tagged is closed when every clause's Suggested is found, before the
// proposals may be: the tags can be stored meanwhile.
func (a *Analysis) Tagged() <-chan struct{} { return a.tagged }

// Help runs tasks of the analysis on the calling goroutine until none is
// left to begin, or until stop (nil for never) is closed; tasks others
// began may still run when it returns.
func (a *Analysis) Help(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		i := int(a.next.Add(1)) - 1
		if i >= len(a.tasks) {
			return
		}
		a.tasks[i]()
		a.pending.Done()
	}
}

// run does the analysis on up to workers goroutines, this one included,
// and closes done.
func (a *Analysis) run(workers int) {
	for range min(workers, len(a.tasks)) - 1 {
		go a.Help(nil)
	}
	a.Help(nil)
	a.pending.Wait()
	a.finish()
	close(a.done)
}

// analysis makes Analyse's work on the documents into tasks, leaving the
// plan's own fields alone.
func (p *Plan) analysis() *Analysis {
	// Each document's proposals are one task, the longest first, so that
	// no core is left with a long one at the end. The tag batches come
	// right after the longest, so that the tags can be stored while the
	// other documents' proposals are found.
	a := &Analysis{done: make(chan struct{}), tagged: make(chan struct{})}
	docs := make([]*Document, len(p.Documents))
	for i := range p.Documents {
		docs[i] = &p.Documents[i]
	}
	slices.SortStableFunc(docs, func(a, b *Document) int { return cmp.Compare(len(b.Clauses), len(a.Clauses)) })
	var proposals, tagging []func()
	for _, out := range docs {
		proposals = append(proposals, func() { out.Proposals = extract.Propose(out.Clauses) })
	}
	for i := range p.Documents {
		out := &p.Documents[i]
		for start := 0; start < len(out.Clauses); start += tagBatch {
			tagging = append(tagging, func() {
				for j := start; j < min(start+tagBatch, len(out.Clauses)); j++ {
					tags := extract.SuggestTags(out.Clauses[j].Heading, out.Clauses[j].Body)
					out.Suggested[j] = tags[:min(len(tags), MaxTags)]
				}
				if a.untagged.Add(-1) == 0 {
					close(a.tagged)
				}
			})
			a.untagged.Add(1)
		}
	}
	if a.untagged.Load() == 0 {
		close(a.tagged)
	}
	longest := min(1, len(proposals))
	a.tasks = slices.Concat(proposals[:longest], tagging, proposals[longest:])
	a.pending.Add(len(a.tasks))
	a.finish = func() {
		found := make([][]extract.Proposal, len(p.Documents))
		for i := range p.Documents {
			found[i] = p.Documents[i].Proposals
		}
		for i, ps := range extract.Merge(found) {
			cite(ps, p.Documents[i].Clauses, p.byPosition)
			p.Documents[i].Proposals = ps
		}
	}
	return a
}

// tagBatch is how many clauses one task suggests tags for: enough to make
// a task worth handing to another core.
const tagBatch = 32
