package docparse

// maxGap is how far a clause number may skip ahead of the one before it:
// "4.4" after "4.2" allows for one clause lost in conversion, while "4.9"
// after "4.2" is taken for a number in the text.
const maxGap = 2

// successor reports whether next can follow prev in a clause numbering:
// a first child ("8.6" → "8.6.1" or "8.6.2", or two levels down "8" → "8.1.1"), a next
// sibling ("8.6.2" → "8.6.3"), or the next clause of an enclosing level
// ("8.6.3" → "8.7", "9", or "9.1" when the heading of 9 was lost).
func successor(prev, next []int) bool {
	if len(prev) == 0 {
		return isStart(next)
	}
	k := 0
	for k < len(prev) && k < len(next) && prev[k] == next[k] {
		k++
	}
	if k == len(prev) {
		// The first child may be the second when the first was lost
		// ("6" → "6.2").
		tail := next[k:]
		return len(tail) == 1 && tail[0] <= maxGap || len(tail) == 2 && allOnes(tail)
	}
	if k == len(next) {
		return false // next is an ancestor of prev, or prev again
	}
	step := next[k] - prev[k]
	tail := next[k+1:]
	return step >= 1 && step <= maxGap && len(tail) <= 1 && allOnes(tail)
}

// isStart reports a number that can begin a numbering: 1, 1.1 or 1.1.1.
func isStart(path []int) bool {
	return len(path) >= 1 && len(path) <= 3 && allOnes(path)
}

func allOnes(path []int) bool {
	for _, v := range path {
		if v != 1 {
			return false
		}
	}
	return true
}

// nextLetter returns the appendix letter after l: "" → "A", "A" → "B".
func nextLetter(l string) string {
	if l == "" {
		return "A"
	}
	if l >= "Z" {
		return ""
	}
	return string(rune(l[0] + 1))
}
