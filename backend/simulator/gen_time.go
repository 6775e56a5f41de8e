package simulator

import (
	"math"
	"time"
)

// diurnal spreads points over [from, to) in order, denser in the evening
// (UTC) than at night, by warping evenly spaced quantiles through the
// cumulative share of plays per hour of the day.
type diurnal struct {
	base   time.Time
	lo, hi float64 // warped start and end, in days from base
	cdf    [25]float64
}

// hourShare is how much watching happens in each hour of the day.
func hourShare() [24]float64 {
	return [24]float64{3, 2, 1.5, 1, 0.8, 0.8, 1.2, 2, 2.5, 3, 3.5, 4, 4.5, 4.5, 4.5, 5, 5.5, 6.5, 8, 9.5, 10, 9.5, 7.5, 5}
}

func newDiurnal(from, to time.Time) *diurnal {
	from, to = from.UTC(), to.UTC()
	d := &diurnal{base: time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)}
	share := hourShare()
	sum := 0.0
	for _, s := range share {
		sum += s
	}
	for h, s := range share {
		d.cdf[h+1] = d.cdf[h] + s/sum
	}
	d.cdf[24] = 1
	day := float64(24 * time.Hour)
	d.lo = d.warp(float64(from.Sub(d.base)) / day)
	d.hi = d.warp(float64(to.Sub(d.base)) / day)
	return d
}

// warp maps days to warped days: whole days stay, the fraction follows
// the cumulative hourly share.
func (d *diurnal) warp(x float64) float64 {
	whole, frac := math.Modf(x)
	h := min(int(frac*24), 23)
	return whole + d.cdf[h] + (d.cdf[h+1]-d.cdf[h])*(frac*24-float64(h))
}

func (d *diurnal) unwarp(y float64) float64 {
	whole, frac := math.Modf(y)
	h := 0
	for h < 23 && d.cdf[h+1] <= frac {
		h++
	}
	width := d.cdf[h+1] - d.cdf[h]
	return whole + (float64(h)+(frac-d.cdf[h])/width)/24
}

// at is the time of quantile q in [0, 1).
func (d *diurnal) at(q float64) time.Time {
	days := d.unwarp(d.lo + q*(d.hi-d.lo))
	return d.base.Add(time.Duration(days * float64(24*time.Hour)))
}
