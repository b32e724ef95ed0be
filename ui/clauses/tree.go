package clauses

import (
	"strconv"

	"avtal/store"
)

// rowKind says what a line of the tree shows.
type rowKind int

const (
	agreementRow rowKind = iota // only when all agreements are shown
	documentRow
	clauseRow
)

// agreementNode is one agreement of the tree; its documents are loaded
// when it is first opened, so an unscoped tree never holds more clauses
// than the agreements the user opened.
type agreementNode struct {
	id, title string
	docs      []docTree // nil until loaded
	loaded    bool
	loading   bool
}

// docTree is a document with its clauses' children, for flattening.
type docTree struct {
	store.DocumentNode
	roots    []int   // clauses at the top
	children [][]int // by clause index
}

func newDocTree(d store.DocumentNode) docTree {
	t := docTree{DocumentNode: d, children: make([][]int, len(d.Clauses))}
	for i, c := range d.Clauses {
		if c.Parent < 0 {
			t.roots = append(t.roots, i)
		} else {
			t.children[c.Parent] = append(t.children[c.Parent], i)
		}
	}
	return t
}

// row is one visible line of the tree.
type row struct {
	kind   rowKind
	agr    int // index into Model.agreements
	doc    int // index into the agreement's docs
	clause int // index into the document's clauses
	depth  int
	// parent is the index in rows of the line this one sits under, -1 at the top.
	parent   int
	children bool
}

// key names a row's node for its open or closed state, stable across reloads.
func (m *Model) key(r row) string {
	a := m.agreements[r.agr]
	switch r.kind {
	case agreementRow:
		return "a:" + a.id
	case documentRow:
		return "d:" + strconv.FormatInt(a.docs[r.doc].ID, 10)
	}
	return "c:" + strconv.FormatInt(a.docs[r.doc].Clauses[r.clause].ID, 10)
}

// isOpen says whether a node shows its children: agreements start closed
// (there may be thousands), documents and clauses open.
func (m *Model) isOpen(r row) bool {
	if v, ok := m.open[m.key(r)]; ok {
		return v
	}
	return r.kind != agreementRow
}

// flatten lays the open part of the tree out as rows, keeping the cursor
// on the node it was on.
func (m *Model) flatten() {
	keep := m.keep
	if r := m.selectedRow(); r != nil && keep == "" {
		keep = m.key(*r)
	}
	m.rows = m.rows[:0]
	scoped := m.scopeID != ""
	for ai, a := range m.agreements {
		parent, depth := -1, 0
		if !scoped {
			r := row{kind: agreementRow, agr: ai, parent: -1, children: !a.loaded || len(a.docs) > 0}
			m.rows = append(m.rows, r)
			if !m.isOpen(r) {
				continue
			}
			parent, depth = len(m.rows)-1, 1
		}
		for di, d := range a.docs {
			r := row{kind: documentRow, agr: ai, doc: di, depth: depth, parent: parent, children: len(d.Clauses) > 0}
			m.rows = append(m.rows, r)
			if m.isOpen(r) {
				m.addClauses(ai, di, d.roots, depth+1, len(m.rows)-1)
			}
		}
	}
	m.tree.Reset(len(m.rows), nil)
	if keep != "" && m.selectKey(keep) {
		m.keep = ""
	}
}

// addClauses appends the clauses idx of a document and their open descendants.
func (m *Model) addClauses(ai, di int, idx []int, depth, parent int) {
	d := &m.agreements[ai].docs[di]
	for _, i := range idx {
		r := row{kind: clauseRow, agr: ai, doc: di, clause: i, depth: depth, parent: parent, children: len(d.children[i]) > 0}
		m.rows = append(m.rows, r)
		if r.children && m.isOpen(r) {
			m.addClauses(ai, di, d.children[i], depth+1, len(m.rows)-1)
		}
	}
}

// selectKey moves the cursor to the row of a node, if it is visible.
func (m *Model) selectKey(k string) bool {
	for i, r := range m.rows {
		if m.key(r) == k {
			m.tree.Select(i)
			return true
		}
	}
	return false
}

// reveal opens every ancestor of a clause and selects it; false when the
// loaded tree does not hold it.
func (m *Model) reveal(clauseID int64) bool {
	for ai, a := range m.agreements {
		for di, d := range a.docs {
			for ci, c := range d.Clauses {
				if c.ID != clauseID {
					continue
				}
				m.open["a:"+a.id] = true
				m.open["d:"+strconv.FormatInt(d.ID, 10)] = true
				for p := d.Clauses[ci].Parent; p >= 0; p = d.Clauses[p].Parent {
					m.open["c:"+strconv.FormatInt(d.Clauses[p].ID, 10)] = true
				}
				m.flatten()
				return m.selectKey(m.key(row{kind: clauseRow, agr: ai, doc: di, clause: ci}))
			}
		}
	}
	return false
}

func (m *Model) selectedRow() *row {
	i := m.tree.Cursor()
	if i >= len(m.rows) {
		return nil
	}
	return &m.rows[i]
}

// selectedClause returns the clause under the cursor, if the cursor is on one.
func (m *Model) selectedClause() *store.ClauseNode {
	r := m.selectedRow()
	if r == nil || r.kind != clauseRow {
		return nil
	}
	return &m.agreements[r.agr].docs[r.doc].Clauses[r.clause]
}
