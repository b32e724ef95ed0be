package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Amount is money in hundredths of the currency unit (öre, cent), so sums
// and credits never drift the way floats do.
type Amount int64

// ParseAmount reads "10000", "10 000", "10000.50" or "10 000,50".
func ParseAmount(s string) (Amount, error) {
	clean := strings.NewReplacer(" ", "", "\u00a0", "", "_", "").Replace(strings.TrimSpace(s))
	clean = strings.Replace(clean, ",", ".", 1)
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return 0, fmt.Errorf("%q is not an amount (want e.g. 10000 or 10 000,50)", s)
	}
	return Amount(math.Round(f * 100)), nil
}

// Float returns the amount in whole units.
func (a Amount) Float() float64 { return float64(a) / 100 }

// String writes the amount with two decimals only when it has any: "2500", "2500.50".
func (a Amount) String() string {
	if a%100 == 0 {
		return strconv.FormatInt(int64(a/100), 10)
	}
	return strconv.FormatFloat(a.Float(), 'f', 2, 64)
}

// Grouped writes the amount with thin groups the Swedish way: "10 000", "2 500,50".
func (a Amount) Grouped() string {
	neg := a < 0
	if neg {
		a = -a
	}
	whole := strconv.FormatInt(int64(a/100), 10)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	if cents := a % 100; cents != 0 {
		fmt.Fprintf(&b, ",%02d", int64(cents))
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// MarshalJSON writes the amount as a JSON number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalJSON reads a JSON number or string.
func (a *Amount) UnmarshalJSON(b []byte) error {
	v, err := ParseAmount(strings.Trim(string(b), `"`))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalText writes the amount as text (YAML writes it as a plain scalar).
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads an amount.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalYAML writes the amount as a YAML number.
func (a Amount) MarshalYAML() (any, error) {
	if a%100 == 0 {
		return int64(a / 100), nil
	}
	return a.Float(), nil
}
