package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"

	"github.com/streamwarden/streamwarden/backend/model"
)

// PlayQuery filters and orders the history. Zero fields do not filter.
type PlayQuery struct {
	ServerID  int64
	UserID    string
	MediaType model.MediaType
	IP        string
	// Text matches words at the start of title, season/album, show/artist
	// and user name words.
	Text string
	// From and To bound the start time: From <= started < To.
	From, To time.Time
	Sort     PlaySort
	Ascend   bool
	Offset   int
	Limit    int
}

// PlaySort names a history order.
type PlaySort string

const (
	SortStarted  PlaySort = "started"
	SortUser     PlaySort = "user"
	SortTitle    PlaySort = "title"
	SortPlatform PlaySort = "platform"
	SortIP       PlaySort = "ip"
	SortDuration PlaySort = "duration"
)

// sortOrders are the ORDER BY of each sort, with DIR for the direction.
// Sorts by a shared value walk that table in order and each of its
// rows' plays by start, so they read an index instead of sorting.
var sortOrders = map[PlaySort]string{
	SortStarted:  "p.started_at DIR, p.id DIR",
	SortUser:     "u.name DIR, u.id DIR, p.started_at DIR, p.id DIR",
	SortTitle:    "i.title DIR, i.id DIR, p.started_at DIR, p.id DIR",
	SortPlatform: "d.platform DIR, d.id DIR, p.started_at DIR, p.id DIR",
	SortIP:       "a.ip DIR, p.started_at DIR, p.id DIR",
	SortDuration: "p.watch_ms DIR, p.id DIR",
}

// sortJoins are the tables a sort reads besides plays.
var sortJoins = map[PlaySort]string{
	SortUser:     "JOIN media_users u ON u.id = p.user_ref",
	SortTitle:    "JOIN items i ON i.id = p.item_ref",
	SortPlatform: "JOIN devices d ON d.id = p.device_ref",
	SortIP:       "JOIN addresses a ON a.id = p.address_ref",
}

// CountCap is where history totals stop counting: past it the UI shows
// "10,000+" rather than scan every matching row.
const CountCap = 10000

// PlayPage is one page of history.
type PlayPage struct {
	Plays []model.Play
	// Total counts the matching plays up to CountCap; Capped says there
	// are more.
	Total  int64
	Capped bool
}

// SearchPlays returns one page of plays matching q.
func (s *Store) SearchPlays(ctx context.Context, q PlayQuery) (PlayPage, error) {
	sort := q.Sort
	if _, ok := sortOrders[sort]; !ok {
		sort = SortStarted
	}
	dir := "DESC"
	if q.Ascend {
		dir = "ASC"
	}
	order := strings.ReplaceAll(sortOrders[sort], "DIR", dir)
	text, err := s.textFilter(ctx, q.Text)
	if err != nil {
		return PlayPage{}, err
	}
	if text.collect {
		return s.collectedPage(ctx, q, text, sort, order)
	}
	// Pick the page's ids first and read only those rows: sorting ids
	// costs far less than sorting whole plays.
	var ids []int64
	err = s.filtered(ctx, q, text, sortJoins[sort]).Order(order).Offset(q.Offset).Limit(q.Limit).Pluck("p.id", &ids).Error
	if err != nil {
		return PlayPage{}, fmt.Errorf("searching plays: %w", err)
	}
	page := PlayPage{}
	if page.Plays, err = s.pagePlays(ctx, ids, order); err != nil {
		return PlayPage{}, err
	}
	if text.matches > CountCap && q.onlyText() {
		page.Total = text.matches
	} else {
		sub := s.filtered(ctx, q, text, "").Select("1").Limit(CountCap + 1)
		if err := s.db.WithContext(ctx).Table("(?) AS matching", sub).Count(&page.Total).Error; err != nil {
			return PlayPage{}, fmt.Errorf("counting plays: %w", err)
		}
	}
	if page.Total > CountCap {
		page.Total, page.Capped = CountCap, true
	}
	return page, nil
}

