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

var sortColumns = map[PlaySort]string{
	SortStarted: "started_at", SortUser: "user_name", SortTitle: "title", SortPlatform: "platform",
	SortIP: "ip", SortDuration: "watch_ms",
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
	col, ok := sortColumns[q.Sort]
	if !ok {
		col = sortColumns[SortStarted]
	}
	dir := "DESC"
	if q.Ascend {
		dir = "ASC"
	}
	text, err := s.textFilter(ctx, q.Text)
	if err != nil {
		return PlayPage{}, err
	}
	order := col + " " + dir + ", id " + dir
	if text.collect {
		return s.collectedPage(ctx, q, text, order)
	}
	// Pick the page's ids first and read only those rows: sorting ids
	// costs far less than sorting whole plays.
	var rows []playRow
	ids := s.filtered(ctx, q, text).Select("id").Order(order).Offset(q.Offset).Limit(q.Limit)
	err = s.db.WithContext(ctx).Where("id IN (?)", ids).Order(order).Find(&rows).Error
	if err != nil {
		return PlayPage{}, fmt.Errorf("searching plays: %w", err)
	}
	page := PlayPage{Plays: models(rows)}
	if text.matches > CountCap && q.onlyText() {
		// The full-text index already counted past the cap.
		page.Total = text.matches
	} else {
		sub := s.filtered(ctx, q, text).Select("1").Limit(CountCap + 1)
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
func (s *Store) collectedPage(ctx context.Context, q PlayQuery, text textFilter, order string) (PlayPage, error) {
	var ids []int64
	if err := s.filtered(ctx, q, text).Order("+"+order).Pluck("id", &ids).Error; err != nil {
		return PlayPage{}, fmt.Errorf("searching plays: %w", err)
	}
	page := PlayPage{Total: int64(len(ids))}
	if page.Total > CountCap {
		page.Total, page.Capped = CountCap, true
	}
	lo, hi := min(q.Offset, len(ids)), min(q.Offset+q.Limit, len(ids))
	if lo == hi {
		page.Plays = []model.Play{}
		return page, nil
	}
	var rows []playRow
	if err := s.db.WithContext(ctx).Where("id IN ?", ids[lo:hi]).Order(order).Find(&rows).Error; err != nil {
		return PlayPage{}, fmt.Errorf("reading plays: %w", err)
	}
	page.Plays = models(rows)
	return page, nil
}

func models(rows []playRow) []model.Play {
	out := make([]model.Play, len(rows))
	for i, r := range rows {
		out[i] = r.model()
	}
	return out
}

func (s *Store) filtered(ctx context.Context, q PlayQuery, text textFilter) *gorm.DB {
	db := s.db.WithContext(ctx).Model(&playRow{})
	if q.ServerID != 0 {
		db = db.Where("server_id = ?", q.ServerID)
	}
	if q.UserID != "" {
		db = db.Where("user_id = ?", q.UserID)
	}
	if q.MediaType != "" {
		db = db.Where("media_type = ?", q.MediaType)
	}
	if q.IP != "" {
		db = db.Where("ip = ?", q.IP)
	}
	if !q.From.IsZero() {
		db = db.Where("started_at >= ?", millis(q.From))
	}
	if !q.To.IsZero() {
		db = db.Where("started_at < ?", millis(q.To))
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

// textFilter picks how to apply a word search. A rare word is best
// answered by collecting its few matching plays from the full-text index
// and sorting them; a common one ("the") matches half the history, so
// plays are read in the page's order instead and each is checked against
// the small set of distinct titles and names that match, which stops as
// soon as the page is full. Both require every word to start a word of
// the title, season/album, show/artist or user name.
func (s *Store) textFilter(ctx context.Context, text string) (textFilter, error) {
	words := searchWords(text)
	if len(words) == 0 {
		return textFilter{}, nil
	}
	match := strings.Join(words, " ")
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM (SELECT 1 FROM plays_fts WHERE plays_fts MATCH ? LIMIT ?)`,
		match, s.selectiveMatches+1).Scan(&n).Error
	if err != nil {
		return textFilter{}, fmt.Errorf("counting search matches: %w", err)
	}
	if n <= int64(s.selectiveMatches) {
		return textFilter{clause: "id IN (SELECT rowid FROM plays_fts WHERE plays_fts MATCH ?)", args: []any{match}, matches: n, collect: true}, nil
	}
	const matching = `(SELECT text FROM search_words WHERE id IN (SELECT rowid FROM search_words_fts WHERE search_words_fts MATCH ?))`
	var clauses []string
	var args []any
	for _, w := range words {
		clauses = append(clauses, "(title IN "+matching+" OR parent_title IN "+matching+
			" OR grandparent_title IN "+matching+" OR user_name IN "+matching+")")
		args = append(args, w, w, w, w)
	}
	return textFilter{clause: strings.Join(clauses, " AND "), args: args, matches: n}, nil
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
