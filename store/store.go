// Package store keeps the register in one SQLite file (modernc.org/sqlite,
// no cgo). It turns model values into rows and back and never decides a
// business rule.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"avtal/model"
)

// ApplicationID marks a SQLite file as an Avtal database ("Avta").
const ApplicationID = 0x41767461

// Errors callers tell apart.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("already exists")
)

// readDriver is the database/sql driver of the read pool: SQLite, or in
// the query plan test SQLite with every query recorded.
var readDriver = "sqlite"

// Store is the register on disk. Writes go through one connection (SQLite
// allows one writer; a pool of writers only trades waits for SQLITE_BUSY)
// and reads through a small pool, so readers never block on the writer.
type Store struct {
	path  string
	write *sql.DB
	read  *sql.DB
	lock  *writeLock // shared by the views As makes
	// who names who writes; a lookup is asked at the first write.
	who   func() string
	clock func() time.Time
	// upgrading is told before an older register is brought to this schema.
	upgrading func(from, to int)
	// mapped maps the file for the read pool (MappedReads); scattered
	// gives it a small page cache instead (ScatteredReads).
	mapped, scattered bool
	// trigrams are the trigram counts search plans with (searchplan.go).
	trigrams *trigramCounts
	// writes counts the write transactions, shared by the views As makes
	// (see Generation).
	writes *atomic.Uint64
	// indexing is the full-text index's catching up after imports,
	// shared by the views As makes (unindexed.go).
	indexing *indexing
	// checkpoints are the checkpoints under way after a large commit
	// (commitLarge).
	checkpoints *sync.WaitGroup
	// Created is true when this Open made the schema of a new, empty
	// database (of several programs opening a new file at once, only one).
	Created bool
	// Warnings are what Open found wrong and put right, for the user to
	// hear of (an audit-log trigger dropped outside Avtal).
	Warnings []string
}

// querier is what both the read pool and a write transaction offer, so a
// read can run inside a write when it must see the write's own changes.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Option changes how a Store is opened.
type Option func(*Store)

// WithUser names who writes (the local user or an SSH key fingerprint) for the audit log.
func WithUser(who string) Option { return func(s *Store) { s.who = func() string { return who } } }

// WithUserLookup names who writes by asking lookup, once, when the first
// write needs the name: finding the local user's name costs a command
// that only reads (avtal search) a quarter of a millisecond.
func WithUserLookup(lookup func() string) Option {
	return func(s *Store) { s.who = sync.OnceValue(lookup) }
}

// WithClock sets the clock of every timestamp the store writes: the
// program's one clock, which the binary reads once and tests fix. Open
// refuses to work without it, so no store keeps a clock of its own.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.clock = now } }

// WithUpgradeNotice has notice told, once and before the work starts, when
// Open brings a register made by an older Avtal to this schema: some steps
// rebuild an index, which takes half a minute on a million clauses, and a
// user waiting on a silent terminal would think it hung.
func WithUpgradeNotice(notice func(from, to int)) Option {
	return func(s *Store) { s.upgrading = notice }
}

// journalSizeLimit is the size, in bytes, the write-ahead log is cut back
// to when it starts over: a bulk load leaves a log of gigabytes that would
// otherwise keep its size while any program has the register open.
const journalSizeLimit = 64 << 20

// readMapSize is how much of the file the read pool maps into memory when
// asked to (MappedReads; SQLite caps it at 2 GB, the register of a million
// clauses is 0.8 GB).
const readMapSize = 1 << 31

// MappedReads maps the file into memory for the read pool. A mapped page
// is read where it lies in the system's file cache, where a read copies it
// into fresh memory of the connection's own: a search of a rare word reads
// hundreds of scattered pages, each once in a short program, and mapping
// takes a quarter off that program's time. It is for a program that runs
// one command: every page a program reads stays in its resident set while
// it runs, which in the workbench or the SSH server would grow towards the
// size of the file. Writes never use the map.
func MappedReads() Option { return func(s *Store) { s.mapped = true } }

// scatteredCacheKB is the read pool's page cache under ScatteredReads:
// 16 pages of 4 KB.
const scatteredCacheKB = 64

// ScatteredReads gives the read pool a page cache of 64 KB, and no map,
// for a program that runs one search. A search of a rare word reads a few
// hundred pages scattered over the file, each once. Mapped, each costs a
// page fault (4–5 µs on a small virtual machine) and its share of the
// unmapping at the end; read into the usual cache, each lands in fresh
// memory, which costs the same fault. Read into a cache that small, the
// same few buffers are used again and again: on the 10 000-agreement
// register, a program searching a rare word takes 1 030 page faults instead
// of 1 340 and a seventh less processor time. For a program that reads
// much of the file in order, mapping is as quick.
func ScatteredReads() Option { return func(s *Store) { s.scattered = true } }

