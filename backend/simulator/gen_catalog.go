package simulator

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// catalogItem is a library item with its model form for one server kind
// and a link to what autoplay moves on to.
type catalogItem struct {
	item  MediaItem
	media model.Media
	// next is the index of the next episode or track, -1 at the end.
	next int
}

// catalog is the generator's library, split by type for picking.
type catalog struct {
	items                           []catalogItem
	movies, episodes, tracks, lives []int
}

func (c *catalog) add(it MediaItem, linked bool) int {
	i := len(c.items)
	c.items = append(c.items, catalogItem{item: it, next: -1})
	if linked && i > 0 {
		c.items[i-1].next = i
	}
	return i
}

// uniqueTitle draws titles from gen until one is new.
func uniqueTitle(seen map[string]bool, gen func() string) string {
	for range 20 {
		if t := gen(); !seen[t] {
			seen[t] = true
			return t
		}
	}
	t := gen() + " " + itoa(len(seen))
	seen[t] = true
	return t
}

func titleGen(r *rand.Rand) func() string {
	adj, noun, place, first := adjectives(), nouns(), places(), firstNames()
	return func() string {
		a, n := adj[r.IntN(len(adj))], noun[r.IntN(len(noun))]
		switch r.IntN(6) {
		case 0:
			return n + " of " + place[r.IntN(len(place))]
		case 1:
			return a + " " + n
		case 2:
			return first[r.IntN(len(first))] + "'s " + n
		case 3:
			return "The " + n + "s"
		}
		return "The " + a + " " + n
	}
}

func buildCatalog(r *rand.Rand, kind model.ServerKind, movies, shows, artists int) *catalog {
	c := &catalog{}
	seen := map[string]bool{}
	title := titleGen(r)
	for range movies {
		it := MediaItem{
			Type: model.MediaMovie, Title: uniqueTitle(seen, title), Year: 1970 + r.IntN(56) - r.IntN(20)*r.IntN(2),
			Duration:    time.Duration(85+r.IntN(85)) * time.Minute,
			ExternalIDs: map[string]string{"imdb": fmt.Sprintf("tt%07d", 100000+r.IntN(9_000_000)), "tmdb": itoa(100 + r.IntN(900_000))},
			Source:      movieQuality(r),
		}
		c.movies = append(c.movies, c.add(it, false))
	}
	for range shows {
		show, q := uniqueTitle(seen, title), showQuality(r)
		runtime, year := 42+r.IntN(17), 1995+r.IntN(29)
		if r.IntN(10) < 3 {
			runtime = 21 + r.IntN(4)
		}
		tvdb := 70000 + r.IntN(400000)
		first := true
		seasons := 1 + r.IntN(7)
		for season := 1; season <= seasons; season++ {
			episodes := 6 + r.IntN(8)
			for ep := 1; ep <= episodes; ep++ {
				name := title()
				if season == 1 && ep == 1 {
					name = "Pilot"
				}
				it := MediaItem{
					Type: model.MediaEpisode, Title: name, ParentTitle: "Season " + itoa(season), GrandparentTitle: show,
					ParentIndex: season, Index: ep, Year: year + season - 1,
					Duration:    time.Duration(runtime)*time.Minute + time.Duration(r.IntN(120))*time.Second,
					ExternalIDs: map[string]string{"tvdb": itoa(tvdb*10 + season*100 + ep)}, Source: q,
				}
				c.episodes = append(c.episodes, c.add(it, !first))
				first = false
			}
		}
	}
	last, firstN := lastNames(), firstNames()
	for range artists {
		artist := uniqueTitle(seen, func() string {
			if r.IntN(2) == 0 {
				return firstN[r.IntN(len(firstN))] + " " + last[r.IntN(len(last))]
			}
			if t := title(); !strings.HasPrefix(t, "The ") {
				return "The " + t
			}
			return title()
		})
		albums := 1 + r.IntN(4)
		for album := 1; album <= albums; album++ {
			name, q, year := title(), albumQuality(r), 1975+r.IntN(50)
			tracks := 8 + r.IntN(7)
			for tr := 1; tr <= tracks; tr++ {
				it := MediaItem{
					Type: model.MediaTrack, Title: title(), ParentTitle: name, GrandparentTitle: artist,
					ParentIndex: 1, Index: tr, Year: year, Duration: time.Duration(150+r.IntN(210)) * time.Second,
					ExternalIDs: map[string]string{"musicbrainz": mbid(r)}, Source: q,
				}
				c.tracks = append(c.tracks, c.add(it, tr > 1))
			}
		}
	}
	for _, ch := range []string{"World News Tonight", "Sports Live", "Morning Show", "Nature Hour", "Late Night Talk", "Cooking Today"} {
		it := MediaItem{Type: model.MediaLiveTV, Key: "live|" + ch, Title: ch, Duration: time.Hour, Source: liveQuality()}
		c.lives = append(c.lives, c.add(it, false))
	}
	for i := range c.items {
		c.items[i].media = modelMedia(kind, c.items[i].item)
	}
	return c
}

func mbid(r *rand.Rand) string {
	h := randomHexFrom(r, 32)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// modelMedia is the item as the tracker records it from a server of kind.
func modelMedia(kind model.ServerKind, it MediaItem) model.Media {
	lib := libraryFor(it)
	return model.Media{
		Type: it.Type, ItemID: itemID(kind, it), Title: it.Title, ParentTitle: it.ParentTitle,
		GrandparentTitle: it.GrandparentTitle, ParentIndex: it.ParentIndex, Index: it.Index, Year: it.Year,
		DurationMs: ms(it.Duration), LibraryID: libraryID(kind, lib), LibraryName: lib.name, ExternalIDs: it.ExternalIDs,
	}
}
