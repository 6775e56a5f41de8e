package simulator

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// GeneratorOptions tunes a Generator. Zero values pick the defaults.
type GeneratorOptions struct {
	// Users is the size of the user pool (300).
	Users int
	// Kind decides the ids, devices and items Plays reports (Plex).
	Kind model.ServerKind
	// Movies, Shows and Artists size the library (400, 60, 50).
	Movies, Shows, Artists int
	// Tick is how often Drive changes something (1s).
	Tick time.Duration
	// Sleep is how Drive waits between ticks (RealSleep).
	Sleep SleepFunc
}

func (o GeneratorOptions) withDefaults() GeneratorOptions {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Users, 300)
	def(&o.Movies, 400)
	def(&o.Shows, 60)
	def(&o.Artists, 50)
	if !o.Kind.Valid() {
		o.Kind = model.KindPlex
	}
	if o.Tick <= 0 {
		o.Tick = time.Second
	}
	if o.Sleep == nil {
		o.Sleep = RealSleep
	}
	return o
}

// Generator makes realistic random activity from a seed: live sessions
// on a Server (Drive), session specs (Spec) and historical plays (Plays).
// The same seed gives the same output. Its pools are read-only once
// built, so its methods are safe for concurrent use.
type Generator struct {
	seed    int64
	opts    GeneratorOptions
	cat     *catalog
	users   []genUser
	cum     []float64
	reasons reasonSets
	keys    []string
}

// genAddr is a place a client connects from.
type genAddr struct {
	ip, public string
	local      bool
}

type genDevice struct {
	dev       Device
	md        model.Device
	class     deviceClass
	audioOnly bool
	// away devices live in another household sharing the account.
	away bool
}

type genUser struct {
	name   string
	su     model.SessionUser
	home   genAddr
	mobile genAddr
	around []genAddr
	travel []genAddr
	away   *genAddr
	// devices per kind, indexed by kindIndex.
	devices [3][]genDevice
}

func kindIndex(k model.ServerKind) int {
	switch k {
	case model.KindJellyfin:
		return 1
	case model.KindEmby:
		return 2
	}
	return 0
}

func allKinds() []model.ServerKind {
	return []model.ServerKind{model.KindPlex, model.KindJellyfin, model.KindEmby}
}

// NewGenerator builds the pools for seed.
func NewGenerator(seed int64, opts GeneratorOptions) *Generator {
	opts = opts.withDefaults()
	r := rand.New(rand.NewPCG(uint64(seed), 0x706f6f6c73)) //nolint:gosec // simulation
	g := &Generator{seed: seed, opts: opts, reasons: newReasonSets()}
	g.cat = buildCatalog(r, opts.Kind, opts.Movies, opts.Shows, opts.Artists)
	g.users = buildUsers(r, opts.Users, opts.Kind)
	total := 0.0
	for i := range g.users {
		total += 1 / math.Pow(float64(i+5), 0.9)
		g.cum = append(g.cum, total)
	}
	for i := 1; i <= 400; i++ {
		g.keys = append(g.keys, itoa(i))
	}
	return g
}

// rng is a random source for one purpose of this generator.
func (g *Generator) rng(salt uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.seed), salt)) //nolint:gosec // simulation
}

// pickUser favours the first users: a few accounts watch most.
func (g *Generator) pickUser(r *rand.Rand) *genUser {
	x := r.Float64() * g.cum[len(g.cum)-1]
	i := sort.SearchFloat64s(g.cum, x)
	return &g.users[min(i, len(g.users)-1)]
}

func (g *Generator) pickAddr(r *rand.Rand, u *genUser, d *genDevice) genAddr {
	if d.away && u.away != nil {
		return *u.away
	}
	p := r.IntN(1000)
	if p < 15 {
		return u.travel[r.IntN(len(u.travel))]
	}
	switch d.class {
	case classMobile:
		switch {
		case p < 450:
			return u.home
		case p < 800:
			return u.mobile
		}
		return u.around[r.IntN(len(u.around))]
	case classWeb, classDesktop:
		if p < 850 {
			return u.home
		}
		return u.around[r.IntN(len(u.around))]
	}
	return u.home
}

func (g *Generator) pickItem(r *rand.Rand, d *genDevice) int {
	c := g.cat
	if d.audioOnly {
		return c.tracks[r.IntN(len(c.tracks))]
	}
	switch p := r.IntN(100); {
	case p < 52:
		return c.episodes[r.IntN(len(c.episodes))]
	case p < 84:
		return c.movies[r.IntN(len(c.movies))]
	case p < 97:
		return c.tracks[r.IntN(len(c.tracks))]
	}
	return c.lives[r.IntN(len(c.lives))]
}

// choice is one drawn playback.
type choice struct {
	user     *genUser
	device   *genDevice
	addr     genAddr
	item     int
	delivery Delivery
}

func (g *Generator) choose(r *rand.Rand, kind model.ServerKind) choice {
	u := g.pickUser(r)
	devs := u.devices[kindIndex(kind)]
	d := &devs[r.IntN(len(devs))]
	a := g.pickAddr(r, u, d)
	item := g.pickItem(r, d)
	it := &g.cat.items[item].item
	return choice{user: u, device: d, addr: a, item: item,
		delivery: pickDelivery(r, it.Source, it.isVideo(), a.local, &g.reasons)}
}

// spec turns a choice into a SessionSpec with the address quirks real
// servers show: ::ffff: forms, ports on Jellyfin/Emby, Plex relays.
func (g *Generator) spec(r *rand.Rand, kind model.ServerKind, c choice) SessionSpec {
	n := Network{IP: c.addr.ip, PublicIP: c.addr.public, Local: c.addr.local, Secure: true}
	switch {
	case kind == model.KindPlex && !n.Local && r.IntN(50) == 0:
		n = Network{IP: "127.0.0.1", PublicIP: c.addr.ip, Relayed: true, Secure: true}
	case r.IntN(10) == 0:
		n.Mapped = true
	}
	if kind != model.KindPlex && r.IntN(4) == 0 {
		n.Port = 1024 + r.IntN(64000)
	}
	return SessionSpec{
		User: User{Name: c.user.name}, Device: c.device.dev, Network: n,
		Item: g.cat.items[c.item].item, Delivery: c.delivery,
	}
}

// Spec is the i-th random session for a server of kind; the same seed
// and i give the same spec. It starts somewhere in the first half.
func (g *Generator) Spec(kind model.ServerKind, i uint64) SessionSpec {
	r := g.rng(0x73706563_00000000 + i)
	c := g.choose(r, kind)
	sp := g.spec(r, kind, c)
	sp.Position = time.Duration(r.Float64() * 0.5 * float64(sp.Item.Duration))
	return sp
}