// dsn is the URI every connection opens path with. WAL mode, a busy
// timeout of busyWait and no checkpoint of Avtal's own that truncates the
// log are also what Litestream needs to replicate the register.
func dsn(path string, extra url.Values) string {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(5000)", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)",
		fmt.Sprintf("journal_size_limit(%d)", journalSizeLimit)} {
		q.Add("_pragma", p)
	}
	for k, v := range extra {
		q[k] = v
	}
	return fileURI(path) + "?" + q.Encode()
}

// uriEscaper escapes what SQLite reads as syntax in a URI filename: "%"
// starts an escape, "?" the parameters, "#" a fragment. Unescaped, a path
// like "foreign.db#x" opens foreign.db.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")

// fileURI turns a file path into an SQLite URI filename that names exactly
// that file, whatever characters the path holds.
func fileURI(path string) string {
	p := uriEscaper.Replace(path)
	if strings.HasPrefix(p, "/") {
		// "file:" followed by "//" would read the next name as a host.
		return "file://" + p
	}
	return "file:" + p
}

// Open opens (or creates) the database at path and brings its schema up to
// date. A file that is not an Avtal database, or one written by a newer
// Avtal, is refused before anything touches it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, who: func() string { return "local" }, trigrams: &trigramCounts{}, writes: &atomic.Uint64{}, indexing: &indexing{}, checkpoints: &sync.WaitGroup{}}
	for _, o := range opts {
		o(s)
	}
	if s.clock == nil {
		return nil, errors.New("store: no clock given (store.WithClock)")
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return nil, &PathError{Path: path, Err: ErrFolder}
	case err == nil && info.Size() > 0:
		if err := checkExisting(ctx, path); err != nil {
			return nil, err
		}
	case errors.Is(err, os.ErrNotExist):
		// A mistyped folder must not become a new, empty register.
		if _, err := os.Stat(filepath.Dir(path)); err != nil {
			return nil, &PathError{Path: filepath.Dir(path), Err: ErrNoFolder}
		}
	case err == nil:
		// An empty file becomes a new register.
	default:
		return nil, err // an *fs.PathError, naming the file
	}
	if s.lock, err = openWriteLock(path); err != nil {
		return nil, err
	}
	fail := func(err error) (*Store, error) {
		s.checkpoints.Wait() // after an upgrade's commit
		for _, db := range []*sql.DB{s.write, s.read} {
			if db != nil {
				db.Close()
			}
		}
		s.lock.close()
		return nil, err
	}
	// The register is open while the lock file is: demo and restore ask.
	if err := holdOpen(s.lock.f); err != nil {
		// A file system without record locks (some network shares).
		return fail(model.Refuse("mark_open", "%s: cannot mark the register as open; its file system refuses locks (%v)", path, err))
	}
	// A pool connects at its first query. What Open checks it reads from
	// the read pool, so a program that only reads (avtal search) never
	// connects the writer, whose connection costs a reading of the schema.
	if s.write, err = sql.Open("sqlite", dsn(path, url.Values{"_txlock": {"immediate"}})); err != nil {
		return fail(err)
	}
	s.write.SetMaxOpenConns(1)
	// The read pool waits for a lock as the writer does: Open's checks
	// read through it while another program may be creating the file.
	readPragmas := []string{"busy_timeout(5000)", "query_only(1)"}
	switch {
	case s.scattered:
		readPragmas = append(readPragmas, fmt.Sprintf("cache_size(-%d)", scatteredCacheKB))
	case s.mapped:
		readPragmas = append(readPragmas, fmt.Sprintf("mmap_size(%d)", readMapSize))
	}
	if s.read, err = sql.Open(readDriver, dsn(path, url.Values{"_pragma": readPragmas})); err != nil {
		return fail(err)
	}
	s.read.SetMaxOpenConns(4)
	if err := s.migrate(ctx); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	triggers, err := s.triggers(ctx)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if err := s.repairIndex(ctx, triggers); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if err := s.indexLeftOver(ctx); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if err := s.guardAudit(ctx, triggers); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	return s, nil
}

