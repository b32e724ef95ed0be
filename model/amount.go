package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Amount is money in hundredths of the currency unit (öre, cent), so sums
// and credits never drift the way floats do.
type Amount int64

// maxAmountUnits bounds an amount: a thousand billion units, with room to
// spare in an int64 of hundredths.
const maxAmountUnits = 1_000_000_000_000_000

// ParseAmount reads "10000", "10 000", "10000.50", "10 000,50" or "-5",
// exactly: the digits become hundredths without passing through a float, so
// the largest fee keeps its last öre. A third decimal rounds half away
// from zero.
func ParseAmount(s string) (Amount, error) {
	bad := Refuse("amount_text", "%q is not an amount (want e.g. 10000 or 10 000,50)", s)
	clean := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "_", "").Replace(strings.TrimSpace(s))
	neg := strings.HasPrefix(clean, "-")
	clean = strings.TrimPrefix(strings.TrimPrefix(clean, "-"), "+")
	whole, frac, _ := strings.Cut(strings.Replace(clean, ",", ".", 1), ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) || len(whole) > 16 {
		return 0, bad
	}
	var units int64
	if whole != "" {
		units, _ = strconv.ParseInt(whole, 10, 64)
	}
	if units > maxAmountUnits {
		return 0, bad
	}
	frac += "000"
	cents := int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	if frac[2] >= '5' {
		cents++
	}
	a := Amount(units*100 + cents)
	if neg {
		a = -a
	}
	return a, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Float returns the amount in whole units.
func (a Amount) Float() float64 { return float64(a) / 100 }

// String writes the amount with two decimals only when it has any: "2500",
// "2500.50", "-0.05".
func (a Amount) String() string {
	sign := ""
	if a < 0 {
		sign, a = "-", -a
	}
	if a%100 == 0 {
		return sign + strconv.FormatInt(int64(a/100), 10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, int64(a/100), int64(a%100))
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