// collectedPage answers a search whose few matches are collected: one
// pass sorts all their ids (the "+" keeps SQLite from walking an order
// index through plays that do not match), which gives the page and the
// total at once.
func (s *Store) collectedPage(ctx context.Context, q PlayQuery, text textFilter, sort PlaySort, order string) (PlayPage, error) {
	var ids []int64
	if err := s.filtered(ctx, q, text, sortJoins[sort]).Order("+"+order).Pluck("p.id", &ids).Error; err != nil {
		return PlayPage{}, fmt.Errorf("searching plays: %w", err)
	}
	page := PlayPage{Total: int64(len(ids))}
	if page.Total > CountCap {
		page.Total, page.Capped = CountCap, true
	}
	lo, hi := min(q.Offset, len(ids)), min(q.Offset+q.Limit, len(ids))
	var err error
	page.Plays, err = s.pagePlays(ctx, ids[lo:hi], order)
	return page, err
}

// pagePlays reads a page's plays by id, in the page's order.
func (s *Store) pagePlays(ctx context.Context, ids []int64, order string) ([]model.Play, error) {
	if len(ids) == 0 {
		return []model.Play{}, nil
	}
	return s.readPlays(ctx, "p.id IN ?", order, ids)
}

func (s *Store) filtered(ctx context.Context, q PlayQuery, text textFilter, join string) *gorm.DB {
	db := s.db.WithContext(ctx).Table("plays AS p")
	if join != "" {
		db = db.Joins(join)
	}
	if q.ServerID != 0 {
		db = db.Where("p.server_id = ?", q.ServerID)
	}
	if q.UserID != "" {
		db = db.Where("p.user_ref IN (SELECT id FROM media_users WHERE external_id = ?)", q.UserID)
	}
	if q.MediaType != "" {
		db = db.Where("p.media_type = ?", q.MediaType)
	}
	if q.IP != "" {
		db = db.Where("p.address_ref IN (SELECT id FROM addresses WHERE ip = ?)", q.IP)
	}
	if !q.From.IsZero() {
		db = db.Where("p.started_at >= ?", millis(q.From))
	}
	if !q.To.IsZero() {
		db = db.Where("p.started_at < ?", millis(q.To))
	}
	if text.clause != "" {
		db = db.Where(text.clause, text.args...)
	}
	return db
}

// defaultSelectiveMatches is how many full-text matches a search may
// have for its matches to be collected first; past it, plays are read in
// order and each is checked, which stops as soon as a page is full.
const defaultSelectiveMatches = 20000

type textFilter struct {
	clause string
	args   []any
	// matches counts the plays matching the words, up to the
	// selective limit plus one.
	matches int64
	// collect is true when the matches are collected and then sorted.
	collect bool
}

// onlyText reports whether the search has no filter but its words.
func (q PlayQuery) onlyText() bool {
	return q.ServerID == 0 && q.UserID == "" && q.MediaType == "" && q.IP == "" && q.From.IsZero() && q.To.IsZero()
}

// textFilter picks how to apply a word search. Every word must start a
// word of the title, season/album, show/artist or account name; the
// small items and accounts tables are searched, and plays are matched by
// reference. A rare word is best answered by collecting its few plays
// through the reference indexes and sorting them; a common one ("the")
// matches half the history, so plays are read in the page's order
// instead and each is checked against the set of matching references
// (the "+" keeps SQLite from driving the search from that set), which
// stops as soon as the page is full.
func (s *Store) textFilter(ctx context.Context, text string) (textFilter, error) {
	words := searchWords(text)
	if len(words) == 0 {
		return textFilter{}, nil
	}
	clause := func(plus string) (string, []any) {
		var clauses []string
		var args []any
		for _, w := range words {
			clauses = append(clauses, "("+plus+"p.item_ref IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) OR "+
				plus+"p.user_ref IN (SELECT rowid FROM media_users_fts WHERE media_users_fts MATCH ?))")
			args = append(args, w, w)
		}
		return strings.Join(clauses, " AND "), args
	}
	collect, args := clause("")
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM (SELECT 1 FROM plays p WHERE `+collect+` LIMIT ?)`,
		append(args, s.selectiveMatches+1)...).Scan(&n).Error
	if err != nil {
		return textFilter{}, fmt.Errorf("counting search matches: %w", err)
	}
	if n <= int64(s.selectiveMatches) {
		return textFilter{clause: collect, args: args, matches: n, collect: true}, nil
	}
	walk, args := clause("+")
	return textFilter{clause: walk, args: args, matches: n}, nil
}

// searchWords turns what the user typed into quoted FTS5 prefix terms,
// so no input can be read as FTS syntax.
func searchWords(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	terms := make([]string, 0, min(len(words), 8))
	for _, w := range words {
		terms = append(terms, `"`+w+`"*`)
		if len(terms) == 8 {
			break
		}
	}
	return terms
}