// checkExisting refuses files that are not SQLite, not Avtal's, or newer
// than this program, reading them without writing a byte.
func checkExisting(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err // an *fs.PathError, naming the file
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	if n < 16 || !bytes.Equal(head[:16], []byte("SQLite format 3\x00")) {
		return &PathError{Path: path, Err: ErrNotDatabase}
	}
	// The facts are fields of the file's header. As written in the file
	// they may lag the newest, still in the write-ahead log; but an Avtal
	// register never stops being one, and its version only grows, which
	// migrate refuses too. So a header that says Avtal's, at a version
	// this program knows, is believed without opening the file as a
	// database: a command that only reads (avtal search) is spared that
	// connection.
	if err == nil && binary.BigEndian.Uint32(head[68:]) == ApplicationID && int(binary.BigEndian.Uint32(head[60:])) <= len(migrations) {
		return nil
	}
	// Another program may be creating the file this moment: wait for its
	// lock, and read the three facts in one transaction, so they come from
	// one snapshot (not an id from before its schema and tables from after).
	// They are header fields: reading them parses no schema, which the
	// two pools opened next parse anyway. The schema's cookie is 0 until
	// anything (table, index, view, trigger) has been created in the file.
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version, schemaCookie int
	err = func() error {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		for _, f := range []struct {
			pragma string
			into   *int
		}{{"application_id", &appID}, {"user_version", &version}, {"schema_version", &schemaCookie}} {
			if err := tx.QueryRowContext(ctx, "PRAGMA "+f.pragma).Scan(f.into); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		return fmt.Errorf("%s cannot be read as a database: %w", path, err)
	}
	switch {
	case appID != ApplicationID && (appID != 0 || schemaCookie > 0):
		return &PathError{Path: path, Err: ErrOtherProgram}
	case version > len(migrations):
		return &NewerError{Path: path, Version: version, Known: len(migrations)}
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close waits for the full-text index to take in what was imported, then
// closes both pools and the write lock. An index that could not is
// reported; the next Open indexes those clauses.
func (s *Store) Close() error {
	indexed := s.indexing.wait()
	s.checkpoints.Wait()
	return errors.Join(indexed, s.read.Close(), s.write.Close(), s.lock.close())
}

// Tx runs fn in one write transaction: it commits when fn returns nil and
// rolls back otherwise, so a multi-row write is all or nothing.
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, done, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer done()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return s.commit(ctx, tx)
}

// commit commits a write transaction with the deadlines it changed kept up
// to date (keep), and the list's orders (keepOrder): when they cannot be,
// nothing of it is written.
func (s *Store) commit(ctx context.Context, tx *sql.Tx) error {
	large, err := s.keepUpToDate(ctx, tx)
	if err != nil {
		tx.Rollback()
		return err
	}
	if large {
		return s.commitLarge(ctx, tx)
	}
	return tx.Commit()
}

// keepUpToDate computes the kept deadlines and the list's orders of the
// agreements tx changed so far; large says it computed those of a large
// register all again (keep).
func (s *Store) keepUpToDate(ctx context.Context, tx *sql.Tx) (large bool, err error) {
	large, err = s.keep(ctx, tx)
	if err != nil {
		return false, fmt.Errorf("cannot keep the deadlines up to date: %w", err)
	}
	if err := s.keepOrder(ctx, tx); err != nil {
		return false, fmt.Errorf("cannot keep the list's orders up to date: %w", err)
	}
	return large, nil
}

// autoCheckpoint is SQLite's default: a commit that leaves the write-ahead
// log longer than this many pages folds it into the file (a PASSIVE
// checkpoint, as Litestream needs).
const autoCheckpoint = 1000

// commitLarge commits a transaction that computed every kept deadline
// again, which may have written tens of megabytes: folding them into the
// file would take the commit longer than the writing. The commit leaves
// them in the log, and a PASSIVE checkpoint folds them in on a reading
// connection while the program goes on; the next write waits for it
// (begin), as Close does.
func (s *Store) commitLarge(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		tx.Rollback()
		return err
	}
	err := tx.Commit()
	// The one writing connection, which the caller's turn keeps free.
	_, restore := s.write.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", autoCheckpoint))
	if err == nil {
		// One that fails (the file closing under it) leaves the log to
		// the next: nothing is lost but the log's length.
		s.checkpoints.Go(func() { s.read.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)") })
	}
	return errors.Join(err, restore)
}

// WaitWrites returns once every write begun before it has committed or
// rolled back: it waits its turn for the one writer connection.
func (s *Store) WaitWrites(ctx context.Context) error {
	return s.Tx(ctx, func(*sql.Tx) error { return nil })
}

// Generation changes whenever this program writes to the register (a write
// transaction of any session, committed or not). A result computed from the
// register after reading the generation may be kept, and shared, for as long
// as the generation stays the same.
func (s *Store) Generation() uint64 { return s.writes.Load() }

// Clock returns the clock the store stamps its writes with, so that what
// shows the register (a session) can live on the same one.
func (s *Store) Clock() func() time.Time { return s.clock }

// now returns the store clock's time as RFC 3339 text.
func (s *Store) now() string { return s.clock().UTC().Format(time.RFC3339) }
